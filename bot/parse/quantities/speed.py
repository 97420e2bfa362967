"""Speed and latency: "at least 100 tok/s" is a speed floor; "TTFT under 400ms" and "replies within 2 seconds" a
latency ceiling in seconds; "sub-second" is one second."""

from __future__ import annotations

from bot.parse import pattern_cache
from bot.parse.quantities.base import Pass, Rule, Scan, Spot

_MS_AFTER = pattern_cache.compile(r"^\s*(?:ms|msec|millis\w*)\b")
_SEC_AFTER = pattern_cache.compile(r"^\s*(?:s|sec|secs|seconds?)\b")
_LATENCY_CONTEXT = pattern_cache.compile(
    r"\b(?:ttft|latency|first token|respon\w+|reply|replies|answer\w*|within|under|below|less than|faster than|<|<=|max|at most|wait)\b|<"
)
_SUB_SECOND = pattern_cache.compile(r"\b(?:sub|under|below|less than|within)[\s-]*(?:a|one|1)?\s*-?\s*second\b")
_SPEED_AFTER = pattern_cache.compile(
    r"^\s*\+?\s*(?:(?:output\s+)?(?:tokens?|toks?|t)\s*(?:/|per|a|each)\s*(?:s|sec|second)\b|(?:tps|tok/s|t/s|tokens/s|otps)\b)"
)


def _millis(scan: Scan, spot: Spot) -> bool:
    if not _MS_AFTER.match(spot.after):
        return False
    scan.q.max_latency = spot.n.value / 1000
    spot.n.role = "latency"
    return True


def _seconds(scan: Scan, spot: Spot) -> bool:
    n = spot.n
    if not (
        _SEC_AFTER.match(spot.after)
        and _LATENCY_CONTEXT.search(spot.before[-30:] + " " + scan.text[max(0, n.start - 60) : n.start])
    ):
        return False
    scan.q.max_latency = n.value
    n.role = "latency"
    return True


def _speed(scan: Scan, spot: Spot) -> bool:
    if not _SPEED_AFTER.match(spot.after):
        return False
    scan.q.min_speed = spot.n.value
    spot.n.role = "speed"
    return True


def _sub_second(scan: Scan) -> None:
    if _SUB_SECOND.search(scan.text) and scan.q.max_latency is None:
        scan.q.max_latency = 1.0


LATENCY_MS = Rule(
    name="latency_ms",
    claim=_millis,
    fills=("max_latency",),
    examples=(("ttft under 400ms", {"max_latency": 0.4}), ("first token in 250 ms", {"max_latency": 0.25})),
)
LATENCY_SECONDS = Rule(
    name="latency_seconds",
    claim=_seconds,
    fills=("max_latency",),
    examples=(
        ("replies within 2 seconds", {"max_latency": 2.0}),
        ("latency under 1.5s", {"max_latency": 1.5}),
        ("a 30 second video", {"max_latency": None}),
    ),
)
SUB_SECOND = Pass(
    name="sub_second",
    run=_sub_second,
    fills=("max_latency",),
    examples=(("needs sub-second responses", {"max_latency": 1.0}), ("under a second to answer", {"max_latency": 1.0})),
)
SPEED = Rule(
    name="speed",
    claim=_speed,
    fills=("min_speed",),
    examples=(
        ("at least 100 tok/s", {"min_speed": 100}),
        ("150 tokens per second or more", {"min_speed": 150}),
        ("over 80 tps", {"min_speed": 80}),
    ),
)
