"""The constraints of a query, applied to one offer: the workload it prices, and why an offer fails (or passes)."""

from __future__ import annotations

from bot.catalogue.cost import Mix, mix_for
from bot.catalogue.grouping import Model
from bot.catalogue.knowledge import Speed
from bot.catalogue.offers import Offer
from bot.catalogue.store import Catalogue
from bot.catalogue.workload import Workload, monthly, rates
from bot.contract.query import Query


def mix_of(query: Query, catalogue: Catalogue) -> Mix:
    task_share = catalogue.profile(query.task).input_share if query.task else None
    return mix_for(query.input_share, query.task, task_share)


_last_workload: tuple[Query | None, Mix | None, float | None, Workload | None] = (None, None, None, None)


def workload_of(query: Query, mix: Mix, tokens: float | None = None) -> Workload:
    """What the question says about its traffic, for pricing (`tokens` overrides the question's volume).

    An answer asks this for every offer it weighs, with the same query: the last one is kept (by identity)."""
    global _last_workload
    last_query, last_mix, last_tokens, last = _last_workload
    if last is not None and last_query is query and last_mix == mix and last_tokens == tokens:
        return last
    work = _workload(query, mix, tokens)
    _last_workload = (query, mix, tokens, work)
    return work


def _workload(query: Query, mix: Mix, tokens: float | None) -> Workload:
    tier = "batch" if query.batch else query.service_tier
    return Workload(
        tokens if tokens is not None else query.tokens_per_month,
        mix.share,
        cache_hit_rate=query.cache_hit_rate,
        tier=tier,
        region=query.region,
        context=query.min_context,
    )


def context_need(query: Query) -> int | None:
    """Context size the workload needs, for long-context price tiers."""
    return query.min_context


def offer_problem(offer: Offer, model: Model, query: Query, mix: Mix, speed: Speed | None) -> str | None:
    """Why an offer fails the query's hard constraints (None when it passes)."""
    if not offer.priced:
        return "no price"
    if offer.free and not query.include_free:
        return "free tier"
    if query.min_context and (offer.context or 0) < query.min_context:
        return "context too small"
    if query.min_output and (offer.max_output or 0) < query.min_output:
        return "max output too small"
    if query.input_modalities and not set(query.input_modalities) <= set(offer.input_modalities):
        return "input modality missing"
    for cap in query.capabilities:
        if not _has(cap, offer, model):
            return f"no {cap.replace('_', ' ')}"
    if not priced_constraints(query):
        return speed_problem(query, speed)
    work = workload_of(query, mix)
    paid = rates(offer, work)
    if query.region and paid.missing and any("processing" in m for m in paid.missing):
        return f"no {query.region.upper()} processing"
    inp, out = paid.input, paid.output
    if query.max_input_price is not None and (inp is None or inp > query.max_input_price):
        return "input price over cap"
    if query.max_output_price is not None and (out is None or out > query.max_output_price):
        return "output price over cap"
    if query.max_blended_price is not None and (paid.blended is None or paid.blended > query.max_blended_price):
        return "blended price over cap"
    if query.max_monthly_cost is not None and query.tokens_per_month is not None:
        cost = monthly(offer, work)
        if cost is None or cost > query.max_monthly_cost:
            return "over budget"
    return speed_problem(query, speed)


def _has(capability: str, offer: Offer, model: Model) -> bool:
    """Whether the offer (or, for open weights, the model) has the capability."""
    if capability == "tool_calling":
        return offer.tool_calling
    if capability == "structured_output":
        return offer.structured_output is True
    if capability == "reasoning":
        return offer.reasoning
    return True  # open weights: a model-level fact, checked in `candidate_for` where the catalogue is


def priced_constraints(query: Query) -> bool:
    """Whether a constraint depends on the price an offer charges this workload (region, caps, a budget)."""
    return bool(
        query.region
        or query.max_input_price is not None
        or query.max_output_price is not None
        or query.max_blended_price is not None
        or (query.max_monthly_cost is not None and query.tokens_per_month is not None)
    )


def speed_problem(query: Query, speed: Speed | None) -> str | None:
    """Why an offer's measured speed or latency fails the query (None when it passes or none is asked)."""
    if query.min_speed is not None and (speed is None or speed.output_tps is None):
        return "no speed data"
    if query.min_speed is not None and speed and speed.output_tps is not None and speed.output_tps < query.min_speed:
        return "too slow"
    if query.max_latency is not None and (speed is None or speed.ttft_s is None):
        return "no latency data"
    if query.max_latency is not None and speed and speed.ttft_s is not None and speed.ttft_s > query.max_latency:
        return "latency too high"
    return None
