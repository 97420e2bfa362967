"""When nothing matches: the nearest option, and the one constraint it misses."""

from __future__ import annotations

from collections.abc import Callable
from itertools import combinations
from typing import Any

from bot.catalogue.cost import Mix
from bot.catalogue.store import Catalogue
from bot.contract.policy import Policy
from bot.contract.query import Query
from bot.intents.ranking import rank
from bot.intents.selection import Candidate, Left, candidates
from bot.render import fmt

# each constraint a question can set: the fields that drop it, and how to say what the nearest option misses
Relaxable = tuple[str, dict[str, Any], Callable[[Query, Candidate], str]]
_RELAXABLE: tuple[Relaxable, ...] = (
    (
        "max_monthly_cost",
        {"max_monthly_cost": None},
        lambda q, c: f"costs {fmt.money(c.monthly)} a month, over your {fmt.money(q.max_monthly_cost)}",
    ),
    (
        "max_blended_price",
        {"max_blended_price": None},
        lambda q, c: f"costs {fmt.price(c.blended)}/M blended, over your {fmt.price(q.max_blended_price)}",
    ),
    (
        "max_input_price",
        {"max_input_price": None},
        lambda q, c: f"input is {fmt.price(c.offer.input_price)}/M, over your {fmt.price(q.max_input_price)}",
    ),
    (
        "max_output_price",
        {"max_output_price": None},
        lambda q, c: f"output is {fmt.price(c.offer.output_price)}/M, over your {fmt.price(q.max_output_price)}",
    ),
    (
        "min_context",
        {"min_context": None},
        lambda q, c: f"takes {fmt.tokens(c.offer.input_limit)} of input, under your {fmt.tokens(q.min_context)}",
    ),
    (
        "min_output",
        {"min_output": None},
        lambda q, c: f"outputs at most {fmt.tokens(c.offer.max_output)}, under your {fmt.tokens(q.min_output)}",
    ),
    (
        "max_latency",
        {"max_latency": None},
        lambda q, c: f"takes {fmt.seconds(c.ttft)} to the first token, over your {fmt.seconds(q.max_latency)}",
    ),
    ("min_speed", {"min_speed": None}, lambda q, c: f"runs at {fmt.speed(c.tps)}, under your {fmt.speed(q.min_speed)}"),
    ("input_modalities", {"input_modalities": []}, lambda q, c: f"does not take {', '.join(q.input_modalities)} input"),
    (
        "capabilities",
        {"capabilities": []},
        lambda q, c: f"lacks {', '.join(x.replace('_', ' ') for x in q.capabilities)}",
    ),
    (
        "providers",
        {"providers": []},
        lambda q, c: f"is not sold by {', '.join(q.providers)} (it is at {c.offer.provider_name})",
    ),
    ("region", {"region": None}, lambda q, c: f"has no offer processing data in {(q.region or '').upper()}"),
)


# the nearest miss on a cap or floor is the one closest to it
_NEAREST_BY = {
    "max_monthly_cost": "cost",
    "max_blended_price": "cost",
    "max_input_price": "cost",
    "max_output_price": "cost",
    "min_context": "context",
    "max_latency": "latency",
    "min_speed": "speed",
}
_NEEDS = {"max_latency": "ttft", "min_speed": "tps"}


def nearest(query: Query, catalogue: Catalogue, policy: Policy, mix: Mix) -> str | None:
    """'Nearest: X, which costs $12.00 a month, over your $10.00.': dropping one constraint at a time, else two
    (and saying both it misses); None when even that finds nothing."""
    active = [entry for entry in _RELAXABLE if getattr(query, entry[0])]
    for size in (1, 2):
        for combo in combinations(active, size):
            found = _nearest_without(query, catalogue, policy, mix, combo)
            if found is not None:
                misses = " and ".join(miss(query, found) for _, _, miss in combo)
                return f"Nearest: {found.model.id} ({found.offer.provider_name}), which {misses}."
    return None


def _nearest_without(
    query: Query, catalogue: Catalogue, policy: Policy, mix: Mix, dropped: tuple[Relaxable, ...]
) -> Candidate | None:
    """The best candidate once the `dropped` constraints are lifted, ranked by how near it is to the first one."""
    relaxed: dict[str, Any] = {}
    for _, fields, _ in dropped:
        relaxed.update(fields)
    loose = query.model_copy(update=relaxed)
    first = dropped[0][0]
    found = candidates(loose, catalogue, policy, mix, floor=True, left=Left())
    needs = [_NEEDS[f] for f, _, _ in dropped if f in _NEEDS]
    found = rank(
        [c for c in found if all(getattr(c, n) is not None for n in needs)],
        _NEAREST_BY.get(first, query.sort_by or "value"),
    )
    return found[0] if found else None
