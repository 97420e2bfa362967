"""Shares: the input fraction of the tokens, from a ratio ("3:1 input:output", "80/20") or a percentage ("95% input")."""

from __future__ import annotations

import re

from bot.parse.quantities.base import Pass, Rule, Scan, Spot, io_of
from bot.parse.quantities.units import IO_WORD

PERCENT_AFTER = re.compile(r"^\s*(?:%|percent\b|pct\b)")
_RATIO = re.compile(r"(?<![\w.:$/])(?P<a>\d+(?:\.\d+)?)\s*(?P<sep>:|\bto\b)\s*(?P<b>\d+(?:\.\d+)?)(?![\w.:/%])")
_SLASH = re.compile(r"(?<![\w.$/:])(?P<a>\d{1,3}(?:\.\d+)?)\s*(?P<sep>/)\s*(?P<b>\d{1,3}(?:\.\d+)?)(?![\w./:%])")
_IO_CONTEXT = re.compile(r"\b(?:input|output|prompt|completion|in|out|i/o|ratio|split|mix)\b")
_REVERSED = re.compile(r"\b(?:output|out|completion)s?\s*(?::|/|to|-|vs\.?)\s*(?:input|in|prompt)s?\b")


def _percent(scan: Scan, spot: Spot) -> bool:
    if not PERCENT_AFTER.match(spot.after):
        return False
    n = spot.n
    n.role = "percent"
    window = scan.text[n.end : min(spot.stop, n.end + 40)]
    m = IO_WORD.search(window) or IO_WORD.search(spot.before[-24:])
    if m is None or not 0 <= n.value <= 100:
        return True
    share = n.value / 100
    scan.q.input_share = share if io_of(m.group(1)) == "in" else round(1 - share, 6)
    return True


def _ratios(scan: Scan) -> None:
    text = scan.text
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
            if pattern is _RATIO and not io_words and (a > 100 or b > 100):
                continue
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
        ("80/20 split", {"input_share": 0.8}),
        ("output:input 1:4", {"input_share": 0.8}),
        ("support 24/7", {"input_share": None}),
    ),
)
PERCENT = Rule(
    name="percent",
    claim=_percent,
    fills=("input_share",),
    examples=(
        ("95% input", {"input_share": 0.95}),
        ("about 30 percent output", {"input_share": 0.7}),
        ("99.9% uptime", {"input_share": None}),
    ),
)
