"""Shares: the input fraction of the tokens, from a ratio ("3:1 input:output", "80/20") or a percentage ("95% input")."""

from __future__ import annotations

import re

from bot.parse import pattern_cache
from bot.parse.quantities.base import Pass, Rule, Scan, Spot, io_of
from bot.parse.quantities.units import IO_WORD

PERCENT_AFTER = pattern_cache.compile(r"^\s*(?:%|percent\b|pct\b)")
_RATIO = pattern_cache.compile(r"(?<![\w.:$/])(?P<a>\d+(?:\.\d+)?)\s*(?P<sep>:|\bto\b)\s*(?P<b>\d+(?:\.\d+)?)(?![\w:/%]|\.\d)")
_SLASH = pattern_cache.compile(r"(?<![\w.$/:])(?P<a>\d{1,3}(?:\.\d+)?)\s*(?P<sep>/)\s*(?P<b>\d{1,3}(?:\.\d+)?)(?![\w/:%]|\.\d)")
_CLOCK = pattern_cache.compile(r"\d{1,2}:\d{2}")
_IO_CONTEXT = pattern_cache.compile(r"\b(?:input|output|prompt|completion|in|out|i/o|ratio|split|mix)\b")
_REVERSED = pattern_cache.compile(r"\b(?:output|out|completion)s?\s*(?::|/|to|-|vs\.?)\s*(?:input|in|prompt)s?\b")


_CACHE = pattern_cache.compile(r"\bcach\w*|\bprompt[- ]cach\w*|\bcache[- ]?hits?\b")
_IO_NEXT = pattern_cache.compile(r"^\s*(?:of (?:the )?tokens? )?(?:input|output|in|out|completion)\b")
_RATE_AFTER = pattern_cache.compile(r"^\s*(?:prompt[- ])?cache[- ]?hit[- ]?(?:rate|ratio)\b")  # "a 0.9 cache hit ratio"
_CACHE_BEFORE = pattern_cache.compile(
    r"\b(?:cache[- ]?hit(?:s|[- ]rate|[- ]ratio)?|cache[- ](?:rate|ratio)|caching rate|hit rate)\s*(?:rate|ratio)?\s*(?:of|is|at|=|:|around|about|roughly|~|near|close to|approx\w*)?\s*(?:about|around|~)?\s*$"
)


def _cache_hits(scan: Scan, spot: Spot) -> bool:
    """ "80% cache hits", "cache hit rate of 0.7", "90% of the prompt is cached": the share of input served from cache."""
    n, before = spot.n, spot.before
    percent = PERCENT_AFTER.match(spot.after)
    rest = spot.after[percent.end() :] if percent else spot.after
    window = rest[: max(0, min(spot.stop - n.end, 45))]
    if not (_CACHE.search(window) or _CACHE.search(before[-30:])) or _IO_NEXT.match(rest):
        return False
    if (_CACHE_BEFORE.search(before) or _RATE_AFTER.match(rest)) and not percent and 0 < n.value <= 1:
        value = n.value  # "cache hit rate of 0.7"
    elif percent and 0 <= n.value <= 100:
        value = n.value / 100
    else:
        return False
    scan.q.cache_hit_rate = round(value, 6)
    n.role = "cache"
    return True


_CLAUSE_END = pattern_cache.compile(r"[,;.)]|\((?!\s*(?:input|output|prompt|completion)\b)")  # "(input)" names the half
# an even split said in words: "half input half output", "half and half"
_HALVES = pattern_cache.compile(r"\bhalf (?:input|in|prompt)\b.{0,12}\bhalf (?:output|out|completion)\b|\bhalf (?:output|out)\b.{0,12}\bhalf (?:input|in)\b"
                     r"|\b(?:input|in) and (?:output|out) (?:are )?(?:about |roughly )?(?:even|equal|the same)\b|\beven(?:ly)? split (?:between )?(?:input|in)\b")


def _last(found) -> re.Match[str] | None:
    """The last of some matches (the io word nearest before a percentage), or None."""
    last = None
    for last in found:  # noqa: B007 - the loop keeps the last match
        pass
    return last


def _percent(scan: Scan, spot: Spot) -> bool:
    if not PERCENT_AFTER.match(spot.after):
        return False
    n = spot.n
    n.role = "percent"
    window = _CLAUSE_END.split(scan.text[n.end : min(spot.stop, n.end + 40)], maxsplit=1)[0]  # "input 80%, output 20%"
    m = IO_WORD.search(window) or _last(IO_WORD.finditer(spot.before[-24:]))
    if m is None or not 0 <= n.value <= 100:
        return True
    share = n.value / 100
    scan.q.input_share = share if io_of(m.group(1)) == "in" else round(1 - share, 6)
    return True


def _ratios(scan: Scan) -> None:
    text = scan.text
    if "half" in text and _HALVES.search(text):
        scan.q.input_share = 0.5
    for pattern in (_RATIO, _SLASH):
        for m in pattern.finditer(text):
            a, b = float(m.group("a")), float(m.group("b"))
            if a + b <= 0:
                continue
            around = text[max(0, m.start() - 30) : m.end() + 40]
            io_words = _IO_CONTEXT.search(around)
            if m.group("sep") == "to" and not io_words:
                continue
            if pattern is _SLASH and not (abs(a + b - 100) < 1e-6 or io_words) or (a, b) == (24, 7):
                continue
            if pattern is _RATIO and not io_words and (a > 100 or b > 100 or _CLOCK.fullmatch(m.group())):
                continue  # "moved to 10:15" is a time
            share = a / (a + b)
            if _REVERSED.search(around):
                share = 1 - share
            scan.q.input_share = round(share, 6)
            for n in scan.nums:
                if m.start() <= n.start < m.end():
                    n.role = "ratio"


RATIO = Pass(
    name="ratio",
    run=_ratios,
    fills=("input_share",),
    examples=(
        ("3:1 input:output", {"input_share": 0.75}),
        ("a 1:1 mix", {"input_share": 0.5}),
        ("1m tokens, half input half output", {"input_share": 0.5}),
        ("80/20 split", {"input_share": 0.8}),
        ("80m tokens a month at 90/10. thoughts?", {"input_share": 0.9}),
        ("output:input 1:4", {"input_share": 0.8}),
        ("support 24/7", {"input_share": None}),
        ("the standup moved to 10:15", {"input_share": None}),
    ),
)
PERCENT = Rule(
    name="percent",
    claim=_percent,
    fills=("input_share",),
    examples=(
        ("95% input", {"input_share": 0.95}),
        ("about 30 percent output", {"input_share": 0.7}),
        ("input 80%, output 20%, 100m tokens", {"input_share": 0.8}),
        ("99.9% uptime", {"input_share": None}),
        ("~50M tokens a month, and 90% of that is retrieved context (input)", {"input_share": 0.9}),
    ),
)
CACHE_HITS = Rule(
    name="cache_hits",
    claim=_cache_hits,
    fills=("cache_hit_rate",),
    examples=(
        ("with 70% cache hits", {"cache_hit_rate": 0.7, "input_share": None}),
        ("80% cache hit rate", {"cache_hit_rate": 0.8}),
        ("cache hit rate around 50%", {"cache_hit_rate": 0.5}),
        ("a cache hit rate of 0.65", {"cache_hit_rate": 0.65}),
        ("with a 0.9 cache hit ratio", {"cache_hit_rate": 0.9}),
        ("about 90% of our prompt is cached", {"cache_hit_rate": 0.9, "input_share": None}),
        ("95% input, no caching", {"cache_hit_rate": None, "input_share": 0.95}),
    ),
)
