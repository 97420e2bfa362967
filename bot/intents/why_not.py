"""'Why not claude?': where the named model ranked in this answer and why, or why it was left out."""

from __future__ import annotations

from datetime import date

from bot.catalogue.cost import Mix
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
        # a name with no version ('claude', 'sonnet', 'deepseek') means the family, not an old model of that id
        named = catalogue.model(name) if any(ch.isdigit() for ch in name) else None
        key = named.key if named else model_key(name)
        exact = next(((i, c) for i, c in enumerate(ranked) if key and key == c.model.key), None)
        place = exact or (
            None if named else next(((i, c) for i, c in enumerate(ranked) if key and key in c.model.key), None)
        )
        if place is not None:
            out.append(_ranked(name, place[0], place[1], pick, len(ranked), query))
            continue
        out.append(_left_out(name, named.key if named else key, query, catalogue, policy, mix, exact=named is not None))
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


def _left_out(
    name: str, key: str, query: Query, catalogue: Catalogue, policy: Policy, mix: Mix, exact: bool = False
) -> str:
    models = [m for m in catalogue.chat_models() if key and (key == m.key if exact else key in m.key)]
    if not models:
        return f"Why not {name}: I don't know a chat model by that name."
    best = max(models, key=lambda m: (catalogue.task_score(m, query.task).score or -1.0, m.release_date or date.min))
    problem = unfit(catalogue.task_score(best, query.task), catalogue.knowledge.tasks.min_coverage)
    if problem is not None:
        return f"Why not {name}: {best.id} is left out for {task_name(query.task)} ({problem})."
    left = Left()
    if candidate_for(best, query, catalogue, policy, mix, left) is None:
        reason = ", ".join(left.reasons) or "no offer from the providers that count"
        return f"Why not {name}: {best.id} does not meet the question ({reason})."
    return f"Why not {name}: {best.id} meets the question but ranks below the rows shown."
