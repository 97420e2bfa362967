"""Cost answers price the workload as asked: the batch API, a region, with what was applied and what is not sold."""

from __future__ import annotations

from bot.catalogue.store import Catalogue
from bot.contract.query import Query
from bot.intents.registry import answer_for


def test_a_batch_question_is_priced_at_the_batch_rate_everywhere_in_the_answer(catalogue: Catalogue) -> None:
    q = Query(intent="cost", models=["gpt-4.1-mini"], tokens_per_month=10e6, batch=True)
    answer = answer_for(q, catalogue)
    assert "$3.50 a month" in (answer.verdict or "")
    [line] = answer.tables[0].rows
    assert line[3].text == "$3.50" and "$0.20" in line[4].text and "$0.80" in line[4].text
    assert any("priced with batch price" in n.text for n in answer.notes)


def test_a_region_the_offer_does_not_sell_is_said_with_who_does(catalogue: Catalogue) -> None:
    q = Query(intent="cost", models=["claude-opus-5"], tokens_per_month=10e6, region="eu")
    texts = [n.text for n in answer_for(q, catalogue).notes]
    assert "claude-opus-5 at Anthropic: no EU processing." in texts
    assert any(t.startswith("EU processing of claude-opus-5: Amazon Bedrock ($5.50/$27.50") for t in texts)
