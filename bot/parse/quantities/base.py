"""What the quantity rules share: the `Quantities` they fill, the numbers they read, and the rule types.

A `Rule` claims one number of the question (money, a share, a latency ...) and fills `Quantities` fields
from it; a `Pass` reads the whole question at once (ratios before the numbers, the volume after them).
Each carries its example corpus: (question, expected fields) pairs that `tests/parse/test_quantity_rules.py`
runs, so a rule says what it does by example.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Example = tuple[str, dict[str, Any]]


@dataclass
class Quantities:
    """The numeric fields of a query, and what was assumed to fill them."""

    tokens_per_month: float | None = None
    input_share: float | None = None
    max_monthly_cost: float | None = None
    max_input_price: float | None = None
    max_output_price: float | None = None
    max_blended_price: float | None = None
    min_context: int | None = None
    min_output: int | None = None
    min_speed: float | None = None
    max_latency: float | None = None
    limit: int | None = None
    monthly_spend: float | None = None
    cache_hit_rate: float | None = None
    one_off: bool = False  # the volume is said once ("embed 500M tokens once"): a whole job, not a month
    input_only: bool = False  # the volume is said as input alone ("1B input tokens, tiny outputs")
    assumptions: list[str] = field(default_factory=list)
    odd: list[str] = field(default_factory=list)  # numbers no question can mean ("-5M tokens", "0 tokens"), said back


@dataclass
class Num:
    """One number in the question, and the role a rule gave it."""

    start: int
    end: int
    value: float
    scale: str | None
    raw: str
    role: str | None = None


@dataclass
class Amount:
    """A token amount: total or per request, input or output, with its period."""

    tokens: float
    io: str | None
    per_unit: bool
    factor: float | None  # per-period multiplier to a month, None when no period was said
    period: str | None
    raw: str
    weak_per_unit: bool = False  # "of 2k tokens": per request only when requests are counted
    size: str | None = None  # "max": the most one input holds ("prompts up to 200k"); "each": one input's size
    bare: bool = False  # a magnitude with no unit ("20k/day"): a count when a size per item follows


@dataclass
class Count:
    """A count of requests (calls, tickets, documents ...) with its period."""

    value: float
    factor: float | None
    period: str | None
    per: str | None = None  # what it counts in: "25 tool calls per task" is per task, not per month


@dataclass
class Scan:
    """One question being read: its text, its numbers and what the rules have found so far."""

    text: str
    nums: list[Num]
    q: Quantities = field(default_factory=Quantities)
    counts: list[Count] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)


@dataclass(frozen=True)
class Spot:
    """The number a rule is asked about, with the text around it."""

    i: int
    n: Num
    before: str  # up to 48 characters before the number
    after: str  # up to 60 characters after it
    stop: int  # where the next number starts


@dataclass(frozen=True)
class Rule:
    """A named rule: `claim` takes the number (fills fields, sets its role) or returns False to pass it on."""

    name: str
    claim: Callable[[Scan, Spot], bool]
    fills: tuple[str, ...]
    examples: tuple[Example, ...]


@dataclass(frozen=True)
class Pass:
    """A named rule over the whole question rather than one number."""

    name: str
    run: Callable[[Scan], None]
    fills: tuple[str, ...]
    examples: tuple[Example, ...]


def io_of(word: str | None) -> str | None:
    """ "in" or "out" for an input/output word ("prompt" is in, "completion" is out); None for none."""
    if not word:
        return None
    return "in" if word in ("input", "prompt", "in") else "out"


def fmt(value: float) -> str:
    return f"{value:g}"
