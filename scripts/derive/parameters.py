"""Parameter counts: total and active (mixture-of-experts) parameters in billions, for self-hosting answers.

Artificial Analysis's snapshot gives `params` and `active` (billions); llm-stats.com's model files give
`param_count` (a plain count, total only) and stand where Artificial Analysis has none. Each entry keeps its
source, as-of date and the source's own name (`knowledge/parameters.yaml`).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from .rows import num
from .write import HEADER, dump, write

AA_FILE = "artificial-analysis/japhba_aa_models_20260822.json"
LLM_STATS_MODELS = "llm-stats/data/organizations"


Size = tuple[str, float, float | None, bool]  # (source name, total B, active B, open weights)


def _aa_rows(ref: Path) -> list[Size]:
    """(slug, total B, active B, open) for every Artificial Analysis model with a parameter count."""
    out = []
    for m in json.loads((ref / AA_FILE).read_text()):
        total, active = num(m.get("params")), num(m.get("active"))
        if total and total > 0:
            out.append(
                (str(m["slug"]), total, active if active and 0 < active < total else None, m.get("open") is True)
            )
    return out


def _llm_stats_rows(ref: Path) -> list[Size]:
    """(model id, total B, None, open) for every llm-stats model file with a parameter count: open when its licence
    is not proprietary and it links downloadable weights."""
    out = []
    for path in sorted((ref / LLM_STATS_MODELS).glob("*/models/*/model.json")):
        m = json.loads(path.read_text())
        count = num(m.get("param_count"))
        if count and count > 0:
            weights = bool(m.get("source_weights_link")) and m.get("license_id") != "proprietary"
            out.append((str(m["model_id"]), count / 1e9, None, weights))
    return out


def parameter_counts(matcher, ref: Path, dates: dict[str, date]) -> dict[str, dict[str, object]]:  # type: ignore[no-untyped-def]
    """Model id -> {total, active, open_weights, source, as_of, source_name}: Artificial Analysis, then llm-stats.

    Of several rows for one model (a reasoning and a non-reasoning slug), the one without a variant wins, then
    the shortest name: they carry the same weights."""
    out: dict[str, dict[str, object]] = {}
    for source, rows in (("artificial-analysis", _aa_rows(ref)), ("llm-stats", _llm_stats_rows(ref))):
        found: dict[str, tuple[tuple, dict[str, object]]] = {}
        for name, total, active, weights in rows:
            model_id, variant = matcher.match(source, name)
            if model_id is None or model_id in out:
                continue
            rank = (variant is not None, len(name), name)
            entry = {
                "total": round(total, 2),
                "active": None if active is None else round(active, 2),
                "open_weights": weights,
            }
            entry |= {"source": source, "as_of": dates[source], "source_name": name}
            if model_id not in found or rank < found[model_id][0]:
                found[model_id] = (rank, entry)
        out |= {model_id: entry for model_id, (_, entry) in found.items()}
    return dict(sorted(out.items()))


def write_parameters(out: Path, counts: dict[str, dict[str, object]]) -> None:
    """`parameters.yaml`: each matched model's total and active parameters (billions), with source and date."""
    note = (
        "# Parameter counts in billions: total, and active per token for mixture-of-experts models (null: dense\n"
        "# or not given), and whether the source lists the weights as downloadable. From Artificial Analysis, else\n"
        "# llm-stats.com; used for self-hosting and size answers.\n"
    )
    write(out / "parameters.yaml", note + HEADER + dump({"parameters": counts}))
