"""Periods of an amount or a count: said after it ("50M tokens a day"), before it as an adverb or a span ("nightly
...", "for Q1 ..."), as "every night", or as a heading ("per user per day: ~12 chats")."""

from __future__ import annotations

import re

from bot.parse.fast_patterns import fast
from bot.parse.numbers import PERIOD
from bot.parse.quantities.base import Scan, Spot

_PERIOD_ADVERB = fast(
    r"\b(?P<adverb>hourly|daily|nightly|weekly|monthly|yearly|annually|annual)\b"
    r"|\b(?:for|in|during|over) (?:the (?:whole |entire |full )?)?(?P<span>q[1-4]|quarter)\b"  # "total volume for q1 is 900M"
)
# a period said before a count as "every night", "each morning": "every night we summarize ~12k docs"
_EVERY_PERIOD = fast(r"\b(?:every|each)\s+(?:single\s+)?(?P<unit>night|day|morning|evening|weekday|business day|hour|week|month|year)\b")
# "per week we do about 75M tokens in": a period leading a token amount (a count's "cost per month" is the question's)
_PER_PERIOD = fast(r"\bper\s+(?P<unit>day|week|month|year|hour)\b")
_EVERY_PERIOD_AFTER = fast(
    r"^\s*(?:[a-z]+\s+){1,2}?(?:every|each)\s+(?:single\s+)?(?P<unit>night|day|morning|evening|weekday|business day|hour|week|month|year)\b"
)
_EVERY_UNIT = {"night": "day", "morning": "day", "evening": "day", "weekday": "day", "business day": "day"}
_SENTENCE_END = fast(r"[.?!](?:\s|$)|\s[—–-]\s")  # a dash between clauses ends one too: "250 out — which costs less per month?"


def period_after(scan: Scan, spot: Spot) -> re.Match[str] | None:
    """The period said after an amount, in its own sentence ("~800M tokens. it can take a day" has none)."""
    start = spot.n.end
    window = scan.text[start : min(spot.stop, start + 60)]
    end = _SENTENCE_END.search(window)
    found = PERIOD.search(window[: end.start()] if end else window)
    if found is not None and _PRICED_PER.search(window[: found.start()]):
        return None  # "~2.4B tokens through ¤, what's that cost per month": the unit of the answer asked for
    return found


# a cost asked per period after an amount: "what's that cost per month", "how much would it run us a month"
_PRICED_PER = fast(r"\b(?:cost|costs|costing|price|priced|run us|set us back|bill|billed)\s+(?:[a-z]+\s+)?$")


def period_before(before: str) -> re.Match[str] | None:
    """The last period adverb ("daily") in the text before a number."""
    tail = before[-45:]
    found = [m for m in _PERIOD_ADVERB.finditer(tail) if not _PRICED_AFTER.match(tail, m.end())]  # "nightly batch ... ~2M tokens"
    return found[-1] if found else None


# an adverb that says what the answer is for, not how often the amount comes: "monthly cost for ¤ at 2k input"
_PRICED_AFTER = fast(r"\s+(?:cost|costs|bill|bills|price|pricing|spend|budget|estimate|total)\b")


# "per user per day: ~12 chats": the period of a rate said as a heading before its numbers
_HEAD_PERIOD = fast(r"\bper\s+[a-z]+\s+(?:per|a|each|every)\s+(?P<unit>day|week|month|hour)\b[^.?!\d]{0,20}$")


def head_period(before: str) -> re.Match[str] | None:
    """The period of a heading such as "per user per day:" just before a count, as a `PERIOD` match."""
    head = _HEAD_PERIOD.search(before)
    return PERIOD.search("per " + head.group("unit")) if head else None


def every_period(before: str, after: str, per: bool = False) -> re.Match[str] | None:
    """A period said as "every night" before a count or "every weekday" after its noun, as a `PERIOD` match
    ("every night" -> per day); with `per`, "per week" before a token amount too."""
    found = list(_EVERY_PERIOD.finditer(before)) or [m for m in [_EVERY_PERIOD_AFTER.match(after)] if m]
    if not found and per:
        found = list(_PER_PERIOD.finditer(before))
    if not found:
        return None
    unit = found[-1].group("unit")
    return PERIOD.search("per " + _EVERY_UNIT.get(unit, unit))


# traffic kept to working time: "only during business hours on weekdays", "9-5", "12 hours a day"
_HOURS = fast(
    r"\b(?:business|working|office|work) hours\b|\b9 ?(?:am)? ?(?:-|to|until) ?5 ?(?:pm)?\b"
    r"|\b(?P<h>\d{1,2}) ?(?:h|hrs?|hours?) (?:a|per|each|every) (?:day|weekday)\b"
)
_WEEKDAYS = fast(r"\bweekdays?\b|\bmon(?:day)?[- ]?(?:to|through|thru|-)[- ]?fri(?:day)?\b|\b(?:business|working) days?\b")
SUB_DAY = frozenset({"second", "minute", "hour"})


def working_time(text: str, periods: set[str]) -> tuple[float, list[str]]:
    """The share of a 24/7, 30-day month a rate runs when the text keeps it to working hours or weekdays, and
    what was assumed: "1,000 requests per minute ... business hours on weekdays" runs 8/24 x 22/30 of it."""
    share, said = 1.0, []
    hours = _HOURS.search(text)
    if hours is not None and periods & SUB_DAY:
        h = int(hours.group("h")) if hours.group("h") else 8
        if 0 < h < 24:
            share *= h / 24
            said.append(f"{h} hours a day")
    if _WEEKDAYS.search(text) and periods & (SUB_DAY | {"day"}):
        share *= 22 / 30
        said.append("22 weekdays a month")
    return share, said
