"""The offer an answer quotes for a model it names, and the cheaper seller of the same model, if any."""

from __future__ import annotations

from dataclasses import replace

from bot.catalogue.cost import Mix, blended_price
from bot.catalogue.grouping import Model
from bot.catalogue.offers import Offer
from bot.catalogue.store import Catalogue
from bot.catalogue.workload import rates
from bot.contract.policy import Policy
from bot.contract.query import Query
from bot.intents.constraints import context_need, workload_of
from bot.intents.index import index_for
from bot.intents.selection import Candidate, priced


def cheaper_elsewhere(
    model: Model, chosen: Offer, query: Query, mix: Mix, policy: Policy, catalogue: Catalogue
) -> Offer | None:
    """The cheapest reputable other provider for the same model, when it beats the chosen price."""
    if query.providers:
        return None
    work = workload_of(query, mix)
    here = rates(chosen, work).blended
    best: tuple[float, Offer] | None = None
    reputable = policy.reference_providers
    for offer in index_for(catalogue).offers(model).values():
        if offer.provider == chosen.provider or offer.provider not in reputable:
            continue
        if offer.provider in query.exclude_providers or offer.free or offer.deprecated:
            continue
        if query.min_context and (offer.input_limit or 0) < query.min_context:
            continue
        paid = rates(offer, work)  # at the workload's own rates: its region, batch or tier, cache hits
        if query.region and paid.out_of_region:
            continue
        if work.tier and any(m.startswith(f"no {work.tier} price") for m in paid.missing):
            continue  # its standard price is no saving on the tier asked for
        price = paid.blended
        if price is not None and here is not None and price < here * 0.98 and (best is None or price < best[0]):
            best = (price, offer)
    return best[1] if best else None


def with_cheaper(
    cands: list[Candidate], query: Query, mix: Mix, policy: Policy, catalogue: Catalogue
) -> list[Candidate]:
    """The candidates with the cheaper other provider, if any, filled in (only for rows shown)."""
    return [replace(c, cheaper=cheaper_elsewhere(c.model, c.offer, query, mix, policy, catalogue)) for c in cands]


def display_candidate(model: Model, query: Query, catalogue: Catalogue, policy: Policy, mix: Mix) -> Candidate:
    """A named model at the offer an answer should quote, whatever the filters say.

    Among the sellers processing in the region asked (when any does): the named provider's offer, else the
    maker's own, else the cheapest default provider, else the
    cheapest priced offer anywhere, else the reference listing (prices unknown).
    """
    by_provider = index_for(catalogue).offers(model, query.include_free)
    context = context_need(query)
    offers = list(model.offers)
    if query.region and not query.providers:  # "is deepseek-v4-pro on a US-hosted provider?": sellers processing there
        work = workload_of(query, mix)
        local = {p: o for p, o in by_provider.items() if not rates(o, work).out_of_region}
        if local:
            by_provider, offers = local, [o for o in offers if o.provider in local]

    def cheapest(offers: list[Offer]) -> Offer | None:
        paid = [o for o in offers if o.priced and not o.free]
        priced = [o for o in paid if not o.deprecated] or paid  # a retired listing only when no live one is left
        return min(priced, key=lambda o: blended_price(o, mix.share, context) or 0.0) if priced else None

    offer = None
    if query.providers:
        offer = next((by_provider[p] for p in query.providers if p in by_provider), None)
    if offer is None:
        offer = next((o for o in offers if o.first_party and o.priced and not o.free and not o.deprecated), None)
    if offer is None:
        offer = cheapest([o for o in by_provider.values() if o.provider in policy.default_providers])
    if offer is None:
        offer = cheapest([o for o in by_provider.values() if o.provider in policy.fallback_providers])
    if offer is None:
        offer = cheapest(list(by_provider.values())) or model.reference
    cand = priced(
        model,
        offer,
        query,
        mix,
        catalogue.task_score(model, query.task),
        index_for(catalogue).speed(model, offer.provider),
    )
    return replace(cand, cheaper=cheaper_elsewhere(model, offer, query, mix, policy, catalogue))
