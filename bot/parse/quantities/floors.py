"""Floors: the context window ("1M context", "context of at least 200k", "documents 300k tokens long") and the
output length ("at least 32k output tokens") a model must have, and the row limit ("top 3", "5 options")."""

from __future__ import annotations

import re

from bot.parse import pattern_cache
from bot.parse.quantities.base import Rule, Scan, Spot
from bot.parse.quantities.units import PER_UNIT_AFTER

_CONTEXT_AFTER = pattern_cache.compile(
    r"^\s*\+?\s*(?:-?\s*(?:tokens?|toks?)\s*|-)?(?:of\s+)?(?:input\s+)?(?:context|ctx|window|context window|context length|token window|token context)\b"
)
_CONTEXT_BEFORE = pattern_cache.compile(
    r"\b(?:context|ctx|window|context window|context length|context size|context of)\s*(?:size|length|window)?\s*(?:of|over|above|at least|>=|>|:|=|is|of at least"
    r"|greater than|more than|bigger than|larger than|with|around|about|min(?:imum)?|needs? to be|must be|should be|up to|to be)?\s*(?:at least\s*)?$"
)
_OUTPUT_AFTER = pattern_cache.compile(
    r"^\s*\+?\s*(?:-?\s*(?:tokens?|toks?)\s*)?(?:of\s+)?(?:max(?:imum)?\s+)?(?:output|completion|generation)s?(?:\s+(?:tokens?|length|limit|window|size))?\b"
)
_FLOOR_AFTER = pattern_cache.compile(r"\s*(?:minimum|min|or more|at least|floor|required|needed|or above|or higher)\b")  # "32k output minimum"
_LONG_AFTER = pattern_cache.compile(r"^\s*(?:-?\s*(?:tokens?|toks?)\s*[- ])?long\b")
_OUTPUT_NOUN = pattern_cache.compile(
    r"\b(?:respons\w*|outputs?|answers?|repl(?:y|ies)|completions?|generations?|generated|essays?|articles?)\b"
)
_INPUT_NOUN = pattern_cache.compile(
    r"\b(?:documents?|docs?|inputs?|prompts?|files?|transcripts?|pdfs?|books?|codebases?|contracts?|contexts?)\b"
)
_OUTPUT_BEFORE = pattern_cache.compile(
    r"\b(?:max(?:imum)? output|output (?:limit|length|window|size|cap|tokens?)|max[_ ]tokens|max(?:imum)? completion|output of|outputs? (?:up to|at least)"
    r"|(?:can|to|that|will|must|should|could) (?:output|return)"
    r"|generate|produce|write|emit|spit)\s*(?:back|out)?\s*(?:tokens?)?\s*(?:of|over|above|at least|>=|>|:|=|is|up to|around|min(?:imum)?|at|with)?\s*(?:at least\s*)?$"
)
_FLOOR_BEFORE = pattern_cache.compile(
    r"\b(?:at least|min(?:imum)?(?: of)?|over|above|more than|greater than|>=|>|with|supports?|supporting|handles?|that can (?:output|generate|write)"
    r"|can (?:output|generate|write|produce)|up to|needs?|need to|long|big|large|outputs? of)\s*(?:an?\s+)?$|(?:≥|>=?)\s*$"
)
# a floor said outright: "at least 64k output tokens per response" is a floor even with a per-unit word after it
_STRONG_FLOOR = pattern_cache.compile(r"(?:\bat least|\bmin(?:imum)?(?: of)?|\bno less than|≥|>=?)\s*$")
_INPUT_NEAR = pattern_cache.compile(r"^\s*(?:input|prompt|in)\b")
_INPUT_BEFORE = pattern_cache.compile(r"\b(?:input|prompt)\s*(?:of|is|:|=|~)?\s*$")
_LIMIT_BEFORE = pattern_cache.compile(
    r"\b(?:top|best|first|give me|show me|show|list|recommend|suggest|pick|name|just|only|compare|rank)\s+(?:the\s+)?(?:best\s+|top\s+)?$"
)
_CALLS_AFTER = pattern_cache.compile(r"^\s*(?:llms?|models?|ai)\s+(?:calls?|requests?|invocations?|queries|runs?|round ?trips?|turns?)\b")
_LIMIT_AFTER = pattern_cache.compile(
    r"^\s*(?:(?:best|cheapest|fastest|top|good|great|different|other|cheaper|faster|smartest|open[- ]?(?:source|weights?)|\w+est|\w+er"
    r"|cheap|fast|smart|small|large|reasoning|coding|vision|chat|embedding|multimodal|free|solid|decent|new|popular|recommended"
    r"|very|possible|available|(?:most|least|lowest|highest)[- ]\w+)\s+){0,3}?\s*"
    r"(?:models?|options?|choices?|picks?|candidates?|alternatives?|suggestions?|recommendations?|llms?|ones)\b"
    r"|^\s*(?:max|tops|at most|results?)\s*[.!?]*$"  # "list models that take PDFs, 10 max"
)


# "each ticket sends ~3k tokens of context": what a request carries in, a token amount rather than a floor
_SENT_BEFORE = pattern_cache.compile(r"\b(?:sends?|sending|feeds?|feeding|passes|submits?|uploads?)\s+(?:~|about|around|roughly|up to)?\s*~?\s*$")

# "15k queries a day, each with ~6k tokens of retrieved context": with requests counted, what each one carries in
_EACH_CARRIES = pattern_cache.compile(r"\b(?:each|every one)\b(?:\s+(?:with|has|have|carr\w+|includ\w+|uses?|of))?[^.?!\d]{0,16}$")


# "~15k tokens in, 1.5k out": the input half of a request, said beside its output half
_IO_HALF_AFTER = pattern_cache.compile(r"^\s*(?:-?\s*(?:tokens?|toks?)\s*)?(?:in|input)\b(?:[^.?!]|\.(?=\d)){0,30}?\bout(?:put)?\b")


def _context(scan: Scan, spot: Spot) -> bool:
    if not (_CONTEXT_AFTER.match(spot.after) or _CONTEXT_BEFORE.search(spot.before)):
        return False
    if _SENT_BEFORE.search(spot.before) or scan.counts and _EACH_CARRIES.search(spot.before):
        return False
    if _IO_HALF_AFTER.match(spot.after):
        return False  # "the diff plus context is ~15k tokens in, 1.5k out per review": a request's input half
    scan.q.min_context = int(spot.n.value)
    spot.n.role = "context"
    return True


def _long(scan: Scan, spot: Spot) -> bool:
    """ "responses up to 100k tokens long" is an output floor, "documents 300k tokens long" a context floor."""
    if not _LONG_AFTER.match(spot.after):
        return False
    if _OUTPUT_NOUN.search(spot.before[-40:]):
        scan.q.min_output, spot.n.role = int(spot.n.value), "output"
        return True
    if _INPUT_NOUN.search(spot.before[-40:]):
        scan.q.min_context, spot.n.role = int(spot.n.value), "context"
        return True
    return False


_REQUESTS_COUNTED = pattern_cache.compile(
    r"\d[\d.,]*\s*(?:k|m|b|thousand|million)?\s*(?:requests?|calls?|msgs?|messages?|queries|tickets?|conversations?|chats?|docs?|documents?)\b"
)


def _output(scan: Scan, spot: Spot) -> bool:
    before, after = spot.before, spot.after
    output_after = _OUTPUT_AFTER.match(after)
    floor = _FLOOR_BEFORE.search(before) or re.match(r"^\s*\+", after) or (output_after and _FLOOR_AFTER.match(after, output_after.end()))
    said = (output_after and floor) or _OUTPUT_BEFORE.search(before)
    per_unit = PER_UNIT_AFTER.match(after) and not (_STRONG_FLOOR.search(before) and not _REQUESTS_COUNTED.search(scan.text))
    if not said or per_unit or _has_input_amount(scan, spot.i):
        return False
    if floor and floor.group().strip() == "with" and spot.n.value < 8192 and _REQUESTS_COUNTED.search(scan.text):
        return False  # "5M requests a month with 300 output tokens": each request's output, not a floor
    scan.q.min_output = int(spot.n.value)
    spot.n.role = "output"
    return True


def _has_input_amount(scan: Scan, i: int) -> bool:
    """Whether an input token amount sits next to number i ("2M input + 500k output tokens")."""
    nums = scan.nums
    for j in (i - 1, i + 1):
        if 0 <= j < len(nums) and (
            _INPUT_NEAR.match(scan.text[nums[j].end : nums[j].end + 14])
            or _INPUT_BEFORE.search(scan.text[max(0, nums[j].start - 20) : nums[j].start])
        ):
            return True  # "2M input + 500k output tokens", "input of 3k tokens and output of 500 tokens"
    return False


def _limit(scan: Scan, spot: Spot) -> bool:
    n = spot.n
    if n.scale or n.value != int(n.value) or not 1 <= n.value <= 50:
        return False
    if not (_LIMIT_BEFORE.search(spot.before) or _LIMIT_AFTER.match(spot.after)):
        return False
    if _CALLS_AFTER.match(spot.after):
        return False  # "15 llm calls per task": a count of calls, not how many models to show
    scan.q.limit = int(n.value)
    n.role = "limit"
    return True


CONTEXT = Rule(
    name="context",
    claim=_context,
    fills=("min_context",),
    examples=(
        ("1m context", {"min_context": 1_000_000}),
        ("128k context window", {"min_context": 128_000}),
        ("context of at least 200k", {"min_context": 200_000}),
        ("a 400k-token context", {"min_context": 400_000}),
        ("300 PRs a day, the diff plus context is ~15k tokens in, 1.5k out per review", {"min_context": None, "tokens_per_month": 148_500_000}),
    ),
)
LONG = Rule(
    name="long",
    claim=_long,
    fills=("min_context", "min_output"),
    examples=(
        ("documents 300k tokens long", {"min_context": 300_000}),
        ("responses up to 100k tokens long", {"min_output": 100_000}),
    ),
)
OUTPUT = Rule(
    name="output",
    claim=_output,
    fills=("min_output",),
    examples=(
        ("at least 32k output tokens", {"min_output": 32_000}),
        ("max output of 64k", {"min_output": 64_000}),
        ("at least 64k output tokens per response", {"min_output": 64_000, "tokens_per_month": None}),
        ("models with >= 32k max output", {"min_output": 32_000, "tokens_per_month": None}),
        ("2m input + 500k output tokens a month", {"min_output": None, "tokens_per_month": 2_500_000}),
    ),
)
LIMIT = Rule(
    name="limit",
    claim=_limit,
    fills=("limit",),
    examples=(
        ("top 3", {"limit": 3}),
        ("our agent makes 15 llm calls per user task", {"limit": None}),
        ("give me 5 options", {"limit": 5}),
        ("the 2 cheapest models", {"limit": 2}),
        ("top 500 customers", {"limit": None}),
        ("list models that take pdfs, 10 max", {"limit": 10}),
    ),
)
