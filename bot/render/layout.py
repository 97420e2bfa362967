"""Fitting a table into a width: drop low-priority columns first, then shorten wide headers, then cap the text
columns evenly."""

from __future__ import annotations

from bot.contract.answer import Table

GAP = 2
MIN_WIDTH = 8
ROW_LABEL = 24


def fit(table: Table, width: int) -> tuple[list[int], list[list[str]], list[str]]:
    """Indexes of the columns kept, the cell texts (shortened where needed) and the headers."""
    keep = list(range(len(table.columns)))
    texts = [[c.text for c in row] for row in table.rows]
    headers = [c.label for c in table.columns]

    def widths() -> dict[int, int]:
        return {i: max([len(headers[i])] + [len(r[i]) for r in texts]) for i in keep}

    def total() -> int:
        w = widths()
        return sum(w.values()) + GAP * (len(keep) - 1)

    while total() > width:
        droppable = [i for i in keep if table.columns[i].priority > 1]
        if not droppable:
            break
        keep.remove(max(droppable, key=lambda i: (table.columns[i].priority, i)))
    if total() > width:
        _short_headers(keep, texts, headers)  # "Classification score" over "50 (usable)" cells: "Score"
    if total() > width:
        textual = [i for i in keep if table.columns[i].unit == "text"] or keep
        if len(textual) > 1 and textual[0] == keep[0] and widths()[keep[0]] <= ROW_LABEL:
            textual = textual[1:]  # a short first column labels the rows: keep it whole
        others = [i for i in textual if table.columns[i].key != "model"]  # model names are cut last
        for group in ([others] if others and len(others) < len(textual) else []) + [textual]:
            if total() > width:
                _cap(group, keep, widths(), width, texts, headers)
    return keep, texts, headers


def _short_headers(keep: list[int], texts: list[list[str]], headers: list[str]) -> None:
    """A header of several words wider than every cell under it says its last word only."""
    for i in keep:
        cells = max((len(r[i]) for r in texts), default=0)
        words = headers[i].split()
        if len(headers[i]) > cells and len(words) > 1:
            headers[i] = words[-1].capitalize()


def _cap(textual: list[int], keep: list[int], w: dict[int, int], width: int, texts: list[list[str]], headers: list[str]) -> None:
    """Shorten the `textual` columns evenly (with an ellipsis) until the kept columns fit `width`."""
    fixed = sum(w[i] for i in keep if i not in textual) + GAP * (len(keep) - 1)
    cap = max(w[i] for i in textual)
    while cap > MIN_WIDTH and fixed + sum(min(w[i], cap) for i in textual) > width:
        cap -= 1
    for i in textual:
        for r in texts:
            if len(r[i]) > cap:
                r[i] = r[i][: cap - 1] + "…"
        if len(headers[i]) > cap:
            headers[i] = headers[i][: cap - 1] + "…"
