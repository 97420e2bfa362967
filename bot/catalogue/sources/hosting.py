"""Providers that serve every request from one region (`knowledge/hosting.yaml`, hand-kept from each provider's
data-residency page): their offers process data in that region at the list price. Read when a catalogue is built."""

from __future__ import annotations

from pathlib import Path

from bot.catalogue.offers import Offer, RegionalPrice

FILE = "hosting.yaml"


def load_hosting(directory: Path | None = None) -> dict[str, str]:
    """Provider id -> the one region it serves every request from ({} when the file is missing)."""
    from bot.catalogue.knowledge import _yaml_load, knowledge_dir

    try:
        data = _yaml_load(((directory or knowledge_dir()) / FILE).read_text(encoding="utf-8")) or {}
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in (data.get("providers") or {}).items()}


def hosted(offers: list[Offer], homes: dict[str, str]) -> list[Offer]:
    """Offers of a provider that serves everything from one region gain that region at their list price (the
    price's source is the list price's; `multiplier` 1.0 marks the region as the provider's only one)."""
    for o in offers:
        region = homes.get(o.provider)
        if region and o.has_price and all(r.region != region for r in o.regions):
            hosted_here = RegionalPrice(region, o.input_price, o.output_price, 1.0, o.id, o.price_source or o.sources[0])
            o.regions = (*o.regions, hosted_here)
    return offers
