"""Model-shaped names no model has are unknown models, and the other hyphenated things questions say are not."""

from __future__ import annotations

import pytest

from bot.catalogue.store import Catalogue
from bot.intents.suggest import closest
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


@pytest.mark.parametrize(
    ("text", "model", "word"),
    [
        ("claude-sonnet-5 vs gemini-3.8-flash vs glm-5.3-max for agentic tool calling", "glm-5.3", "max"),
        ("how much is kimi-k3-high per million tokens", "kimi-k3", "high"),
        ("compare gpt-5.6-sol-xhigh and claude-opus-5", "gpt-5.6-sol", "xhigh"),
    ],
)
def test_an_effort_setting_typed_onto_a_model_id_is_that_model(catalogue: Catalogue, text: str, model: str, word: str) -> None:
    query = parse(text, catalogue)
    assert model in query.models and not query.unknown_models
    said = " ".join(query.assumptions)
    assert f"at its {word} effort setting" in said or f"{model}-{word}" not in said  # read as the model, never unknown


def test_a_model_whose_own_name_ends_in_an_effort_word_keeps_it(catalogue: Catalogue) -> None:
    assert parse("qwen3.8-max price", catalogue).models == ["qwen3.8-max"]


@pytest.mark.parametrize(
    ("name", "newest"),
    [("deepseek-v5", "deepseek-v4"), ("claude-opus-6", "claude-opus-5-5"), ("llama-5-405b", "llama-4")],
)
def test_a_version_past_its_lines_newest_suggests_that_lines_newest(catalogue: Catalogue, name: str, newest: str) -> None:
    guesses = closest(name, catalogue)
    assert guesses and guesses[0].startswith(newest)
    assert not any(g.rsplit("-", 1)[-1].isdigit() and len(g.rsplit("-", 1)[-1]) == 4 for g in guesses)  # no dated snapshot
