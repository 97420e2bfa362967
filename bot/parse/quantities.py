"""The numbers of a question and what each one is: volume, money, limits, shares.

Every number in the text is given one role, in this order: money (budgets and price caps), percentages
and ratios of input to output, latency, speed, context and output floors, a row limit, a count of
requests (or tickets, documents...), tokens per request, and tokens. The volume is then tokens per
period, or requests x tokens per request, as a monthly figure; a volume with no period is per month.
"Per million tokens" after a price is the price's unit, never a volume.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.parse.numbers import NUMBER, PERIOD, number_value, period_factor, period_name

_UNIT_NOUNS = (
    r"requests?|reqs?|calls?|api calls?|queries|query|messages?|msgs?|tickets?|documents?|docs?|emails?|conversations?|chats?"
    r"|sessions?|users?|pages?|items?|records?|reviews?|articles?|prompts?|completions?|transcripts?|files?|posts?|comments?"
    r"|products?|descriptions?|invocations?|runs?|jobs?|questions?|searches?|summaries|translations?|customers?|rows?"
    r"|entries|leads?|tweets?|logs?|events?|invoices?|receipts?|contracts?|resumes?|cvs|images?|screenshots?|calls|turns?"
    r"|interactions?|tasks?|samples?|examples?|generations?|responses?|replies|answers?|chunks?|passages?|listings?|notes?"
    r"|threads?|orders?|claims?|forms?|applications?|reports?|videos?|recordings?|agents?|employees?|students?|patients?|members?|pdfs?|words?|sentences?|paragraphs?"
)
_COUNT_AFTER = re.compile(
    rf"^\s*(?:[a-z][\w-]*\s+){{0,2}}?(?:{_UNIT_NOUNS})\b"
    r"|^\s*(?!(?:tokens|toks|tps|ms|seconds|secs|hours|days|weeks|months|years|minutes|mins|dollars|bucks|cents|usd|params|parameters)\b)[a-z]{3,}s\b"
)
_TOKENS_AFTER = re.compile(r"^\s*(?:(?P<io>input|output|prompt|completion|in|out)\s+)?(?:tokens?|toks?|tkns?|tok)\b")
_IO_AFTER = re.compile(r"^\s*(?P<io>input|output|prompt|completion)\b(?!\s*(?:price|cost))")
_TOKEN_ADJ = re.compile(r"^\s*-\s*(?:token|tok)\b")  # "3k-token documents"
_PER_UNIT_AFTER = re.compile(
    rf"^[^\d$]{{0,30}}?\b(?:each|apiece|a piece|per (?:{_UNIT_NOUNS}|unit|one)|/\s*(?:{_UNIT_NOUNS})|on average|avg|average)\b"
)
_PER_UNIT_BEFORE = re.compile(
    rf"(?:\b(?:each|per|every|an?|the)\s+(?:{_UNIT_NOUNS})\s+(?:has|have|is|are|uses?|takes?|needs?|with|of|averag\w+|=|:|~|about|around|roughly|at)"
    rf"[^\d]{{0,20}}|\baverag\w+\s+(?:of\s+)?|\bavg\.?\s+)$"
)
_PER_UNIT_WEAK = re.compile(r"\b(?:at|of|x|times|with|by)\s+(?:about\s+|around\s+|~|roughly\s+|approx\w*\s+)?$")
_IO_WORD = re.compile(r"\b(input|prompt|output|completion|in|out)\b")

_CURRENCY_BEFORE = re.compile(r"(?:\$|us\$|usd|€|eur|£|gbp)\s*$")
_CURRENCY_AFTER = re.compile(r"^\s*(?P<unit>dollars?|usd|bucks|cents?|¢|€|eur|euros?|£|gbp)\b")
_BUDGET_BEFORE = re.compile(
    r"\b(?:budget\w*|spend(?:ing)?|afford|bill|cap|capped|max(?:imum)? cost|monthly cost|cost(?:s|ing)? (?:me |us )?(?:under|below|less than|at most)|pay(?:ing)?)"
    r"\s*(?:is|of|:|=|around|about|at|under|below|max|up to|no more than|less than|at most|of up to|roughly|~|only)?\s*$"
)
_PER_MILLION = re.compile(
    r"^\s*(?:/|per|a|an|for each|for every|each|every|for)\s*(?:1\s*m\b|m\b|mtoks?\b|mil\b|million\b|1,000,000\b|1000000\b|mln\b|one million\b"
    r"|1\s*million\b|1m\b)(?:\s*(?:input|output|prompt|completion|in|out)?\s*(?:tokens?|toks?)\b)?"
)
_PER_THOUSAND = re.compile(
    r"^\s*(?:/|per|a|an|for each|each|every)\s*(?:1\s*k\b|k\b|1k\b|thousand\b|1,000\b|1000\b|ktoks?\b)(?:\s*(?:input|output|prompt|completion)?\s*(?:tokens?|toks?)\b)?"
)
_IO_AFTER_PRICE = re.compile(r"^\s*(?:for\s+|of\s+|on\s+|in\s+)?(?P<io>input|in|prompt|output|out|completion)\b")
_IO_BEFORE_PRICE = re.compile(
    r"(?<!image )(?<!images )(?<!audio )(?<!video )(?<!text )(?<!vision )(?<!pdf )(?<!voice )"  # "image input" is a modality
    r"\b(?P<io>input|prompt|output|completion)(?:\s+(?:tokens?|token price|price|cost|pricing|rate|side))?"
    r"\s*(?:price|cost|rate)?\s*(?:of|under|below|<|<=|at most|max|less than|up to|no more than|:|=|is|at|capped at|around|cap|of at most|below|than)?\s*(?:\$|usd|us\$)?\s*$"
)
_CAP_WORD = re.compile(r"\b(?:under|below|less than|at most|max|cap|no more than|cheaper than|<|<=|up to|within)\s*$")

_PERCENT_AFTER = re.compile(r"^\s*(?:%|percent\b|pct\b)")
_RATIO = re.compile(r"(?<![\w.:$/])(?P<a>\d+(?:\.\d+)?)\s*(?P<sep>:|\bto\b)\s*(?P<b>\d+(?:\.\d+)?)(?![\w.:/%])")
_SLASH = re.compile(r"(?<![\w.$/:])(?P<a>\d{1,3}(?:\.\d+)?)\s*(?P<sep>/)\s*(?P<b>\d{1,3}(?:\.\d+)?)(?![\w./:%])")
_IO_CONTEXT = re.compile(r"\b(?:input|output|prompt|completion|in|out|i/o|ratio|split|mix)\b")
_REVERSED = re.compile(r"\b(?:output|out|completion)s?\s*(?::|/|to|-|vs\.?)\s*(?:input|in|prompt)s?\b")

_MS_AFTER = re.compile(r"^\s*(?:ms|msec|millis\w*)\b")
_SEC_AFTER = re.compile(r"^\s*(?:s|sec|secs|seconds?)\b")
_LATENCY_CONTEXT = re.compile(
    r"\b(?:ttft|latency|first token|respon\w+|reply|replies|answer\w*|within|under|below|less than|faster than|<|<=|max|at most|wait)\b|<"
)
_SUB_SECOND = re.compile(r"\b(?:sub|under|below|less than|within)[\s-]*(?:a|one|1)?\s*-?\s*second\b")
_SPEED_AFTER = re.compile(
    r"^\s*\+?\s*(?:(?:output\s+)?(?:tokens?|toks?|t)\s*(?:/|per|a|each)\s*(?:s|sec|second)\b|(?:tps|tok/s|t/s|tokens/s|otps)\b)"
)
_CONTEXT_AFTER = re.compile(
    r"^\s*\+?\s*(?:-?\s*(?:tokens?|toks?)\s*|-)?(?:of\s+)?(?:input\s+)?(?:context|ctx|window|context window|context length|token window|token context)\b"
)
_CONTEXT_BEFORE = re.compile(
    r"\b(?:context|ctx|window|context window|context length|context size|context of)\s*(?:size|length|window)?\s*(?:of|over|above|at least|>=|>|:|=|is|of at least"
    r"|greater than|more than|bigger than|larger than|with|around|about|min(?:imum)?|needs? to be|must be|should be|up to|to be)?\s*(?:at least\s*)?$"
)
_OUTPUT_AFTER = re.compile(
    r"^\s*\+?\s*(?:-?\s*(?:tokens?|toks?)\s*)?(?:of\s+)?(?:max(?:imum)?\s+)?(?:output|completion|generation)s?(?:\s+(?:tokens?|length|limit|window|size))?\b"
)
_LONG_AFTER = re.compile(r"^\s*(?:-?\s*(?:tokens?|toks?)\s*[- ])?long\b")
_OUTPUT_NOUN = re.compile(
    r"\b(?:respons\w*|outputs?|answers?|repl(?:y|ies)|completions?|generations?|generated|essays?|articles?)\b"
)
_INPUT_NOUN = re.compile(
    r"\b(?:documents?|docs?|inputs?|prompts?|files?|transcripts?|pdfs?|books?|codebases?|contracts?|contexts?)\b"
)
_OUTPUT_BEFORE = re.compile(
    r"\b(?:max(?:imum)? output|output (?:limit|length|window|size|cap|tokens?)|max[_ ]tokens|max(?:imum)? completion|output of|outputs? (?:up to|at least)"
    r"|(?:can|to|that|will|must|should|could) (?:output|return)"
    r"|generate|produce|write|emit)\s*(?:tokens?)?\s*(?:of|over|above|at least|>=|>|:|=|is|up to|around|min(?:imum)?|at|with)?\s*(?:at least\s*)?$"
)
_FLOOR_BEFORE = re.compile(
    r"\b(?:at least|min(?:imum)?|over|above|more than|greater than|>=|>|with|supports?|supporting|handles?|that can (?:output|generate|write)"
    r"|can (?:output|generate|write|produce)|up to|needs?|need to|long|big|large|outputs? of)\s*(?:an?\s+)?$|≥\s*$"
)
_LIMIT_BEFORE = re.compile(
    r"\b(?:top|best|first|give me|show me|show|list|recommend|suggest|pick|name|just|only|compare|rank)\s+(?:the\s+)?(?:best\s+|top\s+)?$"
)
_LIMIT_AFTER = re.compile(
    r"^\s*(?:best|cheapest|fastest|top|good|great|different|other|cheaper|faster|smartest|open[- ]?(?:source|weights?)|\w+est|\w+er)?\s*"
    r"(?:models?|options?|choices?|picks?|candidates?|alternatives?|suggestions?|recommendations?|llms?|ones)\b"
)
_PARAM_AFTER = re.compile(r"^\s*(?:-?\s*param\w*|\s*models?\b|\s*llms?\b)")
_PAGE_AFTER = re.compile(
    r"^\s*-\s*(?:page|pages|word|words|line|lines|minute|min|second|sec|hour|day|month|year|shot|step|bit|core)\b"
)
_RANGE_END = re.compile(r"^\s*(?:-|to|or)\s*\d")


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
    assumptions: list[str] = field(default_factory=list)


@dataclass
class _Num:
    start: int
    end: int
    value: float
    scale: str | None
    raw: str
    role: str | None = None


@dataclass
class _Amount:
    tokens: float
    io: str | None
    per_unit: bool
    factor: float | None  # per-period multiplier to a month, None when no period was said
    period: str | None
    raw: str
    weak_per_unit: bool = False  # "of 2k tokens": per request only when requests are counted


def _io(word: str | None) -> str | None:
    if not word:
        return None
    return "in" if word in ("input", "prompt", "in") else "out"


def _period_after(text: str, start: int, stop: int) -> re.Match[str] | None:
    window = text[start : min(stop, start + 60)]
    return PERIOD.search(window)


def extract_quantities(text: str) -> Quantities:
    """Volume, money, floors, share and limit in `text` (lower case, number words as digits, models masked)."""
    q = Quantities()
    nums = [
        _Num(m.start(), m.end(), number_value(m), (m.group("scale") or "").lower() or None, m.group())
        for m in NUMBER.finditer(text)
    ]
    if not nums and "second" not in text:
        return q
    starts = [n.start for n in nums] + [len(text)]

    def next_start(i: int) -> int:
        return starts[i + 1]

    _ratios(text, nums, q)
    counts: list[tuple[float, float | None, str | None]] = []
    amounts: list[_Amount] = []
    for i, n in enumerate(nums):
        if n.role:
            continue
        before = text[max(0, n.start - 48) : n.start]
        after = text[n.end : n.end + 60]
        stop = next_start(i)
        if _PAGE_AFTER.match(after) or (
            _RANGE_END.match(after) and i + 1 < len(nums) and nums[i + 1].scale and not n.scale
        ):
            n.role = "skip"  # "100-page", "5-shot"; "2-3M tokens" is read as its upper end
            continue
        if _money(text, n, before, after, q):
            continue
        if _PERCENT_AFTER.match(after):
            _percent(text, n, before, after, stop, q)
            continue
        if _MS_AFTER.match(after):
            q.max_latency = n.value / 1000
            n.role = "latency"
            continue
        if _SEC_AFTER.match(after) and _LATENCY_CONTEXT.search(
            before[-30:] + " " + text[max(0, n.start - 60) : n.start]
        ):
            q.max_latency = n.value
            n.role = "latency"
            continue
        if _SPEED_AFTER.match(after):
            q.min_speed = n.value
            n.role = "speed"
            continue
        if _CONTEXT_AFTER.match(after) or _CONTEXT_BEFORE.search(before):
            q.min_context = int(n.value)
            n.role = "context"
            continue
        if _LONG_AFTER.match(after):  # "responses up to 100k tokens long", "documents 300k tokens long"
            if _OUTPUT_NOUN.search(before[-40:]):
                q.min_output, n.role = int(n.value), "output"
                continue
            if _INPUT_NOUN.search(before[-40:]):
                q.min_context, n.role = int(n.value), "context"
                continue
        if (
            _OUTPUT_AFTER.match(after) and (_FLOOR_BEFORE.search(before) or re.match(r"^\s*\+", after))
        ) or _OUTPUT_BEFORE.search(before):
            if not _PER_UNIT_AFTER.match(after) and not _has_input_amount(text, nums, i):
                q.min_output = int(n.value)
                n.role = "output"
                continue
        if (
            not n.scale
            and n.value == int(n.value)
            and 1 <= n.value <= 50
            and (_LIMIT_BEFORE.search(before) or _LIMIT_AFTER.match(after))
        ):
            q.limit = int(n.value)
            n.role = "limit"
            continue
        if re.search(r"(?:\bper|/|\bfor every|\bfor each)\s*$", before) and n.value in (1.0, 1e3, 1e6):
            n.role = "unit"  # "per 1M tokens", "/1k tokens": a price's unit
            continue
        tok = _TOKENS_AFTER.match(after) or (_IO_AFTER.match(after) if "token" in text else None)
        if tok is None and _COUNT_AFTER.match(after) and not _TOKEN_ADJ.match(after):
            period = _period_after(text, n.end, stop)
            counts.append((n.value, period_factor(period) if period else None, period_name(period) if period else None))
            n.role = "count"
            continue
        if tok is not None or _TOKEN_ADJ.match(after):
            io = _io(tok.group("io")) if tok is not None else None
            if io is None and tok is not None:
                # "3,000 input and 1,000 output tokens": the io word can sit after "tokens"
                m = re.match(r"^\s*(?:tokens?|toks?)\s+(?:of\s+)?(input|output|prompt|completion)\b", after)
                io = _io(m.group(1)) if m else None
            per_unit = bool(_TOKEN_ADJ.match(after) or _PER_UNIT_AFTER.match(after) or _PER_UNIT_BEFORE.search(before))
            period = None if per_unit else _period_after(text, n.end, stop)
            if period is None and not per_unit:
                period = _period_before(before)
            amounts.append(
                _Amount(
                    n.value,
                    io,
                    per_unit,
                    period_factor(period) if period else None,
                    period_name(period) if period else None,
                    n.raw,
                    bool(_PER_UNIT_WEAK.search(before)),
                )
            )
            n.role = "tokens"
            continue
        if (
            n.scale
            and n.scale not in ("t",)
            and not (
                n.scale == "b"
                and (_PARAM_AFTER.match(after) or n.raw[-1] in "bB" and n.value < 1e12 and "model" in after[:12])
            )
        ):
            if re.match(r"^\s*\+", after) and not PERIOD.match(after.lstrip(" +")):
                q.min_context = int(n.value)  # "200k+"
                n.role = "context"
                continue
            if re.search(r"(?:\bper|/)\s*$", before):
                n.role = "unit"  # "per 1M tokens"
                continue
            period = _period_after(text, n.end, stop) or _period_before(before)
            amounts.append(
                _Amount(
                    n.value,
                    None,
                    False,
                    period_factor(period) if period else None,
                    period_name(period) if period else None,
                    n.raw,
                )
            )
            n.role = "tokens"
    if _SUB_SECOND.search(text) and q.max_latency is None:
        q.max_latency = 1.0
    _volume(counts, amounts, q)
    return q


def _period_before(before: str) -> re.Match[str] | None:
    """The last period adverb ("daily") in the text before a number."""
    found = list(
        re.finditer(r"\b(?P<adverb>hourly|daily|nightly|weekly|monthly|yearly|annually|annual)\b", before[-30:])
    )
    return found[-1] if found else None


def _has_input_amount(text: str, nums: list[_Num], i: int) -> bool:
    """Whether an input token amount sits next to number i ("2M input + 500k output tokens")."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(nums):
            near = text[nums[j].end : nums[j].end + 14]
            if re.match(r"^\s*(?:input|prompt|in)\b", near):
                return True
    return False


def _money(text: str, n: _Num, before: str, after: str, q: Quantities) -> bool:
    currency = _CURRENCY_BEFORE.search(before[-6:])
    cur_after = _CURRENCY_AFTER.match(after)
    per_m = _PER_MILLION.match(after[cur_after.end() :] if cur_after else after)
    per_k = None if per_m else _PER_THOUSAND.match(after[cur_after.end() :] if cur_after else after)
    budget = _BUDGET_BEFORE.search(before)
    if not (
        currency or cur_after or budget or (per_m and (_IO_BEFORE_PRICE.search(before) or _CAP_WORD.search(before)))
    ):
        return False
    if not (currency or cur_after) and budget is None and per_m is None:
        return False
    if not (currency or cur_after) and per_m is None and (_TOKENS_AFTER.match(after) or _COUNT_AFTER.match(after)):
        return False  # "monthly cost of 10M tokens": a volume after a cost word
    value = n.value
    if cur_after and cur_after.group("unit") in ("cent", "cents", "¢"):
        value /= 100
    rest = after[cur_after.end() :] if cur_after else after
    unit = per_m or per_k
    if per_k:
        value *= 1000
    n.role = "money"
    if unit is not None:
        tail = rest[unit.end() : unit.end() + 24]
        io_m = (
            re.search(r"\b(input|prompt|output|completion)\b", unit.group())
            or _IO_AFTER_PRICE.match(tail)
            or _IO_BEFORE_PRICE.search(before)
        )
        _set_price(q, _io(io_m.group(1) if io_m and io_m.lastindex else io_m.group("io") if io_m else None), value)
        return True
    io_direct = _IO_AFTER_PRICE.match(rest)
    if io_direct and not PERIOD.match(rest.lstrip()):
        _set_price(q, _io(io_direct.group("io")), value)  # "$3 in / $15 out"
        return True
    io_before = _IO_BEFORE_PRICE.search(before)
    if io_before and budget is None:
        _set_price(q, _io(io_before.group("io")), value)  # "input price under $1"
        return True
    period = PERIOD.match(rest.lstrip())
    if period is None:
        m = re.match(r"^\s*(?:total\s+)?(?:(?:in|for|of)\s+)?(?:a|one|per|each|every)?\s*(month|day|week|year)\b", rest)
        factor = {"month": 1.0, "day": 30.0, "week": 52 / 12, "year": 1 / 12}[m.group(1)] if m else None
    else:
        factor = period_factor(period)
    if factor is None and budget is None and value < 20:
        q.max_blended_price = value
        q.assumptions.append(f"${_fmt(value)} taken as a price per million tokens.")
        return True
    q.max_monthly_cost = round(value * (factor or 1.0), 6)
    if factor is None:
        q.assumptions.append(f"${_fmt(value)} taken as a monthly budget.")
    return True


def _set_price(q: Quantities, io: str | None, value: float) -> None:
    if io == "in":
        q.max_input_price = value
    elif io == "out":
        q.max_output_price = value
    else:
        q.max_blended_price = value


def _percent(text: str, n: _Num, before: str, after: str, stop: int, q: Quantities) -> None:
    n.role = "percent"
    window = text[n.end : min(stop, n.end + 40)]
    m = _IO_WORD.search(window) or _IO_WORD.search(before[-24:])
    if m is None or not 0 <= n.value <= 100:
        return
    share = n.value / 100
    q.input_share = share if _io(m.group(1)) == "in" else round(1 - share, 6)


def _ratios(text: str, nums: list[_Num], q: Quantities) -> None:
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
            q.input_share = round(share, 6)
            for n in nums:
                if m.start() <= n.start < m.end():
                    n.role = "ratio"


def _volume(counts: list[tuple[float, float | None, str | None]], amounts: list[_Amount], q: Quantities) -> None:
    if any(a.per_unit and a.io for a in amounts):
        for a in amounts:  # "2,000 input and 500 output tokens per request": the pair is per request
            if a.io and a.factor is None:
                a.per_unit = True
    totals = [a for a in amounts if not a.per_unit and (a.factor is not None or not counts)]
    per_unit = [a for a in amounts if a not in totals]
    share_from = per_unit if per_unit else totals
    ins = sum(a.tokens for a in share_from if a.io == "in")
    outs = sum(a.tokens for a in share_from if a.io == "out")
    if ins and outs and q.input_share is None:
        q.input_share = round(ins / (ins + outs), 6)
    if counts and per_unit:
        product = 1.0
        factor = None
        for value, f, _ in counts:
            product *= value
            factor = factor or f
        tokens = sum(a.tokens for a in per_unit) if (ins and outs) else max(a.tokens for a in per_unit)
        q.tokens_per_month = product * tokens * (factor if factor is not None else 1.0)
        if factor is None:
            q.assumptions.append("No period given for the request count, so it is taken as per month.")
        return
    if not totals:
        return
    if any(a.io for a in totals) and len({a.io for a in totals}) > 1:
        chosen = totals
    else:
        chosen = totals[:1]
    factor = next((a.factor for a in chosen if a.factor is not None), None)
    q.tokens_per_month = sum(a.tokens for a in chosen) * (factor if factor is not None else 1.0)
    if factor is None:
        q.assumptions.append(f"No period given, so {chosen[0].raw.upper()} tokens is taken as a month's volume.")


def _fmt(value: float) -> str:
    return f"{value:g}"
