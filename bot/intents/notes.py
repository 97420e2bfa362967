"""Notes every answer carries: the assumptions made, where the numbers come from and how old they are."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from bot.catalogue.cost import STANDARD_VOLUMES, Mix
from bot.catalogue.grouping import Model
from bot.catalogue.offers import Offer, last_deprecation, retired
from bot.catalogue.store import Catalogue
from bot.catalogue.superseded import superseded_text
from bot.catalogue.workload import READS_PER_WRITE
from bot.contract.answer import Note
from bot.contract.query import Query
from bot.contract.vocab import COMPLIANCE
from bot.intents.selection import SOON_DAYS, Candidate, Left
from bot.render import fmt
from bot.render.wording import REGION_NAMES, mix_text, task_name

STALE_DAYS = 30
MAJOR_SELLERS = frozenset({"azure", "amazon-bedrock", "google-vertex", "google-vertex-anthropic"})
SOURCE_NAMES = {"models-dev": "models.dev", "litellm": "LiteLLM", "genai-prices": "genai-prices"}
LEFT_OUT_WORDING = {
    "no score": "{n} with no {task} score",
    "thin evidence": "{n} with too little {task} evidence",
    "weak for the task": "{n} weak for {task}",
    "no price": "{n} with no known price",
    "free tier": "{n} with only a free tier",
    "no speed data": "{n} with no speed data",
    "no latency data": "{n} with no latency data",
}


def assumption_notes(query: Query, mix: Mix | None) -> list[Note]:
    notes = [Note(kind="assumption", text=text) for text in query.assumptions]
    notes += [Note(kind="assumption", text=unjudged_text(word, query)) for word in query.unjudged]
    if mix is not None:
        hint = "" if mix.origin == "question" else " Say `with 1:1 input/output` to change it."
        notes.append(Note(kind="assumption", text=f"Mix: {mix_text(mix)}.{hint}"))
        if query.tokens_per_month is not None:
            notes.append(Note(kind="assumption", text=f"Volume: {fmt.volume(query.tokens_per_month, query.one_off)}."))
        else:
            sizes = ", ".join(fmt.tokens(v) for v in STANDARD_VOLUMES)
            notes.append(
                Note(
                    kind="assumption",
                    text=f"No volume given: costs at {sizes} tokens a month. Say `at 50M tokens a month` for yours.",
                )
            )
    if query.providers:
        notes.append(Note(kind="assumption", text=f"Prices from {', '.join(query.providers)} only, as asked."))
    else:
        notes.append(
            Note(
                kind="assumption",
                text="Prices are each maker's own API (big clouds where the maker sells none); "
                "say `on bedrock` or `via openrouter` for another provider.",
            )
        )
    if query.region:
        notes.append(Note(kind="assumption", text=region_text(query.region)))
    if query.cache_hit_rate:
        notes.append(Note(kind="assumption", text=(
            f"Cache hits: {query.cache_hit_rate:.0%} of input is priced at each offer's cached-input price, plus cache "
            f"writes where the maker charges them (a cached prefix taken as written once per {READS_PER_WRITE} reads); "
            "costs and blended prices include it, the In $/M column is the list price, and an offer with no cached "
            "price pays full input.")))  # fmt: skip
    if query.max_monthly_cost is not None and query.tokens_per_month is None:
        notes.append(
            Note(kind="caveat", text="A monthly budget needs a volume to apply; say `for 20M tokens a month`.")
        )
    return notes


def region_text(region: str) -> str:
    """What a region constraint did: only offers processing data there, at their regional price."""
    where = REGION_NAMES.get(region, region.upper())
    return (
        f"Region: only offers that process data in {where}, at their regional price (the Region column); "
        "my data says where a provider processes, not which certifications (GDPR, HIPAA) it holds: check its terms."
    )


def unjudged_text(word: str, query: Query) -> str:
    """'No German-specific benchmark in my sources; ranked on multilingual (translation) scores.'"""
    if word in COMPLIANCE.values():
        return (f"{word}: my sources hold no compliance data (certifications, BAAs), so this ranking does not judge "
                f"it. Check that the provider you pick covers {word} for this use, under a signed agreement.")  # fmt: skip
    basis = (
        "multilingual (translation)"
        if word[:1].isupper() and query.task in (None, "translation")
        else (f"general {task_name(query.task)}" if query.task else "general")
    )
    return f"No {word}-specific benchmark in my sources; ranked on {basis} scores. Test on your own {word} samples."


def data_notes(
    catalogue: Catalogue, cands: Iterable[Candidate], today: date | None = None, offers: list[Offer] | None = None
) -> list[Note]:
    """Where prices, scores and speeds come from, with their dates, how old they are, who sells the model and
    where the sources disagree (and what reasoning does to cost). `offers`: the offers priced, where an answer
    has no candidates (non-chat kinds)."""
    cands = list(cands)
    snap = catalogue.snapshot
    notes = [Note(kind="data", text=f"Prices and limits: {snap.label}, data as of {fmt.day(snap.as_of)}.")]
    priced = offers if offers is not None else [c.offer for c in cands]
    notes += stale_offer_notes(catalogue, priced, today or date.today())
    notes += seller_notes(cands) + disagreement_notes(catalogue, cands) + lifecycle_notes(cands, today or date.today())
    notes += scheduled_notes(cands, today or date.today()) + predates_notes(cands)
    score_sources: dict[str, None] = {}
    speed_sources: dict[str, None] = {}
    vendor = False
    for cand in cands:
        for part in cand.score.parts:
            score_sources.setdefault(part.score.source)
            vendor = vendor or part.score.vendor_reported
        if cand.speed is not None:
            speed_sources.setdefault(cand.speed.source)
    if score_sources:
        notes.append(Note(kind="source", text="Scores: " + cite(catalogue, score_sources) + "."))
    if speed_sources:
        notes.append(Note(kind="source", text="Speed and TTFT: " + cite(catalogue, speed_sources) + "."))
    if vendor:
        notes.append(
            Note(kind="caveat", text="Some scores are vendor-reported (the maker's own claims), not independent runs.")
        )
    thinking = [c.model.id for c in cands if c.offer.reasoning]
    if thinking:
        notes.append(Note(kind="caveat", text=reasoning_caveat(list(dict.fromkeys(thinking)))))
    return notes


def stale_notes(catalogue: Catalogue, cands: list[Candidate], today: date) -> list[Note]:
    """A caveat when the prices shown come from data more than 30 days old, with how to refresh it."""
    return stale_offer_notes(catalogue, [c.offer for c in cands], today)


def stale_offer_notes(catalogue: Catalogue, offers: list[Offer], today: date) -> list[Note]:
    """A caveat when the prices of `offers` (or, with none, the catalogue's) are more than 30 days old."""
    dated: dict[str, date] = {}
    for offer in offers:
        snap = catalogue.price_sources.get(offer.price_source or "")
        if snap is not None and snap.as_of is not None:
            dated[snap.label] = snap.as_of
    if not offers and catalogue.snapshot.as_of is not None:
        dated[catalogue.snapshot.label] = catalogue.snapshot.as_of
    old = {label: when for label, when in dated.items() if (today - when).days > STALE_DAYS}
    if not old:
        return []
    label, when = min(old.items(), key=lambda kv: kv[1])
    return [
        Note(
            kind="caveat",
            text=f"Some prices here are {(today - when).days} days old ({label}, as of {when.isoformat()}): "
            "run `whichmodel refresh` to fetch today's from every live source.",
        )
    ]


def seller_notes(cands: list[Candidate]) -> list[Note]:
    """Says so when nobody but resellers and hosts sells a model: neither its maker nor a big cloud."""
    notes = []
    for cand in cands:
        if any(o.first_party or o.provider in MAJOR_SELLERS for o in cand.model.offers):
            continue
        named = list(dict.fromkeys(o.provider_name for o in cand.model.offers))
        sellers = ", ".join(named[:4]) + (f" and {len(named) - 4} more" if len(named) > 4 else "")
        notes.append(
            Note(
                kind="caveat",
                text=f"{cand.model.id} is sold only by resellers and hosts ({sellers}), not by its maker or a big "
                f"cloud: the price is {cand.offer.provider_name}'s.",
            )
        )
    return notes


SCHEDULED_DAYS = 120  # a dated price change this close is said beside the price it replaces


def scheduled_cost(cand: Candidate) -> float | None:
    """The candidate's monthly cost at its offer's next dated price, when input and output move by one ratio."""
    new, offer = cand.offer.scheduled, cand.offer
    if new is None or cand.monthly is None or not (offer.input_price and offer.output_price and new.input and new.output):
        return None
    up_in, up_out = new.input / offer.input_price, new.output / offer.output_price
    return cand.monthly * up_in if abs(up_in - up_out) <= 0.01 * up_in else None


def scheduled_notes(cands: list[Candidate], today: date) -> list[Note]:
    """'Google's price for gemini-3.8-flash goes to $1.50/$7.50 on 2027-01-01 (genai-prices): $337.50 a month
    here instead of $168.75.' for shown offers a source gives a next price within `SCHEDULED_DAYS`."""
    notes = []
    for cand in {c.model.id: c for c in cands}.values():
        new = cand.offer.scheduled
        if new is None or new.as_of is None or (new.as_of - today).days > SCHEDULED_DAYS:
            continue
        word = "goes" if new.input is None or cand.offer.input_price is None else "rises" if new.input > cand.offer.input_price else "falls"
        text = (f"{cand.offer.provider_name}'s price for {cand.model.id} {word} to {fmt.price(new.input)}/{fmt.price(new.output)} "
                f"on {fmt.day(new.as_of)} ({new.source})")  # fmt: skip
        later = scheduled_cost(cand)
        if later is not None:
            text += f": {fmt.money(later)} a month here instead of {fmt.money(cand.monthly)}"
        notes.append(Note(kind="caveat", text=text + "."))
    return notes


def predates_notes(cands: list[Candidate]) -> list[Note]:
    """'Vertex's $2.00/$10.00 for gemini-4-argon is as of 2026-11-05, before Google's price changed (to $4.00/$20.00)
    on 2026-12-01: check it still holds.' for a shown offer still at the maker's old price."""
    notes = []
    for cand in {c.model.id: c for c in cands}.values():
        own = next((o for o in cand.model.first_party if o is not cand.offer and o.changed_since(cand.offer)), None)
        if own is None:
            continue
        notes.append(Note(kind="caveat", text=(
            f"{cand.offer.provider_name}'s {fmt.price(cand.offer.input_price)}/{fmt.price(cand.offer.output_price)} for "
            f"{cand.model.id} is as of {fmt.day(cand.offer.price_as_of)}, before {own.provider_name}'s price changed (to "
            f"{fmt.price(own.input_price)}/{fmt.price(own.output_price)}) on {fmt.day(own.price_as_of)}: check it still holds.")))  # fmt: skip
    return notes


def lifecycle_notes(cands: list[Candidate], today: date) -> list[Note]:
    """A warning with the date where a shown offer is deprecated within 90 days, and where the maker has retired
    the model from its own API while the offer shown still sells it."""
    notes = []
    for cand in {c.model.id: c for c in cands}.values():
        offer, model = cand.offer, cand.model
        own = [o for o in model.first_party if o.priced] or list(model.first_party)  # an unpriced listing sells nothing
        if not offer.first_party and retired(own, today):
            ended = last_deprecation(own)
            when = f" on {fmt.day(ended)}" if ended else ""
            heir = next((o.successor_id for o in own if o.successor_id), None)
            notes.append(
                Note(
                    kind="caveat",
                    text=f"{model.maker_name or 'Its maker'} retired {model.id} from its own API{when}"
                    f"{f' (successor named: {heir})' if heir else ''}; {offer.provider_name} still sells it, and its "
                    "price is the one shown.",
                )
            )
        if offer.superseded_by:
            notes.append(
                Note(
                    kind="caveat",
                    text=f"{superseded_text(model.id, offer)} (left out of rankings).",
                )
            )
        ends = offer.retiring(today)
        if ends is not None:
            after = f" ({offer.successor} is its successor)" if offer.successor else ""
            notes.append(
                Note(
                    kind="caveat",
                    text=f"{model.id} at {offer.provider_name} is deprecated on {fmt.day(ends)}, in "
                    f"{(ends - today).days} days{after}: plan the move.",
                )
            )
    return notes




def retiring_soon(cand: Candidate, today: date, within: int = SOON_DAYS) -> bool:
    """The offer shown is deprecated within `within` days."""
    return cand.offer.retiring(today, within) is not None


def retiring_sentence(cands: list[Candidate], today: date) -> str | None:
    """'o3 retires on 2026-12-11, in 9 days.' for the models named in a verdict that retire within 90 days."""
    dated = [(c.model.id, when) for c in cands if (when := c.offer.retiring(today)) is not None]
    if not dated:
        return None
    return " ".join(f"{mid} retires on {fmt.day(when)}, in {(when - today).days} days." for mid, when in dict(dated).items())


def disagreement_notes(catalogue: Catalogue, cands: list[Candidate]) -> list[Note]:
    """Where the price sources disagree on a shown offer: each source's price with its date, and which is used."""
    notes = []
    for cand in cands:
        claims = cand.offer.disagreement
        if not claims:
            continue
        each = "; ".join(
            f"{SOURCE_NAMES.get(c.source, c.source)} {fmt.price(c.input)}/{fmt.price(c.output)} ({fmt.day(c.as_of)})"
            for c in claims
        )
        used = SOURCE_NAMES.get(cand.offer.price_source or "", cand.offer.price_source)
        notes.append(
            Note(
                kind="data",
                text=f"Sources disagree on {cand.model.id} at {cand.offer.provider_name}: {each}. "
                f"The newest-dated ({used}) is used.",
            )
        )
    return notes


def reasoning_caveat(models: list[str]) -> str:
    """Hidden reasoning tokens bill as output: costs here count the tokens you send and see, not the thinking."""
    names = ", ".join(models[:4]) + (f" and {len(models) - 4} more" if len(models) > 4 else "")
    return (
        f"{names} {'reason' if len(models) > 1 else 'reasons'} before answering: the hidden thinking tokens bill as "
        "output, so real output (and cost) runs above the visible answer, often several times at high effort; the "
        "costs here count visible tokens only. Its time to first token includes the thinking."
    )


def cite(catalogue: Catalogue, source_ids: Iterable[str]) -> str:
    """'LMArena (2026-10-05); Artificial Analysis, artificialanalysis.ai (2026-08-22, 2026-10-03)'."""
    dates: dict[str, list[str]] = {}
    for sid in source_ids:
        src = catalogue.source(sid)
        who = (src.attribution or src.name) if src else sid
        when = dates.setdefault(who, [])
        if src is not None and src.as_of.isoformat() not in when:
            when.append(src.as_of.isoformat())
    return "; ".join(f"{who} ({', '.join(sorted(when))})" if when else who for who, when in dates.items())


def left_out_note(left: Left, task: str | None, newest: Sequence[Model] = ()) -> Note | None:
    """'Left out: 40 models with no classification score, 12 weak at classification.', and the `newest` of them."""
    wording = []
    words = task_name(task)
    for reason, count in left.reasons.most_common():
        if reason in LEFT_OUT_WORDING:
            wording.append(LEFT_OUT_WORDING[reason].format(n=count, task=words))
    if not wording:
        return None
    text = "Left out: " + ", ".join(wording) + "."
    if newest:  # the newest models are the likeliest to lack evidence yet: say which they are
        named = ", ".join(f"{m.id} ({fmt.day(m.release_date) if m.release_date else 'not yet dated'})" for m in newest)
        text += f" The newest of those: {named}."
    return Note(kind="caveat", text=text)


def free_note(query: Query) -> Note | None:
    if query.include_free:
        return Note(kind="caveat", text="Free tiers included as asked; they are usually rate-limited or promotional.")
    return None
