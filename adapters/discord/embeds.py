"""Discord embeds from the core's `Answer`: pure functions, no client, no network.

One embed per message: the title, the verdict as the description, each table as a monospace code block (or as
fields: one per model for a comparison of two or three models, one per row for a short table that would otherwise
lose columns), the notes in the footer. An answer longer than one embed is split into pages that each keep every
Discord limit; the adapter shows page 1 and a "Show more" button for the next one, so nothing is cut silently.
Columns a table drops to fit (the core's low-priority ones) are named in the footer.

Limits are counted in UTF-16 code units, which is never less than what Discord counts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

import discord

from bot.contract.answer import Answer, Cell, Table
from bot.render.layout import GAP
from bot.render.text import table_lines

# Discord's limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits)
TITLE = 256
DESCRIPTION = 4096
FIELDS = 25
FIELD_NAME = 256
FIELD_VALUE = 1024
FOOTER = 2048
TOTAL = 6000
CONTENT = 2000
CUSTOM_ID = 100
BUTTON_LABEL = 80

TABLE_WIDTH = 60  # monospace columns that fit an embed on desktop without wrapping
MIN_SPLIT_ROWS = 3  # don't start a table with fewer rows at the bottom of a page when more follow

COLOR = discord.Colour(0x5865F2)
ERROR_COLOR = discord.Colour(0xED4245)
HELP_COLOR = discord.Colour(0x99AAB5)

Mode = Literal["e", "t"]  # embed pages, or plain-text pages (when the channel forbids embeds)


def dlen(text: str | None) -> int:
    """Length as Discord may count it (UTF-16 code units: an emoji counts two)."""
    return len(text.encode("utf-16-le")) // 2 if text else 0


# ------------------------------------------------------------------------------------------------------- escaping

_CODE_SPAN = re.compile(r"(`[^`\n]+`)")
_MD_CHARS = re.compile(r"([\\*_~|>\[\]<`])")
_LINE_START = re.compile(r"(?m)^(\s*)([#-])")


def escape(text: str) -> str:
    """Text safe in an embed: no stray bold, italics, links, headings, quotes or mention syntax; `code` spans
    written by the core stay code."""
    parts = _CODE_SPAN.split(text)
    out = []
    for i, part in enumerate(parts):
        if i % 2:  # a code span
            out.append(part)
        else:
            out.append(_LINE_START.sub(r"\1\\\2", _MD_CHARS.sub(r"\\\1", part)))
    return "".join(out)


def plain(text: str) -> str:
    """Text for places Discord shows raw (the footer, button labels): `code` spans become quotes."""
    return _CODE_SPAN.sub(lambda m: f'"{m.group(1)[1:-1]}"', text).replace("\n", " ")


def code_safe(text: str) -> str:
    """Text inside a code block: a backtick would end the block."""
    return text.replace("`", "'")


def clip(text: str, limit: int) -> str:
    """Shorten with a visible ellipsis (used only for titles and names, whose full text appears elsewhere)."""
    if dlen(text) <= limit:
        return text
    out = text[: limit - 1]
    while dlen(out) > limit - 1:
        out = out[:-1]
    return out.rstrip() + "…"


def split_text(text: str, limit: int) -> list[str]:
    """Pieces of at most `limit`, broken at line ends, then spaces, then anywhere (a giant word)."""
    pieces: list[str] = []
    for line in text.split("\n"):
        current = ""
        for word in line.split(" "):
            while dlen(word) > limit:
                if current:
                    pieces.append(current)
                    current = ""
                head = word[:limit]
                while dlen(head) > limit:
                    head = head[:-1]
                pieces.append(head)
                word = word[len(head) :]
            candidate = f"{current} {word}" if current else word
            if dlen(candidate) <= limit:
                current = candidate
            else:
                pieces.append(current)
                current = word
        pieces.append(current)
    # merge back lines that fit together
    merged: list[str] = []
    for piece in pieces:
        if merged and dlen(merged[-1]) + 1 + dlen(piece) <= limit:
            merged[-1] = f"{merged[-1]}\n{piece}"
        else:
            merged.append(piece)
    return [m for m in merged if m.strip()] or [""]


# --------------------------------------------------------------------------------------------------------- blocks


@dataclass
class _Text:
    """Description text made of units that may be split across pages: `head` + units joined + `tail`.

    A continued block starts with `cont_head` instead of `head`."""

    units: list[str]
    joiner: str = "\n"
    head: str = ""
    tail: str = ""
    cont_head: str | None = None

    def _head(self, continued: bool) -> str:
        return self.cont_head if continued and self.cont_head is not None else self.head

    def render(self, units: Sequence[str], continued: bool) -> str:
        return self._head(continued) + self.joiner.join(units) + self.tail

    def fitting(self, units: Sequence[str], continued: bool, room: int) -> int:
        """How many leading units fit in `room` characters once rendered."""
        size = dlen(self._head(continued)) + dlen(self.tail)
        for n, unit in enumerate(units):
            size += dlen(unit) + (dlen(self.joiner) if n else 0)
            if size > room:
                return n
        return len(units)


@dataclass
class _Field:
    name: str
    value: str
    inline: bool = False


_Block = _Text | _Field


@dataclass
class _Page:
    parts: list[str] = field(default_factory=list)
    fields: list[_Field] = field(default_factory=list)

    @property
    def description(self) -> str:
        return "\n\n".join(self.parts)

    def empty(self) -> bool:
        return not self.parts and not self.fields


def _verdict_block(verdict: str) -> _Text:
    return _Text(units=split_text(escape(verdict), 500), joiner=" ")


def _is_comparison(table: Table, intent: str) -> bool:
    """The compare intent's table: a metric column, then one column per model (two or three), then 'Better'."""
    if intent != "compare" or not table.columns or table.columns[0].key != "metric":
        return False
    models = [c for c in table.columns[1:] if c.key != "winner"]
    return 2 <= len(models) <= 3


def _fields_from_lines(name: str, lines: list[str], inline: bool) -> list[_Field]:
    """One field of `lines`, continued in more fields when the value would pass 1,024."""
    name = " ".join(name.split()) or "\u200b"  # Discord rejects a blank field name; names are one line
    out: list[_Field] = []
    current: list[str] = []
    for line in lines:
        for piece in split_text(line, FIELD_VALUE):
            if current and dlen("\n".join(current + [piece])) > FIELD_VALUE:
                out.append(_Field(name, "\n".join(current), inline))
                current = []
            current.append(piece)
    if current or not out:
        out.append(_Field(name, "\n".join(current).strip() or "\u200b", inline))
    for i, f in enumerate(out[1:], start=2):
        f.name = clip(f"{name} ({i})", FIELD_NAME)
    out[0].name = clip(name, FIELD_NAME)
    return out


def _comparison_blocks(table: Table) -> list[_Block]:
    """A field per model, side by side: '**Metric** value' lines; then the 'Better' column as its own field."""
    metric = 0
    models = [i for i, c in enumerate(table.columns) if i != metric and c.key != "winner"]
    winner = next((i for i, c in enumerate(table.columns) if c.key == "winner"), None)
    blocks: list[_Block] = []
    if table.title:
        blocks.append(_Text(units=[f"**{escape(table.title)}**"]))
    for i in models:
        lines = [f"**{escape(row[metric].text)}** {escape(row[i].text)}" for row in table.rows]
        blocks += _fields_from_lines(escape(table.columns[i].label) or "\u200b", lines, inline=True)
    if winner is not None:
        lines = [f"**{escape(row[metric].text)}** {escape(row[winner].text)}" for row in table.rows if row[winner].text]
        if lines:
            blocks += _fields_from_lines(escape(table.columns[winner].label) or "Better", lines, inline=False)
    return blocks


def _record_blocks(table: Table) -> list[_Block]:
    """A field per row ('**Column** value' lines), for short tables that would lose columns in monospace."""
    blocks: list[_Block] = []
    if table.title:
        blocks.append(_Text(units=[f"**{escape(table.title)}**"]))
    for row in table.rows:
        name = row[0].text or "\u200b"
        lines = [
            f"**{escape(col.label)}** {escape(cell.text)}"
            for col, cell in list(zip(table.columns, row))[1:]
            if cell.text
        ]
        if dlen(name) > FIELD_NAME // 2:  # a name too long for a field name is said in full in the value
            lines.insert(0, f"**{escape(table.columns[0].label)}** {escape(name)}")
        blocks += _fields_from_lines(escape(name), lines or ["\u200b"], inline=False)
    return blocks


def _monospace_block(table: Table, width: int) -> _Text:
    """A table that fits `width` as it is: aligned rows in a code block, its title in bold above."""
    lines = [code_safe(line) for line in table_lines(table, width)]
    if table.title:
        lines = lines[1:]  # table_lines starts with the title; it goes above the code block instead
        head = f"**{escape(table.title)}**\n"
        cont_head = f"**{escape(table.title)}** (continued)\n"
    else:
        head, cont_head = "", ""
    header = "\n".join(lines[:2])
    return _Text(
        units=lines[2:] or ["(no rows)"],
        head=f"{head}```\n{header}\n",
        cont_head=f"{cont_head}```\n{header}\n",
        tail="\n```",
    )


def _drop_to_fit(table: Table, indexes: list[int], width: int) -> tuple[list[int], list[int]]:
    """The columns kept and dropped: droppable ones (priority > 1, highest first) go until the rest fit `width`.
    Nothing is shortened; a line still too wide wraps in Discord rather than losing text."""
    keep = list(indexes)

    def total() -> int:
        return sum(max([len(table.columns[i].label)] + [len(r[i].text) for r in table.rows]) for i in keep) + 2 * (
            len(keep) - 1
        )

    while keep and total() > width:
        droppable = [i for i in keep if table.columns[i].priority > 1]
        if not droppable:
            break
        keep.remove(max(droppable, key=lambda i: (table.columns[i].priority, i)))
    return keep, [i for i in indexes if i not in keep]


def _stacked_block(table: Table, width: int) -> tuple[_Text, list[str]]:
    """A table too wide for one line a row, as two: the row's names (rank, model, provider: its text columns) in
    full, then its numbers aligned under a header (a table of text only: its first column, then the others).
    Names are never shortened; numeric columns the core marks as droppable go first (returned, to be named)."""
    names = [i for i, c in enumerate(table.columns) if c.unit == "text" or c.key == "rank"]
    if len(names) == len(table.columns):
        names = [0]
    values = [i for i in range(len(table.columns)) if i not in names]
    indent = "   "
    keep, dropped = _drop_to_fit(table, values, width - len(indent))
    widths = {i: max([len(table.columns[i].label)] + [len(r[i].text) for r in table.rows]) for i in keep}

    def line(cells: list[str]) -> str:
        out = [
            cells[i].rjust(widths[i]) if table.columns[i].align == "right" else cells[i].ljust(widths[i]) for i in keep
        ]
        return code_safe(indent + "  ".join(out).rstrip())

    vertical = sum(widths.values()) + 2 * (len(keep) - 1) > width - len(indent)
    if vertical:  # one value a line: every column fits, none needs dropping
        keep, dropped = values, []
    label_width = max((len(table.columns[i].label) for i in keep), default=0)

    def values(row: list[Cell]) -> str:
        if not keep:
            return ""
        if vertical:  # still too wide: one value a line, under its label
            return "".join(
                code_safe(f"\n{indent}{table.columns[i].label.ljust(label_width)}  {row[i].text}".rstrip())
                for i in keep
                if row[i].text
            )
        return "\n" + line([c.text for c in row])

    units = []
    for row in table.rows:
        parts = [row[i].text for i in names if table.columns[i].key != "rank" and row[i].text]
        rank = next((row[i].text for i in names if table.columns[i].key == "rank" and row[i].text), "")
        heading = (f"{rank}. " if rank else "") + " · ".join(parts)
        units.append(code_safe(heading) + values(row))
    label = " · ".join(table.columns[i].label for i in names if table.columns[i].key != "rank")
    header = code_safe(label) + ("\n" + line([c.label for c in table.columns]) if keep and not vertical else "")
    title = f"**{escape(table.title)}**\n" if table.title else ""
    cont = f"**{escape(table.title)}** (continued)\n" if table.title else ""
    head = f"```\n{header}\n" if header.strip() else "```\n"
    hidden = [table.columns[i].label or table.columns[i].key for i in dropped]
    return _Text(units=units, head=title + head, cont_head=cont + head, tail="\n```"), hidden


def _flat_width(table: Table) -> int:
    """Columns a table needs on one line a row, every cell in full."""
    widths = [max([len(c.label)] + [len(r[i].text) for r in table.rows]) for i, c in enumerate(table.columns)]
    return sum(widths) + GAP * (len(widths) - 1)


def _table_blocks(table: Table, width: int, intent: str = "") -> tuple[list[_Block], list[str]]:
    """The blocks for one table, and the labels of columns it hides to fit.

    In order: a comparison of two or three models as fields; a table that fits `width` as it is, in monospace;
    a short one (up to three rows) as a field per row; else two lines a row (names, then numbers) in monospace.
    No cell is ever shortened: only columns the core marks as droppable are dropped, and they are named."""
    if _is_comparison(table, intent):
        return _comparison_blocks(table), []
    if _flat_width(table) <= width:
        return [_monospace_block(table, width)], []
    if 0 < len(table.rows) <= 3:
        return _record_blocks(table), []
    block, hidden = _stacked_block(table, width)
    return [block], hidden


# -------------------------------------------------------------------------------------------------------- packing


def _pack(
    blocks: list[_Block], title_len: int, first_footer: int, footer: int, description: int, allow_fields: bool = True
) -> list[_Page]:
    """Fill pages in order; a text block that does not fit continues on the next page."""
    pages = [_Page()]

    def budget_left(page: _Page, footer_len: int) -> tuple[int, int]:
        used_desc = dlen(page.description)
        used_fields = sum(dlen(f.name) + dlen(f.value) for f in page.fields)
        total_left = TOTAL - title_len - footer_len - used_desc - used_fields
        return description - used_desc, total_left

    def footer_len() -> int:
        return first_footer if len(pages) == 1 else footer

    for block in blocks:
        if isinstance(block, _Field) and allow_fields:
            page = pages[-1]
            _, total_left = budget_left(page, footer_len())
            if len(page.fields) >= FIELDS or dlen(block.name) + dlen(block.value) > total_left:
                pages.append(_Page())
                page = pages[-1]
            page.fields.append(block)
            continue
        if isinstance(block, _Field):  # plain-text mode: a field becomes a paragraph
            block = _Text(units=split_text(block.value, 1500), head=f"**{block.name}**\n")
        units = list(block.units)
        continued = False
        while units:
            page = pages[-1]
            if page.fields:  # text after fields would show above them: start a new page
                pages.append(_Page())
                continue
            desc_left, total_left = budget_left(page, footer_len())
            sep = 2 if page.parts else 0
            room = min(desc_left, total_left) - sep
            n = block.fitting(units, continued, room)
            if n < len(units) and not page.empty() and n < MIN_SPLIT_ROWS:
                pages.append(_Page())
                continue
            if n == 0:  # a unit too big for an empty page: cannot happen with pre-split units, but never loop
                units[0] = units[0][: max(1, room - dlen(block.render([], continued)) - 1)]
                n = 1
            page.parts.append(block.render(units[:n], continued))
            units = units[n:]
            continued = True
            if units:
                pages.append(_Page())
    return [p for p in pages if not p.empty()] or [_Page()]


# ------------------------------------------------------------------------------------------------------- rendering


@dataclass
class _Layout:
    blocks: list[_Block]
    notes: list[str]
    hidden: list[str]
    span: str | None


def _layout(answer: Answer, width: int) -> _Layout:
    first_part = answer.offset == 0
    blocks: list[_Block] = []
    if answer.verdict and first_part:
        blocks.append(_verdict_block(answer.verdict))
    hidden: list[str] = []
    for table in answer.tables:
        table_blocks, table_hidden = _table_blocks(table, width, answer.intent)
        blocks += table_blocks
        hidden += [h for h in table_hidden if h not in hidden]
    if answer.suggestions:
        label = "Try" if answer.error else "Reply to this message to refine it"
        blocks += _fields_from_lines(label, [f"`{code_safe(s)}`" for s in answer.suggestions], inline=False)
    notes = [plain(n) for n in answer.note_texts()] if first_part else []
    if answer.error_id:
        notes.insert(0, f"Error id: {answer.error_id}")
    span = None
    if answer.total > len(answer.rows) and answer.rows:
        span = f"Rows {answer.offset + 1}-{answer.offset + len(answer.rows)} of {answer.total}"
    return _Layout(blocks, notes, hidden, span)


def _footer_notes(layout: _Layout, budget: int) -> tuple[list[str], list[str]]:
    """Notes (and the hidden-columns line) that fit the first page's footer, and the rest."""
    lines = [n if n.startswith("Error id:") else f"• {n}" for n in layout.notes]
    if layout.hidden:  # first, so that it is always in the footer
        lines.insert(0, "Columns hidden to fit Discord: " + ", ".join(layout.hidden) + ".")
    kept: list[str] = []
    for i, line in enumerate(lines):
        if dlen("\n".join(kept + [line])) > budget:
            return kept, lines[i:]
        kept.append(line)
    return kept, []


PAGE_LINE_RESERVE = 64  # "Page 12/13 · Rows 1,001-1,015 of 10,000"


def _title(answer: Answer) -> str:
    return clip(answer.title or "whichmodel", TITLE)


def _colour(answer: Answer) -> discord.Colour:
    if answer.error_id:
        return ERROR_COLOR
    return HELP_COLOR if answer.error else COLOR


def answer_embeds(answer: Answer, width: int = TABLE_WIDTH) -> list[discord.Embed]:
    """The answer as one or more embeds, each within every Discord limit, in reading order."""
    layout = _layout(answer, width)
    title = _title(answer)
    notes, overflow = _footer_notes(layout, FOOTER - PAGE_LINE_RESERVE - 1)
    blocks = list(layout.blocks)
    if overflow:
        blocks.append(
            _Text(units=[escape(line) for line in overflow], head="**Notes**\n", cont_head="**Notes** (continued)\n")
        )
    first_footer = dlen("\n".join(notes)) + 1 + PAGE_LINE_RESERVE
    pages = _pack(blocks, dlen(title), first_footer, PAGE_LINE_RESERVE, DESCRIPTION)
    embeds = []
    for i, page in enumerate(pages):
        embed = discord.Embed(title=title, description=page.description or None, colour=_colour(answer))
        for f in page.fields:
            embed.add_field(name=f.name, value=f.value, inline=f.inline)
        status = " · ".join(s for s in (f"Page {i + 1}/{len(pages)}" if len(pages) > 1 else None, layout.span) if s)
        footer = "\n".join((notes if i == 0 else []) + ([status] if status else []))
        if footer:
            embed.set_footer(text=footer)
        embeds.append(embed)
    return embeds


def answer_texts(answer: Answer, width: int = TABLE_WIDTH) -> list[str]:
    """The answer as plain message contents of at most 2,000 characters each, for channels without Embed Links."""
    layout = _layout(answer, width)
    blocks: list[_Block] = [_Text(units=[f"**{escape(_title(answer))}**"])]
    blocks += layout.blocks
    lines = [f"• {escape(n)}" for n in layout.notes]
    if layout.hidden:
        lines.append("Columns hidden to fit Discord: " + escape(", ".join(layout.hidden)) + ".")
    if lines:
        blocks.append(_Text(units=[f"-# {line}" for line in lines]))
    pages = _pack(blocks, 0, 0, 0, CONTENT - PAGE_LINE_RESERVE, allow_fields=False)
    out = []
    for i, page in enumerate(pages):
        status = " · ".join(s for s in (f"Page {i + 1}/{len(pages)}" if len(pages) > 1 else None, layout.span) if s)
        out.append(page.description + (f"\n-# {status}" if status else ""))
    return out


def answer_pages(answer: Answer, mode: Mode = "e") -> list[discord.Embed] | list[str]:
    return answer_texts(answer) if mode == "t" else answer_embeds(answer)


# ----------------------------------------------------------------------------------------------- short messages


def cooldown_text(seconds: float) -> str:
    wait = max(1, round(seconds))
    unit = "second" if wait == 1 else "seconds"
    return f"You're asking faster than I can keep up. Please try again in {wait} {unit}."


EXPIRED_TEXT = (
    "I no longer have that answer (I keep recent ones only, and I may have restarted). Ask again to see more."
)

ALREADY_SHOWN_TEXT = "That page is already shown below."


# ------------------------------------------------------------------------------------------------ "Show more" ids

MORE_PREFIX = "whichmodel:more"
MORE_TEMPLATE = rf"{MORE_PREFIX}:(?P<key>[0-9]{{1,20}}):(?P<offset>[0-9]{{1,7}}):(?P<page>[0-9]{{1,4}}):(?P<mode>[et])"


@dataclass(frozen=True)
class More:
    """What a "Show more" button shows: page `page` of the answer for the query stored under `key`, from row
    `offset`. Everything is in the custom_id, so a button keeps working as long as the query is remembered."""

    key: int
    offset: int
    page: int
    mode: Mode = "e"

    def custom_id(self) -> str:
        return f"{MORE_PREFIX}:{self.key}:{self.offset}:{self.page}:{self.mode}"

    @classmethod
    def parse(cls, custom_id: str) -> More | None:
        match = re.fullmatch(MORE_TEMPLATE, custom_id)
        if match is None:
            return None
        return cls(int(match["key"]), int(match["offset"]), int(match["page"]), match["mode"])  # type: ignore[arg-type]


def next_page(answer: Answer, key: int, page: int, pages: int, mode: Mode = "e") -> More | None:
    """Where "Show more" under page `page` of `pages` leads: the next page, else the core's next rows, else nowhere."""
    if page + 1 < pages:
        return More(key, answer.offset, page + 1, mode)
    if answer.has_more and not answer.error and answer.rows:
        return More(key, answer.offset + len(answer.rows), 0, mode)
    return None


def more_label(answer: Answer, target: More) -> str:
    """The button's label: the next page, or the next rows."""
    if target.offset != answer.offset:
        shown = answer.offset + len(answer.rows)
        return clip(f"Show more ({answer.total - shown} more rows)", BUTTON_LABEL)
    return "Show more"
