"""Compiled patterns kept across processes: the same pattern as `re` makes, from the cache or not."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.parse import pattern_cache

SOURCES = [(r"\b(?P<n>\d+(?:\.\d+)?)\s*(k|m|b)\b", re.IGNORECASE), (r"\bbest\b|\bsmartest\b|top[- ]tier", 0)]


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder, and the module as a new process finds it."""
    monkeypatch.setenv("WHICHMODEL_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(pattern_cache, "_programs", None)
    monkeypatch.setattr(pattern_cache, "_dirty", False)
    return tmp_path


def test_a_pattern_from_the_cache_is_the_pattern_re_compiles(fresh: Path) -> None:
    first = [pattern_cache.compile(s, f) for s, f in SOURCES]
    pattern_cache.flush()
    assert (fresh / pattern_cache.FILE).is_file()
    code = (
        "import re; from bot.parse import pattern_cache as pc\n"
        f"sources = {SOURCES!r}\n"
        "pats = [pc.compile(s, f) for s, f in sources]\n"
        "assert pc._dirty is False, 'every pattern came from the cache'\n"
        "assert pats == [re.compile(s, f) for s, f in sources]\n"
        "m = pats[0].search('about 50M tokens'); assert m and m['n'] == '50' and m.group(2) == 'M'\n"
    )
    env = {"WHICHMODEL_CACHE_DIR": str(fresh), "PATH": "/usr/bin:/bin"}
    subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=Path(__file__).resolve().parents[2])
    assert first == [re.compile(s, f) for s, f in SOURCES]


def test_a_damaged_or_foreign_cache_file_is_ignored(fresh: Path) -> None:
    (fresh / pattern_cache.FILE).write_bytes(b"\x00not marshal at all")
    assert pattern_cache.compile(r"\bgpt-?4o\b") == re.compile(r"\bgpt-?4o\b")
    pattern_cache.flush()
    (fresh / pattern_cache.FILE).chmod(0o666)  # others could have written it: not read
    pattern_cache._programs = None
    pattern_cache.compile(r"\bgpt-?4o\b")
    assert pattern_cache._dirty is True


def test_a_rewrite_is_applied_before_compiling_and_keyed_apart(fresh: Path) -> None:
    def other_tree(tree):  # type: ignore[no-untyped-def]
        return re._parser.parse("xyz", 0)  # type: ignore[attr-defined]

    plain = pattern_cache.compile(r"abc")
    rewritten = pattern_cache.compile(r"abc", rewrite=other_tree)
    assert plain.search("abc") and not plain.search("xyz")
    assert rewritten.search("xyz") and not rewritten.search("abc")
    assert len(pattern_cache._programs or {}) == 2
