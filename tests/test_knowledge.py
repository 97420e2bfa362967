"""Knowledge files: schemas, error messages naming file/entry/field, cross-reference checks, task scores."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from bot.catalogue.knowledge import KnowledgeError, Metric, Score, TaskProfile, Tiers, knowledge_dir, load_knowledge
from bot.catalogue.names import key_is_lossy, model_key
from bot.catalogue.scores import best_score, task_score, tier_for
from bot.catalogue.sources.models_dev import bundled_path
from bot.catalogue.store import load_catalogue
from bot.runtime.checks import check_report


@pytest.fixture()
def kdir(tmp_path: Path) -> Path:
    """A writable copy of the shipped knowledge files."""
    target = tmp_path / "knowledge"
    shutil.copytree(knowledge_dir(), target, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    return target


def _edit(path: Path, change) -> None:  # type: ignore[no-untyped-def]
    data = yaml.safe_load(path.read_text())
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False))


def test_shipped_knowledge_loads() -> None:
    knowledge = load_knowledge()
    assert {s.id for s in knowledge.sources.sources} >= {"epoch", "lmarena-2026-10", "bfcl", "artificial-analysis"}
    aa = next(s for s in knowledge.sources.sources if s.id == "artificial-analysis")
    assert aa.attribution == "Artificial Analysis, artificialanalysis.ai"
    assert all(s.vendor_reported for s in knowledge.sources.sources if s.id == "llm-stats")


def test_every_score_carries_its_provenance() -> None:
    knowledge = load_knowledge()
    sources = {s.id for s in knowledge.sources.sources}
    metrics = {m.id for m in knowledge.metrics.metrics}
    entries = [s for scores in knowledge.scores.scores.values() for s in scores]
    assert len(entries) > 1000
    assert all(s.source in sources and s.metric in metrics and s.source_name for s in entries)
    assert any(s.vendor_reported for s in entries) and any(not s.vendor_reported for s in entries)
    assert any(s.variant for s in entries)


def test_llmval_retired_models_have_no_zero_figures() -> None:
    speeds = [s for entries in load_knowledge().speeds.speeds.values() for s in entries]
    assert speeds and all((s.output_tps or 1) > 0 and (s.ttft_s or 1) > 0 for s in speeds)


def test_bad_field_names_file_entry_and_field(kdir: Path) -> None:
    def change(data):  # type: ignore[no-untyped-def]
        first = next(iter(data["scores"]))
        data["scores"][first][0]["value"] = "high"

    _edit(kdir / "scores.yaml", change)
    with pytest.raises(KnowledgeError) as err:
        load_knowledge(kdir)
    text = str(err.value)
    assert "scores.yaml" in text and "field 'value'" in text and "entry scores." in text


def test_missing_field_is_named(kdir: Path) -> None:
    _edit(kdir / "metrics.yaml", lambda d: d["metrics"][0].pop("high"))
    with pytest.raises(KnowledgeError, match=r"metrics\.yaml: entry metrics\.0: field 'high'"):
        load_knowledge(kdir)


def test_unknown_field_is_named(kdir: Path) -> None:
    _edit(kdir / "sources.yaml", lambda d: d["sources"][1].update(licnce="typo"))
    with pytest.raises(KnowledgeError, match=r"sources\.yaml: entry sources\.1: field 'licnce'"):
        load_knowledge(kdir)


def test_missing_task_profile_is_named(kdir: Path) -> None:
    _edit(kdir / "tasks.yaml", lambda d: d["tasks"].pop("rag"))
    with pytest.raises(KnowledgeError, match=r"tasks\.yaml.*missing task profiles: rag"):
        load_knowledge(kdir)


def test_invalid_yaml_is_named_with_line(kdir: Path) -> None:
    (kdir / "speeds.yaml").write_text("speeds:\n  gpt-4o: [\n")
    with pytest.raises(KnowledgeError, match=r"speeds\.yaml: line \d+: not valid YAML"):
        load_knowledge(kdir)


def test_check_reports_scores_for_unknown_models(kdir: Path) -> None:
    def change(data):  # type: ignore[no-untyped-def]
        data["scores"]["gpt-99-ultra"] = [
            {
                "metric": "arena_text",
                "value": 1400,
                "source": "lmarena-2026-10",
                "as_of": date(2026, 10, 5),
                "vendor_reported": False,
            },
            {
                "metric": "no_such_metric",
                "value": 1,
                "source": "no-such-source",
                "as_of": date(2026, 1, 1),
                "vendor_reported": False,
            },
        ]

    _edit(kdir / "scores.yaml", change)
    _edit(kdir / "aliases.yaml", lambda d: d["aliases"].update({"not-a-model": ["nam"]}))
    cat = load_catalogue(knowledge_path=kdir, snapshot_path=bundled_path(), use_cache=False)
    report, ok = check_report(cat)
    assert not ok
    assert "scores for 'gpt-99-ultra', not a catalogue model" in report
    assert "unknown metric 'no_such_metric'" in report and "unknown source 'no-such-source'" in report
    assert "alias target 'not-a-model'" in report


TIERS = Tiers(strong=70, good=55, usable=35)
METRIC = Metric(id="m", name="m", unit="x", low=0, high=1, description="d")


def _score(metric: str, value: float, *, vendor: bool = False, as_of: date = date(2026, 1, 1)) -> Score:
    return Score(metric=metric, value=value, source="s", as_of=as_of, vendor_reported=vendor)


def test_independent_beats_vendor_reported_then_newest() -> None:
    scores = [_score("m", 0.9, vendor=True), _score("m", 0.5), _score("m", 0.6, as_of=date(2025, 1, 1))]
    assert best_score(scores, "m").value == 0.5  # type: ignore[union-attr]


def test_task_score_coverage_and_no_data() -> None:
    other = Metric(id="n", name="n", unit="x", low=0, high=1, description="d")
    profile = TaskProfile(description="t", input_share=0.5, metrics={"m": 3, "n": 1})
    metrics = {"m": METRIC, "n": other}
    both = task_score("t", profile, [_score("m", 0.5), _score("n", 0.5)], metrics, TIERS)
    assert both.score == 50.0 and both.coverage == 1.0 and both.tier in ("weak", "usable") and both.ranked
    half = task_score("t", profile, [_score("m", 0.5)], metrics, TIERS)
    assert half.score == 50.0 and half.coverage == 0.75
    none = task_score("t", profile, [], metrics, TIERS)
    assert none.score is None and none.tier == "no data" and none.coverage == 0


@given(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False))
def test_normalise_is_clipped_to_0_100(value: float) -> None:
    assert 0.0 <= METRIC.normalise(value) <= 100.0


@given(st.floats(0, 1), st.floats(0, 1))
def test_normalise_is_monotonic(a: float, b: float) -> None:
    lo, hi = sorted((a, b))
    assert METRIC.normalise(lo) <= METRIC.normalise(hi)


@given(st.floats(0, 100))
def test_tiers_are_ordered(value: float) -> None:
    order = ["weak", "usable", "good", "strong"]
    assert order.index(tier_for(value, TIERS)) <= order.index(tier_for(min(100.0, value + 10), TIERS))


@given(
    st.sampled_from(["gpt-4.1-mini", "claude-sonnet-4-5", "gemini-2.5-flash", "llama-3.3-70b-instruct"]),
    st.sampled_from(["", "openai/", "us.anthropic.", "accounts/fireworks/models/"]),
    st.sampled_from(["", "-20250929", ":free", "-v1:0"]),
)
def test_model_key_ignores_paths_dates_and_tags(name: str, prefix: str, suffix: str) -> None:
    assert model_key(prefix + name + suffix) == model_key(name)


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-._/ :", max_size=40))
def test_model_key_is_idempotent(name: str) -> None:
    key = model_key(name)
    assert model_key(key) == key


def test_lossy_keys_are_matched_exactly_only() -> None:
    assert key_is_lossy("chatgpt-4o-latest-20250326") and key_is_lossy("deepseek.v3-v1:0")
    assert not key_is_lossy("llama-3.3-70b-instruct") and not key_is_lossy("grok-4-0709")


def test_derive_takes_the_makers_default_effort_as_the_headline_speed() -> None:
    from scripts.derive.speeds import _entry, is_default

    assert is_default("high effort", "anthropic") and not is_default("high effort", "openai")
    assert is_default(None, "openai") and is_default("reasoning", "xai") and not is_default("non-reasoning", "xai")
    measured = [
        ("gpt-9", "xhigh effort", {"speed": 120.0, "ttft": 133.7}),
        ("gpt-9-low", "low effort", {"speed": 130.0, "ttft": 2.0}),
    ]
    name, variant, head, others = _entry(measured, "openai")  # type: ignore[misc]
    assert head == (None, None) and "not measured" in (variant or "")
    assert {o["variant"] for o in others} == {"xhigh effort", "low effort"}
    measured.append(("gpt-9-medium", "medium effort", {"speed": 125.0, "ttft": 9.0}))
    name, variant, head, others = _entry(measured, "openai")  # type: ignore[misc]
    assert (name, variant, head) == ("gpt-9-medium", "medium effort", (125.0, 9.0))


def test_derive_drops_implausible_speed_figures() -> None:
    from scripts.derive.speeds import plausible

    assert plausible({"speed": 2.1, "ttft": 0.3}) == (None, 0.3)
    assert plausible({"speed": 97.6, "ttft": 588.9}) == (97.6, None)


def test_derive_ranges_span_each_snapshot_but_never_under_the_low_anchor() -> None:
    from scripts.derive.ranges import snapshot_ranges
    from scripts.derive.rows import Row

    rows = [Row("arena", f"m{i}", "arena_text", v) for i, v in enumerate([918.0, 1200.0, 1300.0, 1400.0, 1551.0])]
    rows += [Row("tiny", "a", "arena_text", 1300.0), Row("tiny", "b", "arena_text", 1400.0)]
    ranges = snapshot_ranges(rows, {"arena_text": 1180.0})
    assert ranges == {"arena_text": {"arena": [1180.0, 1551.0]}}  # too few rows in 'tiny': the anchors stand
