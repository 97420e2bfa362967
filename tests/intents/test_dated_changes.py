"""'What changed?' before any refresh: dated price changes, releases and retirements from the sources' own dates."""

from __future__ import annotations

from datetime import timedelta

import pytest
from asking import ask_json
from test_answer_phrasings import everywhere

from bot.catalogue.offers import current_day
from bot.catalogue.store import Catalogue
from bot.contract.query import Query
from bot.intents.dated import dated_changes
from bot.parse.window import window_days


@pytest.mark.parametrize(
    ("text", "days"),
    [("any new models in the last 2 weeks?", 14), ("price changes this month", 30), ("what changed in the past week", 7),
     ("what changed?", None), ("anything new today", 2)],
)
def test_a_window_is_read_from_the_question(text: str, days: int | None) -> None:
    assert window_days(text, current_day()) == days


def test_a_window_since_a_month_counts_from_its_first_day() -> None:
    today = current_day()
    assert window_days("price changes since january", today) == (today - today.replace(month=1, day=1)).days


def test_a_price_change_is_one_dated_after_the_data_was_taken(catalogue: Catalogue) -> None:
    found = dated_changes(Query(intent="changes", window_days=3650), catalogue)
    for _model, offer, before in found.prices:
        assert offer.price_as_of is not None and catalogue.snapshot.as_of is not None
        assert offer.price_as_of > catalogue.snapshot.as_of  # a source's age is not a change
        assert (before.input, before.output) != (offer.input_price, offer.output_price)


@pytest.mark.parametrize(
    "question",
    ["which models are getting retired this month?", "what's being deprecated soon?", "what changed in the last 30 days?"],
)
def test_what_changed_before_a_refresh_lists_dated_retirements(catalogue: Catalogue, question: str) -> None:
    found = dated_changes(Query(intent="changes", window_days=30), catalogue)
    if not found.retiring:
        pytest.skip("no retirement within 30 days of today in the shipped data")
    data = ask_json(question)
    assert data["intent"] == "changes" and not data["error"]
    assert "from the dates in my sources" in data["verdict"]
    for out in everywhere(catalogue, question)[:2]:
        assert "Retired or retiring" in out and found.retiring[0][0].id in out


def test_retirements_come_from_the_window_back_and_at_least_a_month_ahead(catalogue: Catalogue) -> None:
    today = current_day()
    found = dated_changes(Query(intent="changes", window_days=7), catalogue)
    for _model, offer in found.retiring:
        assert offer.deprecation_date is not None
        assert today - timedelta(days=7) <= offer.deprecation_date <= today + timedelta(days=30)
