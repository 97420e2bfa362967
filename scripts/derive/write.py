"""The derived YAML: plain, deterministic, with a header saying where it comes from."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path

import yaml

from .curated import Curated
from .rows import Row

HEADER = "# Derived by python -m scripts.derive from ../shared/reference; do not edit by hand.\n"
Matched = list[tuple[str, str | None, Row]]


class _Dumper(yaml.SafeDumper):
    """Plain YAML: no anchors and aliases for repeated values (dates shared by many entries)."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def dump(data: object) -> str:
    """YAML as the knowledge files write it."""
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=120, default_flow_style=False)


def write(path: Path, text: str) -> None:
    """Write one derived file."""
    path.write_text(text, encoding="utf-8")


def source_names_yaml(curated: Curated) -> str:
    """`source_names.yaml`: the curated grouping and source names, merged per model."""
    merged: dict[str, list[str]] = {}
    for table in (curated.grouping, curated.source_names):
        for target, names in table.items():
            merged.setdefault(target, [])
            merged[target] += [n for n in names if n not in merged[target]]
    body = {
        "source": "curated in knowledge/curated/names.yaml: provider spellings that group with a model, and the "
        "names reference sources use (see sources.yaml)",
        "as_of": date(2026, 11, 24),
        "aliases": {k: v for k, v in sorted(merged.items()) if v},
        "distinct": curated.distinct,
    }
    return (
        "# Names that providers and reference sources use for catalogue models, where they do not normalise to\n"
        "# the catalogue id. An entry here also groups a provider's offer under the model.\n" + HEADER + dump(body)
    )


def best_rows(matched: Matched, dates: dict[str, date]) -> dict[str, list[dict[str, object]]]:
    """One score per model, metric and source: the best variant, with its name and variant recorded."""
    chosen: dict[tuple[str, str, str], tuple[str | None, Row]] = {}
    for model_id, variant, row in matched:
        key = (model_id, row.metric, row.source)
        old = chosen.get(key)
        rank = (not row.vendor_reported, row.value, row.name)
        if old is None or rank > (not old[1].vendor_reported, old[1].value, old[1].name):
            chosen[key] = (variant, row)
    out: dict[str, list[dict[str, object]]] = defaultdict(list)
    for (model_id, metric, source), (variant, row) in sorted(chosen.items()):
        out[model_id].append(
            {
                "metric": metric,
                "value": round(row.value, 4),
                "source": source,
                "as_of": dates[source],
                "vendor_reported": row.vendor_reported,
                "variant": variant,
                "source_name": row.name,
            }
        )
    return dict(sorted(out.items()))


def write_curated_copies(curated: Curated, out: Path) -> None:
    """`source_names.yaml`, `sources.yaml` and `metrics.yaml`: the curated tables as the product reads them."""
    write(out / "source_names.yaml", source_names_yaml(curated))
    write(out / "sources.yaml", HEADER + dump({"sources": [dict(s) for s in curated.sources]}))
    write(out / "metrics.yaml", HEADER + dump({"metrics": curated.metrics}))
