"""Models that are not chat models, priced in their own units: embeddings per 1M tokens, images per image, speech
per 1M characters, transcription per hour of audio. Never ranked among chat models, and never by chat scores."""

from __future__ import annotations

import re
from datetime import date

from bot.catalogue.grouping import Model
from bot.catalogue.offers import Offer, current_day
from bot.catalogue.offers import retired as retired_offers
from bot.catalogue.store import Catalogue
from bot.catalogue.superseded import family_and_version
from bot.catalogue.workload import regional
from bot.contract.answer import Answer, Note, Row, Table
from bot.contract.policy import Policy
from bot.contract.query import Query
from bot.intents import notes as notes_mod
from bot.intents.tables import cell, simple_table
from bot.render import fmt
from bot.render.wording import REGION_NAMES

# the contract's kind -> the catalogue's kind, how it is priced, and what the unit is called
KIND_OF = {"embedding": "embedding", "image_generation": "image", "speech": "tts", "transcription": "transcription",
           "rerank": "rerank", "realtime": "realtime"}  # fmt: skip
UNIT_WORDS = {
    "embedding": "per 1M tokens",
    "image_generation": "per image",
    "speech": "per 1M characters",
    "transcription": "per hour of audio",
    "rerank": "per 1,000 searches",
    "realtime": "per 1M audio tokens, in and out averaged",
}
NAMES = {
    "embedding": "embedding",
    "image_generation": "image generation",
    "speech": "text-to-speech",
    "transcription": "transcription",
    "rerank": "reranking",
    "realtime": "realtime voice",
}
_IMAGE_DEFAULTS = ("1024x1024", "standard", "medium")
_SIZE = re.compile(r"\d{3,4}x\d{3,4}")
_NOT_GENERATORS = re.compile(r"upscal|inpaint|outpaint|remove-?background|erase|-edit\b|image-edit")
# a kind's monthly amount (Query.kind_volume): what it counts, and the share of the priced unit one of it is
AMOUNTS = {"transcription": ("hours of audio", 1.0), "image_generation": ("images", 1.0), "speech": ("characters", 1e-6),
           "rerank": ("searches", 1e-3)}  # fmt: skip


def unit_price(offer: Offer, kind: str, size: str | None = None) -> tuple[float | None, str]:
    """The offer's price in the kind's own unit, and what it was read from ('' when it has none); an image model
    at the `size` asked ("1024x1024"), when it sells one, else at its usual size."""
    if kind == "embedding":
        return offer.input_price, "input price" if offer.input_price is not None else ""
    if kind == "image_generation":
        images = [u for u in offer.units if u.unit == "image" and u.direction == "output"]
        if not images:
            return None, ""
        sized = [u for u in images if u.variant and _SIZE.search(u.variant)]
        if size is not None and sized:  # priced by size: the size asked, or not sold at it
            images = [u for u in sized if size in (u.variant or "")]
            if not images:
                return None, ""
        default = [u for u in images if u.variant and any(d in u.variant for d in _IMAGE_DEFAULTS)]
        chosen = min(default or images, key=lambda u: u.price)
        return chosen.price, chosen.variant or "per image"
    if kind == "realtime":  # a conversation listens about as much as it speaks: audio in and out averaged
        audio = {u.direction: u.price for u in offer.units if u.unit == "1M audio tokens"}
        if "input" in audio and "output" in audio:
            return (audio["input"] + audio["output"]) / 2, f"{fmt.price(audio['input'])} in / {fmt.price(audio['output'])} out"
        return None, ""
    if kind == "rerank":  # priced per search (one query against its documents); per-token rerank prices differ in kind
        search = next((u for u in offer.units if u.unit == "query"), None)
        return (search.price * 1000, "per search x 1,000") if search is not None else (None, "")
    if kind == "speech":
        chars = next((u for u in offer.units if u.unit == "1M characters"), None)
        if chars is not None:
            return chars.price, "per 1M characters"
        return None, ""
    minute = next((u for u in offer.units if u.unit == "minute" and u.direction == "input"), None)
    if minute is not None:
        return minute.price * 60, "per minute x 60"
    second = next((u for u in offer.units if u.unit == "second" and u.direction == "input"), None)
    if second is not None:
        return second.price * 3600, "per second x 3,600"
    return None, ""


def kind_answer(query: Query, catalogue: Catalogue, policy: Policy, offset: int = 0, kind: str | None = None) -> Answer:
    """The cheapest models of a non-chat kind (`kind`, else the query's), in that kind's unit, from the providers
    that count."""
    kind = kind or query.kind or "embedding"
    found: list[tuple[float, Model, Offer, str]] = []
    for model in catalogue.models:
        if model.kind != KIND_OF[kind] or query.live and kind == "transcription" and not _LIVE.search(model.id):
            continue
        best = _best_offer(model, kind, query, policy)
        if best is not None:
            found.append(best)
    found.sort(key=_cheapest_then_newest)
    limit = query.limit or policy.rows
    shown = found[offset : offset + limit]
    unit = UNIT_WORDS[kind]
    title = f"Cheapest {'live ' if query.live else ''}{NAMES[kind]} models ({unit})"
    table = _kind_table(title, unit, shown)
    rows = [
        Row(
            model=m.id,
            name=m.name,
            provider=o.provider,
            provider_name=o.provider_name,
            first_party=o.first_party,
            input_price=o.input_price,
            output_price=o.output_price,
            monthly_cost=kind_monthly(kind, query, price),
        )
        for price, m, o, _ in shown
    ]
    notes = _kind_notes(kind, query, catalogue, policy, [o for _, _, o, _ in shown])
    if not shown:
        where = f" processed in {REGION_NAMES.get(query.region, query.region.upper())}" if query.region else ""
        verdict = f"No {NAMES[kind]} model with a known price {unit}{where} from the providers that count."
        return Answer(intent=query.intent, title=title, verdict=verdict, notes=notes, query=query, total=0)
    return Answer(
        intent=query.intent,
        title=title,
        verdict=_kind_verdict(kind, query, shown),
        tables=[table],
        rows=rows,
        notes=notes,
        query=query,
        total=len(found),
        offset=offset,
    )


def _cheapest_then_newest(found: tuple[float, Model, Offer, str]) -> tuple:
    """Price first; at one price, the newest release, else the higher version (gemini-3.8-live before 2.5)."""
    price, model = found[0], found[1]
    version = family_and_version(model.id)[1]
    return (price, -(model.release_date or date.min).toordinal(), tuple(-v for v in version), model.id)


def _kind_table(title: str, unit: str, shown: list[tuple[float, Model, Offer, str]]) -> Table:
    """The models shown, with their provider, price in the kind's unit and what the price was read from."""
    lines = [
        [cell(m.id, m.id), cell(o.provider, o.provider_name), cell(price, f"{fmt.price(price)} {unit}"), cell(how, how)]
        for price, m, o, how in shown
    ]
    columns = [
        ("model", "Model", "text"),
        ("provider", "Provider", "text"),
        ("price", "Price", "text"),
        ("basis", "From", "text"),
    ]
    return simple_table(title, columns, lines)


def kind_monthly(kind: str, query: Query, price: float) -> float | None:
    """USD a month at the amount the question gives in the kind's own unit (tokens for embeddings), or None."""
    if kind == "embedding":
        return None if query.tokens_per_month is None else price * query.tokens_per_month / 1e6
    if kind in AMOUNTS and query.kind_volume is not None:
        return price * query.kind_volume * AMOUNTS[kind][1]
    return None


def _kind_verdict(kind: str, query: Query, shown: list[tuple[float, Model, Offer, str]]) -> str:
    """The pick, its price in the kind's unit (and at the volume for embeddings), and the runner-up."""
    price, model, offer, _ = shown[0]
    unit = UNIT_WORDS[kind]
    where = ("at " + " or ".join(dict.fromkeys(o.provider_name for _, _, o, _ in shown))) if query.providers else "from the makers' APIs, big clouds and main hosts"
    verdict = f"Pick {model.id} ({offer.provider_name}): {fmt.price(price)} {unit}, the cheapest {NAMES[kind]} model I know {where}."
    if query.sort_by == "quality":  # "best ...": say why the answer is the cheapest instead
        verdict = (
            f"No benchmark in my sources ranks {NAMES[kind]} models by quality, so I cannot name the best one; "
            f"by price: {model.id} ({offer.provider_name}) at {fmt.price(price)} {unit} is the cheapest I know {where}."
        )
    cost = kind_monthly(kind, query, price)
    if cost is not None and kind == "embedding":
        verdict += f" At {fmt.volume(query.tokens_per_month, query.one_off)}: {fmt.money(cost)}."
    elif cost is not None:
        verdict += f" At {query.kind_volume:,.0f} {AMOUNTS[kind][0]} a month: {fmt.money(cost)}."
    if len(shown) > 1:
        verdict += f" Next: {shown[1][1].id} at {fmt.price(shown[1][0])}."
    return verdict


def _kind_notes(kind: str, query: Query, catalogue: Catalogue, policy: Policy, shown: list[Offer]) -> list[Note]:
    """What a kind's ranking assumes (price only; a size; a region), its sources, and what it leaves out."""
    notes = [Note(kind="assumption", text=text) for text in query.assumptions]  # "500M tokens said as a one-off job"
    notes.append(Note(kind="caveat", text=f"No quality benchmark for {NAMES[kind]} models in my sources: ranked on price only."))
    if query.image_size:
        notes.append(Note(kind="assumption", text=f"Prices at {query.image_size} where a source prices by size; a row "
                                                  "reading 'per image' is a price its source gives for no stated size."))  # fmt: skip
    notes += notes_mod.data_notes(catalogue, [], offers=shown)
    if query.region:
        where = REGION_NAMES.get(query.region, query.region.upper())
        notes.insert(0, Note(kind="assumption", text=f"Only offers that process data in {where}, as their sources list it."))
    if kind == "image_generation":
        notes += token_priced_note(catalogue, query, policy)
    if kind == "rerank":
        notes += per_token_rerankers(catalogue)
    if kind == "realtime":
        notes += per_minute_voices(catalogue, query, policy)
    if query.live and kind == "transcription":
        notes.insert(0, Note(kind="assumption", text="Only models that transcribe as it is spoken (live, realtime or "
                                                     "streaming in their names), as asked."))  # fmt: skip
    if kind in ("embedding", "rerank") and multilingual(query):
        notes.append(Note(kind="assumption", text="More than English asked for: models whose names mark them English-only "
                                                  "are left out; no source in my data scores the rest by language."))  # fmt: skip
    return notes


def per_minute_voices(catalogue: Catalogue, query: Query, policy: Policy) -> list[Note]:
    """Realtime voice models priced per minute rather than per audio token: named, since the two do not compare
    without audio tokens per minute, which no source in my data gives."""
    found = []
    for model in catalogue.models:
        if model.kind != "realtime" or _gone(model) or _best_offer(model, "realtime", query, policy):
            continue
        offer = next((o for o in model.offers if any(u.unit == "minute" for u in o.units) and not o.deprecated), None)
        minute = next((u for u in offer.units if u.unit == "minute"), None) if offer else None
        if offer is not None and minute is not None:
            found.append(f"{model.id} ({fmt.price(minute.price)} a minute at {offer.provider_name})")
    note = ("No source in my data gives audio tokens per minute of speech, so no per-minute cost is worked out for "
            "the models priced per audio token.")
    if found:
        note += f" Priced per minute instead, so not ranked here: {', '.join(found[:4])}."
    return [Note(kind="caveat", text=note)]


def per_token_rerankers(catalogue: Catalogue) -> list[Note]:
    """The rerankers a per-search ranking leaves out, as their sources price them per token."""
    per_token = sorted(m.id for m in catalogue.models if m.kind == "rerank" and not retired(m)
                       and not any(u.unit == "query" for o in m.offers for u in o.units))  # fmt: skip
    if not per_token:
        return []
    more = " and more" if len(per_token) > 6 else ""
    return [Note(kind="caveat", text=f"Priced per token, not per search, so not ranked here: {', '.join(per_token[:6])}{more}.")]


def token_priced_note(catalogue: Catalogue, query: Query, policy: Policy) -> list[Note]:
    """Image models sold per 1M image tokens with no per-image price: named, since they cannot be ranked per image."""
    found = []
    for model in catalogue.models:
        if model.kind != "image" or _gone(model) or _best_offer(model, "image_generation", query, policy):
            continue
        own = next((o for o in model.offers if o.first_party and not o.deprecated), None)
        out = next((u for u in own.units if u.unit == "1M image tokens" and u.direction == "output"), None) if own else None
        if own is not None and out is not None:
            found.append(f"{model.id} ({fmt.price(out.price)} per 1M image tokens out at {own.provider_name})")
    if not found:
        return []
    more = f" and {len(found) - 3} more" if len(found) > 3 else ""
    return [Note(kind="caveat", text=f"Priced per 1M image tokens, not per image, so not ranked here: {', '.join(found[:3])}{more}.")]


def _gone(model: Model) -> bool:
    """Retired by its maker, or every listing replaced by a newer one (superseded.py)."""
    return retired(model) or all(o.superseded_by for o in model.offers)


def retired(model: Model) -> bool:
    """The maker sells the model and every one of its own offers is past its deprecation date."""
    return retired_offers(model.first_party, current_day())


def _best_offer(model: Model, kind: str, query: Query, policy: Policy) -> tuple[float, Model, Offer, str] | None:
    """The model's cheapest offer in the kind's unit from the providers that count (None when retired or unpriced)."""
    if retired(model) or kind == "image_generation" and _NOT_GENERATORS.search(model.id) or _PRICE_BUCKET.search(model.id):
        return None  # retired; an upscaler or editor, which generates no images; a price bucket ("up to 150M params")
    if kind == "embedding" and multilingual(query) and _ENGLISH_ONLY.search(model.id):
        return None  # "multilingual semantic search": bge-base-en-v1.5 embeds English only
    ended = {o.provider for o in model.offers if o.deprecated}  # one listing retired there: the model is, there
    offers = [
        o
        for o in model.offers
        if o.provider not in ended and o.provider not in query.exclude_providers and o.superseded_by is None  # a preview beside its release
    ]
    if query.providers:
        offers = [o for o in offers if o.provider in query.providers]
    else:
        preferred = [o for o in offers if o.first_party or o.provider in policy.default_providers]
        offers = preferred or [o for o in offers if o.provider in policy.fallback_providers]
    if query.region:  # "keep it in the EU": only offers that say they process there
        offers = in_region(offers, query.region)
    priced = [(p, o, how) for o in offers for p, how in [unit_price(o, kind, query.image_size)] if p is not None and p > 0]
    if not priced:
        return None
    price, offer, how = min(priced, key=lambda x: (not x[1].first_party, x[0]))
    return price, model, offer, how


_LIVE = re.compile(r"live|realtime|real-time|stream|-rt-|-rt\b")  # models that transcribe as it is spoken
_PRICE_BUCKET = re.compile(r"-up-to-\d")  # LiteLLM's "together-ai-embedding-up-to-150m": a size's price, no model
_ENGLISH_ONLY = re.compile(r"(?:^|[-_/.])en(?:[-_.]|$)|english")


def multilingual(query: Query) -> bool:
    """Text in more than English asked for: 'multilingual search', 'German and French documents'."""
    return query.task == "translation" or bool(query.unjudged)


def in_region(offers: list[Offer], region: str) -> list[Offer]:
    """The offers that process data in `region` (the contract's region code), as their sources list it."""
    return [o for o in offers if regional(o, region) is not None]


def region_note(region: str, missing: list[str]) -> Note | None:
    """Says which models no source lists as processed in `region` (their standard offer is what is shown)."""
    if not missing:
        return None
    return Note(
        kind="caveat",
        text=f"No processing in {REGION_NAMES.get(region, region.upper())} listed for {', '.join(missing)} in my sources: "
        "the price shown is the standard offer's, and the data may leave the region.",
    )
