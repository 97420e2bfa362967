"""The time window of a 'what changed?' question: "in the last 2 weeks" is 14 days, "since october" the days
since October 1st; "this month", "in november" or "in january 2027" a calendar month."""

from __future__ import annotations

import re
from datetime import date

from bot.parse import pattern_cache

_UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14, "month": 30, "quarter": 91, "year": 365}
_LAST = pattern_cache.compile(
    r"\b(?:last|past|previous|recent|next|coming)\s+(?:(?P<n>\d+)\s+)?(?P<unit>day|week|fortnight|month|quarter|year)s?\b"
)  # "next 3 months": retirements look as far ahead as back
_THIS = pattern_cache.compile(r"\bthis (?P<unit>week|quarter|year)\b|\b(?P<today>today|yesterday|overnight)\b")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")  # fmt: skip
_NAMES = f"{'|'.join(_MONTHS)}|{'|'.join(m[:3] for m in _MONTHS)}"
_SINCE = pattern_cache.compile(rf"\bsince (?:the (?:start|beginning) of )?(?P<month>{_NAMES})\b")
_IN_MONTH = pattern_cache.compile(rf"\b(?:in|during|for|of|this) (?:(?P<month>{_NAMES})(?:\s+(?P<year>20\d\d))?|(?P<this>month))\b")


def window_days(text: str, today: date) -> int | None:
    """How many days back (and ahead, for retirements) the question looks, or None when it names no window."""
    if (m := _LAST.search(text)) is not None:
        return int(m.group("n") or 1) * _UNIT_DAYS[m.group("unit")]
    if (m := _THIS.search(text)) is not None:
        return 2 if m.group("today") else _UNIT_DAYS[m.group("unit")]
    if (m := _SINCE.search(text)) is not None:
        start = date(today.year if _month(m) <= today.month else today.year - 1, _month(m), 1)
        return max(1, (today - start).days)
    return None


def window_month(text: str, today: date) -> str | None:
    """The calendar month asked, as 'YYYY-MM' ("what's retiring in january 2027", "new models this month"): a month
    with no year is its nearest occurrence, so "in january" said in December is next month."""
    m = _IN_MONTH.search(text)
    if m is None or _SINCE.search(text):
        return None
    if m.group("this"):
        return f"{today.year}-{today.month:02d}"
    month = _month(m)
    if m.group("year"):
        return f"{m.group('year')}-{month:02d}"
    year = min((today.year - 1, today.year, today.year + 1), key=lambda y: abs((y - today.year) * 12 + month - today.month))
    return f"{year}-{month:02d}"


def _month(m: re.Match[str]) -> int:
    return next(i for i, name in enumerate(_MONTHS, 1) if name.startswith(m.group("month")))
