"""Each intent answers with the right content: pinned facts and behaviours, not whole texts."""

from __future__ import annotations

import pytest

from bot.catalogue.cost import blended_price
from bot.catalogue.store import Catalogue
from bot.contract.policy import DEFAULT_POLICY
from bot.contract.query import Query
from bot.intents.constraints import mix_of
from bot.intents.quoted import cheaper_elsewhere, display_candidate
from bot.intents.registry import answer_for


def test_compare_states_ratios_and_per_metric_winners(catalogue: Catalogue) -> None:
    answer = answer_for(Query(intent="compare", models=["gpt-4.1-mini", "gpt-4.1-nano"]), catalogue)
    assert [r.model for r in answer.rows] == ["gpt-4.1-mini", "gpt-4.1-nano"]
    assert "gpt-4.1-nano is 4.0x cheaper on input and 4.0x cheaper on output than gpt-4.1-mini" in answer.verdict
    assert "Pick gpt-4.1-nano if cost matters" in answer.verdict
    table = answer.tables[0]
    labels = table.column_texts("metric")
    winners = dict(zip(labels, table.column_texts("winner")))
    assert winners["Input $/M"] == "gpt-4.1-nano"
    assert winners["Cost @100M/mo"] == "gpt-4.1-nano"
    assert {"Cost @1M/mo", "Cost @10M/mo", "Cost @100M/mo", "Context", "Max output", "Released"} <= set(labels)


def test_compare_at_a_volume_and_mix_prices_each_model_exactly(catalogue: Catalogue) -> None:
    q = Query(
        intent="compare", models=["gpt-4.1-mini", "gpt-4.1-nano", "gpt-5.1"], tokens_per_month=100e6, input_share=0.5
    )
    costs = {r.model: r.monthly_cost for r in answer_for(q, catalogue).rows}
    assert costs == pytest.approx({"gpt-4.1-mini": 100.0, "gpt-4.1-nano": 25.0, "gpt-5.1": 562.5})


def test_upgrade_question_is_answered_as_an_upgrade(catalogue: Catalogue) -> None:
    q = Query(intent="compare", models=["gpt-4.1-mini", "gpt-5.1"], upgrade=True)
    verdict = answer_for(q, catalogue).verdict or ""
    assert verdict.startswith(("Yes", "No", "Probably not")), "an upgrade question gets a position"
    assert "4.9x the price" in verdict and "41 -> 70" in verdict


def test_cost_shows_the_arithmetic_at_the_volume(catalogue: Catalogue) -> None:
    answer = answer_for(Query(intent="cost", models=["gpt-5.1"], tokens_per_month=100e6, input_share=0.5), catalogue)
    assert "gpt-5.1 costs $562.50 a month at 100M tokens/month." in (answer.verdict or "")
    assert answer.tables[0].column_texts("arithmetic") == ["100M x (50% x $1.25 + 50% x $10.00) / 1M = $562.50"]
    assert answer.rows[0].monthly_cost == pytest.approx(562.5)


def test_cost_without_volume_gives_exact_figures_at_three_volumes(catalogue: Catalogue) -> None:
    answer = answer_for(Query(intent="cost", models=["gpt-4.1-nano"]), catalogue)
    assert answer.tables[0].column_texts("monthly_cost") == ["$0.18", "$1.75", "$17.50"]
    assert answer.rows[0].costs_at == pytest.approx({"1M/mo": 0.175, "10M/mo": 1.75, "100M/mo": 17.5})


def test_info_card_has_the_makers_prices_limits_and_offers(catalogue: Catalogue) -> None:
    answer = answer_for(Query(intent="info", models=["gpt-4.1-mini"]), catalogue)
    assert "1,047,576-token context" in (answer.verdict or "")
    assert "$0.40 in / $1.60 out per 1M at OpenAI" in (answer.verdict or "")
    offers = next(t for t in answer.tables if (t.title or "").startswith("Offers"))
    assert offers.rows[0][0].text == "OpenAI" and "maker's own" in offers.rows[0][-1].text
    assert len({r.provider for r in answer.rows}) == len(answer.rows) > 3
    assert any(t.title == "Task scores (0-100)" for t in answer.tables)


def test_info_answers_a_modality_question_yes_or_no(catalogue: Catalogue) -> None:
    yes = answer_for(Query(intent="info", models=["gemini-2.5-pro"], input_modalities=["audio"]), catalogue)
    no = answer_for(Query(intent="info", models=["gpt-4.1-nano"], input_modalities=["audio"]), catalogue)
    assert (yes.verdict or "").startswith("Yes: Gemini 2.5 Pro takes audio input.")
    assert (no.verdict or "").startswith("No: GPT-4.1 nano does not take audio input.")


def test_unknown_model_gets_did_you_mean(catalogue: Catalogue) -> None:
    answer = answer_for(Query(intent="cost", models=["gpt-4.1-minii"]), catalogue)
    assert answer.error
    assert answer.verdict is not None and answer.verdict.startswith(
        "I don't know 'gpt-4.1-minii'; did you mean gpt-4.1-mini"
    )


def test_a_comparison_with_one_unknown_model_answers_for_the_known_ones(catalogue: Catalogue) -> None:
    for models, known in (
        (["gpt-4.1-mini", "gpt-4.1-minii"], ["gpt-4.1-mini"]),
        (["gpt-4.1-mini", "flurbo-9", "claude-sonnet-4-5"], ["gpt-4.1-mini", "claude-sonnet-4-5"]),
        (["zzz-model-x", "gpt-5.1", "gpt-4.1-nano"], ["gpt-5.1", "gpt-4.1-nano"]),
    ):
        answer = answer_for(Query(intent="compare", models=models), catalogue)
        assert not answer.error
        assert [r.model for r in answer.rows][: len(known)] == known or {r.model for r in answer.rows} == set(known)
        unknown = next(m for m in models if m not in known)
        assert (answer.verdict or "").startswith(f"I don't know '{unknown}'")


def test_help_lists_five_examples_for_the_asker_only(catalogue: Catalogue) -> None:
    answer = answer_for(Query(intent="help"), catalogue)
    assert answer.error and len(answer.suggestions) == 5


def test_absurd_volume_gets_a_sentence_not_a_table(catalogue: Catalogue) -> None:
    answer = answer_for(Query(intent="recommend", tokens_per_month=1e20), catalogue)
    assert answer.error and not answer.tables and "more than one team runs" in (answer.verdict or "")


def test_list_caps_rows_and_counts_the_rest(catalogue: Catalogue) -> None:
    answer = answer_for(Query(intent="list", providers=["openai"]), catalogue)
    assert all(r.provider == "openai" for r in answer.rows)
    assert answer.total > len(answer.rows) == 15
    assert answer.has_more and f"{answer.total} models match" in (answer.verdict or "")
    page2 = answer_for(Query(intent="list", providers=["openai"]), catalogue, offset=15)
    assert not {r.model for r in page2.rows} & {r.model for r in answer.rows}


def test_alternatives_are_comparable_and_win_on_cost(catalogue: Catalogue) -> None:
    answer = answer_for(Query(intent="alternatives", models=["gpt-5.6-sol"], sort_by="cost"), catalogue)
    base, *alts = answer.rows
    assert base.model == "gpt-5.6-sol" and alts
    base_price = base.input_share * base.input_price + (1 - base.input_share) * base.output_price
    for alt in alts:
        assert alt.input_share * alt.input_price + (1 - alt.input_share) * alt.output_price < base_price
        assert alt.task_score is not None and base.task_score is not None and alt.task_score >= base.task_score - 5
    assert (answer.verdict or "").startswith(f"Try {alts[0].model} instead of gpt-5.6-sol")


def test_a_1m_context_question_is_priced_at_the_long_context_tier(catalogue: Catalogue) -> None:
    q = Query(intent="cost", models=["gemini-2.5-pro"], min_context=1_000_000, tokens_per_month=10e6, input_share=0.5)
    answer = answer_for(q, catalogue)
    row = answer.rows[0]
    assert (row.input_price, row.output_price) == (2.5, 15.0)
    assert any("applied here" in n for n in answer.note_texts("caveat"))


def test_budget_without_volume_says_it_needs_one(catalogue: Catalogue) -> None:
    answer = answer_for(Query(intent="recommend", max_monthly_cost=100.0), catalogue)
    assert any("needs a volume" in n for n in answer.note_texts("caveat"))


def test_cheaper_elsewhere_only_names_a_reputable_paid_offer_that_is_cheaper(catalogue: Catalogue) -> None:
    found = 0
    for model in catalogue.chat_models():
        q = Query(intent="info", models=[model.id])
        mix = mix_of(q, catalogue)
        cand = display_candidate(model, q, catalogue, DEFAULT_POLICY, mix)
        other = cheaper_elsewhere(model, cand.offer, q, mix, DEFAULT_POLICY, catalogue)
        if other is None or cand.blended is None:
            continue
        found += 1
        assert other.provider in DEFAULT_POLICY.reference_providers and not other.free
        assert (blended_price(other, mix.share) or 0) < cand.blended
    assert found > 0


def test_every_answer_says_where_prices_come_from_and_how_old_they_are(catalogue: Catalogue) -> None:
    for q in (
        Query(intent="recommend", task="chat"),
        Query(intent="compare", models=["gpt-4o", "gpt-4.1"]),
        Query(intent="cost", models=["o3"]),
        Query(intent="info", models=["o3"]),
    ):
        data = answer_for(q, catalogue).note_texts("data")
        assert any(t.startswith("Prices and limits: models.dev") and "data as of 20" in t for t in data), q.intent
