"""Follow-ups: which texts refine the previous question, and how `refine` merges them."""

from __future__ import annotations

import pytest

from bot.catalogue.store import Catalogue
from bot.parse.followup import refine
from bot.parse.pipeline import parse

M = 1_000_000


@pytest.mark.parametrize(
    "text",
    [
        "what about 100M?",
        "and with 1M context?",
        "only anthropic",
        "with 1:1 input/output",
        "for coding instead",
        "top 3",
        "what about gpt-5-mini?",
        "how about on bedrock?",
        "excluding openai",
        "100M tokens a day",
        "anthropic only",
    ],
)
def test_refinements_are_marked_as_followups(catalogue: Catalogue, text: str) -> None:
    assert parse(text, catalogue).followup


@pytest.mark.parametrize(
    "text",
    [
        "cheapest for 50M tokens of classification",
        "gpt-4o vs gpt-4.1",
        "what's the context window of gpt-4.1?",
        "best model for coding on bedrock",
        "help",
    ],
)
def test_new_questions_are_not_followups(catalogue: Catalogue, text: str) -> None:
    assert not parse(text, catalogue).followup


def _ask(catalogue: Catalogue, first: str, then: str):
    return refine(parse(first, catalogue), parse(then, catalogue))


def test_new_volume_replaces_the_old_and_keeps_the_rest(catalogue: Catalogue) -> None:
    q = _ask(catalogue, "cheapest for 50M tokens of classification", "what about 100M?")
    assert (q.intent, q.task, q.sort_by, q.tokens_per_month) == ("recommend", "classification", "cost", 100 * M)
    assert q.followup


def test_constraints_are_added(catalogue: Catalogue) -> None:
    q = _ask(catalogue, "cheapest for 50M tokens of classification", "and with 1M context?")
    assert q.min_context == 1_000_000 and q.tokens_per_month == 50 * M


def test_only_provider_replaces_providers(catalogue: Catalogue) -> None:
    q = _ask(catalogue, "fastest model on bedrock for chat", "only anthropic")
    assert q.providers == ["anthropic"] and q.task == "chat" and q.sort_by == "speed"


def test_exclusions_accumulate_and_drop_kept_providers(catalogue: Catalogue) -> None:
    first = parse("cheapest model on openai or azure, not google", catalogue)
    q = refine(first, parse("excluding openai", catalogue))
    assert q.exclude_providers == ["google", "openai"] and q.providers == ["azure"]


def test_share_and_limit_and_task_change(catalogue: Catalogue) -> None:
    first = parse("cheapest for 50M tokens of classification", catalogue)
    q = refine(
        refine(refine(first, parse("with 1:1 input/output", catalogue)), parse("top 3", catalogue)),
        parse("for coding instead", catalogue),
    )
    assert (q.input_share, q.limit, q.task, q.tokens_per_month) == (0.5, 3, "coding", 50 * M)


def test_a_model_after_a_recommendation_asks_its_cost_for_the_same_workload(catalogue: Catalogue) -> None:
    q = _ask(catalogue, "cheapest for 50M tokens of classification", "what about gpt-5-mini?")
    assert (q.intent, q.models, q.tokens_per_month, q.task) == ("cost", ["gpt-5-mini"], 50 * M, "classification")


def test_a_model_after_a_comparison_joins_it(catalogue: Catalogue) -> None:
    q = _ask(catalogue, "gpt-4.1 mini vs gpt-4.1 nano for classification", "what about gpt-5-mini?")
    assert q.intent == "compare" and q.models == ["gpt-4.1-mini", "gpt-4.1-nano", "gpt-5-mini"]
    assert q.task == "classification"


def test_a_model_after_an_info_question_moves_the_question_to_it(catalogue: Catalogue) -> None:
    q = _ask(catalogue, "context window of gpt-4.1?", "what about gpt-5?")
    assert (q.intent, q.models) == ("info", ["gpt-5"])


def test_refusal_is_not_refined(catalogue: Catalogue) -> None:
    new = parse("x" * 5000, catalogue)
    assert refine(parse("cheapest model for chat", catalogue), new) == new


@pytest.mark.parametrize(
    ("then", "field", "value"),
    [
        ("what about batch?", "batch", True),
        ("and if it runs overnight?", "batch", True),
        ("and in the EU?", "region", "eu"),
        ("what about hosted in europe", "region", "eu"),
        ("how about in the us?", "region", "us"),
        ("same for embeddings", "kind", "embedding"),
        ("same but for text-to-speech", "kind", "speech"),
    ],
)
def test_a_followup_sets_how_and_where_the_work_runs(catalogue: Catalogue, then: str, field: str, value) -> None:
    q = _ask(catalogue, "cheapest model for 50M tokens of summarization", then)
    assert q.followup and getattr(q, field) == value
    assert (q.intent, q.sort_by, q.tokens_per_month) == ("recommend", "cost", 50 * M)


def test_a_followup_keeps_batch_and_region_already_said(catalogue: Catalogue) -> None:
    q = _ask(catalogue, "cheapest EU-hosted model for an overnight batch of 50M tokens", "what about 100M?")
    assert (q.batch, q.region, q.tokens_per_month) == (True, "eu", 100 * M)


def test_a_followup_for_another_kind_of_model_drops_the_text_task(catalogue: Catalogue) -> None:
    q = _ask(catalogue, "cheapest model for 50M tokens of summarization", "same for embeddings")
    assert (q.kind, q.task) == ("embedding", None)
    q = _ask(catalogue, "best model for rag", "and the cheapest embedding model for rag?")
    assert (q.kind, q.task) == ("embedding", "rag")


def test_a_follow_up_asking_for_the_order_already_shown_says_so_once(catalogue: Catalogue) -> None:
    first = parse("best model for a coding agent", catalogue)
    again = refine(first, parse("best quality instead", catalogue))
    assert again.sort_by == first.sort_by == "quality"
    assert again.assumptions[0] == "Already ranked by quality: this is the same answer."
    later = refine(again, parse("what about 100M tokens?", catalogue))
    assert not any(a.startswith("Already ranked") for a in later.assumptions)


@pytest.mark.parametrize(
    "then",
    ["at 300M tokens a month with 70% cache hits", "for 2B tokens a month, half of it cached at 50%", "which would you pick?"],
)
def test_a_workload_or_a_pick_after_a_comparison_keeps_the_comparison(catalogue: Catalogue, then: str) -> None:
    assert parse(then, catalogue).followup
    q = _ask(catalogue, "compare claude-sonnet-5 and gemini-4-hydrogen", then)
    assert q.intent == "compare" and q.models == ["claude-sonnet-5", "gemini-4-hydrogen"]
