"""Verdicts say what their tables show: differences of the points shown, uses that are leads or small deficits,
ties broken on price, and steps up that are worth paying for (issue 14's review)."""

from __future__ import annotations

import re

import pytest

from bot.catalogue.store import Catalogue
from bot.contract.query import Query
from bot.intents.ranking import MIN_STEP
from bot.intents.registry import answer_for

PAIRS = [
    ["claude-opus-5", "claude-sonnet-5"],
    ["gpt-4.1-mini", "gpt-4.1-nano"],
    ["gpt-5.1", "gpt-4o"],
    ["claude-sonnet-4-5", "gemini-2.5-flash"],
]


@pytest.mark.parametrize("models", PAIRS)
def test_points_higher_is_the_difference_of_the_scores_shown(catalogue: Catalogue, models: list[str]) -> None:
    verdict = answer_for(Query(intent="compare", models=models), catalogue).verdict or ""
    for gap, high, low in re.findall(r"(\d+) points higher on [\w ]+ \((\d+) vs (\d+)\)", verdict):
        assert int(gap) == int(high) - int(low), verdict


@pytest.mark.parametrize("models", PAIRS)
def test_the_by_task_line_names_leads_with_a_plus_and_deficits_as_within(catalogue: Catalogue, models: list[str]) -> None:
    answer = answer_for(Query(intent="compare", models=models), catalogue)
    verdict = answer.verdict or ""
    undated = re.sub(r"\d{4}-\d{2}-\d{2}", "", verdict)  # a date (a model's retirement) is not a negative number
    assert not re.search(r" -\d", undated) and "-0" not in undated, verdict
    table = next((t for t in answer.tables if t.title and t.title.startswith("Task scores head to head")), None)
    if table is None:
        return
    for row in table.rows:
        a, b, diff = row[1].value, row[2].value, row[3]
        if a is not None and b is not None:
            assert diff.value == round(a) - round(b)
            assert diff.text == ("tie" if diff.value == 0 else f"+{abs(diff.value)} {models[0] if diff.value > 0 else models[1]}")


@pytest.mark.parametrize("task", ["coding", "math", "reasoning"])
def test_models_tied_on_the_score_shown_go_to_the_cheapest(catalogue: Catalogue, task: str) -> None:
    models = ["claude-opus-5", "gpt-5.6-sol", "gemini-4-argon"]
    answer = answer_for(Query(intent="compare", models=models, task=task), catalogue)
    rows = {r.model: r for r in answer.rows}
    top = max(round(r.task_score or 0) for r in rows.values())
    tied = [m for m, r in rows.items() if round(r.task_score or 0) == top]
    if len(tied) < 2:
        pytest.skip(f"no tie on {task} in this data")
    def blended(model: str) -> float:
        r, share = rows[model], rows[model].input_share or 0.75
        return (r.input_price or 0.0) * share + (r.output_price or 0.0) * (1 - share)

    cheapest = min(tied, key=blended)
    assert f"Pick {cheapest}: it ties " in (answer.verdict or "") and "and costs least." in (answer.verdict or "")


@pytest.mark.parametrize("task", ["summarization", "classification", "chat", "extraction"])
def test_a_cheapest_pick_names_a_real_step_up_and_the_cheapest_model_rated_good(catalogue: Catalogue, task: str) -> None:
    answer = answer_for(Query(intent="recommend", task=task, sort_by="cost"), catalogue)
    verdict = answer.verdict or ""
    step = re.search(r"for (\d+) points higher", verdict)
    assert step is None or int(step.group(1)) >= MIN_STEP, verdict
    if answer.rows and answer.rows[0].task_tier not in ("strong", "good"):  # the step, or the line after it, is good
        good_step = re.search(r"points higher on [\w ]+ \(\d+ \((good|strong)\)\)", verdict)
        assert good_step or re.search(r"The cheapest rated good: .* scoring \d+ \((good|strong)\)", verdict), verdict
