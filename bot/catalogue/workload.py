"""The whole price of a workload on an offer: cache hits (and writes), batch or another service tier, regional
processing and long-context tiers, each applied only where the offer sells it, and said when it does not.

Effective input price = hit x cache read + written x cache write + the rest x input, where the maker charges cache
writes and a cached prefix is taken as written once per `READS_PER_WRITE` reads (written = hit / 10, at most the
misses); the misses beyond that are the requests' own tokens, at the input price. The blended price is share x
input + (1 - share) x output, per 1M tokens, at the tier's and region's prices.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from bot.catalogue.cost import PER_MILLION
from bot.catalogue.offers import Offer

READS_PER_WRITE = 10  # a cached prefix is read this many times for each time it is written (a 5-minute cache)
# how a region the contract names appears in source data: data zones, cloud regions
_REGION_PREFIXES = {
    "eu": ("eu", "europe"),
    "us": ("us",),
    "uk": ("uk", "gb", "europe-west2", "eu-west-2"),
    "apac": ("ap", "apac", "asia"),
    "ca": ("ca", "canada", "northamerica-northeast"),
    "au": ("au", "australia", "ap-southeast-2"),
    "jp": ("jp", "japan", "ap-northeast-1", "asia-northeast1"),
}


@dataclass(frozen=True, slots=True)
class Workload:
    """What a question says about the traffic: volume, mix, cache hits, batch or another tier, region, context."""

    tokens: float | None
    share: float
    cache_hit_rate: float | None = None
    tier: str | None = None  # "batch", "flex", "priority"
    region: str | None = None
    context: int | None = None


class Rates(NamedTuple):
    """The per-1M prices a workload pays at an offer, what was applied, and what the offer does not sell.

    A named tuple: an answer works out one for every offer it weighs, about 1,500 for a list."""

    input: float | None
    output: float | None
    blended: float | None
    effective_input: float | None = None  # the input price after cache hits (and writes)
    applied: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()

    @property
    def out_of_region(self) -> bool:
        """The offer does not process data in the region the workload asked for."""
        return any("processing" in m for m in self.missing)


def in_region(code: str, region: str) -> bool:
    """A source's region code ('eu', 'eu-west-1', 'europe-west4', 'us-gov') lies in the contract's `region`."""
    code = code.lower()
    return any(code == p or code.startswith(p + "-") for p in _REGION_PREFIXES[region])


def regional(offer: Offer, region: str) -> tuple[float | None, float | None, str] | None:
    """The offer's input and output price when processed in `region`, and how it is labelled; None if not sold."""
    for rp in offer.regions:
        if not in_region(rp.region, region):
            continue
        if rp.input is not None and rp.output is not None:
            inp, out = rp.input, rp.output
        elif rp.multiplier is not None and offer.input_price is not None and offer.output_price is not None:
            inp, out = offer.input_price * rp.multiplier, offer.output_price * rp.multiplier
        else:
            inp, out = offer.input_price, offer.output_price
        uplift = f" (+{(rp.multiplier - 1) * 100:.0f}%)" if rp.multiplier and rp.multiplier > 1 else ""
        return inp, out, f"{rp.region} processing{uplift}"
    return None


def pays_list_price(offer: Offer, work: Workload) -> bool:
    """The workload pays the offer's list prices: no tier, region, cache hits or long-context tier applies."""
    return not (work.tier or work.region or work.cache_hit_rate or (work.context and offer.tiers))


def rates(offer: Offer, work: Workload) -> Rates:
    """The prices `work` pays at `offer`, with each adjustment named, and each one the offer cannot give."""
    if pays_list_price(offer, work):
        inp, out = offer.input_price, offer.output_price  # the list price, as most questions pay
        if inp is None or out is None:
            return Rates(inp, out, None, None)
        return Rates(inp, out, work.share * inp + (1 - work.share) * out, inp)
    applied: list[str] = []
    missing: list[str] = []
    inp, out = offer.prices_at(work.context)
    cache_read, cache_write = offer.cache_read_price, offer.cache_write_price
    if work.context and any(work.context > t.above_tokens for t in offer.tiers):
        applied.append("long-context price")
    if work.tier:
        sold = offer.service_tier(work.tier)
        if sold is not None and sold.input is not None and sold.output is not None:
            inp, out = sold.input, sold.output
            cache_read = sold.cache_read if sold.cache_read is not None else cache_read
            applied.append(f"{work.tier} price")
        else:
            missing.append(f"no {work.tier} price (standard price used)")
    if work.region:
        found = regional(offer, work.region)
        if found is None:
            missing.append(f"no {work.region.upper()} processing")
        else:
            inp, out, label = found
            applied.append(label)
    if inp is None or out is None:
        return Rates(inp, out, None, None, tuple(applied), tuple(missing))
    effective_in = inp
    if work.cache_hit_rate:
        if cache_read is None:
            missing.append("no cache price (all input at the full price)")
        else:
            hits = work.cache_hit_rate
            written = min(1 - hits, hits / READS_PER_WRITE) if cache_write is not None else 0.0
            effective_in = hits * cache_read + written * (cache_write or 0.0) + (1 - hits - written) * inp
            applied.append(f"{hits:.0%} cache hits" + (f", the cache written once per {READS_PER_WRITE} reads"
                                                       if cache_write is not None else ""))  # fmt: skip
    blended = work.share * effective_in + (1 - work.share) * out
    return Rates(inp, out, blended, effective_in, tuple(applied), tuple(missing))


def monthly(offer: Offer, work: Workload) -> float | None:
    """USD a month for the workload at the offer (None without a volume or a price)."""
    return monthly_at(rates(offer, work), work.tokens)


def monthly_at(paid: Rates, tokens: float | None) -> float | None:
    """USD a month for `tokens` at rates already worked out (None without a volume or a price)."""
    return None if paid.blended is None or tokens is None else tokens * paid.blended / PER_MILLION
