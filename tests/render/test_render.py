"""Renderers lay out the Answer: text fits 100 columns, Markdown tables are well formed, JSON has the row fields."""

from __future__ import annotations

import json

import pytest

from bot.catalogue.store import Catalogue
from bot.contract.query import Query
from bot.intents.registry import answer_for
from bot.render import render
from bot.render.markdown import escape

QUERIES = [
    Query(intent="recommend", task="classification", sort_by="cost", tokens_per_month=50e6),
    Query(intent="compare", models=["gpt-4.1-mini", "gpt-4.1-nano", "claude-haiku-4-5", "gemini-2.5-flash"]),
    Query(intent="info", models=["claude-sonnet-4-5"]),
    Query(intent="list", input_modalities=["image"], min_context=1_000_000),
    Query(intent="cost", models=["o4-mini"], tokens_per_month=2.5e6, input_share=0.8),
]
ROW_FIELDS = {
    "model",
    "provider",
    "input_price",
    "output_price",
    "monthly_cost",
    "input_share",
    "context",
    "max_output",
    "task_score",
    "speed",
    "ttft",
}


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.intent)
def test_text_fits_a_100_column_terminal(catalogue: Catalogue, query: Query) -> None:
    text = render(answer_for(query, catalogue), "text")
    assert max(len(line) for line in text.splitlines()) <= 100


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.intent)
def test_json_rows_carry_the_contract_fields(catalogue: Catalogue, query: Query) -> None:
    data = json.loads(render(answer_for(query, catalogue), "json"))
    assert data["rows"], "every one of these answers has rows"
    for row in data["rows"]:
        assert ROW_FIELDS <= set(row)
    assert data["query"]["intent"] == query.intent


def test_markdown_tables_have_one_cell_per_column(catalogue: Catalogue) -> None:
    text = render(answer_for(QUERIES[1], catalogue), "markdown")
    table = [line for line in text.splitlines() if line.startswith("|")]
    assert len(table) > 3
    widths = {line.count(" | ") for line in table if not line.startswith("|-")}
    assert len(widths) == 1


def test_markdown_escapes_text_that_could_be_markup() -> None:
    assert escape("<!channel> *x* | y") == "\\<!channel\\> \\*x\\* \\| y"


def test_unknown_numbers_read_no_data_never_zero(catalogue: Catalogue) -> None:
    numeric = {"Input $/M", "Output $/M", "Speed", "Time to first token", "General score", "Context", "Max output"}
    answer = answer_for(Query(intent="compare", models=[m.id for m in catalogue.chat_models()[:6]]), catalogue)
    seen_unknown = 0
    for row in answer.tables[0].rows:
        if row[0].text not in numeric:
            continue
        for cell in row[1:-1]:
            if cell.value is None:
                seen_unknown += 1
                assert cell.text == "no data", (row[0].text, cell)
            else:
                assert cell.text not in ("", "0", "$0")
    assert seen_unknown > 0, "these models lack some data; the test must see an unknown"


def test_a_crowded_table_cuts_other_text_columns_before_model_names(catalogue: Catalogue) -> None:
    query = Query(intent="recommend", task="chat", region="eu", capabilities=["open_weights"])
    answer = answer_for(query, catalogue)
    text = render(answer, "text")
    assert "…" in text  # the table had to be shortened
    for row in answer.rows:
        assert f" {row.model} " in text  # every model name whole


def test_a_narrow_table_says_a_wide_header_by_its_last_word_before_cutting_names() -> None:
    from bot.contract.answer import Cell, Column, Table
    from bot.render.layout import fit

    table = Table(
        columns=[Column(key="model", label="Model"), Column(key="score", label="Classification score")],
        rows=[[Cell(text="nvidia-nemotron-3-super-120b-a12b"), Cell(text="48 (usable)")]],
    )
    _, texts, headers = fit(table, 50)
    assert headers == ["Model", "Score"] and texts[0][0] == "nvidia-nemotron-3-super-120b-a12b"
    _, texts, headers = fit(table, 80)
    assert headers == ["Model", "Classification score"]  # room enough: the header as it is


def test_a_blank_header_wider_than_an_empty_column_is_left_alone() -> None:
    from bot.contract.answer import Column, Table
    from bot.render.layout import fit

    table = Table(columns=[Column(key="a", label=" "), Column(key="b", label="x" * 300)], rows=[])
    _, texts, headers = fit(table, 40)  # no IndexError on a header of spaces alone
    assert texts == [] and headers[0] == " " and len(headers[1]) <= 40
