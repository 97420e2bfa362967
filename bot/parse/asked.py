"""The extras a question asks for beyond the contract's fields, each read by its own rule: a reranker, an
alternative at the same price, off-peak hours, a benchmark's ranking and its floor, caps said as 'under'."""

from __future__ import annotations

import re
from typing import Any

from bot.contract.query import Query
from bot.parse.benchmarks import benchmark_floor, benchmark_of
from bot.parse.facets import asks_live, asks_realtime, asks_rerank, same_price, strict_caps
from bot.parse.families import families
from bot.parse.kind_amounts import kind_volume
from bot.parse.off_peak import off_peak


def asked_extras(text: str, query: Query) -> dict[str, Any]:
    """What `text` (lower case, models masked) asks for that `query`'s contract fields do not hold."""
    out: dict[str, Any] = {}
    if query.intent in ("recommend", "list", "alternatives") and not query.kind and asks_rerank(text):
        out["rerank"] = True  # "best reranker for our RAG pipeline": a reranking model, not a chat model
        out["kind_volume"] = kind_volume(text, "rerank")
    timed = query.max_latency is not None or query.min_speed is not None  # "voice agent, first token under 300ms": a text model's speed
    if query.intent in ("recommend", "list") and not query.models and query.kind != "embedding" and not timed and asks_realtime(text):
        out["realtime"] = True  # "speech-to-speech for our voice bot": a realtime voice model, not TTS or STT
    elif query.kind == "transcription" and asks_live(text):
        out["live"] = True  # "streaming transcription for live captions": models that transcribe as it is spoken
    if query.intent == "alternatives":
        out["same_price"] = same_price(text)
    if query.intent in ("recommend", "list") and not query.models:
        out["off_peak"], out["at_hour"] = off_peak(text)
    if query.intent in ("recommend", "list") and not query.kind and (metric := benchmark_of(text)):
        out["benchmark"] = metric  # "top 5 models on aider polyglot": that benchmark's own ranking
        out["benchmark_min"] = benchmark_floor(text)
        if query.sort_by is None:
            out["sort_by"] = "quality"  # the highest score is what is asked for
    caps = (query.max_input_price, query.max_output_price, query.max_blended_price, query.max_latency, query.max_monthly_cost)
    if any(c is not None for c in caps):
        out["strict_caps"] = strict_caps(text)
    if query.intent in ("recommend", "list") and not query.models and (named := families(text)):
        out["families"] = named  # "cheapest claude model on vertex": only that line's models
    if query.intent not in ("help", "unknown") and (currency := _CURRENCY.search(text)):
        name = next(n for n, word in _CURRENCIES.items() if re.fullmatch(word, currency.group()))
        out["assumptions"] = [*query.assumptions, f"Prices are in US dollars, as every source lists them: I hold no "
                              f"exchange rates, so nothing is converted to {name}."]  # fmt: skip
    if query.intent not in ("help", "unknown") and _LICENCE.search(text):
        said = out.get("assumptions", query.assumptions)
        out["assumptions"] = [*said, "I hold no licence data yet: open weights are not a licence, so check each "
                              "model's terms (Apache-2.0, MIT or the maker's own) before you build on it."]  # fmt: skip
    return out


# a licence asked for: "open weights under apache-2.0 or mit", "a permissive licence"
_LICENCE = re.compile(r"\b(?:apache(?:[- ]?2(?:\.0)?)?|mit licen[cs]e|under mit|or mit|gpl|bsd|permissive(?: licen[cs]e)?|licen[cs](?:e|ed|ing))\b")


# a currency other than the dollar asked for: "claude-opus-5 pricing in euros", "what's that in £?"
_CURRENCIES = {"euros": r"euros?|eur|€", "pounds": r"gbp|£|pounds? sterling|quid", "yen": r"yen|jpy|¥", "rupees": r"inr|rupees?|₹"}
_CURRENCY = re.compile(r"(?<![\w])(?:" + "|".join(_CURRENCIES.values()) + r")(?![\w])")
