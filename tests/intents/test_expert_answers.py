"""Answers an expert would sign (issue 14): positions, value, spend as volume, unknowns, the columns asked about."""

from __future__ import annotations

import pytest

from bot.catalogue.store import Catalogue
from bot.contract.query import Query
from bot.intents.registry import answer_for
from bot.render import render

RENDERERS = ("text", "markdown", "json")


def test_value_picks_good_enough_then_cheapest_and_names_the_step_up(catalogue: Catalogue) -> None:
    for task in ("chat", "translation", "summarization"):
        answer = answer_for(Query(intent="recommend", task=task, sort_by="value"), catalogue)
        assert {r.task_tier for r in answer.rows} <= {"strong", "good"}
        assert "One step up:" in (answer.verdict or "") or answer.total == 1
        assert "gemma-3-4b-it" not in [r.model for r in answer.rows]


@pytest.mark.parametrize(
    "models",
    [["gpt-4.1-mini", "gpt-4.1-nano"], ["gpt-4o", "gpt-4o-mini"], ["claude-sonnet-4-5", "claude-haiku-4-5"]],
)
def test_a_pair_gets_one_pick_or_a_split_never_one_x_cheaper(catalogue: Catalogue, models: list[str]) -> None:
    answer = answer_for(Query(intent="compare", models=models), catalogue)
    verdict = answer.verdict or ""
    assert verdict.startswith(("Pick ", "Same price")), verdict
    assert "1.0x cheaper" not in verdict and "about the same" not in verdict
    for fmt in RENDERERS:
        assert "1.0x cheaper" not in render(answer, fmt)


@pytest.mark.parametrize(
    "models",
    [
        ["gpt-4.1-mini", "gpt-4.1-nano", "gpt-5.1"],
        ["claude-sonnet-4-5", "gpt-5.1", "gemini-2.5-pro"],
        ["o4-mini", "gpt-5.1", "gpt-4.1", "claude-haiku-4-5"],
    ],
)
def test_three_or_more_models_are_ranked(catalogue: Catalogue, models: list[str]) -> None:
    verdict = answer_for(Query(intent="compare", models=models), catalogue).verdict or ""
    assert verdict.startswith("On general use: ") and "By price: " in verdict and "Pick " in verdict
    assert "about the same" not in verdict


@pytest.mark.parametrize(
    "old,new,position",
    [("gpt-4o", "gpt-5.1", "Yes"), ("gpt-4.1-mini", "gpt-5.1", "Yes, if"), ("gpt-5.1", "gpt-4.1-nano", "No")],
)
def test_an_upgrade_question_gets_yes_or_no(catalogue: Catalogue, old: str, new: str, position: str) -> None:
    verdict = answer_for(Query(intent="compare", models=[old, new], upgrade=True), catalogue).verdict or ""
    assert verdict.startswith(position), verdict


def test_a_cheaper_and_better_upgrade_says_it_is_both(catalogue: Catalogue) -> None:
    verdict = answer_for(Query(intent="compare", models=["gpt-4o", "gpt-5.1"], upgrade=True), catalogue).verdict
    assert (verdict or "").startswith("Yes: upgrade; gpt-5.1 is both better")


@pytest.mark.parametrize(
    "query",
    [
        Query(intent="cost", models=["gpt-4o", "gpt-4o-mini"], monthly_spend=5000),
        Query(intent="compare", models=["gpt-4o", "gpt-4.1-mini"], monthly_spend=12000, task="classification"),
        Query(intent="compare", models=["claude-sonnet-4-5", "claude-haiku-4-5"], monthly_spend=800, input_share=0.9),
    ],
)
def test_a_spend_becomes_a_volume_and_a_saving(catalogue: Catalogue, query: Query) -> None:
    answer = answer_for(query, catalogue)
    verdict = answer.verdict or ""
    spend = query.monthly_spend or 0
    current = next(r for r in answer.rows if r.model == query.models[0])
    assert current.monthly_cost == pytest.approx(spend, rel=1e-6), "the volume reproduces the spend"
    other = next(r for r in answer.rows if r.model == query.models[1])
    saving = spend - (other.monthly_cost or 0)
    assert f"a month on {query.models[0]}" in verdict and "tokens a month" in verdict
    assert f"{abs(saving):,.2f}" in verdict and f"{abs(saving) * 12:,.2f} a year" in verdict
    assert f"{abs(saving) / spend * 100:.0f}%" in verdict


@pytest.mark.parametrize(
    "query,column",
    [
        (Query(intent="recommend", task="chat", sort_by="latency"), "ttft"),
        (Query(intent="recommend", task="chat", max_latency=0.5), "ttft"),
        (Query(intent="recommend", min_context=1_000_000), "context"),
        (Query(intent="recommend", task="coding", sort_by="speed"), "speed"),
    ],
)
def test_the_column_a_question_is_about_is_always_shown(catalogue: Catalogue, query: Query, column: str) -> None:
    answer = answer_for(query, catalogue)
    table = answer.tables[0]
    assert next(c for c in table.columns if c.key == column).priority == 1
    label = next(c for c in table.columns if c.key == column).label
    for fmt in ("text", "markdown"):
        assert label in render(answer, fmt)


@pytest.mark.parametrize(
    "query,misses",
    [
        (Query(intent="recommend", task="coding", max_monthly_cost=1, tokens_per_month=100e6), "over your $1.00"),
        (Query(intent="recommend", task="chat", max_latency=0.05), "to the first token, over your 50 ms"),
        (Query(intent="recommend", task="coding", min_speed=3000), "under your 3,000 tok/s"),
        (  # two constraints no model meets at once: the nearest misses both, and says so
            Query(intent="recommend", task="coding", capabilities=["open_weights"], min_context=2_000_000,
                  max_blended_price=0.10),
            " of input, under your 2M",
        ),  # fmt: skip
        (
            Query(intent="recommend", task="chat", min_context=20_000_000, max_latency=0.05),
            " and ",
        ),
    ],
)
def test_nothing_matches_names_the_nearest_option_and_what_it_misses(
    catalogue: Catalogue, query: Query, misses: str
) -> None:
    verdict = answer_for(query, catalogue).verdict or ""
    assert verdict.startswith("No model matches all of that. Nearest: ") and misses in verdict


@pytest.mark.parametrize(
    "query",
    [
        Query(intent="compare", models=["gpt-5.1", "gpt-4.1"]),
        Query(intent="cost", models=["o3"], tokens_per_month=10e6),
        Query(intent="recommend", task="math", sort_by="quality"),
    ],
)
def test_reasoning_models_carry_the_hidden_token_caveat(catalogue: Catalogue, query: Query) -> None:
    answer = answer_for(query, catalogue)
    assert any("hidden thinking tokens bill as output" in n for n in answer.note_texts("caveat"))
    for fmt in RENDERERS:
        assert "hidden thinking tokens bill as output" in " ".join(render(answer, fmt).split())


def test_a_reasoning_models_ttft_is_labelled_and_never_wins_alone(catalogue: Catalogue) -> None:
    answer = answer_for(Query(intent="compare", models=["gpt-5", "gpt-4.1-mini"]), catalogue)
    table = answer.tables[0]
    line = next(r for r in table.rows if r[0].text == "Time to first token")
    assert "(reasoning" in line[1].text and line[-1].text == ""


@pytest.mark.parametrize(
    "query,first",
    [
        (Query(intent="info", models=["gpt-5"], facet="knowledge_cutoff"), "gpt-5's knowledge cutoff: "),
        (
            Query(intent="info", models=["llama-3.3-70b-instruct"], facet="context"),
            "llama-3.3-70b-instruct's context window: ",
        ),
        (Query(intent="info", models=["gpt-4.1-mini"], providers=["azure"]), "Yes: gpt-4.1-mini is on Azure at $"),
        (
            Query(intent="info", models=["claude-sonnet-4-5"], providers=["openai"]),
            "No: claude-sonnet-4-5 is not sold by OpenAI",
        ),
        (
            Query(intent="info", models=["llama-3.3-70b-instruct"], providers=["groq", "cerebras"], facet="speed"),
            "On Groq: ",
        ),
    ],
)
def test_a_direct_question_gets_its_fact_first(catalogue: Catalogue, query: Query, first: str) -> None:
    answer = answer_for(query, catalogue)
    assert (answer.verdict or "").startswith(first), answer.verdict
    assert answer.tables, "the card follows the direct answer"
    for fmt in ("text", "markdown"):
        assert first in render(answer, fmt)


def test_a_direct_question_without_the_fact_says_no_data_in_that_line(catalogue: Catalogue) -> None:
    answer = answer_for(
        Query(intent="info", models=["gpt-oss-120b"], providers=["groq", "cerebras"], facet="speed"), catalogue
    )
    assert "no data" in (answer.verdict or "")


@pytest.mark.parametrize(
    "name,task,expect",
    [
        ("claude", "chat", "Why not claude: claude-"),
        ("gpt-5", "coding", "Why not gpt-5: gpt-5 ranks #"),
        ("zzzmodel", "chat", "I don't know"),
    ],
)
def test_why_not_explains_where_the_model_ranked(catalogue: Catalogue, name: str, task: str, expect: str) -> None:
    answer = answer_for(Query(intent="recommend", task=task, why_not=[name]), catalogue)
    assert expect in (answer.verdict or "")


@pytest.mark.parametrize("words", [["German"], ["legal"], ["Japanese", "medical"]])
def test_a_language_or_domain_the_data_cannot_judge_is_an_assumption(catalogue: Catalogue, words: list[str]) -> None:
    answer = answer_for(Query(intent="recommend", task="extraction", unjudged=words), catalogue)
    for word in words:
        assert any(f"No {word}-specific benchmark in my sources" in n for n in answer.note_texts("assumption"))
