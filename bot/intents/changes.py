"""'What changed?': price changes, new and removed offers between the last two models.dev snapshots.

The previous snapshot is the one `whichmodel refresh` kept aside; before any second refresh it is the
bundled snapshot the first refresh replaced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from bot.render import fmt
from bot.contract.answer import Answer, Note
from bot.catalogue.store import PREVIOUS_FILE, PREVIOUS_META_FILE, Catalogue, cache_dir, refreshed_meta
from bot.intents.tables import cell, simple_table
from bot.catalogue.offers import Offer, bundled_label, bundled_path, offers_from, parse_models_dev, read_snapshot
from bot.contract.policy import Policy
from bot.contract.query import Query

QUESTION = re.compile(r"^\W*(?:what(?:'s|\s+has|\s+have|\s+is)?\s+(?:changed|new)|(?:price\s+)?changes)\b", re.I)
MAX_ROWS = 20


def is_changes_question(text: str) -> bool:
    """'what changed?', 'what's new', 'price changes since last week'."""
    return bool(QUESTION.search(text.strip()))


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


def changes_answer(catalogue: Catalogue, policy: Policy, current_offers: list[Offer] | None = None) -> Answer:
    """The Answer to 'what changed?'."""
    query = Query(intent="unknown")
    previous = previous_snapshot(catalogue)
    if previous is None:
        return Answer(
            intent="changes",
            title="What changed",
            verdict=f"Nothing to compare yet: I am on {catalogue.snapshot.label} and have not refreshed since. "
            "Changes show after the next refresh (`whichmodel refresh`, or the bots' daily refresh).",
            query=query,
            error=True,
        )
    path, label = previous
    before = offers_from(parse_models_dev(read_snapshot(path)))
    after = current_offers if current_offers is not None else [o for m in catalogue.models for o in m.offers]
    changes, added, removed = diff(before, after)
    watched = set(policy.reference_providers)
    first_party = {(o.provider, o.id) for m in catalogue.models for o in m.offers if o.first_party}
    important = sorted(
        (c for c in changes if (c.provider, c.model) in first_party or c.provider in watched),
        key=lambda c: (-c.relative, c.provider, c.model),
    )
    lines = [
        [
            cell(c.model, c.model),
            cell(c.provider, c.provider),
            cell(c.before[0], f"{fmt.price(c.before[0])} -> {fmt.price(c.after[0])}"),
            cell(c.before[1], f"{fmt.price(c.before[1])} -> {fmt.price(c.after[1])}"),
        ]
        for c in important[:MAX_ROWS]
    ]
    table = simple_table(
        "Price changes (makers and major providers)",
        [
            ("model", "Model", "text"),
            ("provider", "Provider", "text"),
            ("input", "In $/M", "text"),
            ("output", "Out $/M", "text"),
        ],
        lines,
    )
    verdict = (
        f"Between {label} and {catalogue.snapshot.label}: {len(changes)} price changes "
        f"({len(important)} at makers and major providers), {len(added)} new offers, {len(removed)} removed."
    )
    new_models = sorted({o.id for o in added if (o.provider, o.id) in first_party})[:10]
    notes = [Note(kind="data", text=f"Prices as of {fmt.day(catalogue.snapshot.as_of)} ({catalogue.snapshot.label}).")]
    if new_models:
        notes.append(Note(kind="tip", text="New from the makers: " + ", ".join(new_models) + "."))
    if len(important) > MAX_ROWS:
        notes.append(Note(kind="caveat", text=f"{len(important) - MAX_ROWS} more price changes not shown."))
    return Answer(
        intent="changes",
        title="What changed in prices",
        verdict=verdict,
        tables=[table] if lines else [],
        notes=notes,
        query=query,
        total=len(important),
    )
