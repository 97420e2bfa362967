"""A maker's price change that other sources have not caught up with: answers say which prices predate it."""

from __future__ import annotations

import pytest
from asking import ask_json
from test_answer_phrasings import everywhere

from bot.catalogue.store import Catalogue


@pytest.mark.parametrize(
    "question",
    [
        "how much does gemini-4-argon cost?",
        "price of gemini 4 argon per million tokens",
        "what would 20M tokens a month of gemini-4-argon cost us",
    ],
)
def test_a_cheaper_seller_priced_before_the_makers_change_is_said_to_predate_it(catalogue: Catalogue, question: str) -> None:
    for out in everywhere(catalogue, question)[:2]:
        flat = " ".join(out.split())
        assert "cheaper at Vertex" in flat
        assert "as of 2026-11-05, before Google's changed on 2026-12-01" in flat


@pytest.mark.parametrize(
    "question",
    [
        "does gemini-4-argon have a batch discount?",
        "is there a batch api price for gemini 4 argon",
        "gemini-4-argon batch pricing?",
    ],
)
def test_a_batch_price_listed_beside_the_old_list_price_moves_with_it(question: str) -> None:
    text = ask_json(question)["verdict"]
    assert "$2.00 in / $10.00 out per 1M, 50% off" in text
    assert "75% off" not in text
