"""Building a catalogue from its sources: models.dev, the price maps, the knowledge files and a team's own prices.

Only a cache miss (or `whichmodel refresh`) builds; a process that loads a cached catalogue never imports this.
"""

from __future__ import annotations

from bot.catalogue.aliases import alias_tables
from bot.catalogue.built import Catalogue
from bot.catalogue.crossrefs import cross_reference_problems
from bot.catalogue.grouping import Model, group_offers
from bot.catalogue.knowledge import Knowledge
from bot.catalogue.merge import merge
from bot.catalogue.names import clean_id, model_key
from bot.catalogue.offers import DataError, Offer, Snapshot, newest_update, read_snapshot
from bot.catalogue.refreshed import bundled, cache_dir
from bot.catalogue.sources.common import SourceData
from bot.catalogue.sources.models_dev import SOURCE as MODELS_DEV
from bot.catalogue.sources.models_dev import bundled_path, offers_from, parse_models_dev
from bot.catalogue.sources.prices import load_sources
from bot.catalogue.sources.team_file import ExtraFile, apply_extra
from bot.catalogue.superseded import mark_superseded
from bot.catalogue.unmatched import adopt_late_matches


def build(
    knowledge: Knowledge, snapshot: Snapshot, raw: bytes, notes: list[str], extra: ExtraFile | None = None
) -> Catalogue:
    try:
        providers = parse_models_dev(raw)
    except DataError as exc:
        if snapshot.origin != "refreshed":
            raise
        notes.append(f"refreshed data unusable ({exc}); using the bundled snapshot")
        snapshot = bundled()
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
    mark_superseded(models)
    by_id = {m.id: m for m in models}
    by_key = _keys(models, aliases, by_id)
    by_exact = {name: by_id[target] for name, target in exact.items() if target in by_id}
    by_id.update({k.lower(): v for k, v in list(by_id.items()) if k.lower() not in by_id})
    problems = cross_reference_problems(knowledge, by_id, set(providers) | {o.provider for o in offers}) + extra_problems
    catalogue = Catalogue(
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
    adopt_late_matches(catalogue)  # score and speed rows kept by source name, for models this data now lists
    return catalogue


def _keys(models: list[Model], aliases: dict[str, str], by_id: dict[str, Model]) -> dict[str, Model]:
    """Normalised name -> model: each model's key, then the aliases, then every offer id's key (first wins)."""
    by_key: dict[str, Model] = {}
    for m in models:
        by_key.setdefault(m.key, m)
    for key, target in aliases.items():
        if target in by_id:
            by_key.setdefault(key, by_id[target])
    for m in models:
        for o in m.offers:
            by_key.setdefault(model_key(o.id), m)
    return by_key


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
