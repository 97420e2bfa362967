"""Time-of-day prices asked about: which offers sell them, and whether the hour the work runs is off-peak."""

from __future__ import annotations

import pytest
from asking import ask_json
from test_answer_phrasings import everywhere

from bot.catalogue.store import Catalogue
from bot.parse.off_peak import off_peak


@pytest.mark.parametrize(
    ("text", "asked", "hour"),
    [
        ("does any provider have off-peak / night discounts? we can run jobs at 3am", True, 3),
        ("is anything cheaper at night? our job runs at 11pm", True, 23),
        ("any time-of-day pricing out there", True, None),
        ("we run at 3am every night, cheapest model?", False, None),  # an hour with no off-peak question
    ],
)
def test_off_peak_and_the_hour_are_read(text: str, asked: bool, hour: int | None) -> None:
    assert off_peak(text) == (asked, hour)


@pytest.mark.parametrize(
    "question",
    [
        "does any provider have off-peak / night discounts? we can run jobs at 3am",
        "is anything cheaper at night?",
        "which models have off-peak pricing",
    ],
)
def test_off_peak_offers_are_listed_with_their_hours(catalogue: Catalogue, question: str) -> None:
    data = ask_json(question)
    assert data["title"] == "Off-peak prices"
    [table] = data["tables"]
    assert table["rows"] and all("UTC" in row[4]["text"] or "all day" in row[4]["text"] for row in table["rows"])
    for out in everywhere(catalogue, question)[:2]:
        assert "off-peak" in out.lower() and "deepseek" in out


def test_an_hour_inside_every_peak_window_is_said_to_be_peak() -> None:
    verdict = ask_json("any off-peak discounts? we'd run at 3am")["verdict"]
    assert "03:00 UTC on a weekday is a peak hour" in verdict
