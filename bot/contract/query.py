"""The structured query a question becomes: the parse contract of the shared eval README (fixed; graders use it).

The contract fields hold only what the question says; defaults (the task's input/output mix, which
providers count, how many rows) belong to the recommender. A few fields beyond the contract carry what
the answer needs to say (assumptions, unknown names, a refusal); graders ignore them.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from bot.contract.vocab import Capability, Facet, Intent, Kind, Modality, Region, ServiceTier, SortBy, Task

# the contract's numeric fields (the parser fills them; follow-ups replace them one by one)
NUMERIC_FIELDS = (
    "tokens_per_month",
    "input_share",
    "max_monthly_cost",
    "monthly_spend",
    "max_input_price",
    "max_output_price",
    "max_blended_price",
    "min_context",
    "min_output",
    "min_speed",
    "max_latency",
    "limit",
    "cache_hit_rate",
)


# beyond the contract: the number format weights are stored in on self-hosted hardware
Precision = Literal["fp16", "fp8", "int8", "int4"]


class Hardware(BaseModel):
    """The GPUs a self-hosting question names: the card (None for "a 24GB GPU"), how many, and each one's memory."""

    model_config = ConfigDict(extra="forbid")

    gpu: str | None = Field(default=None, description="the card's name: 'H100', 'RTX 4090', 'MI300X'")
    count: int = Field(default=1, ge=1, le=1024)
    memory_gb: float = Field(gt=0, description="memory of one card, GB")

    @property
    def total_gb(self) -> float:
        """The memory of all the cards together."""
        return self.count * self.memory_gb


class Query(BaseModel):
    """A question, structured. Contract fields first; extras after."""

    model_config = ConfigDict(extra="forbid")

    intent: Intent = "unknown"
    task: Task | None = None
    models: list[str] = Field(default_factory=list, description="canonical model ids named")
    sort_by: SortBy | None = None
    tokens_per_month: float | None = Field(default=None, ge=0)
    input_share: float | None = Field(default=None, ge=0, le=1)
    max_monthly_cost: float | None = Field(default=None, ge=0)
    max_input_price: float | None = Field(default=None, ge=0)
    max_output_price: float | None = Field(default=None, ge=0)
    max_blended_price: float | None = Field(default=None, ge=0)
    min_context: int | None = Field(default=None, ge=0)
    min_output: int | None = Field(default=None, ge=0)
    min_speed: float | None = Field(default=None, ge=0)
    max_latency: float | None = Field(default=None, ge=0)
    input_modalities: list[Modality] = Field(default_factory=list)
    capabilities: list[Capability] = Field(default_factory=list)
    providers: list[str] = Field(default_factory=list)
    exclude_providers: list[str] = Field(default_factory=list)
    limit: int | None = Field(default=None, ge=1)
    monthly_spend: float | None = Field(default=None, ge=0, description="what the team spends now on the models named")
    cache_hit_rate: float | None = Field(default=None, ge=0, le=1, description="share of input served from cache")
    batch: bool | None = Field(default=None, description="true when the work can wait for a batch API")
    region: Region | None = Field(default=None, description="where the data must be processed")
    kind: Kind | None = Field(default=None, description="a model that is not a chat model; null for chat")

    # beyond the contract
    include_free: bool = Field(default=False, description="the user asked for free models")
    unknown_models: list[str] = Field(default_factory=list, description="names that matched no model")
    assumptions: list[str] = Field(default_factory=list, description="what the parser assumed, to be said")
    followup: bool = Field(default=False, description="the text refines an earlier question")
    upgrade: bool = Field(default=False, description="a compare asked as 'upgrade from models[0] to models[1]'")
    refusal: str | None = Field(default=None, description="why the text was not parsed, said politely")
    facet: Facet | None = Field(default=None, description="the one fact an info question asks for, answered first")
    unjudged: list[str] = Field(
        default_factory=list, description="languages or domains named that no benchmark in the data judges"
    )
    service_tier: ServiceTier | None = Field(default=None, description="a tier asked for by name: flex, priority")
    refine_sort: SortBy | None = Field(
        default=None, description="what a bare follow-up ('best quality instead') optimises, outside the contract's parse"
    )
    volume_times: float | None = Field(
        default=None, gt=0, description="a follow-up's multiple of the last volume ('and at 10x that volume?')"
    )
    image_size: str | None = Field(default=None, description="an image size asked for: '1024x1024'")
    makers_as_models: list[str] = Field(
        default_factory=list, description="makers named where a model belongs: 'what would deepseek cost?'"
    )
    min_tier: Literal["good", "strong"] | None = Field(
        default=None, description="a quality floor said in words: 'cheapest that's still decent', 'strong on coding'"
    )
    kind_volume: float | None = Field(
        default=None,
        ge=0,
        description="a non-chat model's monthly amount in its own unit: hours of audio to transcribe, images to "
        "generate, characters to speak",
    )
    asked_providers: list[str] = Field(default_factory=list, description="providers an info question asks about")
    asked_region: Region | None = Field(default=None, description="the region an info question asks about")
    asked_capabilities: list[Capability] = Field(
        default_factory=list, description="features an info question asks about: 'does X support function calling?'"
    )
    why_not: list[str] = Field(default_factory=list, description="models a follow-up asks about: 'why not claude?'")
    compare_top: int | None = Field(
        default=None, ge=2, le=5, description="'compare the top 2': that many of the answer's first models, compared"
    )
    hardware: Hardware | None = Field(default=None, description="the GPUs the model must run on, when self-hosting")
    max_params: float | None = Field(default=None, gt=0, description="a cap on total parameters, in billions")
    precision: Precision | None = Field(default=None, description="the weights' number format, when stated")
    pages_each: int | None = Field(default=None, gt=0, description="the pages of one document: '300-page contracts'")
    pages_per_month: float | None = Field(default=None, gt=0, description="'200 PDFs a day, 80 pages each': pages a month")
    asks_size: bool = Field(default=False, description="the question asks how big a model is: its parameters")
    benchmark: str | None = Field(default=None, description="a benchmark to rank by: 'top 5 on aider polyglot'")
    benchmark_min: float | None = Field(default=None, description="the least score asked on it: 'above 60 on the AA index'")
    families: list[str] = Field(default_factory=list, description="model lines a pick keeps to: 'cheapest claude model'")
    same_price: bool = Field(default=False, description="an alternative that costs no more: 'better at the same price'")
    zero_volume: bool = Field(default=False, description="'what would 0 tokens cost?': $0, and the price per 1M")
    one_off: bool = Field(default=False, description="the volume is one job's, not a month's: 'embed 500M tokens once'")
    input_only: bool = Field(default=False, description="the volume is said as input alone: '1B input tokens, tiny outputs'")
    strict_caps: bool = Field(default=False, description="caps said as 'under'/'below': the cap itself is out")
    rerank: bool = Field(default=False, description="a reranker asked for (no contract kind): 'best reranker for RAG'")
    realtime: bool = Field(default=False, description="a realtime voice model asked for (no contract kind): 'a speech-to-speech voice bot'")
    live: bool = Field(default=False, description="transcription as it is spoken: 'streaming transcription for live captions'")
    off_peak: bool = Field(default=False, description="time-of-day prices asked about: 'any off-peak discounts?'")
    at_hour: int | None = Field(default=None, ge=0, le=23, description="the UTC hour the work runs: 'at 3am'")
    window_days: int | None = Field(default=None, gt=0, description="how far back 'what changed?' looks: 'in the last 2 weeks'")
    window_month: str | None = Field(
        default=None, pattern=r"^\d{4}-\d{2}$", description="the calendar month 'what changed?' asks about: 'in january 2027'"
    )
    # beyond the contract, for the parser's own certainty (a channel listener stays silent below ~0.5)
    confidence: float = Field(default=1.0, ge=0, le=1, description="how sure the parser is of the intent, 0-1")

    def contract(self) -> dict[str, Any]:
        """The parse as JSON-ready data: every contract field, then the extras."""
        data = self.model_dump(mode="json")
        for name in ("tokens_per_month", "min_speed"):
            value = data.get(name)
            if isinstance(value, float) and value.is_integer():
                data[name] = int(value)
        return data
