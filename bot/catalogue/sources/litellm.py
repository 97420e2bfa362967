"""LiteLLM's price and context map (`model_prices_and_context_window.json`): one flat object, route -> entry.

Prices are USD per token (per image, per second, per character for other kinds); this reader turns them into
offers priced per 1M tokens. `litellm_provider` says who sells an entry and maps onto a models.dev provider
id; route prefixes (`azure/eu/`, `bedrock/eu-west-1/`, `eu.`) are regional variants of one offer, kept as
`RegionalPrice`s. `alias_of` entries are pointers. Subscription routes (github_copilot, chatgpt, ...) are
not sellers and are skipped, and so are US government clouds (`azure/us-gov/`, `bedrock/us-gov-west-1/`): their
prices are no list price the public can buy at.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from datetime import date

from bot.catalogue.offers import (
    NO_OUTPUT_PRICE,
    DataError,
    Kind,
    Offer,
    OffPeak,
    PriceTier,
    RegionalPrice,
    ServiceTier,
    UnitPrice,
    Window,
    classify,
)
from bot.catalogue.sources.common import SourceData, attach_sizes, sized_image_price, unit_prices

SOURCE = "litellm"
LIVE_URL = "https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json"
M = 1_000_000

# litellm_provider -> models.dev provider id; the order breaks ties when two routes give the same offer
PROVIDERS: dict[str, str] = {
    "openai": "openai", "text-completion-openai": "openai", "anthropic": "anthropic", "gemini": "google",
    "xai": "xai", "mistral": "mistral", "codestral": "mistral", "text-completion-codestral": "mistral",
    "deepseek": "deepseek", "moonshot": "moonshotai", "zai": "zai", "bigmodel": "zhipuai", "minimax": "minimax",
    "cohere": "cohere", "cohere_chat": "cohere", "meta_llama": "llama", "xiaomi_mimo": "xiaomi",
    "inception": "inception", "text-completion-inception": "inception", "sarvam": "sarvam", "morph": "morph",
    "amazon_nova": "nova", "v0": "v0", "perplexity": "perplexity",
    "dashscope": "alibaba", "qwencloud": "alibaba", "qwen_ai_platform": "alibaba",
    "azure": "azure", "azure_text": "azure", "azure_ai": "azure",
    "bedrock_converse": "amazon-bedrock", "bedrock": "amazon-bedrock", "bedrock_mantle": "amazon-bedrock",
    "vertex_ai": "google-vertex", "vertex_ai-language-models": "google-vertex", "vertex_ai-text-models": "google-vertex",
    "vertex_ai-embedding-models": "google-vertex", "vertex_ai-video-models": "google-vertex",
    "vertex_ai-anthropic_models": "google-vertex-anthropic",
    "vertex_ai-mistral_models": "google-vertex", "vertex_ai-llama_models": "google-vertex",
    "vertex_ai-ai21_models": "google-vertex", "vertex_ai-deepseek_models": "google-vertex",
    "vertex_ai-qwen_models": "google-vertex", "vertex_ai-zai_models": "google-vertex",
    "vertex_ai-openai_models": "google-vertex", "vertex_ai-minimax_models": "google-vertex",
    "vertex_ai-moonshot_models": "google-vertex",
    "databricks": "databricks", "cloudflare": "cloudflare-workers-ai", "clf_ai_gateway": "cloudflare-ai-gateway",
    "vercel_ai_gateway": "vercel", "ovhcloud": "ovhcloud", "scaleway": "scaleway", "nvidia_nim": "nvidia",
    "groq": "groq", "cerebras": "cerebras", "deepinfra": "deepinfra", "baseten": "baseten",
    "fireworks_ai": "fireworks-ai", "fireworks_ai-embedding-models": "fireworks-ai", "together_ai": "togetherai",
    "novita": "novita-ai", "nebius": "nebius", "friendliai": "friendli", "gmi": "gmicloud", "wandb": "wandb",
    "aihubmix": "aihubmix", "abliteration": "abliteration-ai", "tencent": "tencent-tokenhub",
    "gradient_ai": "digitalocean",
}  # fmt: skip
SUBSCRIPTIONS = frozenset({"github_copilot", "chatgpt", "opencode_go", "microsoft_365_copilot"})
_SUBSCRIPTION_IDS = re.compile(r"^coding-|-coding-plan")
KINDS: dict[str, Kind] = {
    "chat": "chat", "responses": "chat", "completion": "chat", "embedding": "embedding", "rerank": "rerank",
    "image_generation": "image", "image_edit": "image", "audio_transcription": "transcription",
    "audio_speech": "tts", "video_generation": "video", "realtime": "realtime", "moderation": "moderation",
    "ocr": "ocr",
}  # fmt: skip
SERVICE_TIERS = {"batches": "batch", "flex": "flex", "priority": "priority", "ultrafast": "ultrafast"}
_ABOVE = re.compile(r"^input_cost_per_token_above_(\d+)k_tokens$")
_GEO = re.compile(r"^(us|eu|apac|au|jp|in|ca|global|us-gov)\.")
_ROUTE = re.compile(
    r"^(?:azure/(?P<az>eu|us|global)/|(?:bedrock|bedrock_mantle)/(?P<aws>[a-z]{2}(?:-gov)?-[a-z]+-\d)/"
    r"|fireworks_ai/accounts/fireworks/(?:models|routers)/)"
)
_GOV = re.compile(r"(?:^|/)us-gov(?:[/.-]|$)")  # azure/us-gov/..., bedrock/us-gov-west-1/..., us-gov.anthropic...
_PREFIXES = frozenset(PROVIDERS) | {"vertex_ai", "bedrock", "fireworks_ai", "together_ai", "azure_ai", "moonshot"}


def _per_m(value: object) -> float | None:
    """USD per token -> USD per 1M tokens (None for a missing or non-numeric value; NaN is kept to be refused)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return round(value * M, 6) if math.isfinite(value) else float(value)


def parse(raw: bytes) -> dict[str, dict]:
    """The map as a dict of entries; DataError when it is not one."""
    try:
        data = json.loads(raw)
    except ValueError as exc:
        raise DataError(f"LiteLLM data is not valid JSON ({exc})") from None
    if not isinstance(data, dict) or not data:
        raise DataError("LiteLLM data is not an object of model entries")
    bad = next((k for k, v in data.items() if not isinstance(v, dict)), None)
    if bad is not None:
        raise DataError(f"LiteLLM data is invalid at {bad}: not an object")
    return data


def _route(key: str) -> tuple[str, str | None]:
    """(model id without the route prefix, region or None)."""
    route = _ROUTE.match(key)
    if route:
        model, region = key[route.end() :], route["az"] or route["aws"]
    else:
        head, _, tail = key.partition("/")
        model, region = (tail, None) if tail and head in _PREFIXES else (key, None)
    geo = _GEO.match(model)
    if geo:
        region = region or geo.group(1)
        model = model[geo.end() :] if geo.group(1) != "global" else model
    return model, (None if region == "global" else region)


def _windows(spec: dict) -> tuple[Window, ...]:
    tz = str(spec.get("weekday_timezone") or "UTC")
    groups = list(spec.get("windows") or [])
    if spec.get("hours_utc"):
        groups.append({"hours_utc": spec["hours_utc"]})
    out: list[Window] = []
    for group in groups:
        hours = group.get("hours_utc") or "00:00-00:00"
        days = tuple(int(d) for d in group.get("weekdays") or range(1, 8) if str(d).isdigit())
        for span in [hours] if isinstance(hours, str) else hours:
            start, _, end = str(span).partition("-")
            out.append(Window(days or tuple(range(1, 8)), start.strip(), end.strip(), tz))
    return tuple(out)


def _off_peak(e: dict) -> OffPeak | None:
    spec = e.get("off_peak_pricing")
    if not isinstance(spec, dict):
        return None
    return OffPeak(
        _per_m(spec.get("input_cost_per_token")),
        _per_m(spec.get("output_cost_per_token")),
        _per_m(spec.get("cache_read_input_token_cost")),
        _windows(spec),
        SOURCE,
    )


def _tiers(e: dict) -> tuple[PriceTier, ...]:
    tiers = []
    for k in e:
        m = _ABOVE.match(k)
        if m:
            n = m.group(1)
            tiers.append(
                PriceTier(
                    int(n) * 1000,
                    _per_m(e[k]),
                    _per_m(e.get(f"output_cost_per_token_above_{n}k_tokens")),
                    _per_m(e.get(f"cache_read_input_token_cost_above_{n}k_tokens")),
                )
            )
    for band in e.get("tiered_pricing") or []:
        low = (band.get("range") or [0])[0]
        if low:
            tiers.append(
                PriceTier(
                    int(low),
                    _per_m(band.get("input_cost_per_token")),
                    _per_m(band.get("output_cost_per_token")),
                    _per_m(band.get("cache_read_input_token_cost")),
                )
            )
    return tuple(sorted(tiers, key=lambda t: t.above_tokens))


def _base_price(e: dict, field: str) -> float | None:
    value = _per_m(e.get(field))
    if value is None and e.get("tiered_pricing"):
        first = min(e["tiered_pricing"], key=lambda b: (b.get("range") or [0])[0])
        value = _per_m(first.get(field))
    return value


def _service_tiers(e: dict) -> tuple[ServiceTier, ...]:
    return tuple(
        ServiceTier(
            name,  # type: ignore[arg-type]
            _per_m(e.get(f"input_cost_per_token_{suffix}")),
            _per_m(e.get(f"output_cost_per_token_{suffix}")),
            _per_m(e.get(f"cache_read_input_token_cost_{suffix}")),
            _per_m(e.get(f"cache_creation_input_token_cost_{suffix}")),
            SOURCE,
        )
        for suffix, name in SERVICE_TIERS.items()
        if f"input_cost_per_token_{suffix}" in e or f"output_cost_per_token_{suffix}" in e
    )


def _uplifts(e: dict, model: str, inp: float | None, out: float | None) -> list[RegionalPrice]:
    found: list[tuple[str, float]] = [
        (region, e[f"regional_processing_uplift_multiplier_{region}"])
        for region in ("eu", "us")
        if isinstance(e.get(f"regional_processing_uplift_multiplier_{region}"), (int, float))
    ]
    if isinstance(e.get("regional_endpoint_uplift_multiplier"), (int, float)):
        found.append(("regional endpoint", e["regional_endpoint_uplift_multiplier"]))
    specific = e.get("provider_specific_entry")
    if isinstance(specific, dict) and isinstance(specific.get("us"), (int, float)):
        found.append(("us", specific["us"]))
    return [
        RegionalPrice(region, _scaled(inp, x), _scaled(out, x), float(x), model, SOURCE)
        for region, x in dict(found).items()
    ]


def _scaled(price: float | None, factor: float) -> float | None:
    return None if price is None else round(price * factor, 6)


def _modalities(e: dict, kind: Kind) -> tuple[tuple[str, ...], tuple[str, ...]]:
    inputs = list(e.get("supported_modalities") or [])
    if not inputs and kind == "transcription":
        inputs = ["audio"]
    if not inputs:
        inputs = ["text"]
    # the flags add what a modality list leaves out: gpt-6-luna lists text and image, and supports_pdf_input
    flags = (("supports_vision", "image"), ("supports_pdf_input", "pdf"), ("supports_audio_input", "audio"), ("supports_video_input", "video"))
    inputs += [m for flag, m in flags if e.get(flag) and m not in inputs]
    outputs = list(e.get("supported_output_modalities") or [])
    if not outputs:
        outputs = {"image": ["image"], "tts": ["audio"], "video": ["video"]}.get(kind, ["text"])
    return tuple(inputs), tuple(outputs)


def _offer(key: str, e: dict, provider: str, model: str, kind: Kind, as_of: date) -> Offer:
    inp, out = _base_price(e, "input_cost_per_token"), _base_price(e, "output_cost_per_token")
    if kind in NO_OUTPUT_PRICE and not out:
        out = None  # an embedding returns vectors: it has no output price, which is not a free output
    inputs, outputs = _modalities(e, kind)
    structured = e.get("supports_response_schema") or e.get("supports_native_structured_output")
    return Offer(
        provider=provider,
        provider_name=provider,
        id=model,
        name=model,
        family=None,
        kind=kind,
        input_price=inp,
        output_price=out,
        cache_read_price=_per_m(e.get("cache_read_input_token_cost")),
        cache_write_price=_per_m(e.get("cache_creation_input_token_cost")),
        tiers=_tiers(e),
        context=e.get("max_input_tokens") if isinstance(e.get("max_input_tokens"), int) else None,
        max_input=e.get("max_input_tokens") if isinstance(e.get("max_input_tokens"), int) else None,
        max_output=e.get("max_output_tokens") if isinstance(e.get("max_output_tokens"), int) else None,
        input_modalities=inputs,
        output_modalities=outputs,
        tool_calling=bool(e.get("supports_function_calling")),
        structured_output=bool(structured) if structured is not None else None,
        reasoning=bool(e.get("supports_reasoning")),
        open_weights=False,
        release_date=None,
        last_updated=None,
        knowledge_cutoff=None,
        status=None,
        cache_write_1h_price=_per_m(e.get("cache_creation_input_token_cost_above_1hr")),
        off_peak=_off_peak(e),
        service_tiers=_service_tiers(e),
        regions=tuple(_uplifts(e, model, inp, out)),
        units=_units(e, kind),
        deprecation_date=_date(e.get("deprecation_date")),
        successor=e.get("successor_model") if isinstance(e.get("successor_model"), str) else None,
        sources=(SOURCE,),
        price_source=SOURCE if inp is not None or out is not None else None,
        price_as_of=as_of,
    )


def _kind(model: str, mode: str) -> Kind:
    """The kind `mode` gives; a model served through the chat API whose name says it moderates (a guard), reads
    documents (OCR), speaks or transcribes keeps that kind."""
    kind = KINDS[mode]
    return classify(model, None, [], []) if kind == "chat" else kind


def _units(e: dict, kind: Kind) -> tuple[UnitPrice, ...]:
    """Unit prices; a transcription's per-second output price (LiteLLM bills the audio twice) is dropped."""
    units = unit_prices(e, SOURCE)
    if kind == "transcription":
        units = tuple(u for u in units if not (u.unit == "minute" and u.direction == "output"))
    return units


def _date(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _skip_reason(key: str, e: dict) -> str | None:
    if key == "sample_spec" or key == "fallback_generalizations":
        return "not a model"
    provider = e.get("litellm_provider")
    if provider in SUBSCRIPTIONS or _SUBSCRIPTION_IDS.search(key.rsplit("/", 1)[-1]):
        return "subscription"
    if provider not in PROVIDERS:
        return f"provider {provider} (no models.dev id)"
    if e.get("mode") not in KINDS:
        return f"mode {e.get('mode')}"
    if _GOV.search(key):
        return "government cloud (not sold to the public)"
    return None


def offers(data: dict[str, dict], as_of: date) -> SourceData:
    """Offers, pointers and what was skipped, from a parsed map; `as_of` dates its prices."""
    out = SourceData(SOURCE)
    regional: list[tuple[str, str, str | None, Offer]] = []
    ranks = {p: i for i, p in enumerate(PROVIDERS)}
    chosen: dict[tuple[str, str], tuple[int, Offer]] = {}
    sized: list[tuple[str, str, UnitPrice, Offer]] = []
    for key, e in data.items():
        if "alias_of" in e:
            provider = PROVIDERS.get(str(e.get("litellm_provider") or _route_provider(key)))
            out.pointers[(provider or "", _route(key)[0])] = _route(str(e["alias_of"]))[0]
            continue
        reason = _skip_reason(key, e)
        if reason:
            out.skipped[reason] += 1
            continue
        provider = PROVIDERS[e["litellm_provider"]]
        model, region = _route(key)
        size = sized_image_price(model, e, SOURCE) if e["mode"] in ("image_generation", "image_edit") else None
        if size is not None:
            offer = _offer(key, e, provider, size[0], KINDS[e["mode"]], as_of)
            sized.append((provider, size[0], size[1], offer))
            continue
        offer = _offer(key, e, provider, model, _kind(model, e["mode"]), as_of)
        if not offer.has_price:
            out.skipped["no price"] += 1
            continue
        if region:
            regional.append((provider, model, region, offer))
            continue
        rank = ranks[e["litellm_provider"]]
        old = chosen.get((provider, model.lower()))
        if old is None or rank < old[0]:
            chosen[(provider, model.lower())] = (rank, offer)
    base = {k: o for k, (_, o) in chosen.items()}
    _attach_regions(base, regional, out.skipped)
    attach_sizes(base, sized)
    out.offers = list(base.values())
    return out


def _route_provider(key: str) -> str:
    return key.partition("/")[0] if "/" in key else ""


def _attach_regions(base: dict[tuple[str, str], Offer], regional: list, skipped: Counter) -> None:
    """Regional rows become `RegionalPrice`s of their base offer (or the offer, when there is no base)."""
    for provider, model, region, offer in regional:
        home = base.get((provider, model.lower()))
        price = RegionalPrice(region, offer.input_price, offer.output_price, None, f"{region}.{model}", SOURCE)
        if home is None:
            offer.regions = (price,)
            base[(provider, model.lower())] = offer
        elif all(r.region != region for r in home.regions):
            home.regions = (*home.regions, price)
        else:
            skipped["duplicate regional row"] += 1

