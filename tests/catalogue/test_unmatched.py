"""Score and speed rows that matched no model are kept by source name, and match once a catalogue lists the model."""

from __future__ import annotations

import json
from pathlib import Path

from bot.catalogue.store import Catalogue, load_catalogue
from bot.catalogue.unmatched import Unmatched, late_matches, load_unmatched, still_unmatched


def test_unmatched_rows_are_shipped_keyed_by_source_name() -> None:
    kept = load_unmatched()
    assert kept.rows["artificial-analysis"]["gemma-4-12b"]["scores"]
    assert kept.counts()["lmarena-2026-10"] > 0 and "lmarena-2026-10" in kept.as_of


def test_a_kept_name_the_catalogue_knows_now_is_matched(catalogue: Catalogue) -> None:
    kept = Unmatched(
        rows={"lmarena-2026-10": {"gpt-4.1-mini": {"scores": [{"metric": "arena_text", "value": 1380.0}]},
                                  "no-such-model-9": {"scores": [{"metric": "arena_text", "value": 1200.0}]}}},
        as_of={"lmarena-2026-10": catalogue.source("lmarena-2026-10").as_of},  # type: ignore[union-attr]
    )  # fmt: skip
    scores, _ = late_matches(catalogue, kept)
    assert [(s.metric, s.value, s.source_name) for s in scores["gpt-4.1-mini"]] == [("arena_text", 1380.0, "gpt-4.1-mini")]
    assert still_unmatched(catalogue, kept)["lmarena-2026-10"] == 1


def test_a_refreshed_price_map_that_adds_the_model_matches_its_kept_rows(cache: Path) -> None:
    entry = {"litellm_provider": "gemini", "mode": "chat", "input_cost_per_token": 1e-07, "output_cost_per_token": 4e-07}
    (cache / "litellm.json").write_text(json.dumps({"gemini/gemma-4-12b": entry}))
    (cache / "litellm.meta.json").write_text(json.dumps({"fetched_at": "2026-12-02T00:00:00+00:00", "offers": 1}))
    refreshed = load_catalogue(use_cache=False)
    assert refreshed.model("gemma-4-12b") is not None
    scores, _ = late_matches(refreshed, load_unmatched())
    model = refreshed.model("gemma-4-12b")
    assert model is not None and {s.source for s in scores[model.id]} >= {"artificial-analysis"}


def test_a_refresh_that_lists_a_new_model_gives_it_the_kept_scores_and_a_task_score(cache: Path) -> None:
    from bot.catalogue.unmatched import adopt_late_matches

    entry = {"litellm_provider": "gemini", "mode": "chat", "input_cost_per_token": 1e-07, "output_cost_per_token": 4e-07}
    (cache / "litellm.json").write_text(json.dumps({"gemini/gemma-4-12b": entry}))
    (cache / "litellm.meta.json").write_text(json.dumps({"fetched_at": "2026-12-02T00:00:00+00:00", "offers": 1}))
    refreshed = load_catalogue(use_cache=False)  # the build adopts the kept rows the new data now matches
    model = refreshed.model("gemma-4-12b")
    assert model is not None
    assert {s.source for s in refreshed.scores(model)} >= {"artificial-analysis"}
    assert refreshed.task_score(model, "reasoning").known
    assert adopt_late_matches(refreshed) == 0  # once only: rows already adopted are not added twice
