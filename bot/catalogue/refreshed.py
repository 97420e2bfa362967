"""Where `whichmodel refresh` keeps downloaded models.dev data, and which snapshot a load reads.

The newest good download wins over the bundled snapshot; data that cannot be read falls back to the bundled one
with a note, never an error.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

from bot.catalogue.offers import Snapshot, read_snapshot
from bot.catalogue.sources.models_dev import bundled_label, bundled_path

CACHE_FILE = "models-dev-api.json"
META_FILE = "models-dev-api.meta.json"
PREVIOUS_FILE = "models-dev-api.previous.json"
PREVIOUS_META_FILE = "models-dev-api.previous.meta.json"


def cache_dir() -> Path:
    """Where `whichmodel refresh` keeps downloaded models.dev data."""
    env = os.environ.get("WHICHMODEL_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "whichmodel"


def refreshed_meta(directory: Path | None = None, name: str = META_FILE) -> dict[str, str]:
    """The sidecar `whichmodel refresh` writes next to the data: fetch time, url, sha256 ({} if none)."""
    path = (directory or cache_dir()) / name
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _refreshed_snapshot(cached: Path) -> Snapshot:
    meta = refreshed_meta(cached.parent)
    fetched = meta.get("fetched_at", "")
    try:
        day = date.fromisoformat(fetched[:10])
    except ValueError:
        day = date.fromtimestamp(cached.stat().st_mtime)
    where = f" from {meta['url']}" if meta.get("url") else ""
    return Snapshot("refreshed", f"models.dev refreshed {day.isoformat()}{where}", day, str(cached))


def snapshot_source(path: Path | None = None) -> tuple[Snapshot, Path, list[str]]:
    """Which models.dev data to use (without reading it): `path`, else refreshed data, else the bundled one."""
    notes: list[str] = []
    if path is not None:
        return Snapshot("file", f"models.dev data from {path.name}", None, str(path)), path, notes
    cached = cache_dir() / CACHE_FILE
    if cached.is_file():
        try:
            return _refreshed_snapshot(cached), cached, notes
        except OSError as exc:
            notes.append(f"could not read refreshed data {cached}: {exc.strerror}; using the bundled snapshot")
    return bundled(), bundled_path(), notes


def bundled() -> Snapshot:
    return Snapshot("bundled", bundled_label(), None, str(bundled_path()))


def read_data(snapshot: Snapshot, where: Path, notes: list[str]) -> tuple[Snapshot, bytes]:
    """The raw data at `where`; refreshed data that cannot be read falls back to the bundled snapshot."""
    try:
        return snapshot, read_snapshot(where)
    except OSError as exc:
        if snapshot.origin != "refreshed":
            raise
        notes.append(f"could not read refreshed data {where}: {exc.strerror}; using the bundled snapshot")
        return bundled(), read_snapshot(bundled_path())
