"""'Why not claude?': where the named model ranked in this answer and why, or why it was left out."""

from __future__ import annotations

from datetime import date

from bot.catalogue.cost import Mix
from bot.catalogue.grouping import Model
from bot.catalogue.names import model_key
from bot.catalogue.store import Catalogue
from bot.contract.policy import Policy
from bot.contract.query import Query
from bot.intents.selection import Candidate, Left, candidate_for, unfit
from bot.render import fmt
from bot.render.wording import points, task_name


def why_not_sentences(
    query: Query, ranked: list[Candidate], catalogue: Catalogue, policy: Policy, mix: Mix
) -> list[str]:
    """One sentence per name asked about: its rank and trade-off against the pick, or the reason it is not here."""
    out = []
    pick = ranked[0] if ranked else None
    for name in query.why_not:
        key, named = _key_of(name, catalogue)
        exact = next(((i, c) for i, c in enumerate(ranked) if key and key == c.model.key), None)
        place = exact or (
            None if named else next(((i, c) for i, c in enumerate(ranked) if key and key in c.model.key), None)
        )
        if place is not None:
            out.append(_ranked(name, place[0], place[1], pick, len(ranked), query))
            continue
        out.append(_left_out(name, key, query, catalogue, policy, mix, exact=named))
    return out


def _ranked(name: str, i: int, c: Candidate, pick: Candidate | None, total: int, query: Query) -> str:
    if pick is None or c is pick:
        return f"{c.model.id} is the pick here."
    ratio = fmt.ratio(c.blended, pick.blended)
    gap = round(c.score.score or 0.0) - round(pick.score.score or 0.0)
    if ratio and ratio >= 1.05:
        price = f"costs {ratio:.1f}x the pick's price"
    elif ratio and ratio <= 1 / 1.05:
        price = f"costs {1 / ratio:.1f}x less than the pick"
    else:
        price = "costs about the same"
    return f"Why not {name}: {c.model.id} ranks #{i + 1} of {total}; it {price} and scores {points(gap, query.task)}."


def _key_of(name: str, catalogue: Catalogue) -> tuple[str, bool]:
    """The model key a name asks about, and whether it names one model (a name with no version, 'claude',
    'sonnet', 'deepseek', means the family, not an old model of that id)."""
    named = catalogue.model(name) if any(ch.isdigit() for ch in name) else None
    return (named.key, True) if named else (model_key(name), False)


def _members(key: str, catalogue: Catalogue, exact: bool) -> list[Model]:
    """The chat models a key names: the one model, or every model of the family."""
    return [m for m in catalogue.chat_models() if key and (key == m.key if exact else key in m.key)]


def _best_named(key: str, query: Query, catalogue: Catalogue, exact: bool) -> Model | None:
    """The chat model a name stands for: itself, or its family's best scored for the task (newest on ties)."""

    def score(m: Model) -> tuple:
        return catalogue.task_score(m, query.task).score or -1.0, m.release_date or date.min

    models = _members(key, catalogue, exact)
    return max(models, key=score) if models else None


def why_not_compared(
    query: Query, cands: list[Candidate], catalogue: Catalogue, policy: Policy, mix: Mix
) -> list[str]:
    """'Why not claude?' after a comparison: the named family's best model for the task (its cheapest good one
    when cost was asked), its score and price against the models compared."""
    out = []
    cheap = query.sort_by in ("cost", "value")
    for name in query.why_not:
        key, exact = _key_of(name, catalogue)
        best = _best_named(key, query, catalogue, exact)
        if best is None:
            out.append(f"Why not {name}: I don't know a chat model by that name.")
            continue
        if any(c.model is best for c in cands):
            out.append(f"Why not {name}: {best.id} is compared here.")
            continue
        left = Left()
        found = _cheapest_good(key, exact, query, catalogue, policy, mix) if cheap else None
        which = "cheapest good" if found else "best"
        best, c = found or (best, candidate_for(best, query, catalogue, policy, mix, left))
        if c is None:
            reason = ", ".join(left.reasons) or "no offer from the providers that count"
            out.append(f"Why not {name}: {best.id}, its best for {task_name(query.task)}, does not meet the question ({reason}).")
            continue
        here = ", ".join(f"{fmt.score(o.score.score)} ({o.model.id})" for o in cands)
        cheapest = min((o for o in cands if o.blended), key=lambda o: o.blended or 0.0, default=None)
        ratio = fmt.ratio(c.blended, cheapest.blended) if cheapest is not None else None
        price = f", at {ratio:.1f}x the price of {cheapest.model.id}" if ratio and cheapest is not None else ""
        out.append(f"Why not {name}: its {which} for {task_name(query.task)}, {best.id}, scores "
                   f"{fmt.score(c.score.score)} against {here}{price}.")  # fmt: skip
    return out


def _cheapest_good(
    key: str, exact: bool, query: Query, catalogue: Catalogue, policy: Policy, mix: Mix
) -> tuple[Model, Candidate] | None:
    """The family's cheapest model rated at least good for the task, as a candidate (None when none is)."""
    found = [(m, c) for m in _members(key, catalogue, exact) if (c := candidate_for(m, query, catalogue, policy, mix, Left()))]
    good = [(m, c) for m, c in found if c.score.tier in ("good", "strong") and c.blended is not None]
    return min(good, key=lambda mc: mc[1].blended or 0.0) if good else None


def _left_out(
    name: str, key: str, query: Query, catalogue: Catalogue, policy: Policy, mix: Mix, exact: bool = False
) -> str:
    best = _best_named(key, query, catalogue, exact)
    if best is None:
        return f"Why not {name}: I don't know a chat model by that name."
    problem = unfit(catalogue.task_score(best, query.task), catalogue.knowledge.tasks.min_coverage)
    if problem is not None:
        return f"Why not {name}: {best.id} is left out for {task_name(query.task)} ({problem})."
    left = Left()
    if candidate_for(best, query, catalogue, policy, mix, left) is None:
        reason = ", ".join(left.reasons) or "no offer from the providers that count"
        return f"Why not {name}: {best.id} does not meet the question ({reason})."
    return f"Why not {name}: {best.id} meets the question but ranks below the rows shown."
