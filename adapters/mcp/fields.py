"""The MCP tools' typed arguments: the parse contract's fields (bot.contract.query.Query), described for a model.

Each tool's signature is built from Query's own field types and limits, so the JSON schema an MCP client sees
and the Query the core answers can never drift apart. Every argument is optional; an argument left out is
what the question did not say.
"""

from __future__ import annotations

import inspect
from typing import Annotated, Any

from pydantic import Field

from bot.contract.query import Query

QUESTION = "question"

DESCRIPTIONS: dict[str, str] = {
    "models": "Model ids or names, e.g. ['gpt-4.1-mini', 'claude sonnet 4.5']; unknown names get a 'did you mean'.",
    "task": "The workload the scores are for; leave out for general use.",
    "sort_by": "What to optimise: cost, quality, speed, latency, context or value.",
    "tokens_per_month": "Monthly volume in tokens, input and output together (50M = 50000000).",
    "input_share": "Fraction of tokens that are input, 0-1 (3:1 input:output = 0.75); default: the task's usual mix.",
    "max_monthly_cost": "Budget in USD per month.",
    "monthly_spend": "What the team spends now on the named models, USD per month (tells the volume).",
    "max_input_price": "Cap in USD per 1M input tokens.",
    "max_output_price": "Cap in USD per 1M output tokens.",
    "max_blended_price": "Cap in USD per 1M tokens at the workload's input/output mix.",
    "min_context": "Smallest context window, in tokens.",
    "min_output": "Smallest maximum output, in tokens.",
    "min_speed": "Slowest acceptable output speed, tokens per second.",
    "max_latency": "Longest acceptable time to first token, seconds.",
    "input_modalities": "Inputs the model must take besides text.",
    "capabilities": "Features the model must have.",
    "providers": "Only these providers (models.dev ids: openai, anthropic, amazon-bedrock, openrouter, ...).",
    "exclude_providers": "Never these providers.",
    "limit": "How many models to show.",
    "cache_hit_rate": "Share of input tokens served from the prompt cache, 0-1.",
    "batch": "True when the work can wait for a batch (discounted) API.",
    "region": "Where the data must be processed.",
    "kind": "A model that is not a chat model (embedding, image generation, speech, transcription).",
    "include_free": "True to let free models count.",
}

WORKLOAD = ("task", "tokens_per_month", "input_share", "monthly_spend", "cache_hit_rate", "batch", "min_context")
WHERE = ("providers", "exclude_providers", "region")
FILTERS = (
    "sort_by",
    "max_monthly_cost",
    "max_input_price",
    "max_output_price",
    "max_blended_price",
    "min_output",
    "min_speed",
    "max_latency",
    "input_modalities",
    "capabilities",
    "limit",
    "kind",
    "include_free",
)

# the typed arguments of each tool (besides `question`)
TOOL_FIELDS: dict[str, tuple[str, ...]] = {
    "compare": ("models", *WORKLOAD, *WHERE),
    "cost": ("models", *WORKLOAD, *WHERE),
    "recommend": (*WORKLOAD, *WHERE, *FILTERS),
}


def signature(fields: tuple[str, ...]) -> inspect.Signature:
    """Keyword-only parameters, each Query's type and limits made optional, plus a free-text `question`."""
    question = inspect.Parameter(
        QUESTION,
        inspect.Parameter.KEYWORD_ONLY,
        default=None,
        annotation=Annotated[
            str | None, Field(description="The question in plain words, instead of the typed arguments.")
        ],
    )
    return inspect.Signature([question, *(_parameter(name) for name in fields)])


def _parameter(name: str) -> inspect.Parameter:
    info = Query.model_fields[name]
    annotation: Any = info.annotation
    optional = annotation | None
    return inspect.Parameter(
        name,
        inspect.Parameter.KEYWORD_ONLY,
        default=None,
        annotation=Annotated[(optional, *info.metadata, Field(description=DESCRIPTIONS[name]))],
    )


def query_from(intent: str, arguments: dict[str, Any]) -> Query:
    """The Query for a tool call's typed arguments (those left out, or None, stay unsaid)."""
    given = {k: v for k, v in arguments.items() if k != QUESTION and v is not None}
    return Query(intent=intent, **given)  # type: ignore[arg-type]


def typed_given(arguments: dict[str, Any]) -> list[str]:
    """The typed arguments a call filled in."""
    return [k for k, v in arguments.items() if k != QUESTION and v is not None and v != []]
