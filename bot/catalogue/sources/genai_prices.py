"""pydantic's genai-prices: makers' and clouds' prices with dated histories, time-of-day prices and variants.

The data is the live v2 `data.json` (a JSON list of providers), or the same shape written by the derive
script from the pinned package, so no answer imports `genai_prices.data`. Each model's price is the one in
effect on the snapshot's date; a time-of-day price becomes one list price (the higher) with an off-peak
window. Variants (`processing: batch`, `service_tier: flex|priority|fast`, `speed: fast`) become service
tiers. Provider ids map onto models.dev's; GitHub Copilot is a subscription and is skipped.
"""

from __future__ import annotations

import json
from datetime import date

from bot.catalogue.offers import (
    DataError,
    Kind,
    Offer,
    OffPeak,
    PriceClaim,
    PriceTier,
    RegionalPrice,
    ServiceTier,
    UnitPrice,
    Window,
    classify,
)
from bot.catalogue.sources.common import SourceData

SOURCE = "genai-prices"
LIVE_URL = "https://raw.githubusercontent.com/pydantic/genai-prices/refs/heads/main/prices/new_data/v2/data.json"

PROVIDERS: dict[str, str] = {
    "anthropic": "anthropic", "openai": "openai", "google": "google", "x-ai": "xai", "mistral": "mistral",
    "deepseek": "deepseek", "moonshotai": "moonshotai", "zai": "zai", "zhipuai": "zhipuai", "minimax": "minimax",
    "cohere": "cohere", "aws": "amazon-bedrock", "azure": "azure", "groq": "groq", "cerebras": "cerebras",
    "fireworks": "fireworks-ai", "together": "togetherai", "novita": "novita-ai", "baseten": "baseten",
    "databricks": "databricks", "cloudflare": "cloudflare-workers-ai", "ovhcloud": "ovhcloud",
    "openrouter": "openrouter", "perplexity": "perplexity",
}  # fmt: skip
SUBSCRIPTIONS = frozenset({"github-copilot"})
_HUGGINGFACE = "huggingface_"
_VARIANTS = {
    ("processing", "batch"): "batch",
    ("service_tier", "flex"): "flex",
    ("service_tier", "priority"): "priority",
    ("service_tier", "fast"): "fast",
    ("speed", "fast"): "fast",
}
_UNITS = {  # genai key -> (unit, direction, factor)
    "input_mchars": ("1M characters", "input", 1.0),
    "audio_hours": ("minute", "input", 1 / 60),
    "input_audio_hours": ("minute", "input", 1 / 60),
    "output_audio_hours": ("minute", "output", 1 / 60),
    "input_gpixels": ("gigapixel", "input", 1.0),
    "input_document_kpages": ("page", "input", 1 / 1000),
    "requests_kcount": ("request", "input", 1 / 1000),
    "rerank_searches_kcount": ("query", "input", 1 / 1000),
}


def parse(raw: bytes) -> list[dict]:
    """The providers list; DataError when the data is not that shape."""
    try:
        data = json.loads(raw)
    except ValueError as exc:
        raise DataError(f"genai-prices data is not valid JSON ({exc})") from None
    if not isinstance(data, list) or not data:
        raise DataError("genai-prices data is not a list of providers")
    for i, p in enumerate(data):
        if not isinstance(p, dict) or not isinstance(p.get("id"), str) or not isinstance(p.get("models"), list):
            raise DataError(f"genai-prices data is invalid at providers[{i}]: needs an id and a models list")
    return data


def _base(value: object) -> float | None:
    if isinstance(value, dict):
        value = value.get("base")
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _cliffs(value: object) -> list[tuple[int, float]]:
    if not isinstance(value, dict):
        return []
    return [(int(t["start"]), float(t["price"])) for t in value.get("tiers") or [] if "start" in t and "price" in t]


def _tiers(prices: dict) -> tuple[PriceTier, ...]:
    starts: dict[int, dict[str, float]] = {}
    for key, name in (("input_mtok", "input"), ("output_mtok", "output"), ("cache_read_mtok", "cache_read")):
        for start, price in _cliffs(prices.get(key)):
            starts.setdefault(start, {})[name] = price
    return tuple(
        PriceTier(start, p.get("input"), p.get("output"), p.get("cache_read")) for start, p in sorted(starts.items())
    )


def _active(constraint: object, day: date) -> bool:
    if not isinstance(constraint, dict):
        return True
    start = constraint.get("start_date")
    return start is None or date.fromisoformat(str(start)[:10]) <= day


def _is_time_of_day(constraint: object) -> bool:
    return isinstance(constraint, dict) and "start_time" in constraint


def _in_effect(model: dict, day: date) -> tuple[dict, date | None, list[dict]]:
    """(prices in effect on `day`, the date they took effect or None if undated, the time-of-day entries)."""
    prices = model.get("prices")
    if isinstance(prices, dict):
        return prices, None, []
    entries = [p for p in prices or [] if isinstance(p, dict)]
    daily = [p for p in entries if _is_time_of_day(p.get("constraint"))]
    dated = [p for p in entries if not _is_time_of_day(p.get("constraint"))]
    for entry in reversed(dated):
        if _active(entry.get("constraint"), day):
            start = (entry.get("constraint") or {}).get("start_date")
            return entry.get("prices") or {}, (date.fromisoformat(start[:10]) if start else None), daily
    return (dated[0].get("prices") or {}) if dated else {}, None, daily


def _scheduled(model: dict, day: date) -> PriceClaim | None:
    """The next dated list price after `day` ("introductory rates apply through 2026-12-31"), if any."""
    prices = model.get("prices")
    entries = [p for p in prices if isinstance(p, dict)] if isinstance(prices, list) else []
    later = []
    for entry in entries:
        start = (entry.get("constraint") or {}).get("start_date") if isinstance(entry.get("constraint"), dict) else None
        if start and date.fromisoformat(str(start)[:10]) > day and not _is_time_of_day(entry.get("constraint")):
            later.append((date.fromisoformat(str(start)[:10]), entry.get("prices") or {}))
    if not later:
        return None
    when, p = min(later, key=lambda x: x[0])
    return PriceClaim(SOURCE, _base(p.get("input_mtok")), _base(p.get("output_mtok")), _base(p.get("cache_read_mtok")), when)


def _hhmm(value: object) -> str:
    return str(value)[:5]


def _complement(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The hours of the day outside `spans` ('HH:MM' pairs, end exclusive)."""
    edges = sorted(spans)
    out, cursor = [], "00:00"
    for start, end in edges:
        if start > cursor:
            out.append((cursor, start))
        cursor = max(cursor, end)
    if cursor < "24:00" and cursor != "00:00" or not edges:
        out.append((cursor, "00:00"))
    return out


def _time_of_day(base: dict, daily: list[dict]) -> tuple[dict, OffPeak | None]:
    """A time-of-day price as (list price, off-peak): a peak surcharge turns round into an off-peak discount."""
    if not daily:
        return base, None
    window_prices = daily[0].get("prices") or {}
    spans = [(_hhmm(d["constraint"]["start_time"]), _hhmm(d["constraint"]["end_time"])) for d in daily]
    peak, low = (window_prices, base)
    if (_base(window_prices.get("input_mtok")) or 0) < (_base(base.get("input_mtok")) or 0):
        peak, low, hours = base, window_prices, spans  # the window is the discount
    else:
        hours = _complement(spans)
    windows = tuple(Window(tuple(range(1, 8)), start, end) for start, end in hours)
    off = OffPeak(
        _base(low.get("input_mtok")), _base(low.get("output_mtok")), _base(low.get("cache_read_mtok")), windows, SOURCE
    )
    return peak, off


def _service_tiers(model: dict, day: date) -> tuple[ServiceTier, ...]:
    found: dict[str, ServiceTier] = {}
    for variant in model.get("price_variants") or []:
        when = variant.get("when") or {}
        name = next((n for (k, v), n in _VARIANTS.items() if when.get(k) == v and len(when) == 1), None)
        if name is None or name in found or not _active(variant.get("constraint"), day):
            continue
        p = variant.get("prices") or {}
        if _base(p.get("input_mtok")) is None and _base(p.get("output_mtok")) is None:
            continue
        found[name] = ServiceTier(
            name,  # type: ignore[arg-type]
            _base(p.get("input_mtok")),
            _base(p.get("output_mtok")),
            _base(p.get("cache_read_mtok")),
            _base(p.get("cache_write_mtok")),
            SOURCE,
        )
    return tuple(found.values())


def _units(prices: dict) -> tuple[UnitPrice, ...]:
    out = []
    for key, (unit, direction, factor) in _UNITS.items():
        value = _base(prices.get(key))
        if value and not any(u.unit == unit and u.direction == direction for u in out):
            out.append(UnitPrice(unit, round(value * factor, 8), direction, None, SOURCE))  # type: ignore[arg-type]
    return tuple(out)


def _kind(model_id: str, prices: dict) -> Kind:
    if prices.get("input_mchars") is not None:
        return "tts"
    if any(k in prices for k in ("audio_hours", "input_audio_hours")) and "output_mtok" not in prices:
        return "transcription"
    if "output_image_mtok" in prices and "output_mtok" not in prices:
        return "image"
    kind = classify(model_id, None, [], [])
    if kind == "chat" and "input_mtok" in prices and "output_mtok" not in prices:
        return "embedding"
    return kind


def pointer_names(match: object) -> list[str]:
    """The `equals` names in a match clause that are pointers (`...-latest`)."""
    if not isinstance(match, dict):
        return []
    if "equals" in match:
        name = str(match["equals"])
        return [name] if name.endswith("-latest") else []
    return [n for clause in match.get("or") or [] for n in pointer_names(clause)]


def _offer(provider: str, provider_name: str, m: dict, day: date, as_of: date) -> Offer:
    std, since, daily = _in_effect(m, day)
    listed, off_peak = _time_of_day(std, daily)
    inp, out = _base(listed.get("input_mtok")), _base(listed.get("output_mtok"))
    context = m.get("context_window") if isinstance(m.get("context_window"), int) else None
    kind = _kind(str(m["id"]), listed)
    return Offer(
        provider=provider,
        provider_name=provider_name,
        id=str(m["id"]),
        name=str(m.get("name") or m["id"]),
        family=None,
        kind=kind,
        input_price=inp,
        output_price=out,
        cache_read_price=_base(listed.get("cache_read_mtok")),
        cache_write_price=_base(listed.get("cache_write_mtok")),
        tiers=_tiers(listed),
        context=context,
        max_input=None,
        max_output=None,
        input_modalities=("audio",) if kind == "transcription" else ("text",),
        output_modalities={"tts": ("audio",), "image": ("image",)}.get(kind, ("text",)),
        tool_calling=False,
        structured_output=None,
        reasoning=False,
        open_weights=False,
        release_date=None,
        last_updated=None,
        knowledge_cutoff=None,
        status="deprecated" if m.get("deprecated") else None,
        cache_write_1h_price=_base(listed.get("cache_write_1h_mtok")),
        off_peak=off_peak,
        service_tiers=_service_tiers(m, day),
        units=_units(listed),
        sources=(SOURCE,),
        price_source=SOURCE if inp is not None or out is not None else None,
        price_as_of=since or as_of,
        scheduled=_scheduled(m, day),
    )


def borrowed(m: dict) -> bool:
    """A price the file copied from a reseller and has not checked with the seller ('Imported from OpenRouter
    pricing; verify against OpenAI pricing...'): the seller may not sell the model at all (OpenAI and gpt-oss)."""
    comment = str(m.get("price_comments") or "").lower()
    return "imported from" in comment and "verified against" not in comment


def _provider_id(pid: str, model_id: str) -> str | None:
    if pid.startswith(_HUGGINGFACE):
        return None  # sub-providers of Hugging Face's router: not separate sellers in models.dev's terms
    if pid == "google" and model_id.startswith("claude"):
        return "google-vertex-anthropic"
    return PROVIDERS.get(pid)


def offers(data: list[dict], day: date, as_of: date) -> SourceData:
    """Offers priced as on `day` (the snapshot's date); `as_of` dates the undated prices."""
    out = SourceData(SOURCE)
    regional: list[tuple[Offer, str]] = []
    for p in data:
        if p["id"] in SUBSCRIPTIONS:
            out.skipped["subscription"] += len(p["models"])
            continue
        for m in p["models"]:
            provider = _provider_id(p["id"], str(m.get("id", "")))
            if provider is None or not m.get("id"):
                out.skipped[f"provider {p['id']} (no models.dev id)"] += 1
                continue
            if borrowed(m):
                out.skipped["price imported from a reseller, unverified"] += 1
                continue
            offer = _offer(provider, str(p.get("name") or provider), m, day, as_of)
            if not offer.has_price:
                out.skipped["no price"] += 1
                continue
            for name in pointer_names(m.get("match")):
                out.pointers[(provider, name)] = offer.id
            if offer.id.startswith("regional."):
                regional.append((offer, offer.id.removeprefix("regional.")))
            else:
                out.offers.append(offer)
    _attach_regional(out, regional)
    return out


def _attach_regional(out: SourceData, regional: list[tuple[Offer, str]]) -> None:
    """AWS's `regional.` ids (in-region processing, +10%) become regional prices of the global offer."""
    by_id = {(o.provider, o.id.removeprefix("global.")): o for o in out.offers}
    for offer, base_id in regional:
        home = by_id.get((offer.provider, base_id))
        price = RegionalPrice("in-region", offer.input_price, offer.output_price, None, offer.id, SOURCE)
        if home is None:
            out.offers.append(offer)
        else:
            home.regions = (*home.regions, price)
