"""Questions about models that are not chat models are answered with that kind, in its own units, never chat models."""

from __future__ import annotations

import pytest

from bot.assistant import ask
from bot.catalogue.store import Catalogue

KIND_OF = {"embedding": "embedding", "image_generation": "image", "transcription": "transcription", "speech": "tts"}


@pytest.mark.parametrize(
    ("question", "kind", "unit"),
    [
        ("cheapest embedding model", "embedding", "per 1M tokens"),
        ("best image generation model", "image_generation", "per image"),
        ("cheapest transcription", "transcription", "per hour of audio"),
        ("cheapest text to speech model", "speech", "per 1M characters"),
    ],
)
def test_a_kind_question_gets_that_kind_in_its_units(catalogue: Catalogue, question: str, kind: str, unit: str) -> None:
    answer = ask(question, catalogue=catalogue)
    assert answer.query.kind == kind
    assert answer.rows, question
    assert all(catalogue.model(r.model).kind == KIND_OF[kind] for r in answer.rows)  # type: ignore[union-attr]
    assert unit in answer.title and unit in (answer.verdict or "")
    prices = answer.tables[0].column_texts("price")
    assert all(p.endswith(unit) for p in prices)


def test_an_image_answer_prices_images_by_size(catalogue: Catalogue) -> None:
    answer = ask("best image generation model", catalogue=catalogue)
    basis = answer.tables[0].column_texts("basis")
    assert any("x" in b and b[0].isdigit() for b in basis), basis  # '1024x1024 low'
