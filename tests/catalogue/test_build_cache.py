"""The build cache loads only what this user wrote where only this user can write: a pickle runs code as it loads."""

from __future__ import annotations

import os
from pathlib import Path

from bot.catalogue import cache


def test_a_stored_object_loads_back_under_its_key(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    assert cache.store(folder, "k1", {"models": [1, 2]})
    assert cache.load(folder, "k1") == {"models": [1, 2]}
    assert cache.load(folder, "other") is None
    assert folder.stat().st_mode & 0o777 == 0o700


def test_a_cache_file_others_could_have_written_is_not_loaded(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    cache.store(folder, "k1", "built")
    (stored,) = folder.glob("catalogue-*")
    stored.chmod(0o666)
    assert cache.load(folder, "k1") is None
    stored.chmod(0o600)
    folder.chmod(0o777)
    assert cache.load(folder, "k1") is None
    folder.chmod(0o700)
    assert cache.load(folder, "k1") == "built"


def test_storing_keeps_the_newest_entries_and_drops_the_oldest(tmp_path: Path) -> None:
    for age, key in enumerate(["k4", "k3", "k2", "k1"]):  # k4 written longest ago
        cache.store(tmp_path, key, key)
        os.utime(tmp_path / f"catalogue-{key}.pickle", ns=(10**9 * (1 + age),) * 2)
    cache.store(tmp_path, "new", "new")
    kept = sorted(p.name for p in tmp_path.glob("catalogue-*"))
    assert len(kept) == cache.KEEP
    assert "catalogue-new.pickle" in kept and "catalogue-k4.pickle" not in kept
    assert cache.load(tmp_path, "new") == "new"
