"""Every question of the shared dev set gets a sensible answer: the right kind, content, no error, renderable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from adapters.cli import main
from bot.assistant import ask
from bot.catalogue.store import Catalogue
from bot.render import render

DEV = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev-questions.jsonl"
NEEDS_ROWS = {"recommend", "compare", "cost", "info", "list", "alternatives"}


def dev_cases() -> list[dict]:
    if not DEV.exists():
        return []
    return [json.loads(line) for line in DEV.read_text().splitlines() if line.strip()]


@pytest.mark.skipif(not DEV.exists(), reason=f"{DEV} is absent (the shared eval set sits beside the project)")
@pytest.mark.parametrize("case", dev_cases(), ids=lambda c: c["q"][:40])
def test_dev_question_gets_a_sensible_answer(catalogue: Catalogue, case: dict) -> None:
    answer = ask(case["q"], catalogue=catalogue)
    wanted = case["expect"]["intent"]
    options = wanted["any"] if isinstance(wanted, dict) else [wanted]
    assert answer.error_id is None, "the core failed"
    assert answer.intent in options
    want = answer.intent
    if want in NEEDS_ROWS:
        assert not answer.error and answer.rows and answer.tables, answer.verdict
        assert answer.verdict and len(answer.verdict) > 20
        assert any(n.kind == "data" for n in answer.notes), "every answer dates its prices"
    if want == "compare":
        assert len(answer.rows) == len(case["expect"]["models"])
    if want == "recommend":
        assert answer.verdict.startswith("Pick ")
    for fmt in ("text", "markdown", "json"):
        assert render(answer, fmt).strip()


def test_interactive_chat_refines_the_last_question_with_a_follow_up() -> None:
    result = CliRunner().invoke(main, ["chat"], input="cheapest for 50M tokens of classification\nwhat about 500M?\n\n")
    assert result.exit_code == 0, result.output
    first, second = result.output.split("Cheapest models for classification")[1:3]
    assert "at 50M tokens/month" in first and "at 500M tokens/month" in second


def test_ask_json_prints_the_answer_with_row_fields() -> None:
    result = CliRunner().invoke(main, ["ask", "--json", "gpt-4.1 mini vs nano at 100M tokens with 1:1 input/output"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["intent"] == "compare"
    assert {r["model"]: r["monthly_cost"] for r in data["rows"]} == {"gpt-4.1-mini": 100.0, "gpt-4.1-nano": 25.0}
