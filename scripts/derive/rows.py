"""What a reader yields: one raw figure per row, with the name the source gave the model."""

from __future__ import annotations

import math
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Row:
    """One figure from a source: a score (`metric` a metric id) or a speed (`metric` 'speed' or 'ttft')."""

    source: str
    name: str
    metric: str
    value: float
    vendor_reported: bool = False
    provider: str | None = None
    variant: str | None = None  # the mode or effort the source names beside the model ("xhigh", "Non-reasoning")


@dataclass
class Readings:
    """A reader's output: score rows and speed rows."""

    scores: list[Row] = field(default_factory=list)
    speeds: list[Row] = field(default_factory=list)


def num(text: object) -> float | None:
    """A finite number from a cell ('71.2%', '12', 'N/A' -> None)."""
    if text is None:
        return None
    s = str(text).strip().rstrip("%")
    if not s or s.upper() in {"N/A", "NA", "NONE"}:
        return None
    try:
        value = float(s)
    except ValueError:
        return None
    return value if math.isfinite(value) else None
