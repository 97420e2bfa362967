"""Direct questions get direct answers first: one line with the fact asked for, or "no data" in that line.

"knowledge cutoff of gpt-5", "is gpt-oss-120b on bedrock?", "context window of llama 3.3 70b", "which is faster on
groq or cerebras" each get their fact, a yes or no with the price, or the speeds side by side; the card follows.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.catalogue.grouping import Model
from bot.catalogue.knowledge import Speed
from bot.catalogue.offers import Offer, current_day, last_deprecation, retired
from bot.catalogue.store import Catalogue
from bot.catalogue.workload import Workload, rates
from bot.contract.query import Query
from bot.intents import selfhost
from bot.intents.notes import SOURCE_NAMES
from bot.intents.price_parts import pair, window_text
from bot.intents.selection import BRANCH_OF
from bot.render import fmt


def direct_answer(query: Query, model: Model, ref: Offer, offers: list[Offer], catalogue: Catalogue) -> str | None:
    """The one line that answers `query.facet` for `model` (None when the question asks for no one fact)."""
    size = selfhost.model_line(model, query, catalogue) if query.hardware is not None or query.asks_size else None
    said = query.facet in (None, "price") or (query.facet == "open_weights" and not catalogue.open_weights(model))
    fact = None if size is not None and said else _fact(query, model, ref, offers, catalogue)  # said: in the size line
    return " ".join(line for line in (fact, size) if line) or None  # "is X open weights, and how big?": both


_FEATURES = {"tool_calling": "tool (function) calling", "structured_output": "structured output (JSON schema)",
             "reasoning": "reasoning (thinking before it answers)", "open_weights": "open weights"}  # fmt: skip


def modality_lines(name: str, query: Query, ref: Offer, offers: tuple[Offer, ...] | list[Offer] = ()) -> list[str]:
    """'Yes: X takes image input.' for each input the question asks about, and 'Yes: X supports tool (function)
    calling at OpenAI.' for each feature (from another seller's record where `ref`'s has none, else 'no data')."""
    lines = []
    for modality in query.input_modalities:
        has = modality in ref.input_modalities
        lines.append(f"{'Yes' if has else 'No'}: {name} {'takes' if has else 'does not take'} {modality} input.")
    for cap in query.asked_capabilities or query.capabilities:
        at = next((o for o in (ref, *offers) if getattr(o, cap) is not None), ref)
        has = getattr(at, cap)
        if has is None:
            lines.append(f"{name}'s {_FEATURES[cap]}: {fmt.NO_DATA} at {ref.provider_name}.")
        else:
            lines.append(f"{'Yes' if has else 'No'}: {name} {'supports' if has else 'does not support'} "
                         f"{_FEATURES[cap]} at {at.provider_name}.")  # fmt: skip
    return lines


def _fact(query: Query, model: Model, ref: Offer, offers: list[Offer], catalogue: Catalogue) -> str | None:
    name = model.id
    facet = query.facet
    providers = query.providers or query.asked_providers
    if facet == "speed":
        return speeds(model, providers, offers, catalogue)
    if facet == "batch":
        return batch_line(name, ref, offers)
    if facet == "cache":
        return cache_line(name, ref, offers)
    if providers and facet in (None, "availability", "price"):
        return availability(name, providers, offers, catalogue.providers, line_of(model, catalogue))
    region = query.region or query.asked_region
    if region and facet == "availability":  # "is ¤ available on a US-hosted provider?"
        return region_sellers(name, offers, region)
    if facet == "knowledge_cutoff":
        return f"{name}'s knowledge cutoff: {ref.knowledge_cutoff or fmt.NO_DATA} ({_where(ref)})."
    if facet == "context":
        return f"{name}'s context window: {_tokens(ref.context)} tokens at {ref.provider_name}{_others(offers, ref, 'context')}."
    if facet == "max_output":
        return f"{name}'s maximum output: {_tokens(ref.max_output)} tokens at {ref.provider_name}{_others(offers, ref, 'max_output')}."
    if facet == "release_date":
        if model.release_date is None:
            return f"I have no release date for {name} in my sources."
        dated = model.dated_snapshot
        if not any(o.release_date for o in model.offers) and dated:
            return f"{name} was released on {fmt.day(dated[0])}, the date of its snapshot {dated[1]} (no source dates it otherwise)."
        return f"{name} was released on {fmt.day(model.release_date)}."
    if facet == "open_weights":
        yes = catalogue.open_weights(model)
        line = f"{'Yes' if yes else 'No'}: {name} {'has' if yes else 'does not have'} open weights."
        size = catalogue.parameters(model)
        if yes and not model.open_weights and size is not None:  # the size source says so, its sellers do not
            src = catalogue.source(size.source)
            line = line[:-1] + (f" ({src.name if src else size.source}, {size.as_of.isoformat()}, lists them as "
                                "downloadable): check the licence's terms before you build on it.")  # fmt: skip
        return line
    if facet == "price":
        line = f"{name}: {fmt.price(ref.input_price)} in / {fmt.price(ref.output_price)} out per 1M tokens at {ref.provider_name}."
        off = ref.off_peak
        if off is not None:
            line += f" Off-peak ({window_text(off)}): {pair(off.input, off.output)} per 1M."
        return line
    return None


def _off(price: float | None, listed: float | None) -> str:
    """'50% off the $4.00 list price' (or '' without both prices)."""
    if price is None or not listed:
        return ""
    return f", {(1 - price / listed) * 100:.0f}% off the {fmt.price(listed)} list price"


def region_sellers(name: str, offers: list[Offer], region: str) -> str:
    """'Yes: deepseek-v4-pro is processed in the US at Fireworks AI ($1.20 in / $1.20 out per 1M) and ...' or no."""
    sellers = []
    for o in offers:
        if not o.priced or o.free or o.deprecated:
            continue
        paid = rates(o, Workload(share=0.75, tokens=None, region=region))
        if not paid.out_of_region:
            sellers.append((paid.blended or 0.0, f"{o.provider_name} ({pair(paid.input, paid.output)} per 1M)"))
    where = region.upper()
    if not sellers:
        return f"No: no seller of {name} in my data processes requests in the {where}."
    said = [text for _, text in sorted(sellers)[:5]]
    more = f", and {len(sellers) - 5} more" if len(sellers) > 5 else ""
    return f"Yes: {name} is processed in the {where} at " + ", ".join(said) + f"{more}, cheapest first."


def batch_line(name: str, ref: Offer, offers: list[Offer]) -> str:
    """Yes with the batch price (and its discount), at the maker's offer or the first that sells one; else no."""
    seller = next((o for o in [ref, *offers] if o.service_tier("batch") is not None), None)
    if seller is None:
        return f"No batch price for {name} in my data, at {ref.provider_name} or elsewhere: price it at the standard rate."
    tier = seller.service_tier("batch")
    assert tier is not None
    where = seller.provider_name if seller is ref else f"{seller.provider_name} (not at {ref.provider_name})"
    line = f"Yes: {name}'s batch price at {where} is {pair(tier.input, tier.output)} per 1M{_off(tier.input, seller.input_price)}."
    if tier.scaled is not None:
        line += (
            f" ({SOURCE_NAMES.get(tier.source, tier.source)} listed it beside an older list price: scaled by the list "
            f"price's change on {fmt.day(seller.price_as_of)}.)"
        )
    return line


def cache_line(name: str, ref: Offer, offers: list[Offer]) -> str:
    """Yes with the cached-input price, its discount and any cache-write price; else no."""
    seller = next((o for o in [ref, *offers] if o.cache_read_price is not None), None)
    if seller is None:
        return f"No cached-input price for {name} in my data: count all input at the full price."
    line = f"Yes: cached input for {name} at {seller.provider_name} costs {fmt.price(seller.cache_read_price)} per 1M"
    line += _off(seller.cache_read_price, seller.input_price) + "."
    writes = [(w, p) for w, p in (("5-minute", seller.cache_write_price), ("1-hour", seller.cache_write_1h_price)) if p]
    if writes:
        line += " Cache writes: " + ", ".join(f"{fmt.price(p)} per 1M ({w})" for w, p in writes) + "."
    return line


def availability(
    name: str, providers: list[str], offers: list[Offer], names: dict[str, str], siblings: Sequence[Model] = ()
) -> str:
    """'Yes: X is on Amazon Bedrock at $0.15 in / $0.60 out per 1M.' or 'No: ... it is sold by A, B and C.'"""
    lines = []
    for pid in providers:
        offer = next((o for o in offers if sells_as(o.provider, pid) and not o.deprecated), None) or next(
            (o for o in offers if sells_as(o.provider, pid)), None
        )
        if offer is not None:
            price = (
                f" at {fmt.price(offer.input_price)} in / {fmt.price(offer.output_price)} out per 1M"
                if offer.priced
                else " (price unknown)"
            )
            ends = offer.retiring(current_day())
            heir = f", {offer.successor_id} is its successor" if ends and offer.successor_id else ""
            gone = f" {offer.provider_name} retires it on {fmt.day(ends)}{heir}." if ends else ""
            lines.append(f"Yes: {name} is on {offer.provider_name}{price}.{gone}")
        else:
            sellers = ", ".join(list(dict.fromkeys(o.provider_name for o in offers))[:5]) or "nobody in my data"
            kin = [(m, o) for m in siblings for o in m.offers if sells_as(o.provider, pid) and o.priced and not o.deprecated]
            if kin:  # "does groq serve any qwen3.8 model?": another of the line is, so yes first
                said = ", ".join(f"{m.id} ({pair(o.input_price, o.output_price)} per 1M)" for m, o in kin[:3])
                lines.append(f"Yes, of that line: {names.get(pid, pid)} sells {said}; not {name}, which is at {sellers}.")
            else:
                lines.append(f"No: {name} is not sold by {names.get(pid, pid)} in my data; it is at {sellers}.")
    return " ".join(lines) if lines else f"{name} is sold by {len(offers)} providers."


def sells_as(provider: str, asked: str) -> bool:
    """Whether an offer's provider is the one asked, or its branch: 'google-vertex-anthropic' is Vertex."""
    return provider == asked or BRANCH_OF.get(provider) == asked


def line_of(model: Model, catalogue: Catalogue) -> list[Model]:
    """The other chat models of the model's line: 'qwen3.8-27b' beside 'qwen3.8-max' (its id before the last part)."""
    stem = model.id.rsplit("-", 1)[0] if "-" in model.id else model.id
    return [m for m in catalogue.chat_models() if m is not model and (m.id == stem or m.id.startswith(stem + "-"))]


def speeds(model: Model, providers: list[str], offers: list[Offer], catalogue: Catalogue) -> str:
    """For providers asked: 'On Cerebras: 2,100 tok/s, first token in 300 ms; on Groq: 540 tok/s. Cerebras is
    faster.' Else the headline figure with its effort, the other efforts' first-token waits and who is fastest."""
    if providers:
        return _at_providers(model, providers, offers, catalogue)
    records = [s for s in catalogue.speeds(model) if s.output_tps is not None or s.ttft_s is not None]
    if not records:
        return f"{model.id}'s speed and time to first token: {fmt.NO_DATA} in my sources."
    head = min(records, key=lambda s: (s.provider is not None, -s.as_of.toordinal()))  # the newest typical figure
    own = any(o.first_party for o in offers)
    where = catalogue.providers.get(head.provider, head.provider) if head.provider else (
        "its maker's API" if own else "the source's reference host (its maker sells no API for it)"
    )
    thinks = _thinks(offers)
    line = f"{model.id}: {fmt.speed(head.output_tps)}, first token in {fmt.seconds(head.ttft_s)}"
    line += f"{_effort(head.mode, thinks)} at {where} ({_measured(head, catalogue)})"
    waits = sorted((o for o in head.others if o.ttft_s is not None), key=lambda o: o.ttft_s or 0.0)
    if waits:
        line += "; first token in " + ", ".join(f"{fmt.seconds(o.ttft_s)} at {o.variant}" for o in waits)
    sellers = {o.provider for o in offers if not retired([o], current_day())}
    measured = [s for s in records if s.provider in sellers and s.output_tps is not None]
    if measured:
        fastest = max(measured, key=lambda s: s.output_tps or 0.0)
        shown = ", ".join(f"{catalogue.providers.get(s.provider or '', s.provider)} {fmt.speed(s.output_tps)}"
                          for s in sorted(measured, key=lambda s: -(s.output_tps or 0.0))[:4])  # fmt: skip
        line += f". By provider: {shown} ({_measured(fastest, catalogue)})"
    silicon = sorted({o.provider_name for o in offers if o.provider in FAST_HOSTS and not o.deprecated}
                     - {catalogue.providers.get(s.provider or "", "") for s in measured})  # fmt: skip
    if silicon:
        line += f". Not measured in my data but built for speed, and selling it: {', '.join(silicon)}"
    return line + "."


# hosts on their own inference chips, usually the fastest for the open models they serve
FAST_HOSTS = ("cerebras", "groq", "sambanova")


def _effort(variant: str | None, thinks: bool = False) -> str:
    """' (high effort)' for a figure measured at a reasoning effort, ' (includes its thinking)' for a reasoning
    model measured at one setting, else ''."""
    return f" ({variant})" if variant else (" (includes its thinking)" if thinks else "")


def _thinks(offers: list[Offer]) -> bool:
    """Whether most sellers list the model as reasoning: its first token then waits on its thinking."""
    return sum(o.reasoning for o in offers) * 2 > len(offers)


def _measured(sp: Speed, catalogue: Catalogue) -> str:
    """'Artificial Analysis, 2026-08-22': who measured a speed, and when."""
    src = catalogue.source(sp.source)
    return f"{src.name if src else sp.source}, {sp.as_of.isoformat()}"


def _at_providers(model: Model, providers: list[str], offers: list[Offer], catalogue: Catalogue) -> str:
    """'On Cerebras: 2,100 tok/s, first token in 300 ms; on Groq: 540 tok/s. Cerebras is faster.'"""
    found = []
    for pid in providers:
        label = catalogue.providers.get(pid, pid)
        sold = [o for o in offers if o.provider == pid]
        own = any(o.first_party for o in sold)  # the maker's own API: its typical figure counts too
        measured_here = [s for s in catalogue.speeds(model) if s.provider == pid or (own and s.provider is None)]
        sp = max(measured_here, key=lambda s: s.as_of, default=None)  # the newest measure
        if retired(sold, current_day()):  # a provider that has retired the model is no choice
            ended = last_deprecation(sold)
            found.append((None, f"on {label}: retired" + (f" on {fmt.day(ended)}" if ended else "")))
        elif sp is None or sp.output_tps is None:
            found.append((None, f"on {label}: {fmt.NO_DATA}"))
        else:
            wait = f"first token in {fmt.seconds(sp.ttft_s)}{_effort(sp.mode, _thinks(sold))}"
            found.append((sp.output_tps, f"on {label}: {fmt.speed(sp.output_tps)}, {wait} ({_measured(sp, catalogue)})"))
    text = "; ".join(t for _, t in found)
    text = text[0].upper() + text[1:] if text else f"No speed data for {model.id} at those providers"
    measured = [(v, t) for v, t in found if v is not None]
    if len(measured) >= 2:
        best = max(measured)[1].split(":")[0].removeprefix("on ")
        text += f". {best} is faster for {model.id}"
    elif len(measured) == 1 and len(found) > 1:
        only = measured[0][1].split(":")[0].removeprefix("on ")
        gone = all(t.endswith(":") or ": retired" in t for v, t in found if v is None)
        text += f". {only} is the only one of them still selling it" if gone else f". Only {only} has a figure"
    return text + "."


def _tokens(value: int | None) -> str:
    return fmt.tokens(value, exact=True)


def _others(offers: list[Offer], ref: Offer, field: str) -> str:
    """', 128K at Groq' where other providers cap the same model differently."""
    ref_value = getattr(ref, field)
    other = {
        o.provider_name: getattr(o, field)
        for o in offers
        if o is not ref and getattr(o, field) not in (None, ref_value)
    }
    if not other:
        return ""
    shown = "; ".join(f"{fmt.tokens(v)} at {p}" for p, v in list(other.items())[:3])
    return f" ({shown})"


def _where(offer: Offer) -> str:
    return f"as {offer.provider_name}'s listing gives it"
