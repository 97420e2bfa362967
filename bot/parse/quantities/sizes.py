"""Sizes of one input: a document or prompt size ("500k-token documents", "prompts up to 200k tokens") is the
context floor, never a volume; with requests counted, a plain size per item is what each request sends.
"""

from __future__ import annotations

from bot.parse.fast_patterns import fast
from bot.parse.quantities.base import Amount, Pass, Scan, Spot

_INPUT_NOUNS = (
    r"documents?|docs?|prompts?|contracts?|files?|pdfs?|transcripts?|reports?|books?|novels?|codebases?|repos?|inputs?|contexts?"
    r"|manuals?|papers?|filings?|logs?|threads?|conversations?|chats? histor(?:y|ies)|emails?|tickets?|pages?|recordings?|texts?"
    r"|monorepos?|prs|pull requests?|diffs?|patches|specs?|spreadsheets?|decks?|datasets?|chapters?|briefs?|policies|dumps?"
    r"|packs?|archives?|agreements?|memos?|slides|presentations?|statements?|case files?|minutes|notes|wikis?|handbooks?|annex(?:es)?|appendices"
)
# "500k-token documents", "300k token contracts"; "50M tokens of logs" is a volume of logs, not one log's size
_SIZE_NOUN_AFTER = fast(rf"^\s*-?\s*(?:tokens?|toks?)(?:-|\s+)(?!of\b)(?:\w+\s+){{0,2}}?(?:{_INPUT_NOUNS})\b")
_SIZE_NOUN_BEFORE = fast(
    rf"\b(?:{_INPUT_NOUNS})\s*\(\s*(?:~|about|around|roughly|approx\w*|up to|at most|max)?\s*$"  # "whole codebases (~1.5M tokens)"
    # "some contracts with all the annexes are up to 1m tokens": a longer subject, with a verb of being
    rf"|\b(?:{_INPUT_NOUNS})\s+(?:\w+\s+){{3,4}}?(?:are|is|can be|run|reach|hit|get|go)\s+(?:about\s+|around\s+|roughly\s+|up to\s+|~\s*)?$"
    rf"|\b(?:{_INPUT_NOUNS})\s*[,:;-]?\s+(?:\w+[,;]?\s+){{0,2}}?(?:are|is|of|with|that are|averag\w*|run|around|about|like|say|up to|reach|hit|can be|over|exceed\w*|as long as"
    rf"|as large as|as big as|at|roughly|typically|usually|often|sometimes|occasionally|get|go)\s*(?:about\s+|around\s+|roughly\s+|like\s+|up to\s+|~\s*|over\s+|at least\s+)?$"
)
# "long contracts, they're like 700k tokens each": a size per item, the item named earlier
_EACH_AFTER = fast(r"^\s*-?\s*(?:tokens?|toks?)\s+(?:each|apiece|a piece)\b")
_INPUT_NOUN = fast(rf"\b(?:{_INPUT_NOUNS})\b")
# "novels; each one is like 300k tokens": the size said of each item before the amount
_EACH_BEFORE = fast(
    r"\b(?:each|every) (?:one|of them|single one)\s+(?:is|are|runs?|has|comes? to)\s+(?:like|about|around|roughly|~|up to)?\s*~?\s*$"
    r"|,\s*each\s+(?:about\s+|around\s+|roughly\s+)?~?\s*$"  # "2,000 contracts a month, each ~350k tokens"
)
_SIZE_MAX_BEFORE = fast(r"\b(?:up to|as (?:long|large|big) as|max(?:imum)?(?: of)?|reach|hit|exceed\w*|over|at least|can be)\s*(?:about\s+|around\s+)?$")
_ONE_INPUT_AFTER = fast(
    r"^[^.?!\d]{0,40}\b(?:in|into|within)\s+(?:one|a single|1|the same|each)\s+(?:prompt|request|call|go|context|window|shot)\b|^[^.?!\d]{0,40}\bat once\b"
)
# "reading entire novels in one go, ~500k tokens": the one input said before its size
_ONE_INPUT_BEFORE = fast(r"\b(?:in|into|within)\s+(?:one|a single|1)\s+(?:prompt|request|call|go|context|window|shot)\b[^.?!\d]{0,12}$|\bat once[^.?!\d]{0,12}$")


def input_size(scan: Scan, spot: Spot, period_after: bool) -> str | None:
    """Whether a token amount is the size of one document or prompt: "max" (a ceiling: "prompts up to 200k
    tokens", "800k tokens in one prompt") or "each" ("500k-token documents"), else None."""
    before, after = spot.before, spot.after
    if _ONE_INPUT_AFTER.match(after) or _ONE_INPUT_BEFORE.search(before) and not period_after:
        return "max"
    noun_before = _SIZE_NOUN_BEFORE.search(before)
    if noun_before and _SIZE_MAX_BEFORE.search(before) and not period_after:
        return "max"
    if noun_before or _SIZE_NOUN_AFTER.match(after):
        return "each"
    if (_EACH_AFTER.match(after) or _EACH_BEFORE.search(before)) and _INPUT_NOUN.search(scan.text, 0, spot.n.start):
        return "each"
    return None


# a counted item this large is a context floor as well as part of the volume: "3k contracts a month, ~400k tokens each"
CONTEXT_SIZED = 100_000


def input_sizes(scan: Scan) -> list[Amount]:
    """Token amounts that are the size of one input become the context floor: always a ceiling ("up to"), a plain
    size only when nothing is counted (with "3k requests a day" an 800-token size is per request) or when it is
    `CONTEXT_SIZED` or more."""
    paired = any(a.io == "out" for a in scan.amounts)  # "prompts of 2k and outputs of 200": a request's two halves
    sizes = [
        a
        for a in scan.amounts
        if a.size == "max"
        or (a.size == "each" and not scan.counts and a.factor is None and not (paired and a.io))
        or (a.size == "each" and a.tokens >= CONTEXT_SIZED and a.factor is None)
    ]
    if sizes:
        scan.q.min_context = int(max(a.tokens for a in sizes))
    counted = [a for a in sizes if a.size == "each" and scan.counts]  # sized and counted: in the volume too
    return [a for a in scan.amounts if a not in sizes or a in counted]


INPUT_SIZE = Pass(
    name="input_size",
    run=lambda scan: None,  # applied by the volume pass, which must leave input sizes out of the volume
    fills=("min_context",),
    examples=(
        ("cheapest model that can read 500k-token documents", {"min_context": 500_000, "tokens_per_month": None}),
        ("prompts up to 200k tokens", {"min_context": 200_000, "tokens_per_month": None}),
        ("300k token contracts", {"min_context": 300_000, "tokens_per_month": None}),
        ("stuff 800k tokens of logs into one prompt", {"min_context": 800_000, "tokens_per_month": None}),
        ("documents of about 120k tokens each", {"min_context": 120_000}),
        ("3k requests a day, 800 tokens each", {"min_context": None, "tokens_per_month": 72_000_000}),
        ("3k contracts a month, ~400k tokens each", {"min_context": 400_000, "tokens_per_month": 1.2e9}),
        ("5000 documents a day, 2k tokens each", {"min_context": None, "tokens_per_month": 300_000_000}),
        ("reading long contracts, they're like 700k tokens each", {"min_context": 700_000, "tokens_per_month": None}),
        ("our monorepo is about 900k tokens", {"min_context": 900_000, "tokens_per_month": None}),
        ("summarising our board packs? each one is about 250k tokens", {"min_context": 250_000, "tokens_per_month": None}),
        ("legal wants to paste entire contracts in, up to 600k tokens", {"min_context": 600_000, "tokens_per_month": None}),
        ("q&a across 1m-token archives", {"min_context": 1_000_000, "tokens_per_month": None}),
        ("prs sometimes 300k tokens so need that much ctx", {"min_context": 300_000, "tokens_per_month": None}),
        ("some contracts with all the annexes are up to 1m tokens", {"min_context": 1_000_000, "tokens_per_month": None}),
    ),
)
