"""What a cost-versus-quality chart shows, read from an Answer: points, the verdict's picks, words around them.

Pure data, no plotting library: the drawing (`bot.render.chart.draw`) lays this out. The cost is the one at
the volume the answer used (the user's, else 10M tokens a month); rows with no price, a free price (a log
axis has no zero) or no task score are left out and counted, so the chart can say so.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field

from bot.contract.answer import Answer, Row
from bot.render import fmt
from bot.render.wording import task_name

DEFAULT_VOLUME = 10_000_000
DEFAULT_LABEL = f"{fmt.tokens(DEFAULT_VOLUME)}/mo"  # the key the intents give costs_at at 10M tokens a month
MAX_LABEL = 24
FOOTER_WIDTH = 118

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Point:
    label: str
    cost: float
    score: float
    pick: str | None = None  # None, "pick" or "pick if cost matters"


@dataclass(frozen=True)
class ChartData:
    title: str
    subtitle: str
    x_label: str
    y_label: str
    footer: str
    points: list[Point] = field(default_factory=list)
    left_out: str = ""  # '5 free (no cost to place on a log axis)'

    @property
    def picks(self) -> list[Point]:
        return [p for p in self.points if p.pick]


def chart_data(answer: Answer) -> ChartData:
    """The points, picks and texts of the answer's cost-versus-score chart (points may be fewer than two)."""
    label = volume_label(answer.rows)
    task = next((r.task for r in answer.rows if r.task_score is not None), answer.query.task)
    volume = label.removesuffix("/mo") + " tokens/month"
    plotted: list[Row] = []
    left_out = {"no cost": 0, "free": 0, "no score": 0}
    for row in answer.rows:
        cost = row_cost(row, label)
        reason = "no cost" if cost is None else "free" if cost == 0 else "no score" if row.task_score is None else ""
        if reason:
            left_out[reason] += 1
        else:
            plotted.append(row)
    picks = _upgrade_pick(answer) or verdict_picks(answer.verdict or "", [r.model for r in plotted])
    if not picks and plotted and answer.intent == "recommend" and plotted[0] is answer.rows[0]:
        picks = {plotted[0].model: "pick"}
    names = short_names(plotted)
    points = [
        Point(names[i], row_cost(r, label) or 0.0, r.task_score or 0.0, picks.pop(r.model, None))
        for i, r in enumerate(plotted)
    ]
    assumed = "" if _volume_given(answer, label) else f"; no volume given, so {fmt.tokens(DEFAULT_VOLUME)} tokens/month"
    return ChartData(
        title=f"{task_name(task).capitalize()} score vs monthly cost at {volume}",
        subtitle=subtitle(len(points), left_out_text(left_out, task)) + assumed,
        x_label=f"Monthly cost at {volume} (USD, log scale)",
        y_label=f"{task_name(task).capitalize()} score (0-100)",
        footer=footer(answer),
        points=points,
        left_out=left_out_text(left_out, task),
    )


def volume_label(rows: list[Row]) -> str:
    """The costs_at key to plot: the answer's one volume, else 10M tokens a month, else its first."""
    labels = next((list(r.costs_at) for r in rows if r.costs_at), [])
    if len(labels) == 1:
        return labels[0]
    if DEFAULT_LABEL in labels or not labels:
        return DEFAULT_LABEL
    return labels[0]


def row_cost(row: Row, label: str) -> float | None:
    """The row's monthly cost at `label` (its own monthly cost when it has no table of costs)."""
    if label in row.costs_at:
        return row.costs_at[label]
    return row.monthly_cost if not row.costs_at else None


def _volume_given(answer: Answer, label: str) -> bool:
    return answer.query.tokens_per_month is not None or label != DEFAULT_LABEL


# how verdicts name the model to take (the intents' wording): {id} is the model id, group 1 an optional condition
_PICKS = (
    (r"\bPick {id}(?: \([^)]*\))?(?: (if \w+ matters|on price|for \w+))?", "pick"),
    (r"\bPick [^.]*?, {id} (for \w+)", "pick"),  # 'Pick A for quality, C for cost, B for value'
    (r"; pick {id}:", "pick"),
    (r"\bTry {id} instead", "try instead"),
    (r"\bStay on {id}", "stay"),
)


def verdict_picks(verdict: str, models: list[str]) -> dict[str, str]:
    """Models the verdict tells the user to take ("Pick X", "Try X instead", "Stay on X"), with the condition."""
    found: list[tuple[int, str, str]] = []
    for model in dict.fromkeys(models):
        model_id = re.escape(model) + r"(?![\w\-]|\.\w)"
        for pattern, word in _PICKS:
            match = re.search(pattern.format(id=model_id), verdict)
            if match:
                condition = match.group(1) if match.groups() and match.group(1) else ""
                found.append((match.start(), model, f"{word} {condition}".strip()))
                break
    return {model: what for _, model, what in sorted(found)}


def _upgrade_pick(answer: Answer) -> dict[str, str]:
    """'Should I upgrade from A to B?' answered yes: B is the pick."""
    query = answer.query
    if query.upgrade and len(query.models) == 2 and (answer.verdict or "").startswith("Yes"):
        return {query.models[1]: "upgrade"}
    return {}


def short_names(rows: list[Row]) -> list[str]:
    """A short label per row: the model id, cut to fit, with the provider when the id is there twice."""
    ids = [r.model for r in rows]
    names = []
    for row in rows:
        name = row.model if len(row.model) <= MAX_LABEL else row.model[: MAX_LABEL - 1] + "…"
        if ids.count(row.model) > 1 and row.provider:
            name += f" @{row.provider}"
        names.append(name)
    return names


def left_out_text(left_out: dict[str, int], task: str | None) -> str:
    """How many rows were left out and why: '2 with no cost at this volume, 1 with no coding score'."""
    reasons = {
        "no cost": "with no cost at this volume",
        "free": "free (no cost to place on a log axis)",
        "no score": f"with no {task_name(task)} score",
    }
    return ", ".join(f"{n} {reasons[key]}" for key, n in left_out.items() if n)


def subtitle(plotted: int, left_out: str) -> str:
    """How many models are shown, and how many were left out and why."""
    shown = f"{plotted} model{'s' if plotted != 1 else ''} shown"
    return shown + (f"; left out: {left_out}" if left_out else "")


def footer(answer: Answer) -> str:
    """The price and score sources with their dates, compact: 'Prices: models.dev 2026-05-21. Scores: ...'."""
    parts = []
    for text in answer.note_texts("data", "source"):
        head, sep, body = text.partition(":")
        if not sep or not head.startswith(("Prices", "Scores")):
            continue
        entries = [_source_entry(entry) for entry in body.split(";")]
        parts.append(f"{head.split()[0]}: " + "; ".join(e for e in entries if e) + ".")
    return "\n".join(textwrap.wrap(" ".join(parts), FOOTER_WIDTH, max_lines=3, placeholder=" …"))


def _source_entry(entry: str) -> str:
    """'LMArena (arena.ai) leaderboard dataset, CC BY 4.0 (2026-10-05)' -> 'LMArena 2026-10-05'."""
    name = re.split(r" \(|,| via ", entry.strip(), maxsplit=1)[0].strip().rstrip(".")
    dates = _DATE.findall(entry)
    return f"{name} {dates[-1]}" if dates else name
