"""Discord embeds from Answers: every Discord limit kept, long answers paged (never cut), text escaped."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import discord
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adapters.chat.state import MemoryState
from adapters.chat.turn import slow_down_text
from adapters.discord.embeds import Press, answer_embeds, answer_texts, more_label, page_buttons
from adapters.discord.markup import (
    BUTTON_LABEL,
    CONTENT,
    CUSTOM_ID,
    DESCRIPTION,
    FIELD_NAME,
    FIELD_VALUE,
    FIELDS,
    FOOTER,
    TITLE,
    TOTAL,
    dlen,
    escape,
)
from bot.catalogue.store import Catalogue
from bot.contract.answer import Action, Answer, Cell, Column, Note, Table
from bot.contract.policy import DEFAULT_POLICY
from bot.contract.query import Query
from bot.intents.registry import answer_for

DEV_QUESTIONS = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev-questions.jsonl"


def limit_violations(embed: discord.Embed) -> list[str]:
    """Every Discord embed limit the embed breaks, measured on the JSON that would be sent."""
    data: dict[str, Any] = embed.to_dict()  # type: ignore[assignment]
    out = []
    fields = data.get("fields", [])
    footer = data.get("footer", {}).get("text")
    checks = [
        ("title", dlen(data.get("title")), TITLE),
        ("description", dlen(data.get("description")), DESCRIPTION),
        ("fields", len(fields), FIELDS),
        ("footer", dlen(footer), FOOTER),
        (
            "total",
            dlen(data.get("title"))
            + dlen(data.get("description"))
            + dlen(footer)
            + sum(dlen(f["name"]) + dlen(f["value"]) for f in fields),
            TOTAL,
        ),
    ]
    checks += [(f"field name {i}", dlen(f["name"]), FIELD_NAME) for i, f in enumerate(fields)]
    checks += [(f"field value {i}", dlen(f["value"]), FIELD_VALUE) for i, f in enumerate(fields)]
    checks += [
        (f"empty field {i}", 0 if f["value"].strip() and f["name"].strip() else 1, 0) for i, f in enumerate(fields)
    ]
    out += [f"{name} {size} > {limit}" for name, size, limit in checks if size > limit]
    if data.get("description") is not None and data["description"].count("```") % 2:
        out.append("a code block is left open")
    return out


def visible(embeds: list[discord.Embed]) -> str:
    """All text a reader can see across the pages, with escapes and formatting taken out, for containment checks.
    The descriptions come first and joined, as they are read: a paragraph or table continued on the next page
    reads on."""
    data: list[dict[str, Any]] = [e.to_dict() for e in embeds]  # type: ignore[misc]
    descriptions = "".join(d.get("description") or "" for d in data)
    fields = " ".join(f"{f['name']} {f['value']}" for d in data for f in d.get("fields", []))
    rest = " ".join(f"{d.get('title') or ''} {d.get('footer', {}).get('text') or ''}" for d in data)
    return "\x00".join(norm(part) for part in (descriptions, fields, rest))


def norm(text: str) -> str:
    return re.sub(r"[\s\\`'\"*]", "", text)


def hidden_columns(embeds: list[discord.Embed]) -> set[str]:
    footer = embeds[0].footer.text or ""
    match = re.search(r"^Columns hidden to fit Discord: (.*)\.$", footer, re.M)
    return set(match.group(1).split(", ")) if match else set()


def assert_paged_not_cut(answer: Answer, embeds: list[discord.Embed]) -> None:
    """Everything the answer holds is on some page: the verdict, every cell of every column not named as hidden,
    every note and suggestion."""
    seen = visible(embeds)
    hidden = hidden_columns(embeds)
    if answer.offset == 0 and answer.verdict:
        assert norm(answer.verdict) in seen
    for table in answer.tables:
        for i, column in enumerate(table.columns):
            if column.label in hidden and column.priority > 1:  # dropped, and said so; essential ones never are
                continue
            for row in table.rows:
                assert norm(row[i].text) in seen, f"cell {row[i].text!r} of {column.label!r} is on no page"
    if answer.offset == 0:
        for note in answer.notes:
            assert norm(note.text) in seen, f"note {note.text!r} is on no page"
    for suggestion in answer.suggestions:
        assert norm(suggestion) in seen


def assert_valid(answer: Answer) -> list[discord.Embed]:
    embeds = answer_embeds(answer)
    assert embeds
    for i, embed in enumerate(embeds):
        assert not limit_violations(embed), (i, limit_violations(embed))
    texts = answer_texts(answer)
    assert texts and all(0 < dlen(t) <= CONTENT for t in texts), [dlen(t) for t in texts]
    assert all(t.count("```") % 2 == 0 for t in texts)
    state = MemoryState()
    for page in range(len(embeds)):
        for button in page_buttons(answer, page, len(embeds), "t", state):
            assert len(button.press.custom_id()) <= CUSTOM_ID and Press.parse(button.press.custom_id()) == button.press
            assert 0 < len(button.label) <= BUTTON_LABEL
    assert_paged_not_cut(answer, embeds)
    return embeds


# ------------------------------------------------------------------------------------------------- dev questions


def dev_questions() -> list[dict[str, Any]]:
    if not DEV_QUESTIONS.is_file():
        return []
    return [json.loads(line) for line in DEV_QUESTIONS.read_text().splitlines() if line.strip()]


def expected_query(expect: dict[str, Any]) -> Query:
    """The contract's expected parse as a Query ({"any": [...]} alternatives: the first)."""
    fields = {k: (v["any"][0] if isinstance(v, dict) and "any" in v else v) for k, v in expect.items()}
    return Query(**{k: v for k, v in fields.items() if k in Query.model_fields})


needs_dev_questions = pytest.mark.skipif(
    not DEV_QUESTIONS.is_file(), reason=f"{DEV_QUESTIONS} is absent (the shared eval checkout is not next to the repo)"
)


@needs_dev_questions
def test_every_dev_question_renders_within_discord_limits_on_every_page(catalogue: Catalogue) -> None:
    questions = dev_questions()
    assert len(questions) > 10
    for item in questions:
        answer = answer_for(expected_query(item["expect"]), catalogue, DEFAULT_POLICY)
        try:
            embeds = assert_valid(answer)
        except AssertionError as exc:
            raise AssertionError(f"{item['q']!r}: {exc}") from exc
        if answer.has_more and not answer.error:  # and the rows behind "Show more"
            assert_valid(answer_for(answer.query, catalogue, DEFAULT_POLICY, offset=answer.offset + len(answer.rows)))
        assert embeds[0].title


@needs_dev_questions
def test_every_dev_question_through_the_parser_renders_within_discord_limits(catalogue: Catalogue) -> None:
    pytest.importorskip("bot.parse.pipeline", reason="bot/parse.py (the parser, issue 3) is not written yet")
    from bot.assistant import Assistant

    for item in dev_questions():
        answer = Assistant(catalogue).ask(item["q"])
        assert answer.error_id is None, f"{item['q']!r} failed in the core: error id {answer.error_id}"
        try:
            assert_valid(answer)
        except AssertionError as exc:
            raise AssertionError(f"{item['q']!r}: {exc}") from exc


# ----------------------------------------------------------------------------------------------- layouts chosen


def test_a_recommendation_is_a_monospace_table_with_full_model_names(catalogue: Catalogue) -> None:
    answer = answer_for(Query(intent="recommend", task="coding", tokens_per_month=50e6), catalogue, DEFAULT_POLICY)
    [embed, *_] = assert_valid(answer)
    description = embed.description or ""
    assert description.startswith(escape(answer.verdict or ""))
    code = description.split("```")[1]
    for row in answer.rows:
        assert row.model in code  # never shortened with an ellipsis
    assert "…" not in code
    assert not embed.fields or all("```" not in f.value for f in embed.fields)


def test_two_or_three_models_compared_are_side_by_side_fields(catalogue: Catalogue) -> None:
    for models in (["gpt-4.1-mini", "gpt-4.1-nano"], ["o3", "o4-mini", "gpt-5"]):
        answer = answer_for(Query(intent="compare", models=models), catalogue, DEFAULT_POLICY)
        embed = assert_valid(answer)[0]  # the side-by-side table first; head-to-head tables may follow
        inline = [f.name for f in embed.fields if f.inline]
        assert inline == models
        assert "```" not in (embed.description or "")


def test_four_models_compared_are_a_monospace_table(catalogue: Catalogue) -> None:
    answer = answer_for(
        Query(intent="compare", models=["o3", "o4-mini", "gpt-5", "gpt-4.1"]), catalogue, DEFAULT_POLICY
    )
    embeds = assert_valid(answer)
    assert "```" in (embeds[0].description or "")
    assert not [f for e in embeds for f in e.fields if f.inline]


def test_a_short_table_that_would_lose_text_becomes_a_field_per_row(catalogue: Catalogue) -> None:
    answer = answer_for(Query(intent="cost", models=["claude-sonnet-4-5"]), catalogue, DEFAULT_POLICY)
    [embed] = assert_valid(answer)
    how = [f.value for f in embed.fields if "**How**" in (f.value or "")]
    assert len(how) == len(answer.tables[0].rows)
    assert all("…" not in value for value in how)


def test_notes_are_in_the_footer_of_the_first_page(catalogue: Catalogue) -> None:
    answer = answer_for(
        Query(intent="recommend", task="classification", tokens_per_month=50e6), catalogue, DEFAULT_POLICY
    )
    embeds = assert_valid(answer)
    footer = embeds[0].footer.text or ""
    for note in answer.notes:
        assert note.text.replace("`", '"') in footer


def test_an_info_answer_too_long_for_one_embed_is_paged_with_page_numbers(catalogue: Catalogue) -> None:
    answer = answer_for(Query(intent="info", models=["gpt-4.1"]), catalogue, DEFAULT_POLICY)
    embeds = assert_valid(answer)
    assert len(embeds) >= 2
    assert [f"Page {i}/{len(embeds)}" in (e.footer.text or "") for i, e in enumerate(embeds, 1)] == [True] * len(embeds)
    state = MemoryState()
    [more, *others] = page_buttons(answer, 0, len(embeds), "e", state)
    assert (
        more.label == "Show more" and more.press.page == 1 and state.action(more.press.action_id) == (answer.query, 0)
    )


def test_many_short_tables_spread_their_fields_over_pages_of_at_most_25() -> None:
    # three rows too wide for one line each: a field per row, so ten such tables make 30 small fields
    table = Table(
        columns=[Column(key="model", label="Model"), Column(key="cost", label="Cost", unit="usd")],
        rows=[[Cell(text=f"a-model-with-a-very-long-name-{r}-" + "x" * 40), Cell(text=f"${r}.00")] for r in range(3)],
    )
    answer = Answer(intent="cost", title="Costs", tables=[table] * 10, query=Query())
    embeds = assert_valid(answer)
    assert sum(len(e.fields) for e in embeds) == 30 and len(embeds) == 2
    assert sum(len(e) for e in embeds) < TOTAL  # it is the field count, not the size, that needs a second page


def test_a_long_verdict_and_long_notes_keep_the_6000_total_on_the_first_page() -> None:
    answer = Answer(
        intent="recommend",
        title="T" * 256,
        verdict="word " * 900,
        query=Query(),
        notes=[Note(kind="caveat", text=f"note {i} " + "n" * 120) for i in range(20)],
    )
    embeds = assert_valid(answer)
    assert len(embeds) >= 2
    assert len(embeds[0]) <= TOTAL


def test_show_more_leads_to_the_next_page_then_to_the_cores_next_rows_then_nowhere() -> None:
    query = Query(intent="list")
    more = Action(kind="more", label="Show more", query=query, offset=30)
    answer = Answer(
        intent="list", title="Models", query=query, total=40, offset=15, rows=answer_rows(15), actions=[more]
    )
    state = MemoryState()
    [next_page] = page_buttons(answer, 0, 3, "e", state)
    assert next_page.press.page == 1 and state.action(next_page.press.action_id) == (query, 15)
    [next_rows] = page_buttons(answer, 2, 3, "t", state)
    assert next_rows.press.page == 0 and next_rows.press.mode == "t"
    assert state.action(next_rows.press.action_id) == (query, 30)
    assert next_rows.label == more_label(answer) == "Show more (10 more rows)"
    assert page_buttons(answer.model_copy(update={"actions": []}), 2, 3, "e", state) == []  # the core offers no more
    assert page_buttons(answer.model_copy(update={"error": True}), 0, 3, "e", state) == []
    assert page_buttons(answer, 0, 3, "e", None) == []  # no state store, no buttons


def test_the_first_page_carries_every_other_action_of_the_answer(catalogue: Catalogue) -> None:
    answer = answer_for(Query(intent="recommend", task="classification", sort_by="cost"), catalogue, DEFAULT_POLICY)
    state = MemoryState()
    labels = [b.label for b in page_buttons(answer, 0, 1, "e", state)]
    assert labels[0].startswith("Show more (") and labels[1:] == ["Compare top 2", "Best quality instead"]
    assert [b.label for b in page_buttons(answer, 0, 2, "e", state)][0] == "Show more"  # the next page first


def answer_rows(n: int) -> list[Any]:
    from bot.contract.answer import Row

    return [Row(model=f"m{i}", name=f"M{i}") for i in range(n)]


@pytest.mark.parametrize(
    "custom_id",
    [
        "whichmodel:more:1:2:3:e",  # a "Show more" button from before the state store
        "whichmodel:AbCdEfGhIjKl:1:x",
        "whichmodel:AbCdEfGhIjKl:a:e",
        "whichmodel:AbCdEfGhIjKl:1:e:extra",
        "whichmodel:short:1:e",
        "other:AbCdEfGhIjKl:1:e",
        "",
    ],
)
def test_foreign_malformed_or_old_custom_ids_are_no_press(custom_id: str) -> None:
    assert Press.parse(custom_id) is None


def test_custom_ids_round_trip_within_100_characters() -> None:
    biggest = Press(action_id="A" * 32, page=9_999, mode="t")
    assert len(biggest.custom_id()) <= CUSTOM_ID
    assert Press.parse(biggest.custom_id()) == biggest


# ------------------------------------------------------------------------------------------------------ escaping


def test_user_text_cannot_format_link_or_mention_but_code_spans_survive() -> None:
    text = "I don't know '**big** [click](https://evil.example) <@&123> @everyone __x__ ~~y~~ ||z|| > q'. Try `at 50M`."
    out = escape(text)
    for raw in ("**big**", "[click]", "<@&123>", "__x__", "~~y~~", "||z||"):
        assert raw not in out
    assert "`at 50M`" in out
    assert re.sub(r"\\(.)", r"\1", out) == text  # only escapes were added
    assert escape("# heading\n- item") == "\\# heading\n\\- item"


def test_the_footer_shows_code_spans_as_quotes_because_footers_are_not_markdown(catalogue: Catalogue) -> None:
    answer = Answer(
        intent="help",
        title="t",
        notes=[Note(kind="tip", text="Say `at 50M` to change it.")],
        query=Query(intent="help"),
    )
    [embed] = answer_embeds(answer)
    assert embed.footer.text == '• Say "at 50M" to change it.'


def test_the_apology_shows_its_error_id() -> None:
    answer = Answer(
        intent="error",
        title="Sorry, something went wrong",
        verdict="Logged as 0123456789.",
        query=Query(),
        error=True,
        error_id="0123456789",
    )
    [embed] = answer_embeds(answer)
    assert "Error id: 0123456789" in (embed.footer.text or "")
    assert any("Error id: 0123456789" in t for t in answer_texts(answer))


def test_the_cooldown_notice_is_polite_and_rounds_up_to_at_least_a_second() -> None:
    assert slow_down_text(0.2).startswith(
        "You're asking faster than I can answer well: please try again in about 1 second."
    )
    assert "in about 30 seconds." in slow_down_text(29.6)


# ------------------------------------------------------------------------------------ any answer at all (property)

_LINE_BREAKS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # cells are one line; "\n" itself stays in
_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters=_LINE_BREAKS), max_size=120)
_LABEL = st.text(st.characters(whitelist_categories=("L", "N"), max_codepoint=0x2FFF), min_size=1, max_size=24)
_UNIT = st.sampled_from(["text", "usd", "tokens", "score", "date", "count"])


@st.composite
def tables(draw: st.DrawFn) -> Table:
    n = draw(st.integers(1, 9))
    columns = [
        Column(
            key=f"c{i}" if i else draw(st.sampled_from(["c0", "rank", "metric"])),
            label=f"{draw(_LABEL)}{i}",
            unit=draw(_UNIT),
            align=draw(st.sampled_from(["left", "right"])),
            priority=draw(st.integers(1, 3)),
        )
        for i in range(n)
    ]
    rows = draw(st.lists(st.lists(_TEXT.map(lambda t: Cell(text=t)), min_size=n, max_size=n), max_size=45))
    return Table(title=draw(st.none() | _TEXT), columns=columns, rows=rows)


@st.composite
def answers(draw: st.DrawFn) -> Answer:
    rows = answer_rows(draw(st.integers(0, 20)))
    total = draw(st.integers(len(rows), len(rows) + 500))
    big = draw(st.booleans())  # push towards the limits half the time
    return Answer(
        intent=draw(st.sampled_from(["recommend", "compare", "info", "list", "cost", "help"])),
        title=draw(st.text(min_size=200 if big else 1, max_size=300)),
        verdict=draw(st.none() | st.text(min_size=3500 if big else 0, max_size=9000)),
        tables=draw(st.lists(tables(), max_size=12 if big else 3)),
        notes=draw(
            st.lists(
                st.builds(Note, kind=st.just("caveat"), text=st.text(min_size=80 if big else 0, max_size=700)),
                min_size=20 if big else 0,
                max_size=25,
            )
        ),
        suggestions=draw(st.lists(st.text(max_size=90), max_size=5)),
        query=Query(),
        rows=rows,
        total=total,
        offset=draw(st.sampled_from([0, 0, 5])),
        error=draw(st.booleans()),
        error_id=draw(st.none() | st.just("abcdef0123")),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(answers())
def test_any_answer_is_paged_within_every_limit_without_losing_text(answer: Answer) -> None:
    embeds = answer_embeds(answer)
    for embed in embeds:
        assert not limit_violations(embed), limit_violations(embed)
    assert all(dlen(t) <= CONTENT for t in answer_texts(answer))
    assert_paged_not_cut(answer, embeds)
