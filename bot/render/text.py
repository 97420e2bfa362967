"""Plain text for a terminal: tables that fit 100 columns."""

from __future__ import annotations

import textwrap

from bot.contract.answer import Answer, Table
from bot.render.layout import GAP, fit

WIDTH = 100


def table_lines(table: Table, width: int = WIDTH) -> list[str]:
    """A table as aligned lines no wider than `width`."""
    keep, texts, headers = fit(table, width)
    widths = {i: max([len(headers[i])] + [len(r[i]) for r in texts]) for i in keep}

    def line(cells: list[str]) -> str:
        out = []
        for i in keep:
            align = table.columns[i].align
            out.append(cells[i].rjust(widths[i]) if align == "right" else cells[i].ljust(widths[i]))
        return (" " * GAP).join(out).rstrip()

    lines = []
    if table.title:
        lines.append(table.title)
    lines.append(line(headers))
    lines.append((" " * GAP).join("-" * widths[i] for i in keep))
    lines += [line(r) for r in texts]
    return lines


def render_text(answer: Answer, width: int = WIDTH) -> str:
    """The whole answer as terminal text."""
    out = [answer.title, "=" * min(len(answer.title), width)]
    if answer.verdict:
        out += textwrap.wrap(answer.verdict, width) + [""]
    for table in answer.tables:
        out += table_lines(table, width) + [""]
    if answer.notes:
        out.append("Notes")
        for note in answer.notes:
            out += textwrap.wrap(note.text, width, initial_indent="- ", subsequent_indent="  ")
        out.append("")
    if answer.suggestions:
        tries = " | ".join(f'"{s}"' for s in answer.suggestions)
        out += textwrap.wrap("Try: " + tries, width, subsequent_indent="     ", break_on_hyphens=False)
    return "\n".join(out).rstrip() + "\n"
