"""Choosing offers and filtering models: every constraint of a query, applied the same way for every intent."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.catalogue.cost import Mix, blended_price
from bot.catalogue.grouping import Model
from bot.catalogue.knowledge import Speed
from bot.catalogue.offers import Offer, current_day
from bot.catalogue.scores import TaskScore
from bot.catalogue.store import Catalogue
from bot.catalogue.workload import Rates, Workload, monthly_at, rates
from bot.contract.policy import Policy
from bot.contract.query import Query
from bot.intents.checks import Checks
from bot.intents.constraints import checks_for, context_need, workload_of
from bot.intents.index import Index, index_for
from bot.intents.unjudged import newest_left_out

if TYPE_CHECKING:
    from bot.intents.selfhost import Size

FIT_TIERS = frozenset({"strong", "good", "usable"})
SOON_DAYS = 30  # a model retiring this soon is ranked after those that stay


@dataclass(slots=True)
class Candidate:
    """A model at one offer, with everything an answer says about it (treat as read-only: `replace` to change).

    Not frozen: a list builds one for every model that passes, and a frozen init costs three times as much."""

    model: Model
    offer: Offer
    blended: float | None
    monthly: float | None
    score: TaskScore
    speed: Speed | None
    cheaper: Offer | None = None
    rates: Rates | None = None  # the prices the workload pays here: cache, batch or tier, region, long context
    size: Size | None = None  # parameters and fit on the hardware asked, on self-hosting questions

    @property
    def tps(self) -> float | None:
        return self.speed.output_tps if self.speed else None

    @property
    def ttft(self) -> float | None:
        return self.speed.ttft_s if self.speed else None

    @property
    def value(self) -> float | None:
        """Task score per dollar of blended price per 1M tokens."""
        if self.score.score is None or self.blended is None:
            return None
        return self.score.score / max(self.blended, 1e-6)


@dataclass
class Left:
    """Why models were left out, counted, so the answer can say so."""

    reasons: Counter[str] = field(default_factory=Counter)

    def add(self, reason: str) -> None:
        self.reasons[reason] += 1


def unfit(score: TaskScore, min_coverage: float) -> str | None:
    """Why a task score does not clear the quality floor (None when it does)."""
    if not score.known:
        return "no score"
    if score.coverage < min_coverage or score.thin:
        return "thin evidence"
    if score.tier not in FIT_TIERS:
        return "weak for the task"
    return None


def excluded_by_maker(model: Model, query: Query, catalogue: Catalogue) -> bool:
    """'Not from OpenAI' drops OpenAI's models wherever they are sold."""
    if not query.exclude_providers or model.maker is None:
        return False
    maker = index_for(catalogue).makers.get(model.maker)
    own = set(maker.providers) if maker else set()
    return model.maker in query.exclude_providers or bool(own & set(query.exclude_providers))


def eligible_offers(model: Model, query: Query, policy: Policy, catalogue: Catalogue) -> list[Offer]:
    """The offers that count for this query: named providers, else first-party and default providers (not one
    retiring within `SOON_DAYS` where another keeps the model and the maker's own API does not retire it)."""
    index, today = index_for(catalogue), current_day()
    key = (model.id, query.include_free, tuple(query.providers), tuple(query.exclude_providers), policy, today)
    found = index.eligible.get(key)
    if found is not None:
        return found
    by_provider = index.offers(model, query.include_free)
    excluded = set(query.exclude_providers)
    offers = [o for p, o in by_provider.items() if p not in excluded and o.superseded_by is None]  # no likely-retired
    if query.providers:
        named = set(query.providers)
        found = [o for o in offers if o.provider in named or BRANCH_OF.get(o.provider) in named]  # Vertex's Anthropic branch
    else:
        found = [o for o in offers if o.first_party or o.provider in policy.default_providers]
        if not found:
            found = [o for o in offers if o.provider in policy.fallback_providers]
        if not any(o.first_party and o.retiring(today, SOON_DAYS) for o in found):  # one cloud's retirement is its own
            found = [o for o in found if o.retiring(today, SOON_DAYS) is None] or found
    index.eligible[key] = found
    return found


@dataclass(frozen=True, slots=True)
class Fit:
    """What every model of one answer is checked against, read once from the query (a list checks a thousand)."""

    query: Query
    mix: Mix
    checks: Checks
    open_weights: bool
    timed: bool  # a speed or latency constraint, else speed is looked up for the pick only
    context: int | None

    @classmethod
    def of(cls, query: Query, mix: Mix) -> Fit:
        return cls(
            query=query,
            mix=mix,
            checks=checks_for(query, workload_of(query, mix)),
            open_weights="open_weights" in query.capabilities,
            timed=query.min_speed is not None or query.max_latency is not None,
            context=context_need(query),
        )


def candidate_for(
    model: Model,
    query: Query,
    catalogue: Catalogue,
    policy: Policy,
    mix: Mix,
    left: Left | None = None,
    floor: bool = False,
    offers: list[Offer] | None = None,
    fit: Fit | None = None,
) -> Candidate | None:
    """The model at its best offer for this query, or None (with the reason counted in `left`).

    With `floor`, a model without a fitting task score is dropped before its offers are checked.
    """
    if offers is None:
        offers = eligible_offers(model, query, policy, catalogue)
    if not offers:
        return None
    if fit is None:
        fit = Fit.of(query, mix)
    index = index_for(catalogue)
    score = catalogue.task_score(model, query.task) if floor else None
    if score is not None and (problem := unfit(score, catalogue.knowledge.tasks.min_coverage)) is not None:
        if left is not None:
            left.add(problem)
        return None
    offer = _passing(model, offers, fit, index, left)
    if offer is None:
        return None
    return priced(
        model,
        offer,
        query,
        mix,
        score or catalogue.task_score(model, query.task),
        index.speed(model, offer.provider),
        fit.checks.work,
    )


def _passing(
    model: Model, offers: list[Offer], fit: Fit, index: Index, left: Left | None, problem: Callable | None = None
) -> Offer | None:
    """The model's preferred offer among those that pass every check (or `problem`'s, when the others are
    already passed), or None (the first reason counted)."""
    if fit.open_weights and not index.open_weights(model):
        if left is not None:
            left.add("no open weights")
        return None
    problem = problem or fit.checks.problem
    if len(offers) == 1:
        offer = offers[0]
        why = problem(offer, index.speed(model, offer.provider) if fit.timed else None)
        if why is None:
            return offer
        if left is not None:
            left.add(why)
        return None
    passing: list[Offer] = []
    first_problem = None
    for offer in offers:
        why = problem(offer, index.speed(model, offer.provider) if fit.timed else None)
        if why is None:
            passing.append(offer)
        elif first_problem is None:
            first_problem = why
    if not passing:
        if left is not None:
            left.add(first_problem or "no offer from the providers asked")
        return None
    return passing[0] if len(passing) == 1 else min(passing, key=_preference(model, fit.mix, fit.context))


def _preference(model: Model, mix: Mix, context: int | None) -> Callable[[Offer], tuple]:
    """The order among a model's passing offers: its maker's main provider, first-party, current, then cheapest."""
    primary = model.reference.provider if model.reference.first_party else None
    today = current_day()

    def preference(offer: Offer) -> tuple:
        return (
            offer.provider != primary,
            not offer.first_party,
            offer.deprecated_on(today),
            blended_price(offer, mix.share, context) or 0.0,
        )

    return preference


def priced(
    model: Model,
    offer: Offer,
    query: Query,
    mix: Mix,
    score: TaskScore,
    speed: Speed | None,
    work: Workload | None = None,
) -> Candidate:
    """A model at an offer, with its price at the query's mix, context and volume (`work`, when already read)."""
    paid = rates(offer, work or workload_of(query, mix))
    tokens = query.tokens_per_month
    return Candidate(
        model=model,
        offer=offer,
        blended=paid.blended,
        monthly=monthly_at(paid, tokens),
        score=score,
        speed=speed,
        rates=paid,
    )


def static_pass(
    pool: list[tuple[Model, list[Offer]]], checks: Checks, index: Index
) -> tuple[list[tuple[Model, list[Offer]]], Counter[str]]:
    """The pool's models with their offers that pass the checks on what an offer is (context, inputs, features,
    a price at all), and why the others do not: kept per pool and checks, as many questions share them."""
    key = (id(pool), checks.static_key)
    found = index.static.get(key)
    if found is None or found[0] is not pool:
        kept: list[tuple[Model, list[Offer]]] = []
        reasons: Counter[str] = Counter()
        for model, offers in pool:
            passing = [o for o in offers if checks.static_problem(o) is None]
            if passing:
                kept.append((model, passing))
            else:
                reasons[checks.static_problem(offers[0]) or "no offer from the providers asked"] += 1
        found = index.static[key] = (pool, kept, reasons)
    return found[1], found[2]


# sellers listed apart that are one seller to a buyer: Anthropic's models on Vertex are bought on Vertex
BRANCH_OF = {"google-vertex-anthropic": "google-vertex", "azure-cognitive-services": "azure"}


def offered(query: Query, catalogue: Catalogue, policy: Policy) -> list[tuple[Model, list[Offer]]]:
    """Chat models with at least one eligible offer for the query's provider choice (cached per choice)."""
    index = index_for(catalogue)
    key = (query.include_free, tuple(query.providers), tuple(query.exclude_providers), policy)
    found = index.offered.get(key)
    if found is None:
        found = []
        for model in index.chat_models:
            if excluded_by_maker(model, query, catalogue):
                continue
            offers = eligible_offers(model, query, policy, catalogue)
            if offers:
                found.append((model, offers))
        index.offered[key] = found
    return found


def fitting(query: Query, catalogue: Catalogue, policy: Policy) -> tuple[list[tuple[Model, list[Offer]]], Counter[str]]:
    """The offered models whose task score clears the floor, and why the others do not (cached per choice)."""
    index = index_for(catalogue)
    key = _fitting_key(query, policy)
    found = index.fitting.get(key)
    if found is None:
        fit: list[tuple[Model, list[Offer]]] = []
        reasons: Counter[str] = Counter()
        min_coverage = catalogue.knowledge.tasks.min_coverage
        unjudged: list[Model] = []
        scored: list[Model] = []
        for model, offers in offered(query, catalogue, policy):
            problem = unfit(catalogue.task_score(model, query.task), min_coverage)
            if problem is None:
                fit.append((model, offers))
            else:
                reasons[problem] += 1
                if problem in ("no score", "thin evidence"):
                    unjudged.append(model)
            if problem != "no score":
                scored.append(model)
        found = index.fitting[key] = (fit, reasons)
        index.unjudged[key] = newest_left_out(unjudged, scored)
    return found


def newest_unjudged(query: Query, catalogue: Catalogue, policy: Policy) -> list[Model]:
    """The newest offered models left out of a task's ranking for no score or thin evidence (after `fitting`)."""
    fitting(query, catalogue, policy)
    return index_for(catalogue).unjudged.get(_fitting_key(query, policy), [])


def _fitting_key(query: Query, policy: Policy) -> tuple:
    return (query.include_free, tuple(query.providers), tuple(query.exclude_providers), policy, query.task)


def candidates(
    query: Query, catalogue: Catalogue, policy: Policy, mix: Mix, *, floor: bool, left: Left
) -> list[Candidate]:
    """Chat models that satisfy every constraint of the query; with `floor`, only those fit for the task.

    The last `KEPT_CANDIDATES` results are kept per catalogue, as a follow-up ("fastest instead", "compare the top
    2") weighs the same models again. Callers get their own list; candidates are read-only."""
    index, fit = index_for(catalogue), Fit.of(query, mix)
    key = (
        floor, query.task, query.include_free, tuple(query.providers), tuple(query.exclude_providers), policy,
        fit.checks, fit.open_weights, fit.context, mix.share, query.tokens_per_month, current_day(),
    )  # fmt: skip
    kept = index.candidates.get(key)
    if kept is None:
        kept = index.candidates[key] = _candidates(query, catalogue, policy, mix, fit, floor)
        if len(index.candidates) > KEPT_CANDIDATES:
            index.candidates.popitem(last=False)
    else:
        index.candidates.move_to_end(key)
    left.reasons.update(kept[1])
    return list(kept[0])


KEPT_CANDIDATES = 32


def _candidates(
    query: Query, catalogue: Catalogue, policy: Policy, mix: Mix, fit: Fit, floor: bool
) -> tuple[list[Candidate], Counter[str]]:
    """`candidates`, worked out: the list and why the others were left out."""
    left = Left()
    if floor:
        pool, reasons = fitting(query, catalogue, policy)
        left.reasons.update(reasons)
    else:
        pool = offered(query, catalogue, policy)
    out: list[Candidate] = []
    index, task, today = index_for(catalogue), query.task, current_day()
    if fit.open_weights:  # the pools are cached: their open-weights part is too
        whole, pool = pool, index.open_pool(pool)
        if len(whole) > len(pool):
            left.reasons["no open weights"] += len(whole) - len(pool)
    pool, reasons = static_pass(pool, fit.checks, index)  # what the offers are is checked once per pool and checks
    left.reasons.update(reasons)
    work, tokens, speed, task_score = fit.checks.work, query.tokens_per_month, index.speed, catalogue.task_score
    check = fit.checks.dynamic_problem if fit.checks.dynamic else None  # None: every offer left passes
    for model, offers in pool:  # candidate_for's steps and `priced`, with what is the same for every model read once
        if check is None:
            offer = offers[0] if len(offers) == 1 else min(offers, key=_preference(model, fit.mix, fit.context))
        else:
            offer = _passing(model, offers, fit, index, left, check)
        if offer is None:
            continue
        if offer.deprecated_on(today):
            left.add("deprecated")
            continue
        paid = rates(offer, work)
        score, timing = task_score(model, task), speed(model, offer.provider)
        out.append(Candidate(model, offer, paid.blended, monthly_at(paid, tokens), score, timing, None, paid))
    return out, left.reasons
