"""Numbers in questions: volumes and their periods, requests x tokens, shares, money, floors, limits."""

from __future__ import annotations

import pytest

from bot.catalogue.store import Catalogue
from bot.parse.numbers import parse_number, words_to_digits
from bot.parse.pipeline import parse

M = 1_000_000


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("50M", 50e6),
        ("1.5B", 1.5e9),
        ("2.5e8", 2.5e8),
        ("400k", 4e5),
        ("3,000", 3000),
        ("2.5 million", 2.5e6),
        ("twenty million", 2e7),
        ("half a million", 5e5),
        ("one and a half billion", 1.5e9),
        ("10mm", 1e7),
    ],
)
def test_number_forms_give_their_value(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


def test_lone_number_words_that_are_words_stay_words() -> None:
    assert words_to_digits("which one is cheaper") == "which one is cheaper"
    assert words_to_digits("per million tokens") == "per million tokens"
    assert words_to_digits("top three") == "top 3"


@pytest.mark.parametrize(
    ("period", "factor"),
    [
        ("a day", 30),
        ("per day", 30),
        ("daily", 30),
        ("/day", 30),
        ("a week", 52 / 12),
        ("weekly", 52 / 12),
        ("a month", 1),
        ("/mo", 1),
        ("monthly", 1),
        ("a year", 1 / 12),
        ("per year", 1 / 12),
        ("an hour", 720),
        ("per hour", 720),
    ],
)
def test_volume_periods_convert_to_a_month(catalogue: Catalogue, period: str, factor: float) -> None:
    q = parse(f"cheapest model for 10M tokens {period} of classification", catalogue)
    assert q.tokens_per_month == pytest.approx(10 * M * factor)


def test_volume_without_period_is_per_month_and_says_so(catalogue: Catalogue) -> None:
    q = parse("cheapest for 50M tokens of classification", catalogue)
    assert q.tokens_per_month == 50 * M
    assert any("50M tokens is taken as a month" in a for a in q.assumptions)


def test_requests_times_tokens_per_request_multiply_out(catalogue: Catalogue) -> None:
    q = parse("3k requests a day, 800 tokens each, cheapest model?", catalogue)
    assert q.tokens_per_month == pytest.approx(3000 * 800 * 30)


def test_users_times_messages_times_tokens_multiply_out(catalogue: Catalogue) -> None:
    q = parse("1,000 users each sending 20 messages a day of 500 tokens, cheapest chat model?", catalogue)
    assert q.tokens_per_month == pytest.approx(1000 * 20 * 500 * 30)


def test_input_and_output_tokens_per_request_give_volume_and_share(catalogue: Catalogue) -> None:
    q = parse("50k requests/month with 3,000 input tokens and 1,000 output tokens each, cheapest?", catalogue)
    assert q.tokens_per_month == pytest.approx(50_000 * 4000)
    assert q.input_share == pytest.approx(0.75)


def test_tokens_per_request_without_a_count_give_only_the_share(catalogue: Catalogue) -> None:
    q = parse("2,000 input and 500 output tokens per request, cheapest model", catalogue)
    assert q.input_share == pytest.approx(0.8)
    assert q.tokens_per_month is None


@pytest.mark.parametrize(
    ("text", "share"),
    [
        ("3:1 input:output", 0.75),
        ("1:1 input/output", 0.5),
        ("80/20 input/output", 0.8),
        ("95% input", 0.95),
        ("70% output", 0.3),
        ("a 4:1 input to output ratio", 0.8),
        ("1:3 output to input", 0.75),
        ("90% of tokens are input", 0.9),
    ],
)
def test_input_share_forms(catalogue: Catalogue, text: str, share: float) -> None:
    q = parse(f"cheapest model for 10M tokens with {text}", catalogue)
    assert q.input_share == pytest.approx(share)


def test_24_7_is_not_a_share(catalogue: Catalogue) -> None:
    assert parse("cheapest model for a 24/7 support bot", catalogue).input_share is None


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("budget $300 a month", "max_monthly_cost", 300),
        ("under $100/month", "max_monthly_cost", 100),
        ("$1.5k per month", "max_monthly_cost", 1500),
        ("$20 a day", "max_monthly_cost", 600),
        ("$12,000 a year", "max_monthly_cost", 1000),
        ("under $1/M input", "max_input_price", 1),
        ("under $5 per million output tokens", "max_output_price", 5),
        ("$0.60 per million tokens", "max_blended_price", 0.6),
        ("input under $0.20 per 1M tokens", "max_input_price", 0.2),
        ("under 50 cents per million input tokens", "max_input_price", 0.5),
        ("$0.002 per 1k tokens", "max_blended_price", 2),
    ],
)
def test_money_forms(catalogue: Catalogue, text: str, field: str, value: float) -> None:
    q = parse(f"best model for chat {text}", catalogue)
    assert getattr(q, field) == pytest.approx(value)


def test_per_million_tokens_after_a_price_is_a_unit_not_a_volume(catalogue: Catalogue) -> None:
    q = parse("best model for summarization under $0.60 per million tokens", catalogue)
    assert q.tokens_per_month is None
    assert parse("how much is gpt-4o per 1M tokens", catalogue).tokens_per_month is None


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("1M context", "min_context", 1_000_000),
        ("200k+ context", "min_context", 200_000),
        ("a 128K context window", "min_context", 128_000),
        ("context of at least 400k", "min_context", 400_000),
        ("at least 32k output tokens", "min_output", 32_000),
        ("max output of 64k", "min_output", 64_000),
        ("TTFT under 400ms", "max_latency", 0.4),
        ("latency below 2 seconds", "max_latency", 2.0),
        ("at least 100 tok/s", "min_speed", 100),
        ("over 150 tokens per second", "min_speed", 150),
        ("200 tps", "min_speed", 200),
    ],
)
def test_floors_and_ceilings(catalogue: Catalogue, text: str, field: str, value: float) -> None:
    q = parse(f"cheapest model with {text}", catalogue)
    assert getattr(q, field) == pytest.approx(value)
    assert q.tokens_per_month is None


@pytest.mark.parametrize(
    ("text", "limit"),
    [
        ("top 3 models for coding", 3),
        ("give me 5 options for chat", 5),
        ("the 4 cheapest models with vision", 4),
        ("top ten models for math", 10),
    ],
)
def test_limit(catalogue: Catalogue, text: str, limit: int) -> None:
    assert parse(text, catalogue).limit == limit


def test_parameter_counts_are_not_volumes(catalogue: Catalogue) -> None:
    assert parse("best 70b model for coding", catalogue).tokens_per_month is None


def test_counted_things_are_not_token_volumes(catalogue: Catalogue) -> None:
    assert parse("best model for a rag chatbot over 10k pdfs", catalogue).tokens_per_month is None


def test_half_a_second_is_a_latency_cap(catalogue: Catalogue) -> None:
    assert parse("fastest model with time to first token under half a second", catalogue).max_latency == 0.5


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("cheapest model that can write responses up to 100k tokens long", "min_output"),
        ("which models can output 64k tokens or more", "min_output"),
        ("cheapest model for documents 300k tokens long", "min_context"),
    ],
)
def test_token_lengths_are_floors_not_volumes(catalogue: Catalogue, text: str, field: str) -> None:
    q = parse(text, catalogue)
    assert getattr(q, field) in (64_000, 100_000, 300_000) and q.tokens_per_month is None
