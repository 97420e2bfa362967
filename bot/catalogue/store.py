"""Loading the catalogue: from the build cache when nothing changed, else built afresh (`bot.catalogue.build`).

Built from a models.dev snapshot (the bundled one, or a newer one saved by `whichmodel refresh`) and the
knowledge files. Loading is the same for the CLI and the long-running bots; `load_catalogue` is pure,
`current()` caches one catalogue per process and `swap()` replaces it atomically.
"""

from __future__ import annotations

import gc
import os
import threading
from pathlib import Path

from bot.catalogue import cache as build_cache
from bot.catalogue.built import Catalogue, Index, index_name
from bot.catalogue.knowledge import knowledge_dir, load_knowledge
from bot.catalogue.refreshed import cache_dir, read_data, snapshot_source
from bot.catalogue.sources.prices import input_files
from bot.catalogue.sources.team_file import load_extra

__all__ = ["Catalogue", "Index", "index_name", "load_catalogue", "current", "reload", "swap"]


def load_catalogue(
    knowledge_path: Path | None = None,
    snapshot_path: Path | None = None,
    use_cache: bool | None = None,
    extra_path: Path | None = None,
    indexes: tuple[Index, ...] = (),
) -> Catalogue:
    """Build a catalogue from a models.dev snapshot and the knowledge files.

    A built catalogue is kept in the user cache dir, keyed by the hash of the data, the knowledge files
    and the code that builds it (`bot.catalogue.cache`), so an unchanged setup loads without rebuilding.
    `use_cache=False` (or WHICHMODEL_NO_CACHE=1) always builds. `extra_path` is a team's own prices and
    private models (`bot.catalogue.sources.team_file`). `indexes` are built with it (and cached with it).
    """
    if use_cache is None:
        use_cache = not os.environ.get("WHICHMODEL_NO_CACHE")
    gc_was_enabled = gc.isenabled()
    gc.disable()  # many small objects, no cycles: skip collector passes during the build
    try:
        snapshot, where, notes = snapshot_source(snapshot_path)
        kdir = knowledge_path or knowledge_dir()
        inputs = input_files(cache_dir())
        modules = [b.__module__ for b in indexes]
        key = build_cache.cache_key(where, kdir, extra_path, modules, inputs) if use_cache else None
        if key is not None:
            cached = build_cache.load(cache_dir(), key)
            if isinstance(cached, Catalogue):
                return cached
        knowledge = load_knowledge(kdir)
        extra = load_extra(extra_path) if extra_path is not None else None
        snapshot, raw = read_data(snapshot, where, notes)
        from bot.catalogue.build import build as build_catalogue  # a cache miss: only now the build's modules

        catalogue = build_catalogue(knowledge, snapshot, raw, notes, extra)
        for build in indexes:
            catalogue.index(build)
        if key is not None:
            build_cache.store(cache_dir(), key, catalogue)
        return catalogue
    finally:
        gc.freeze()  # the catalogue lives as long as the process: full collections need not walk its objects
        if gc_was_enabled:
            gc.enable()


_lock = threading.Lock()
_current: Catalogue | None = None
_extra_path: Path | None = None
_indexes: tuple[Index, ...] = ()


def configure(extra_path: Path | None) -> None:
    """Set the team's extra file for catalogues this process loads (from settings); drops the loaded one."""
    global _extra_path, _current
    with _lock:
        _extra_path, _current = extra_path, None


def use_indexes(indexes: tuple[Index, ...]) -> None:
    """The indexes catalogues this process loads are built with (the composition root sets them once)."""
    global _indexes
    _indexes = indexes


def reload() -> Catalogue:
    """Build a catalogue the way `current()` does (same extra file and indexes), without installing it."""
    return load_catalogue(extra_path=_extra_path, indexes=_indexes)


def current() -> Catalogue:
    """The process's catalogue, loaded on first use."""
    global _current
    if _current is None:
        with _lock:
            if _current is None:
                _current = reload()
    return _current


def swap(catalogue: Catalogue) -> Catalogue | None:
    """Replace the process's catalogue atomically; returns the previous one."""
    global _current
    with _lock:
        previous, _current = _current, catalogue
    return previous
