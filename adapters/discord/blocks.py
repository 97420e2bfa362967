"""An answer's parts as Discord blocks (text that may continue on the next page, or fields) and the packing of
blocks into pages that each keep every embed limit. Tables become monospace code blocks, or fields: one per model
for a comparison of two or three models, one per row for a short table that would otherwise lose columns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from adapters.discord.markup import (
    FIELD_NAME,
    FIELD_VALUE,
    FIELDS,
    TOTAL,
    clip,
    code_safe,
    dlen,
    escape,
    split_text,
)
from bot.contract.answer import Cell, Table
from bot.render.layout import GAP
from bot.render.text import table_lines

MIN_SPLIT_ROWS = 3  # don't start a table with fewer rows at the bottom of a page when more follow


@dataclass
class TextBlock:
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
class FieldBlock:
    name: str
    value: str
    inline: bool = False


Block = TextBlock | FieldBlock


@dataclass
class Page:
    parts: list[str] = field(default_factory=list)
    fields: list[FieldBlock] = field(default_factory=list)

    @property
    def description(self) -> str:
        return "\n\n".join(self.parts)

    def empty(self) -> bool:
        return not self.parts and not self.fields


def verdict_block(verdict: str) -> TextBlock:
    return TextBlock(units=split_text(escape(verdict), 500), joiner=" ")


def _is_comparison(table: Table, intent: str) -> bool:
    """The compare intent's table: a metric column, then one column per model (two or three), then 'Better'."""
    if intent != "compare" or not table.columns or table.columns[0].key != "metric":
        return False
    models = [c for c in table.columns[1:] if c.key != "winner"]
    return 2 <= len(models) <= 3


def fields_from_lines(name: str, lines: list[str], inline: bool) -> list[FieldBlock]:
    """One field of `lines`, continued in more fields when the value would pass 1,024."""
    name = " ".join(name.split()) or "\u200b"  # Discord rejects a blank field name; names are one line
    out: list[FieldBlock] = []
    current: list[str] = []
    for line in lines:
        for piece in split_text(line, FIELD_VALUE):
            if current and dlen("\n".join(current + [piece])) > FIELD_VALUE:
                out.append(FieldBlock(name, "\n".join(current), inline))
                current = []
            current.append(piece)
    if current or not out:
        out.append(FieldBlock(name, "\n".join(current).strip() or "\u200b", inline))
    for i, f in enumerate(out[1:], start=2):
        f.name = clip(f"{name} ({i})", FIELD_NAME)
    out[0].name = clip(name, FIELD_NAME)
    return out


def _comparison_blocks(table: Table) -> list[Block]:
    """A field per model, side by side: '**Metric** value' lines; then the 'Better' column as its own field."""
    metric = 0
    models = [i for i, c in enumerate(table.columns) if i != metric and c.key != "winner"]
    winner = next((i for i, c in enumerate(table.columns) if c.key == "winner"), None)
    blocks: list[Block] = []
    if table.title:
        blocks.append(TextBlock(units=[f"**{escape(table.title)}**"]))
    for i in models:
        lines = [f"**{escape(row[metric].text)}** {escape(row[i].text)}" for row in table.rows]
        blocks += fields_from_lines(escape(table.columns[i].label) or "\u200b", lines, inline=True)
    if winner is not None:
        lines = [f"**{escape(row[metric].text)}** {escape(row[winner].text)}" for row in table.rows if row[winner].text]
        if lines:
            blocks += fields_from_lines(escape(table.columns[winner].label) or "Better", lines, inline=False)
    return blocks


def _record_blocks(table: Table) -> list[Block]:
    """A field per row ('**Column** value' lines), for short tables that would lose columns in monospace."""
    blocks: list[Block] = []
    if table.title:
        blocks.append(TextBlock(units=[f"**{escape(table.title)}**"]))
    for row in table.rows:
        name = row[0].text or "\u200b"
        lines = [
            f"**{escape(col.label)}** {escape(cell.text)}"
            for col, cell in list(zip(table.columns, row))[1:]
            if cell.text
        ]
        if dlen(name) > FIELD_NAME // 2:  # a name too long for a field name is said in full in the value
            lines.insert(0, f"**{escape(table.columns[0].label)}** {escape(name)}")
        blocks += fields_from_lines(escape(name), lines or ["\u200b"], inline=False)
    return blocks


def _monospace_block(table: Table, width: int) -> TextBlock:
    """A table that fits `width` as it is: aligned rows in a code block, its title in bold above."""
    lines = [code_safe(line) for line in table_lines(table, width)]
    if table.title:
        lines = lines[1:]  # table_lines starts with the title; it goes above the code block instead
        head = f"**{escape(table.title)}**\n"
        cont_head = f"**{escape(table.title)}** (continued)\n"
    else:
        head, cont_head = "", ""
    header = "\n".join(lines[:2])
    return TextBlock(
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


def _stacked_block(table: Table, width: int) -> tuple[TextBlock, list[str]]:
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
    return TextBlock(units=units, head=title + head, cont_head=cont + head, tail="\n```"), hidden


def _flat_width(table: Table) -> int:
    """Columns a table needs on one line a row, every cell in full."""
    widths = [max([len(c.label)] + [len(r[i].text) for r in table.rows]) for i, c in enumerate(table.columns)]
    return sum(widths) + GAP * (len(widths) - 1)


def table_blocks(table: Table, width: int, intent: str = "") -> tuple[list[Block], list[str]]:
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


def pack(
    blocks: list[Block], title_len: int, first_footer: int, footer: int, description: int, allow_fields: bool = True
) -> list[Page]:
    """Fill pages in order; a text block that does not fit continues on the next page."""
    pages = [Page()]

    def budget_left(page: Page, footer_len: int) -> tuple[int, int]:
        used_desc = dlen(page.description)
        used_fields = sum(dlen(f.name) + dlen(f.value) for f in page.fields)
        total_left = TOTAL - title_len - footer_len - used_desc - used_fields
        return description - used_desc, total_left

    def footer_len() -> int:
        return first_footer if len(pages) == 1 else footer

    for block in blocks:
        if isinstance(block, FieldBlock) and allow_fields:
            page = pages[-1]
            _, total_left = budget_left(page, footer_len())
            if len(page.fields) >= FIELDS or dlen(block.name) + dlen(block.value) > total_left:
                pages.append(Page())
                page = pages[-1]
            page.fields.append(block)
            continue
        if isinstance(block, FieldBlock):  # plain-text mode: a field becomes a paragraph
            block = TextBlock(units=split_text(block.value, 1500), head=f"**{block.name}**\n")
        units = list(block.units)
        continued = False
        while units:
            page = pages[-1]
            if page.fields:  # text after fields would show above them: start a new page
                pages.append(Page())
                continue
            desc_left, total_left = budget_left(page, footer_len())
            sep = 2 if page.parts else 0
            room = min(desc_left, total_left) - sep
            n = block.fitting(units, continued, room)
            if n < len(units) and not page.empty() and n < MIN_SPLIT_ROWS:
                pages.append(Page())
                continue
            if n == 0:  # a unit too big for an empty page: cannot happen with pre-split units, but never loop
                units[0] = units[0][: max(1, room - dlen(block.render([], continued)) - 1)]
                n = 1
            page.parts.append(block.render(units[:n], continued))
            units = units[n:]
            continued = True
            if units:
                pages.append(Page())
    return [p for p in pages if not p.empty()] or [Page()]
