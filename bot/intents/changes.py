"""The `changes` intent, 'what changed?': price changes, new and removed offers between the last two snapshots."""

from __future__ import annotations

from bot.catalogue.grouping import Model
from bot.catalogue.snapshots import PriceChange, diff, previous_offers, previous_snapshot
from bot.catalogue.store import Catalogue
from bot.contract.answer import Answer, Note, Table
from bot.contract.policy import Policy
from bot.contract.query import Query
from bot.intents.dated import dated_changes, dated_notes, dated_sentence, dated_tables
from bot.intents.tables import cell, simple_table
from bot.render import fmt

MAX_ROWS = 20


def changes(query: Query, models: list[Model], catalogue: Catalogue, policy: Policy, offset: int = 0) -> Answer:
    """The Answer to 'what changed?'."""
    previous = previous_snapshot(catalogue)
    dated = dated_changes(query, catalogue)
    if previous is None:  # no refresh to compare with: the dates the data carries
        return Answer(
            intent="changes",
            title="What changed",
            verdict=f"{dated_sentence(dated)} I have not refreshed since {catalogue.snapshot.label}, so changes no "
            "source dated are not known yet (`whichmodel refresh`, or the bots' daily refresh, finds them).",
            tables=dated_tables(dated),
            notes=dated_notes(dated),
            query=query,
        )
    found = previous_offers(catalogue)
    if found is None:
        label, before = previous[1], []
    else:
        label, before = found
    after = [o for m in catalogue.models for o in m.offers]
    changes, added, removed = diff(before, after)
    watched = set(policy.reference_providers)
    first_party = {(o.provider, o.id) for m in catalogue.models for o in m.offers if o.first_party}
    important = sorted(
        (c for c in changes if (c.provider, c.model) in first_party or c.provider in watched),
        key=lambda c: (-c.relative, c.provider, c.model),
    )
    table = _price_table(important[:MAX_ROWS])
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
        verdict=f"{verdict} {dated_sentence(dated)}",
        tables=([table] if important else []) + dated_tables(dated),
        notes=notes + dated_notes(dated),
        query=query,
        total=len(important),
    )


def _price_table(changed: list[PriceChange]) -> Table:
    """The price changes shown: model, provider, input and output price before -> after."""
    lines = [
        [
            cell(c.model, c.model),
            cell(c.provider, c.provider),
            cell(c.before[0], f"{fmt.price(c.before[0])} -> {fmt.price(c.after[0])}"),
            cell(c.before[1], f"{fmt.price(c.before[1])} -> {fmt.price(c.after[1])}"),
        ]
        for c in changed
    ]
    columns = [
        ("model", "Model", "text"),
        ("provider", "Provider", "text"),
        ("input", "In $/M", "text"),
        ("output", "Out $/M", "text"),
    ]
    return simple_table("Price changes (makers and major providers)", columns, lines)
