"""The Berkeley Function Calling Leaderboard: overall and multi-turn accuracy."""

from __future__ import annotations

import csv
from pathlib import Path

from ..rows import Readings, Row, num

FILES = (
    ("data_overall.csv", "Overall Acc", "bfcl_overall"),
    ("data_multi_turn.csv", "Multi Turn Overall Acc", "bfcl_multi_turn"),
)


def read(ref: Path) -> Readings:
    """Score rows; FC and Prompt modes stay in the name and become variants when matched."""
    rows: list[Row] = []
    for file, column, metric in FILES:
        with open(ref / "bfcl" / file, newline="") as fh:
            for r in csv.DictReader(fh):
                value = num(r.get(column))
                if value is not None:
                    rows.append(Row("bfcl", r["Model"].strip(), metric, value))
    return Readings(scores=rows)
