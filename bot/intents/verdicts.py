"""Verdicts for comparisons that take a position: which to pick, for what, and whether an upgrade is worth it."""

from __future__ import annotations

from bot.catalogue.offers import current_day
from bot.contract.query import Query
from bot.intents.selection import Candidate
from bot.render import fmt
from bot.render.wording import n_points, task_name

SAME_PRICE = 1.01  # prices within 1% of each other are the same price
CLOSE = 3.0  # score gaps under this many points are "close"
BIG = 10.0  # a gap this big is worth paying for
NEAR_PRICE = 1.2  # a price within 20% of the other's is no reason to give up a real score gap


def cheaper_by(ratio: float) -> str:
    """'4.0x cheaper', or '8% cheaper' when the gap is small (never '1.0x cheaper')."""
    return f"{ratio:.1f}x cheaper" if ratio >= 1.095 else f"{(1 - 1 / ratio) * 100:.0f}% cheaper"


def dearer_by(ratio: float) -> str:
    """'4.9x the price', or '8% more' when the gap is small."""
    return f"{ratio:.1f}x the price" if ratio >= 1.095 else f"{(ratio - 1) * 100:.0f}% more"


def price_ratio(dear: Candidate, cheap: Candidate) -> float | None:
    """How many times the cheaper one's blended price the dearer one costs (None without both prices)."""
    if dear.blended is None or cheap.blended is None or cheap.blended <= 0:
        return None
    return dear.blended / cheap.blended


def pair_verdict(a: Candidate, b: Candidate, query: Query) -> str:
    """Two models: one pick, or a split by what matters, never '1.0x cheaper' or 'about the same' for a real gap."""
    task = task_name(query.task)
    sa, sb = a.score.score, b.score.score
    if a.blended is None or b.blended is None:
        missing = ", ".join(c.model.id for c in (a, b) if c.blended is None)
        if sa is not None and sb is not None and abs(sa - sb) >= CLOSE:
            top = a if sa > sb else b
            return (
                f"No price for {missing}; on quality, {top.model.id} scores {abs(sa - sb):.0f} points higher on {task}."
            )
        return f"No price for {missing}, so cost cannot be compared."
    cheap, dear = (a, b) if a.blended <= b.blended else (b, a)
    ratio = price_ratio(dear, cheap) or 1.0
    sc, sd = cheap.score.score, dear.score.score
    if sc is None or sd is None:
        unknown = ", ".join(c.model.id for c in (cheap, dear) if c.score.score is None)
        if ratio < SAME_PRICE:
            return f"Same price ({fmt.price(cheap.blended)}/M blended); no {task} score for {unknown}."
        return f"Pick {cheap.model.id} on price: {cheaper_by(ratio)} per token (no {task} score for {unknown})."
    gap = round(sd) - round(sc)  # the difference of the scores shown
    if ratio < SAME_PRICE:
        if abs(gap) < 1:
            return f"Same price ({fmt.price(cheap.blended)}/M blended) and the same {task} score ({fmt.score(sc)})."
        top = dear if gap > 0 else cheap
        return f"Same price ({fmt.price(cheap.blended)}/M blended); pick {top.model.id}: it scores {abs(gap):.0f} points higher on {task}."
    if gap <= 0:
        return f"Pick {cheap.model.id}: it is both {cheaper_by(ratio)} and scores {'as high' if gap > -1 else n_points(gap) + ' higher'} on {task}."
    if gap < CLOSE:
        return (
            f"Pick {cheap.model.id}: it is {cheaper_by(ratio)} and within {n_points(gap)} of {dear.model.id} "
            f"on {task} ({fmt.score(sc)} vs {fmt.score(sd)})."
        )
    scores = f"({fmt.score(sd)} vs {fmt.score(sc)})"
    if ratio < NEAR_PRICE or (gap >= 2 * BIG and ratio < 2):  # a lopsided trade: the points are worth the price
        return f"Pick {dear.model.id}: {gap:.0f} points higher on {task} {scores} for {dearer_by(ratio)}."
    if ratio >= 5 and gap < BIG:  # a lopsided trade the other way: the price is worth the points
        return f"Pick {cheap.model.id}: {cheaper_by(ratio)} for only {gap:.0f} points less on {task} {scores}."
    return (
        f"Pick {cheap.model.id} if cost matters: {cheaper_by(ratio)} per token. "
        f"Pick {dear.model.id} if quality matters: {gap:.0f} points higher on {task} {scores}."
    )


def ranking_verdict(cands: list[Candidate], query: Query) -> str:
    """Three or more models: ranked by score and by price, with the pick for quality, for cost and for value."""
    task = task_name(query.task)
    scored = sorted((c for c in cands if c.score.score is not None), key=lambda c: -(c.score.score or 0.0))
    priced = sorted((c for c in cands if c.blended is not None), key=lambda c: c.blended or 0.0)
    parts = []
    if scored:
        parts.append(f"On {task}: " + ", ".join(f"{c.model.id} {fmt.score(c.score.score)}" for c in scored) + ".")
    if priced:
        parts.append("By price: " + ", ".join(f"{c.model.id} {fmt.price(c.blended)}/M" for c in priced) + ".")
    parts.append(_ranking_pick(scored, priced))
    missing = [c.model.id for c in cands if c.score.score is None]
    if missing:
        parts.append(f"No {task} score for {', '.join(missing)}.")
    return " ".join(parts)


def _ranking_pick(scored: list[Candidate], priced: list[Candidate]) -> str:
    """'Pick A: it scores highest and costs least', or 'Pick A for quality, C for cost, B for value'."""
    if not scored or not priced:
        return ""
    top, cheapest = scored[0], priced[0]
    tied = [c for c in scored if round(c.score.score or 0.0) == round(top.score.score or 0.0)]
    if len(tied) > 1 and any(c.blended is not None for c in tied):
        pick = min((c for c in tied if c.blended is not None), key=lambda c: c.blended or 0.0)
        others = ", ".join(c.model.id for c in tied if c is not pick)
        return f"Pick {pick.model.id}: it ties {others} for the top score ({fmt.score(top.score.score)}) and costs least."
    cheapest_price = cheapest.blended or 0.0
    if top.blended is not None and top.blended <= cheapest_price * SAME_PRICE:
        tie = any(c is not top and c.blended is not None and c.blended <= top.blended * SAME_PRICE for c in priced)
        return f"Pick {top.model.id}: it scores highest and costs {'no more than the rest' if tie else 'least'}."
    picks = [f"{top.model.id} for quality", f"{cheapest.model.id} for cost"]
    both = [c for c in scored if c.blended is not None]
    value = max(both, key=lambda c: c.value or 0.0) if both else None
    if value is not None and value not in (top, cheapest):
        picks.append(f"{value.model.id} for value (score per dollar)")
    return "Pick " + ", ".join(picks) + "."


def upgrade_verdict(old: Candidate, new: Candidate, query: Query) -> str:
    """'Should I upgrade from old to new?': yes, no, or yes-if, with the price and the score behind it."""
    task = task_name(query.task)
    so, sn = old.score.score, new.score.score
    ratio = price_ratio(new, old)
    if ratio is None:
        price = "price unknown"
    elif abs(ratio - 1) < SAME_PRICE - 1:
        price = "the same price"
    else:
        price = dearer_by(ratio) if ratio > 1 else cheaper_by(1 / ratio)
    extra = _monthly_difference(old, new, query)
    if so is None or sn is None:
        return f"Can't tell from scores: no {task} score for {old.model.id if so is None else new.model.id}. {new.model.id} is {price}{extra}; test both on your own prompts."
    gap = round(sn) - round(so)  # the difference of the scores shown
    scores = f"{fmt.score(so)} -> {fmt.score(sn)} on {task}"
    cheaper = ratio is not None and ratio <= 1
    if gap >= CLOSE and cheaper:
        return f"Yes: upgrade; {new.model.id} is both better ({gap:+.0f} points, {scores}) and {price}{extra}."
    if gap >= CLOSE:
        if gap >= BIG or (ratio is not None and ratio < 2):
            return f"Yes, if {task} quality matters: {gap:+.0f} points ({scores}) for {price}{extra}."
        return (
            f"Probably not: {gap:+.0f} points ({scores}) for {price}{extra}. {_stay(old)[:-1]} unless "
            f"{task} quality is what holds you back."
        ) if _stay(old).startswith("Stay") else f"{gap:+.0f} points ({scores}) for {price}{extra}. {_stay(old)}"
    if gap > -CLOSE:
        if cheaper and price != "the same price":
            return f"Yes: about the same quality ({scores}) for less: {price}{extra}."
        return f"No: the scores are close ({scores}) and {new.model.id} is {price}{extra}. {_stay(old)}"
    if ratio is not None and 0 < ratio <= 1 / 5 and -gap < BIG:  # a lopsided trade: the saving is worth the points
        return f"Yes, if cost matters: {new.model.id} is {price}{extra} for only {-gap:.0f} points less ({scores})."
    return f"No: {new.model.id} scores {-gap:.0f} points lower ({scores}) and is {price}{extra}. {_stay(old)}"


def _stay(old: Candidate) -> str:
    """'Stay on X.', or, when X's seller has retired it or retires it soon, that it must move anyway."""
    today = current_day()
    ends = old.offer.deprecation_date
    if old.offer.deprecated_on(today) or (ends is not None and (ends - today).days <= 90):
        when = f" on {fmt.day(ends)}" if ends else ""
        return f"But {old.offer.provider_name} retires {old.model.id}{when}: move anyway, to the best of the rest."
    return f"Stay on {old.model.id}."


def _monthly_difference(old: Candidate, new: Candidate, query: Query) -> str:
    if query.tokens_per_month is None or old.monthly is None or new.monthly is None:
        return ""
    diff = new.monthly - old.monthly
    if abs(diff) < 0.005:
        return ""
    more = "more" if diff > 0 else "less"
    return f" ({fmt.money(abs(diff))} {fmt.a_period(query.one_off)} {more} at {fmt.tokens(query.tokens_per_month)} tokens)"


def near_tie_sentence(top: Candidate, others: list[Candidate], task: str | None) -> str | None:
    """'gpt-5.4-pro scores 4 points higher on general use at 8.4x the price: a gap within the noise between
    benchmarks.' for a quality pick led by a near-tie of a dearer top."""
    higher = [c for c in others if c.score.score is not None and top.score.score is not None and c.score.score > top.score.score]
    if not higher:
        return None
    alt = max(higher, key=lambda c: c.score.score or 0.0)
    ratio = fmt.ratio(alt.blended, top.blended)
    if ratio is None or ratio < 1.5:
        return None
    gap = round(alt.score.score or 0.0) - round(top.score.score or 0.0)
    return (f"{alt.model.id} scores {n_points(gap)} higher on {task_name(task)} at {ratio:.1f}x the price: a gap "
            "within the noise between benchmarks.")
