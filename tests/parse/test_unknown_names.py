"""Model-shaped names no model has are unknown models, and the other hyphenated things questions say are not."""

from __future__ import annotations

import pytest

from bot.catalogue.store import Catalogue
from bot.parse.pipeline import parse


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("what would foobar-ultra-9 cost for 10M tokens", "foobar-ultra-9"),
        ("tell me about acme-llm-3b", "acme-llm-3b"),
        ("speed of claude-zeta-9", "claude-zeta-9"),
        ("compare gpt-5 and zorblax-7", "zorblax-7"),
        ("cheaper alternative to mistral-hyper-2", "mistral-hyper-2"),
    ],
)
def test_a_model_shaped_name_nobody_sells_is_an_unknown_model(catalogue: Catalogue, text: str, name: str) -> None:
    assert name in parse(text, catalogue).unknown_models


@pytest.mark.parametrize(
    "text",
    [
        "cheapest model for chat in eu-west-1",
        "we deploy to us-east-1 and europe-west4, what's cheapest for rag",
        "summarise 500k-token documents",
        "top-3 models for coding",
        "is python-3.12 fine for our coding agent, which model?",
        "we need soc-2 and utf-8 output, cheapest for extraction",
        "state-of-the-art model for math",
        "a 3-way comparison of gpt-5, claude sonnet 4.5 and gemini 2.5 pro",
        "run it on an h100-80gb, which open model?",
    ],
)
def test_other_hyphenated_words_are_not_models(catalogue: Catalogue, text: str) -> None:
    assert parse(text, catalogue).unknown_models == []
