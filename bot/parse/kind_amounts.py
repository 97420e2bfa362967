"""How much a non-chat model would do a month, in its own unit: hours of audio, images, characters.

"5000 hours of calls a month" -> 5000 (hours of audio), "10k images" -> 10,000, "2M characters a day" -> 60M.
A named rule per unit, each with its examples (run by tests/parse/test_kind_amounts.py); no period stated is a
month, as for token volumes; numbers and periods are read as `bot.parse.numbers` reads them. Minutes of audio
count as hours, the unit transcription is priced in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.parse import pattern_cache
from bot.parse.numbers import NUMBER, PERIOD, number_value, period_factor


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
    # the parser's own number, then up to two words before its unit: "500 product photos", "200 hours of sales calls"
    between = r"(?:\s+(?!tokens?\b)[a-z][a-z-]*){0,2}?"
    return pattern_cache.compile(rf"{NUMBER.pattern}{between}\s*(?:{unit_words})\b", re.IGNORECASE)


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
        r"(?:images?|pictures?|pics|photos?|renders?|illustrations?|thumbnails?|shots|product shots|mockups?|banners?)",
        1.0,
        (
            ("best image generation model, we need 10k images a month", 10_000),
            ("generate 500 product photos a day", 15_000),
            ("cheapest image generation for 10k product shots a month at 1024x1024", 10_000),
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

    Rule(
        "searches",
        r"(?:searches|search(?:es)? queries|queries|lookups|retrievals|rerank(?:ing)? (?:calls|requests))",
        1.0,
        (
            ("best reranker, about 2M searches a month", 2e6),
            ("rerank 50k queries a day", 1.5e6),
        ),
    ),
)

KIND_RULES = {"transcription": RULES[:2], "image_generation": RULES[2:3], "speech": RULES[3:4], "rerank": RULES[4:]}


def kind_volume(text: str, kind: str | None) -> float | None:
    """The monthly amount `text` gives in `kind`'s own unit (hours of audio, images, characters), or None."""
    text = text.lower()
    for rule in KIND_RULES.get(kind or "", ()):
        match = rule.pattern.search(text)
        if match is None:
            continue
        period = PERIOD.match(text[match.end() :].lstrip())  # "a day", "per week", "daily": else a month
        return number_value(match) * (period_factor(period) if period else 1.0) * rule.per_unit
    return None
