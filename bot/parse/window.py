"""The time window of a 'what changed?' question: "in the last 2 weeks" is 14 days, "this month" 30, "since
october" the days since October 1st."""

from __future__ import annotations

from datetime import date

from bot.parse import pattern_cache

_UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14, "month": 30, "quarter": 91, "year": 365}
_LAST = pattern_cache.compile(r"\b(?:last|past|previous|recent)\s+(?:(?P<n>\d+)\s+)?(?P<unit>day|week|fortnight|month|quarter|year)s?\b")
_THIS = pattern_cache.compile(r"\bthis (?P<unit>week|month|quarter|year)\b|\b(?P<today>today|yesterday|overnight)\b")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")  # fmt: skip
_SINCE = pattern_cache.compile(rf"\bsince (?:the (?:start|beginning) of )?(?P<month>{'|'.join(_MONTHS)}|{'|'.join(m[:3] for m in _MONTHS)})\b")


def window_days(text: str, today: date) -> int | None:
    """How many days back (and ahead, for retirements) the question looks, or None when it names no window."""
    if (m := _LAST.search(text)) is not None:
        return int(m.group("n") or 1) * _UNIT_DAYS[m.group("unit")]
    if (m := _THIS.search(text)) is not None:
        return 2 if m.group("today") else _UNIT_DAYS[m.group("unit")]
    if (m := _SINCE.search(text)) is not None:
        month = next(i for i, name in enumerate(_MONTHS, 1) if name.startswith(m.group("month")))
        start = date(today.year if month <= today.month else today.year - 1, month, 1)
        return max(1, (today - start).days)
    return None
