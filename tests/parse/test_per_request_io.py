"""Per-request traffic said by what a request does: what it sends (or carries as a system prompt) is input, what
it gets back is output, and the count of requests multiplies both."""

from __future__ import annotations

import pytest

from bot.catalogue.store import Catalogue
from bot.parse.pipeline import parse


@pytest.mark.parametrize(
    ("question", "tokens", "share"),
    [
        ("support bot: each ticket sends ~3k tokens of context and gets ~400 tokens back, 50k tickets/day", 5.1e9, 3000 / 3400),
        ("each request sends 2k tokens and returns 500 tokens, 10k requests a day", 7.5e8, 0.8),
        ("rag app with a 20k token system prompt, 1M calls/mo, 300 tokens out", 2.03e10, 20000 / 20300),
    ],
)
def test_what_a_request_sends_and_gets_back_make_the_volume_and_the_mix(
    catalogue: Catalogue, question: str, tokens: float, share: float
) -> None:
    query = parse(question, catalogue)
    assert query.tokens_per_month == pytest.approx(tokens, rel=0.01)
    assert query.input_share == pytest.approx(share, abs=0.002)
    assert query.min_context is None  # what a request carries is traffic, not a context floor


@pytest.mark.parametrize(
    ("question", "tokens", "share"),
    [
        ("each call is ~12k tokens in and 800 out, ~40k calls/day", 1.536e10, 0.9375),
        ("support bot: 1.5k in / 300 out per msg, 2M msgs a month", 3.6e9, 1500 / 1800),
        ("classify 50M documents of ~1k tokens each, 20 tokens output", 5.1e10, 1000 / 1020),
        ("a 20k token system prompt, 5M requests a month with 300 output tokens", 1.015e11, 20000 / 20300),
    ],
)
def test_an_output_size_said_apart_from_the_input_is_per_request_too(
    catalogue: Catalogue, question: str, tokens: float, share: float
) -> None:
    query = parse(question, catalogue)
    assert query.tokens_per_month == pytest.approx(tokens, rel=0.01)
    assert query.input_share == pytest.approx(share, abs=0.002)
    assert query.min_output is None  # each request's output, not a floor on the model
