"""What changed, read from the dates the data carries rather than from two snapshots: price changes with the day
they took effect, models released, and models their makers retire (or have retired) in the window asked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from bot.catalogue.grouping import Model
from bot.catalogue.offers import Offer, PriceClaim, current_day
from bot.catalogue.store import Catalogue
from bot.contract.answer import Note, Table
from bot.contract.policy import BIG_CLOUDS
from bot.contract.query import Query
from bot.intents.tables import cell, simple_table
from bot.render import fmt

DEFAULT_DAYS = 30
MAX_ROWS = 15


@dataclass(frozen=True, slots=True)
class Dated:
    """The dated facts of one window: (offer, the price before) changes, releases and retirements."""

    since: date
    until: date
    prices: list[tuple[Model, Offer, PriceClaim]]
    released: list[Model]
    retiring: list[tuple[Model, Offer]]
    newest: Model | None  # the latest release of the models asked about, in or before the window


def dated_changes(query: Query, catalogue: Catalogue) -> Dated:
    """Price changes and releases in the last `window_days` (30 by default), and retirements from that far back
    to as far ahead, at the makers' own APIs (and the big clouds, for retirements), for the makers, kind and
    capabilities the question names; a calendar month asked ("in january 2027") is that month."""
    today = current_day()
    days = query.window_days or DEFAULT_DAYS
    since, until = today - timedelta(days=days), today + timedelta(days=max(days, DEFAULT_DAYS))
    if query.window_month:  # "what's retiring in january 2027": that calendar month
        year, month = map(int, query.window_month.split("-"))
        since = date(year, month, 1)
        until = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    facts = catalogue.index(dated_facts)
    asked = {id(m) for m in _asked(query, facts.models, catalogue)}
    prices = [p for p in facts.prices if id(p[0]) in asked and since <= (p[1].price_as_of or today) <= min(today, until)]
    released = [m for day, m in facts.released if id(m) in asked and since <= day <= min(today, until)]
    retiring = [(m, o) for day, m, o in facts.retiring if id(m) in asked and since <= day <= until]
    newest = next((m for day, m in facts.released if id(m) in asked and day <= min(today, until)), None)
    return Dated(since, until, prices, released, retiring, newest)


@dataclass(frozen=True, slots=True)
class DatedFacts:
    """Every dated fact of a catalogue, newest first (retirements soonest first), read once: an answer filters it."""

    models: tuple[Model, ...]
    prices: list[tuple[Model, Offer, PriceClaim]]
    released: list[tuple[date, Model]]
    retiring: list[tuple[date, Model, Offer]]


def dated_facts(catalogue: Catalogue) -> DatedFacts:
    """The makers' dated price changes, the models' release dates and the makers' retirement dates."""
    prices, released, retiring = [], [], []
    for model in catalogue.models:
        for offer in model.first_party:
            before = _before(offer, catalogue.snapshot.as_of)
            if before is not None:
                prices.append((model, offer, before))
        if model.release_date is not None:
            released.append((model.release_date, model))
        seen = set()
        for offer in model.offers:  # the maker's API and the big clouds: where a retirement is a maker's decision
            ends = offer.deprecation_date
            if ends is not None and (offer.first_party or offer.provider in BIG_CLOUDS) and offer.provider not in seen:
                seen.add(offer.provider)
                retiring.append((ends, model, offer))
    prices.sort(key=lambda p: (p[1].price_as_of or date.min, p[0].id), reverse=True)
    released.sort(key=lambda dm: (dm[0], dm[1].id), reverse=True)
    retiring.sort(key=lambda dmo: (dmo[0], dmo[1].id, not dmo[2].first_party))
    return DatedFacts(catalogue.models, prices, released, retiring)


def _asked(query: Query, models: tuple[Model, ...], catalogue: Catalogue) -> list[Model]:
    kind = query.kind or "chat"
    makers = set(query.providers)
    out = []
    for m in models:
        if m.kind != kind or (makers and m.maker not in makers and not makers & set(m.providers)):
            continue
        if m.maker in query.exclude_providers:
            continue
        if "open_weights" in query.capabilities and not catalogue.open_weights(m):
            continue
        out.append(m)
    return out


def _before(offer: Offer, data_as_of: date | None) -> PriceClaim | None:
    """The price before a dated change: the price in effect took effect after the data was taken (so a source's
    dated price history scheduled it, not a source's age), and the newest older price differs from it."""
    day = offer.price_as_of
    if day is None or data_as_of is None or day <= data_as_of:
        return None
    older = [c for c in offer.disagreement if c.as_of is not None and c.as_of < day]
    older = [c for c in older if (c.input, c.output) != (offer.input_price, offer.output_price)]
    return max(older, key=lambda c: c.as_of or day) if older else None


def dated_sentence(found: Dated) -> str:
    """'From 2026-11-04 to today: 3 price changes, 5 models released, 4 retiring by 2027-01-03.'"""
    to = "today" if found.until >= current_day() and found.since <= current_day() else fmt.day(min(found.until, current_day()))
    if found.since > current_day():
        return (
            f"From {fmt.day(found.since)} to {fmt.day(found.until)}, from the dates in my sources: "
            f"{len(found.retiring)} {'model retires' if len(found.retiring) == 1 else 'models retire'} at the makers' APIs and the big clouds."
        )
    return (
        f"From {fmt.day(found.since)} to {to}, from the dates in my sources: {len(found.prices)} price "
        f"{'change' if len(found.prices) == 1 else 'changes'} at the makers' APIs, {len(found.released)} "
        f"{'model' if len(found.released) == 1 else 'models'} released, and {len(found.retiring)} retired or retiring "
        f"by {fmt.day(found.until)}."
        + (f" The newest release in my data is {found.newest.id} ({fmt.day(found.newest.release_date)})."
           if not found.released and found.newest is not None else "")
    )


def dated_tables(found: Dated) -> list[Table]:
    """A table for each kind of change that has any."""
    today = current_day()
    tables = []
    if found.prices:
        tables.append(simple_table(
            "Price changes",
            [("model", "Model", "text"), ("provider", "Provider", "text"), ("input", "In $/M", "text"),
             ("output", "Out $/M", "text"), ("since", "Since", "date")],
            [[cell(m.id, m.id), cell(o.provider, o.provider_name),
              cell(o.input_price, f"{fmt.price(b.input)} -> {fmt.price(o.input_price)}"),
              cell(o.output_price, f"{fmt.price(b.output)} -> {fmt.price(o.output_price)}"),
              cell(fmt.day(o.price_as_of), fmt.day(o.price_as_of))] for m, o, b in found.prices[:MAX_ROWS]],
        ))  # fmt: skip
    if found.released:
        tables.append(simple_table(
            "Released",
            [("model", "Model", "text"), ("maker", "Maker", "text"), ("released", "Released", "date")],
            [[cell(m.id, m.id), cell(m.maker, m.maker_name), cell(fmt.day(m.release_date), fmt.day(m.release_date))]
             for m in found.released[:MAX_ROWS]],
        ))  # fmt: skip
    if found.retiring:
        tables.append(simple_table(
            "Retired or retiring",
            [("model", "Model", "text"), ("provider", "Provider", "text"), ("retires", "Retires", "date"),
             ("successor", "Successor", "text")],
            [[cell(m.id, m.id), cell(o.provider, o.provider_name),
              cell(fmt.day(o.deprecation_date), fmt.day(o.deprecation_date) + (" (done)" if o.deprecation_date and o.deprecation_date <= today else "")),
              cell(o.successor, o.successor_id or fmt.NO_DATA)] for m, o in found.retiring[:MAX_ROWS]],
        ))  # fmt: skip
    return tables


def dated_notes(found: Dated) -> list[Note]:
    notes = [Note(kind="data", text="Price changes are those a source's dated price history puts after my data was "
                                    "taken, beside the older price; releases and retirements are the makers' dates "
                                    "as LiteLLM, models.dev and genai-prices record them.")]  # fmt: skip
    hidden = [(name, len(rows)) for name, rows in (("price changes", found.prices), ("releases", found.released),
                                                   ("retirements", found.retiring)) if len(rows) > MAX_ROWS]  # fmt: skip
    for name, n in hidden:
        notes.append(Note(kind="caveat", text=f"{n - MAX_ROWS} more {name} not shown."))
    return notes
