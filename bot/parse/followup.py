"""Follow-ups: "what about 100M?", "only anthropic", "for coding instead" refine the previous query.

`refine(previous, new)` keeps what the previous question said and lets the follow-up change what it
says: numbers and the task and objective are replaced, capabilities and modalities are added, providers
named are kept ("only anthropic" replaces the list), providers excluded are added. How the work runs is
replaced too ("and at 10x that volume?" multiplies the last one): "what about batch?" makes it a batch job, "and in the EU?" sets the region, "same for
embeddings" the kind of model (which drops the text task the previous question had, unless the follow-up
names one), "on the flex tier" the service tier. A follow-up that names
models keeps the previous intent where it still makes sense: a comparison gains the model, a cost or info
question moves to it, and a recommendation becomes the cost of that model for the same workload.
"""

from __future__ import annotations

from typing import Any

from bot.contract.query import NUMERIC_FIELDS, Query
from bot.contract.vocab import UNREFINABLE_INTENTS
from bot.parse import pattern_cache

_STRONG_INTENTS = ("compare", "alternatives", "cost", "list")
_SORT_NAMES = {"latency": "time to first token", "context": "context window"}  # the rest are said as they are


def refine(previous: Query, new: Query) -> Query:
    """The previous query with the follow-up's changes applied."""
    if new.refusal:
        return new
    if previous.refusal or previous.intent in UNREFINABLE_INTENTS:
        return new
    data = previous.model_dump()
    for name in NUMERIC_FIELDS:
        value = getattr(new, name)
        if value is not None:
            data[name] = value
    if new.volume_times and previous.tokens_per_month:  # "and at 10x that volume?"
        data["tokens_per_month"] = previous.tokens_per_month * new.volume_times
    if new.task:
        data["task"] = new.task
    said = None
    if new.sort_by or new.refine_sort:
        data["sort_by"] = new.sort_by or new.refine_sort
        if data["sort_by"] == previous.sort_by and previous.intent in ("recommend", "list"):
            order = previous.sort_by or ""
            said = f"Already ranked by {_SORT_NAMES.get(order, order)}: this is the same answer."
    data["input_modalities"] = _union(previous.input_modalities, new.input_modalities)
    data["capabilities"] = _union(previous.capabilities, new.capabilities)
    if new.providers:
        data["providers"] = list(new.providers)
    data["exclude_providers"] = _union(previous.exclude_providers, new.exclude_providers)
    data["providers"] = [p for p in data["providers"] if p not in new.exclude_providers]
    data["exclude_providers"] = [p for p in data["exclude_providers"] if p not in new.providers]
    data["include_free"] = previous.include_free or new.include_free
    _deployment(data, previous, new)
    data["intent"], data["models"] = _intent_and_models(previous, new)
    kept = (
        [a for a in previous.assumptions if any(m in a for m in data["models"])]
        if new.models
        else list(previous.assumptions)
    )
    kept = [a for a in kept if not a.startswith("Already ranked by ")]  # said of one answer only
    data["assumptions"] = list(dict.fromkeys(([said] if said else []) + kept + new.assumptions))
    data["unknown_models"] = list(new.unknown_models)
    data["why_not"] = list(new.why_not)
    data["compare_top"] = new.compare_top  # the last answer's first models, compared: its own limit is not asked
    data["refine_sort"] = None  # asked of this answer only: the next follow-up does not ask it again
    data["volume_times"] = None
    data["followup"] = True
    data["refusal"] = None
    data["upgrade"] = previous.upgrade and data["models"] == previous.models
    return Query.model_validate(data)


def _deployment(data: dict[str, Any], previous: Query, new: Query) -> None:
    """Batch, region, kind and service tier: what the follow-up says replaces what the previous question said."""
    if new.batch:
        data["batch"] = True
    if new.region:
        data["region"] = new.region
    if new.service_tier:
        data["service_tier"] = new.service_tier
    if new.kind and new.kind != previous.kind:
        data["kind"] = new.kind
        if not new.task:
            data["task"] = None  # "cheapest for summarization" then "same for embeddings": not a summarizer


def _union(a: list, b: list) -> list:
    return list(dict.fromkeys([*a, *b]))


def _intent_and_models(previous: Query, new: Query) -> tuple[str, list[str]]:
    if new.why_not:
        return previous.intent, list(previous.models)  # "why not gpt-5.6-sol?" asks about the last answer
    if not new.models:
        if new.intent in _STRONG_INTENTS and new.intent != previous.intent and new.intent != "cost":
            return new.intent, list(previous.models)
        return previous.intent, list(previous.models)
    if new.intent in ("compare", "alternatives") and len(new.models) >= 2 or new.intent == "alternatives":
        return new.intent, list(new.models)
    if previous.intent == "compare":
        return "compare", _union(previous.models, new.models)
    if previous.intent == "alternatives":
        return "compare", _union(previous.models, new.models)
    if previous.intent == "info":
        return "info", list(new.models)
    if previous.intent in ("cost", "recommend", "list"):
        return "cost", list(new.models)
    return new.intent, list(new.models)


_TIMES_VOLUME = pattern_cache.compile(
    r"\b(?:(?P<n>\d+(?:\.\d+)?)\s*(?:x|×|times)|(?P<w>double|twice|triple|quadruple|half|halve))\s+"
    r"(?:that|the|this|our|current|today'?s|the same)?\s*(?:volume|traffic|usage|load|tokens|requests|scale)\b"
)
_TIMES_WORDS = {"double": 2.0, "twice": 2.0, "triple": 3.0, "quadruple": 4.0, "half": 0.5, "halve": 0.5}


def volume_times(text: str) -> float | None:
    """The multiple of the last volume a follow-up asks for: "and at 10x that volume?" -> 10."""
    m = _TIMES_VOLUME.search(text)
    if m is None:
        return None
    times = float(m.group("n")) if m.group("n") else _TIMES_WORDS[m.group("w")]
    return times if 0 < times <= 1e6 else None
