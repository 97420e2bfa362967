"""Native Slack charts (Block Kit's `data_visualization` block) for recommendations and comparisons.

A bar chart of each row's monthly cost (at the user's volume, else at 10M tokens a month; the title says which)
and, where the rows have task scores and the message has room, a second bar chart of those scores. Built from
the platform-free Answer only: the cost is the one the core worked out (`Row.costs_at` / `Row.monthly_cost`),
never recomputed here. Rows with no price or no score are left out of that chart, and a context line says so,
with the sources and dates of the numbers shown.

The block's limits (docs.slack.dev/reference/block-kit/blocks/data-visualization-block): a title of 50
characters; a bar chart of 1 to 6 series, each of 1 to 20 data points whose labels (20 characters) are the
axis categories, in order and unique; axis labels of 50 characters; at most two charts a message.
"""

from __future__ import annotations

from typing import Any

from adapters.slack.blocks import MAX_BLOCKS, SlackMessage, clip, escape, mrkdwn
from bot.contract.answer import Answer, Row
from bot.render import fmt
from bot.render.chart.points import DEFAULT_VOLUME, footer, row_cost, volume_label
from bot.render.wording import task_name

CHART_BLOCK = "data_visualization"
CHART_NOTE_ID = "whichmodel_chart_note"  # the context line under the charts: dropped with them
CHART_INTENTS = frozenset({"recommend", "compare"})
MAX_CHARTS = 2  # a message
MAX_CHART_TITLE = 50
MAX_AXIS_LABEL = 50
MAX_POINT_LABEL = 20  # a data point's label and an axis category
MAX_SERIES_NAME = 20
MAX_POINTS = 20  # a series


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def short_labels(rows: list[Row]) -> list[str]:
    """One unique label of at most 20 characters per row: the model id, cut with an ellipsis; with the provider
    (cut to fit) when the id is there twice; with a number when two labels are still alike."""
    ids = [r.model for r in rows]
    labels: list[str] = []
    for row in rows:
        label = _cut(row.model, MAX_POINT_LABEL)
        if ids.count(row.model) > 1 and row.provider:
            suffix = _cut(f" @{row.provider}", MAX_POINT_LABEL // 2)
            label = _cut(row.model, MAX_POINT_LABEL - len(suffix)) + suffix
        base, n = label, 2
        while label in labels:
            label = _cut(base, MAX_POINT_LABEL - len(f" {n}")) + f" {n}"
            n += 1
        labels.append(label)
    return labels


def chart_value(usd: float) -> float:
    """A cost as a bar's value: cents from a dollar up, three significant digits below (a $0.004 bar is not 0)."""
    return round(usd, 2) if abs(usd) >= 1 else float(f"{usd:.3g}")


def _bar_chart(title: str, series: str, y_label: str, points: list[tuple[str, float]]) -> dict[str, Any]:
    return {
        "type": CHART_BLOCK,
        "title": title[:MAX_CHART_TITLE],
        "chart": {
            "type": "bar",
            "series": [
                {
                    "name": series[:MAX_SERIES_NAME],
                    "data": [{"label": label, "value": value} for label, value in points],
                }
            ],
            "axis_config": {"categories": [label for label, _ in points], "y_label": y_label[:MAX_AXIS_LABEL]},
        },
    }


def _volume_words(answer: Answer, label: str) -> tuple[str, bool]:
    """'50M tokens/mo' and whether it is the user's volume (else the 10M tokens a month default)."""
    given = answer.query.tokens_per_month is not None or label != f"{fmt.tokens(DEFAULT_VOLUME)}/mo"
    return label.removesuffix("/mo") + " tokens/mo", given


def _left_out(count: int, why: str, names: list[str]) -> str:
    listed = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
    return f"{count} left out of the {why} ({listed})"


def chart_blocks(answer: Answer) -> list[dict[str, Any]]:
    """The chart blocks for `answer` (none for other intents, errors, or rows with nothing to plot), then one
    context line: the default volume when none was given, what was left out and why, the sources and dates."""
    if answer.error or answer.intent not in CHART_INTENTS or not answer.rows:
        return []
    rows = answer.rows[:MAX_POINTS]
    labels = short_labels(rows)
    label = volume_label(rows)
    volume, given = _volume_words(answer, label)
    costs = [(lab, row_cost(r, label)) for lab, r in zip(labels, rows)]
    priced = [(lab, chart_value(c)) for lab, c in costs if c is not None]
    blocks: list[dict[str, Any]] = []
    notes: list[str] = []
    if priced:
        title = f"Monthly cost at {volume}" + ("" if given else " (no volume given)")
        blocks.append(_bar_chart(title, "USD a month", "USD a month", priced))
        if not given:
            notes.append(f"No volume given: costs are at {fmt.tokens(DEFAULT_VOLUME)} tokens a month.")
    no_cost = [lab for lab, c in costs if c is None]
    if no_cost:
        notes.append(_left_out(len(no_cost), "cost chart: no price", no_cost) + ".")
    task = next((r.task for r in rows if r.task_score is not None), answer.query.task)
    scored = [(lab, r.task_score) for lab, r in zip(labels, rows) if r.task_score is not None]
    if scored and len(blocks) < MAX_CHARTS:
        name = task_name(task).capitalize()
        blocks.append(_bar_chart(f"{name} score (0-100)", f"{name} score", "Score (0-100)", scored))
        unscored = [lab for lab, r in zip(labels, rows) if r.task_score is None]
        if unscored:
            notes.append(_left_out(len(unscored), "score chart: no score", unscored) + ".")
    if not blocks:
        return []
    if len(answer.rows) > len(rows):
        notes.append(f"Charts show the first {len(rows)} of {len(answer.rows)} rows.")
    sources = footer(answer)
    if sources:
        notes.append(sources)
    text = clip(escape(" ".join(notes)), 2000)
    note = {"type": "context", "block_id": CHART_NOTE_ID, "elements": [mrkdwn(text)]}
    return blocks + ([note] if text else [])


def with_charts(message: SlackMessage, answer: Answer) -> SlackMessage:
    """`message` with the answer's charts after its table (before the notes), when they fit in 50 blocks."""
    charts = chart_blocks(answer)
    if not charts or len(message.blocks) + len(charts) > MAX_BLOCKS:
        return message
    blocks = message.blocks
    at = next((i + 1 for i in range(len(blocks) - 1, -1, -1) if blocks[i].get("type") == "table"), None)
    if at is None:
        at = next((i for i, b in enumerate(blocks) if b.get("type") in ("context", "actions")), len(blocks))
    return SlackMessage(message.text, [*blocks[:at], *charts, *blocks[at:]], message.full_table)


def without_charts(message: SlackMessage) -> SlackMessage:
    """`message` less its charts and their context line (what a workspace that refuses charts gets)."""
    out = [b for b in message.blocks if b.get("type") != CHART_BLOCK and b.get("block_id") != CHART_NOTE_ID]
    return message if len(out) == len(message.blocks) else SlackMessage(message.text, out, message.full_table)


def has_charts(message: SlackMessage) -> bool:
    return any(b.get("type") == CHART_BLOCK for b in message.blocks)
