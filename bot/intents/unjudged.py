"""The newest models a ranking leaves out for want of evidence, named in its notes: dated ones, and undated ones
whose version is past the newest scored model of a current line ("claude-haiku-5-5" beside a scored haiku-4-5)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta

from bot.catalogue.grouping import Model
from bot.catalogue.offers import current_day
from bot.catalogue.superseded import family_and_version

NEWEST_NAMED = 2  # the newest models a ranking leaves out for want of evidence, named in its notes
RECENT_DAYS = 540  # a line with a scored member released this recently is current: a later version of it is news
# previews and special-purpose variants are not named as left out
_VARIANT = re.compile(r"preview|-exp\b|experimental|cyber|permissive|beta|alpha|latest|-\d{4}(?:-\d{2}-\d{2})?$|@")

Lines = dict[tuple[str, ...], tuple[tuple[int, ...], date]]


def newest_left_out(unjudged: list[Model], scored: list[Model]) -> list[Model]:
    """The `NEWEST_NAMED` newest of the models left out: later versions of current lines first (undated ones
    before dated: no source has dated them yet; the most recently scored line first), then by release date. An
    undated model of no current line may be old as easily as new, so it is not named."""
    lines = _current_lines(scored)

    def key(m: Model) -> tuple:
        line = _past(m, lines)
        return (line is not None, m.release_date is None, line or date.min, m.release_date or date.min, m.id)

    found = [m for m in unjudged if not _VARIANT.search(m.id) and (m.release_date is not None or _past(m, lines))]
    return sorted(found, key=key, reverse=True)[:NEWEST_NAMED]


def _current_lines(models: Iterable[Model]) -> Lines:
    """Each line's newest scored version and its latest scored release, for lines with a member released within
    `RECENT_DAYS`: ('claude', 'haiku') -> ((4, 5), 2025-10-15); a line last scored years ago says nothing new."""
    newest: dict[tuple[str, ...], tuple[int, ...]] = {}
    latest: dict[tuple[str, ...], date] = {}
    for m in models:
        family, version = family_and_version(m.id)
        if not version:
            continue
        newest[family] = max(version, newest.get(family, ()))
        if m.release_date is not None:
            latest[family] = max(m.release_date, latest.get(family, date.min))
    recent = current_day() - timedelta(days=RECENT_DAYS)
    return {f: (v, latest[f]) for f, v in newest.items() if latest.get(f, date.min) >= recent}


def _past(model: Model, lines: Lines) -> date | None:
    """The latest scored release of the model's line when its version is past the line's newest scored one."""
    family, version = family_and_version(model.id)
    line = lines.get(family)
    return line[1] if version and line is not None and version > line[0] else None
