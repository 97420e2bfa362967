"""Numbers as people type them: digits with suffixes, number words, and periods.

`words_to_digits("twenty million tokens")` gives "20000000 tokens"; `NUMBER` finds "50M", "1.5B",
"2.5e8", "400k", "3,000", "2.5 million" and "2 lakh"; `number_value` turns a match into a float; `period_factor`
turns "a day" / "per week" / "yearly" into the multiplier to a month (x30, x52/12, /12, x720 an hour).
"""

from __future__ import annotations

import re

from bot.parse import pattern_cache

_SMALL = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "quadrillion": 1e15}
_FRACTIONS = {"half": 0.5, "quarter": 0.25, "couple": 2.0}

_WORD = "|".join(sorted([*_SMALL, *_TENS, *_SCALES, *_FRACTIONS], key=len, reverse=True))
_WORD_RUN = pattern_cache.compile(rf"\b(?:an?\s+)?(?:{_WORD})(?:(?:\s+|-)(?:(?:and|of|a|an)\s+)*(?:{_WORD}))*\b")

# a number in digits, optionally with a magnitude suffix; 't' is not a suffix before '/' ("100 t/s")
NUMBER = pattern_cache.compile(
    r"(?<![\w.,])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?(?:e[+-]?\d{1,2}|(?:\^|\*\*)\d{1,2})?|\.\d+)"
    r"(?:\s?(?P<scale>thousand|millions?|billions?|trillions?|quadrillions?|lakhs?|lacs?|crores?|grand|mln|mio\.?|mrd\.?|mil|mill|mm|mn|bn|bil|tn|k|m|b|t(?![/]))(?![a-z]))?",
    re.I,
)

_SCALE_VALUES = {
    "k": 1e3,
    "grand": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mm": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "mil": 1e6,
    "mill": 1e6,
    "million": 1e6,
    "millions": 1e6,
    "mio": 1e6,  # German and Dutch: "50 Mio. Tokens"
    "mrd": 1e9,  # German: "2 Mrd. Tokens" (Milliarden)
    "b": 1e9,
    "bn": 1e9,
    "bil": 1e9,
    "billion": 1e9,
    "billions": 1e9,
    "t": 1e12,
    "tn": 1e12,
    # the Indian scale: a lakh is 100,000, a crore 10,000,000 ("2 lakh tickets", "3 crore tokens")
    "lakh": 1e5,
    "lakhs": 1e5,
    "lac": 1e5,
    "lacs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
    "trillion": 1e12,
    "trillions": 1e12,
    "quadrillion": 1e15,
    "quadrillions": 1e15,
}

# periods, as the factor that turns an amount per period into an amount per month
_PERIOD_FACTORS = {
    "second": 30 * 24 * 3600,
    "minute": 30 * 24 * 60,
    "hour": 720.0,
    "day": 30.0,
    "week": 52 / 12,
    "month": 1.0,
    "quarter": 1 / 3,
    "year": 1 / 12,
}
_PERIOD_WORDS = {
    "s": "second",
    "sec": "second",
    "second": "second",
    "seconds": "second",
    "min": "minute",
    "mins": "minute",
    "minute": "minute",
    "minutes": "minute",
    "minutely": "minute",
    "h": "hour",
    "hr": "hour",
    "hrs": "hour",
    "hour": "hour",
    "hours": "hour",
    "hourly": "hour",
    "d": "day",
    "day": "day",
    "days": "day",
    "daily": "day",
    "night": "day",
    "nightly": "day",
    "wk": "week",
    "week": "week",
    "weeks": "week",
    "weekly": "week",
    "mo": "month",
    "mos": "month",
    "mth": "month",
    "month": "month",
    "months": "month",
    "monthly": "month",
    "quarter": "quarter",
    "quarterly": "quarter",
    "qtr": "quarter",
    **{f"q{n}": "quarter" for n in range(1, 5)},
    "yr": "year",
    "yrs": "year",
    "year": "year",
    "years": "year",
    "yearly": "year",
    "annually": "year",
    "annual": "year",
    "annum": "year",
    "pa": "year",
}
PERIOD = pattern_cache.compile(
    r"(?:\b(?:per|a|an|each|every|every\s+single|in\s+a|in\s+one|in\s+an|over\s+a|over\s+one|within\s+a)\s+|/\s*)"
    r"(?P<unit>second|sec|minute|min|hour|hr|h|day|d|night|week|wk|month|mo|mth|quarter|qtr|year|yr|annum|(?<=/)s(?=\s|$|[,.;)?!]))\b"
    r"|\b(?P<adverb>hourly|daily|nightly|weekly|monthly|quarterly|yearly|annually|per\s+annum|minutely)\b"
    # a span the amount covers: "900M tokens for Q1", "2.4B for the whole quarter", "$18k last quarter"
    r"|\b(?:for|in|over|during|across|through|last|this|next|the past|the last)\s+(?:the\s+|a\s+)?(?:whole\s+|entire\s+|full\s+)?"
    r"(?P<span>quarter|q[1-4]|year|month|week)\b"
)


def _word_value(words: list[str]) -> float | None:
    total = 0.0
    current = 0.0
    seen = False
    for w in words:
        if w in _SMALL:
            current += _SMALL[w]
            seen = True
        elif w in _TENS:
            current += _TENS[w]
            seen = True
        elif w in _FRACTIONS:
            current += _FRACTIONS[w]
        elif w == "hundred":
            current = (current or 1) * 100
            seen = True
        elif w in _SCALES:
            total += (current or 1) * _SCALES[w]
            current = 0.0
            seen = True
    return total + current if seen else None


def _replace_words(m: re.Match[str]) -> str:
    text = m.group(0)
    words = re.findall(r"[a-z]+", text)
    core = [w for w in words if w not in ("a", "an", "and", "of")]
    has_scale = any(w in _SCALES for w in core)
    # "one", "zero", "half", "couple" alone are words, not numbers ("which one", "zero-shot")
    if not has_scale and (len(core) == 1 and core[0] in ("one", "zero", "half", "quarter", "couple")):
        return text
    if not has_scale and all(w in _FRACTIONS for w in core):
        return text
    if all(w in _SCALES for w in core) and words[0] not in ("a", "an"):
        return text  # "per million tokens", "100 million": a unit or a digit's scale, not a number
    value = _word_value(core)
    if value is None:
        return text
    lead = "a " if words[0] in ("a", "an") and not has_scale and core[0] not in _SCALES else ""
    return lead + (str(int(value)) if value == int(value) else repr(value))


_PART_OF_A_SECOND = pattern_cache.compile(r"\b(half|(?:a\s+)?quarter)\s+(?:of\s+)?(?:a|one)\s+(seconds?|secs?)\b")


# "a dollar", "a buck", "a grand": one of the unit; "a couple of options": two of them
_ONE_UNIT = pattern_cache.compile(r"\b(?:a|one) (dollar|buck|grand|cent|penny)\b")
_COUPLE = pattern_cache.compile(r"\ba couple (?:of )?(?=(?:\w+ )?(?:options|models|picks|choices|alternatives|suggestions|llms)\b)")


def words_to_digits(text: str) -> str:
    """Number words written as digits: "twenty million" -> "20000000", "half a million" -> "500000",
    "half a second" -> "0.5 second", "under a dollar" -> "under 1 dollar"."""
    text = _PART_OF_A_SECOND.sub(lambda m: f"{0.5 if m.group(1) == 'half' else 0.25} {m.group(2)}", text)
    if "a " in text or "one " in text:
        text = _ONE_UNIT.sub(lambda m: f"1 {m.group(1)}", text)
        text = _COUPLE.sub("2 ", text)
    if not _WORD_RUN.search(text):
        return text
    return _WORD_RUN.sub(_replace_words, text)


def number_value(m: re.Match[str]) -> float:
    """The value of a `NUMBER` match, magnitude suffix applied."""
    num = m.group("num").replace(",", "")
    base, power, exponent = num.replace("**", "^").partition("^")  # "10^15": a power of ten, as typed
    try:
        value = float(base) ** int(exponent) if power else float(num)
    except OverflowError:  # "99999999^99": too large to hold, refused as an odd number
        value = float("inf")
    scale = m.group("scale")
    if scale:
        value *= _SCALE_VALUES[scale.lower().rstrip(".")]
    return value


def parse_number(text: str) -> float | None:
    """The first number in `text` ("1.5B" -> 1.5e9), or None."""
    m = NUMBER.search(words_to_digits(text.lower()))
    return number_value(m) if m else None


def period_factor(m: re.Match[str]) -> float:
    """The multiplier to a month for a `PERIOD` match ("a day" -> 30)."""
    return _PERIOD_FACTORS[period_name(m)]


def period_name(m: re.Match[str]) -> str:
    """ "day", "week", "month"... for a `PERIOD` match (or any match with a `unit` or `adverb` group)."""
    groups = m.groupdict()
    word = (groups.get("unit") or groups.get("adverb") or groups.get("span") or "month").split()[-1]
    return _PERIOD_WORDS.get(word, "month")
