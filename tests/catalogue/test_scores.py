"""Honest scores: a task score ranks only on two or more metrics, each metric maps onto its own snapshot's range,
speeds at the default effort with the others beside, implausible figures dropped, release dates within 45 days."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from bot.catalogue.knowledge import Metric, Score, Speed, TaskProfile, Tiers
from bot.catalogue.scores import THIN, task_score
from bot.catalogue.store import Catalogue
from bot.contract.query import Query
from bot.intents.registry import answer_for

TIERS = Tiers(strong=70, good=55, usable=35)
RANGED = Metric(id="m", name="m", unit="%", low=0.2, high=0.8, description="d", ranges={"new": (0.3, 0.95)})
OTHER = Metric(id="n", name="n", unit="%", low=0.0, high=1.0, description="d")
PROFILE = TaskProfile(description="t", input_share=0.5, metrics={"m": 2, "n": 1})


def _score(metric: str, value: float, source: str = "new") -> Score:
    return Score(metric=metric, value=value, source=source, as_of=date(2026, 10, 1), vendor_reported=False)


def test_a_score_on_one_metric_is_thin_evidence_and_not_ranked() -> None:
    one = task_score("t", PROFILE, [_score("m", 0.9)], {"m": RANGED, "n": OTHER}, TIERS)
    assert one.known and one.tier == THIN and one.thin and not one.ranked


def test_one_metric_from_two_sources_is_still_one_metric() -> None:
    two_sources = [_score("m", 0.9), _score("m", 0.85, source="old")]
    score = task_score("t", PROFILE, two_sources, {"m": RANGED, "n": OTHER}, TIERS)
    assert score.evidence == 1 and score.tier == THIN


def test_two_metrics_rank() -> None:
    score = task_score("t", PROFILE, [_score("m", 0.9), _score("n", 0.9)], {"m": RANGED, "n": OTHER}, TIERS)
    assert score.ranked and score.tier == "strong"


def test_a_metric_maps_onto_its_own_snapshots_range() -> None:
    assert RANGED.normalise(0.95, "new") == pytest.approx(100.0)
    assert RANGED.normalise(0.85, "new") < 100.0  # past the curated anchor (0.8), below the snapshot's best
    assert RANGED.normalise(0.85, "unranged") == 100.0  # a source with no range of its own: the anchors
    assert RANGED.normalise(0.3, "new") == 0.0


def test_shipped_snapshot_ranges_put_only_the_best_figure_at_100(catalogue: Catalogue) -> None:
    arena = catalogue.metrics["arena_math"]
    low, high = arena.ranges["lmarena-2026-10"]
    assert high > arena.high and arena.normalise(high, "lmarena-2026-10") == 100.0
    assert arena.normalise(high - 10, "lmarena-2026-10") < 100.0


def test_best_model_for_math_has_no_tie_at_the_top(catalogue: Catalogue) -> None:
    answer = answer_for(Query(intent="recommend", task="math", sort_by="quality"), catalogue)
    scores = [r.task_score for r in answer.rows]
    assert len(scores) >= 3 and all(s is not None for s in scores)
    assert len(set(scores[:5])) == len(scores[:5]), f"tied scores at the top: {scores[:5]}"
    assert scores[0] < 100  # no model is best on every math metric of every snapshot


@pytest.mark.parametrize("task", ["math", "coding", "rag", "classification", "agents", "writing"])
def test_no_ranked_score_rests_on_one_metric(catalogue: Catalogue, task: str) -> None:
    answer = answer_for(Query(intent="recommend", task=task, limit=15), catalogue)
    assert answer.rows, task
    for row in answer.rows:
        score = catalogue.task_score(catalogue.model(row.model), task)  # type: ignore[arg-type]
        assert score.evidence >= 2, f"{row.model} ranked for {task} on {score.evidence} metric"


def test_the_card_marks_a_single_metric_score_as_thin_evidence(catalogue: Catalogue) -> None:
    model = next(
        m for m in catalogue.chat_models() if catalogue.task_score(m, "rag").thin and catalogue.task_score(m, "rag").score
    )
    card = answer_for(Query(intent="info", models=[model.id]), catalogue)
    table = next(t for t in card.tables if t.title == "Task scores (0-100)")
    rag = next(r for r in table.rows if r[0].value == "rag")
    assert "thin evidence" in rag[1].text


def test_implausible_speeds_are_refused() -> None:
    with pytest.raises(ValidationError):
        Speed(output_tps=2.1, source="s", as_of=date(2026, 1, 1))
    with pytest.raises(ValidationError):
        Speed(ttft_s=588.9, source="s", as_of=date(2026, 1, 1))


def test_no_shipped_speed_is_implausible(catalogue: Catalogue) -> None:
    for entries in catalogue.knowledge.speeds.speeds.values():
        for sp in entries:
            for tps, ttft in [(sp.output_tps, sp.ttft_s), *((o.output_tps, o.ttft_s) for o in sp.others)]:
                assert tps is None or tps >= 5 and (ttft is None or ttft <= 300)
    assert all(s.output_tps is None for s in catalogue.speeds(catalogue.model("deepseek-r1")))  # type: ignore[arg-type]


def test_an_unmeasured_default_effort_shows_the_effort_measured_labelled_as_such(catalogue: Catalogue) -> None:
    raw = next(s for s in catalogue.knowledge.speeds.speeds["gpt-5.4"] if s.source == "artificial-analysis")
    assert raw.ttft_s is None and "not measured" in (raw.variant or "")  # the shipped data keeps them apart
    sp = next(s for s in catalogue.speeds(catalogue.model("gpt-5.4")) if s.source == "artificial-analysis")  # type: ignore[arg-type]
    assert (sp.ttft_s, sp.variant, sp.others) == (133.67, "xhigh effort; default not measured", [])
    kimi = catalogue.speeds(catalogue.model("kimi-k3"))[0]  # type: ignore[arg-type]
    assert kimi.variant == "max effort; default not measured" and kimi.output_tps == 37.3  # the effort nearest default


def test_a_measured_default_effort_is_the_headline_and_the_others_are_beside_it(catalogue: Catalogue) -> None:
    sp = catalogue.speeds(catalogue.model("claude-opus-5-5"))[0]  # type: ignore[arg-type]
    assert sp.variant == "high effort"  # Anthropic's default effort
    assert {o.variant for o in sp.others} >= {"low effort", "xhigh effort"}
    card = answer_for(Query(intent="info", models=["claude-opus-5-5"]), catalogue)
    speed = next(t for t in card.tables if t.title == "Speed")
    assert [r[1].text for r in speed.rows][:2] == ["high effort", "max effort"]


def test_each_speed_source_states_one_ttft_definition(catalogue: Catalogue) -> None:
    used = {s.source for entries in catalogue.knowledge.speeds.speeds.values() for s in entries}
    assert all(catalogue.source(s).ttft_definition for s in used)  # type: ignore[union-attr]


def test_mistral_large_2512_has_artificial_analysis_release_date(catalogue: Catalogue) -> None:
    model = catalogue.model("mistral-large-2512")
    assert model is not None and model.release_date == date(2025, 12, 2)
    card = answer_for(Query(intent="info", models=["mistral-large-2512"]), catalogue)
    assert "2024-11-01" not in (card.verdict or "") and "released 2025-12-02" in (card.verdict or "")


def test_a_release_date_is_corrected_only_when_missing_or_over_45_days_off() -> None:
    import json

    from bot.catalogue.sources import litellm
    from bot.catalogue.sources.release_dates import corrected

    entry = {"litellm_provider": "mistral", "mode": "chat", "input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06}
    [offer] = litellm.offers(litellm.parse(json.dumps({"mistral/m-9": entry}).encode()), date(2026, 11, 5)).offers
    fixes = {("mistral", "m-9"): date(2025, 12, 2)}
    assert corrected([offer], fixes)[0].release_date == date(2025, 12, 2)  # missing
    offer.release_date = date(2024, 11, 1)
    assert corrected([offer], fixes)[0].release_date == date(2025, 12, 2)  # 396 days off
    offer.release_date = date(2025, 11, 1)
    assert corrected([offer], fixes)[0].release_date == date(2025, 11, 1)  # 31 days off: kept
