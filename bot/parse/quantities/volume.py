"""Volume: tokens per month, from a token amount per period ("50M tokens a day" -> 1.5B) or from requests times
tokens per request ("3k requests a day, 800 tokens each" -> 72M), input and output together; with no period
the amount is a month's, said as an assumption. Numbers that are not amounts ("100-page", "5-shot", the "1M"
of "per 1M tokens") are set aside here too.
"""

from __future__ import annotations

import re

from bot.parse import pattern_cache
from bot.parse.fast_patterns import fast
from bot.parse.numbers import PERIOD, period_factor, period_name
from bot.parse.quantities import units as u
from bot.parse.quantities.base import Amount, Count, Pass, Rule, Scan, Spot, io_of
from bot.parse.quantities.periods import every_period, head_period, period_after, period_before, working_time
from bot.parse.quantities.sizes import input_size, input_sizes

_UNIT_BEFORE = fast(r"(?:\bper|/|\bfor every|\bfor each)\s*$")
_PAIR_BEFORE = fast(r"\b(?:input|in|prompt)\s*/\s*$")  # "4k input / 1k output": a pair, not "/1k tokens"
_PER_BEFORE = fast(r"(?:\bper|/)\s*$")
# "prompt ~2k", "prompts are ~300 tokens and responses ~10", "outputs typically 200"
_IO_BEFORE_AMOUNT = fast(
    r"\b(input|prompt|output|completion|response|answer|repl(?=y|ies)|summar(?=y|ies))(?:s|y|ies)?\s*(?:size|length)?s?\s*"
    r"(?:of|is|are|=|:|~|about|around|roughly|averag\w*|run|typically|usually|tend to be)?\s*(?:about|around|roughly|~)?\s*~?\s*$"
)
_OUTPUT_NOUNS = ("output", "completion", "response", "answer", "repl", "summar")
# what each request gives back, said after its size: "into ~1k token summaries", "200-token replies"
_OUT_NOUN_AFTER = fast(r"^\s*-?\s*(?:tokens?|toks?)\s+(?:summar(?:y|ies)|repl(?:y|ies)|responses?|answers?|outputs?|completions?)\b")
# input and output said by what the request does: "sends ~3k tokens of context and gets ~400 tokens back"
_IN_AFTER_TOKENS = fast(r"^\s*-?\s*(?:tokens?|toks?)\s+(?:of\s+)?(?:[a-z-]+\s+){0,2}?(?:context|system prompts?|system|instructions?|history)\b")
_OUT_AFTER_TOKENS = fast(r"^\s*(?:tokens?|toks?)\s+back\b")
_IN_VERB_BEFORE = fast(r"\b(?:sends?|sending|feeds?|feeding|passes|submits?|uploads?)\s+(?:in\s+)?(?:~|about|around|roughly|up to)?\s*~?\s*$")
_OUT_VERB_BEFORE = fast(
    r"\b(?:gets?|getting|receives?|returns?|replies with|responds with|generates?|generating|writes?|spits out)\s+(?:back\s+)?"
    r"(?:~|about|around|roughly|up to)?\s*~?\s*$"
)
_IO_AFTER_TOKENS = fast(r"^\s*(?:tokens?|toks?)\s+(?:of\s+)?(input|output|prompt|completion|in|out)\b")
# "3k in / 600 out": an input or output size with no token word, read only beside a count of requests
_IO_SHORT = fast(r"^\s*(?:visible\s+|generated\s+|actual\s+)?(?P<io>in|out|input|output|prompt|completion)\b(?!\s+(?:the|a|an|our|my|your|to|of|on|at|for|with|price|cost)\b)")
# the output half of a pair just begun ("1,000 in/250 out cost", "10m in + 2m out on ¤"): the io word may run on
_IO_PAIR_END = fast(r"^\s*(?:visible\s+|generated\s+|actual\s+)?(?P<io>out|output|completion)\b(?!\s+(?:of|to)\b)")
_PARAM_AFTER = fast(r"^\s*(?:-?\s*param\w*|\s*models?\b|\s*llms?\b)")
# a rate said of each counted item: "each one generates ~25k tokens a day", "every rep burns 40k tokens a week"
_EACH_RATE_BEFORE = fast(
    rf"\b(?:each|every)\s+(?!{u.PERIODS}s?\b)(?:one|of them|[a-z][\w-]*)\s+(?:[a-z']+\s+){{0,3}}?(?:about\s+|around\s+|roughly\s+|~\s*)?$"
)
# a product said with multiplication signs: "5k users × 20 msgs/day × ~800 tokens"
_TIMES_BEFORE = fast(r"(?:[×*]|\bx|\btimes)\s*(?:about\s+|around\s+|~|roughly\s+)?$")


_ONE_OFF = fast(r"\b(?:once|one[- ]off|one[- ]time|single (?:run|pass|job)|in total|total of|whole (?:corpus|archive|backlog)|backfill)\b")
_SUM_AFTER = fast(r"^\s*[a-z]+\s*\+\s*~?\d")


def _price_unit(scan: Scan, spot: Spot) -> bool:
    if _UNIT_BEFORE.search(spot.before) and spot.n.value in (1.0, 1e3, 1e6) and not _PAIR_BEFORE.search(spot.before):
        spot.n.role = "unit"  # "per 1M tokens", "/1k tokens": a price's unit
        return True
    return False


def _token_word(scan: Scan, spot: Spot) -> re.Match[str] | None:
    after = spot.after
    # "20M input + 5M output": an input or output word after an amount with a magnitude is a token amount
    found = u.TOKENS_AFTER.match(after) or (u.IO_AFTER.match(after) if "tok" in scan.text or spot.n.scale else None)
    if found is None and (scan.counts or _after_input(scan)) and (spot.n.scale or spot.n.value >= 50 or _after_input(scan)):
        found = _IO_SHORT.match(after)  # "2,400 calls a day at 3k in / 600 out", "each call is ~12k tokens in and 800 out"
        if found is None and _after_input(scan):
            found = _IO_PAIR_END.match(after)  # "1,000 in/250 out cost on ¤"
    if found is None and (_after_input(scan) or _after_size(scan)) and _output_said_before(spot.before) and not _OF_THEM.match(after):
        found = _OUT  # "we send 6k tokens and get back 500", "prompt ~2k, completion ~250"
    return found


_OUT = _IO_PAIR_END.match("out")
_INTO_BEFORE = fast(r"\b(?:into|among|between|one of)\s+(?:the\s+|our\s+)?(?:~\s*)?$")
_OF_THEM = fast(r"^\s*of (?:them|those|these)\b")  # "we get about 3k of them a month": a count of the items sized


def _output_said_before(before: str) -> bool:
    """Whether the words before a bare number say it is what comes back: "get back 500", "completion ~250"."""
    label = _IO_BEFORE_AMOUNT.search(before)
    return bool(_OUT_VERB_BEFORE.search(before) or label and label.group(1) in _OUTPUT_NOUNS)


def _after_size(scan: Scan) -> bool:
    """Whether the amount just read was a size per request: "each thread is ~3k tokens and the summary is ~250"."""
    return bool(scan.amounts) and scan.amounts[-1].per_unit and scan.amounts[-1].io is None


def _after_input(scan: Scan) -> bool:
    """Whether the amount just read was an input size: the next number can be its output ("1.5k in 20 out")."""
    return bool(scan.amounts) and scan.amounts[-1].io == "in"


# requests with their period in one word: "50 rps", "20 qps", "300 rpm"
_RATE_UNIT = pattern_cache.compile(r"^\s*(?P<unit>rps|qps|rpm|rph|rpd|req/s|reqs/s|requests/s)\b")
_RATE_PERIOD = {"rps": "second", "qps": "second", "req/s": "second", "reqs/s": "second", "requests/s": "second",
                "rpm": "minute", "rph": "hour", "rpd": "day"}


def _count(scan: Scan, spot: Spot) -> bool:
    rate = _RATE_UNIT.match(spot.after)
    if rate is not None:
        period = PERIOD.search("per " + _RATE_PERIOD[rate.group("unit")])
        scan.counts.append(Count(spot.n.value, period_factor(period), period_name(period)))
        spot.n.role = "count"
        return True
    if _token_word(scan, spot) is not None or not u.COUNT_AFTER.match(spot.after) or u.TOKEN_ADJ.match(spot.after):
        return False
    if _SUM_AFTER.match(spot.after):
        return False  # "150 user + 250 reply": sizes added up, not 150 users
    if _INTO_BEFORE.search(spot.before):
        return False  # "route ~1.2k tickets/day into 14 queues": what the items are sorted into, not more items
    # "every night we summarize ~12k docs", "our nightly job summarizes ~8,000 docs"
    period = (
        period_after(scan, spot)
        or every_period(spot.before, spot.after)
        or period_before(spot.before)
        or head_period(spot.before)
    )
    per = _PER_OTHER.match(spot.after)
    scan.counts.append(
        Count(
            spot.n.value,
            period_factor(period) if period else None,
            period_name(period) if period else None,
            per.group("per") if per else None,
        )
    )
    spot.n.role = "count"
    return True


# a count of things inside another unit: "~25 tool calls per task", "3 retries per request"
_PER_OTHER = fast(
    rf"^\s*(?:[a-z][\w-]*\s+){{0,2}}?(?:{u.UNIT_NOUNS}|retries|steps?|hops?|rounds?)\s+(?:per|a|each|every|/)\s*"
    rf"(?!{u.PERIODS}s?\b)(?P<per>[a-z]{{3,}}?)s?\b"
)


def _sized_in(scan: Scan, noun: str) -> bool:
    """Whether a token size is said per `noun`: "avg 40k tokens per task" (its sub-counts then do not multiply)."""
    return re.search(rf"\b(?:tokens?|toks?)\b[^.?!\d]{{0,12}}\b(?:per|a|each|every|/)\s*{re.escape(noun)}s?\b", scan.text) is not None


def _amount(spot: Spot, io: str | None, per_unit: bool, period: re.Match[str] | None, weak: bool = False) -> Amount:
    return Amount(
        spot.n.value,
        io,
        per_unit,
        period_factor(period) if period else None,
        period_name(period) if period else None,
        spot.n.raw,
        weak,
    )


def _tokens(scan: Scan, spot: Spot) -> bool:
    tok = _token_word(scan, spot)
    if tok is None and not u.TOKEN_ADJ.match(spot.after):
        return False
    before, after = spot.before, spot.after
    io = io_of(tok.group("io")) if tok is not None else None
    if io is None and tok is not None:
        m = _IO_AFTER_TOKENS.match(after)  # "3,000 input and 1,000 output tokens": the io word can sit after "tokens"
        io = io_of(m.group(1)) if m else None
    if io is None and tok is not None:
        m = _IO_BEFORE_AMOUNT.search(before)  # "average prompt 1,500 tokens and 200 tokens out"
        io = ("out" if m.group(1) in _OUTPUT_NOUNS else "in") if m else None
    if io is None and tok is not None:
        if _IN_AFTER_TOKENS.match(after) or _IN_VERB_BEFORE.search(before):
            io = "in"
        elif _OUT_AFTER_TOKENS.match(after) or _OUT_VERB_BEFORE.search(before) or _OUT_NOUN_AFTER.match(after):
            io = "out"
    if io is None and tok is None and _OUT_NOUN_AFTER.match(after):
        io = "out"  # "80-token summary", "200-token replies": what each request gives back
    per_unit = bool(u.TOKEN_ADJ.match(after) or u.PER_UNIT_AFTER.match(after) or scan.counts and _TIMES_BEFORE.search(before))
    per_unit = per_unit or bool(scan.counts and _OUT_NOUN_AFTER.match(after))  # "into ~1k token summaries": each one's
    if not per_unit and u.PER_UNIT_BEFORE.search(before):
        per_unit = period_after(scan, spot) is None  # "the docs at 12M tokens/month" is a volume, "each doc at 2k" a size
    period = None if per_unit else period_after(scan, spot)
    if period is not None and scan.counts and _EACH_RATE_BEFORE.search(before[-50:]):
        per_unit = True  # "300 agents, each one generates ~25k tokens a day": a rate per counted item, with its period
    if period is None and not per_unit and not scan.counts:  # "40k requests daily, 1k input tokens": the count's
        period = period_before(before) or every_period(before[-30:], "", per=True)  # "each day 2m tokens", "per week we do 75M"
    amount = _amount(spot, io, per_unit, period, bool(u.PER_UNIT_WEAK.search(before)))
    amount.size = None if io == "out" else input_size(scan, spot, period_after(scan, spot) is not None)
    scan.amounts.append(amount)
    spot.n.role = "tokens"
    return True


def _scaled(scan: Scan, spot: Spot) -> bool:
    """A number with a magnitude and no unit ("50m a month") is tokens; "200k+" a context; "70b" parameters."""
    n, after = spot.n, spot.after
    if not n.scale or n.scale == "t":
        return False
    if n.scale == "b" and (_PARAM_AFTER.match(after) or n.raw[-1] in "bB" and n.value < 1e12 and "model" in after[:12]):
        return False
    if re.match(r"^\s*\+", after) and not PERIOD.match(after.lstrip(" +")):
        scan.q.min_context = int(n.value)  # "200k+"
        n.role = "context"
        return True
    if _PER_BEFORE.search(spot.before):
        n.role = "unit"  # "per 1M tokens"
        return True
    short = _IO_SHORT.match(after) or (_IO_PAIR_END.match(after) if _after_input(scan) else None)  # "1.5k in / 300 out"
    io = io_of(short.group("io")) if short else None
    label = None if short else _IO_BEFORE_AMOUNT.search(spot.before)  # "prompt ~2k, completion ~250"
    if label is not None:
        io = "out" if label.group(1) in _OUTPUT_NOUNS else "in"
    amount = _amount(spot, io, False, period_after(scan, spot) or period_before(spot.before))
    amount.bare = io is None
    scan.amounts.append(amount)
    n.role = "tokens"
    return True


def _bare_counts(scan: Scan, amounts: list[Amount]) -> None:
    """ "~20k/day @ 500 tokens each": with no count said, a bare amount with a period is the count the size per
    item multiplies."""
    if scan.counts or not any(a.per_unit and not a.weak_per_unit for a in amounts):
        return
    for a in [a for a in amounts if a.bare and a.factor is not None]:
        scan.counts.append(Count(a.tokens, a.factor, a.period))
        amounts.remove(a)
    for n in scan.nums:  # "~20000/day @ 500 tokens each": a plain number with a period and no unit
        period = PERIOD.match(scan.text, n.end) if n.role is None and n.value >= 2 else None
        if period is not None:
            scan.counts.append(Count(n.value, period_factor(period), period_name(period)))
            n.role = "count"


def _volume(scan: Scan) -> None:
    """Tokens a month from the amounts and counts read, kept to working time where the text says so."""
    _tokens_a_month(scan)
    if scan.q.tokens_per_month:
        periods = {c.period for c in scan.counts if c.period} | {a.period for a in scan.amounts if a.period}
        share, said = working_time(scan.text, periods)
        if said:
            scan.q.tokens_per_month = round(scan.q.tokens_per_month * share, 2)
            scan.q.assumptions.append(f"Run only part of the time: {' and '.join(said)}.")


def _tokens_a_month(scan: Scan) -> None:
    q = scan.q
    amounts = input_sizes(scan)
    _bare_counts(scan, amounts)
    counts = scan.counts = [c for c in scan.counts if not (c.per and _sized_in(scan, c.per))]
    if any(a.per_unit and a.io for a in amounts) or counts and any(a.per_unit for a in amounts):
        for a in amounts:  # "2,000 input and 500 output tokens per request": the pair is per request
            if a.io and a.factor is None:
                a.per_unit = True
    sized = [a for a in amounts if a.per_unit]
    if any(a.io == "out" for a in sized) and not any(a.io == "in" for a in sized):
        for a in sized:  # "documents of ~1k tokens each, 20 tokens output": what each one is, is its input
            if a.io is None:
                a.io = "in"
    totals = [a for a in amounts if not a.per_unit and (a.factor is not None or not counts)]
    per_unit = [a for a in amounts if a not in totals]
    share_from = per_unit if per_unit else totals
    ins = sum(a.tokens for a in share_from if a.io == "in")
    outs = sum(a.tokens for a in share_from if a.io == "out")
    if ins and outs and q.input_share is None:
        q.input_share = round(ins / (ins + outs), 6)
    if ins and outs:  # "each round trip is ~2,000 tokens (1.6k prompt, 400 completion)": the whole and its parts
        per_unit = [a for a in per_unit if a.io or abs(a.tokens - ins - outs) > 0.1 * (ins + outs)]
    if counts and per_unit:
        product = 1.0
        factor = None
        for c in counts:
            product *= c.value
            factor = factor or c.factor
        factor = factor or next((a.factor for a in per_unit if a.factor is not None), None)
        tokens = sum(a.tokens for a in per_unit) if (ins and outs) else max(a.tokens for a in per_unit)
        q.tokens_per_month = product * tokens * (factor if factor is not None else 1.0)
        if factor is None:
            q.assumptions.append("No period given for the request count, so it is taken as per month.")
        return
    if not totals:
        return
    chosen = totals if any(a.io for a in totals) and len({a.io for a in totals}) > 1 else totals[:1]
    factor = next((a.factor for a in chosen if a.factor is not None), None)
    q.tokens_per_month = sum(a.tokens for a in chosen) * (factor if factor is not None else 1.0)
    if all(a.io == "in" for a in chosen) and not any(a.io == "out" for a in scan.amounts):
        q.input_only = True  # "1B input tokens a month and tiny outputs": priced as input, no output said
        q.assumptions.append(f"{chosen[0].raw.upper()} tokens said as input alone: priced as input with no output; "
                             "add the output (`and 50M out`) unless it is tiny.")  # fmt: skip
    if factor is None:
        if _ONE_OFF.search(scan.text):  # "embed 500M tokens once", "a one-off backfill of 2B tokens"
            q.one_off = True
            q.assumptions.append(f"{chosen[0].raw.upper()} tokens said as a one-off job: the costs shown are the whole job's.")
        else:
            q.assumptions.append(f"No period given, so {chosen[0].raw.upper()} tokens is taken as a month's volume.")


PRICE_UNIT = Rule(
    name="price_unit",
    claim=_price_unit,
    fills=(),
    examples=(("price per 1m tokens", {"tokens_per_month": None}), ("cost per 1000 tokens", {"tokens_per_month": None})),
)
COUNT = Rule(
    name="count",
    claim=_count,
    fills=(),
    examples=(
        ("3k requests a day, 800 tokens each", {"tokens_per_month": 72_000_000}),
        ("every night we summarize ~12k docs, avg 6k tokens in / 400 out", {"tokens_per_month": 2.304e9}),
        ("80k images a day at ~1k tokens each", {"tokens_per_month": 2.4e9}),
        ("our nightly job summarizes ~8,000 docs, ~6k tokens in and 500 out each", {"tokens_per_month": 1.56e9}),
        ("1m q/mo, 300 in / 800 out", {"tokens_per_month": 1.1e9, "input_share": 0.272727}),
        ("20k-token system prompt, 100k conversations/mo, 10 turns of 150 user + 250 reply", {"tokens_per_month": 2e10}),
        ("~25 tool calls per task, 3k tasks/day, avg 40k tokens per task all in", {"tokens_per_month": 3.6e9}),
        ("1k tasks a day, 20 tool calls per task, 2k tokens per call", {"tokens_per_month": 1.2e9}),
        ("per user per day: ~12 chats x 900 tokens. 3,000 DAU", {"tokens_per_month": 9.72e8}),
        ("300 support agents, each one generates ~25k tokens a day of suggested replies", {"tokens_per_month": 2.25e8}),
        ("~400 PRs a day, maybe 12k tokens each", {"tokens_per_month": 1.44e8, "min_context": None}),
        ("2,000 research papers a week, 20k tokens in / 2k out each", {"tokens_per_month": 2000 * 52 / 12 * 22_000}),
        ("our team of 4 sends ~200 emails a day, ~1.5k tokens each", {"tokens_per_month": 9e6}),
    ),
)
TOKENS = Rule(
    name="tokens",
    claim=_tokens,
    fills=("tokens_per_month", "input_share"),
    examples=(
        ("50m tokens", {"tokens_per_month": 50_000_000}),
        ("10m tokens a day", {"tokens_per_month": 300_000_000}),
        ("2m tokens per week", {"tokens_per_month": 2e6 * 52 / 12}),
        ("1.2b tokens per year", {"tokens_per_month": 1e8}),
        ("10^15 tokens per month", {"tokens_per_month": 1e15}),
        ("2,000 input and 500 output tokens per request, 10k requests a month",
         {"tokens_per_month": 25_000_000, "input_share": 0.8}),
        ("2,400 calls a day at 3k in / 600 out", {"tokens_per_month": 259_200_000, "input_share": 0.833333}),
        ("1m requests a month at 4k input / 1k output", {"tokens_per_month": 5e9, "input_share": 0.8}),
        ("500 requests an hour, 1.5k tokens in and 300 out", {"tokens_per_month": 648_000_000}),
        ("5k users × 20 msgs/day × ~800 tokens, how much per month", {"tokens_per_month": 2.4e9}),
        ("200 req/min of 1,000 in/250 out cost", {"tokens_per_month": 1.08e10, "input_share": 0.8}),
        ("100k req/mo, 2k in / 500 visible out", {"tokens_per_month": 2.5e8, "input_share": 0.8}),
        ("10 million in + 2 million out on ¤", {"tokens_per_month": 12e6, "input_share": 0.833333}),
        ("per call we send 6k tokens and get back 500, 3k calls/day", {"tokens_per_month": 5.85e8, "input_share": 0.923077}),
        ("prompt ~2k, completion ~250, 1m requests per month", {"tokens_per_month": 2.25e9, "input_share": 0.888889}),
        ("~300 threads/day, each thread is ~3k tokens and the summary is ~250",
         {"tokens_per_month": 29_250_000, "input_share": 0.923077}),
        ("summarize 10k docs of 20k tokens each into ~1k token summaries",
         {"tokens_per_month": 2.1e8, "input_share": 0.952381}),
        ("15k queries a day, each with ~6k tokens of retrieved context + a 400 token answer",
         {"tokens_per_month": 2.88e9, "input_share": 0.9375, "min_context": None}),
        ("~600 calls a month, each transcript ~12k tokens and the summary ~800 tokens",
         {"tokens_per_month": 7.68e6, "input_share": 0.9375}),
        ("250 reps, 40 messages a day each, each round trip is ~2,000 tokens (1.6k prompt, 400 completion)",
         {"tokens_per_month": 6e8, "input_share": 0.8}),
        ("2,000 requests/hour, 1k tokens in and 250 out — which costs less per month?",
         {"tokens_per_month": 1.8e9, "input_share": 0.8}),
        ("each day 2m tokens", {"tokens_per_month": 6e7}),
        ("per week we do about 75M tokens in and 15M out", {"tokens_per_month": 90e6 * 52 / 12, "input_share": 0.833333}),
        ("1,000 requests per minute, 2k in / 500 out, only during business hours on weekdays",
         {"tokens_per_month": 1000 * 60 * 8 * 22 * 2500}),
        ("we get 50 requests a second, 1k tokens each, 12 hours a day", {"tokens_per_month": 50 * 2_592_000 * 1000 / 2}),
        ("3k tickets every weekday, 800 tokens each", {"tokens_per_month": 3000 * 22 * 800}),
        ("total volume for q1 is projected at 900m tokens", {"tokens_per_month": 3e8}),
        ("we estimate 2.4b tokens for the whole quarter", {"tokens_per_month": 8e8}),
    ),
)
SCALED = Rule(
    name="scaled",
    claim=_scaled,
    fills=("tokens_per_month", "min_context"),
    examples=(
        ("about 40m a month", {"tokens_per_month": 40_000_000}),
        ("200k+", {"min_context": 200_000}),
        ("a 70b model", {"tokens_per_month": None}),
    ),
)
VOLUME = Pass(
    name="volume",
    run=_volume,
    fills=("tokens_per_month", "input_share"),
    examples=(
        ("3k requests a day, 800 tokens each", {"tokens_per_month": 72_000_000}),
        ("5000 tickets at 1k tokens", {"tokens_per_month": 5_000_000}),
    ),
)
