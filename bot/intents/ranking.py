"""Ranking candidates: the order each objective asks for, "good enough" for value, and the next step up."""

from __future__ import annotations

from bot.intents.selection import Candidate


def _cost(c: Candidate) -> tuple:
    return (c.monthly if c.monthly is not None else c.blended or 0.0, -(c.score.score or 0.0), c.model.id)


# each order's key; ties go to the cheaper, then to the id for stability
SORT_KEYS = {
    "cost": _cost,
    "quality": lambda c: (-(c.score.score or -1.0), c.blended or 0.0, c.model.id),
    "speed": lambda c: (-(c.tps or -1.0), c.blended or 0.0, c.model.id),
    "latency": lambda c: (c.ttft if c.ttft is not None else float("inf"), c.blended or 0.0, c.model.id),
    "context": lambda c: (-(c.offer.context or 0), c.blended or 0.0, c.model.id),
    # value: good enough first (`good_enough`), then the cheapest; a tie in price goes to the higher score
    "value": _cost,
}

# the tiers "good enough" means, best first: value picks from the best of these that has any model
VALUE_TIERS = (("strong", "good"), ("usable",), ("weak",))


def good_enough(cands: list[Candidate]) -> tuple[list[Candidate], str | None]:
    """The candidates at least "good" for the task, else those of the best tier any reaches, and that tier."""
    for tiers in VALUE_TIERS:
        found = [c for c in cands if c.score.tier in tiers]
        if found:
            return found, tiers[-1]
    return cands, None


MIN_STEP = 5  # points: a smaller gain is noise between benchmarks, not a step up worth paying for
GOOD_TIERS = ("strong", "good")


def pareto_step(pick: Candidate, ranked: list[Candidate]) -> Candidate | None:
    """The cheapest candidate scoring `MIN_STEP` or more points higher (as shown) than the pick: the next step
    up the price-quality frontier."""
    base = pick.score.score
    if base is None or pick.blended is None:
        return None
    better = [
        c
        for c in ranked
        if c.score.score is not None and round(c.score.score) >= round(base) + MIN_STEP and c.blended is not None
    ]
    return min(better, key=lambda c: (c.blended, -(c.score.score or 0.0)), default=None)


CLIMB = 1.5  # value takes a step up the frontier that costs at most this much more than the pick so far,
TIER_CLIMB = 2.0  # or at most this much more when the step is a tier up (good to strong)
TIER_ORDER = {"strong": 3, "good": 2, "usable": 1, "weak": 0}


def climbed(ordered: list[Candidate]) -> list[Candidate]:
    """Value's order: the cheapest good-enough candidate, moved up each step of the price-quality frontier that
    costs at most `CLIMB` times its price (a tier up for 1.2x is the better buy), then the rest by price."""
    if not ordered:
        return ordered
    pick = ordered[0]
    while (step := pareto_step(pick, ordered)) is not None and _worth(step, pick):
        pick = step
    return ordered if pick is ordered[0] else [pick, *(c for c in ordered if c is not pick)]


def _worth(step: Candidate, pick: Candidate) -> bool:
    """Whether value pays for the step: at most `CLIMB` times the price, or `TIER_CLIMB` times for a tier up."""
    up = TIER_ORDER.get(step.score.tier or "", 0) > TIER_ORDER.get(pick.score.tier or "", 0)
    return (step.blended or 0.0) <= (pick.blended or 0.0) * (TIER_CLIMB if up else CLIMB)


def good_step(pick: Candidate, ranked: list[Candidate]) -> Candidate | None:
    """When the pick is not rated good for the task, the cheapest candidate that is (None when it is, or none is)."""
    if pick.score.tier in GOOD_TIERS:
        return None
    good = [c for c in ranked if c.score.tier in GOOD_TIERS and c.blended is not None]
    return min(good, key=lambda c: (c.blended, -(c.score.score or 0.0)), default=None)


def rank(cands: list[Candidate], sort_by: str) -> list[Candidate]:
    """Candidates in the order `sort_by` asks for (ties: cheaper first, then id for stability); for quality, a
    near-tie of the top that costs a fraction of it leads (`near_tie_first`)."""
    ordered = sorted(cands, key=SORT_KEYS[sort_by])
    return near_tie_first(ordered) if sort_by == "quality" else ordered


NEAR_TIE_PRICE = 3.0  # the top costing this many times a model less than `MIN_STEP` points below it: that one leads


def near_tie_first(ordered: list[Candidate]) -> list[Candidate]:
    """The best of the models scoring less than `MIN_STEP` below the top at a third of its price or less, first:
    gaps that small are noise between benchmarks, and several times the price is not."""
    top = ordered[0] if ordered else None
    if top is None or top.score.score is None or top.blended is None:
        return ordered
    close = [
        c for c in ordered[1:]
        if c.score.score is not None and c.blended is not None and round(top.score.score) - round(c.score.score) < MIN_STEP
        and top.blended >= NEAR_TIE_PRICE * c.blended
    ]  # fmt: skip
    if not close:
        return ordered
    pick = max(close, key=lambda c: (round(c.score.score or 0.0), -(c.blended or 0.0)))
    return [pick, *(c for c in ordered if c is not pick)]


def needs(sort_by: str) -> str | None:
    """The data a sort needs; candidates without it cannot be ranked on it."""
    return {"speed": "tps", "latency": "ttft"}.get(sort_by)


CHEAP_CLIMB = 1.25  # a cheapest question takes a better model for at most this much more than the cheapest,
CHEAP_DOLLARS = 50.0  # or for at most this many dollars more a month (and at most twice the price),
CHEAP_GAIN = 10  # when it scores this many points higher, or a tier up


def better_buy(ordered: list[Candidate]) -> Candidate | None:
    """For a cheapest question, the candidate worth its small premium over the cheapest: 10+ points (or a tier)
    higher for at most 1.25x the price, or $50 a month more; the cheapest of those, else None."""
    if not ordered or ordered[0].score.score is None:
        return None
    pick = ordered[0]
    base, tier = pick.score.score, TIER_ORDER.get(pick.score.tier or "", 0)
    worth = [
        c for c in ordered[1:]
        if c.score.score is not None and c.blended is not None and pick.blended is not None
        and (round(c.score.score) >= round(base) + CHEAP_GAIN or TIER_ORDER.get(c.score.tier or "", 0) > tier)
        and (c.blended <= pick.blended * CHEAP_CLIMB or _dollars_more(c, pick) <= CHEAP_DOLLARS and c.blended <= pick.blended * 2)
    ]  # fmt: skip
    return min(worth, key=lambda c: (c.blended or 0.0, -(c.score.score or 0.0)), default=None)


def _dollars_more(c: Candidate, pick: Candidate) -> float:
    return (c.monthly - pick.monthly) if c.monthly is not None and pick.monthly is not None else float("inf")
