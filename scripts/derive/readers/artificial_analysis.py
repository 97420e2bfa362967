"""Artificial Analysis: scores and speeds from the 2026-08 snapshot, speeds from the 2026-10 cache."""

from __future__ import annotations

import json
from pathlib import Path

from ..rows import Readings, Row, num

FIELDS = {
    "ii": "aa_intelligence",
    "gpqa": "gpqa_diamond",
    "hle": "hle",
    "aime25": "aime_2025",
    "mmlu_pro": "mmlu_pro",
    "lcr": "aa_lcr",
    "agentic": "aa_agentic",
}


def _snapshot(models: list[dict]) -> Readings:
    out = Readings()
    for m in models:
        for field, metric in FIELDS.items():
            if field == "ii" and m.get("ii_est"):
                continue  # an estimated index is not a measurement
            value = num(m.get(field))
            if value is not None:
                out.scores.append(Row("artificial-analysis", m["slug"], metric, value))
        tps, ttft = num(m.get("speed")), num(m.get("ttft"))
        if tps or ttft:
            out.speeds.append(Row("artificial-analysis", m["slug"], "speed", tps or 0.0, provider=None))
            out.speeds.append(Row("artificial-analysis", m["slug"], "ttft", ttft or 0.0, provider=None))
    return out


def read(ref: Path) -> Readings:
    """Scores and speeds from the snapshot; speed and TTFT only from the performance cache."""
    out = _snapshot(json.loads((ref / "artificial-analysis/japhba_aa_models_20260822.json").read_text()))
    cache = json.loads((ref / "artificial-analysis/llmval-1.0.2_aa_benchmarks_20261003.json").read_text())
    for m in cache["models"]:
        tps, ttft = num(m.get("tps")), num(m.get("ttft"))
        if tps and ttft:  # 0 marks a retired model: no figure
            out.speeds.append(Row("artificial-analysis-2026-10", m["slug"], "speed", tps))
            out.speeds.append(Row("artificial-analysis-2026-10", m["slug"], "ttft", ttft))
    return out
