"""A model being retired, said first: when an alternative is asked for a model its maker (or a big cloud) retires
soon or has retired, the answer leads with the date and the successor named, priced beside it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from bot.catalogue.cost import Mix
from bot.catalogue.grouping import Model
from bot.catalogue.offers import Offer, current_day
from bot.catalogue.store import Catalogue
from bot.contract.policy import BIG_CLOUDS, Policy
from bot.contract.query import Query
from bot.intents.quoted import display_candidate
from bot.intents.selection import Candidate
from bot.render import fmt

AHEAD_DAYS = 180  # a retirement this far ahead is news to someone asking for an alternative


@dataclass(frozen=True, slots=True)
class Retirement:
    """Where and when a model goes, and the successor its seller names (priced, when the catalogue has it)."""

    offer: Offer
    when: date
    successor: Candidate | None


def retirement(model: Model, query: Query, catalogue: Catalogue, policy: Policy, mix: Mix, today: date) -> Retirement | None:
    """The soonest retirement of `model` at its maker's API or a big cloud, past or within `AHEAD_DAYS`, preferring
    one that names a successor; None when none is dated."""
    dated = [
        o
        for o in model.offers
        if o.deprecation_date is not None
        and (o.first_party or o.provider in BIG_CLOUDS)
        and (o.deprecation_date - today).days <= AHEAD_DAYS
    ]
    if not dated:
        return None
    offer = min(dated, key=lambda o: (o.successor_id is None, not o.first_party, o.deprecation_date))
    heir = catalogue.model(offer.successor_id) if offer.successor_id else None
    successor = display_candidate(heir, query, catalogue, policy, mix) if heir is not None and heir.id != model.id else None
    return Retirement(offer, offer.deprecation_date, successor)  # type: ignore[arg-type]


def retirement_sentence(model: Model, base: Candidate, gone: Retirement, today: date, task: str) -> str:
    """'OpenAI retires gpt-4o on 2027-01-14, in 41 days, and names gpt-6-luna as its successor ($0.20/M blended
    against $4.38/M, 16 points higher on general use).'"""
    days = (gone.when - today).days
    when = f"retired {model.id} on {fmt.day(gone.when)}" if days <= 0 else f"retires {model.id} on {fmt.day(gone.when)}, in {days} days"
    text = f"{gone.offer.provider_name} {when}"
    heir = gone.successor
    if heir is None:
        return text + (", and names a successor my data does not hold." if gone.offer.successor_id else ".")
    gap = None if heir.score.score is None or base.score.score is None else round(heir.score.score) - round(base.score.score)
    quality = (
        f"no {task} score to compare" if gap is None
        else f"the same score on {task}" if gap == 0
        else f"{abs(gap)} points {'higher' if gap > 0 else 'lower'} on {task}"
    )  # fmt: skip
    ratio = fmt.ratio(heir.blended, base.blended)
    price = "at the same price" if ratio is not None and abs(ratio - 1) < 0.005 else f"{fmt.price(heir.blended)}/M blended against {fmt.price(base.blended)}/M"
    return f"{text}, and names {heir.model.id} as its successor ({price}, {quality})."


def retirement_verdict(
    model: Model, base: Candidate, gone: Retirement, shown: list[Candidate], verdict: str, differs: Callable[[Candidate], str], task: str
) -> str:
    """The retirement and its successor first, then the next alternative ('Also X: ...'), or the alternatives'
    own verdict when no successor is named."""
    heir = gone.successor.model.id if gone.successor is not None else None
    later = [c for c in shown if c.model.id != heir]
    rest = verdict if heir is None else f"Also {later[0].model.id}: {differs(later[0])}." if later else ""
    return f"{retirement_sentence(model, base, gone, current_day(), task)} {rest}".strip()
