"""The catalogue: every canonical model with its offers, scores, speeds and sources, in one object.

Built from a models.dev snapshot (the bundled one, or a newer one saved by `whichmodel refresh`) and the
knowledge files. Loading is the same for the CLI and the long-running bots; `load_catalogue` is pure,
`current()` caches one catalogue per process and `swap()` replaces it atomically.
"""

from __future__ import annotations

import gc
import os
import threading
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from bot.canonical import Model, group_offers
from bot.knowledge_files import Knowledge, Metric, Score, Source, Speed, TaskProfile, load_knowledge
from bot.names import model_key
from bot.offers import (
    DataError,
    Snapshot,
    bundled_label,
    bundled_path,
    newest_update,
    offers_from,
    parse_models_dev,
    read_snapshot,
)
from bot.scores import TaskScore, task_score

CACHE_FILE = "models-dev-api.json"


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
    _task_scores: dict[tuple[str, str], TaskScore] = field(default_factory=dict, repr=False)

    # --- lookups -----------------------------------------------------------------------------------

    def model(self, name: str) -> Model | None:
        """A model by id, offer id, or alias (exact after normalisation; no fuzzy matching)."""
        return self.by_id.get(name) or self.by_id.get(name.lower()) or self.by_key.get(model_key(name))

    def scores(self, model: Model) -> list[Score]:
        return self.knowledge.scores.scores.get(model.id, [])

    def speeds(self, model: Model) -> list[Speed]:
        return self.knowledge.speeds.speeds.get(model.id, [])

    def speed(self, model: Model, provider: str | None = None) -> Speed | None:
        """The speed figure for a model: the provider's own where known, else the headline figure."""
        entries = self.speeds(model)
        if not entries:
            return None
        own = [s for s in entries if provider and s.provider == provider]
        headline = [s for s in entries if s.provider is None]
        pool = own or headline or entries
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


def _alias_table(knowledge: Knowledge) -> dict[str, str]:
    table: dict[str, str] = {}
    for aliases in (knowledge.source_names, knowledge.aliases):
        for target, names in aliases.aliases.items():
            for name in names:
                table[model_key(name)] = target
    return table


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


def load_snapshot(path: Path | None = None) -> tuple[Snapshot, bytes, list[str]]:
    """The models.dev data to use: `path`, else a refreshed cache, else the bundled snapshot."""
    notes: list[str] = []
    if path is not None:
        return Snapshot("file", f"models.dev data from {path.name}", None, str(path)), read_snapshot(path), notes
    cached = cache_dir() / CACHE_FILE
    if cached.exists():
        try:
            raw = cached.read_bytes()
            fetched = date.fromtimestamp(cached.stat().st_mtime)
            return Snapshot("refreshed", "models.dev (refreshed)", fetched, str(cached)), raw, notes
        except OSError as exc:
            notes.append(f"could not read refreshed data {cached}: {exc.strerror}; using the bundled snapshot")
    bundled = bundled_path()
    return Snapshot("bundled", bundled_label(), None, str(bundled)), read_snapshot(bundled), notes


def load_catalogue(knowledge_path: Path | None = None, snapshot_path: Path | None = None) -> Catalogue:
    """Build a catalogue from a models.dev snapshot and the knowledge files."""
    gc_was_enabled = gc.isenabled()
    gc.disable()  # many small objects, no cycles: skip collector passes during the build
    try:
        knowledge = load_knowledge(knowledge_path)
        snapshot, raw, notes = load_snapshot(snapshot_path)
        try:
            providers = parse_models_dev(raw)
        except DataError as exc:
            if snapshot.origin != "refreshed":
                raise
            notes.append(f"refreshed data unusable ({exc}); using the bundled snapshot")
            snapshot = Snapshot("bundled", bundled_label(), None, str(bundled_path()))
            providers = parse_models_dev(read_snapshot(bundled_path()))
        offers = offers_from(providers)
        if snapshot.as_of is None:
            snapshot = Snapshot(snapshot.origin, snapshot.label, newest_update(offers), snapshot.path)
        aliases = _alias_table(knowledge)
        models = group_offers(offers, knowledge.makers.makers, aliases)
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
        by_id.update({k.lower(): v for k, v in list(by_id.items()) if k.lower() not in by_id})
        problems = _check(knowledge, by_id, set(providers))
        return Catalogue(
            snapshot=snapshot,
            knowledge=knowledge,
            models=tuple(models),
            problems=tuple(problems),
            warnings=tuple(notes),
            by_id=by_id,
            by_key=by_key,
            metrics={m.id: m for m in knowledge.metrics.metrics},
            sources={s.id: s for s in knowledge.sources.sources},
        )
    finally:
        if gc_was_enabled:
            gc.enable()


_lock = threading.Lock()
_current: Catalogue | None = None


def current() -> Catalogue:
    """The process's catalogue, loaded on first use."""
    global _current
    if _current is None:
        with _lock:
            if _current is None:
                _current = load_catalogue()
    return _current


def swap(catalogue: Catalogue) -> Catalogue | None:
    """Replace the process's catalogue atomically; returns the previous one."""
    global _current
    with _lock:
        previous, _current = _current, catalogue
    return previous
