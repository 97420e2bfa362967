"""The newest models a ranking leaves out for want of evidence: later versions of current lines, never old ones."""

from __future__ import annotations

from bot.catalogue.store import Catalogue
from bot.intents.unjudged import newest_left_out


def _models(catalogue: Catalogue, *ids: str) -> list:
    return [catalogue.by_id[i] for i in ids]


def test_an_undated_later_version_of_a_current_line_is_named(catalogue: Catalogue) -> None:
    found = newest_left_out(_models(catalogue, "claude-haiku-5-5"), _models(catalogue, "claude-haiku-4-5"))
    assert [m.id for m in found] == ["claude-haiku-5-5"]  # haiku-4-5 was released 2025-10-15, a current line


def test_an_undated_later_version_of_a_line_scored_years_ago_is_not(catalogue: Catalogue) -> None:
    # phi-3-mini is from 2024-04-23: an undated phi-3.5 may be old as easily as new
    assert newest_left_out(_models(catalogue, "phi-3.5-mini-128k-instruct"), _models(catalogue, "phi-3-mini-128k-instruct")) == []


def test_later_versions_come_before_dated_models_of_no_current_line(catalogue: Catalogue) -> None:
    dated = next(m for m in catalogue.models if m.release_date is not None and m.id.startswith("step-"))
    found = newest_left_out(_models(catalogue, "claude-haiku-5-5") + [dated], _models(catalogue, "claude-haiku-4-5"))
    assert found[0].id == "claude-haiku-5-5"
