"""Families named where models belong ("claude or qwen", "is claude better than gpt"): each family's best model."""

from __future__ import annotations

import pytest
from asking import ask_json
from test_answer_phrasings import everywhere

from bot.catalogue.store import Catalogue


@pytest.mark.parametrize(
    ("question", "families"),
    [
        ("translation EN->JA at 30M tokens/mo: deepseek or qwen, which is cheaper?", ("deepseek", "qwen")),
        ("is claude better than gpt for writing?", ("claude", "gpt")),
        ("gemma vs llama for a support chatbot", ("gemma", "llama")),
    ],
)
def test_two_families_are_compared_through_their_best_models(catalogue: Catalogue, question: str, families: tuple) -> None:
    data = ask_json(question)
    assert data["intent"] == "compare" and len(data["query"]["models"]) == 2
    assert data["query"]["providers"] == []  # a maker named as a family is no filter on who sells
    for family, model in zip(families, data["query"]["models"], strict=True):
        assert family in model
    for out in everywhere(catalogue, question)[:2]:
        for family in families:
            assert f"'{family}' read as its best current model here" in out


@pytest.mark.parametrize(
    "question",
    [
        "anthropic vs openai prompt caching: 90% cache hit rate, 2M input tokens/day. which is cheaper, claude-sonnet-5 or gpt-5.6-sol?",
        "openai or anthropic for our agents: gpt-5.6-sol vs claude-sonnet-5?",
        "compare anthropic's claude-sonnet-5 with openai's gpt-5.6-sol",
    ],
)
def test_a_maker_whose_model_is_named_adds_no_flagship(question: str) -> None:
    assert sorted(ask_json(question)["query"]["models"]) == ["claude-sonnet-5", "gpt-5.6-sol"]


@pytest.mark.parametrize(
    "question",
    [
        "our bill on gpt-5.5 is about $12k/mo, mostly long prompts and short answers. what would the same traffic cost on gemini-3.8-flash?",
        "we spend $12,000 a month on gpt-5.5; what would gemini-3.8-flash cost for the same traffic?",
        "spending 12k/month on gpt-5.5 today, same workload on gemini 3.8 flash?",
    ],
)
def test_a_bill_already_paid_gets_no_thinking_uplift(question: str) -> None:
    notes = [n["text"] for n in ask_json(question)["notes"]]
    assert not any(t.startswith("With its thinking: if gpt-5.5 ") for t in notes)
