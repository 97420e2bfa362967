"""The catalogue: every canonical model with its offers, scores, speeds and sources, in one object.

Built from a models.dev snapshot (the bundled one, or a newer one saved by `whichmodel refresh`) and the
knowledge files. Loading is the same for the CLI and the long-running bots; `load_catalogue` is pure,
`current()` caches one catalogue per process and `swap()` replaces it atomically.
"""

from __future__ import annotations

import gc
import json
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from bot.catalogue import cache as build_cache
from bot.catalogue.grouping import Model, group_offers
from bot.catalogue.knowledge import Knowledge, Metric, Score, Source, Speed, TaskProfile, knowledge_dir, load_knowledge
from bot.catalogue.merge import merge
from bot.catalogue.names import clean_id, key_is_lossy, model_key
from bot.catalogue.offers import DataError, Offer, Snapshot, newest_update, read_snapshot
from bot.catalogue.scores import TaskScore, task_score
from bot.catalogue.sources.common import SourceData
from bot.catalogue.sources.models_dev import SOURCE as MODELS_DEV
from bot.catalogue.sources.models_dev import bundled_label, bundled_path, offers_from, parse_models_dev
from bot.catalogue.sources.prices import input_files, load_sources
from bot.catalogue.sources.team_file import ExtraFile, apply_extra, load_extra

Index = Callable[["Catalogue"], Any]


def index_name(build: Index) -> str:
    """The key a derived index is kept under: the builder's module and name."""
    return f"{build.__module__}.{build.__qualname__}"


CACHE_FILE = "models-dev-api.json"
META_FILE = "models-dev-api.meta.json"
PREVIOUS_FILE = "models-dev-api.previous.json"
PREVIOUS_META_FILE = "models-dev-api.previous.meta.json"


def cache_dir() -> Path:
    """Where `whichmodel refresh` keeps downloaded models.dev data."""
    env = os.environ.get("WHICHMODEL_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "whichmodel"


@dataclass
class Catalogue:
    """Models, offers and curated knowledge, with lookups. Treat as read-only."""

    snapshot: Snapshot
    knowledge: Knowledge
    models: tuple[Model, ...]
    problems: tuple[str, ...]
    warnings: tuple[str, ...]
    by_id: dict[str, Model]
    by_key: dict[str, Model]
    metrics: dict[str, Metric]
    sources: dict[str, Source]
    by_exact: dict[str, Model] = field(default_factory=dict, repr=False)
    price_sources: dict[str, Snapshot] = field(default_factory=dict)
    source_counts: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, dict[str, int]] = field(default_factory=dict)
    pointers: dict[str, str] = field(default_factory=dict)
    _task_scores: dict[tuple[str, str], TaskScore] = field(default_factory=dict, repr=False)
    _derived: dict[str, Any] = field(default_factory=dict, repr=False)

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        state["_task_scores"] = {}
        return state

    def index(self, build: Index) -> Any:
        """The index `build` derives from this catalogue (name lookups, suggestion lists, ...), built on first use.

        Builders passed to `load_catalogue(indexes=...)` are built with the catalogue and kept in the build cache.
        """
        name = index_name(build)
        value = self._derived.get(name)
        if value is None:
            value = self._derived[name] = build(self)
        return value

    # --- lookups -----------------------------------------------------------------------------------

    def model(self, name: str) -> Model | None:
        """A model by id, offer id, or alias (exact after normalisation; no fuzzy matching)."""
        return (
            self.by_id.get(name)
            or self.by_id.get(name.lower())
            or self.by_exact.get(clean_id(name))
            or self.by_key.get(model_key(name))
        )

    def scores(self, model: Model) -> list[Score]:
        return self.knowledge.scores.scores.get(model.id, [])

    def speeds(self, model: Model) -> list[Speed]:
        return self.knowledge.speeds.speeds.get(model.id, [])

    def speed(self, model: Model, provider: str | None = None) -> Speed | None:
        """The speed figure for a model at a provider.

        The headline figure (measured on the maker's API) stands for the maker's own offers; another
        provider's own figure stands for that provider, else the headline figure does.
        """
        entries = self.speeds(model)
        if not entries:
            return None
        own = [s for s in entries if provider and s.provider == provider]
        headline = [s for s in entries if s.provider is None]
        makers_own = provider is not None and any(o.first_party and o.provider == provider for o in model.offers)
        pool = (headline or own or entries) if makers_own else (own or headline or entries)
        return max(pool, key=lambda s: (s.output_tps is not None, s.ttft_s is not None, s.as_of))

    def profile(self, task: str | None) -> TaskProfile:
        return self.knowledge.tasks.tasks[task or "general"]  # type: ignore[index]

    def task_score(self, model: Model, task: str | None) -> TaskScore:
        """The model's 0-100 score for a task (`general` when no task), with coverage and tier."""
        name = task or "general"
        cached = self._task_scores.get((model.id, name))
        if cached is None:
            tasks = self.knowledge.tasks
            cached = task_score(name, tasks.tasks[name], self.scores(model), self.metrics, tasks.tiers)  # type: ignore[index]
            self._task_scores[(model.id, name)] = cached
        return cached

    def prices_as_of(self) -> dict[str, date | None]:
        """Each price source's as-of date (models.dev, LiteLLM, genai-prices)."""
        return {k: s.as_of for k, s in self.price_sources.items()}

    def disagreements(self) -> list[tuple[Model, Offer]]:
        """Offers whose sources disagree on the list price (each claim with its date in `offer.disagreement`)."""
        return [(m, o) for m in self.models for o in m.offers if o.disagreement]

    def source(self, source_id: str) -> Source | None:
        return self.sources.get(source_id)

    def chat_models(self) -> list[Model]:
        return [m for m in self.models if m.kind == "chat"]

    @property
    def providers(self) -> dict[str, str]:
        """Provider id -> display name."""
        out: dict[str, str] = {}
        for m in self.models:
            for o in m.offers:
                out.setdefault(o.provider, o.provider_name)
        return out


def alias_tables(knowledge: Knowledge) -> tuple[dict[str, str], dict[str, str]]:
    """(exact, keyed): cleaned name -> model id, and normalised key -> model id.

    Every alias matches exactly (`clean_id`). An alias also matches by normalised key unless its key is
    lossy (`key_is_lossy`: it drops a date, `-latest`, a version tag) or two aliases share the key but
    point at different models: those match exactly only. `aliases.yaml` (names people type) wins over
    `source_names.yaml` for the same key.
    """
    exact: dict[str, str] = {}
    keyed: dict[str, set[str]] = {}
    for aliases in (knowledge.source_names, knowledge.aliases):
        for target, names in aliases.aliases.items():
            exact.setdefault(clean_id(target), target)
            if not key_is_lossy(target):
                keyed.setdefault(model_key(target), set()).add(target)
            for name in names:
                exact[clean_id(name)] = target
                if not key_is_lossy(name):
                    keyed.setdefault(model_key(name), set()).add(target)
    people = {model_key(n): t for t, names in knowledge.aliases.aliases.items() for n in names}
    table = {k: next(iter(t)) for k, t in keyed.items() if len(t) == 1}
    table.update(people)
    return exact, table


def _check(knowledge: Knowledge, by_id: dict[str, Model], providers: set[str]) -> list[str]:
    """Cross-references between knowledge files and the catalogue that do not hold."""
    problems: list[str] = []
    metrics = {m.id for m in knowledge.metrics.metrics}
    sources = {s.id for s in knowledge.sources.sources}
    for file, aliases in (("aliases.yaml", knowledge.aliases), ("source_names.yaml", knowledge.source_names)):
        for target, names in aliases.aliases.items():
            if target not in by_id:
                problems.append(f"{file}: alias target '{target}' is not a catalogue model ({len(names)} names)")
    for line, members in knowledge.aliases.lines.items():
        for mid in members:
            if mid not in by_id:
                problems.append(f"aliases.yaml: line '{line}' names '{mid}', not a catalogue model")
    for mid, entries in knowledge.scores.scores.items():
        if mid not in by_id:
            problems.append(f"scores.yaml: scores for '{mid}', not a catalogue model")
        for i, s in enumerate(entries):
            if s.metric not in metrics:
                problems.append(f"scores.yaml: {mid}[{i}]: unknown metric '{s.metric}'")
            if s.source not in sources:
                problems.append(f"scores.yaml: {mid}[{i}]: unknown source '{s.source}'")
    for mid, entries in knowledge.speeds.speeds.items():
        if mid not in by_id:
            problems.append(f"speeds.yaml: speeds for '{mid}', not a catalogue model")
        for i, s in enumerate(entries):
            if s.source not in sources:
                problems.append(f"speeds.yaml: {mid}[{i}]: unknown source '{s.source}'")
            if s.provider and s.provider not in providers:
                problems.append(f"speeds.yaml: {mid}[{i}]: unknown provider '{s.provider}'")
    for task, profile in knowledge.tasks.tasks.items():
        for metric in profile.metrics:
            if metric not in metrics:
                problems.append(f"tasks.yaml: task '{task}' weighs unknown metric '{metric}'")
    for maker in knowledge.makers.makers:
        for p in maker.providers:
            if p not in providers:
                problems.append(f"makers.yaml: maker '{maker.id}' names unknown provider '{p}'")
    return problems


def refreshed_meta(directory: Path | None = None, name: str = META_FILE) -> dict[str, str]:
    """The sidecar `whichmodel refresh` writes next to the data: fetch time, url, sha256 ({} if none)."""
    path = (directory or cache_dir()) / name
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _refreshed_snapshot(cached: Path) -> Snapshot:
    meta = refreshed_meta(cached.parent)
    fetched = meta.get("fetched_at", "")
    try:
        day = date.fromisoformat(fetched[:10])
    except ValueError:
        day = date.fromtimestamp(cached.stat().st_mtime)
    where = f" from {meta['url']}" if meta.get("url") else ""
    return Snapshot("refreshed", f"models.dev refreshed {day.isoformat()}{where}", day, str(cached))


def snapshot_source(path: Path | None = None) -> tuple[Snapshot, Path, list[str]]:
    """Which models.dev data to use (without reading it): `path`, else refreshed data, else the bundled one."""
    notes: list[str] = []
    if path is not None:
        return Snapshot("file", f"models.dev data from {path.name}", None, str(path)), path, notes
    cached = cache_dir() / CACHE_FILE
    if cached.is_file():
        try:
            return _refreshed_snapshot(cached), cached, notes
        except OSError as exc:
            notes.append(f"could not read refreshed data {cached}: {exc.strerror}; using the bundled snapshot")
    return _bundled(), bundled_path(), notes


def _bundled() -> Snapshot:
    return Snapshot("bundled", bundled_label(), None, str(bundled_path()))


def read_data(snapshot: Snapshot, where: Path, notes: list[str]) -> tuple[Snapshot, bytes]:
    """The raw data at `where`; refreshed data that cannot be read falls back to the bundled snapshot."""
    try:
        return snapshot, read_snapshot(where)
    except OSError as exc:
        if snapshot.origin != "refreshed":
            raise
        notes.append(f"could not read refreshed data {where}: {exc.strerror}; using the bundled snapshot")
        return _bundled(), read_snapshot(bundled_path())


def _build(
    knowledge: Knowledge, snapshot: Snapshot, raw: bytes, notes: list[str], extra: ExtraFile | None = None
) -> Catalogue:
    try:
        providers = parse_models_dev(raw)
    except DataError as exc:
        if snapshot.origin != "refreshed":
            raise
        notes.append(f"refreshed data unusable ({exc}); using the bundled snapshot")
        snapshot = _bundled()
        providers = parse_models_dev(read_snapshot(bundled_path()))
    md_offers = offers_from(providers)
    if snapshot.as_of is None:
        snapshot = Snapshot(snapshot.origin, snapshot.label, newest_update(md_offers), snapshot.path)
    for o in md_offers:  # models.dev keeps no history: its prices are as of the snapshot (or the refresh)
        o.price_as_of = snapshot.as_of
    priced, price_snaps, price_notes = load_sources(cache_dir())
    notes.extend(price_notes)
    by_source: dict[str, list[Offer]] = {MODELS_DEV: md_offers, **{k: d.offers for k, d in priced.items()}}
    offers = merge(by_source, {pid: p.name for pid, p in providers.items()})
    snapshots = {MODELS_DEV: snapshot, **price_snaps}
    snapshot = _combined(snapshots)
    extra_problems: list[str] = []
    if extra is not None:
        offers, extra_problems = apply_extra(offers, extra)
        label = f"{snapshot.label}, with your team's prices ({extra.source}, {extra.as_of.isoformat()})"
        snapshot = Snapshot(snapshot.origin, label, snapshot.as_of, snapshot.path)
    exact, aliases = alias_tables(knowledge)
    distinct = frozenset(knowledge.source_names.distinct) | frozenset(knowledge.aliases.distinct)
    models = group_offers(offers, knowledge.makers.makers, aliases, exact, distinct)
    by_id = {m.id: m for m in models}
    by_key: dict[str, Model] = {}
    for m in models:
        by_key.setdefault(m.key, m)
    for key, target in aliases.items():
        if target in by_id:
            by_key.setdefault(key, by_id[target])
    for m in models:
        for o in m.offers:
            by_key.setdefault(model_key(o.id), m)
    by_exact = {name: by_id[target] for name, target in exact.items() if target in by_id}
    by_id.update({k.lower(): v for k, v in list(by_id.items()) if k.lower() not in by_id})
    problems = _check(knowledge, by_id, set(providers) | {o.provider for o in offers}) + extra_problems
    return Catalogue(
        price_sources=snapshots,
        source_counts={k: len(v) for k, v in by_source.items()},
        skipped={k: dict(d.skipped) for k, d in priced.items()},
        pointers=_pointers(priced),
        snapshot=snapshot,
        knowledge=knowledge,
        models=tuple(models),
        problems=tuple(problems),
        warnings=tuple(notes),
        by_id=by_id,
        by_key=by_key,
        metrics={m.id: m for m in knowledge.metrics.metrics},
        sources={s.id: s for s in knowledge.sources.sources},
        by_exact=by_exact,
    )


def _combined(snapshots: dict[str, Snapshot]) -> Snapshot:
    """One snapshot standing for all sources: every label, the newest as-of date."""
    main = snapshots[MODELS_DEV]
    label = "; ".join(f"{s.label} ({s.as_of})" if s.as_of else s.label for s in snapshots.values())
    newest = max((s.as_of for s in snapshots.values() if s.as_of), default=None)
    return Snapshot(main.origin, label, newest, main.path)


def _pointers(priced: dict[str, SourceData]) -> dict[str, str]:
    """Pointer id (`claude-opus-latest`) -> the id it stands for, from every source that says."""
    out: dict[str, str] = {}
    for data in priced.values():
        for (_, name), target in data.pointers.items():
            out.setdefault(clean_id(name), target)
    return out


def load_catalogue(
    knowledge_path: Path | None = None,
    snapshot_path: Path | None = None,
    use_cache: bool | None = None,
    extra_path: Path | None = None,
    indexes: tuple[Index, ...] = (),
) -> Catalogue:
    """Build a catalogue from a models.dev snapshot and the knowledge files.

    A built catalogue is kept in the user cache dir, keyed by the hash of the data, the knowledge files
    and the code that builds it (`bot.catalogue.cache`), so an unchanged setup loads without rebuilding.
    `use_cache=False` (or WHICHMODEL_NO_CACHE=1) always builds. `extra_path` is a team's own prices and
    private models (`bot.catalogue.sources.team_file`). `indexes` are built with it (and cached with it).
    """
    if use_cache is None:
        use_cache = not os.environ.get("WHICHMODEL_NO_CACHE")
    gc_was_enabled = gc.isenabled()
    gc.disable()  # many small objects, no cycles: skip collector passes during the build
    try:
        snapshot, where, notes = snapshot_source(snapshot_path)
        kdir = knowledge_path or knowledge_dir()
        inputs = input_files(cache_dir())
        modules = [b.__module__ for b in indexes]
        key = build_cache.cache_key(where, kdir, extra_path, modules, inputs) if use_cache else None
        if key is not None:
            cached = build_cache.load(cache_dir(), key)
            if isinstance(cached, Catalogue):
                return cached
        knowledge = load_knowledge(kdir)
        extra = load_extra(extra_path) if extra_path is not None else None
        snapshot, raw = read_data(snapshot, where, notes)
        catalogue = _build(knowledge, snapshot, raw, notes, extra)
        for build in indexes:
            catalogue.index(build)
        if key is not None:
            build_cache.store(cache_dir(), key, catalogue)
        return catalogue
    finally:
        if gc_was_enabled:
            gc.enable()


_lock = threading.Lock()
_current: Catalogue | None = None
_extra_path: Path | None = None
_indexes: tuple[Index, ...] = ()


def configure(extra_path: Path | None) -> None:
    """Set the team's extra file for catalogues this process loads (from settings); drops the loaded one."""
    global _extra_path, _current
    with _lock:
        _extra_path, _current = extra_path, None


def use_indexes(indexes: tuple[Index, ...]) -> None:
    """The indexes catalogues this process loads are built with (the composition root sets them once)."""
    global _indexes
    _indexes = indexes


def reload() -> Catalogue:
    """Build a catalogue the way `current()` does (same extra file and indexes), without installing it."""
    return load_catalogue(extra_path=_extra_path, indexes=_indexes)


def current() -> Catalogue:
    """The process's catalogue, loaded on first use."""
    global _current
    if _current is None:
        with _lock:
            if _current is None:
                _current = reload()
    return _current


def swap(catalogue: Catalogue) -> Catalogue | None:
    """Replace the process's catalogue atomically; returns the previous one."""
    global _current
    with _lock:
        previous, _current = _current, catalogue
    return previous
