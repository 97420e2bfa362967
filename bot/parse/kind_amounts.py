"""How much a non-chat model would do a month, in its own unit: hours of audio, images, characters.

"5000 hours of calls a month" -> 5000 (hours of audio), "10k images" -> 10,000, "2M characters a day" -> 60M.
A named rule per unit, each with its examples (run by tests/parse/test_kind_amounts.py); no period stated is a
month, as for token volumes. Minutes of audio count as hours, the unit transcription is priced in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.parse import pattern_cache

_NUMBER = r"(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(?P<scale>k|m|mm|b|thousand|million|billion)?"
_PERIOD = (
    r"(?:\s*(?:a|an|per|/|each|every)\s*(?P<period>day|week|month|mo|year|yr|hour|hr)\b"
    r"|\s+(?P<adverb>daily|weekly|monthly|yearly|annually|nightly|hourly)\b)?"
)
SCALES = {None: 1.0, "k": 1e3, "thousand": 1e3, "m": 1e6, "mm": 1e6, "million": 1e6, "b": 1e9, "billion": 1e9}
PERIODS = {
    "hour": 720.0, "hr": 720.0, "hourly": 720.0, "day": 30.0, "daily": 30.0, "nightly": 30.0,
    "week": 52 / 12, "weekly": 52 / 12, "month": 1.0, "mo": 1.0, "monthly": 1.0,
    "year": 1 / 12, "yr": 1 / 12, "yearly": 1 / 12, "annually": 1 / 12,
}  # fmt: skip


@dataclass(frozen=True)
class Rule:
    """One unit: the words that name it after a number, what one of it is in the kind's unit, and examples."""

    name: str
    unit_words: str
    per_unit: float
    examples: tuple[tuple[str, float | None], ...]

    @property
    def pattern(self) -> re.Pattern[str]:
        return _compiled(self.unit_words)


def _compiled(unit_words: str) -> re.Pattern[str]:
    # up to two words between the number and its unit: "500 product photos", "200 hours of sales calls"
    between = r"(?:\s+(?!tokens?\b)[a-z][a-z-]*){0,2}?"
    return pattern_cache.compile(rf"(?<![\w.]){_NUMBER}{between}\s*(?:{unit_words})\b{_PERIOD}", re.IGNORECASE)


RULES = (
    Rule(
        "audio hours",
        r"(?:hours?|hrs?|h)(?:\s+of\s+(?:audio|calls?|recordings?|meetings?|podcasts?|video|speech|voice))?",
        1.0,
        (
            ("transcription of 5000 hours of calls a month", 5000),
            ("we record 200 hours of meetings a week", 200 * 52 / 12),
            ("whisper for 1.5k hrs of audio", 1500),
        ),
    ),
    Rule(
        "audio minutes",
        r"(?:minutes?|mins?)(?:\s+of\s+(?:audio|calls?|recordings?|meetings?|podcasts?|video|speech|voice))?",
        1 / 60,
        (
            ("transcribe 30,000 minutes of calls per month", 500),
            ("about 600 mins of audio daily", 300),
        ),
    ),
    Rule(
        "images",
        r"(?:images?|pictures?|pics|photos?|renders?|illustrations?|thumbnails?)",
        1.0,
        (
            ("best image generation model, we need 10k images a month", 10_000),
            ("generate 500 product photos a day", 15_000),
        ),
    ),
    Rule(
        "characters",
        r"(?:characters?|chars)",
        1.0,
        (
            ("tts for 2M characters a month", 2e6),
            ("text to speech, 100k chars per day", 3e6),
        ),
    ),
)

KIND_RULES = {"transcription": RULES[:2], "image_generation": RULES[2:3], "speech": RULES[3:]}


def kind_volume(text: str, kind: str | None) -> float | None:
    """The monthly amount `text` gives in `kind`'s own unit (hours of audio, images, characters), or None."""
    for rule in KIND_RULES.get(kind or "", ()):
        match = rule.pattern.search(text)
        if match is None:
            continue
        amount = float(match["n"].replace(",", "")) * SCALES[(match["scale"] or "").lower() or None]
        period = (match["period"] or match["adverb"] or "month").lower()
        return amount * PERIODS[period] * rule.per_unit
    return None
