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


def test_a_region_is_priced_at_a_seller_that_processes_there(catalogue: Catalogue) -> None:
    q = Query(intent="cost", models=["claude-opus-5"], tokens_per_month=10e6, region="eu")
    answer = answer_for(q, catalogue)
    [line] = answer.tables[0].rows
    assert line[1].text == "Amazon Bedrock" and "$5.50" in line[4].text  # Anthropic's own API processes in the US
    assert "claude-opus-5 at Amazon Bedrock: priced with eu processing." in [n.text for n in answer.notes]


def test_a_region_no_seller_processes_in_is_said_at_the_makers_price(catalogue: Catalogue) -> None:
    q = Query(intent="cost", models=["gpt-5.1"], tokens_per_month=10e6, region="jp")
    texts = [n.text for n in answer_for(q, catalogue).notes]
    assert "gpt-5.1 at OpenAI: no JP processing." in texts
    assert "JP processing of gpt-5.1: no provider in my data." in texts


