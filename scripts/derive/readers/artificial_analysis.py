"""Artificial Analysis: scores and speeds from the 2026-08 snapshot; speeds and its own-version indices (metrics of
their own) from the 2026-10 cache."""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..rows import Readings, Row, num

_PAREN = re.compile(r"\(([^)]*)\)\s*$")


def variant(name: str) -> str | None:
    """The effort or mode in a display name: 'GPT-5.4 (xhigh)' -> 'xhigh effort', '(Non-reasoning)' -> 'non-reasoning'."""
    m = _PAREN.search(name or "")
    if m is None:
        return None
    words = [w.strip().lower() for w in m.group(1).split(",")]
    kept = [w for w in words if w in EFFORT_WORDS]
    return ", ".join(f"{w} effort" if w in LEVELS else w for w in kept) or None


LEVELS = ("minimal", "low", "medium", "high", "xhigh", "max")
EFFORT_WORDS = frozenset({*LEVELS, "reasoning", "non-reasoning", "adaptive"})

FIELDS = {
    "ii": "aa_intelligence",
    "gpqa": "gpqa_diamond",
    "hle": "hle",
    "aime25": "aime_2025",
    "mmlu_pro": "mmlu_pro",
    "lcr": "aa_lcr",
    "agentic": "aa_agentic",
}


# the 2026-10 cache's indices are another version than the snapshot's: metrics of their own, never mixed
CACHE_FIELDS = {"intel": "aa_intelligence_2026_10", "coding": "aa_coding_2026_10"}


def _snapshot(models: list[dict]) -> Readings:
    out = Readings()
    for m in models:
        for field, metric in FIELDS.items():
            if field == "ii" and m.get("ii_est"):
                continue  # an estimated index is not a measurement
            value = num(m.get(field))
            if value is not None:
                out.scores.append(Row("artificial-analysis", m["slug"], metric, value, variant=variant(m["name"])))
        tps, ttft = num(m.get("speed")), num(m.get("ttft"))
        if tps or ttft:
            effort = variant(m["name"])
            out.speeds.append(Row("artificial-analysis", m["slug"], "speed", tps or 0.0, provider=None, variant=effort))
            out.speeds.append(Row("artificial-analysis", m["slug"], "ttft", ttft or 0.0, provider=None, variant=effort))
    return out


def release_dates(ref: Path) -> dict[str, str]:
    """Slug -> the release date Artificial Analysis records (the maker's announcement), from the 2026-08 snapshot."""
    models = json.loads((ref / "artificial-analysis/japhba_aa_models_20260822.json").read_text())
    return {m["slug"]: str(m["release"])[:10] for m in models if m.get("release")}


def read(ref: Path) -> Readings:
    """Scores and speeds from the snapshot; the cache's indices as their own metrics, and its speed and TTFT."""
    out = _snapshot(json.loads((ref / "artificial-analysis/japhba_aa_models_20260822.json").read_text()))
    cache = json.loads((ref / "artificial-analysis/llmval-1.0.2_aa_benchmarks_20261003.json").read_text())
    for m in cache["models"]:
        for field, metric in CACHE_FIELDS.items():
            value = num(m.get(field))
            if value is not None:
                out.scores.append(Row("artificial-analysis-2026-10", m["slug"], metric, value, variant=variant(m["name"])))
        tps, ttft = num(m.get("tps")), num(m.get("ttft"))
        if tps and ttft:  # 0 marks a retired model: no figure
            effort = variant(m["name"])
            out.speeds.append(Row("artificial-analysis-2026-10", m["slug"], "speed", tps, variant=effort))
            out.speeds.append(Row("artificial-analysis-2026-10", m["slug"], "ttft", ttft, variant=effort))
    return out
