"""Candidates: the kept result of a repeated question is the same as working it out afresh."""

from __future__ import annotations

from bot.catalogue.cost import Mix
from bot.catalogue.store import Catalogue
from bot.contract.policy import DEFAULT_POLICY
from bot.contract.query import Query
from bot.intents.index import index_for
from bot.intents.selection import Left, candidates


def _ask(query: Query, catalogue: Catalogue) -> tuple[list, Left]:
    left = Left()
    return candidates(query, catalogue, DEFAULT_POLICY, Mix(0.75, "default"), floor=True, left=left), left


def test_a_repeated_question_gets_the_same_candidates_and_reasons_as_the_first_time(catalogue: Catalogue) -> None:
    q = Query(intent="recommend", task="coding", max_input_price=1.0, tokens_per_month=20e6)
    index_for(catalogue).candidates.clear()
    first, first_left = _ask(q, catalogue)
    again, again_left = _ask(q, catalogue)
    assert [(c.model.id, c.offer.provider, c.monthly) for c in again] == [
        (c.model.id, c.offer.provider, c.monthly) for c in first
    ]
    assert again_left.reasons == first_left.reasons and first_left.reasons["input price over cap"] > 0


def test_a_caller_changing_its_list_does_not_change_the_next_answer(catalogue: Catalogue) -> None:
    q = Query(intent="recommend", task="summarization", tokens_per_month=5e6)
    first, _ = _ask(q, catalogue)
    count = len(first)
    first.clear()
    assert len(_ask(q, catalogue)[0]) == count > 0


def test_another_constraint_or_volume_is_worked_out_afresh(catalogue: Catalogue) -> None:
    base = Query(intent="recommend", task="coding", tokens_per_month=20e6)
    capped = base.model_copy(update={"max_input_price": 0.5})
    more = base.model_copy(update={"tokens_per_month": 40e6})
    every, _ = _ask(base, catalogue)
    fewer, _ = _ask(capped, catalogue)
    assert len(fewer) < len(every)
    assert all(c.offer.input_price <= 0.5 for c in fewer)
    by_id = {c.model.id: c.monthly for c in every}
    assert all(c.monthly == 2 * by_id[c.model.id] for c in _ask(more, catalogue)[0] if by_id.get(c.model.id))
