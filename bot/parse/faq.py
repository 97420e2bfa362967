"""FAQ channels: is an un-addressed channel message a question about choosing, pricing or comparing models?

`faq_confidence(query, text)` is how sure the bot is that a channel message is such a question, from 0 to 1: the
parse's own confidence, capped by what the message's language says (`bot.parse.faq_cues`):

- it must ask (a question mark, a question or request opening a clause, "any recs", "better or nah"), not tell;
- it must be about models (one named, or model words) and about choosing, pricing or comparing them, or a fact
  that decides a choice (context, capabilities, where a model is sold);
- how-to questions about using a model, questions about people, access, keys and quotas, stand-ups, outages,
  meetings, shared links and statements stay unanswered, however sure the parse is of their words.

`worth_answering` compares it with the policy's `faq_threshold`; unsure messages get no answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.contract.query import Query
from bot.parse import pattern_cache
from bot.parse.faq_cues import (
    ADMIN,
    ASK_ANYWHERE,
    ASK_START,
    CHOOSE,
    FACT,
    HOWTO_START,
    HOWTO_TECH,
    HOWTO_TROUBLE,
    LINK,
    MODEL_WORLD,
    OTHER_TOOLS,
    OUTAGE,
    PRICE,
    SOCIAL,
    STANDUP,
)

ANSWERABLE = frozenset({"recommend", "compare", "cost", "info", "list", "alternatives", "changes"})
_STRONG = pattern_cache.compile(
    r"\b(?:which|what)\s+(?:\S+\s+){0,3}?(?:models?|llms?|providers?)\b|\brecommend(?:s|ation|ations)?\b"
    r"|\bsuggest(?:s|ion|ions)?\b|\bvs\.?\b|\bversus\b|\bcompar\w+"
    r"|\b(?:best|cheapest|fastest|strongest|smartest|smallest|go-to) (?:\S+ ){0,3}?(?:models?|llms?)\b"
    r"|\bneed (?:a|an) (?:\S+ ){0,2}?(?:model|llm)\b|\balternatives?\b|\bcheaper\b|\bupgrad\w*|\binstead of\b|\bworth\b|\bshould (?:we|i) (?:use|switch|move|upgrade|go)\b",
    re.I,
)
_PAIR_ASKS = pattern_cache.compile(r"\b(?:or|vs\.?|versus)\b", re.I)  # "gemini-4-argon or claude-opus-5 for legal review"
_PAIR = pattern_cache.compile(r"\b(?:or|vs\.?|versus|and|against|than|to)\b|->|→", re.I)

# the caps the language puts on the parse's confidence
CHOICE = 0.95  # asks to choose, price or compare models
FACT_ONLY = 0.85  # asks a fact that decides a choice (context, capabilities, availability)
VETOED_BUT_STRONG = 0.7  # a strong choice cue beside how-to, outage or meeting words ("which model streams best?")
ABOUT_A_MODEL = 0.45  # asks something about a model, but nothing a choice turns on
VETOED = 0.15  # how-to, access, stand-up, outage, a link or a statement


@dataclass(frozen=True)
class Reading:
    """What FAQ mode reads in one message: its words without links, and the classes it falls in."""

    plain: str
    linked: bool
    asks: bool
    about_models: bool
    choice: bool
    strong: bool
    fact: bool
    howto_start: bool
    trouble: bool  # errors, timeouts, prompt tips: help with something going wrong
    tech: bool  # APIs, SDKs, params, serving tools
    admin: bool
    standup: bool
    aside: bool  # outage or meeting/hiring/review talk


def read(query: Query, text: str) -> Reading:
    """The FAQ reading of `text`, with the models and providers the parse found in `query`."""
    linked = bool(LINK.search(text))
    plain = " ".join(LINK.sub(" ", text).lower().replace("’", "'").split())
    two = len(query.models) >= 2
    pair = two and bool(_PAIR.search(plain))
    return Reading(
        plain=plain,
        linked=linked,
        asks=asks(plain) or (two and bool(_PAIR_ASKS.search(plain))),
        about_models=bool(
            query.models
            or query.providers
            or MODEL_WORLD.search(plain)
            or (query.task and not OTHER_TOOLS.search(plain))
        ),
        choice=pair or bool(CHOOSE.search(plain) or PRICE.search(plain)),
        strong=pair or bool(_STRONG.search(plain)) or bool(query.models and PRICE.search(plain)),
        fact=bool(FACT.search(plain)),
        howto_start=bool(HOWTO_START.search(plain)),
        trouble=bool(HOWTO_TROUBLE.search(plain)),
        tech=bool(HOWTO_TECH.search(plain)),
        admin=bool(ADMIN.search(plain)),
        standup=bool(STANDUP.search(plain)),
        aside=bool(OUTAGE.search(plain) or SOCIAL.search(plain)),
    )


def asks(text: str) -> bool:
    """The message asks something (a question mark, a question or request opening a clause), rather than tells."""
    return "?" in text or bool(ASK_START.search(text) or ASK_ANYWHERE.search(text))


def language_cap(r: Reading, named: bool) -> float:
    """How sure the message's language lets the bot be that it is a model question worth answering."""
    if (r.linked and "?" not in r.plain) or r.standup or not r.asks or not r.about_models:
        return VETOED
    if r.howto_start or (r.admin and not (named and (r.strong or r.fact))):
        return VETOED
    cap = CHOICE if r.choice else FACT_ONLY if r.fact and named else ABOUT_A_MODEL
    if r.admin:
        cap = min(cap, VETOED_BUT_STRONG)
    if r.trouble or r.aside:
        cap = min(cap, VETOED_BUT_STRONG if r.strong or (named and r.choice) else VETOED)
    if r.tech:
        cap = min(cap, VETOED_BUT_STRONG if r.strong or r.choice or r.fact else VETOED)
    return cap


def faq_confidence(query: Query, text: str) -> float:
    """How sure the bot is that `text` (parsed as `query`) is a model question to answer in a FAQ channel, 0-1."""
    if query.refusal or query.intent not in ANSWERABLE:
        return 0.0
    named = bool(query.models)
    if query.followup and not named:
        return VETOED  # "what about 100M?" at the top of a channel follows nothing
    return round(min(query.confidence, language_cap(read(query, text), named)), 2)


def worth_answering(query: Query, text: str, threshold: float) -> bool:
    """Answer this channel message: its FAQ confidence is at or above `threshold`."""
    return faq_confidence(query, text) >= threshold
