"""Group offers into canonical models: one model, many offers.

`gpt-4.1-mini` sold by openai, azure and openrouter is one model; `claude-sonnet-4-5` and
`claude-sonnet-4-5-20250929` are one model; Bedrock's `anthropic.claude-sonnet-4-5-20250929-v1:0` is an
offer of it. Offers group by `model_key`, or by the alias table where a provider's id does not
normalise to the maker's. The maker comes from `knowledge/makers.yaml`; offers from the maker's own
providers are first-party.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from bot.catalogue.knowledge import Maker
from bot.catalogue.names import clean_id, clean_name, model_key
from bot.catalogue.offers import Kind, Offer
from bot.catalogue.records import quick_unpickle

_SNAPSHOT_DATE = re.compile(r"(?<!\d)(20[2-9]\d)-?(0[1-9]|1[0-2])-?([0-2]\d|3[01])(?!\d)")  # "-2026-09-22", "-20260922"


@quick_unpickle
@dataclass(frozen=True, slots=True)
class Model:
    """A canonical model and every offer of it."""

    id: str
    name: str
    key: str
    maker: str | None
    maker_name: str | None
    kind: Kind
    offers: tuple[Offer, ...]
    reference: Offer  # the offer whose limits and capabilities describe the model

    @property
    def first_party(self) -> tuple[Offer, ...]:
        return tuple(o for o in self.offers if o.first_party)

    @property
    def release_date(self) -> date | None:
        """The maker's release date; without a first-party offer, the date most providers give; without any, the
        date of its earliest dated snapshot id (gpt-6-sol-2026-09-22)."""
        own = [o.release_date for o in self.first_party if o.release_date]
        if own:
            return min(own)
        dates = Counter(o.release_date for o in self.offers if o.release_date)
        if dates:
            return min(dates, key=lambda d: (-dates[d], d))
        snapshot = self.dated_snapshot
        return snapshot[0] if snapshot else None

    @property
    def dated_snapshot(self) -> tuple[date, str] | None:
        """The earliest date an offer id carries, with that id: (2026-09-22, 'gpt-6-sol-2026-09-22')."""
        found = []
        for offer in self.offers:
            for m in _SNAPSHOT_DATE.finditer(offer.id):
                try:
                    found.append((date(int(m[1]), int(m[2]), int(m[3])), offer.id))
                except ValueError:
                    continue
        return min(found) if found else None

    @property
    def open_weights(self) -> bool:
        """The maker's word where it sells the model, else most providers' (one reseller's flag is not enough)."""
        says = [o.open_weights for o in self.first_party] or [o.open_weights for o in self.offers]
        return sum(says) * 2 > len(says)

    @property
    def providers(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(o.provider for o in self.offers))

    def offers_by_provider(self, include_free: bool = False) -> dict[str, Offer]:
        """Each provider's main offer of this model (paid over free, undated over snapshots)."""
        best: dict[str, Offer] = {}
        for offer in sorted(self.offers, key=lambda o: _offer_rank(o, self.id)):
            if offer.free and not include_free:
                continue
            best.setdefault(offer.provider, offer)
        return best


def _offer_rank(offer: Offer, canonical_id: str) -> tuple:
    """Sort key: the offer that best stands for its provider comes first."""
    cid = clean_id(offer.id)
    return (
        offer.deprecated,
        not offer.priced,
        offer.free,
        cid != canonical_id.lower(),
        offer.id.lower() != cid,  # region or vendor prefix, ':' tag
        -(offer.release_date or date.min).toordinal(),
        len(offer.id),
    )


def maker_for(
    key: str, makers: list[Maker], patterns: list[tuple[re.Pattern[str], Maker]] | None = None
) -> Maker | None:
    """The maker whose first matching pattern is found in a model key (file order decides)."""
    for pattern, maker in patterns or compile_makers(makers):
        if pattern.search(key):
            return maker
    return None


def compile_makers(makers: list[Maker]) -> list[tuple[re.Pattern[str], Maker]]:
    return [(re.compile(p), m) for m in makers for p in m.patterns]


def _canonical_id(key: str, offers: list[Offer], first_party: list[Offer]) -> str:
    pool = first_party or offers
    undated = [o for o in pool if model_key(o.id) == key and clean_id(o.id) == o.id.lower()]
    if first_party:
        chosen = sorted(
            undated or pool, key=lambda o: (o.deprecated, o.id.count("-"), -(o.release_date or date.min).toordinal())
        )
        return clean_id(chosen[0].id)
    counts = Counter(clean_id(o.id) for o in offers)
    return sorted(counts, key=lambda c: (-counts[c], len(c), c))[0]


_DATED = re.compile(r"-(?:\d{4}-\d{2}-\d{2}|\d{8})$")


def _split_pricier_snapshots(groups: dict[str, list[Offer]], own: dict[str, set[str]]) -> None:
    """Move a dated snapshot priced differently from its model's undated first-party id into its own group.

    `gpt-4o-2024-05-13` ($5/$15) is a snapshot of `gpt-4o` ($2.50/$10) at a different price: same key, but
    not the same offer. Dated snapshots at the undated price (`gpt-4.1-mini-2025-04-14`) stay grouped.
    """
    for key in list(groups):
        members = groups[key]
        first = [o for o in members if o.provider in own.get(key, ())]
        undated = [o for o in first if o.priced and not _DATED.search(clean_id(o.id))]
        if not undated:
            continue
        base = (undated[0].input_price, undated[0].output_price)
        pricier = {
            clean_id(o.id)
            for o in first
            if o.priced and _DATED.search(clean_id(o.id)) and (o.input_price, o.output_price) != base
        }
        for snapshot in sorted(pricier):
            moved = [o for o in members if clean_id(o.id) == snapshot]
            members[:] = [o for o in members if clean_id(o.id) != snapshot]
            groups[snapshot] = moved


def _keyed_groups(
    offers: list[Offer], aliases: dict[str, str], exact: dict[str, str], distinct: frozenset[str]
) -> tuple[dict[str, list[Offer]], dict[str, str]]:
    """Offers by the key of the model they join, and the keys an alias pins to a canonical id."""
    groups: dict[str, list[Offer]] = defaultdict(list)
    pinned: dict[str, str] = {}
    for offer in offers:
        key = model_key(offer.id)
        target = exact.get(clean_id(offer.id)) or aliases.get(key)
        if target is not None:
            key = clean_id(target) if target in distinct else model_key(target)
            pinned[key] = target
        groups[key].append(offer)
    return groups, pinned


CAPABILITY_SOURCE = "models-dev"  # the one source that says what a model can do; the price maps mostly do not


def _fill_capabilities(members: list[Offer]) -> None:
    """Offers only a price map lists carry no word on open weights, reasoning or tools (read as False): give them
    what most of the same model's models.dev offers say, so a reseller's silence never makes gpt-oss closed."""
    described = [o for o in members if CAPABILITY_SOURCE in o.sources]
    if not described:
        return

    def most(flag: str) -> bool:
        return sum(bool(getattr(o, flag)) for o in described) * 2 > len(described)

    open_weights, reasoning, tools = most("open_weights"), most("reasoning"), most("tool_calling")
    for o in members:
        if CAPABILITY_SOURCE not in o.sources:
            o.open_weights = open_weights
            o.reasoning = o.reasoning or reasoning
            o.tool_calling = o.tool_calling or tools


def _model_of(key: str, members: list[Offer], maker: Maker | None, pinned: str | None) -> Model:
    """One canonical model from its offers: the maker's own offers first, the reference offer names it."""
    _fill_capabilities(members)
    own = set(maker.providers) if maker else set()
    for o in members:
        o.first_party = o.provider in own
    first_party = [o for o in members if o.first_party]
    cid = pinned or _canonical_id(key, members, first_party)
    primary = maker.providers[0] if maker and maker.providers else None
    ranked = sorted(members, key=lambda o: (o.provider != primary, not o.first_party, *_offer_rank(o, cid)))
    reference = ranked[0]
    kinds = Counter(o.kind for o in members)
    kind = reference.kind if kinds[reference.kind] * 2 >= len(members) else kinds.most_common(1)[0][0]
    return Model(
        id=cid,
        name=clean_name(reference.name),
        key=key,
        maker=maker.id if maker else None,
        maker_name=maker.name if maker else None,
        kind=kind,
        offers=tuple(ranked),
        reference=reference,
    )


def group_offers(
    offers: list[Offer],
    makers: list[Maker],
    aliases: dict[str, str],
    exact: dict[str, str] | None = None,
    distinct: frozenset[str] = frozenset(),
) -> list[Model]:
    """Group offers into canonical models.

    `aliases` maps a normalised name (`model_key`) to a canonical model id; an offer whose key is an
    alias joins that model. `exact` maps a cleaned offer id (`clean_id`) to a canonical model id and wins
    over `aliases`: it pins provider ids whose key is shared with another model (`mistral-large-latest`
    is Mistral Large 3, OpenRouter's `mistralai/mistral-large` is Mistral Large 2). A target in `distinct`
    (a dated snapshot such as `claude-3-5-sonnet-20240620`) is kept apart from the model its key normalises to.
    """
    patterns = compile_makers(makers)
    groups, pinned = _keyed_groups(offers, aliases, exact or {}, distinct)
    key_maker = {key: maker_for(key, makers, patterns) for key in groups}
    _split_pricier_snapshots(groups, {k: set(m.providers) for k, m in key_maker.items() if m is not None})
    models = [
        _model_of(key, members, key_maker.get(key) or maker_for(key, makers, patterns), pinned.get(key))
        for key, members in groups.items()
        if members
    ]
    models.sort(key=lambda m: m.id)
    return models
