"""Time-of-day pricing asked about: "any off-peak discounts?", "cheaper at night?", and the hour the work can run
("we can run jobs at 3am" is 03:00, taken as UTC)."""

from __future__ import annotations

from bot.parse import pattern_cache

_OFF_PEAK = pattern_cache.compile(
    r"\boff[- ]?peak\b|\b(?:night(?:time)?|overnight|late[- ]night|weekend)\s+(?:discounts?|pricing|prices?|rates?)\b"
    r"|\bcheaper (?:at night|overnight|on weekends|at certain (?:times|hours))\b|\btime[- ]of[- ]day (?:pricing|prices?|discounts?)\b"
    r"|\bhappy hours?\b|\bpeak (?:hours|pricing|prices?)\b|\bcheap(?:er|est)? (?:time|hours?) (?:of (?:the )?day|to run)\b"
    r"|\b(?:time of day|hour of the day) (?:to run|when|that is|is) (?:cheap\w*|discount\w*)\b"
)
_HOUR = pattern_cache.compile(r"\b(?:at|around|from|by|after)\s+(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s*(?P<ampm>am|pm|a\.m\.|p\.m\.)?(?:\s*utc)?\b")


def off_peak(text: str) -> tuple[bool, int | None]:
    """Whether time-of-day prices are asked about, and the hour (0-23, UTC) the work would run, if said."""
    if not _OFF_PEAK.search(text):
        return False, None
    m = _HOUR.search(text)
    if m is None or (m.group("ampm") is None and m.group("m") is None):
        return True, None  # "at 3" alone could be anything
    hour = int(m.group("h")) % 12 if m.group("ampm") else int(m.group("h"))
    if (m.group("ampm") or "").startswith("p"):
        hour += 12
    return True, hour if 0 <= hour <= 23 else None
