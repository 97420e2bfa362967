"""The Slack renderer: every message it builds stays within Slack's limits and escapes what could come from users.

`violations` is written from Slack's documented limits independently of the renderer's constants, so a renderer bug
cannot hide behind a shared number.
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adapters.chat.state import MemoryState
from adapters.slack.blocks import (
    button_action_id,
    clip,
    escape,
    render_answer,
    render_text,
    table_csv,
)
from bot.catalogue.store import Catalogue
from bot.contract.answer import Action, Answer, Cell, Column, Note, Row, Table
from bot.contract.query import Query
from bot.intents.actions import compare_top_query
from bot.intents.registry import answer_for

DEV_QUESTIONS = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev-questions.jsonl"
HAS_PARSER = importlib.util.find_spec("bot.parse.pipeline") is not None

# Slack's limits, from https://docs.slack.dev/reference/block-kit/blocks (and the pages of each block)
BLOCKS, SECTION_TEXT, FIELDS, FIELD_TEXT, HEADER_TEXT = 50, 3000, 10, 2000, 150
TABLE_ROWS, TABLE_CELLS, CONTEXT_ELEMENTS, TEXT_OBJECT = 100, 20, 10, 3000
BUTTON_TEXT, BUTTON_VALUE, ACTION_ID, ACTIONS_ELEMENTS = 75, 2000, 255, 25
ENTITY = re.compile(r"&(?!(amp|lt|gt);)")


def _text_object(obj: Any, limit: int, where: str, kinds: tuple[str, ...] = ("plain_text", "mrkdwn")) -> list[str]:
    if not isinstance(obj, dict) or obj.get("type") not in kinds or not isinstance(obj.get("text"), str):
        return [f"{where}: not a {'/'.join(kinds)} text object: {obj!r:.80}"]
    problems = []
    if not obj["text"].strip():
        problems.append(f"{where}: blank text")
    if len(obj["text"]) > limit:
        problems.append(f"{where}: {len(obj['text'])} characters > {limit}")
    return problems


def _visible_strings(message: dict[str, Any]) -> list[str]:
    """Every string a reader could see (button values and ids are not shown)."""
    out: list[str] = []

    def walk(value: Any, key: str = "") -> None:
        if key in ("value", "action_id", "block_id", "type", "align", "response_type"):
            return
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)

    walk(message)
    return out


def violations(message: dict[str, Any]) -> list[str]:
    """Every way `message` (chat.postMessage / respond kwargs) breaks a Slack limit or leaks unescaped markup."""
    problems: list[str] = []
    text = message.get("text")
    if not isinstance(text, str) or not text.strip():
        problems.append("no plain text fallback")
    blocks = message.get("blocks") or []
    if len(blocks) > BLOCKS:
        problems.append(f"{len(blocks)} blocks > {BLOCKS}")
    if sum(1 for b in blocks if b.get("type") == "table") > 1:
        problems.append("more than one table block")
    action_ids: list[str] = []
    for i, block in enumerate(blocks):
        kind, where = block.get("type"), f"block {i} ({block.get('type')})"
        if kind == "header":
            problems += _text_object(block.get("text"), HEADER_TEXT, where, ("plain_text",))
        elif kind == "section":
            if "text" not in block and "fields" not in block:
                problems.append(f"{where}: neither text nor fields")
            if "text" in block:
                problems += _text_object(block["text"], SECTION_TEXT, where)
            fields = block.get("fields") or []
            if len(fields) > FIELDS:
                problems.append(f"{where}: {len(fields)} fields > {FIELDS}")
            for j, f in enumerate(fields):
                problems += _text_object(f, FIELD_TEXT, f"{where} field {j}")
        elif kind == "context":
            elements = block.get("elements") or []
            if not 1 <= len(elements) <= CONTEXT_ELEMENTS:
                problems.append(f"{where}: {len(elements)} elements (1-{CONTEXT_ELEMENTS})")
            for j, e in enumerate(elements):
                problems += _text_object(e, TEXT_OBJECT, f"{where} element {j}")
        elif kind == "table":
            rows = block.get("rows") or []
            if not 1 <= len(rows) <= TABLE_ROWS:
                problems.append(f"{where}: {len(rows)} rows (1-{TABLE_ROWS})")
            widths = {len(r) for r in rows}
            if len(widths) > 1:
                problems.append(f"{where}: rows of different lengths {sorted(widths)}")
            for r, row in enumerate(rows):
                if len(row) > TABLE_CELLS:
                    problems.append(f"{where}: row {r} has {len(row)} cells > {TABLE_CELLS}")
                for c, cell in enumerate(row):
                    if (
                        cell.get("type") != "raw_text"
                        or not isinstance(cell.get("text"), str)
                        or not cell["text"].strip()
                    ):
                        problems.append(f"{where}: cell {r},{c} is not a non-blank raw_text: {cell!r:.80}")
            settings_ = block.get("column_settings") or []
            if len(settings_) > TABLE_CELLS:
                problems.append(f"{where}: {len(settings_)} column settings > {TABLE_CELLS}")
            for s in settings_:
                if s is not None and s.get("align", "left") not in ("left", "center", "right"):
                    problems.append(f"{where}: bad align {s}")
        elif kind == "actions":
            elements = block.get("elements") or []
            if not 1 <= len(elements) <= ACTIONS_ELEMENTS:
                problems.append(f"{where}: {len(elements)} elements (1-{ACTIONS_ELEMENTS})")
            for e in elements:
                problems += _text_object(e.get("text"), BUTTON_TEXT, f"{where} button", ("plain_text",))
                if len(e.get("value", "")) > BUTTON_VALUE:
                    problems.append(f"{where}: button value {len(e['value'])} > {BUTTON_VALUE}")
                if not e.get("action_id") or len(e["action_id"]) > ACTION_ID:
                    problems.append(f"{where}: bad action_id")
                action_ids.append(e.get("action_id", ""))
        elif kind != "divider":
            problems.append(f"{where}: unexpected block type")
    if len(action_ids) != len(set(action_ids)):
        problems.append(f"duplicate action ids {action_ids}")
    for s in _visible_strings({"text": message.get("text"), "blocks": blocks}):
        if "<" in s or ">" in s or ENTITY.search(s):
            problems.append(f"unescaped markup in {s[:80]!r}")
    return problems


def _kwargs(answer: Answer, mode: str = "table") -> dict[str, Any]:
    return render_answer(answer, mode, state=MemoryState()).kwargs()  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------------------- escaping, text


def test_escape_turns_slack_control_characters_into_entities() -> None:
    assert escape("<!channel> & <@U123> > x") == "&lt;!channel&gt; &amp; &lt;@U123&gt; &gt; x"


def test_clip_never_cuts_inside_an_entity() -> None:
    text = escape("a" * 8 + "&" + "b" * 10)  # 'aaaaaaaa&amp;bbbbbbbbbb'
    for limit in range(1, len(text) + 1):
        cut = clip(text, limit)
        assert len(cut) <= limit
        assert not ENTITY.search(cut), cut


def test_user_text_echoed_anywhere_in_an_answer_is_escaped_everywhere() -> None:
    evil = "<!channel> <!here> <@U123> <https://evil.example|click> & co"
    table = Table(title=evil, columns=[Column(key="m", label=evil)], rows=[[Cell(value=evil, text=evil)]])
    answer = Answer(
        intent="recommend",
        title=evil,
        verdict=evil,
        tables=[table, table],
        notes=[Note(kind="caveat", text=evil)],
        suggestions=[evil],
        query=Query(intent="recommend"),
    )
    for mode in ("table", "monospace"):
        message = _kwargs(answer, mode)
        assert violations(message) == []
        dumped = json.dumps(message)
        assert "<!channel>" not in dumped and "<@U123>" not in dumped and "<https" not in dumped
        assert "&lt;!channel&gt;" in message["text"]


# ----------------------------------------------------------------------------------------------------- the layout


def test_recommendation_has_header_verdict_one_table_notes_and_every_action_as_a_button(catalogue: Catalogue) -> None:
    answer = answer_for(
        Query(intent="recommend", task="classification", sort_by="cost", tokens_per_month=5e7), catalogue
    )
    assert answer.has_more and len(answer.rows) >= 2
    state = MemoryState()
    message = render_answer(answer, state=state).kwargs()
    types = [b["type"] for b in message["blocks"]]
    assert types[0] == "header" and types[1] == "section" and types.count("table") == 1
    assert "context" in types and types[-1] == "actions"
    table = next(b for b in message["blocks"] if b["type"] == "table")
    assert [c["text"] for c in table["rows"][0]] == [c.label for c in answer.tables[0].columns]
    assert (
        table["rows"][1][answer.tables[0].columns.index(next(c for c in answer.tables[0].columns if c.key == "model"))][
            "text"
        ]
        == answer.rows[0].model
    )
    buttons = {e["action_id"]: e for e in message["blocks"][-1]["elements"]}
    assert (
        set(buttons)
        == {button_action_id(a.kind) for a in answer.actions}
        == {
            button_action_id("more"),
            button_action_id("compare"),
            button_action_id("refine"),
        }
    )
    assert all(len(b["value"]) <= 32 for b in buttons.values())  # a short id, never the query itself
    more = state.action(buttons[button_action_id("more")]["value"])
    assert more is not None and more[0] == answer.query and more[1] == len(answer.rows)
    compare = state.action(buttons[button_action_id("compare")]["value"])
    assert compare is not None
    assert compare[0].intent == "compare" and compare[0].models == [answer.rows[0].model, answer.rows[1].model]
    assert compare[0].task == "classification" and compare[0].tokens_per_month == 5e7
    refine = state.action(buttons[button_action_id("refine")]["value"])
    assert (
        refine is not None
        and refine[0].sort_by == "quality"
        and buttons[button_action_id("refine")]["text"]["text"] == "Best quality instead"
    )
    assert violations(message) == []


def test_without_a_state_store_an_answer_has_no_buttons(catalogue: Catalogue) -> None:
    answer = answer_for(Query(intent="recommend", task="classification", tokens_per_month=5e7), catalogue)
    assert answer.actions and "actions" not in [b["type"] for b in render_answer(answer).blocks]


def test_errors_and_help_have_no_buttons(catalogue: Catalogue) -> None:
    for query in (
        Query(intent="help"),
        Query(intent="unknown"),
        Query(intent="compare", models=["gpt-9000-ultra", "x"]),
    ):
        answer = answer_for(query, catalogue)
        assert answer.error
        message = _kwargs(answer)
        assert "actions" not in [b["type"] for b in message["blocks"]]
        assert violations(message) == []


def test_second_page_has_show_more_but_no_compare(catalogue: Catalogue) -> None:
    query = Query(intent="list", capabilities=["tool_calling"])
    answer = answer_for(query, catalogue, offset=5)
    actions = [b for b in _kwargs(answer)["blocks"] if b["type"] == "actions"]
    ids = [e["action_id"] for a in actions for e in a["elements"]]
    assert button_action_id("compare") not in ids
    assert (button_action_id("more") in ids) == answer.has_more


def test_monospace_fallback_has_no_table_block_and_keeps_the_rows(catalogue: Catalogue) -> None:
    answer = answer_for(Query(intent="recommend", task="coding", tokens_per_month=5e7), catalogue)
    message = _kwargs(answer, "monospace")
    assert "table" not in [b["type"] for b in message["blocks"]]
    code = "\n".join(
        b["text"]["text"] for b in message["blocks"] if b["type"] == "section" and "```" in b["text"]["text"]
    )
    assert all(row.model in code for row in answer.rows)
    assert violations(message) == []


def _huge_answer(rows: int = 250, columns: int = 30, tables: int = 70) -> Answer:
    cols = [
        Column(
            key=f"c{i}",
            label=f"Column {i} <x>",
            priority=1 + i % 4,
            unit="text" if i % 2 else "usd",
            align="left" if i % 2 else "right",
        )
        for i in range(columns)
    ]
    main = Table(
        title="Main & only",
        columns=cols,
        rows=[
            [Cell(value=r, text=f"r{r}c{c} " + "w" * (700 if c == 1 else 5)) for c in range(columns)]
            for r in range(rows)
        ],
    )
    small = Table(title="Extra", columns=cols[:3], rows=[[Cell(value=1, text="x" * 40)] * 3] * 120)
    return Answer(
        intent="recommend",
        title="T" * 400,
        verdict="V & <v> " * 1500,
        tables=[main] + [small] * (tables - 1),
        rows=[Row(model=f"model-{i}", name=f"Model {i}") for i in range(rows)],
        notes=[Note(kind="source", text="N <n> " * 300)] * 40,
        suggestions=["s <s>" * 50] * 30,
        query=Query(intent="recommend", assumptions=["a" * 3000]),
        total=rows * 2,
    )


def test_a_huge_answer_is_cut_to_every_slack_limit() -> None:
    answer = _huge_answer()
    for mode in ("table", "monospace"):
        rendered = render_answer(answer, mode)  # type: ignore[arg-type]
        assert violations(rendered.kwargs()) == [], mode
        assert rendered.full_table is answer.tables[0]  # cut, so the bot uploads it whole
    table = next(b for b in render_answer(answer).blocks if b["type"] == "table")
    assert len(table["rows"][0]) == 20
    kept = [c.label for c in answer.tables[0].columns if c.priority <= 2]
    assert all(escape(label) in [c["text"] for c in table["rows"][0]] for label in kept)  # low priority dropped first


def test_show_more_after_a_cut_table_continues_after_the_last_row_shown() -> None:
    answer = _huge_answer(rows=150, columns=3, tables=1)
    answer.tables[0].rows = [[Cell(value=r, text=f"{r}")] * 3 for r in range(150)]
    answer.actions = [Action(kind="more", label="Show more", query=answer.query, offset=150)]
    state = MemoryState()
    rendered = render_answer(answer, state=state)
    table = next(b for b in rendered.blocks if b["type"] == "table")
    shown = len(table["rows"]) - 1
    assert shown == 99
    button = next(
        e
        for b in rendered.blocks
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"] == button_action_id("more")
    )
    assert state.action(button["value"])[1] == shown  # type: ignore[index]


def test_table_csv_holds_every_row_and_column() -> None:
    answer = _huge_answer(rows=150, columns=25, tables=1)
    lines = table_csv(answer.tables[0]).splitlines()
    assert len(lines) == 151 and lines[0].count(",") >= 24


def test_render_text_escapes() -> None:
    message = render_text("wait <!channel> & retry").kwargs()
    assert violations(message) == [] and "&lt;!channel&gt;" in message["text"]


# ---------------------------------------------------------------------------------------------------- the buttons


@pytest.mark.parametrize(
    "forged", ["", "nonsense", "[]", '{"q": {"intent": "hack"}}', "null", "x" * 5000, "AAAAAAAAAAAA", "../../etc"]
)
def test_a_forged_button_value_finds_nothing_in_the_state_store(forged: str) -> None:
    state = MemoryState()
    state.save_action(Query(intent="recommend"), 5)
    assert state.action(forged) is None


def test_a_long_echo_of_user_text_does_not_lengthen_the_button(catalogue: Catalogue) -> None:
    answer = answer_for(Query(intent="recommend", task="coding", assumptions=["x" * 5000]), catalogue)
    state = MemoryState()
    values = [
        e["value"] for b in render_answer(answer, state=state).blocks if b["type"] == "actions" for e in b["elements"]
    ]
    assert values and all(len(v) <= 32 for v in values)
    assert state.action(values[0])[0].task == "coding"  # type: ignore[index]


def test_compare_top2_uses_two_distinct_models() -> None:
    rows = [Row(model="a", name="A", provider="p1"), Row(model="a", name="A", provider="p2"), Row(model="b", name="B")]
    answer = Answer(intent="recommend", title="t", rows=rows, query=Query(intent="recommend", input_share=0.9))
    compare = compare_top_query(answer)
    assert compare is not None and compare.models == ["a", "b"] and compare.input_share == 0.9
    assert compare_top_query(Answer(intent="recommend", title="t", rows=rows[:2], query=Query())) is None


# ------------------------------------------------------------------------------------------- every dev question


def _dev_questions() -> list[dict[str, Any]]:
    if not DEV_QUESTIONS.is_file():
        return []
    return [json.loads(line) for line in DEV_QUESTIONS.read_text().splitlines() if line.strip()]


def _expected_query(expect: dict[str, Any]) -> Query:
    fields = {k: (v["any"][0] if isinstance(v, dict) and "any" in v else v) for k, v in expect.items()}
    return Query(**fields)


@pytest.mark.skipif(
    not DEV_QUESTIONS.is_file(), reason=f"{DEV_QUESTIONS} is absent (the shared eval set is not checked out)"
)
def test_every_dev_question_renders_within_slack_limits(catalogue: Catalogue) -> None:
    """Each dev question's expected query, answered and rendered (both pages, both table modes), and, when the
    parser is present, the question itself through `safe_ask`: no message breaks a limit."""
    questions = _dev_questions()
    assert len(questions) >= 50
    checked = 0
    for item in questions:
        answers = [answer_for(_expected_query(item["expect"]), catalogue)]
        if answers[0].has_more:
            answers.append(answer_for(answers[0].query, catalogue, offset=answers[0].offset + len(answers[0].rows)))
        if HAS_PARSER:
            from bot.assistant import Assistant

            answers.append(Assistant(catalogue).ask(item["q"]))
        for answer in answers:
            for mode in ("table", "monospace"):
                problems = violations(_kwargs(answer, mode))
                assert problems == [], f"{item['q']!r} ({mode}): {problems}"
                checked += 1
    assert checked >= 2 * len(questions)


# -------------------------------------------------------------------------------------------------------- fuzzing

_texts = st.lists(
    st.sampled_from(list("ab <>&!@|*_`~\n") + ["<!channel>", "&amp;", "é", "🙂", "x" * 300]), max_size=60
).map("".join)


@st.composite
def answers(draw: st.DrawFn) -> Answer:
    ncols = draw(st.integers(1, 45))
    cols = [Column(key=f"k{i}", label=draw(_texts), priority=draw(st.integers(1, 4))) for i in range(ncols)]
    pool = draw(st.lists(_texts, min_size=1, max_size=8))  # cell texts, reused: wide tables stay cheap to draw
    tables = [
        Table(
            title=draw(st.none() | _texts),
            columns=cols,
            rows=[
                [Cell(text=pool[(r * ncols + c) % len(pool)]) for c in range(ncols)]
                for r in range(draw(st.integers(0, 110)))
            ],
        )
        for _ in range(draw(st.integers(0, 3)))
    ]
    nrows = draw(st.integers(0, 12))
    return Answer(
        intent=draw(st.sampled_from(["recommend", "list", "alternatives", "compare", "info", "help"])),
        title=draw(_texts),
        verdict=draw(st.none() | _texts),
        tables=tables,
        rows=[Row(model=f"m{draw(st.integers(0, 3))}", name="n") for _ in range(nrows)],
        notes=[Note(kind="tip", text=draw(_texts)) for _ in range(draw(st.integers(0, 15)))],
        suggestions=draw(st.lists(_texts, max_size=6)),
        query=Query(intent="recommend"),
        total=draw(st.integers(0, 40)),
        offset=draw(st.integers(0, 10)),
        error=draw(st.booleans()),
        error_id=draw(st.none() | st.just("abc123")),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(answers(), st.sampled_from(["table", "monospace"]))
def test_any_answer_renders_within_slack_limits(answer: Answer, mode: str) -> None:
    assert violations(_kwargs(answer, mode)) == []
