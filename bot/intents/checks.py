"""A query's hard constraints read once, then applied to offer after offer (a list weighs every offer there is)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.catalogue.cost import PER_MILLION, blended_price
from bot.catalogue.knowledge import Speed
from bot.catalogue.offers import Offer
from bot.catalogue.workload import Workload, pays_list_price, rates
from bot.contract.query import Query


def caps_on_list_prices(work: Workload, max_blended: float | None, budget: float | None) -> bool:
    """The price caps are on list prices alone: no tier, region, cache hits or long context changes what an offer
    charges, and no cap needs the mix (blended) or the volume (a budget)."""
    plain = not (work.tier or work.region or work.cache_hit_rate or work.context)
    return plain and max_blended is None and budget is None


@dataclass(frozen=True, slots=True)
class Checks:
    """What an offer must satisfy for one query and workload, with the query's fields copied out of it."""

    work: Workload
    include_free: bool
    min_context: int | None
    min_output: int | None
    modalities: frozenset[str]
    capabilities: tuple[str, ...]
    region: str | None
    max_input: float | None
    max_output: float | None
    max_blended: float | None
    budget: float | None  # a monthly cap, when the question also gives the volume it caps
    min_speed: float | None
    max_latency: float | None
    priced: bool  # some constraint depends on the price this workload pays
    strict: bool = False  # "under $1/M": an offer at exactly the cap is over it
    list_caps: bool = False  # the caps are on list prices alone (`caps_on_list_prices`): checked with what an offer is

    @classmethod
    def of(cls, query: Query, work: Workload) -> Checks:
        """The checks for `query`, priced at `work`."""
        budget = query.max_monthly_cost if query.tokens_per_month is not None else None
        caps = (query.max_input_price, query.max_output_price, query.max_blended_price, budget)
        return cls(
            work=work,
            include_free=query.include_free,
            min_context=query.min_context or None,
            min_output=query.min_output or None,
            modalities=frozenset(query.input_modalities),
            capabilities=tuple(query.capabilities),
            region=query.region,
            max_input=query.max_input_price,
            max_output=query.max_output_price,
            max_blended=query.max_blended_price,
            budget=budget,
            min_speed=query.min_speed,
            max_latency=query.max_latency,
            priced=bool(query.region) or any(cap is not None for cap in caps),
            strict=query.strict_caps,
            list_caps=caps_on_list_prices(work, query.max_blended_price, budget),
        )

    @property
    def dynamic(self) -> bool:
        """Whether any check depends on the workload's price or on speed (else `dynamic_problem` passes all)."""
        return self.priced and not self.list_caps or self.min_speed is not None or self.max_latency is not None

    @property
    def static_key(self) -> tuple:
        """What `static_problem` reads: an offer passes those checks alike for every query that has them."""
        caps = (self.max_input, self.max_output, self.strict) if self.list_caps else None
        return (self.include_free, self.min_context, self.min_output, self.modalities, self.capabilities, caps)

    def problem(self, offer: Offer, speed: Speed | None) -> str | None:
        """Why the offer fails (None when it passes), the cheapest checks first."""
        return self.static_problem(offer) or self.dynamic_problem(offer, speed)

    def dynamic_problem(self, offer: Offer, speed: Speed | None) -> str | None:
        """Why the offer fails the checks that depend on the workload's price or on speed (None when it passes)."""
        if self.priced and not self.list_caps:
            problem = self._price_problem(offer)
            if problem is not None:
                return problem
        if self.min_speed is not None or self.max_latency is not None:
            return self.speed_problem(speed)
        return None

    def static_problem(self, offer: Offer) -> str | None:
        """Why the offer fails the checks on what it is: a price, context, output, inputs, features."""
        inp, out = offer.input_price, offer.output_price
        if inp is None or out is None:
            return "no price"
        if inp == 0 and out == 0 and not self.include_free:
            return "free tier"
        if self.min_context and (offer.input_limit or 0) < self.min_context:
            return "context too small"
        if self.min_output and (offer.max_output or 0) < self.min_output:
            return "max output too small"
        if self.modalities and not self.modalities.issubset(offer.input_modalities):
            return "input modality missing"
        for cap in self.capabilities:
            if not has_capability(cap, offer):
                return f"no {cap.replace('_', ' ')}"
        if self.priced and self.list_caps:  # caps on list prices are what an offer is, too
            if self.max_input is not None and self._over(inp, self.max_input):
                return "input price over cap"
            if self.max_output is not None and self._over(out, self.max_output):
                return "output price over cap"
        return None

    def _price_problem(self, offer: Offer) -> str | None:
        """Why the prices this workload pays at the offer fail a region, a price cap or a budget."""
        work = self.work
        if pays_list_price(offer, work):  # as most questions do: no Rates to build for each offer of a list
            inp, out = offer.input_price, offer.output_price
            blended = blended_price(offer, work.share) if self.max_blended is not None or self.budget is not None else None
        else:
            paid = rates(offer, work)
            if self.region and paid.out_of_region:
                return f"no {self.region.upper()} processing"
            inp, out, blended = paid.input, paid.output, paid.blended
        if self.max_input is not None and self._over(inp, self.max_input):
            return "input price over cap"
        if self.max_output is not None and self._over(out, self.max_output):
            return "output price over cap"
        if self.max_blended is not None and self._over(blended, self.max_blended):
            return "blended price over cap"
        if self.budget is not None:
            cost = None if blended is None or work.tokens is None else work.tokens * blended / PER_MILLION
            if self._over(cost, self.budget):
                return "over budget"
        return None

    def _over(self, value: float | None, cap: float) -> bool:
        """Past the cap (or at it, when the cap was said as 'under'); an unknown value never passes a cap."""
        return value is None or value > cap or (self.strict and abs(value - cap) < 1e-9)

    def speed_problem(self, speed: Speed | None) -> str | None:
        """Why an offer's measured speed or latency fails (None when it passes or none is asked)."""
        tps = speed.output_tps if speed is not None else None
        ttft = speed.ttft_s if speed is not None else None
        if self.min_speed is not None:
            if tps is None:
                return "no speed data"
            if tps < self.min_speed:
                return "too slow"
        if self.max_latency is not None:
            if ttft is None:
                return "no latency data"
            if ttft > self.max_latency or (self.strict and abs(ttft - self.max_latency) < 1e-9):
                return "latency too high"
        return None


def has_capability(capability: str, offer: Offer) -> bool:
    """Whether the offer has the capability (open weights is a model-level fact, checked where the catalogue is)."""
    if capability == "tool_calling":
        return offer.tool_calling
    if capability == "structured_output":
        return offer.structured_output is True
    if capability == "reasoning":
        return offer.reasoning
    return True
