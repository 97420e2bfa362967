"""The constraints of a query, applied to one offer: the workload it prices, and why an offer fails (or passes)."""

from __future__ import annotations

from bot.catalogue.cost import Mix, mix_for
from bot.catalogue.store import Catalogue
from bot.catalogue.workload import Workload
from bot.contract.query import Query
from bot.intents.checks import Checks


def mix_of(query: Query, catalogue: Catalogue) -> Mix:
    """The input share to price with: the question's (all input when it gives input alone), else the task's."""
    if query.input_share is None and query.input_only:
        return Mix(1.0, "question", query.task)  # "1B input tokens a month and tiny outputs"
    task_share = catalogue.profile(query.task).input_share if query.task else None
    return mix_for(query.input_share, query.task, task_share)


_last_workload: tuple[Query | None, Mix | None, float | None, Workload | None] = (None, None, None, None)


def workload_of(query: Query, mix: Mix, tokens: float | None = None) -> Workload:
    """What the question says about its traffic, for pricing (`tokens` overrides the question's volume).

    An answer asks this for every offer it weighs, with the same query: the last one is kept (by identity)."""
    global _last_workload
    last_query, last_mix, last_tokens, last = _last_workload
    if last is not None and last_query is query and (last_mix is mix or last_mix == mix) and last_tokens == tokens:
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


_last_checks: tuple[Query | None, Workload | None, Checks | None] = (None, None, None)


def checks_for(query: Query, work: Workload) -> Checks:
    """The query's hard constraints at `work`, read once (the last ones are kept, by identity, like the workload)."""
    global _last_checks
    last_query, last_work, last = _last_checks
    if last is not None and last_query is query and last_work is work:
        return last
    checks = Checks.of(query, work)
    _last_checks = (query, work, checks)
    return checks

