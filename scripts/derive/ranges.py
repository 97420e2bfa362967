"""Each metric's range in each source snapshot, so a figure maps onto 0-100 across its own snapshot: the snapshot's
best figure is 100 (the frontier of a late-2026 leaderboard is 100 there, not a clipped 100 shared by many models
past a hand-set anchor). The bottom is the snapshot's lowest figure, but never below the curated low anchor (chance
level, or a small 2024 model), so a few broken or tiny entries do not lift every mid-sized model."""

from __future__ import annotations

from collections import defaultdict

from .rows import Row

MIN_ROWS = 5  # a snapshot with fewer figures of a metric has no range of its own: the curated anchors stand


def snapshot_ranges(rows: list[Row], anchors: dict[str, float]) -> dict[str, dict[str, list[float]]]:
    """Metric id -> source id -> [low, highest] over every row of that source (matched to a model or not); `anchors`
    are the curated low anchors (metric id -> low) the bottom never goes under."""
    values: dict[tuple[str, str], list[float]] = defaultdict(list)
    for row in rows:
        values[(row.metric, row.source)].append(row.value)
    out: dict[str, dict[str, list[float]]] = defaultdict(dict)
    for (metric, source), found in sorted(values.items()):
        low, high = max(min(found), anchors.get(metric, min(found))), max(found)
        if len(found) >= MIN_ROWS and high > low:
            out[metric][source] = [round(low, 4), round(high, 4)]
    return dict(out)


def with_ranges(metrics: list[dict[str, object]], ranges: dict[str, dict[str, list[float]]]) -> list[dict[str, object]]:
    """The curated metrics, each with its snapshot ranges."""
    return [{**m, "ranges": ranges.get(str(m["id"]), {})} for m in metrics]
