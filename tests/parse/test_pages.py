"""Documents sized in pages: the pages of one document and the pages a month, outside the contract's fields."""

from __future__ import annotations

import pytest

from bot.parse.pages import pages


@pytest.mark.parametrize(
    ("text", "each", "per_month"),
    [
        ("we process 200 pdfs a day, 50 pages each", 50, 200 * 30 * 50),
        ("contracts run up to 300 pages, want the whole contract in one prompt", 300, None),
        ("summarize 300-page contracts", 300, None),
        ("we get 1,000 reports a month, 40 pages each", 40, 40_000),
        ("board packs; each one is about 120 pages", 120, None),
        ("page through the results", None, None),
        ("top 5 models for landing pages", None, None),
        ("10k pages of docs a month", None, None),  # a volume of pages with no document size: not read
    ],
)
def test_pages_of_one_document_and_pages_a_month(text: str, each: int | None, per_month: float | None) -> None:
    assert pages(text) == (each, per_month)
