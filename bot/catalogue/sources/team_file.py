"""A team's own prices and private models (WHICHMODEL_EXTRA=/path.yaml), validated like `knowledge/`.

source: our Azure agreement, 2026-11
as_of: 2026-11-01
overrides:                       # negotiated prices replace the listed ones
  - {provider: azure, model: gpt-4.1-mini, input: 0.30, output: 1.20}
models:                          # models only this team can use
  - {provider: ourcloud, id: our-llama-70b, name: Our Llama 70B, input: 0.20, output: 0.20, context: 128000}
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from bot.catalogue.knowledge import load_file
from bot.catalogue.names import model_key
from bot.catalogue.offers import Offer


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class PriceOverride(_Strict):
    provider: str
    model: str = Field(description="the provider's model id or the canonical id")
    input: float | None = Field(default=None, ge=0)
    output: float | None = Field(default=None, ge=0)
    cache_read: float | None = Field(default=None, ge=0)


class PrivateModel(_Strict):
    provider: str
    id: str
    name: str
    input: float = Field(ge=0)
    output: float = Field(ge=0)
    context: int = Field(gt=0)
    max_output: int | None = Field(default=None, gt=0)
    input_modalities: list[str] = Field(default_factory=lambda: ["text"])
    tool_calling: bool = False
    structured_output: bool | None = None
    reasoning: bool = False
    open_weights: bool = False
    release_date: date | None = None


class ExtraFile(_Strict):
    source: str
    as_of: date
    overrides: list[PriceOverride] = Field(default_factory=list)
    models: list[PrivateModel] = Field(default_factory=list)


def load_extra(path: Path) -> ExtraFile:
    """Read and validate the team's file (KnowledgeError names file, entry and field)."""
    return load_file(path, ExtraFile)


def _private_offer(m: PrivateModel) -> Offer:
    return Offer(
        provider=m.provider,
        provider_name=m.provider,
        id=m.id,
        name=m.name,
        family=None,
        kind="chat",
        input_price=m.input,
        output_price=m.output,
        cache_read_price=None,
        cache_write_price=None,
        tiers=(),
        context=m.context,
        max_input=None,
        max_output=m.max_output,
        input_modalities=("text", *[x for x in m.input_modalities if x != "text"]),
        output_modalities=("text",),
        tool_calling=m.tool_calling,
        structured_output=m.structured_output,
        reasoning=m.reasoning,
        open_weights=m.open_weights,
        release_date=m.release_date,
        last_updated=None,
        knowledge_cutoff=None,
        status=None,
    )


def apply_extra(offers: list[Offer], extra: ExtraFile) -> tuple[list[Offer], list[str]]:
    """Offers with the team's prices applied and private models added, and what did not apply."""
    problems: list[str] = []
    out = list(offers)
    for i, rule in enumerate(extra.overrides):
        key = model_key(rule.model)
        hits = [
            j
            for j, o in enumerate(out)
            if o.provider == rule.provider and (o.id == rule.model or model_key(o.id) == key)
        ]
        if not hits:
            problems.append(f"extra: overrides[{i}] names {rule.model} at {rule.provider}, which the catalogue lacks")
        for j in hits:
            o = out[j]
            out[j] = replace(
                o,
                input_price=o.input_price if rule.input is None else rule.input,
                output_price=o.output_price if rule.output is None else rule.output,
                cache_read_price=o.cache_read_price if rule.cache_read is None else rule.cache_read,
            )
    taken = {(o.provider, o.id) for o in out}
    for i, m in enumerate(extra.models):
        if (m.provider, m.id) in taken:
            problems.append(f"extra: models[{i}] {m.id} at {m.provider} is already in the catalogue; use overrides")
            continue
        out.append(_private_offer(m))
    return out, problems
