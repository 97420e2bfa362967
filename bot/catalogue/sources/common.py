"""What every price-source reader returns, and the checks refreshed data must pass before it is used."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from bot.catalogue.offers import DataError, Offer, UnitPrice

SHRINK_LIMIT = 0.8  # a feed with fewer than 80% of the previous good feed's offers is refused


@dataclass
class SourceData:
    """One source's offers, its pointers ((provider, pointer id) -> target id) and what it skipped, by reason."""

    source: str
    offers: list[Offer] = field(default_factory=list)
    pointers: dict[tuple[str, str], str] = field(default_factory=dict)
    skipped: Counter = field(default_factory=Counter)


# LiteLLM field -> (unit, direction, factor to that unit)
_UNITS = {
    "input_cost_per_image": ("image", "input", 1.0),
    "output_cost_per_image": ("image", "output", 1.0),
    "input_cost_per_character": ("1M characters", "input", 1e6),
    "output_cost_per_character": ("1M characters", "output", 1e6),
    "input_cost_per_second": ("minute", "input", 60.0),
    "output_cost_per_second": ("minute", "output", 60.0),
    "input_cost_per_audio_per_second": ("minute", "input", 60.0),
    "input_cost_per_query": ("query", "input", 1.0),
    "ocr_cost_per_page": ("page", "input", 1.0),
    "input_cost_per_image_token": ("1M image tokens", "input", 1e6),
    "output_cost_per_image_token": ("1M image tokens", "output", 1e6),
    "input_cost_per_audio_token": ("1M audio tokens", "input", 1e6),
    "output_cost_per_audio_token": ("1M audio tokens", "output", 1e6),
}
_IMAGE_SIZES = ("512", "1024", "1536", "0.5K", "1K", "2K", "4K")
_SIZE = re.compile(r"^(?:(?P<quality>[a-z]+)/)?(?P<w>\d+)-x-(?P<h>\d+)/")  # `low/1024-x-1536/gpt-image-1`


def unit_prices(entry: dict, source: str) -> tuple[UnitPrice, ...]:
    """Prices in units of their own (per image, per minute, per 1M characters) from a LiteLLM-style entry."""
    out = []
    for key, (unit, direction, factor) in _UNITS.items():
        value = entry.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value:
            out.append(UnitPrice(unit, round(value * factor, 8), direction, None, source))  # type: ignore[arg-type]
    for size in _IMAGE_SIZES:
        value = entry.get(f"output_cost_per_image_{size}")
        if isinstance(value, (int, float)) and value:
            out.append(UnitPrice("image", round(float(value), 8), "output", size, source))
    return tuple(out)


def _prices(offer: Offer) -> list[tuple[str, float | None]]:
    parts = [
        ("input", offer.input_price),
        ("output", offer.output_price),
        ("cache read", offer.cache_read_price),
        ("cache write", offer.cache_write_price),
    ]
    parts += [(f"tier >{t.above_tokens}", t.input) for t in offer.tiers]
    parts += [(f"{t.name}", t.input) for t in offer.service_tiers]
    parts += [(f"per {u.unit}", u.price) for u in offer.units]
    if offer.off_peak:
        parts += [("off-peak input", offer.off_peak.input), ("off-peak output", offer.off_peak.output)]
    return parts


def bad_price(offers: list[Offer]) -> str | None:
    """The first NaN, infinite or negative price, described; None when every price is sane."""
    for offer in offers:
        for what, value in _prices(offer):
            if value is not None and (math.isnan(value) or math.isinf(value) or value < 0):
                return f"{offer.provider}/{offer.id} has a {what} price of {value}"
    return None


def validate(data: SourceData, previous_count: int | None) -> None:
    """Raise DataError when refreshed data must not replace the last good data."""
    if not data.offers:
        raise DataError(f"{data.source} data holds no priced offers")
    problem = bad_price(data.offers)
    if problem:
        raise DataError(f"{data.source} data refused: {problem}")
    if previous_count and len(data.offers) < SHRINK_LIMIT * previous_count:
        raise DataError(
            f"{data.source} data refused: {len(data.offers):,} offers, down from {previous_count:,} "
            f"(more than a fifth fewer)"
        )


def sized_image_price(model: str, e: dict, source: str) -> tuple[str, UnitPrice] | None:
    """(model id, its price per image at one size and quality) for a route such as `low/1024-x-1536/gpt-image-1`."""
    m = _SIZE.match(model)
    if m is None:
        return None
    w, h = int(m["w"]), int(m["h"])
    price = next(
        (e[k] for k in ("output_cost_per_image", "input_cost_per_image") if isinstance(e.get(k), (int, float)) and e[k]),
        None,
    )
    per_pixel = e.get("input_cost_per_pixel") or e.get("output_cost_per_pixel")
    if price is None and isinstance(per_pixel, (int, float)) and per_pixel:
        price = per_pixel * w * h
    if price is None:
        return None
    variant = f"{w}x{h}" + (f" {m['quality']}" if m["quality"] else "")
    return model[m.end() :], UnitPrice("image", round(float(price), 6), "output", variant, source)


def attach_sizes(base: dict[tuple[str, str], Offer], sized: list[tuple[str, str, UnitPrice, Offer]]) -> None:
    """Per-image prices by size and quality become unit prices of the model's offer (or make one)."""
    for provider, model, unit, offer in sized:
        home = base.get((provider, model.lower()))
        if home is None:
            offer.units, offer.input_price, offer.output_price, offer.price_source = (), None, None, None
            home = base[(provider, model.lower())] = offer
        if all(u.variant != unit.variant for u in home.units if u.unit == "image"):
            home.units = (*home.units, unit)
