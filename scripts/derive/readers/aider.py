"""Aider's polyglot leaderboard: pass rate after two tries."""

from __future__ import annotations

from pathlib import Path

import yaml

from ..rows import Readings, Row


def read(ref: Path) -> Readings:
    """One score row per run that has a second-try pass rate."""
    runs = yaml.safe_load((ref / "aider/polyglot_leaderboard.yml").read_text())
    rows = [Row("aider", str(r["model"]), "aider_polyglot", float(r["pass_rate_2"])) for r in runs if "pass_rate_2" in r]
    return Readings(scores=rows)
