"""Snapshots over time: the data in use before the last refresh, and what differs between two lists of offers.

The previous snapshot is the one `whichmodel refresh` kept aside; before any second refresh it is the
bundled snapshot the first refresh replaced.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bot.catalogue.merge import merge
from bot.catalogue.offers import Offer, newest_update, read_snapshot
from bot.catalogue.refreshed import PREVIOUS_FILE, PREVIOUS_META_FILE, cache_dir, refreshed_meta
from bot.catalogue.sources.models_dev import SOURCE as MODELS_DEV
from bot.catalogue.sources.models_dev import bundled_label, bundled_path, offers_from, parse_models_dev
from bot.catalogue.sources.prices import load_sources
from bot.catalogue.store import Catalogue


@dataclass(frozen=True, slots=True)
class PriceChange:
    provider: str
    model: str
    before: tuple[float | None, float | None]
    after: tuple[float | None, float | None]

    @property
    def relative(self) -> float:
        """The biggest relative move of input or output price."""
        moves = [abs(a - b) / b for b, a in zip(self.before, self.after) if a is not None and b]
        return max(moves, default=1.0)


def previous_snapshot(catalogue: Catalogue) -> tuple[Path, str] | None:
    """The snapshot before the one in use, and its label (None if this is the first)."""
    kept = cache_dir() / PREVIOUS_FILE
    if catalogue.snapshot.origin == "refreshed" and kept.is_file():
        meta = refreshed_meta(cache_dir(), PREVIOUS_META_FILE)
        when = meta.get("fetched_at", "")[:10]
        return kept, f"models.dev refreshed {when}" if when else "the previously refreshed models.dev data"
    if catalogue.snapshot.origin == "refreshed":
        return bundled_path(), bundled_label()
    return None


def diff(before: list[Offer], after: list[Offer]) -> tuple[list[PriceChange], list[Offer], list[Offer]]:
    """Price changes, added offers and removed offers, keyed by (provider, offer id)."""
    old = {(o.provider, o.id): o for o in before}
    new = {(o.provider, o.id): o for o in after}
    changes = [
        PriceChange(p, mid, (old[(p, mid)].input_price, old[(p, mid)].output_price), (o.input_price, o.output_price))
        for (p, mid), o in new.items()
        if (p, mid) in old
        and (old[(p, mid)].input_price, old[(p, mid)].output_price) != (o.input_price, o.output_price)
    ]
    added = [o for k, o in new.items() if k not in old]
    removed = [o for k, o in old.items() if k not in new]
    return changes, added, removed


def previous_offers(catalogue: Catalogue) -> tuple[str, list[Offer]] | None:
    """The offers before the last refresh, joined across sources the same way, and their label.

    Compare these with the catalogue's offers (`diff`, `deprecations`): both sides are merged, so a price
    that only another source gives is not a change. (None before the first refresh.)"""
    previous = previous_snapshot(catalogue)
    if previous is None:
        return None
    path, label = previous
    providers = parse_models_dev(read_snapshot(path))
    md = offers_from(providers)
    as_of = newest_update(md)
    for o in md:
        o.price_as_of = as_of
    priced, _, _ = load_sources(cache_dir(), previous=True)
    by_source = {MODELS_DEV: md, **{k: d.offers for k, d in priced.items()}}
    return label, merge(by_source, {pid: p.name for pid, p in providers.items()})


@dataclass(frozen=True, slots=True)
class Deprecation:
    """An offer that gained (or moved) a deprecation date between two snapshots."""

    provider: str
    model: str
    before: date | None
    after: date | None


def deprecations(before: list[Offer], after: list[Offer]) -> list[Deprecation]:
    """Offers whose deprecation date appeared or changed, or that became marked deprecated."""
    old = {(o.provider, o.id): o for o in before}
    out = []
    for o in after:
        was = old.get((o.provider, o.id))
        if was is None:
            continue
        if was.deprecation_date != o.deprecation_date or (o.status == "deprecated") != (was.status == "deprecated"):
            out.append(Deprecation(o.provider, o.id, was.deprecation_date, o.deprecation_date))
    return out
