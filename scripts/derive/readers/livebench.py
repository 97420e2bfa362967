"""LiveBench: category means of the latest release only (releases are not comparable)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from ..rows import Readings, Row, num

CATEGORIES = {
    "Reasoning": "livebench_reasoning",
    "Coding": "livebench_coding",
    "Agentic Coding": "livebench_agentic_coding",
    "Mathematics": "livebench_math",
    "Data Analysis": "livebench_data_analysis",
    "Language": "livebench_language",
    "IF": "livebench_if",
}


def read(ref: Path) -> Readings:
    """A row per model and category whose tasks all have a figure."""
    release = sorted(p.stem.removeprefix("table_") for p in (ref / "livebench").glob("table_*.csv"))[-1]
    categories = json.loads((ref / f"livebench/categories_{release}.json").read_text())
    rows: list[Row] = []
    with open(ref / f"livebench/table_{release}.csv", newline="") as fh:
        for r in csv.DictReader(fh):
            for category, tasks in categories.items():
                values = [num(r.get(t)) for t in tasks]
                if tasks and all(v is not None for v in values):
                    mean = round(sum(values) / len(values), 2)  # type: ignore[arg-type]
                    rows.append(Row("livebench-2026-01", r["model"], CATEGORIES[category], mean))
    return Readings(scores=rows)
