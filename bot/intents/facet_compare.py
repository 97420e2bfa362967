"""A comparison that asks one fact ("which has the later knowledge cutoff, X or Y?"): that fact answered first."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.catalogue.store import Catalogue
from bot.intents.selection import Candidate
from bot.render import fmt

# facet -> (how a value reads, what the one with the largest value has)
_FACTS: dict[str, tuple[Callable[[Any], str], str]] = {
    "knowledge_cutoff": (str, "the later knowledge cutoff"),
    "context": (lambda v: f"{fmt.tokens(v)} tokens", "the larger context window"),
    "max_output": (lambda v: f"{fmt.tokens(v)} tokens", "the larger maximum output"),
    "release_date": (fmt.day, "the newer release"),
}


def _value(c: Candidate, facet: str) -> Any:
    if facet == "release_date":
        return c.model.release_date
    return getattr(c.offer, facet, None) or getattr(c.model.reference, facet, None)


def facet_sentence(cands: list[Candidate], facet: str | None, catalogue: Catalogue) -> str | None:
    """'claude-sonnet-4-5 has the later knowledge cutoff: 2025-07-31, against gpt-5.1's 2024-09-30.'"""
    if facet == "open_weights":
        have = [c.model.id for c in cands if catalogue.open_weights(c.model)]
        lack = [c.model.id for c in cands if not catalogue.open_weights(c.model)]
        if not have:
            return f"None of them has open weights ({', '.join(lack)})."
        return f"Open weights: {', '.join(have)}" + (f"; not {', '.join(lack)}." if lack else ".")
    if facet not in _FACTS:
        return None
    show, what = _FACTS[facet]
    noun = what.split(" ", 2)[-1]  # "knowledge cutoff"
    known = [(c, _value(c, facet)) for c in cands]
    valued = [(c, v) for c, v in known if v is not None]
    missing = "".join(f"; {c.model.id}: no data" for c, v in known if v is None)
    if not valued:
        return f"No source gives the {noun} of {', '.join(c.model.id for c in cands)}: no data."
    best, top = max(valued, key=lambda cv: str(cv[1]) if facet == "knowledge_cutoff" else cv[1])
    if len(valued) > 1 and all(v == top for _, v in valued):
        return f"They have the same {noun}: {show(top)}{missing}."
    others = ", ".join(f"{c.model.id}'s {show(v)}" for c, v in valued if c is not best)
    return f"{best.model.id} has {what}: {show(top)}" + (f", against {others}" if others else "") + f"{missing}."
