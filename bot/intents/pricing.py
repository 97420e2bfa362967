"""cost: what named models cost at the user's volume and mix, with the arithmetic visible."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.catalogue.cost import PER_MILLION, STANDARD_VOLUMES, Mix, cached_cost, tier_applies
from bot.catalogue.grouping import Model
from bot.catalogue.offers import OffPeak
from bot.catalogue.store import Catalogue
from bot.catalogue.workload import Rates, monthly_at, rates, regional
from bot.contract.answer import Answer, Note
from bot.contract.policy import Policy
from bot.contract.query import Query
from bot.intents import notes as notes_mod
from bot.intents.constraints import mix_of, workload_of
from bot.intents.facts import batch_line, cache_line, direct_answer, modality_lines
from bot.intents.index import index_for
from bot.intents.price_parts import off_peak_now, pair, window_text
from bot.intents.quoted import display_candidate
from bot.intents.selection import Candidate
from bot.intents.tables import cell, cheaper_at, row, simple_table
from bot.render import fmt
from bot.render.wording import rates_sum


def price_notes(c: Candidate, query: Query, mix: Mix) -> list[Note]:
    """What cached input and long-context tiers do to this offer's price."""
    notes = []
    tokens = query.tokens_per_month or STANDARD_VOLUMES[1]
    cached = cached_cost(c.offer, tokens, mix.share)
    if cached is not None:
        notes.append(
            Note(
                kind="tip",
                text=f"{c.model.id}: cached input costs {fmt.price(c.offer.cache_read_price)}/M; if half the input "
                f"were cache hits, {fmt.tokens(tokens)} tokens would cost {fmt.money(cached)} {fmt.a_period(query.one_off)}.",
            )
        )
    for tier in c.offer.tiers:
        applied = tier_applies(c.offer, query.min_context)
        notes.append(
            Note(
                kind="caveat" if applied else "tip",
                text=f"{c.model.id}: requests over {fmt.tokens(tier.above_tokens)} tokens of context cost "
                f"{fmt.price(tier.input)} in / {fmt.price(tier.output)} out per 1M"
                + (" (applied here, as you need that much context)." if applied else "."),
            )
        )
    off = c.offer.off_peak
    if off is not None:
        now = datetime.now(UTC)
        state = "it is off-peak now" if off_peak_now(off, now) else "the list price applies now"
        notes.append(
            Note(
                kind="tip",
                text=f"{c.model.id} at {c.offer.provider_name} costs {pair(off.input, off.output)} per 1M off-peak "
                f"({window_text(off)}); {state} ({now:%a %H:%M} UTC).",
            )
        )
    if c.cheaper is not None:
        notes.append(Note(kind="tip", text=f"{c.model.id} is cheaper at {cheaper_at(c, mix, query)}."))
    return notes


def off_peak_sentence(off: OffPeak) -> str:
    """'Off-peak (Mon-Fri 10:00-24:00 UTC; Sat-Sun all day) it costs $0.15 in / $0.60 out per 1M.'"""
    return f"Off-peak ({window_text(off)}) it costs {pair(off.input, off.output)} per 1M."


TIER_WHY = {
    "priority": "priority buys faster, steadier serving when capacity is tight: pay it for latency-critical "
    "user-facing traffic, not for background work",
    "flex": "flex trades speed and availability for the discount: fine for work that can wait or retry",
    "fast": "the fast tier buys throughput: pay it where output speed is what users wait on",
}


def tier_sentence(c: Candidate, query: Query, mix: Mix) -> str:
    """'That is the priority price, 2.5x the standard $5.00/$30.00 ($1,125.00 a month): priority buys ...'."""
    tier = query.service_tier or ""
    paid, plain = paid_rates(c, query, mix), rates(c.offer, workload_of(query.model_copy(update={"service_tier": None}), mix))
    if not any(tier in a for a in paid.applied):
        return f"{c.offer.provider_name} sells no {tier} tier for {c.model.id} in my data: the standard price applies."
    ratio = fmt.ratio(paid.blended, plain.blended) or 1.0
    month = f" ({fmt.money(monthly_at(plain, query.tokens_per_month))} {fmt.a_period(query.one_off)})" if query.tokens_per_month else ""
    line = (f"That is the {tier} price, {ratio:.2g}x the standard {pair(plain.input, plain.output)}{month}: "
            f"{TIER_WHY.get(tier, 'check what the tier promises before paying for it')}.")  # fmt: skip
    for other in c.offer.service_tiers:  # "priority vs flex": every tier it sells, against the standard price
        if other.name != tier and other.input is not None and plain.input:
            line += f" {other.name.capitalize()}: {pair(other.input, other.output)}, {other.input / plain.input:.2g}x the standard."
    return line


def paid_rates(c: Candidate, query: Query, mix: Mix) -> Rates:
    """The rates the question's workload pays at the candidate's offer (batch, tier, region, cache, context)."""
    return c.rates if c.rates is not None else rates(c.offer, workload_of(query, mix))


def workload_notes(c: Candidate, query: Query, mix: Mix) -> list[Note]:
    """What was applied to the list price, and what the offer does not sell (with who does, for a region)."""
    paid = paid_rates(c, query, mix)
    notes = []
    if paid.applied:
        notes.append(Note(kind="assumption", text=f"{c.model.id} at {c.offer.provider_name}: priced with {', '.join(paid.applied)}."))
    for gap in paid.missing:
        notes.append(Note(kind="caveat", text=f"{c.model.id} at {c.offer.provider_name}: {gap}."))
    if query.region and paid.out_of_region:
        found = [(o, regional(o, query.region)) for o in c.model.offers_by_provider().values()]
        sold = [f"{o.provider_name} ({fmt.price(r[0])}/{fmt.price(r[1])}, {r[2]})" for o, r in found if r is not None]
        where = ", ".join(sold[:4]) if sold else "no provider in my data"
        notes.append(Note(kind="tip", text=f"{query.region.upper()} processing of {c.model.id}: {where}."))
    return notes


def verdict_lines(cands: list[Candidate], query: Query, mix: Mix, catalogue: Catalogue) -> list[str]:
    """Each model's price (or monthly cost at the asked volume), and its off-peak price where it has one."""
    head: list[str] = []
    if len({c.offer.provider for c in cands}) > len({c.model.id for c in cands}) == 1 and not query.facet:
        return _sellers_line(cands, query, mix)  # one model, several sellers
    for c in cands:
        start = len(head)
        if query.facet in ("batch", "cache"):  # "does X have a batch discount?": the yes or no first
            line = batch_line if query.facet == "batch" else cache_line
            head.append(line(c.model.id, c.offer, list(c.model.offers)))
        if not c.offer.priced:
            head.append(f"{c.model.id} has no known price at {c.offer.provider_name}.")
        elif query.tokens_per_month is not None:
            if query.monthly_spend is None:  # a spend's sentence has already said what each model costs
                head.append(f"{c.model.id} costs {fmt.money(c.monthly)} {fmt.a_period(query.one_off)} at {fmt.volume(query.tokens_per_month, query.one_off)}.")
        else:
            paid = paid_rates(c, query, mix)
            how = f", with {', '.join(paid.applied)}" if paid.applied else ""
            head.append(
                f"{c.model.id} costs {fmt.price(paid.input)} per 1M input and {fmt.price(paid.output)} "
                f"per 1M output tokens ({fmt.price(paid.blended)} blended at {mix.share:.0%} input{how})."
            )
        if c.offer.priced and c.offer.off_peak is not None:
            head.append(off_peak_sentence(c.offer.off_peak))
        if query.service_tier and c.offer.priced:
            head.append(tier_sentence(c, query, mix))
        fact = direct_answer(query, c.model, c.offer, list(c.model.offers), catalogue) if query.facet else None
        if fact and query.facet == "availability":
            head.insert(start, fact)  # "is ¤ on a US-hosted provider, and at what price?": the yes or no first
        elif fact and query.facet not in ("batch", "cache"):
            head.append(fact)  # a second question after the price: "... and what's its context window?"
        head += modality_lines(c.model.id, query, c.offer)  # "... and does it take audio?"
    return head


def _sellers_line(cands: list[Candidate], query: Query, mix: Mix) -> list[str]:
    """One model at each seller asked, and the cheapest: 'claude-opus-4-5 per 1M tokens: Anthropic $5.00 in /
    $25.00 out; ... The same price at all 3.'"""
    tokens = query.tokens_per_month
    said, known = [], []
    for c in cands:
        paid = paid_rates(c, query, mix)
        if paid.blended is None:
            said.append(f"{c.offer.provider_name} {fmt.NO_DATA}")
            continue
        known.append((paid.blended, c))
        price = fmt.money(monthly_at(paid, tokens)) if tokens is not None else pair(paid.input, paid.output)
        said.append(f"{c.offer.provider_name} {price}")
    unit = f"at {fmt.volume(tokens, query.one_off)}" if tokens is not None else "per 1M tokens"
    head = [f"{cands[0].model.id} {unit}: " + "; ".join(said) + "."]
    known.sort(key=lambda p: p[0])
    if len(known) >= 2:
        (low, _), (high, dearest) = known[0], known[-1]
        best = " and ".join(c.offer.provider_name for b, c in known if b - low < 1e-9)
        head.append(
            f"The same price at all {len(known)}." if high - low < 1e-9
            else f"Cheapest at {best}, {(1 - low / high) * 100:.0f}% below {dearest.offer.provider_name}."
        )  # fmt: skip
    return head


def at_each_provider(model: Model, query: Query, catalogue: Catalogue, policy: Policy, mix: Mix) -> list[Candidate]:
    """The model at each provider the question names that sells it ("opus 4.5 on anthropic vs bedrock vs vertex")."""
    sold = index_for(catalogue).offers(model, query.include_free)
    return [
        display_candidate(model, query.model_copy(update={"providers": [p]}), catalogue, policy, mix)
        for p in query.providers
        if p in sold
    ]


def cost(query: Query, models: list[Model], catalogue: Catalogue, policy: Policy) -> Answer:
    mix = mix_of(query, catalogue)
    cands = [display_candidate(m, query, catalogue, policy, mix) for m in models]
    if len(models) == 1 and len(query.providers) > 1:  # one model, its sellers side by side
        cands = at_each_provider(models[0], query, catalogue, policy, mix) or cands
    rows = [row(c, mix, query) for c in cands]
    volumes = [query.tokens_per_month] if query.tokens_per_month is not None else list(STANDARD_VOLUMES)
    lines = []
    for c in cands:
        paid = paid_rates(c, query, mix)
        for v in volumes:
            sum_text = rates_sum(paid, v, mix.share) if paid.blended is not None else fmt.NO_DATA
            amount = monthly_at(paid, v)
            lines.append(
                [
                    cell(c.model.id, c.model.id),
                    cell(c.offer.provider, c.offer.provider_name),
                    cell(v, fmt.tokens(v)),
                    cell(amount, fmt.money(amount)),
                    cell(None, sum_text),
                ]
            )
    table = simple_table(
        None,
        [
            ("model", "Model", "text"),
            ("provider", "Provider", "text"),
            ("volume", "Tokens/month", "tokens"),
            ("monthly_cost", "Monthly", "usd"),
            ("arithmetic", "How", "text"),
        ],
        lines,
    )
    head = verdict_lines(cands, query, mix, catalogue)
    if query.zero_volume:
        head.insert(0, "0 tokens cost $0 on any model; the price per 1M tokens:")
    notes = notes_mod.assumption_notes(query, mix) + notes_mod.data_notes(catalogue, cands)
    for c in cands:
        notes += workload_notes(c, query, mix) + price_notes(c, query, mix) + thinking_notes(c, query, mix)
    return Answer(
        intent="cost",
        title="Cost of " + ", ".join(m.name for m in models),
        verdict=" ".join(head),
        tables=[table],
        rows=rows,
        notes=notes,
        suggestions=[
            "with 1:1 input/output",
            "what about 100M tokens a month?",
            f"cheaper alternative to {models[0].id}",
        ],
        query=query,
        total=len(rows),
    )


THINKING = (1.0, 3.0)  # hidden reasoning tokens per visible output token, a range typical of medium effort


def thinking_range(c: Candidate, query: Query, mix: Mix) -> tuple[float, float, float] | None:
    """(the month at visible tokens, and with `THINKING` hidden tokens per visible output token, low and high) for
    a reasoning model at the volume asked; None otherwise, and for a volume read from a bill (its thinking is in it)."""
    paid = paid_rates(c, query, mix)
    if not c.offer.reasoning or query.tokens_per_month is None or paid.output is None or paid.blended is None:
        return None
    if query.monthly_spend is not None:
        return None  # the volume came from a bill: the thinking of the model paid for is already in it
    visible = monthly_at(paid, query.tokens_per_month) or 0.0
    out_tokens = query.tokens_per_month * (1 - mix.share)
    low, high = (visible + out_tokens * k * paid.output / PER_MILLION for k in THINKING)
    return visible, low, high


def thinking_notes(c: Candidate, query: Query, mix: Mix) -> list[Note]:
    """A reasoning model's cost with its hidden thinking billed as output, as a range, at the volume asked."""
    found = thinking_range(c, query, mix)
    if found is None or query.tokens_per_month is None:
        return []
    visible, low, high = found
    out_tokens = query.tokens_per_month * (1 - mix.share)
    return [
        Note(
            kind="caveat",
            text=f"With its thinking: if {c.model.id} thinks {THINKING[0]:g}-{THINKING[1]:g}x as many tokens as it "
            f"answers (typical at medium effort; no source gives its own figure), the {fmt.tokens(out_tokens)} output "
            f"tokens bill as {fmt.tokens(out_tokens * (1 + THINKING[0]))}-{fmt.tokens(out_tokens * (1 + THINKING[1]))}"
            f" and the month costs {fmt.money(low)}-{fmt.money(high)}, not {fmt.money(visible)}. Measure "
            "`reasoning_tokens` on your own traffic.",
        )
    ]
