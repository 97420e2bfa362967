"""Questions to queries: `parse(text, catalogue)` fills the `Query` of the parse contract.

The text is cleaned of platform syntax (`bot.parse.text`), lower-cased, spell-repaired for key words
(`bot.parse.spelling`); model names are found and masked (`bot.parse.model_names`), then providers
(`bot.parse.provider_names`), numbers (`bot.parse.quantities`) and words (`bot.parse.lexicon`) are read from what is
left, and the intent is decided from all of it. Offline, deterministic, and it never raises.

Input limit: a question longer than `MAX_QUESTION_CHARS` (1,000) characters once platform syntax, URLs
and emoji are removed is refused politely (`refusal` set, intent `unknown`); so is raw input over
`MAX_INPUT_CHARS` (50,000), which is not even cleaned. An empty question is a request for help.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass

from bot.catalogue.offers import current_day
from bot.catalogue.store import Catalogue
from bot.contract.query import NUMERIC_FIELDS, Query
from bot.contract.vocab import MAX_QUESTION_CHARS, UNREFINABLE_INTENTS
from bot.parse import deployment, hardware, pattern_cache, words
from bot.parse.asked import asked_extras
from bot.parse.benchmarks import benchmark_of
from bot.parse.facets import compare_top, facet_of, min_tier_of, tier_of, unjudged, why_not
from bot.parse.families import families, maker_as_model
from bot.parse.followup import volume_times
from bot.parse.foreign import in_english
from bot.parse.intent import Signals, decide, is_followup
from bot.parse.kind_amounts import KIND_RULES, kind_volume
from bot.parse.lexicon import FREE, MODEL_MARK
from bot.parse.model_names import Mention, find_mentions, name_index
from bot.parse.numbers import words_to_digits
from bot.parse.off_peak import off_peak
from bot.parse.pages import pages
from bot.parse.provider_names import ProviderFilter, find_providers
from bot.parse.quantities import Quantities, extract_quantities
from bot.parse.source_ids import reported_id
from bot.parse.spelling import correct_spelling
from bot.parse.text import plain_text
from bot.parse.unknown_names import shaped_unknowns
from bot.parse.upgrade import upgrade_order
from bot.parse.window import window_days, window_month

log = logging.getLogger("whichmodel.parse")

MAX_INPUT_CHARS = 50_000

_BARE_NUMBER_OK = pattern_cache.compile(
    r"\bvs\.?\b|\bversus\b|\bcompar\w*|\bor\b|\bthan\b|\bover\b|\bupgrad\w*|\bswitch\w*|\bmov(?:e|es|ing)\b|\bmigrat\w*"
    r"|\bjump\w*|\breplac\w*|\bfrom\b.{1,12}\bto\b"
)
# a speech, transcription or image model does no text task: "read articles aloud" is not writing
_KINDS_WITHOUT_TASK = ("speech", "transcription", "image_generation")
# a model family named alone, that is no provider's name too ("claude", "gpt", "gemini"; not "mistral")
# chat shorthand read as the words it stands for: "w/ tool calling", "w/o batch", "whats", "doesnt"
_SHORTHAND_WORDS = {
    "w/o": "without", "w/": "with", "b/c": "because", "whats": "what's", "thats": "that's", "whos": "who's",
    "hows": "how's", "wheres": "where's", "dont": "don't", "doesnt": "doesn't", "isnt": "isn't", "cant": "can't",
    "didnt": "didn't", "arent": "aren't", "theres": "there's", "youre": "you're", "ive": "i've", "im": "i'm",
    # makers' and families' names as they are mistyped ("gtp-5.5 vs claud opus 4.7")
    "gtp": "gpt", "chatgtp": "chatgpt", "calude": "claude", "cluade": "claude", "gemeni": "gemini", "gemnini": "gemini",
    "geminni": "gemini", "deepseak": "deepseek", "deepsek": "deepseek", "antropic": "anthropic", "anthorpic": "anthropic",
    "openia": "openai", "mistrall": "mistral", "qwenn": "qwen",
}
_SHORTHAND = pattern_cache.compile(
    r"(?<![\w/])(?:w/o|w/|b/c)(?![\w/])|\b(?:" + "|".join(w for w in _SHORTHAND_WORDS if w.isalpha()) + r")\b"
)
_CHATTER_ONLY = pattern_cache.compile(r"https?://|www\.|[^\s\w<>@#!:|&]")
_WAVE = pattern_cache.compile("[\U0001F44B\U0001F64B\u270B\U0001F91A\U0001F590]")  # 👋 🙋 ✋ 🤚 🖐: a greeting
_SPACES = pattern_cache.compile(r"\s{2,}")

def parse(text: str, catalogue: Catalogue) -> Query:
    """The structured query for one question. Never raises: a failure becomes a polite refusal."""
    try:
        return parse_strict(text, catalogue)
    except Exception:  # noqa: BLE001 - the parser's contract is to always return a Query
        log.exception("parse failed on a %d-character question", len(text) if isinstance(text, str) else -1)
        return Query(intent="unknown", refusal="Sorry, I could not read that question. Could you rephrase it?")


def _too_long(n: int) -> Query:
    return Query(
        intent="unknown",
        refusal=(
            f"That message is {n:,} characters long; I read questions of up to {MAX_QUESTION_CHARS:,} characters. "
            "Could you ask it in a sentence or two (e.g. 'cheapest model for 50M tokens of classification')?"
        ),
    )


def parse_strict(text: str, catalogue: Catalogue) -> Query:
    """`parse` without the safety net (tests use it to find real failures)."""
    if not isinstance(text, str):
        text = str(text)
    if len(text) > MAX_INPUT_CHARS:
        return _too_long(len(text))
    plain = plain_text(text)
    if not plain:  # a link or an emoji alone is chatter; nothing at all (or a bare mention) asks for help
        if _WAVE.search(text) and not _WAVE.sub("", text).strip(" \ufe0f\u200d\U0001F3FB\U0001F3FC\U0001F3FD\U0001F3FE\U0001F3FF!?."):
            return Query(intent="help")  # a wave alone says hello
        return Query(intent="unknown", confidence=0.1) if _CHATTER_ONLY.search(text) else Query(intent="help")
    if len(plain) > MAX_QUESTION_CHARS:
        return _too_long(len(plain))
    reading = _read(plain, catalogue)
    return _with_extras(_query(reading), reading)


@dataclass
class _Reading:
    """Everything read from one question, before the query is built."""

    masked: str
    models: list[str]
    unknown: list[str]
    assumptions: list[str]
    providers: ProviderFilter
    quantities: Quantities
    capabilities: list[str]
    task: str | None
    sort_by: str | None
    modalities: list[str]
    include_free: bool
    batch: bool
    region: str | None
    kind: str | None
    intent: str = "unknown"
    confidence: float = 0.0
    followup: bool = False
    zero: bool = False  # a volume of zero was asked about, with a model to price

    @property
    def specific(self) -> bool:
        """Whether the question says things only a question about models says: providers, capabilities, a
        kind of model, token volumes, prices, context or output sizes, speeds, cache hits or a spend."""
        q = self.quantities
        numbers = (q.tokens_per_month, q.max_input_price, q.max_output_price, q.max_blended_price, q.min_context,
                   q.min_output, q.min_speed, q.max_latency, q.cache_hit_rate, q.monthly_spend)
        return bool(
            self.providers.providers
            or self.providers.excluded
            or self.capabilities
            or self.kind
            or any(v is not None for v in numbers)
        )

    @property
    def constrained(self) -> bool:
        """Whether the question sets any filter or number."""
        return bool(
            self.providers.providers
            or self.providers.excluded
            or self.modalities
            or self.capabilities
            or self.include_free
            or self.batch
            or self.region
            or self.kind
            or any(getattr(self.quantities, f) is not None for f in NUMERIC_FIELDS)
        )


# a follow-up that says only what to optimise: "ok what about the fastest one then", "best quality instead"
_ONLY_AN_ORDER = pattern_cache.compile(
    r"^\W*(?:(?:ok(?:ay)?|so|and|but|hm+|then|now|what about|how about|show me|give me|i want|instead|rather|please|pls"
    r"|which|of|those|these|them|has|have|is|among|from|out|gives|would|be|the above"
    r"|the|a|one|ones|option|options|model|pick|then|just|actually|really|most|highest|lowest|top|very|by)\b[\s,?!.]*"
    r"|(?:best|cheapest|cheaper|fastest|faster|quickest|quicker|snappiest|snappier|smartest|smarter|strongest|highest quality|best quality"
    r"|lowest latency|lowest ttft|lowest cost|best value|largest context|biggest context)\b[\s,?!.]*)+$"
)


_FIRST_TOKEN = pattern_cache.compile(r"\b(?:ttft|time[- ]to[- ]first[- ]token|first[- ]token (?:time|latency|wait)|latency)\b")
def _read(plain: str, catalogue: Catalogue) -> _Reading:
    """Names, providers, numbers and words of a lower-cased question, and its intent."""
    lower = in_english(_SHORTHAND.sub(lambda m: _SHORTHAND_WORDS[m.group()], plain.lower()))
    index = name_index(catalogue)
    corrected = correct_spelling(lower, keep=index.vocab)
    mentions = _usable(find_mentions(corrected, catalogue), corrected)
    mentions = sorted(mentions + shaped_unknowns(corrected, mentions, index.vocab), key=lambda m: m.start)
    masked = _mask(corrected, mentions)
    quantities = _sane(extract_quantities(words_to_digits(masked)))
    capabilities, cap_tasks, rest = words.capabilities(masked)
    ids = list(dict.fromkeys(m.model_id for m in mentions if m.model_id))
    models = list(dict.fromkeys(reported_id(m, catalogue) for m in mentions if m.model_id))
    kind = deployment.kind(masked) or _kind_of_models(ids, index.models)
    if kind == "embedding" and (quantities.min_context or 0) >= 1e6 and quantities.tokens_per_month is None:
        quantities.tokens_per_month, quantities.min_context = float(quantities.min_context or 0), None  # a corpus to embed, no window
    modalities = words.modalities(masked, kind)
    r = _Reading(
        masked=masked,
        models=models,
        unknown=list(dict.fromkeys(m.text for m in mentions if m.model_id is None)),
        assumptions=[m.assumption for m in mentions if m.assumption] + quantities.assumptions,
        providers=find_providers(masked, catalogue),
        quantities=quantities,
        capabilities=capabilities,
        task=None if kind in _KINDS_WITHOUT_TASK else words.task(rest, cap_tasks),
        sort_by=words.sort(deployment.NOT_URGENT.sub(" ", masked)),
        modalities=modalities,
        include_free=bool(FREE.search(masked)),
        batch=deployment.batch(masked),
        region=deployment.region(masked, plain),
        kind=kind,
    )
    decision = decide(
        Signals(
            masked, len(r.models) + len(r.unknown), r.task, r.sort_by, r.constrained, r.specific, quantities,
            len(r.providers.providers) + len(r.providers.excluded), len(families(masked)),
        )
    )
    r.intent, r.confidence = decision.intent, decision.confidence
    if r.intent == "unknown" and not r.models and (benchmark_of(masked) or off_peak(masked)[0]):
        r.intent, r.confidence = "recommend", 0.7  # "who leads lmarena right now?", "any off-peak discounts?"
    r.followup = is_followup(masked, r.models, r.task, r.sort_by, r.constrained, r.intent)
    if r.intent == "compare" and r.sort_by is None and _FIRST_TOKEN.search(masked):
        r.sort_by = "latency"  # "time to first token for o3 vs sonnet 4.5?": the wait is what is compared
    if r.followup and r.intent == "unknown" and not r.models and (
        r.sort_by and _ONLY_AN_ORDER.match(masked) or volume_times(masked)
    ):
        r.intent = "recommend"  # "ok what about the fastest one then", "and at 10x that volume?": the last answer, changed
    return r


# the catalogue's kinds of model that are a contract kind
_CONTRACT_KINDS = {"embedding": "embedding", "image": "image_generation", "tts": "speech", "transcription": "transcription"}


def _kind_of_models(models: list[str], known: dict) -> str | None:
    """The contract kind the named models share when it is not chat: "alternative to whisper" is transcription."""
    kinds = {_CONTRACT_KINDS.get(known[m].kind) if m in known else None for m in models}
    return kinds.pop() if len(kinds) == 1 else None


_IMAGE_SIZE = pattern_cache.compile(r"\b(\d{3,4})\s*[x×]\s*(\d{3,4})\b")
_WHY_NOT_NAMED = pattern_cache.compile(r"^\s*(?:and\s+|but\s+|so\s+)?why (?:not|no|didn'?t you (?:pick|suggest|choose)) ¤")


def _with_extras(query: Query, r: _Reading) -> Query:
    """Beyond the contract: the fact a direct question asks for, unjudged languages and domains, 'why not X?', and
    the providers an info question names (kept for its yes/no answer, not in the contract's fields)."""
    text = r.masked
    extras: dict[str, object] = {"unjudged": unjudged(text), "why_not": why_not(text), "service_tier": tier_of(text)}
    if r.followup and (times := volume_times(text)):
        extras["volume_times"] = times
    if r.followup and query.sort_by is None:
        extras["refine_sort"] = r.sort_by  # "best quality instead": the contract keeps nothing for it, a refine does
    if _WHY_NOT_NAMED.search(text) and query.models and not extras["why_not"]:
        extras["why_not"] = list(query.models)  # "why not gpt-5.6-sol?": the name was read as a model
    if extras["why_not"]:
        extras["followup"] = True  # "why not claude?" asks about the last answer
    if not query.models and (top := compare_top(text)):
        extras.update(compare_top=top, followup=True)  # "compare the top 2" of the last answer
    if query.kind in KIND_RULES:
        extras["kind_volume"] = kind_volume(text, query.kind)
    if query.intent in ("cost", "compare") and query.providers:
        extras["makers_as_models"] = [p for p in query.providers if maker_as_model(p, text)]
    named_families = families(text)
    if query.intent == "compare" and len(query.models) < 2 <= len(query.models) + len(named_families):
        # "is claude better than gpt for writing?", "deepseek or qwen, which is cheaper?": each family's best model
        extras["makers_as_models"] = list(dict.fromkeys([*extras.get("makers_as_models", []), *named_families]))
        extras["providers"] = [p for p in query.providers if p not in named_families]
    if query.intent == "recommend" and (tier := min_tier_of(text)):
        extras["min_tier"] = tier
    if query.kind == "image_generation" and (size := _IMAGE_SIZE.search(text)):
        extras["image_size"] = f"{size.group(1)}x{size.group(2)}"
    facet = facet_of(text) if query.intent in ("info", "cost", "compare") else None
    if query.intent == "compare" and facet in ("knowledge_cutoff", "context", "max_output", "release_date", "open_weights"):
        extras["facet"] = facet  # "which has the later knowledge cutoff, X or Y?": that fact first
    if query.intent == "cost" and facet != "price":
        extras["facet"] = facet  # "what does X cost, and its context window?": the price, then that fact
    if query.intent == "info":
        extras["facet"] = facet
        extras["asked_providers"] = list(r.providers.providers)
        extras["asked_region"] = r.region  # "is ¤ offered by a provider that processes in the US?"
        extras["asked_capabilities"] = list(r.capabilities)  # answered yes or no, as a modality asked about is
    extras.update(asked_extras(text, query))
    extras.update(hardware.extras(text, query))
    if query.intent in ("recommend", "list", "cost", "compare", "alternatives"):
        extras["pages_each"], extras["pages_per_month"] = pages(text)
    return query.model_copy(update=extras)


def _query(r: _Reading) -> Query:
    """The contract query for a reading: help and unknown keep nothing, info keeps the model; an odd number is
    said back as a refusal rather than used."""
    if r.quantities.odd and all(o.endswith(" is zero") for o in r.quantities.odd) and r.models and r.intent in ("cost", "compare"):
        r.zero = True  # "what would 0 tokens cost on ¤?": $0, and the price per 1M tokens
    elif r.quantities.odd:
        return Query(
            intent="unknown",
            refusal=f"I can't use that number: {'; '.join(r.quantities.odd)}. Could you give a positive amount "
            "(e.g. '50M tokens a month')?",
            confidence=r.confidence,
        )
    if r.intent == "changes":  # what changed, optionally from whom and for what kind of model
        return Query(
            intent="changes", models=r.models, providers=r.providers.providers, exclude_providers=r.providers.excluded, kind=r.kind,
            capabilities=r.capabilities, unknown_models=r.unknown, followup=r.followup, confidence=r.confidence,
            window_days=window_days(words_to_digits(r.masked), current_day()),  # "in the last two months"
            window_month=window_month(r.masked, current_day()),
        )
    if r.intent in UNREFINABLE_INTENTS:  # help, unknown: nothing else to keep
        return Query(
            intent=r.intent, unknown_models=r.unknown, assumptions=[], followup=r.followup, confidence=r.confidence
        )
    common = dict(
        confidence=_confidence(r),
        models=r.models,
        input_modalities=r.modalities,
        unknown_models=r.unknown,
        assumptions=r.assumptions,
        zero_volume=r.zero,
        one_off=r.quantities.one_off,
        input_only=r.quantities.input_only,
        followup=r.followup,
    )
    if r.intent == "info":  # the contract keeps only the model; a modality asked about is answered yes/no
        return Query(intent="info", **common)
    upgrade = _upgrade(r)
    return Query(
        intent=r.intent,
        task=r.task,
        sort_by=r.sort_by,
        capabilities=r.capabilities,
        providers=r.providers.providers,
        exclude_providers=r.providers.excluded,
        include_free=r.include_free,
        batch=True if r.batch else None,
        region=r.region,
        kind=r.kind,
        upgrade=upgrade,
        **common,
        **{name: getattr(r.quantities, name) for name in NUMERIC_FIELDS},
    )


def _confidence(r: _Reading) -> float:
    """The intent's confidence, lowered for each guess the parse made (a name read loosely, an unknown name)."""
    penalty = 0.05 * len(r.assumptions) + 0.1 * len(r.unknown)
    return round(max(0.05, r.confidence - min(penalty, 0.3)), 2)


def _upgrade(r: _Reading) -> bool:
    """Whether a comparison is asked as an upgrade from models[0] to models[1] (the order fixed in place)."""
    if r.intent != "compare" or len(r.models) != 2:
        return False
    order = upgrade_order(r.masked)
    if order == "to_first":
        r.models[0], r.models[1] = r.models[1], r.models[0]
    return order is not None


def _sane(q: Quantities) -> Quantities:
    """Drop numbers no query can hold (infinite, negative, a share outside 0-1, a zero limit). A huge volume stays:
    the answer says it looks off rather than silently ignoring it."""
    for name in NUMERIC_FIELDS:
        value = getattr(q, name)
        if value is None:
            continue
        if not math.isfinite(value) or value < 0 or (value > 1e15 and name != "tokens_per_month"):
            setattr(q, name, None)
    if q.input_share is not None and not 0 <= q.input_share <= 1:
        q.input_share = None
    if q.limit is not None and q.limit < 1:
        q.limit = None
    for name in ("min_context", "min_output", "limit"):
        value = getattr(q, name)
        if value is not None:
            setattr(q, name, int(value))
    return q


def _usable(mentions: list[Mention], text: str) -> list[Mention]:
    """Bare version numbers ("4.1") count as names only beside another name or a comparison word."""
    if not any(m.bare_number for m in mentions):
        return mentions
    others = any(not m.bare_number and m.model_id for m in mentions)
    ok = others or bool(_BARE_NUMBER_OK.search(text)) and sum(1 for m in mentions if m.model_id) >= 2
    return [m for m in mentions if not m.bare_number or ok]


def _mask(text: str, mentions: list[Mention]) -> str:
    out = []
    last = 0
    for m in sorted(mentions, key=lambda m: m.start):
        out.append(text[last : m.start])
        out.append(f" {MODEL_MARK} ")
        last = m.end
    out.append(text[last:])
    return _SPACES.sub(" ", "".join(out))


