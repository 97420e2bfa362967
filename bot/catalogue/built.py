"""The built catalogue: every canonical model with its offers, scores, speeds and sources, and its lookups.

Treat it as read-only: it is shared by every request of a process and kept in the build cache.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from typing import Any

from bot.catalogue.grouping import Model
from bot.catalogue.knowledge import Knowledge, Metric, Parameters, Score, Source, Speed, TaskProfile
from bot.catalogue.names import clean_id, model_key
from bot.catalogue.offers import Offer, Snapshot
from bot.catalogue.scores import TaskScore, task_score

Index = Callable[["Catalogue"], Any]
# efforts nearest a maker's default, first: what stands in for a default effort no source measured
_EFFORTS = ("medium effort", "high effort", "xhigh effort", "max effort", "low effort", "minimal effort")
_NEAREST_DEFAULT = {v: i for i, v in enumerate(_EFFORTS)}


def stand_in(sp: Speed) -> Speed:
    """`sp` with the nearest measured effort as its headline figure when the default effort has none."""
    if sp.output_tps is not None or sp.ttft_s is not None or not sp.others:
        return sp
    measured = [o for o in sp.others if o.output_tps is not None or o.ttft_s is not None]
    if not measured:
        return sp
    last = len(_NEAREST_DEFAULT)
    pick = min(measured, key=lambda o: _NEAREST_DEFAULT.get(o.variant, last + (o.variant == "non-reasoning")))
    return replace(
        sp, output_tps=pick.output_tps, ttft_s=pick.ttft_s, variant=f"{pick.variant}; default not measured",
        others=[o for o in sp.others if o is not pick],
    )  # fmt: skip


def index_name(build: Index) -> str:
    """The key a derived index is kept under: the builder's module and name."""
    return f"{build.__module__}.{build.__qualname__}"


@dataclass
class Catalogue:
    """Models, offers and curated knowledge, with lookups. Treat as read-only."""

    snapshot: Snapshot
    knowledge: Knowledge
    models: tuple[Model, ...]
    problems: tuple[str, ...]
    warnings: tuple[str, ...]
    by_id: dict[str, Model]
    by_key: dict[str, Model]
    metrics: dict[str, Metric]
    sources: dict[str, Source]
    by_exact: dict[str, Model] = field(default_factory=dict, repr=False)
    price_sources: dict[str, Snapshot] = field(default_factory=dict)
    source_counts: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, dict[str, int]] = field(default_factory=dict)
    pointers: dict[str, str] = field(default_factory=dict)
    _task_scores: dict[tuple[str, str], TaskScore] = field(default_factory=dict, repr=False)
    _speeds: dict[str, list[Speed]] = field(default_factory=dict, repr=False)
    _derived: dict[str, Any] = field(default_factory=dict, repr=False)
    _by_builder: dict[Index, Any] = field(default_factory=dict, repr=False)  # the same, keyed by the builder itself

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        state["_task_scores"] = {}
        state["_speeds"] = {}
        state["_by_builder"] = {}
        return state

    def index(self, build: Index) -> Any:
        """The index `build` derives from this catalogue (name lookups, suggestion lists, ...), built on first use.

        Builders passed to `load_catalogue(indexes=...)` are built with the catalogue and kept in the build cache.
        """
        value = self._by_builder.get(build)  # answers ask once per model they weigh: no name to build each time
        if value is None:
            name = index_name(build)
            value = self._derived.get(name)
            if value is None:
                value = self._derived[name] = build(self)
            self._by_builder[build] = value
        return value

    # --- lookups -----------------------------------------------------------------------------------

    def model(self, name: str) -> Model | None:
        """A model by id, offer id, or alias (exact after normalisation; no fuzzy matching)."""
        return (
            self.by_id.get(name)
            or self.by_id.get(name.lower())
            or self.by_exact.get(clean_id(name))
            or self.by_key.get(model_key(name))
        )

    def scores(self, model: Model) -> list[Score]:
        return self.knowledge.scores.scores.get(model.id, [])

    def parameters(self, model: Model) -> Parameters | None:
        """The model's total and active parameters (billions) with their source; None when no source gives them."""
        return self.knowledge.parameters.parameters.get(model.id)

    def open_weights(self, model: Model) -> bool:
        """Whether the model's weights can be downloaded: its offers say so, or the source of its size does."""
        size = self.parameters(model)
        return model.open_weights or (size is not None and size.open_weights)

    def speeds(self, model: Model) -> list[Speed]:
        """The model's speed entries; where a source did not measure the default effort, the nearest effort it did
        measure stands as the headline, labelled with that effort ("high effort; default not measured")."""
        found = self._speeds.get(model.id)
        if found is None:
            found = self._speeds[model.id] = [stand_in(s) for s in self.knowledge.speeds.speeds.get(model.id, [])]
        return found

    def speed(self, model: Model, provider: str | None = None) -> Speed | None:
        """The speed figure for a model at a provider.

        The headline figure (measured on the maker's API) stands for the maker's own offers; another
        provider's own figure stands for that provider, else the headline figure does. One provider's figure
        never stands for another's (Cerebras's first token is not Bedrock's); with no provider named, any does.
        """
        entries = self.speeds(model)
        if not entries:
            return None
        own = [s for s in entries if provider and s.provider == provider]
        headline = [s for s in entries if s.provider is None]
        makers_own = provider is not None and any(o.first_party and o.provider == provider for o in model.offers)
        pool = (headline or own) if makers_own else (own or headline) if provider else (headline or entries)
        if not pool:
            return None
        return max(pool, key=lambda s: (s.output_tps is not None, s.ttft_s is not None, s.as_of))

    def profile(self, task: str | None) -> TaskProfile:
        return self.knowledge.tasks.tasks[task or "general"]  # type: ignore[index]

    def task_score(self, model: Model, task: str | None) -> TaskScore:
        """The model's 0-100 score for a task (`general` when no task), with coverage and tier."""
        name = task or "general"
        cached = self._task_scores.get((model.id, name))
        if cached is None:
            tasks = self.knowledge.tasks
            cached = task_score(name, tasks.tasks[name], self.scores(model), self.metrics, tasks.tiers)  # type: ignore[index]
            self._task_scores[(model.id, name)] = cached
        return cached

    def prices_as_of(self) -> dict[str, date | None]:
        """Each price source's as-of date (models.dev, LiteLLM, genai-prices)."""
        return {k: s.as_of for k, s in self.price_sources.items()}

    def disagreements(self) -> list[tuple[Model, Offer]]:
        """Offers whose sources disagree on the list price (each claim with its date in `offer.disagreement`)."""
        return [(m, o) for m in self.models for o in m.offers if o.disagreement]

    def source(self, source_id: str) -> Source | None:
        return self.sources.get(source_id)

    def chat_models(self) -> list[Model]:
        return [m for m in self.models if m.kind == "chat"]

    @cached_property
    def providers(self) -> dict[str, str]:
        """Provider id -> display name (worked out once: it walks every offer)."""
        out: dict[str, str] = {}
        for m in self.models:
            for o in m.offers:
                out.setdefault(o.provider, o.provider_name)
        return out
