"""Properties: any text gives a valid Query (or a polite refusal) and never raises; numbers round-trip."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from bot.catalogue.store import Catalogue
from bot.contract.query import Query
from bot.parse.pipeline import MAX_QUESTION_CHARS, parse_strict

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
PIECES = st.sampled_from(
    [
        "cheapest",
        "model",
        "for",
        "gpt-4o",
        "vs",
        "claude",
        "sonnet",
        "4.5",
        "$1/M",
        "input",
        "50M",
        "tokens",
        "a day",
        "3:1",
        "80/20",
        "95%",
        "top",
        "3",
        "not from",
        "openai",
        "on bedrock",
        "with",
        "vision",
        "1M context",
        "<@U1>",
        "```",
        "https://x.y",
        "😀",
        "\x00",
        "\u202e",
        "per",
        "million",
        "twenty",
        "requests",
        "each",
        "ms",
        "tok/s",
        "+",
        "k",
        "e9",
        "what about",
        "only",
        "instead",
        "\n",
        "\t",
        "，",
        "ｇｐｔ",
        "½",
        "-",
        ".",
        "/",
        ":",
        "%",
        "?",
        "",
    ]
)


def _valid(q: Query) -> None:
    assert isinstance(q, Query)
    Query.model_validate(q.model_dump())  # every field within its contract
    if q.refusal:
        assert q.intent == "unknown"


@SETTINGS
@given(st.text(max_size=300))
def test_any_text_gives_a_valid_query(catalogue: Catalogue, text: str) -> None:
    _valid(parse_strict(text, catalogue))


@SETTINGS
@given(st.lists(PIECES, max_size=25).map(" ".join))
def test_question_like_text_gives_a_valid_query(catalogue: Catalogue, text: str) -> None:
    _valid(parse_strict(text, catalogue))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=MAX_QUESTION_CHARS + 1, max_size=12_000, alphabet=st.characters(blacklist_categories=("Cs",))))
def test_huge_text_is_refused_politely(catalogue: Catalogue, text: str) -> None:
    q = parse_strict(text + "x" * MAX_QUESTION_CHARS, catalogue)
    assert q.refusal and q.intent == "unknown"


@SETTINGS
@given(st.integers(min_value=1, max_value=99_999))
def test_n_million_tokens_a_day_is_n_times_30_million(catalogue: Catalogue, n: int) -> None:
    q = parse_strict(f"cheapest model for {n} million tokens a day", catalogue)
    assert q.tokens_per_month == pytest.approx(n * 30e6)


PERIODS = {"a day": 30, "per week": 52 / 12, "a month": 1, "per year": 1 / 12, "an hour": 720, "": 1}
SUFFIXES = {
    "k": 1e3,
    "K": 1e3,
    "M": 1e6,
    "m": 1e6,
    "B": 1e9,
    "b": 1e9,
    " million": 1e6,
    " thousand": 1e3,
    " billion": 1e9,
}


@SETTINGS
@given(
    st.decimals(min_value="0.1", max_value="999", places=1).map(lambda d: d.normalize()),
    st.sampled_from(sorted(SUFFIXES)),
    st.sampled_from(sorted(PERIODS)),
)
def test_volumes_round_trip_with_suffix_and_period(catalogue: Catalogue, number, suffix: str, period: str) -> None:
    text = f"{number:f}".rstrip("0").rstrip(".") if "." in f"{number:f}" else f"{number:f}"
    assume(float(text) > 0)
    q = parse_strict(f"cheapest model for {text}{suffix} tokens {period} of classification", catalogue)
    assert q.tokens_per_month == pytest.approx(float(text) * SUFFIXES[suffix] * PERIODS[period], rel=1e-9)


@SETTINGS
@given(st.floats(min_value=0.01, max_value=500, allow_nan=False).map(lambda f: round(f, 2)))
def test_price_caps_round_trip(catalogue: Catalogue, price: float) -> None:
    q = parse_strict(f"best model under ${price:g}/M input tokens", catalogue)
    assert q.max_input_price == pytest.approx(price)
