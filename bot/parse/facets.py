"""What a question asks beyond the contract: the one fact a direct question wants (`facet`), the languages and
domains no benchmark judges (`unjudged`), and the models a "why not X?" follow-up asks about (`why_not`).

Each is a named rule with the examples it must read (tests run them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.contract.vocab import COMPLIANCE, Facet
from bot.parse import pattern_cache


@dataclass(frozen=True)
class FacetRule:
    facet: Facet
    pattern: re.Pattern[str]
    examples: tuple[str, ...]


FACET_RULES: tuple[FacetRule, ...] = (
    FacetRule(
        "batch",
        pattern_cache.compile(r"\bbatch(?:es|ed)?\b(?: api)?.{0,30}\b(?:price|pricing|discount|cheaper|rate|cost|sold|offer)|\b(?:price|pricing|discount|rate|cost)s? (?:for|of|on|with) (?:the )?batch\b|\bbatch discount\b|\bis there (?:a )?batch\b"),
        ("is there a batch discount on gemini-4-argon?", "batch api price for claude-opus-5?", "does gpt-5 have batch pricing"),
    ),
    FacetRule(
        "cache",
        pattern_cache.compile(r"\bcach(?:e|ed|ing)\b.{0,30}\b(?:price|pricing|discount|cheaper|rate|cost|read|write)s?\b|\bprompt caching\b|\bcached (?:input|tokens?)\b"),
        ("does deepseek-v4-pro have cached input pricing?", "prompt caching discount on claude sonnet 4.5", "what do cache writes cost on opus 5"),
    ),
    FacetRule(
        "knowledge_cutoff",
        pattern_cache.compile(
            r"\b(?:knowledge|training|data)[ -]?cut[ -]?off\b|\bcut[ -]?off (?:date|of)\b|\bcutoff\b|\btrained (?:up )?(?:to|until|through)\b"
        ),
        ("knowledge cutoff of gpt-5", "what's the training cutoff for claude opus 4.5?", "gpt-4o cut-off date"),
    ),
    FacetRule(
        "max_output",
        pattern_cache.compile(
            r"\bmax(?:imum)? output\b|\boutput (?:limit|length|window|cap)\b|\bhow many (?:output )?tokens can it (?:write|output|generate)\b"
        ),
        ("max output of gpt-4.1", "what's the output limit on sonnet 4.5", "maximum output tokens for gemini 2.5 pro"),
    ),
    FacetRule(
        "context",
        pattern_cache.compile(r"\bcontext(?: window| length| size| limit)?\b|\bhow (?:long|big) (?:a )?(?:prompt|input)\b"),
        (
            "context window of llama 3.3 70b",
            "what's the context length of gpt-4.1-nano",
            "how big a prompt can o3 take",
        ),
    ),
    FacetRule(
        "release_date",
        pattern_cache.compile(r"\brelease(?:d)? date\b|\bwhen (?:was|did|is)\b.*\b(?:release|launch|come out|came out|ship)"),
        ("release date of gpt-5", "when was claude sonnet 4.5 released?", "when did gemini 2.5 pro come out"),
    ),
    FacetRule(
        "speed",
        pattern_cache.compile(
            r"\bfast(?:er|est)?\b|\bspeed\b|\btok(?:ens)?/s\b|\bthroughput\b|\bquick(?:er|est)?\b|\bttft\b"
            r"|\btime to (?:the )?first token\b|\blatency\b|\bhow (?:long|slow)\b.{0,40}\b(?:respond|answer|reply|first token)"
        ),
        (
            "which is faster on groq or cerebras for llama 3.3 70b",
            "speed of gpt-oss-120b on groq",
            "llama 3.3 70b throughput",
            "what's the ttft of claude-opus-5 at high effort",
            "time to first token for gpt-5",
        ),
    ),
    FacetRule(
        "open_weights",
        pattern_cache.compile(r"\bopen[- ]?(?:weights?|source)\b|\bself[- ]?host(?:able|ed)?\b|\bdownload the weights\b"),
        ("is qwen3 open weights?", "is gpt-oss-120b open source", "can I self-host deepseek v3.2"),
    ),
    FacetRule(
        "availability",
        pattern_cache.compile(
            r"\b(?:is|are)\b.+\b(?:on|at|in|via|through)\b|\bavailable\b|\bcan i (?:get|use|run)\b.+\bon\b|\bwho (?:sells|hosts|serves)\b"
        ),
        ("is gpt-oss-120b on bedrock?", "is claude available in azure", "who sells kimi k3"),
    ),
)

LANGUAGES = (
    "german",
    "french",
    "spanish",
    "portuguese",
    "italian",
    "dutch",
    "polish",
    "swedish",
    "norwegian",
    "danish",
    "finnish",
    "czech",
    "greek",
    "turkish",
    "arabic",
    "hebrew",
    "hindi",
    "bengali",
    "urdu",
    "thai",
    "vietnamese",
    "indonesian",
    "malay",
    "japanese",
    "korean",
    "chinese",
    "mandarin",
    "cantonese",
    "russian",
    "ukrainian",
    "romanian",
    "hungarian",
    "swahili",
    "tagalog",
    "persian",
    "farsi",
    "slovak",
    "slovenian",
    "croatian",
    "serbian",
    "bosnian",
    "bulgarian",
    "icelandic",
    "estonian",
    "latvian",
    "lithuanian",
    "welsh",
    "catalan",
    "basque",
    "galician",
    "punjabi",
    "tamil",
    "telugu",
    "marathi",
    "gujarati",
    "kannada",
    "malayalam",
    "nepali",
    "sinhala",
    "filipino",
    "belarusian",
    "amharic",
    "yoruba",
    "hausa",
    "zulu",
    "afrikaans",
    "pashto",
    "kazakh",
    "uzbek",
    "azerbaijani",
    "armenian",
    "mongolian",
    "khmer",
    "burmese",
)
DOMAINS = (
    "legal",
    "medical",
    "clinical",
    "healthcare",
    "finance",
    "financial",
    "insurance",
    "tax",
    "pharma",
    "biotech",
)
# words that name a domain by its work: "patient notes" is medical work
_DOMAIN_WORDS = {"patient": "medical", "patients": "medical", "hospital": "medical", "ehr": "medical",
                 "lawyers": "legal", "law firm": "legal", "banking": "financial", "accounting": "financial"}  # fmt: skip
_LANGUAGE = pattern_cache.compile(r"\b(" + "|".join(LANGUAGES) + r")\b")
_DOMAIN = pattern_cache.compile(r"\b(" + "|".join((*DOMAINS, *_DOMAIN_WORDS)) + r")\b")
_COMPLIANCE = pattern_cache.compile(r"\b(" + "|".join(sorted(COMPLIANCE, key=len, reverse=True)) + r")\b")
_WHY_NOT = pattern_cache.compile(
    r"\bwhy (?:not|no|didn'?t you (?:pick|suggest|recommend|choose)|isn'?t|wasn'?t)\s+([a-z0-9][\w.\- ]{0,40}?)\s*(?:\?|$|,|\binstead\b|\bhere\b|\bon the list\b|\bthere\b)"
)


def facet_of(text: str) -> Facet | None:
    """The fact a direct question about one model asks for (lower-case text), or None."""
    for rule in FACET_RULES:
        if rule.pattern.search(text):
            return rule.facet
    return None


def unjudged(text: str) -> list[str]:
    """Languages and domains named that the benchmarks in the data do not judge: 'German', 'legal'."""
    found = [m.group(1).capitalize() for m in _LANGUAGE.finditer(text)]
    found += [_DOMAIN_WORDS.get(m.group(1), m.group(1)) for m in _DOMAIN.finditer(text)]
    found += [COMPLIANCE[m.group(1)] for m in _COMPLIANCE.finditer(text)]
    return list(dict.fromkeys(found))


def why_not(text: str) -> list[str]:
    """'why not claude?' -> ['claude']; 'why didn't you pick gemini 2.5 pro' -> ['gemini 2.5 pro']."""
    if "why" not in text:
        return []
    return [m.group(1).strip() for m in _WHY_NOT.finditer(text)]


_NUMBERS = {"2": 2, "two": 2, "3": 3, "three": 3, "4": 4, "four": 4, "5": 5, "five": 5, "both": 2, "them": 2}
_COMPARE_TOP = pattern_cache.compile(
    r"\b(?:compare|contrast|weigh up|pit|diff|head[- ]to[- ]head|side[- ]by[- ]side|break down)\b[^.?!¤]{0,24}?"
    r"\b(?:top|first|leading|best|highest[- ]ranked|two best)\s+(?P<n>2|3|4|5|two|three|four|five)\b"
    r"|\b(?:top|first)\s+(?P<m>2|3|4|5|two|three|four|five)\b[^.?!¤]{0,30}?"
    r"\b(?:compare|compared|stack up|head[- ]to[- ]head|side[- ]by[- ]side|against each other|differ)\b"
    r"|\bcompare\s+(?:those|these|the|them|both|the above)?\s*(?P<k>two|2|three|3|both|them)\b(?!\s+(?:models?\s+)?(?:for|on|at|of|with)\b)"
    r"|\b(?:compare|contrast)\s+(?:#|no\.?\s*|number\s+)1\s+(?:and|&|with|to|vs\.?|versus)\s+(?:#|no\.?\s*|number\s+)2\b"
)


def compare_top(text: str) -> int | None:
    """'compare the top 2' -> 2; 'how do the first three stack up?' -> 3; 'compare those two' -> 2."""
    if not any(w in text for w in ("compar", "contrast", "head", "side", "stack", "diff", "weigh", "pit ", "break")):
        return None
    m = _COMPARE_TOP.search(text)
    if m is None:
        return None
    word = m.group("n") or m.group("m") or m.group("k")
    return _NUMBERS.get(word, 2) if word else 2


_TIER = pattern_cache.compile(r"\b(flex|priority)\b(?:\s+(?:tier|processing|pricing|mode))?")


def tier_of(text: str) -> str | None:
    """'on the flex tier' -> 'flex'; 'priority processing' -> 'priority'."""
    if "flex" not in text and "priority" not in text:
        return None
    m = _TIER.search(text)
    return m.group(1) if m else None


# a quality floor said in words beside a cheapest or a task: "cheapest that's still decent", "strong on coding"
_QUALITY_FLOOR = pattern_cache.compile(
    r"\b(?:cheapest|cheap|cheaper|budget|lowest[- ]cost|inexpensive|affordable)\b[^.?!]{0,40}?"
    r"\b(?P<w>decent|good|solid|strong|reliable|competent|great|excellent)\b(?! (?:value|deal|price|bang|question))"
    r"|\b(?P<w2>decent|good|solid|strong|great|excellent) (?:at|on|in) (?!the |a |an |our |my )\w"
    # "cheapest thing that isn't garbage", "cheap but not terrible": decent, said by what it must not be
    r"|\b(?:cheapest|cheap|cheaper|budget|lowest[- ]cost|inexpensive|affordable)\b[^.?!]{0,40}?\b(?P<not>(?:is|are|that'?s|that is)?\s*(?:not|n'?t)"
    r"|doesn'?t|does not|won'?t)\s+(?:total |complete |utter )?(?:garbage|trash|terrible|awful|crap|crappy|useless|bad|suck|dumb|stupid)\b"
)
_RERANK = pattern_cache.compile(r"\bre-?rank(?:er|ers|ing|s)?\b|\bcross[- ]encoders?\b")


def min_tier_of(text: str) -> str | None:
    """The quality floor said in words: "cheapest that's still decent" is good, "strong on coding" strong."""
    floor = _QUALITY_FLOOR.search(text)
    if floor is None:
        return None
    word = floor.group("w") or floor.group("w2") or "decent"
    return "strong" if word in ("strong", "great", "excellent") else "good"


# a voice model that listens and speaks back in one step (no contract kind holds one)
_REALTIME = pattern_cache.compile(
    r"\bspeech[- ]to[- ]speech\b|\bvoice[- ](?:bots?|agents?|assistants?|mode)\b|\brealtime (?:voice|audio|speech|conversation)s?\b"
    r"|\breal[- ]time (?:voice|audio|speech|conversation)s?\b|\blive (?:voice|audio|conversation)s?\b|\b(?:talks?|speaks?|answers?) back\b"
    r"|\b(?:phone|call|telephone) (?:agents?|bots?)\b|\bnative audio\b"
)
# transcription as it is spoken: "realtime streaming transcription for live captions"
_LIVE_TRANSCRIPTION = pattern_cache.compile(r"\b(?:real[- ]?time|streaming|stream|live)\b")


def asks_realtime(text: str) -> bool:
    """A realtime voice model asked for: "cheapest speech-to-speech model for our voice bot"."""
    return bool(_REALTIME.search(text))


def asks_live(text: str) -> bool:
    """Transcription (or speech) asked as it happens: "streaming transcription for live captions"."""
    return bool(_LIVE_TRANSCRIPTION.search(text))


def asks_rerank(text: str) -> bool:
    """A reranking model asked for: "best reranker for our RAG pipeline" (no contract kind holds one)."""
    return bool(_RERANK.search(text))


# a cap said as "under" or "below" leaves the cap itself out: "$1.00" is not "under $1"; "at most $1" keeps it
_STRICT = pattern_cache.compile(r"\b(?:under|below|less than|cheaper than|lower than|sub|beneath)\s*(?:~|\$|usd|€|£)?\s*\d|<\s*\$?\d")
_INCLUSIVE = pattern_cache.compile(r"\b(?:at most|max(?:imum)?|up to|or less|or under|no more than|not more than|within)\b|<=|≤")


def strict_caps(text: str) -> bool:
    """Whether the caps and limits of a question leave out the amount itself ("under $1/M", "TTFT below 300ms")."""
    return bool(_STRICT.search(text)) and not _INCLUSIVE.search(text)


# an alternative held to the named model's price: "anything better than ¤ at the same price?"
_SAME_PRICE = pattern_cache.compile(
    r"\b(?:at|for|in) (?:the |about |roughly |around |a )?(?:same|similar) (?:price|cost|price range|price point|money|budget)\b"
    r"|\b(?:no|not|without (?:paying|spending)) (?:any )?more(?: expensive| money)?\b(?! than \$)|\bsame price\b|\bprice[- ]matched\b"
)


def same_price(text: str) -> bool:
    """Whether an alternative must cost no more than the model it replaces ("better than ¤ at the same price")."""
    return bool(_SAME_PRICE.search(text))
