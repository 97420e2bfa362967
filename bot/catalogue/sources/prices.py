"""The price sources beside models.dev: LiteLLM's map and genai-prices, shipped or refreshed.

The shipped snapshot is `knowledge/prices/` (written by `python -m scripts.derive`): each source's data in
its live shape, gzipped, and `manifest.json` with the snapshot's date and each source's label and as-of
date. `whichmodel refresh` saves newer data as `<source>.json` (+ `.meta.json`) in the cache dir; that is
used when present and readable, else the shipped copy. Prices with a dated history are taken as on the
snapshot's date (the shipped date, or the day of the refresh).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

from bot.catalogue.offers import DataError, Snapshot, read_snapshot
from bot.catalogue.sources import genai_prices, litellm
from bot.catalogue.sources.common import SourceData

MANIFEST = "manifest.json"


@dataclass(frozen=True)
class PriceSource:
    """How to read one price source: its id, live URL and reader."""

    id: str
    name: str
    url: str

    def read(self, raw: bytes, day: date, as_of: date) -> SourceData:
        """Offers from raw data (DataError when the shape is wrong)."""
        if self.id == litellm.SOURCE:
            return litellm.offers(litellm.parse(raw), as_of)
        return genai_prices.offers(genai_prices.parse(raw), day, as_of)


PRICE_SOURCES = (
    PriceSource(litellm.SOURCE, "LiteLLM price map", litellm.LIVE_URL),
    PriceSource(genai_prices.SOURCE, "genai-prices", genai_prices.LIVE_URL),
)


def shipped_dir() -> Path:
    """`knowledge/prices/` inside the installed package."""
    return Path(str(resources.files("bot.knowledge"))) / "prices"


def manifest(directory: Path | None = None) -> dict:
    """The shipped snapshot's manifest ({} when missing)."""
    try:
        return json.loads(((directory or shipped_dir()) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def refreshed_files(cache: Path, source: str, previous: bool = False) -> tuple[Path, Path]:
    """(data, sidecar) paths of a refreshed source in the cache dir (or of the copy kept before the last refresh)."""
    stem = f"{source}.previous" if previous else source
    return cache / f"{stem}.json", cache / f"{stem}.meta.json"


def _refreshed(cache: Path, source: PriceSource, previous: bool = False) -> tuple[Path, Snapshot] | None:
    data, meta_path = refreshed_files(cache, source.id, previous)
    if not data.is_file():
        return None
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        day = date.fromisoformat(str(meta["fetched_at"])[:10])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return data, Snapshot("refreshed", f"{source.name} refreshed {day.isoformat()}", day, str(data))


def _shipped(source: PriceSource, info: dict, directory: Path) -> tuple[Path, Snapshot] | None:
    entry = (info.get("sources") or {}).get(source.id)
    if not entry:
        return None
    as_of = date.fromisoformat(entry["as_of"])
    return directory / entry["file"], Snapshot("bundled", entry["label"], as_of, str(directory / entry["file"]))


def input_files(cache: Path, directory: Path | None = None) -> list[Path]:
    """Every file the price sources would be read from (for the build cache's key)."""
    directory = directory or shipped_dir()
    files = [directory / MANIFEST]
    for source in PRICE_SOURCES:
        found = _refreshed(cache, source) or _shipped(source, manifest(directory), directory)
        if found:
            files.append(found[0])
            files.append(refreshed_files(cache, source.id)[1])
    return [f for f in files if f.is_file()]


def load_sources(
    cache: Path, directory: Path | None = None, previous: bool = False
) -> tuple[dict[str, SourceData], dict[str, Snapshot], list[str]]:
    """Each price source's offers and snapshot (refreshed, else shipped), and notes on what fell back.

    `previous`: the data kept aside by the last refresh where there is some (for "what changed?")."""
    directory = directory or shipped_dir()
    info = manifest(directory)
    snapshot_day = date.fromisoformat(info["snapshot_date"]) if info.get("snapshot_date") else date.today()
    data: dict[str, SourceData] = {}
    snapshots: dict[str, Snapshot] = {}
    notes: list[str] = []
    for source in PRICE_SOURCES:
        tries = [_refreshed(cache, source, True)] if previous else []
        for found in (*tries, _refreshed(cache, source), _shipped(source, info, directory)):
            if found is None:
                continue
            path, snap = found
            day = snap.as_of if snap.origin == "refreshed" else snapshot_day
            try:
                data[source.id] = source.read(read_snapshot(path), day or snapshot_day, snap.as_of or snapshot_day)
            except (OSError, DataError) as exc:
                notes.append(f"{source.name} data at {path} unusable ({exc}); using the shipped snapshot")
                continue
            snapshots[source.id] = snap
            break
    return data, snapshots, notes
