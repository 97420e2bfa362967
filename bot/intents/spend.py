"""A spend is a volume: "we spend $5k/mo on gpt-4o" tells how many tokens the team runs, and so what others would cost.

The volume is the spend over the named model's blended price at its default offer and the question's mix (else the
task's, else 3:1); the answer states both, and the saving of each alternative a month and a year, in $ and in %.
"""

from __future__ import annotations

from bot.catalogue.cost import PER_MILLION
from bot.catalogue.grouping import Model
from bot.catalogue.store import Catalogue
from bot.contract.answer import Answer
from bot.contract.policy import Policy
from bot.contract.query import Query
from bot.intents.constraints import mix_of
from bot.intents.quoted import display_candidate
from bot.render import fmt
from bot.render.wording import mix_text


def volume_from_spend(query: Query, current: Model, catalogue: Catalogue, policy: Policy) -> tuple[Query, str]:
    """The query with the volume the spend buys on `current`, and the sentence that says how it was worked out."""
    mix = mix_of(query, catalogue)
    cand = display_candidate(current, query, catalogue, policy, mix)
    spend = query.monthly_spend or 0.0
    if cand.blended is None or cand.blended <= 0:
        return (
            query,
            f"I have no price for {current.id}, so I cannot tell the volume your {fmt.money(spend)} a month buys.",
        )
    tokens = spend / cand.blended * PER_MILLION
    sentence = (
        f"{fmt.money(spend)} a month on {current.id} ({fmt.price(cand.blended)}/M blended at {cand.offer.provider_name}, "
        f"{mix_text(mix)}) is about {fmt.tokens(tokens)} tokens a month."
    )
    return query.model_copy(update={"tokens_per_month": tokens}), sentence


def saving_sentences(answer: Answer, current: str, spend: float, limit: int = 3) -> list[str]:
    """'gpt-4o-mini would cost $300.00 a month: $4,700.00 less ($56,400.00 a year, 94% less).'"""
    out = []
    for r in answer.rows:
        if r.model == current or r.monthly_cost is None:
            continue
        diff = spend - r.monthly_cost
        pct = abs(diff) / spend * 100 if spend else 0.0
        if abs(diff) < 0.005:
            out.append(f"{r.model} would cost the same, {fmt.money(r.monthly_cost)} a month.")
            continue
        word = "less" if diff > 0 else "more"
        out.append(
            f"{r.model} would cost {fmt.money(r.monthly_cost)} a month: {fmt.money(abs(diff))} {word} "
            f"({fmt.money(abs(diff) * 12)} a year, {pct:.0f}% {word})."
        )
    return out[:limit]


def with_spend(answer: Answer, query: Query, current: str, how: str) -> Answer:
    """The answer led by how the spend became a volume and what each other model would save."""
    lead = [how]
    if query.monthly_spend and not answer.error:
        lead += saving_sentences(answer, current, query.monthly_spend)
    answer.verdict = " ".join([*lead, answer.verdict or ""]).strip()
    return answer
