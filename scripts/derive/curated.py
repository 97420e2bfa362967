"""The hand-kept tables in `knowledge/curated/`: sources, metrics, names and the ignore list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
CURATED = ROOT / "knowledge" / "curated"


@dataclass(frozen=True)
class Curated:
    """Everything a person keeps by hand for the derive script."""

    sources: list[dict[str, object]]
    metrics: list[dict[str, object]]
    grouping: dict[str, list[str]]
    distinct: list[str]
    source_names: dict[str, list[str]]
    not_this_model: frozenset[str]
    ignore: list[str]

    @property
    def source_dates(self) -> dict[str, date]:
        """Source id -> the date of its snapshot."""
        return {str(s["id"]): s["as_of"] for s in self.sources}  # type: ignore[misc]


def _read(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def load_curated(folder: Path = CURATED) -> Curated:
    """The curated tables from `folder` (default `knowledge/curated`)."""
    names = _read(folder / "names.yaml")
    return Curated(
        sources=_read(folder / "sources.yaml")["sources"],
        metrics=_read(folder / "metrics.yaml")["metrics"],
        grouping=names["grouping"],
        distinct=names["distinct"],
        source_names=names["source_names"],
        not_this_model=frozenset(names["not_this_model"]),
        ignore=_read(folder / "ignore.yaml")["ignore"],
    )
