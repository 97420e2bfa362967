"""The chart drawn as PNG with matplotlib (Agg, no pyplot), sized for a chat window.

matplotlib is imported inside `draw_png` only, so importing this module costs nothing and the core never
loads the plotting library unless a chart is asked for. Labels are placed by trying a few offsets around
each point and keeping the first that overlaps no other label or point and stays inside the axes.
"""

from __future__ import annotations

import io
import math
from typing import Any

from bot.render.chart.points import ChartData, Point

WIDTH_IN, HEIGHT_IN, DPI = 6.4, 4.4, 100  # 640 x 440 px: readable at chat size
PICK_COLOR, POINT_COLOR, TEXT_COLOR, FAINT = "#c0392b", "#2e6da4", "#222222", "#666666"
# label offsets in points around a point: right, left, above, below, then further out
OFFSETS = [(7, 4), (7, -11), (-7, 4), (-7, -11), (0, 9), (0, -16), (12, 14), (12, -20), (-12, 14), (-12, -20)]
OFFSETS += [(dx * 2, dy * 2) for dx, dy in OFFSETS[:6]]
NEAR = 6  # offsets past these get a thin leader line back to the point
STYLE = {"text.parse_math": False, "font.size": 8.5, "axes.edgecolor": FAINT}  # "$" is a dollar, not TeX


def draw_png(data: ChartData) -> bytes:
    """The chart as PNG bytes."""
    import matplotlib

    with matplotlib.rc_context(STYLE):
        fig = build_figure(data)
        out = io.BytesIO()
        fig.savefig(out, format="png", dpi=DPI)
    return out.getvalue()


def build_figure(data: ChartData) -> Any:
    """The chart as a matplotlib Figure on an Agg canvas, labels placed (call inside `rc_context(STYLE)`)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI)
    canvas = FigureCanvasAgg(fig)
    fig.subplots_adjust(left=0.1, right=0.97, top=0.84, bottom=0.2 if "\n" in data.footer else 0.18)
    ax = fig.add_subplot()
    _axes(ax, data)
    _points(ax, data.points)
    _texts(fig, data)
    _place_labels(ax, data.points, canvas.get_renderer())
    return fig


def _axes(ax: Any, data: ChartData) -> None:
    from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

    costs = [p.cost for p in data.points]
    scores = [p.score for p in data.points]
    lo, hi = min(costs), max(costs)
    spread = max(1.0, math.log10(hi / lo)) if lo > 0 else 1.0
    pad = 10 ** (0.18 * spread)
    ax.set_xscale("log")
    ax.set_xlim(lo / pad, hi * pad)
    low, high = min(scores), max(scores)
    margin = max(4.0, (high - low) * 0.18)
    bottom, top = max(0.0, low - margin), min(104.0, high + margin)
    ax.set_ylim(bottom, top)
    ax.set_yticks([t for t in ax.get_yticks() if bottom <= t <= 100])  # room above 100 for a label, no tick
    decades = math.log10(hi * pad / (lo / pad))
    subs = (1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0) if decades < 1.5 else (1.0, 2.0, 5.0) if decades < 3 else (1.0,)
    ax.xaxis.set_major_locator(LogLocator(base=10, subs=subs))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: _dollars(v)))
    ax.xaxis.set_minor_formatter(NullFormatter())
    ax.grid(True, which="major", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(labelsize=8, colors=TEXT_COLOR)
    ax.set_xlabel(data.x_label, fontsize=8.5, color=TEXT_COLOR)
    ax.set_ylabel(data.y_label, fontsize=8.5, color=TEXT_COLOR)


def _dollars(value: float) -> str:
    """A tick label: $0.05, $2, $30, $1.5k."""
    if value >= 1000:
        return f"${value / 1000:g}k"
    if value >= 1:
        return f"${value:g}"
    return f"${value:.2g}"


def _points(ax: Any, points: list[Point]) -> None:
    plain = [p for p in points if not p.pick]
    picked = [p for p in points if p.pick]
    ax.scatter([p.cost for p in plain], [p.score for p in plain], s=36, color=POINT_COLOR, alpha=0.9, zorder=3)
    ax.scatter(
        [p.cost for p in picked],
        [p.score for p in picked],
        s=230,
        marker="*",
        color=PICK_COLOR,
        edgecolors="white",
        linewidths=0.8,
        zorder=4,
    )


def _texts(fig: Any, data: ChartData) -> None:
    fig.text(0.015, 0.955, data.title, fontsize=11, fontweight="bold", color=TEXT_COLOR, va="center")
    key = ".  ★ = the verdict's pick" if data.picks else ""
    fig.text(0.015, 0.9, data.subtitle + key, fontsize=8, color=FAINT, va="center")
    fig.text(0.015, 0.012, data.footer, fontsize=6.5, color=FAINT, va="bottom", linespacing=1.3)


def _place_labels(ax: Any, points: list[Point], renderer: Any) -> None:
    """Label every point, picks first, at the first offset that collides with nothing already drawn."""
    inside = ax.get_window_extent(renderer)
    taken = [_marker_box(ax, p) for p in points]
    for point in sorted(points, key=lambda p: not p.pick):
        text = f"{point.label} ({point.pick})" if point.pick else point.label
        style = {"fontweight": "bold", "color": PICK_COLOR, "fontsize": 8.5} if point.pick else {"color": TEXT_COLOR}
        best, best_cost = None, math.inf
        for i, (dx, dy) in enumerate(OFFSETS):
            leader = {"arrowstyle": "-", "color": FAINT, "linewidth": 0.5, "shrinkA": 0} if i >= NEAR else None
            note = ax.annotate(
                text,
                (point.cost, point.score),
                xytext=(dx, dy),
                textcoords="offset points",
                ha="left" if dx > 0 else "right" if dx < 0 else "center",
                fontsize=style.get("fontsize", 8),
                **{k: v for k, v in style.items() if k != "fontsize"},
                zorder=5,
                arrowprops=leader,
                bbox={"boxstyle": "round,pad=0.12", "facecolor": "white", "edgecolor": "none", "alpha": 0.8},
            )
            box = label_box(note, renderer)
            cost = sum(_overlap(box, other) for other in taken) + _outside(box, inside)
            if cost < best_cost:
                if best is not None:
                    best.remove()
                best, best_cost = note, cost
            else:
                note.remove()
            if cost == 0:
                break
        if best is not None:
            taken.append(label_box(best, renderer))


def label_box(note: Any, renderer: Any) -> Any:
    """The label's own box, without its leader line."""
    from matplotlib.text import Text

    note.update_positions(renderer)
    return Text.get_window_extent(note, renderer)


def _marker_box(ax: Any, point: Point) -> Any:
    from matplotlib.transforms import Bbox

    x, y = ax.transData.transform((point.cost, point.score))
    r = 8 if point.pick else 4
    return Bbox([[x - r, y - r], [x + r, y + r]])


def _overlap(a: Any, b: Any) -> float:
    width = min(a.x1, b.x1) - max(a.x0, b.x0)
    height = min(a.y1, b.y1) - max(a.y0, b.y0)
    return width * height if width > 0 and height > 0 else 0.0


def _outside(box: Any, inside: Any) -> float:
    """The area of `box` outside the axes, weighted so a label cut by the edge loses to an overlap."""
    clipped = _overlap(box, inside)
    return 4 * (box.width * box.height - clipped)
