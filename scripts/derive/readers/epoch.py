"""Epoch AI's Benchmarking Hub: one CSV per benchmark."""

from __future__ import annotations

import csv
from pathlib import Path

from ..rows import Readings, Row, num

FILES = {  # file -> (metric, value column)
    "gpqa_diamond.csv": ("gpqa_diamond", "mean_score"),
    "otis_mock_aime_2024_2025.csv": ("otis_aime", "mean_score"),
    "swe_bench_verified.csv": ("swe_bench_verified", "mean_score"),
    "epoch_capabilities_index.csv": ("eci", "ECI Score"),
    "fictionlivebench_external.csv": ("fictionlive_120k", "120k token score"),
    "hle_external.csv": ("hle", "Accuracy"),
    "simpleqa_verified.csv": ("simpleqa_verified", "mean_score"),
    "lech_mazur_writing_external.csv": ("writing_mazur", "Mean score"),
    "terminalbench_external.csv": ("terminal_bench", "Accuracy mean"),
    "aider_polyglot_external.csv": ("aider_polyglot", "Percent correct"),
}


def read(ref: Path) -> Readings:
    """Score rows from every benchmark file."""
    rows: list[Row] = []
    for file, (metric, column) in FILES.items():
        with open(ref / "epoch/benchmark_data" / file, newline="") as fh:
            for r in csv.DictReader(fh):
                value = num(r.get(column))
                name = (r.get("Model version") or "").strip()
                if value is not None and name:
                    rows.append(Row("epoch", name, metric, value))
    return Readings(scores=rows)
