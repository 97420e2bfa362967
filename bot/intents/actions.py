"""The buttons under an answer, as data: show more, compare the top 2, and re-rank by another objective."""

from __future__ import annotations

from bot.contract.answer import Action, Answer
from bot.contract.query import Query

# the objective a recommendation can switch to, and the button's label
_RERANK = (("quality", "Best quality instead"), ("cost", "Cheapest instead"))


def actions_for(answer: Answer, paged: bool, comparable: bool) -> list[Action]:
    """The actions an answer offers (its intent pages or compares as its registry entry says)."""
    actions: list[Action] = []
    if paged and answer.rows and answer.has_more:
        actions.append(
            Action(kind="more", label="Show more", query=answer.query, offset=answer.offset + len(answer.rows))
        )
    if comparable and answer.offset == 0:
        top = compare_top_query(answer)
        if top is not None:
            actions.append(Action(kind="compare", label="Compare top 2", query=top))
    if answer.intent == "recommend" and answer.offset == 0:
        current = answer.query.sort_by or "value"
        for sort_by, label in _RERANK:
            if sort_by != current:
                actions.append(
                    Action(kind="refine", label=label, query=answer.query.model_copy(update={"sort_by": sort_by}))
                )
                break
    return actions


def compare_top_query(answer: Answer, n: int = 2) -> Query | None:
    """'Compare top 2': the first `n` distinct models of the answer, compared for the same workload and constraints."""
    models: list[str] = []
    for row in answer.rows:
        if row.model not in models:
            models.append(row.model)
        if len(models) == n:
            break
    if len(models) < 2:
        return None
    unasked = {"limit": None, "compare_top": None, "why_not": [], "unknown_models": [], "facet": None, "upgrade": False}
    return answer.query.model_copy(update={"intent": "compare", "models": models, "refine_sort": None, **unasked})
