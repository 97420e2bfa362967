"""Named embedding, image, speech or transcription models priced or compared in their own units, never as chat."""

from __future__ import annotations

from bot.catalogue.grouping import Model
from bot.catalogue.offers import Offer, current_day, last_deprecation, retired
from bot.catalogue.store import Catalogue
from bot.contract.answer import Answer, Note, Row
from bot.contract.policy import Policy
from bot.contract.query import Query
from bot.intents import notes as notes_mod
from bot.intents.kinds import AMOUNTS, KIND_OF, NAMES, UNIT_WORDS, in_region, kind_monthly, region_note, unit_price
from bot.intents.tables import cell, simple_table
from bot.render import fmt

CONTRACT_KIND = {catalogue_kind: kind for kind, catalogue_kind in KIND_OF.items()}


def non_chat(models: list[Model]) -> bool:
    """Every model named is one kind of non-chat model (embeddings, images, speech, transcription)."""
    return bool(models) and len({m.kind for m in models}) == 1 and models[0].kind in CONTRACT_KIND


def _offer(model: Model, kind: str, query: Query) -> tuple[Offer, float | None, str]:
    """The offer to quote: the provider asked, else the maker's own, else the cheapest in the kind's unit."""
    offers = [o for o in model.offers if not o.deprecated] or list(model.offers)
    if query.region:  # the offers that process in the region asked, where any does
        offers = in_region(offers, query.region) or offers
    if query.providers:
        offers = [o for o in offers if o.provider in query.providers] or offers
    own = [o for o in offers if o.first_party]
    priced = [(o, *unit_price(o, kind, query.image_size)) for o in (own or offers)]
    known = [p for p in priced if p[1] is not None]
    return min(known, key=lambda p: p[1] or 0.0) if known else priced[0]


def kind_compare(query: Query, models: list[Model], catalogue: Catalogue, policy: Policy) -> Answer:
    """Each model's price in its kind's unit, the cheaper one and by how much, and the cost at the amount asked."""
    kind = CONTRACT_KIND[models[0].kind]
    unit = UNIT_WORDS[kind]
    quoted = [(m, *_offer(m, kind, query)) for m in models]
    lines, rows = [], []
    for m, o, price, how in quoted:
        monthly = kind_monthly(kind, query, price) if price is not None else None
        lines.append(
            [
                cell(m.id, m.id),
                cell(o.provider, o.provider_name),
                cell(price, f"{fmt.price(price)} {unit}" if price is not None else fmt.NO_DATA),
                cell(monthly, fmt.money(monthly)),
                cell(o.input_limit, fmt.tokens(o.input_limit) if kind == "embedding" else how or fmt.NO_DATA),
            ]
        )
        rows.append(
            Row(model=m.id, name=m.name, provider=o.provider, provider_name=o.provider_name, first_party=o.first_party,
                input_price=o.input_price, output_price=o.output_price, monthly_cost=monthly)  # fmt: skip
        )
    last = ("max_input", "Max input", "text") if kind == "embedding" else ("basis", "From", "text")
    columns = [("model", "Model", "text"), ("provider", "Provider", "text"), ("price", "Price", "text"),
               ("monthly", "Monthly", "usd"), last]  # fmt: skip
    notes = [
        Note(kind="caveat", text=f"No quality benchmark for {NAMES[kind]} models in my sources: compared on price."),
        *notes_mod.data_notes(catalogue, [], offers=[o for _, o, _, _ in quoted]),
    ]
    if query.region and (note := region_note(query.region, [m.id for m, o, _, _ in quoted if not in_region([o], query.region)])):
        notes.insert(0, note)
    return Answer(
        intent=query.intent,
        title=" vs ".join(m.name for m in models) + f" ({NAMES[kind]}, {unit})",
        verdict=_verdict(kind, query, quoted),
        tables=[simple_table(None, columns, lines)],
        rows=rows,
        notes=notes,
        query=query,
    )


def _verdict(kind: str, query: Query, quoted: list[tuple[Model, Offer, float | None, str]]) -> str:
    """'text-embedding-3-small is 6.5x cheaper: $0.02 against $0.13 per 1M tokens.' with the monthly costs."""
    unit = UNIT_WORDS[kind]
    known = sorted((q for q in quoted if q[2] is not None), key=lambda q: q[2] or 0.0)
    missing = [m.id for m, _, price, _ in quoted if price is None]
    gap = "".join(f" {_no_unit_price(m, o, unit)}" for m, o, price, _ in quoted if price is None)
    gap += "".join(f" {line}" for m, _, _, _ in quoted if (line := _retired_line(m)))
    if not known:
        return f"No price {unit} for {', '.join(missing)} in my sources."
    if len(known) == 1:
        m, o, price, _ = known[0]
        text = f"{m.id} costs {fmt.price(price)} {unit} at {o.provider_name}."
    else:
        (cheap, co, low, _), (dear, _, high, _) = known[0], known[-1]
        ratio = (high or 0.0) / low if low else None
        how = f"{ratio:.1f}x cheaper" if ratio and ratio >= 1.05 else "about the same price"
        text = f"{cheap.id} ({co.provider_name}) is {how}: {fmt.price(low)} against {fmt.price(high)} {unit} for {dear.id}."
    amount = _amount(kind, query)
    if amount:
        costs = [f"{m.id} {fmt.money(kind_monthly(kind, query, price))}" for m, _, price, _ in known if price is not None]
        text += f" At {amount} a month: {', '.join(costs)}."
    if kind == "embedding":
        dims = [(m.id, o.max_output) for m, o, _, _ in quoted if o.max_output]
        if len(dims) == len(quoted) > 1 and len({d for _, d in dims}) > 1:
            text += " Dimensions: " + ", ".join(f"{mid} {d:,}" for mid, d in dims) + " (bigger vectors cost more to store and search)."
    return text + gap


def _no_unit_price(model: Model, offer: Offer, unit: str) -> str:
    """Why a model has no price in the kind's unit: what its source prices instead, if anything."""
    tokens = next((u for u in offer.units if u.unit == "1M image tokens" and u.direction == "output"), None)
    if tokens is not None:
        return (f"{model.id} is priced per 1M image tokens ({fmt.price(tokens.price)} out at {offer.provider_name}), "
                f"not {unit}: the cost of an image depends on its size and quality.")  # fmt: skip
    return f"No price {unit} for {model.id} in my sources."


def _retired_line(model: Model) -> str | None:
    """'OpenAI retired gpt-image-1 on 2026-10-23.' when every offer of the maker's own is past its date."""
    if not retired(model.first_party, current_day()):
        return None
    ended = last_deprecation(model.first_party)
    return f"{model.maker_name or 'Its maker'} retired {model.id}" + (f" on {fmt.day(ended)}." if ended else ".")


def _amount(kind: str, query: Query) -> str | None:
    if kind == "embedding":
        return fmt.tokens(query.tokens_per_month) + " tokens" if query.tokens_per_month is not None else None
    if kind in AMOUNTS and query.kind_volume is not None:
        return f"{query.kind_volume:,.0f} {AMOUNTS[kind][0]}"
    return None
