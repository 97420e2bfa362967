"""Fuzzed questions: any text, odd numbers included, parses to a valid Query without raising."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.catalogue.store import Catalogue
from bot.contract.query import Query
from bot.parse.pipeline import parse_strict

WORDS = st.sampled_from(
    "cheapest best model for tokens a day per second month $ 5M -5M 0 1e308 9e999 input output in out / : % cache hits "
    "batch EU us gpt-4o claude sonnet 4.5 requests calls each context 128k vs or alternative to what changed hello".split()
)
QUESTIONS = st.one_of(st.text(max_size=200), st.lists(WORDS, max_size=25).map(" ".join))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(QUESTIONS)
def test_fuzzed_question_parses_to_a_query(catalogue: Catalogue, text: str) -> None:
    assert isinstance(parse_strict(text, catalogue), Query)


def test_a_309_digit_number_is_refused_not_raised(catalogue: Catalogue) -> None:
    q = parse_strict("9" * 309 + " tokens a month, cheapest?", catalogue)
    assert q.refusal and q.tokens_per_month is None


def test_negative_and_zero_volumes_are_said_back(catalogue: Catalogue) -> None:
    for text in ("-5M tokens a month, cheapest?", "0 tokens, cheapest?"):
        q = parse_strict(text, catalogue)
        assert q.refusal and q.tokens_per_month is None, text
