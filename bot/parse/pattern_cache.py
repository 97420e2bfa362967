"""Compiled regular expressions kept across processes, as `.pyc` files keep compiled code.

The parser's few hundred patterns cost most of its import: `re` parses and compiles each one in Python. The last
step, `_sre.compile`, takes the compiled program as a list of integers, so the program is kept in a small marshal
file in the user cache and a later process hands it straight to `_sre.compile`. The key is the pattern, its flags
and the rewrite applied (if any); the file is per Python version, and only one this user owns in a folder only
it can write is read. Anything unexpected (another Python, a damaged file) compiles as `re` does.
"""

from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

try:  # CPython's regular expression engine and compiler (3.11+)
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - another Python: plain re.compile
    _sre = _compiler = _parser = None  # type: ignore[assignment]

Rewrite = Callable[[Any], Any]  # a parsed pattern -> the parsed pattern to compile instead
Key = tuple[str, int, str]
Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]

FILE = f"patterns-py{sys.version_info[0]}{sys.version_info[1]}.marshal"
MAX_ENTRIES = 5000  # patterns change only with the code: past this many, start the file afresh

_programs: dict[Key, Program] | None = None
_dirty = False


def compile(source: str, flags: int = 0, rewrite: Rewrite | None = None) -> re.Pattern[str]:  # noqa: A001
    """`re.compile(source, flags)` (with the parsed pattern passed through `rewrite` first), from the cache."""
    if _sre is None:
        return re.compile(source, flags)
    key = (source, int(flags), rewrite.__qualname__ if rewrite else "")
    program = _load().get(key)
    if program is not None:
        try:
            return _sre.compile(source, *program)
        except Exception:  # noqa: BLE001 - a program this Python cannot run: compile afresh
            pass
    program = _program(source, flags, rewrite)
    if program is None:
        return re.compile(source, flags)
    _store(key, program)
    return _sre.compile(source, *program)


def _program(source: str, flags: int, rewrite: Rewrite | None) -> Program | None:
    """What `re._compiler.compile` hands `_sre.compile`, for `source` (rewritten); None if it cannot be had."""
    try:
        tree = _parser.parse(source, flags)
        if rewrite is not None:
            tree = rewrite(tree)
        code = _compiler._code(tree, flags)
        groups = tree.state.groupdict
        names: list[str | None] = [None] * tree.state.groups
        for name, index in groups.items():
            names[index] = name
        return (int(flags | tree.state.flags), [int(c) for c in code], tree.state.groups - 1, dict(groups), tuple(names))
    except Exception:  # noqa: BLE001 - the rewrite failed, or the compiler changed: plain re.compile
        return None


def _path() -> Path:
    from bot.catalogue.refreshed import cache_dir

    return cache_dir() / FILE


def _load() -> dict[Key, Program]:
    global _programs
    if _programs is None:
        _programs = {}
        try:
            from bot.catalogue.cache import trusted

            path = _path()
            if path.is_file() and trusted(path):
                data = marshal.loads(path.read_bytes())
                if isinstance(data, dict):
                    _programs = data
        except (OSError, ValueError, EOFError, TypeError):
            _programs = {}
    return _programs


def _store(key: Key, program: Program) -> None:
    global _dirty
    programs = _load()
    if len(programs) >= MAX_ENTRIES:
        programs.clear()
    programs[key] = program
    _dirty = True


def flush() -> None:
    """Write the programs compiled since the last flush (no-op when there are none, or the cache is not writable)."""
    global _dirty
    if not _dirty or _programs is None:
        return
    _dirty = False
    try:
        import tempfile

        path = _path()
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        data = marshal.dumps(_programs)
        fd, tmp = tempfile.mkstemp(prefix=".patterns-", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except (OSError, ValueError):
        return


atexit.register(flush)
