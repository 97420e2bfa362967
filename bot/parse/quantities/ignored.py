"""Numbers that are no token amount: "100-page", "5-shot", hours of audio, the low end of "2-3M", a part of a size
already said ("10k-token prompts where 8k is a fixed prefix") and the labels a classifier picks from ("into 5
categories")."""

from __future__ import annotations

from bot.parse.fast_patterns import fast
from bot.parse.quantities.base import Rule, Scan, Spot

_PAGE_AFTER = fast(
    r"^\s*-\s*(?:page|pages|word|words|line|lines|minute|min|second|sec|hour|day|month|year|shot|step|bit|core)\b"
    # an amount of something other than tokens: hours of audio, images, characters ("10k hours of calls")
    r"|^\s*(?:hours?|hrs?|minutes?|mins?) of (?:[a-z'-]+\s+){0,2}?(?:audio|calls?|recordings?|meetings?|podcasts?|video|speech|voice"
    r"|episodes?|interviews?|lectures?|footage|voicemails?|conversations?|sessions?)\b"
    r"|^\s*(?:images?|pictures?|photos?|renders?|illustrations?|characters?|chars)\b"
    r"|^\s*(?:hours?|hrs?)\s*(?:/|a|an|per|each|every)\s*(?:mo|month|day|week|year)\b"
)
# images counted with a token size per image: "80k images a day at ~1k tokens each" counts images, as requests
_ITEMS_SIZED = fast(
    r"^\s*(?:images?|pictures?|photos?|screenshots?)\b[^.?!\d]{0,40}?\d[\d.,]*\s*[km]?\s*(?:tokens?|toks?)\s*(?:each|apiece|per (?:image|photo|picture|item))\b"
)
_RANGE_END = fast(r"^\s*(?:-|to|or)\s*\d")


def _ignored(scan: Scan, spot: Spot) -> bool:
    nums, i, n = scan.nums, spot.i, spot.n
    if _PAGE_AFTER.match(spot.after) and not _ITEMS_SIZED.match(spot.after) or (
        _RANGE_END.match(spot.after) and i + 1 < len(nums) and nums[i + 1].scale and not n.scale
    ):
        n.role = "skip"  # "100-page", "5-shot"; "2-3M tokens" is read as its upper end
        return True
    if _PART_BEFORE.search(spot.before) and _PART_AFTER.match(spot.after) or _LABEL_SET.match(spot.after):
        n.role = "skip"  # "10k-token prompts where 8k is a fixed prefix": part of a size said; "into 5 categories"
        return True
    return False


# a part of the size just said: "10k-token prompts where 8k is a fixed prefix we can cache"
_PART_BEFORE = fast(r"\b(?:where|of which|incl(?:uding|\.)?|and)\s*(?:~|about|around|roughly)?\s*$")
_PART_AFTER = fast(
    r"^\s*(?:k\s+)?(?:tokens?\s+)?(?:is|are|of (?:it|them|that|those|each))\b[^.?!\d]{0,40}?"
    r"\b(?:prefix\w*|system prompts?|cach\w*|static|shared|fixed|reused|the same|instructions)\b"
)
# the labels a classifier picks from, not a count of requests: "into 5 categories", "one of 12 intents"
_LABEL_SET = fast(r"^\s*(?:[a-z-]+\s+)?(?:categories|classes|labels|buckets|intents|topics|sentiments|tags|groups|types|classes)\b(?!\s*(?:a|per|each)\s)")


IGNORED = Rule(
    name="ignored",
    claim=_ignored,
    fills=(),
    examples=(
        ("100-page contracts", {"tokens_per_month": None}),
        ("5-shot prompts", {"tokens_per_month": None, "limit": None}),
        ("2-3m tokens a month", {"tokens_per_month": 3_000_000}),
        ("transcribe ~10k hours of old podcast episodes", {"tokens_per_month": None}),
        ("200k requests a month, 10k-token prompts where 8k is a fixed prefix we can cache, 500 tokens out",
         {"tokens_per_month": 2.1e9}),
        ("classify 2 million tweets a day into 5 categories, about 60 tokens each", {"tokens_per_month": 3.6e9}),
        ("summarize 5 million product reviews, ~600 tokens each, 80-token summary",
         {"tokens_per_month": 3.4e9, "input_share": 0.882353}),
    ),
)
