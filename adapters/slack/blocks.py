"""Block Kit messages from an Answer: a header, the verdict, the main table as a Slack `table` block, notes in a
context block, the answer's actions as buttons, and a plain `text` fallback for notifications.

Every Slack limit is enforced here, by construction, so a message never fails for its size. Everything written
into a message is escaped (`&`, `<`, `>`): answers can echo the user's words, and an unescaped `<!channel>` would
notify a whole channel. The renderer only lays out; it never computes (the core did that).
"""

from __future__ import annotations

import csv
import io
import logging
from dataclasses import dataclass, field
from typing import Any, Literal

from adapters.chat.actions import answer_buttons
from adapters.chat.state import ChatState
from bot.contract.answer import Answer, Column, Table
from bot.render.text import table_lines

log = logging.getLogger("whichmodel.slack")

# Slack's limits (https://docs.slack.dev/reference/block-kit/blocks): 50 blocks a message; a section's text 3,000
# characters and at most 10 fields of 2,000 (this renderer uses no fields); a header 150; a table 100 rows (the header row counts: it is a row) of
# at most 20 cells; a context block 10 elements; a button's label 75.
MAX_BLOCKS = 50
MAX_SECTION_TEXT = 3000
MAX_HEADER_TEXT = 150
MAX_TABLE_ROWS = 100
MAX_TABLE_COLUMNS = 20
MAX_CONTEXT_ELEMENTS = 10
MAX_CONTEXT_TEXT = 2000  # text objects allow 3,000; context lines are kept shorter to stay readable
MAX_BUTTON_TEXT = 75
# Not documented limits, kept conservative so a table never gets near whatever Slack enforces: a cell's text, and
# the text of all cells together.
MAX_CELL_TEXT = 500
MAX_TABLE_TEXT = 10_000
# The notification text: Slack truncates at 40,000; a notification needs a sentence or two.
MAX_FALLBACK_TEXT = 1000
# Monospace tables (the fallback, and tables after the first) fit this many characters a line.
MONO_WIDTH = 80
MAX_MONO_SECTIONS = 4  # per table
MAX_MONO_LINE = 600  # escaped characters; a longer line is unreadable anyway

ACTION_PREFIX = "whichmodel_"  # every button's action_id starts so (old JSON buttons too: they get a polite note)

TableMode = Literal["table", "monospace"]


def escape(text: str) -> str:
    """Text safe in any Slack text field: `&`, `<`, `>` as entities, so nothing becomes a mention or a link."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def clip(text: str, limit: int) -> str:
    """Escaped text cut to `limit` characters with an ellipsis, never inside an entity such as `&amp;`."""
    if len(text) <= limit:
        return text
    cut = text[: max(0, limit - 1)]
    amp = cut.rfind("&")
    if amp != -1 and ";" not in cut[amp:]:
        cut = cut[:amp]
    return cut + "…"


def mrkdwn(text: str) -> dict[str, Any]:
    # verbatim: Slack does not auto-link channel names or parse mentions in it (the text is escaped anyway).
    return {"type": "mrkdwn", "text": text, "verbatim": True}


def plain(text: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": text, "emoji": True}


@dataclass
class SlackMessage:
    """What goes to chat.postMessage / respond(): the notification text and the blocks."""

    text: str
    blocks: list[dict[str, Any]] = field(default_factory=list)
    full_table: Table | None = None  # the main table, when the message had to cut it (rows or columns)

    def kwargs(self) -> dict[str, Any]:
        return {"text": self.text, "blocks": self.blocks} if self.blocks else {"text": self.text}


# ---------------------------------------------------------------------------------------------------------- buttons


def button_action_id(kind: str) -> str:
    """A button's action_id: one per action kind, so the app routes every kind to the same listener."""
    return f"{ACTION_PREFIX}{kind}"


def _button(label: str, action_id: str, value: str) -> dict[str, Any]:
    return {
        "type": "button",
        "text": plain(clip(escape(label), MAX_BUTTON_TEXT)),
        "action_id": action_id,
        "value": value,
    }


def _buttons(answer: Answer, shown_rows: int, state: ChatState | None) -> dict[str, Any] | None:
    """The answer's actions as buttons whose value is a short id into `state` (none without a state)."""
    elements = []
    for button in answer_buttons(answer, state, shown_rows):
        action_id = button_action_id(button.kind)
        if any(e["action_id"] == action_id for e in elements):  # action ids are unique within a block
            action_id = f"{action_id}_{len(elements)}"
        elements.append(_button(button.label, action_id, button.action_id))
    return {"type": "actions", "elements": elements} if elements else None


# ----------------------------------------------------------------------------------------------------------- tables


def _fit_columns(table: Table) -> list[int]:
    """Indexes of the columns kept: at most 20, dropping the lowest priority (highest number) first."""
    keep = list(range(len(table.columns)))
    while len(keep) > MAX_TABLE_COLUMNS:
        keep.remove(max(keep, key=lambda i: (table.columns[i].priority, i)))
    return keep


def _cell(text: str) -> dict[str, Any]:
    # raw_text needs at least one character; a blank cell (a key column's header) shows a dash
    return {"type": "raw_text", "text": clip(escape(text.strip()), MAX_CELL_TEXT) or "-"}


def table_block(table: Table) -> tuple[dict[str, Any], int]:
    """A Slack table block (header row first) and how many data rows it holds."""
    keep = _fit_columns(table)
    header = [_cell(table.columns[i].label or " ") for i in keep]
    rows = [header]
    used = sum(len(c["text"]) for c in header)
    for row in table.rows:
        if len(rows) >= MAX_TABLE_ROWS:
            break
        cells = [_cell(row[i].text if i < len(row) else "") for i in keep]
        size = sum(len(c["text"]) for c in cells)
        if used + size > MAX_TABLE_TEXT:
            break
        rows.append(cells)
        used += size
    settings: list[dict[str, Any]] = [_column_setting(table.columns[i]) for i in keep]
    return {"type": "table", "rows": rows, "column_settings": settings}, len(rows) - 1


def _column_setting(column: Column) -> dict[str, Any]:
    setting: dict[str, Any] = {"align": column.align}
    if column.unit == "text":
        setting["is_wrapped"] = True
    return setting


def monospace_sections(
    table: Table, with_title: bool = True, width: int = MONO_WIDTH
) -> tuple[list[dict[str, Any]], int]:
    """A table as aligned monospace text in up to MAX_MONO_SECTIONS sections, and how many data rows they hold."""
    keep = _fit_columns(table)
    bare = Table(
        columns=[table.columns[i] for i in keep], rows=[[row[i] for i in keep if i < len(row)] for row in table.rows]
    )
    lines = [clip(escape(line), MAX_MONO_LINE) for line in table_lines(bare, width)]
    head, body = lines[:2], lines[2:]
    title = f"*{clip(escape(table.title), 200)}*\n" if with_title and table.title else ""
    sections: list[dict[str, Any]] = []
    shown = 0
    while body and len(sections) < MAX_MONO_SECTIONS:
        prefix = title if not sections else ""
        chunk = list(head)
        # room for the fences, the title and a trailing "N more rows" line
        budget = MAX_SECTION_TEXT - len(prefix) - len("``````") - 40
        while body and len("\n".join(chunk + [body[0]])) <= budget:
            chunk.append(body.pop(0))
        if len(chunk) == len(head):  # a single line longer than a section: cut it
            chunk.append(clip(body.pop(0), budget - len("\n".join(chunk)) - 1))
        shown += len(chunk) - len(head)
        text = prefix + "```" + "\n".join(chunk) + "```"
        sections.append({"type": "section", "text": mrkdwn(text)})
    if body:
        more = f"_{len(body)} more row{'s' if len(body) != 1 else ''} not shown._"
        if sections:
            last = sections[-1]["text"]
            last["text"] = clip(last["text"] + "\n" + more, MAX_SECTION_TEXT)
    if not sections:  # a table without rows: its header alone
        sections.append(
            {"type": "section", "text": mrkdwn(clip(title + "```" + "\n".join(head) + "```", MAX_SECTION_TEXT))}
        )
    return sections, shown


def table_csv(table: Table) -> str:
    """The whole table as CSV (for an upload when the message had to cut it)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([c.label for c in table.columns])
    for row in table.rows:
        writer.writerow([cell.text for cell in row])
    return out.getvalue()


# ---------------------------------------------------------------------------------------------------------- message


def _context_blocks(lines: list[str]) -> list[dict[str, Any]]:
    """Lines in one context block: packed into at most 10 elements of at most MAX_CONTEXT_TEXT characters."""
    elements: list[str] = []
    for line in lines:
        line = clip(line, MAX_CONTEXT_TEXT)
        if elements and len(elements[-1]) + 1 + len(line) <= MAX_CONTEXT_TEXT:
            elements[-1] += "\n" + line
        elif len(elements) < MAX_CONTEXT_ELEMENTS:
            elements.append(line)
        else:
            elements[-1] = clip(elements[-1] + "\n" + line, MAX_CONTEXT_TEXT)
    return [{"type": "context", "elements": [mrkdwn(e) for e in elements]}] if elements else []


def fallback_text(answer: Answer) -> str:
    """The plain notification text: the title and the verdict (the verdict alone when it repeats the title)."""
    title, verdict = answer.title.strip(), (answer.verdict or "").strip()
    text = (
        verdict
        if title and verdict.startswith(title)
        else f"{title}: {verdict}"
        if title and verdict
        else title or verdict
    )
    return clip(escape(" ".join(text.split())), MAX_FALLBACK_TEXT) or "whichmodel"


def render_answer(answer: Answer, table_mode: TableMode = "table", state: ChatState | None = None) -> SlackMessage:
    """The Block Kit message for an answer. `table_mode="monospace"` is the fallback when Slack rejects tables;
    the answer's actions become buttons stored in `state` (no state, no buttons)."""
    title = " ".join(answer.title.split())  # a header is one line
    head: list[dict[str, Any]] = [
        {"type": "header", "text": plain(clip(escape(title), MAX_HEADER_TEXT) or "whichmodel")}
    ]
    if answer.verdict and answer.verdict.strip():
        head.append({"type": "section", "text": mrkdwn(clip(escape(answer.verdict.strip()), MAX_SECTION_TEXT))})

    body: list[dict[str, Any]] = []
    shown_rows = len(answer.rows)
    full_table: Table | None = None
    for index, table in enumerate(answer.tables):
        if index == 0 and table_mode == "table":  # one table block per message: the main comparison
            if table.title:
                body.append({"type": "section", "text": mrkdwn(clip(f"*{escape(table.title)}*", MAX_SECTION_TEXT))})
            block, shown = table_block(table)
            body.append(block)
        else:
            sections, shown = monospace_sections(table)
            body.extend(sections)
        if index == 0:
            if shown < len(table.rows) or len(table.columns) > MAX_TABLE_COLUMNS:
                full_table = table
            if len(table.rows) == len(answer.rows):  # the main table lists the answer's rows: page after what it shows
                shown_rows = min(shown_rows, shown)
            cut = []
            if shown < len(table.rows) and table_mode == "table":
                cut.append(f"Showing {shown} of {len(table.rows)} rows.")
            if len(table.columns) > MAX_TABLE_COLUMNS:
                cut.append(f"{len(table.columns) - MAX_TABLE_COLUMNS} columns left out.")
            if cut:
                body.append({"type": "context", "elements": [mrkdwn(" ".join(cut))]})

    tail: list[dict[str, Any]] = []
    notes = [f"• {escape(n.text)}" for n in answer.notes]
    tail += _context_blocks(notes)
    if answer.suggestions:
        tried = " · ".join(f"`{escape(s)}`" for s in answer.suggestions)
        tail += _context_blocks([f"Try: {tried}"])
    if answer.error_id and answer.error_id not in (answer.verdict or "") + " ".join(answer.note_texts()):
        tail += _context_blocks([f"Error id: `{escape(answer.error_id)}`"])
    actions = _buttons(answer, shown_rows, state)
    if actions is not None:
        tail.append(actions)

    room = MAX_BLOCKS - len(head) - len(tail)
    if len(body) > room:
        body = body[: room - 1] + [
            {
                "type": "context",
                "elements": [mrkdwn("More tables were left out; ask about one model for its full card.")],
            }
        ]
    return SlackMessage(text=fallback_text(answer), blocks=head + body + tail, full_table=full_table)


def render_text(text: str) -> SlackMessage:
    """A short message of our own (rate limit, a stale button), escaped like everything else."""
    return SlackMessage(
        text=clip(escape(text), MAX_FALLBACK_TEXT),
        blocks=[{"type": "section", "text": mrkdwn(clip(escape(text), MAX_SECTION_TEXT))}],
    )
