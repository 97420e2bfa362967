"""Word patterns compiled so that a search skips, in C, every position where no alternative can start.

Python's regular expression engine scans a text quickly only when every alternative of a pattern begins with a
literal character: it then jumps from one candidate first character to the next. The parser's patterns begin
their alternatives with a word boundary (`\\bcheap\\w*|\\bprice[sd]?\\b|...`), so the engine tries every
alternative at every position, and a long question costs hundreds of microseconds a pattern.

`fast(source)` compiles the same language with each leading `\\b` (or fixed-width lookbehind) moved after the
first character: `\\bcheap` becomes `c(?<!\\wc)heap`, `(?<=with )json` becomes `j(?<=with j)son`. Both say
exactly the same thing, so matches (spans and groups) are unchanged; `tests/parse/test_fast_patterns.py`
checks that for every pattern in `REWRITTEN` on every question set. A pattern whose alternatives cannot all be put in that form, or a Python
whose `re` internals differ, gets the plain `re.compile`.
"""

from __future__ import annotations

import re
from typing import Any

from bot.parse import pattern_cache

try:  # CPython's regular expression parser and compiler (3.11+); a plain compile without them
    from re import _compiler, _constants, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - other Pythons
    _compiler = _constants = _parser = None  # type: ignore[assignment]


# every rewritten pattern with the source and flags it was compiled from, for the tests to compare
REWRITTEN: list[tuple[str, int, re.Pattern[str]]] = []


class _Unsupported(Exception):
    """An alternative that does not begin with something the rewrite can move."""


def fast(source: str, flags: int = 0) -> re.Pattern[str]:
    """`pattern_cache.compile(source, flags)`, rewritten so every alternative begins with a literal character (both kept
    compiled across processes by `bot.parse.pattern_cache`)."""
    plain = pattern_cache.compile(source, flags)
    if _parser is None or flags & re.IGNORECASE:
        return plain
    compiled = pattern_cache.compile(source, flags, rewrite=_rewrite)  # a failed rewrite compiles plainly
    if compiled != plain:
        REWRITTEN.append((source, flags, compiled))
    return compiled


def _rewrite(tree: Any) -> Any:
    """The parsed pattern with each alternative's leading boundary moved after its first character."""
    if _slow_branch(tree):
        tree.data = _lead_literal(list(tree.data))
    return tree


def _slow_branch(tree: Any) -> bool:
    """Whether the pattern opens with alternatives some of which do not begin with a character: the engine then
    runs each of those as a sub-match at every position. (When every alternative opens with `\\b`, the parser
    has already moved the `\\b` out in front and the engine compares first characters quickly.)"""
    c = _constants
    data = tree.data
    while data and data[0][0] is c.SUBPATTERN and len(data) == 1:
        data = data[0][1][3].data
    if not data or data[0][0] is not c.BRANCH:
        return False
    return any(not alt.data or alt.data[0][0] not in (c.LITERAL, c.IN) for alt in data[0][1][1])


def _word_char(code: int) -> bool:
    return chr(code).isalnum() or chr(code) == "_"


def _lead_literal(seq: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """The same sequence of regex items, begun by a literal (a branch: each alternative begun by one)."""
    c = _constants
    if not seq:
        raise _Unsupported
    op, av = seq[0]
    if op is c.LITERAL:
        return seq
    if op is c.BRANCH:
        return [(c.BRANCH, (av[0], [_tree(_lead_literal(list(alt.data)), alt) for alt in av[1]]))] + seq[1:]
    if op is c.SUBPATTERN:
        group, add, dele, sub = av
        if add or dele:
            raise _Unsupported
        inner = _lead_literal(list(sub.data))
        if group is None and len(seq) == 1:
            return inner
        return [(c.SUBPATTERN, (group, add, dele, _tree(inner, sub)))] + seq[1:]
    if op is c.AT and av is c.AT_BOUNDARY and len(seq) > 1:
        return _move_boundary(seq)
    if op in (c.ASSERT, c.ASSERT_NOT) and av[0] < 0 and len(seq) > 1 and seq[1][0] is c.LITERAL:
        direction, sub = av
        lo, hi = sub.getwidth()
        if lo != hi:
            raise _Unsupported
        behind = _tree(list(sub.data) + [seq[1]], sub)
        return [seq[1], (op, (direction, behind))] + seq[2:]
    raise _Unsupported


def _move_boundary(seq: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """`\\bX...` as `X(?<!\\wX)...` for a word character X; into a group or branch that follows, alternative by
    alternative."""
    c = _constants
    op, av = seq[1]
    if op is c.LITERAL:
        if not _word_char(av):
            raise _Unsupported
        word = (c.IN, [(c.CATEGORY, c.CATEGORY_WORD)])
        behind = _parser.SubPattern(_parser.State(), [word, seq[1]])
        return [seq[1], (c.ASSERT_NOT, (-1, behind))] + seq[2:]
    boundary = seq[0]
    if op is c.BRANCH:
        alts = [_tree(_lead_literal([boundary, *alt.data]), alt) for alt in av[1]]
        return [(c.BRANCH, (av[0], alts))] + seq[2:]
    if op is c.SUBPATTERN:
        group, add, dele, sub = av
        if add or dele:
            raise _Unsupported
        inner = _tree(_lead_literal([boundary, *sub.data]), sub)
        return [(c.SUBPATTERN, (group, add, dele, inner))] + seq[2:]
    raise _Unsupported


def _tree(data: list[tuple[Any, Any]], like: Any) -> Any:
    return _parser.SubPattern(like.state, data)
