"""Self-hosting hardware and size caps: "on a single H100", "fits on one RTX 4090", "2x A100 80GB", "under 10B params".

Each is a named rule with the examples it must read (`tests/parse/test_hardware.py` runs them), Duckling style.
The GPUs, their count and memory become the `hardware` extra; a cap on total parameters `max_params` (billions);
a stated number format (`fp16`, `fp8`, `int8`, `int4`) `precision`. Hardware you run, or a parameter cap, means
open weights: `extras` adds that capability, as the contract reads "self-host".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.contract.query import Hardware, Query
from bot.parse import pattern_cache

Example = tuple[str, dict[str, Any]]

# card -> (pattern, memory GB of one card); the first match wins, so a longer name comes before its prefix
GPUS: tuple[tuple[str, re.Pattern[str], float], ...] = (
    ("H100 NVL", pattern_cache.compile(r"\bh100[ -]?nvl\b"), 94),
    ("GH200", pattern_cache.compile(r"\bgh200s?\b"), 96),
    ("H200", pattern_cache.compile(r"\bh200s?\b"), 141),
    ("H100", pattern_cache.compile(r"\bh100s?\b|\bh800s?\b"), 80),
    ("B200", pattern_cache.compile(r"\bb200s?\b"), 192),
    ("B300", pattern_cache.compile(r"\bb300s?\b"), 288),
    ("A100", pattern_cache.compile(r"\ba100s?\b"), 80),
    ("L40S", pattern_cache.compile(r"\bl40s\b"), 48),
    ("L40", pattern_cache.compile(r"\bl40\b"), 48),
    ("L4", pattern_cache.compile(r"\bl4s?\b(?= gpus?| cards?|$|[,.;)?!])"), 24),
    ("A10G", pattern_cache.compile(r"\ba10g?s?\b"), 24),
    ("RTX 6000 Ada", pattern_cache.compile(r"\b(?:rtx )?6000 ada\b"), 48),
    ("RTX A6000", pattern_cache.compile(r"\b(?:rtx )?a6000s?\b"), 48),
    ("RTX 5090", pattern_cache.compile(r"\b(?:(?:nvidia|geforce|rtx)[ -]?)*5090s?\b"), 32),
    ("RTX 4090", pattern_cache.compile(r"\b(?:(?:nvidia|geforce|rtx)[ -]?)*4090s?\b"), 24),
    ("RTX 3090", pattern_cache.compile(r"\b(?:(?:nvidia|geforce|rtx)[ -]?)*3090s?\b"), 24),
    ("RTX 4080", pattern_cache.compile(r"\b(?:(?:nvidia|geforce|rtx)[ -]?)*4080s?\b"), 16),
    ("MI325X", pattern_cache.compile(r"\bmi325x?s?\b"), 256),
    ("MI300X", pattern_cache.compile(r"\bmi300x?s?\b"), 192),
)
_COUNT_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "single": 1,
    "two": 2,
    "dual": 2,
    "pair of": 2,
    "three": 3,
    "four": 4,
    "quad": 4,
    "six": 6,
    "eight": 8,
    "sixteen": 16,
}
_COUNT = pattern_cache.compile(
    r"(?:\b(?P<n>\d{1,4})\s*(?:x|×|\*)?\s*|\b(?P<w>a|an|one|single|two|dual|pair of|three|four|quad|six|eight|sixteen)"
    r"(?:\s+x)?\s+)(?:(?:nvidia|amd|geforce|rtx)\s+)*$"
)
_TIMES_AFTER = pattern_cache.compile(r"^s?\s*(?:x|×)\s*(?P<n>\d{1,4})\b")  # "H100 x 8"
_NODE = pattern_cache.compile(r"\b(?P<n>\d{1,2})[ -]?(?:x[ -]?)?gpus? (?:[\w-]+ ){0,2}(?:node|server|box|machine|rig)\b")
_GB = pattern_cache.compile(r"^\s*(?:\(|,|with)?\s*(?P<gb>\d{2,3})\s*(?:gb|g)\b")
_VRAM = pattern_cache.compile(
    r"\b(?P<gb>\d{1,3})\s*(?:gb|gib|g)\s*(?:of\s+)?(?:vram|gpu memory|graphics memory|video memory|gpu|card|graphics card)\b"
    r"|\bgpu with (?P<gb2>\d{1,3})\s*(?:gb|gib)\b"
)
_CAP_BEFORE = r"(?:under|below|less than|fewer than|smaller than|at most|up to|no more than|max(?:imum)?|<=?|≤|sub-?)"
_SIZE = r"(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>b|bn|billion|m|million|t|trillion)"
_PARAMS_WORD = r"\s*(?:total\s+)?(?:params?|parameters?)\b"
_CAPS = (  # "under 10b params", "a sub-14b model"; "7b or smaller"; "parameters under 500m"
    pattern_cache.compile(rf"\b{_CAP_BEFORE}\s*{_SIZE}(?:{_PARAMS_WORD}|\s+(?:models?|llms?)\b)"),
    pattern_cache.compile(rf"\b{_SIZE}(?:{_PARAMS_WORD})?\s+(?:or|and)\s+(?:smaller|less|fewer|under|below)\b"),
    pattern_cache.compile(rf"\b(?:params?|parameters?|size)\s*(?:count\s*)?{_CAP_BEFORE}\s*{_SIZE}\b"),
)
_SIZE_ASKED = pattern_cache.compile(
    r"\bhow many (?:params|parameters)\b|\bparam(?:eter)?s? count\b|\bnumber of param(?:eter)?s\b"
    r"|\bhow (?:big|large) is\b(?!.*\bcontext\b)|\bmodel size\b|\bhow much (?:vram|gpu memory|memory)\b"
    # what running it takes: "what GPU setup do I need to run kimi-k3 locally?", "how many H100s for ¤"
    r"|\bwhat (?:gpus?|hardware|setup|rig|machines?|servers?|kind of (?:gpus?|hardware|setup))\b[^.?!]{0,30}\b(?:need|take|require|run)\w*"
    r"|\bhow many (?:gpus?|cards|h100s?|h200s?|a100s?|b200s?|nodes|servers)\b"
    r"|\bwhat (?:do|would|does) (?:i|we|it|you) need to (?:run|host|serve|self[- ]?host)\b"
)
_UNIT = {"b": 1.0, "bn": 1.0, "billion": 1.0, "m": 1e-3, "million": 1e-3, "t": 1e3, "trillion": 1e3}
_PRECISIONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("int4", pattern_cache.compile(r"\b(?:int4|fp4|nvfp4|mxfp4|4[ -]?bit|q4(?:_k(?:_m)?)?|awq|gptq|w4a16)\b")),
    ("int8", pattern_cache.compile(r"\b(?:int8|8[ -]?bit|q8(?:_0)?|w8a8)\b")),
    ("fp8", pattern_cache.compile(r"\bfp8\b")),
    ("fp16", pattern_cache.compile(r"\b(?:fp16|bf16|16[ -]?bit|half[ -]precision|full[ -]precision|unquanti[sz]ed)\b")),
)


@dataclass(frozen=True)
class HardwareRule:
    """A named rule: `read` returns the extras it fills from the question ({} when it does not apply)."""

    name: str
    read: Callable[[str], dict[str, Any]]
    examples: tuple[Example, ...]


def _count(text: str, start: int, end: int) -> int:
    """How many cards the words around a card's name say: '2x', 'two', 'a pair of', 'x 8', '8-GPU node'."""
    m = _COUNT.search(text[max(0, start - 24) : start])
    if m is not None:
        return int(m.group("n")) if m.group("n") else _COUNT_WORDS[m.group("w")]
    after = _TIMES_AFTER.match(text[end : end + 12])
    if after is not None:
        return int(after.group("n"))
    node = _NODE.search(text)
    return int(node.group("n")) if node else 1


def _gpu(text: str) -> dict[str, Any]:
    for name, pattern, memory in GPUS:
        m = pattern.search(text)
        if m is None:
            continue
        if re.search(r"\bhow many\s*$", text[max(0, m.start() - 12) : m.start()]):
            return {}  # "how many h100s to serve ¤": the count is what is asked, not hardware the team has
        gb = _GB.match(text[m.end() : m.end() + 16])
        count = _count(text, m.start(), m.end())
        stated = float(gb.group("gb")) if gb else None
        return {"hardware": Hardware(gpu=name, count=max(1, count), memory_gb=stated or memory)}
    return {}


def _vram(text: str) -> dict[str, Any]:
    m = _VRAM.search(text)
    if m is None:
        return {}
    gb = float(m.group("gb") or m.group("gb2"))
    return {"hardware": Hardware(gpu=None, count=1, memory_gb=gb)} if gb >= 4 else {}


def _max_params(text: str) -> dict[str, Any]:
    for pattern in _CAPS:
        m = pattern.search(text)
        if m is not None:
            return {"max_params": float(m.group("n")) * _UNIT[m.group("unit")]}
    return {}


def _precision(text: str) -> dict[str, Any]:
    for name, pattern in _PRECISIONS:
        if pattern.search(text):
            return {"precision": name}
    return {}


def _asks_size(text: str) -> dict[str, Any]:
    return {"asks_size": True} if _SIZE_ASKED.search(text) else {}


RULES: tuple[HardwareRule, ...] = (
    HardwareRule(
        "gpu",
        _gpu,
        (
            ("best model to self-host on a single h100", {"hardware": {"gpu": "H100", "count": 1, "memory_gb": 80}}),
            ("what fits on one rtx 4090", {"hardware": {"gpu": "RTX 4090", "count": 1, "memory_gb": 24}}),
            ("we have 2x a100 80gb", {"hardware": {"gpu": "A100", "count": 2, "memory_gb": 80}}),
            ("a pair of 4090s", {"hardware": {"gpu": "RTX 4090", "count": 2, "memory_gb": 24}}),
            ("on 8 h100s", {"hardware": {"gpu": "H100", "count": 8, "memory_gb": 80}}),
            ("an a100 40gb", {"hardware": {"gpu": "A100", "count": 1, "memory_gb": 40}}),
            ("h200 x 4", {"hardware": {"gpu": "H200", "count": 4, "memory_gb": 141}}),
            ("an 8-gpu h100 node", {"hardware": {"gpu": "H100", "count": 8, "memory_gb": 80}}),
            ("our mi300x box", {"hardware": {"gpu": "MI300X", "count": 1, "memory_gb": 192}}),
            ("four l40s cards", {"hardware": {"gpu": "L40S", "count": 4, "memory_gb": 48}}),
            ("best model for coding", {"hardware": None}),
        ),
    ),
    HardwareRule(
        "vram",
        _vram,
        (
            ("runs on a 24gb gpu", {"hardware": {"gpu": None, "count": 1, "memory_gb": 24}}),
            ("i have 48 gb of vram", {"hardware": {"gpu": None, "count": 1, "memory_gb": 48}}),
            ("a 128k context window", {"hardware": None}),
        ),
    ),
    HardwareRule(
        "max_params",
        _max_params,
        (
            ("best model under 10b params", {"max_params": 10}),
            ("open models with fewer than 8 billion parameters", {"max_params": 8}),
            ("a sub-14b model for extraction", {"max_params": 14}),
            ("7b or smaller", {"max_params": 7}),
            ("parameters under 500m", {"max_params": 0.5}),
            ("under 10b tokens a month", {"max_params": None}),
        ),
    ),
    HardwareRule(
        "precision",
        _precision,
        (
            ("at fp16", {"precision": "fp16"}),
            ("4-bit quantized", {"precision": "int4"}),
            ("in fp8", {"precision": "fp8"}),
            ("q4_k_m gguf", {"precision": "int4"}),
            ("fits in 80gb", {"precision": None}),
        ),
    ),
)


RULES += (
    HardwareRule(
        "asks_size",
        _asks_size,
        (
            ("how many parameters does deepseek v4 pro have", {"asks_size": True}),
            ("what's the parameter count of gpt-oss-120b", {"asks_size": True}),
            ("how much vram does llama 3.3 70b need", {"asks_size": True}),
            ("what gpu setup do i need to run kimi-k3 locally?", {"asks_size": True}),
            ("how many h100s to serve deepseek v4 pro", {"asks_size": True}),
            ("how big is the context window", {"asks_size": None}),
            ("context window of gpt-5", {"asks_size": None}),
        ),
    ),
)


def read(text: str) -> dict[str, Any]:
    """Every hardware extra the question states (lower-cased text): hardware, max_params, precision."""
    out: dict[str, Any] = {}
    for rule in RULES:
        out |= rule.read(text)
    if "precision" in out and len(out) == 1:
        return {}  # "4-bit" alone is no self-hosting question
    return out


def extras(text: str, query: Query) -> dict[str, Any]:
    """The hardware extras for a query, with open weights added to its capabilities when they are set."""
    found = read(text)
    if not found:
        return {}
    sized = "hardware" in found or "max_params" in found
    if sized and query.intent not in ("info", "help", "unknown") and "open_weights" not in query.capabilities:
        found["capabilities"] = [*query.capabilities, "open_weights"]
    cap = found.get("max_params")
    if cap is not None and query.tokens_per_month is not None and abs(query.tokens_per_month - cap * 1e9) < 1:
        found["tokens_per_month"] = None  # "under 8 billion parameters" is a size, never a volume
        found["assumptions"] = [a for a in query.assumptions if "volume" not in a]
    return found
