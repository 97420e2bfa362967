"""Traffic: a token rate the team sends is a volume, not a floor on a model's speed.

"we push 10k tokens per second" is 25.9B tokens a month (x2,592,000); so is a rate kept up all the time
("25 tokens/sec around the clock") or priced ("what would 7,500 tokens per second cost per month"); "at least 100
tokens per second" and "a model that does 100 tok/s" stay speed floors for the speed rule.
"""

from __future__ import annotations

from bot.parse.fast_patterns import fast
from bot.parse.numbers import PERIOD, period_factor, period_name
from bot.parse.quantities.base import Amount, Rule, Scan, Spot

# "we push 10k tokens per second": a rate of traffic, not a floor on output speed
_TRAFFIC_BEFORE = fast(
    r"\b(?:push\w*|process\w*|send\w*|ingest\w*|handl\w*|serv\w*|burn\w*|consum\w*|use|uses|using|traffic|load|peaks? (?:at|of)|averag\w*"
    r"|have|has|get|gets|see|sees|receiv\w*|generat\w*|do|does|hit|hits|run at|running at|sustain\w*|stream\w*"
    r"|steady|constant|continuous)"
    r"\s*(?:about|around|roughly|~)?\s*$"
)
# what a model must do, not what the team sends: "one that still does 100 tok/s", "a model that can do 80 tok/s"
_FLOOR_SUBJECT = fast(r"\b(?:that|which|can|could|must|should|will|still|at least|minimum|min)\s+(?:\w+\s+)?$")
# a rate kept up all the time is traffic: "25 tokens/sec around the clock", "10 tok/s 24/7"
_ALL_THE_TIME = fast(
    r"^[^.?!]{0,30}?\b(?:around the clock|round the clock|24/7|24x7|non-?stop|continuously|all day and night"
    r"|all (?:month|day|week|year)(?: long)?|the whole (?:month|day)|every second)"
)
# a rate priced, not required: "what would 7,500 tokens per second on ¤ cost per month", "what'd ¤ run us at 10 tok/s"
_RATE_PRICED = fast(
    r"\b(?:what(?:'d| would| will| does| do)|how much)\b[^.?!]{0,80}?\b(?:cost|costs|run us|pay|charge|bill|set us back)\b"
)
_FLOOR_WORDS = fast(r"\b(?:at least|minimum|min|must|needs?|faster than|no less than|>=?)\b|>=?\s*$")
_PER_SECOND_AFTER = fast(r"^\s*(?:tokens?|toks?)\s*(?:(?:per|a|each|every)\s*(?:sec|second)\b|/\s*(?:sec|second|s)\b)")


def _traffic_per_second(scan: Scan, spot: Spot) -> bool:
    """ "we push 10k tokens per second" is a volume (x2,592,000 a month); "at least 100 tokens per second" a speed."""
    if not _PER_SECOND_AFTER.match(spot.after):
        return False
    verb = _TRAFFIC_BEFORE.search(spot.before)
    if verb is not None and _FLOOR_SUBJECT.search(spot.before[: verb.start()]):
        verb = None  # "a model that does 100 tok/s" is a speed floor
    steady = _ALL_THE_TIME.match(spot.after) or _RATE_PRICED.search(scan.text)
    if verb is None and not (steady and not _FLOOR_WORDS.search(spot.before[-24:])):
        return False
    period = PERIOD.search(spot.after)
    scan.amounts.append(
        Amount(
            spot.n.value,
            None,
            False,
            period_factor(period) if period else None,
            period_name(period) if period else None,
            spot.n.raw,
        )
    )
    spot.n.role = "tokens"
    return True


TRAFFIC_PER_SECOND = Rule(
    name="traffic_per_second",
    claim=_traffic_per_second,
    fills=("tokens_per_month",),
    examples=(
        ("we push 10k tokens per second", {"tokens_per_month": 1e4 * 2_592_000, "min_speed": None}),
        ("at least 100 tokens per second", {"tokens_per_month": None, "min_speed": 100}),
        ("if we sustain 25 tokens/sec around the clock", {"tokens_per_month": 64_800_000, "min_speed": None}),
        ("cheapest one that still does 100 tok/s", {"tokens_per_month": None, "min_speed": 100}),
        ("steady 1,200 tokens/sec of classification traffic", {"tokens_per_month": 3_110_400_000, "min_speed": None}),
        ("what would 7,500 tokens per second on ¤ cost per month", {"tokens_per_month": 1.944e10, "min_speed": None}),
        ("what'd ¤ run us at 10 tokens/sec all month", {"tokens_per_month": 25_920_000, "min_speed": None}),
        ("what does ¤ cost if it needs at least 100 tok/s", {"tokens_per_month": None, "min_speed": 100}),
    ),
)
