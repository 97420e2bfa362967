"""Discord embeds from the core's `Answer`: pure functions, no client, no network.

One embed per message: the title, the verdict as the description, each table as a monospace code block or as
fields (`adapters/discord/blocks.py`), the notes in the footer. An answer longer than one embed is split into pages
that each keep every Discord limit; the adapter shows page 1 and a "Show more" button for the next one, so nothing
is cut silently. Columns a table drops to fit (the core's low-priority ones) are named in the footer. Buttons carry
a `Press`: a short id into the state store, the page and the mode, within Discord's 100-character custom_id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

import discord

from adapters.chat.actions import Button, answer_buttons
from adapters.chat.state import ChatState
from adapters.discord.blocks import Block, TextBlock, fields_from_lines, pack, table_blocks, verdict_block
from adapters.discord.markup import (
    BUTTON_LABEL,
    COLOR,
    CONTENT,
    DESCRIPTION,
    ERROR_COLOR,
    FOOTER,
    HELP_COLOR,
    TABLE_WIDTH,
    TITLE,
    clip,
    code_safe,
    dlen,
    escape,
    plain,
)
from bot.contract.answer import Answer

Mode = Literal["e", "t"]  # embed pages, or plain-text pages (when the channel forbids embeds)

# ------------------------------------------------------------------------------------------------------- rendering


@dataclass
class _Layout:
    blocks: list[Block]
    notes: list[str]
    hidden: list[str]
    span: str | None


def _layout(answer: Answer, width: int) -> _Layout:
    first_part = answer.offset == 0
    blocks: list[Block] = []
    if answer.verdict and first_part:
        blocks.append(verdict_block(answer.verdict))
    hidden: list[str] = []
    for table in answer.tables:
        parts, table_hidden = table_blocks(table, width, answer.intent)
        blocks += parts
        hidden += [h for h in table_hidden if h not in hidden]
    if answer.suggestions:
        label = "Try" if answer.error else "Reply to this message to refine it"
        blocks += fields_from_lines(label, [f"`{code_safe(s)}`" for s in answer.suggestions], inline=False)
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
            TextBlock(
                units=[escape(line) for line in overflow], head="**Notes**\n", cont_head="**Notes** (continued)\n"
            )
        )
    first_footer = dlen("\n".join(notes)) + 1 + PAGE_LINE_RESERVE
    pages = pack(blocks, dlen(title), first_footer, PAGE_LINE_RESERVE, DESCRIPTION)
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
    blocks: list[Block] = [TextBlock(units=[f"**{escape(_title(answer))}**"])]
    blocks += layout.blocks
    lines = [f"• {escape(n)}" for n in layout.notes]
    if layout.hidden:
        lines.append("Columns hidden to fit Discord: " + escape(", ".join(layout.hidden)) + ".")
    if lines:
        blocks.append(TextBlock(units=[f"-# {line}" for line in lines]))
    pages = pack(blocks, 0, 0, 0, CONTENT - PAGE_LINE_RESERVE, allow_fields=False)
    out = []
    for i, page in enumerate(pages):
        status = " · ".join(s for s in (f"Page {i + 1}/{len(pages)}" if len(pages) > 1 else None, layout.span) if s)
        out.append(page.description + (f"\n-# {status}" if status else ""))
    return out


def answer_pages(answer: Answer, mode: Mode = "e") -> list[discord.Embed] | list[str]:
    return answer_texts(answer) if mode == "t" else answer_embeds(answer)


# ------------------------------------------------------------------------------------------------------- buttons

BUTTON_PREFIX = "whichmodel:"
BUTTON_TEMPLATE = r"whichmodel:(?P<rest>\S{1,89})"  # every id this bot ever made, old "Show more" ones too
_PRESS = re.compile(r"whichmodel:(?P<id>[A-Za-z0-9_-]{8,32}):(?P<page>[0-9]{1,4}):(?P<mode>[et])")


@dataclass(frozen=True)
class Press:
    """What a button asks for: the stored action `action_id`, shown from embed page `page`, in `mode`."""

    action_id: str
    page: int = 0
    mode: Mode = "e"

    def custom_id(self) -> str:
        return f"{BUTTON_PREFIX}{self.action_id}:{self.page}:{self.mode}"

    @classmethod
    def parse(cls, custom_id: str) -> Press | None:
        """The press a custom_id stands for, or None (a foreign, malformed or pre-state-store id)."""
        match = _PRESS.fullmatch(custom_id)
        if match is None:
            return None
        return cls(match["id"], int(match["page"]), match["mode"])  # type: ignore[arg-type]


@dataclass(frozen=True)
class PageButton:
    """A button to draw under a page: its label and what it asks for."""

    label: str
    press: Press


def more_label(answer: Answer) -> str:
    """The label of the button that fetches the core's next rows."""
    shown = answer.offset + len(answer.rows)
    return clip(f"Show more ({answer.total - shown} more rows)", BUTTON_LABEL)


def page_buttons(answer: Answer, page: int, pages: int, mode: Mode, state: ChatState | None) -> list[PageButton]:
    """The buttons under page `page` of `pages`: "Show more" to the next page of this answer, else to the core's
    next rows; on the first page also the answer's other actions (compare the top 2, best quality instead...)."""
    if state is None or answer.error:
        return []
    out: list[PageButton] = []
    if page + 1 < pages:
        out.append(PageButton("Show more", Press(state.save_action(answer.query, answer.offset), page + 1, mode)))
    else:
        out += [_page_button(b, mode, more_label(answer)) for b in answer_buttons(answer, state, kinds=("more",))]
    if page == 0:
        others = tuple(a.kind for a in answer.actions if a.kind != "more")
        out += [_page_button(b, mode) for b in answer_buttons(answer, state, kinds=others)] if others else []
    return out


def _page_button(button: Button, mode: Mode, label: str | None = None) -> PageButton:
    return PageButton(clip(plain(label or button.label), BUTTON_LABEL), Press(button.action_id, 0, mode))
