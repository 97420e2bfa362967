"""What the sources do not hold, said rather than guessed: another currency than the dollar, and licences.

Each rule is pinned by three phrasings of its own, through `whichmodel ask --json` and the renderers.
"""

from __future__ import annotations

import pytest
from asking import ask_json
from test_answer_phrasings import everywhere

from bot.catalogue.store import Catalogue


@pytest.mark.parametrize(
    ("question", "currency"),
    [
        ("what's claude-opus-5 pricing in euros?", "euros"),
        ("cheapest model for chat, budget 200 EUR a month at 20M tokens", "euros"),
        ("cost of gpt-5.1 in £ for 10M tokens", "pounds"),
    ],
)
def test_another_currency_is_said_to_be_unconverted_dollars(catalogue: Catalogue, question: str, currency: str) -> None:
    data = ask_json(question)
    said = [n["text"] for n in data["notes"] if "US dollars" in n["text"]]
    assert said and currency in said[0] and "no exchange rates" in said[0]
    for out in everywhere(catalogue, question)[:2]:
        assert "US dollars" in out


@pytest.mark.parametrize(
    "question",
    [
        "need open weights under Apache-2.0 or MIT, strong at tool calling. what's best?",
        "best open-weights model for coding with a permissive licence",
        "which open model can we self-host under an apache 2.0 license?",
    ],
)
def test_a_licence_asked_for_is_said_to_be_outside_the_sources(catalogue: Catalogue, question: str) -> None:
    data = ask_json(question)
    assert not data["query"]["unknown_models"]  # "apache-2.0" is no model name
    assert any("no licence data" in n["text"] for n in data["notes"])
    for out in everywhere(catalogue, question)[:2]:
        assert "no licence data" in out
