"""The cost model: what a workload costs on an offer.

Monthly cost = tokens x (input share x input price + (1 - input share) x output price) / 1M. The input
share comes from the question, else the task profile's default, else 0.75 (3:1, the usual blended
convention). Long-context tiers apply when the question needs more context than a tier's threshold.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bot.catalogue.offers import Offer

DEFAULT_SHARE = 0.75
STANDARD_VOLUMES = (1_000_000, 10_000_000, 100_000_000)
PER_MILLION = 1_000_000


@dataclass(frozen=True, slots=True)
class Mix:
    """The input share used and where it came from."""

    share: float
    origin: Literal["question", "task", "default"]
    task: str | None = None


def mix_for(input_share: float | None, task: str | None, task_share: float | None) -> Mix:
    """The input share to price with: the question's, else the task's default, else 3:1."""
    if input_share is not None:
        return Mix(input_share, "question", task)
    if task is not None and task_share is not None:
        return Mix(task_share, "task", task)
    return Mix(DEFAULT_SHARE, "default", task)


def blended_price(offer: Offer, share: float, context_tokens: int | None = None) -> float | None:
    """Average USD per 1M tokens at this input share (None when a price is unknown)."""
    inp, out = offer.prices_at(context_tokens)
    if inp is None or out is None:
        return None
    return share * inp + (1 - share) * out


def monthly_cost(offer: Offer, tokens: float, share: float, context_tokens: int | None = None) -> float | None:
    """USD per month for `tokens` tokens at this input share."""
    blended = blended_price(offer, share, context_tokens)
    return None if blended is None else tokens * blended / PER_MILLION


def tier_applies(offer: Offer, context_tokens: int | None) -> bool:
    """A long-context price tier applies at this context size."""
    return bool(context_tokens) and any(context_tokens > t.above_tokens for t in offer.tiers)  # type: ignore[operator]


def cached_cost(offer: Offer, tokens: float, share: float, hit_rate: float = 0.5) -> float | None:
    """Monthly cost if `hit_rate` of input tokens are cache reads (None without a cache price)."""
    if offer.cache_read_price is None or offer.input_price is None or offer.output_price is None:
        return None
    inp = hit_rate * offer.cache_read_price + (1 - hit_rate) * offer.input_price
    return tokens * (share * inp + (1 - share) * offer.output_price) / PER_MILLION
