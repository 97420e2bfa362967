"""Money: monthly budgets and price caps per million tokens (input, output or blended).

"$300 a month" and "budget of 300" are a budget; "$50 a day" is 1,500 a month; "under $1/M input" caps the
input price; "$3 in / $15 out" caps both; a bare small amount ("under $2") is taken as a blended price per
million tokens and a bare larger one as a monthly budget, each said as an assumption.
"""

from __future__ import annotations

import re

from bot.parse import pattern_cache
from bot.parse.numbers import PERIOD, period_factor
from bot.parse.quantities.base import Quantities, Rule, Scan, Spot, fmt, io_of
from bot.parse.quantities.units import COUNT_AFTER, TOKENS_AFTER

_GRAND = pattern_cache.compile(r"grand$", re.I)
CURRENCY_BEFORE = pattern_cache.compile(r"(?:\$|us\$|usd|€|eur|£|gbp)\s*$")
# the sign after the amount, as many people type it: "1.5$/M in", "~6k$/mo"
CURRENCY_AFTER = pattern_cache.compile(r"^\s*(?P<unit>(?:dollars?|usd|bucks?|cents?|eur|euros?|gbp)\b|[$¢€£])")
BUDGET_BEFORE = pattern_cache.compile(
    r"\b(?:budget\w*(?:'s)?|spend(?:ing)?|afford|bill|invoice|cap|capped|max(?:imum)? cost|monthly cost|cost(?:s|ing)? (?:me |us )?(?:under|below|less than|at most)|pay(?:ing)?)"
    r"(?:\s+(?:on|for|with)\s+(?:[\w.¤-]+\s+){0,2}?[\w.¤-]+)?"  # "our monthly spend on claude is around 20k"
    r"\s*(?:is|of|:|=|around|about|at|under|below|max|up to|no more than|less than|at most|of up to|roughly|~|only)?\s*(?:around|about|roughly|~)?\s*$"
)
PER_MILLION = pattern_cache.compile(
    r"^\s*(?:/|per|a|an|for each|for every|each|every|for)\s*(?:1\s*m\b|m\b|mtoks?\b|mil\b|million\b|1,000,000\b|1000000\b|mln\b|one million\b"
    r"|1\s*million\b|1m\b)(?:\s*(?:input|output|prompt|completion|in|out)?\s*(?:tokens?|toks?)\b)?"
)
PER_THOUSAND = pattern_cache.compile(
    r"^\s*(?:/|per|a|an|for each|each|every)\s*(?:1\s*k\b|k\b|1k\b|thousand\b|1,000\b|1000\b|ktoks?\b)(?:\s*(?:input|output|prompt|completion)?\s*(?:tokens?|toks?)\b)?"
)
IO_AFTER_PRICE = pattern_cache.compile(r"^\s*(?:for\s+|of\s+|on\s+|in\s+)?(?P<io>input|in|prompt|output|out|completion)\b")
IO_BEFORE_PRICE = pattern_cache.compile(
    r"(?<!image )(?<!images )(?<!audio )(?<!video )(?<!text )(?<!vision )(?<!pdf )(?<!voice )"  # "image input" is a modality
    r"\b(?P<io>input|prompt|output|completion)(?:\s+(?:tokens?|token price|price|cost|pricing|rate|side))?"
    r"\s*(?:price|cost|rate)?\s*(?:(?:has|needs|have|must|should)\s+(?:to\s+)?(?:be|stay|come in)\s+)?"  # "output has to be under $5/M"
    r"(?:of|under|below|<|<=|at most|max|less than|up to|no more than|:|=|is|at|capped at|around|cap|of at most|below|than)?\s*(?:\$|usd|us\$)?\s*$"
)
CAP_WORD = pattern_cache.compile(r"\b(?:under|below|less than|at most|max|cap|no more than|cheaper than|<|<=|up to|within)\s*$")
_PERIOD_WORD = pattern_cache.compile(r"^\s*(?:total\s+)?(?:(?:in|for|of)\s+)?(?:a|one|per|each|every)?\s*(month|day|week|year)\b")
_PERIOD_WORD_FACTORS = {"month": 1.0, "day": 30.0, "week": 52 / 12, "year": 1 / 12}
# what the team spends now ("we spend $5k/mo on gpt-4o", "our bill is $3,000 a month"): a spend, not a cap
_SPEND_VERB = pattern_cache.compile(
    r"\b(?:spend|spends|spending|spent|pay|pays|paying|paid|burn|burning|bill|bills|billed|invoice|invoiced|costs? us|costing us"
    r"|runs? us|running us|(?:we'?re|we are|currently|now) at|comes? to|adds? up to|blow(?:ing)?|shell(?:ing)? out)\b"
    r"[^$\d]{0,25}(?:\$|us\$|usd|€|£)?\s*$"
    # "we're on claude-sonnet-4-5 for npc chat, ~$7k/mo": the model they are on, then what it costs them
    r"|\b(?:we'?re|we are|currently|we'?ve been|been) (?:on|using|running) ¤[^$\d]{0,30}(?:\$|us\$|usd|€|£)?\s*$"
)
# the spend named after the amount: "our $10k/month gpt-4o spend", "a $3k monthly bill"
_SPEND_AFTER = pattern_cache.compile(
    r"^\s*(?:(?:/|a|per)\s*(?:mo|month|day|week|year)\w*\s*|monthly\s+|daily\s+)?(?:(?:¤|on ¤|(?!to\b|can\b|could\b)[\w.-]+)\s+)?(?:spend|bill|invoice|burn)\b"
    r"|^\s*(?:on (?:it|that|this|them|¤)\s+)?(?:last|past|previous) (?:month|week|year|quarter)\b"  # "$740 on it last month": paid
)
# a price per item rather than per token or per period of spend
_UNIT_PRICE_AFTER = pattern_cache.compile(
    r"^\s*(?:/|per|a|an|each|for each|for every)\s*(?:1k\s+|1,000\s+|thousand\s+)?(?:images?|pictures?|photos?|minutes?|mins?|seconds?|secs?"
    r"|characters?|chars?|pages?|requests?|calls?|generations?|queries|query|hours? of (?:audio|speech|video)|audio (?:minutes?|hours?)|videos?|clips?)\b"
)
_CAP_WORDS = pattern_cache.compile(
    r"\b(?:can|could|can't|cannot|up to|at most|no more than|max(?:imum)?|under|below|less than|willing|want|wanna|afford|budget\w*|cap\w*"
    r"|limit\w*|only|than|keep|stay|would|like to|hoping|hope|prefer|ok|okay|allowed|approved|should|need to|must|plan\w* to|if)\b"
)
_IO_IN_UNIT = pattern_cache.compile(r"\b(input|prompt|output|completion)\b")
_PERCENT_AFTER = pattern_cache.compile(r"^\s*(?:%|percent\b|pct\b)")
# a period said as an adjective before the budget word: "daily budget is $25", "our weekly cap: $200"
_PERIOD_ADJ_BEFORE = pattern_cache.compile(
    r"\b(?P<adj>daily|weekly|monthly|yearly|annual|per[- ]day|per[- ]week|per[- ]year)\s+(?:\w+\s+)?(?:budget|cap|limit|spend(?:ing)? (?:cap|limit))\b[^\d]{0,20}$"
    # or before the spend: "annual spend on ¤ is $60k", "our yearly openai bill: $120k"
    r"|\b(?P<spend>daily|weekly|monthly|yearly|annual)\s+(?:[\w.¤-]+\s+)?(?:spend(?:ing)?|bill|invoice)\b[^\d.?!]{0,30}$"
)
_PERIOD_ADJ_FACTORS = {"daily": 30.0, "per-day": 30.0, "per day": 30.0, "weekly": 52 / 12, "per-week": 52 / 12,
                       "per week": 52 / 12, "monthly": 1.0, "yearly": 1 / 12, "annual": 1 / 12, "per-year": 1 / 12,
                       "per year": 1 / 12}
# a cap said just before the amount: "under $200/day total spend" caps, it is not what is spent now
_CAP_JUST_BEFORE = pattern_cache.compile(r"\b(?:under|below|less than|at most|max(?:imum)?|no more than|up to|within|cap(?:ped)? at)\s*(?:\$|usd|€|£)?\s*$")


def _is_money(text: str, spot: Spot) -> tuple[re.Match[str] | None, re.Match[str] | None, re.Match[str] | None] | None:
    """(currency after, per-million or per-thousand unit, budget word) when the number is money, else None."""
    before, after = spot.before, spot.after
    currency = CURRENCY_BEFORE.search(before[-6:]) or _GRAND.search(spot.n.raw)  # "2 grand" is $2,000
    cur_after = CURRENCY_AFTER.match(after)
    rest = after[cur_after.end() :] if cur_after else after
    per_m = PER_MILLION.match(rest)
    per_k = None if per_m else PER_THOUSAND.match(rest)
    budget = BUDGET_BEFORE.search(before)
    if not (currency or cur_after or budget or (per_m and (IO_BEFORE_PRICE.search(before) or CAP_WORD.search(before)))):
        return None
    if not (currency or cur_after) and budget is None and per_m is None:
        return None
    if not (currency or cur_after) and per_m is None and (TOKENS_AFTER.match(after) or COUNT_AFTER.match(after)):
        return None  # "monthly cost of 10M tokens": a volume after a cost word
    if not (currency or cur_after) and per_m is None and spot.n.scale and _IO_NEXT.match(after):
        return None  # "monthly bill for ¤ at 20M in + 5M out": the traffic billed, not the bill
    if not (currency or cur_after) and _PERCENT_AFTER.match(after):
        return None  # "bill for 1.2bn tokens w/ 85% cache hits": a share, not money
    return cur_after, per_m or per_k, budget


_IO_NEXT = pattern_cache.compile(r"^\s*(?:in|out|input|output|prompt|completion)\b")
# the halves of a price pair with no unit or io word: "$10/$50" (a per-month spend says "/mo", a count "/day")
_PAIR_NEXT = pattern_cache.compile(r"^\s*/\s*(?:\$|usd\s*)\d")
_PAIR_BEFORE = pattern_cache.compile(r"(?:\$|usd\s*)\d[\d.,]*\s*/\s*(?:\$|usd\s*)$")


def _claim(scan: Scan, spot: Spot) -> bool:
    if spot.n.raw.lower().endswith("x") or spot.after[:1] in ("x", "×"):
        return False  # "worth paying 3x?": a multiple, not money
    found = _is_money(scan.text, spot)
    if found is None:
        return False
    cur_after, unit, budget = found
    q, before = scan.q, spot.before
    value = spot.n.value
    if cur_after and cur_after.group("unit") in ("cent", "cents", "¢"):
        value /= 100
    rest = spot.after[cur_after.end() :] if cur_after else spot.after
    if unit is not None and unit.re is PER_THOUSAND:
        value *= 1000
    spot.n.role = "money"
    pair_start, pair_end = _PAIR_NEXT.match(rest), _PAIR_BEFORE.search(before)
    if unit is not None:
        tail = rest[unit.end() : unit.end() + 24]
        io_m = _IO_IN_UNIT.search(unit.group()) or IO_AFTER_PRICE.match(tail) or IO_BEFORE_PRICE.search(before)
        io = io_of(io_m.group(1) if io_m and io_m.lastindex else io_m.group("io") if io_m else None)
        _set_price(q, io or ("out" if pair_end else None), value)  # "under $1/$5 per million": the pair's output half
        return True
    if _UNIT_PRICE_AFTER.match(rest):
        return True  # "$0.04 per image", "$0.006 per minute": a price per item, which no token field holds
    if pair_start or pair_end:  # "$10/$50": an input and an output price per 1M, said as a pair
        if _CAP_JUST_BEFORE.search(before) or pair_end and _CAP_JUST_BEFORE.search(before[: pair_end.start()]):
            _set_price(q, "out" if pair_end else "in", value)  # "under $1/$5": the two caps
        return True  # "is X worth $10/$50 over opus?": the price of a model, no cap
    io_direct = IO_AFTER_PRICE.match(rest)
    if io_direct and not PERIOD.match(rest.lstrip()):
        _set_price(q, io_of(io_direct.group("io")), value)  # "$3 in / $15 out"
        return True
    io_before = IO_BEFORE_PRICE.search(before)
    if io_before and budget is None:
        _set_price(q, io_of(io_before.group("io")), value)  # "input price under $1"
        return True
    low, top = value, _range_top(scan, spot, rest)
    if top is not None:  # "$50-80 a month": a cap is the top of the range, a spend its middle
        value, rest = top
    factor = _period_factor(rest)
    if factor is None and (adj := _PERIOD_ADJ_BEFORE.search(before)):
        factor = _PERIOD_ADJ_FACTORS[adj.group("adj") or adj.group("spend")]
    on_model = _SPEND_VERB.search(before) and _ON_MODEL.match(rest)  # "if we spend $3k/mo on ¤ today, what would ..."
    if on_model or _is_spend(before) or _SPEND_AFTER.match(rest) and not _CAP_JUST_BEFORE.search(before):
        q.monthly_spend = round((value + low) / 2 * (factor or 1.0), 6)
        if factor is None:
            q.assumptions.append(f"${fmt(value)} taken as what you spend a month now.")
        return True
    _budget(q, value, factor, budget is not None)
    return True


# the other end of a range of money: "$50-80 a month", "$3k to $4k"
_RANGE_NEXT = pattern_cache.compile(r"^\s*(?:-|–|to)\s*\$?\s*(\d[\d,]*(?:\.\d+)?)\s*(k\b|grand\b)?")


def _range_top(scan: Scan, spot: Spot, rest: str) -> tuple[float, str] | None:
    """The top of a range said after an amount, and the text after it; the second number is claimed as money."""
    found = _RANGE_NEXT.match(rest)
    if found is None:
        return None
    high = float(found.group(1).replace(",", "")) * (1000 if found.group(2) or spot.n.scale == "k" else 1)
    if high <= spot.n.value:
        return None
    start = spot.n.end + (len(spot.after) - len(rest)) + found.start(1)
    for n in scan.nums:
        if n.start >= start - 1 and n.role is None:
            n.role = "money"
            break
    return high, rest[found.end() :]


def _is_spend(before: str) -> bool:
    """Whether the words before an amount say what is spent now rather than what may be spent."""
    verb = _SPEND_VERB.search(before)
    if verb is None:
        return False
    lead = before[max(0, verb.start() - 24) :]
    lead = re.split(r"[.?!]\s", lead)[-1]  # its own sentence: "how much would ¤ cost? we're at $12k/mo" is a spend
    return not _CAP_WORDS.search(lead)  # "budget ... we're on X at $500" is a cap


def _period_factor(rest: str) -> float | None:
    """The multiplier to a month for the period after an amount ("a day" -> 30), None when none is said."""
    period = PERIOD.match(rest.lstrip())
    if period is not None:
        return period_factor(period)
    m = _PERIOD_WORD.match(rest)
    if m is None and (on := _ON_WHAT.match(rest)) is not None and (period := PERIOD.match(rest, on.end())) is not None:
        return period_factor(period)  # "$18k on ¤ last quarter", "$5k on ¤ a month"
    return _PERIOD_WORD_FACTORS[m.group(1)] if m else None


# a named model the amount is spent on: what is spent now, even in "if we spend $3k/mo on ¤"
_ON_MODEL = pattern_cache.compile(
    r"^\s*(?:(?:/\s*|a |per |each |every )(?:mo|month|day|week|year)\w*|monthly|daily)?\s*(?:on|for|with)\s+¤"
)
# what the amount is spent on, said between it and its period
_ON_WHAT = pattern_cache.compile(
    r"^\s*(?:on|for|with)\s+(?:¤|[\w.-]+)(?:\s+(?!(?:last|this|next|for|in|over|a|an|per|each|every)\b)[\w.-]+)?\s+"
)


def _budget(q: Quantities, value: float, factor: float | None, said_budget: bool) -> None:
    """An amount with no price unit: a monthly budget (per period), or a small bare amount as a blended price."""
    if factor is None and not said_budget and value < 20:
        q.max_blended_price = value
        q.assumptions.append(f"${fmt(value)} taken as a price per million tokens.")
        return
    q.max_monthly_cost = round(value * (factor or 1.0), 6)
    if factor is None:
        q.assumptions.append(f"${fmt(value)} taken as a monthly budget.")


def _set_price(q: Quantities, io: str | None, value: float) -> None:
    if io == "in":
        q.max_input_price = value
    elif io == "out":
        q.max_output_price = value
    else:
        q.max_blended_price = value


MONEY = Rule(
    name="money",
    claim=_claim,
    fills=("max_monthly_cost", "monthly_spend", "max_input_price", "max_output_price", "max_blended_price"),
    examples=(
        ("budget $300 a month", {"max_monthly_cost": 300}),
        ("under $100/month", {"max_monthly_cost": 100}),
        ("we can spend $50 a day", {"max_monthly_cost": 1500}),
        ("under $1/m input", {"max_input_price": 1.0}),
        ("under $5 per million output tokens", {"max_output_price": 5.0}),
        ("output has to be under $5/M", {"max_output_price": 5.0, "max_blended_price": None}),
        ("we spent $18k on ¤ last quarter", {"monthly_spend": 6000, "max_monthly_cost": None}),
        ("annual spend on ¤ is $60k. how much on the batch api?", {"monthly_spend": 5000, "max_monthly_cost": None}),
        ("monthly bill for ¤ at 20M in + 5M out", {"max_input_price": None, "monthly_spend": None, "tokens_per_month": 25e6}),
        ("is ¤ worth $10/$50 over ¤ for creative writing?", {"max_monthly_cost": None, "max_blended_price": None}),
        ("anything under $1/$5 per million with tool calling", {"max_input_price": 1.0, "max_output_price": 5.0}),
        ("our yearly openai bill: $120k", {"monthly_spend": 10000}),
        ("if we spend $3,000/mo on ¤ today, what would the same traffic cost", {"monthly_spend": 3000, "max_monthly_cost": None}),
        ("budget's 2 grand a month", {"max_monthly_cost": 2000, "tokens_per_month": None}),
        ("input needs to stay below $1 per million", {"max_input_price": 1.0, "max_blended_price": None}),
        ("under $2 per million tokens", {"max_blended_price": 2.0, "tokens_per_month": None}),
        ("$3 in / $15 out", {"max_input_price": 3.0, "max_output_price": 15.0}),
        ("input price under $0.50", {"max_input_price": 0.5}),
        ("less than 50 cents per million tokens", {"max_blended_price": 0.5}),
        ("max $0.002 per 1k tokens", {"max_blended_price": 2.0}),
        ("budget is 2000", {"max_monthly_cost": 2000}),
        ("monthly cost of 10m tokens", {"max_monthly_cost": None, "tokens_per_month": 10_000_000}),
        ("we spend about $5k a month on gpt-4o", {"monthly_spend": 5000, "max_monthly_cost": None}),
        ("we're spending $12k/mo on it", {"monthly_spend": 12000}),
        ("our bill is $3,000 a month", {"monthly_spend": 3000}),
        ("we spend $400 a day", {"monthly_spend": 12000}),
        ("image model under $0.04 per image", {"max_blended_price": None, "max_monthly_cost": None}),
        ("transcription under $0.006 per minute", {"max_monthly_cost": None}),
        ("what would our $10k/month openai spend be elsewhere", {"monthly_spend": 10000}),
        ("currently paying around 20k a month", {"monthly_spend": 20000}),
        ("we can spend up to $2k a month", {"max_monthly_cost": 2000, "monthly_spend": None}),
        ("don't want to spend more than $500/month", {"max_monthly_cost": 500, "monthly_spend": None}),
        ("willing to pay $300 a month", {"max_monthly_cost": 300, "monthly_spend": None}),
        ("daily budget is $25", {"max_monthly_cost": 750}),
        ("under $200/day total spend", {"max_monthly_cost": 6000, "monthly_spend": None}),
        ("bill for 1.2bn tokens w/ 85% cache hits", {"max_monthly_cost": None, "cache_hit_rate": 0.85}),
        ("under 1.5$/m in and 6$/m out", {"max_input_price": 1.5, "max_output_price": 6}),
        ("we're on ¤ for our widget (~6k$/mo)", {"monthly_spend": 6000}),
        ("our invoice for ¤ is about 20k a month", {"monthly_spend": 20000, "tokens_per_month": None}),
        ("how much would ¤ cost us? we're at $12k/mo on ¤ today", {"monthly_spend": 12000, "max_monthly_cost": None}),
        ("best chat model under a buck per 1m tokens", {"max_blended_price": 1.0}),
    ),
)
