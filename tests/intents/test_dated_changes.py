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
from bot.parse.pipeline import parse
from bot.parse.window import window_days, window_month


@pytest.mark.parametrize(
    ("text", "days"),
    [("any new models in the last 2 weeks?", 14), ("price changes this quarter", 91), ("what changed in the past week", 7),
     ("what changed?", None), ("anything new today", 2)],
)
def test_a_window_is_read_from_the_question(text: str, days: int | None) -> None:
    assert window_days(text, current_day()) == days


def test_a_window_since_a_month_counts_from_its_first_day() -> None:
    today = current_day()
    assert window_days("price changes since january", today) == (today - today.replace(month=1, day=1)).days


@pytest.mark.parametrize(
    ("text", "month"),
    [("what's retiring in january 2027?", "2027-01"), ("what new models came out in november 2026?", "2026-11"),
     ("price changes this month", "2026-12"), ("anything deprecated in jan?", "2027-01"), ("what changed in october", "2026-10"),
     ("what changed since october", None)],
)
def test_a_calendar_month_is_read_from_the_question(text: str, month: str | None) -> None:
    assert window_month(text, current_day().replace(year=2026, month=12, day=4)) == month


@pytest.mark.parametrize("question", ["what's retiring in january 2027?", "which models are being retired in jan 2027",
                                      "anything going away in january 2027?"])  # fmt: skip
def test_a_month_asked_lists_that_months_retirements_only(catalogue: Catalogue, question: str) -> None:
    data = ask_json(question)
    assert data["intent"] == "changes" and "From 2027-01-01 to 2027-01-31" in data["verdict"]
    retiring = next(t for t in data["tables"] if t["title"].startswith("Retired"))
    days = [row[2]["value"] for row in retiring["rows"]]
    assert days and all(str(d).startswith("2027-01") for d in days)
    for out in everywhere(catalogue, question)[:2]:
        assert "2027-01-14" in out and "2026-12-11" not in out


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
    found = dated_changes(parse(question, catalogue), catalogue)
    if not found.retiring:
        pytest.skip("no retirement in the window asked in the shipped data")
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
