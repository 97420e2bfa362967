"""Markdown: GitHub-flavoured tables, notes as a list."""

from __future__ import annotations

from bot.contract.answer import Answer, Table


def escape(text: str) -> str:
    """Text safe inside Markdown (no table breaks, no stray emphasis or HTML)."""
    for ch in "\\`*_[]<>|":
        text = text.replace(ch, "\\" + ch)
    return text.replace("\n", " ")


def table_markdown(table: Table) -> list[str]:
    head = "| " + " | ".join(escape(c.label) or " " for c in table.columns) + " |"
    rule = "|" + "|".join("---:" if c.align == "right" else "---" for c in table.columns) + "|"
    lines = [f"**{escape(table.title)}**", ""] if table.title else []
    lines += [head, rule]
    lines += ["| " + " | ".join(escape(cell.text) for cell in row) + " |" for row in table.rows]
    return lines


def render_markdown(answer: Answer) -> str:
    out = [f"### {escape(answer.title)}", ""]
    if answer.verdict:
        out += [escape(answer.verdict), ""]
    for table in answer.tables:
        out += table_markdown(table) + [""]
    if answer.notes:
        out += [f"- {escape(n.text)}" for n in answer.notes] + [""]
    if answer.suggestions:
        out.append("Try: " + " · ".join(f"`{s}`" for s in answer.suggestions))
    return "\n".join(out).rstrip() + "\n"
