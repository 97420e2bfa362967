"""`catalogue show` spells out every part of a price with its source: cache reads and writes, batch, flex and
priority tiers, long-context tiers, regional processing, and non-chat models in their own units."""

from __future__ import annotations

import re

import pytest

from bot.catalogue.store import Catalogue
from bot.contract.answer import Answer
from bot.contract.query import Query
from bot.intents.registry import answer_for
from bot.render import render

DATED = re.compile(r"^(LiteLLM|genai-prices|models\.dev), \d{4}-\d{2}-\d{2}$")


def _card(catalogue: Catalogue, model: str) -> Answer:
    return answer_for(Query(intent="info", models=[model]), catalogue)


def _parts(answer: Answer) -> list[tuple[str, str, str, str]]:
    table = next(t for t in answer.tables if t.title == "Price parts")
    return [(r[0].text, r[1].text, r[2].text, r[3].text) for r in table.rows]


def test_gpt_4_1_mini_shows_its_batch_and_exact_cached_prices(catalogue: Catalogue) -> None:
    parts = _parts(_card(catalogue, "gpt-4.1-mini"))
    assert ("OpenAI", "batch API", "$0.20 in / $0.80 out") in [p[:3] for p in parts]
    assert ("OpenAI", "cached input (read)", "$0.10 in") in [p[:3] for p in parts]


def test_claude_sonnet_4_5_shows_its_cache_writes(catalogue: Catalogue) -> None:
    parts = [p[:3] for p in _parts(_card(catalogue, "claude-sonnet-4-5"))]
    assert ("Anthropic", "cache write, 5 min", "$3.75 in") in parts
    assert ("Anthropic", "cache write, 1 hour", "$6.00 in") in parts


def test_gpt_5_6_sol_shows_its_eu_data_zone_price_on_azure(catalogue: Catalogue) -> None:
    parts = [p[:3] for p in _parts(_card(catalogue, "gpt-5.6-sol"))]
    assert ("Azure", "EU data zone +10%", "$4.40 in / $22.00 out") in parts
    assert any(p[0] == "OpenAI" and p[1] == "flex tier" for p in parts)
    assert any(p[0] == "OpenAI" and p[1].startswith("over 272K") for p in parts)


@pytest.mark.parametrize("model", ["gpt-4.1-mini", "claude-sonnet-4-5", "gpt-5.6-sol", "whisper-1", "gpt-image-1"])
def test_every_price_part_names_its_source_and_date(catalogue: Catalogue, model: str) -> None:
    for part in _parts(_card(catalogue, model)):
        assert DATED.match(part[3]), part


@pytest.mark.parametrize(
    ("model", "unit"),
    [
        ("text-embedding-3-small", "$0.02 per 1M input tokens"),
        ("gpt-image-1", "$0.011 per image (1024x1024 low)"),
        ("whisper-1", "$0.006 per minute of audio"),
        ("tts-1", "$15.00 per 1M characters"),
    ],
)
def test_non_chat_models_are_priced_in_their_own_units(catalogue: Catalogue, model: str, unit: str) -> None:
    card = _card(catalogue, model)
    text = render(card, "text")
    assert unit in card.verdict and "free out" not in text and "per 1M at" not in card.verdict  # type: ignore[operator]
    assert not any(t.title == "Task scores (0-100)" for t in card.tables)  # chat task scores do not apply


def test_an_embedding_card_says_no_free_output(catalogue: Catalogue) -> None:
    offers = next(t for t in _card(catalogue, "text-embedding-3-small").tables if t.title.startswith("Offers"))
    assert [c.label for c in offers.columns] == ["Provider", "Price", "Note"]
    assert all("free" not in r[1].text for r in offers.rows)
