"""The numbers of a question and what each one is, as named rules: money, shares, latency and speed, floors and
limits, volume.

`extract_quantities(text)` finds every number and offers it to the rules of `RULES` in order; the first rule that
claims it gives it its role and fills `Quantities` fields. `BEFORE` passes read the whole text first (ratios of
input to output), `AFTER` passes last (the volume from the amounts and counts found, "sub-second"). Each rule
holds its own examples. A new unit is one new rule in its module and one place in `RULES`.
"""

from __future__ import annotations

import math

from bot.parse import pattern_cache
from bot.parse.numbers import NUMBER, number_value
from bot.parse.quantities.base import Num, Pass, Quantities, Rule, Scan, Spot
from bot.parse.quantities.floors import CONTEXT, LIMIT, LONG, OUTPUT
from bot.parse.quantities.ignored import IGNORED
from bot.parse.quantities.money import MONEY
from bot.parse.quantities.shares import CACHE_HITS, PERCENT, RATIO
from bot.parse.quantities.sizes import INPUT_SIZE
from bot.parse.quantities.speed import LATENCY_MS, LATENCY_SECONDS, SPEED, SUB_SECOND
from bot.parse.quantities.traffic import TRAFFIC_PER_SECOND
from bot.parse.quantities.volume import (
    COUNT,
    PRICE_UNIT,
    SCALED,
    TOKENS,
    VOLUME,
)

__all__ = ["AFTER", "BEFORE", "RULES", "Pass", "Quantities", "Rule", "extract_quantities"]

BEFORE: tuple[Pass, ...] = (RATIO,)
RULES: tuple[Rule, ...] = (
    IGNORED,
    MONEY,
    CACHE_HITS,
    PERCENT,
    LATENCY_MS,
    LATENCY_SECONDS,
    TRAFFIC_PER_SECOND,
    SPEED,
    CONTEXT,
    LONG,
    OUTPUT,
    LIMIT,
    PRICE_UNIT,
    COUNT,
    TOKENS,
    SCALED,
)
AFTER: tuple[Pass, ...] = (SUB_SECOND, INPUT_SIZE, VOLUME)


def extract_quantities(text: str) -> Quantities:
    """Volume, money, floors, share and limit in `text` (lower case, number words as digits, models masked)."""
    nums = [
        Num(m.start(), m.end(), number_value(m), (m.group("scale") or "").lower() or None, m.group())
        for m in NUMBER.finditer(text)
    ]
    scan = Scan(text, nums)
    _odd_numbers(scan)
    if not nums and "second" not in text:
        return scan.q
    for step in BEFORE:
        step.run(scan)
    starts = [n.start for n in nums] + [len(text)]
    for i, n in enumerate(nums):
        if n.role:
            continue
        spot = Spot(i, n, text[max(0, n.start - 48) : n.start], text[n.end : n.end + 60], starts[i + 1])
        for rule in RULES:
            if rule.claim(scan, spot):
                break
    for step in AFTER:
        step.run(scan)
    return scan.q


_MINUS = pattern_cache.compile(r"(?:^|(?<=[\s(:=,]))[-\u2212]$")  # a minus sign touches its number; " - " is a dash
_ZERO_AMOUNT = pattern_cache.compile(r"^\s*(?:tokens?|toks?|requests?|calls?|dollars?|\$)\b")


def _odd_numbers(scan: Scan) -> None:
    """Set aside numbers no question can mean, and say so: too large to hold, negative, or a zero amount."""
    for n in scan.nums:
        before, after = scan.text[max(0, n.start - 2) : n.start], scan.text[n.end : n.end + 12]
        if not math.isfinite(n.value) or n.value > 1e18:
            n.role = "odd"
            scan.q.odd.append(f"{n.raw[:12]}... is too large a number to use")
        elif _MINUS.search(before):
            n.role = "odd"
            scan.q.odd.append(f"-{n.raw} is negative")
        elif n.value == 0 and _ZERO_AMOUNT.match(after):
            n.role = "odd"
            scan.q.odd.append(f"{n.raw}{after.split()[0] if after.split() else ''} is zero".replace("0tokens", "0 tokens"))
