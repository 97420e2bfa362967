"""A cost-versus-quality scatter of an Answer's rows, as PNG: `scatter(answer)`.

The plotting library (matplotlib, the `chart` extra) is imported only when a chart is drawn, so the core and
the cold `whichmodel ask` never load it.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.contract.answer import Answer
from bot.render.chart.points import chart_data

EXTRA_HINT = "Charts need the chart extra: pip install 'whichmodel[chart]'."


@dataclass(frozen=True)
class Chart:
    """A PNG, or None and the reason there is none; `note` says what was shown or left out."""

    png: bytes | None
    note: str


def scatter(answer: Answer) -> Chart:
    """The answer's rows as cost (at the answer's volume, log scale) against task score, the pick marked."""
    if answer.error:
        return Chart(None, "No chart: the answer has no models to plot.")
    data = chart_data(answer)
    if len(data.points) < 2:
        why = f"; left out: {data.left_out}" if data.left_out else ""
        return Chart(None, f"No chart: it needs two or more models with a cost and a score{why}.")
    try:
        from bot.render.chart.draw import draw_png

        return Chart(draw_png(data), data.subtitle)
    except ModuleNotFoundError as exc:
        if (exc.name or "").split(".")[0] != "matplotlib":
            raise
        return Chart(None, EXTRA_HINT)
