"""The curated knowledge files shipped in `knowledge/`: typed, validated, and loaded with clear errors.

Each file is YAML with a typed shape below. A malformed file fails with a `KnowledgeError` naming the
file, the entry and the field. Cross-references (a score for a model the catalogue lacks, an unknown
metric or source) are not load errors: the catalogue collects them as problems for `catalogue check`.
"""

from __future__ import annotations

from datetime import date
from importlib import resources
from pathlib import Path
from typing import Literal, TypeVar, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic.dataclasses import dataclass

from bot.catalogue.records import quick_unpickle
from bot.contract.vocab import Task as QueryTask

Task = Literal[QueryTask, "general"]
TASKS: tuple[str, ...] = (*get_args(QueryTask), "general")


_ROW = ConfigDict(extra="forbid", defer_build=True)


class _Strict(BaseModel):
    # defer_build: schemas are built on first validation, not at import (a cached catalogue never needs them)
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Maker(_Strict):
    """Who makes a line of models, and which providers sell the maker's own (first-party) offers."""

    id: str
    name: str
    providers: list[str] = Field(default_factory=list, description="first-party providers, primary first")
    patterns: list[str] = Field(min_length=1, description="regexes searched in a model's normalised key")


class MakersFile(_Strict):
    source: str
    as_of: date
    makers: list[Maker]


class AliasesFile(_Strict):
    """Names people type and names reference sources use, each pointing at a canonical model id.

    An alias that normalises to an offer's key also groups that offer under the target model
    (e.g. Bedrock's `meta.llama3-3-70b-instruct-v1:0` under `llama-3.3-70b-instruct`).
    """

    source: str
    as_of: date
    aliases: dict[str, list[str]]
    lines: dict[str, list[str]] = Field(
        default_factory=dict,
        description="ambiguous names (a model line, e.g. 'sonnet') and the models of that line",
    )
    distinct: list[str] = Field(
        default_factory=list,
        description="dated snapshots kept apart from the undated model their id normalises to",
    )


class Source(_Strict):
    id: str
    name: str
    url: str
    licence: str
    as_of: date
    attribution: str | None = None
    vendor_reported: bool = False
    notes: str | None = None
    ttft_definition: str | None = Field(default=None, description="what this source's TTFT measures, one definition")


class SourcesFile(_Strict):
    sources: list[Source]


class Metric(_Strict):
    """A measurement and how its raw values map onto 0-100 (low -> 0, high -> 100, clipped).

    `ranges` holds each source snapshot's own (lowest, highest) value of the metric, written by the derive
    script: a figure maps onto 0-100 across its own snapshot's range, so the frontier of a newer snapshot does
    not saturate at 100. The curated `low` and `high` anchors stand where a snapshot has no range."""

    id: str
    name: str
    unit: str
    low: float
    high: float
    description: str
    ranges: dict[str, tuple[float, float]] = Field(default_factory=dict, description="source id -> (low, high)")
    family: str | None = Field(default=None, description="the measurement this is a version of (one piece of evidence)")

    @field_validator("high")
    @classmethod
    def _span(cls, high: float, info) -> float:  # type: ignore[no-untyped-def]
        low = info.data.get("low")
        if low is not None and high == low:
            raise ValueError("high must differ from low")
        return high

    def normalise(self, value: float, source: str | None = None) -> float:
        """The value on a 0-100 scale: across `source`'s own snapshot range where known, else the anchors."""
        low, high = self.ranges.get(source, (self.low, self.high)) if source else (self.low, self.high)
        if high == low:
            low, high = self.low, self.high
        return max(0.0, min(100.0, 100.0 * (value - low) / (high - low)))


class MetricsFile(_Strict):
    metrics: list[Metric]


class TaskProfile(_Strict):
    description: str
    input_share: float = Field(ge=0, le=1, description="default fraction of tokens that are input")
    metrics: dict[str, float] = Field(min_length=1, description="metric id -> weight")

    @field_validator("metrics")
    @classmethod
    def _weights(cls, metrics: dict[str, float]) -> dict[str, float]:
        if any(w <= 0 for w in metrics.values()):
            raise ValueError("weights must be positive")
        return metrics


class Tiers(_Strict):
    strong: float
    good: float
    usable: float


class TasksFile(_Strict):
    as_of: date
    source: str
    tiers: Tiers
    min_coverage: float = Field(ge=0, le=1)
    tasks: dict[Task, TaskProfile]

    @field_validator("tasks")
    @classmethod
    def _all_tasks(cls, tasks: dict[str, TaskProfile]) -> dict[str, TaskProfile]:
        missing = [t for t in TASKS if t not in tasks]
        if missing:
            raise ValueError(f"missing task profiles: {', '.join(missing)}")
        return tasks


@quick_unpickle
@dataclass(frozen=True, slots=True, kw_only=True, config=_ROW)
class Score:
    """One metric's value for a model, from one source (a plain slotted row: thousands load from the cache)."""

    metric: str
    value: float
    source: str
    as_of: date
    vendor_reported: bool
    variant: str | None = None
    source_name: str | None = None


class ScoresFile(_Strict):
    scores: dict[str, list[Score]]


MIN_TPS = 5.0  # below this a served model's output speed is not a plausible measurement
MAX_TTFT_S = 300.0  # a time to first token over 5 minutes is not a plausible measurement


@quick_unpickle
@dataclass(frozen=True, slots=True, kw_only=True, config=_ROW)
class SpeedVariant:
    """The same model measured at another reasoning effort or mode, listed beside the headline figure."""

    variant: str
    output_tps: float | None = Field(default=None, ge=MIN_TPS)
    ttft_s: float | None = Field(default=None, gt=0, le=MAX_TTFT_S)


@quick_unpickle
@dataclass(frozen=True, slots=True, kw_only=True, config=_ROW)
class Speed:
    """A source's headline speed for a model (at the default reasoning effort where it measured several)."""

    provider: str | None = None
    output_tps: float | None = Field(default=None, ge=MIN_TPS)
    ttft_s: float | None = Field(default=None, gt=0, le=MAX_TTFT_S)
    source: str
    as_of: date
    source_name: str | None = None
    variant: str | None = Field(default=None, description="the source's mode or effort setting measured")
    others: list[SpeedVariant] = Field(default_factory=list, description="the other efforts or modes measured")

    @property
    def thinking_off(self) -> bool:
        """Measured with thinking off: the source lists a thinking or reasoning run of the model beside it
        (Artificial Analysis names 'claude-4-5-sonnet' and 'claude-4-5-sonnet-thinking' apart)."""
        return self.variant is None and any(o.variant in THINKING_MODES for o in self.others)

    @property
    def mode(self) -> str | None:
        """The mode or effort measured, as a label: 'high effort', 'thinking off', or None for one setting."""
        return self.variant or ("thinking off" if self.thinking_off else None)


THINKING_MODES = frozenset({"thinking", "reasoning", "extended thinking"})

class SpeedsFile(_Strict):
    speeds: dict[str, list[Speed]]


@quick_unpickle
@dataclass(frozen=True, slots=True, kw_only=True, config=_ROW)
class Parameters:
    """A model's size in billions of parameters: all of them, and those active per token (mixture of experts)."""

    total: float = Field(gt=0)
    active: float | None = Field(default=None, gt=0, description="None: a dense model, or the source gives none")
    open_weights: bool = Field(default=False, description="the source lists the weights as downloadable")
    source: str
    as_of: date
    source_name: str | None = None


class ParametersFile(_Strict):
    parameters: dict[str, Parameters]


class Knowledge(_Strict):
    """Everything in `knowledge/`, validated."""

    makers: MakersFile
    aliases: AliasesFile
    source_names: AliasesFile
    sources: SourcesFile
    metrics: MetricsFile
    tasks: TasksFile
    scores: ScoresFile
    speeds: SpeedsFile
    parameters: ParametersFile


FILES: dict[str, type[BaseModel]] = {
    "makers": MakersFile,
    "aliases": AliasesFile,
    "source_names": AliasesFile,
    "sources": SourcesFile,
    "metrics": MetricsFile,
    "tasks": TasksFile,
    "scores": ScoresFile,
    "speeds": SpeedsFile,
    "parameters": ParametersFile,
}


class KnowledgeError(ValueError):
    """A knowledge file that cannot be read or does not match its schema."""


M = TypeVar("M", bound=BaseModel)


def _yaml_load(text: str) -> object:
    """Parse YAML with libyaml when present (several times faster); yaml is imported only when needed."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)


def knowledge_dir() -> Path:
    """Where the shipped knowledge files live (inside the installed package)."""
    return Path(str(resources.files("bot.knowledge")))


def _describe(exc: ValidationError, path: Path) -> str:
    err = exc.errors()[0]
    loc = [str(p) for p in err["loc"]]
    field = loc[-1] if loc else "?"
    entry = ".".join(loc[:-1]) or "(top level)"
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return f"{path.name}: entry {entry}: field '{field}': {err['msg']}{more}"


def load_file(path: Path, schema: type[M]) -> M:
    """Read and validate one knowledge file, raising KnowledgeError with file, entry and field."""
    import yaml

    try:
        raw = _yaml_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise KnowledgeError(f"{path.name}: cannot read: {exc.strerror}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        raise KnowledgeError(f"{path.name}:{where}: not valid YAML: {getattr(exc, 'problem', exc)}") from None
    try:
        return schema.model_validate(raw)
    except ValidationError as exc:
        raise KnowledgeError(_describe(exc, path)) from None


def load_knowledge(directory: Path | None = None) -> Knowledge:
    """Load every knowledge file from `directory` (default: the shipped files)."""
    base = directory or knowledge_dir()
    parts = {name: load_file(base / f"{name}.yaml", schema) for name, schema in FILES.items()}
    return Knowledge.model_construct(**parts)
