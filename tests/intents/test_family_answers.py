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
