"""`fast()` patterns find exactly what the plain `re.compile` of the same source finds, on every question set."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from bot.parse.fast_patterns import REWRITTEN, fast

ROOT = Path(__file__).resolve().parents[2]
SOURCES = (
    r"\bcosts?\b|\bprice[sd]?\b|\$|\btco\b",
    r"(?<=with )json\b|(?<=supports )json\b|\bjson[- ]mode\b",
    r"\ba(?<!support a)gent(?:s|ic)?\b|\bagentic\b|\btools\b",
    r"\b(?:per|a|an)\s+(?P<unit>day|week)\b|\b(?P<adverb>daily|weekly)\b|/\s*(?P<slash>day)",
    r"\bover (?:our|my) (?:docs|data)\b|\bsemantic search\b|[%]",
    r"\b(?:cheaper|faster|better) (?:option|model)s? (?:to|than)\s+¤|\bbeats? ¤",
)


def _texts() -> list[str]:
    texts = []
    for path in sorted((ROOT / "tests" / "data").glob("*cases*.jsonl")):
        texts += [json.loads(line)["q"].lower() for line in path.read_text().splitlines() if line.strip()]
    rng = random.Random(7)
    alphabet = "abcdeghijklmnoprstuwy $%/-_.¤ with json price cost agent support per day"
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80))) for _ in range(400)]
    return texts


def _found(pattern: re.Pattern[str], text: str) -> list[tuple]:
    return [(m.span(), m.groups(), m.groupdict()) for m in pattern.finditer(text)]


@pytest.mark.parametrize("source", SOURCES, ids=lambda s: s[:30])
def test_fast_pattern_matches_where_the_plain_pattern_matches(source: str) -> None:
    plain, quick = re.compile(source), fast(source)
    for text in _texts():
        assert _found(quick, text) == _found(plain, text), text


def test_every_rewritten_parser_pattern_matches_where_its_source_does() -> None:
    import bot.parse.pipeline  # noqa: F401 - imports every parser module, compiling their patterns

    texts = _texts()[::2]
    assert len(REWRITTEN) >= 5
    for source, flags, quick in REWRITTEN:
        plain = re.compile(source, flags)
        for text in texts:
            assert _found(quick, text) == _found(plain, text), (source[:60], text)


def test_mixed_alternatives_are_rewritten_and_uniform_ones_left_alone() -> None:
    assert fast(r"\bcost\b|\$") != re.compile(r"\bcost\b|\$")  # rewritten: another program, the same language
    assert fast(r"\bcost\b|\bprice\b") == re.compile(r"\bcost\b|\bprice\b")  # the engine is quick on these already
    assert fast(r"(?<!\w)[a-z]+|\bx") == re.compile(r"(?<!\w)[a-z]+|\bx")  # a variable start is left as it is


def test_case_insensitive_patterns_are_compiled_plainly() -> None:
    assert fast(r"\bcost\b|\$", re.I).pattern == r"\bcost\b|\$"
