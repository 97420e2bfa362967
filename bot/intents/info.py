"""info: one model's card: offers and prices, limits, modalities, capabilities, dates, scores, speed, sources."""

from __future__ import annotations

from bot.catalogue.grouping import Model
from bot.catalogue.knowledge import TASKS
from bot.catalogue.offers import Offer
from bot.catalogue.scores import TaskScore
from bot.catalogue.store import Catalogue
from bot.contract.answer import Answer, Note, Row, Table
from bot.contract.policy import Policy
from bot.contract.query import Query
from bot.intents import notes as notes_mod
from bot.intents.constraints import mix_of
from bot.intents.facts import direct_answer, modality_lines
from bot.intents.price_parts import own_unit_price, price_parts_table
from bot.intents.quoted import display_candidate
from bot.intents.tables import cell, simple_table
from bot.render import fmt
from bot.render.wording import metric_text, task_name

MAX_OFFERS = 12
KIND_WORDS = {
    "embedding": "an embedding model",
    "image": "an image generation model",
    "tts": "a text-to-speech model",
    "transcription": "a transcription model",
    "rerank": "a rerank model",
    "moderation": "a moderation model",
    "video": "a video generation model",
    "realtime": "a realtime (speech-to-speech) model",
    "ocr": "an OCR model",
}


def offer_order(model: Model, policy: Policy) -> list[Offer]:
    """The maker's own offers first, then big clouds, then the rest cheapest first."""
    offers = list(model.offers_by_provider(include_free=True).values())

    def key(o: Offer) -> tuple:
        tier = (
            0
            if o.first_party
            else 1
            if o.provider in policy.default_providers
            else 2
            if o.provider in policy.fallback_providers
            else 3
        )
        return (tier, o.free, not o.priced, (o.input_price or 0) + (o.output_price or 0), o.provider)

    return sorted(offers, key=key)


def offer_note(o: Offer) -> str:
    bits = []
    if o.first_party:
        bits.append("maker's own")
    if o.free:
        bits.append("free tier (rate-limited)")
    if not o.has_price:
        bits.append("price unknown")
    if o.tiers:
        bits.append(
            f">{fmt.tokens(o.tiers[0].above_tokens)} ctx: {fmt.price(o.tiers[0].input)}/{fmt.price(o.tiers[0].output)}"
        )
    if o.deprecated:
        bits.append("deprecated")
    return ", ".join(bits)


def parts_offers(offers: list[Offer], policy: Policy) -> list[Offer]:
    """The offers whose price parts the card spells out: the maker's own and the big clouds' (else the first)."""
    main = [o for o in offers if o.first_party or o.provider in policy.default_providers]
    return main or offers[:1]


def offer_row(model: Model, o: Offer, score: TaskScore, share: float, catalogue: Catalogue) -> Row:
    sp = catalogue.speed(model, o.provider)
    return Row(
        model=model.id,
        name=model.name,
        provider=o.provider,
        provider_name=o.provider_name,
        first_party=o.first_party,
        free=o.free,
        input_price=o.input_price,
        output_price=o.output_price,
        cache_read_price=o.cache_read_price,
        input_share=share,
        context=o.context,
        max_output=o.max_output,
        task=score.task,
        task_score=score.score,
        task_tier=score.tier,
        coverage=score.coverage,
        speed=sp.output_tps if sp else None,
        ttft=sp.ttft_s if sp else None,
        release_date=model.release_date,
    )


def answer_line(model: Model, query: Query, ref: Offer, offers: list[Offer]) -> str:
    """The direct answer: a modality question gets yes/no first, then the card's summary."""
    lead = modality_lines(model.name, query, ref, offers)
    if model.kind != "chat":
        return " ".join([*lead, kind_line(model, ref, offers)])
    summary = (
        f"{model.name} ({model.maker_name or 'maker unknown'}): {fmt.tokens(ref.context, exact=True)}-token context, "
        f"{fmt.tokens(ref.max_output, exact=True)} max output, {fmt.price(ref.input_price)} in / "
        f"{fmt.price(ref.output_price)} out per 1M at {ref.provider_name}, released {fmt.day(model.release_date)}; "
        f"sold by {len(offers)} provider{'s' if len(offers) != 1 else ''}"
    )
    paid = [o for o in offers if o.priced and not o.free]
    cheapest = min(paid, key=lambda o: (o.input_price or 0) + (o.output_price or 0), default=None)
    if cheapest is not None and cheapest.provider != ref.provider:
        summary += f", cheapest at {cheapest.provider_name} ({fmt.price(cheapest.input_price)} in / {fmt.price(cheapest.output_price)} out)"
    return " ".join([*lead, summary + "."])


def kind_line(model: Model, ref: Offer, offers: list[Offer]) -> str:
    """A non-chat model's summary, priced in its own unit: 'whisper-1 (OpenAI), a transcription model: $0.006 per
    minute of audio at OpenAI; sold by 2 providers.'"""
    ref = next((o for o in offers if o.has_price), ref)  # the card's order: the maker's own first
    return (
        f"{model.name} ({model.maker_name or 'maker unknown'}), {KIND_WORDS.get(model.kind, 'a ' + model.kind + ' model')}: "
        f"{own_unit_price(ref)} at {ref.provider_name}; sold by {len(offers)} provider{'s' if len(offers) != 1 else ''}."
    )


def release_source(model: Model) -> str:
    """' (Artificial Analysis's record ...)' where models.dev's date was missing or over 45 days off."""
    fixed = any(("release_date", "artificial-analysis") in o.provenance for o in model.offers if o.release_date)
    return " (Artificial Analysis's record of the announcement)" if fixed else ""


def facts_table(model: Model, ref: Offer, open_weights: bool) -> Table:
    """The model's facts at its reference offer (`open_weights`: the catalogue's one answer, offers or size source)."""
    facts = [
        ("Model id", model.id),
        ("Maker", model.maker_name or fmt.NO_DATA),
        ("Kind", KIND_WORDS.get(model.kind, "a chat model").split(" ", 1)[1].removesuffix(" model")),
        ("Context", fmt.tokens(ref.context, exact=True)),
        ("Max input", fmt.tokens(ref.max_input, exact=True)),
        ("Max output", fmt.tokens(ref.max_output, exact=True)),
        ("Input", ", ".join(ref.input_modalities) or fmt.NO_DATA),
        ("Output", ", ".join(ref.output_modalities) or fmt.NO_DATA),
        ("Tool calling", fmt.yes_no(ref.tool_calling)),
        ("Structured output", fmt.yes_no(ref.structured_output)),
        ("Reasoning", fmt.yes_no(ref.reasoning)),
        ("Open weights", fmt.yes_no(open_weights)),
        ("Released", fmt.day(model.release_date) + release_source(model)),
        ("Knowledge cutoff", ref.knowledge_cutoff or fmt.NO_DATA),
    ]
    return simple_table(
        "Facts",
        [("field", "", "text"), ("value", f"{model.name} (at {ref.provider_name})", "text")],
        [[cell(k, k), cell(v, v)] for k, v in facts],
    )


def offers_table(offers: list[Offer], shown: list[Offer]) -> Table:
    """Each provider's price, cache price and context (a non-chat model's price in its own unit)."""
    more = f", {len(offers) - len(shown)} more not shown)" if len(offers) > len(shown) else ")"
    if shown and shown[0].kind != "chat":
        return simple_table(
            f"Offers ({len(offers)} providers" + more,
            [("provider", "Provider", "text"), ("price", "Price", "text"), ("note", "Note", "text")],
            [[cell(o.provider, o.provider_name), cell(None, own_unit_price(o)), cell(None, offer_note(o))] for o in shown],
        )
    return simple_table(
        f"Offers ({len(offers)} providers" + more,
        [
            ("provider", "Provider", "text"),
            ("input_price", "In $/M", "usd_per_mtok"),
            ("output_price", "Out $/M", "usd_per_mtok"),
            ("cache_read_price", "Cached $/M", "usd_per_mtok"),
            ("context", "Context", "tokens"),
            ("note", "Note", "text"),
        ],
        [
            [
                cell(o.provider, o.provider_name),
                cell(o.input_price, fmt.price(o.input_price)),
                cell(o.output_price, fmt.price(o.output_price)),
                cell(o.cache_read_price, fmt.price(o.cache_read_price)),
                cell(o.context, fmt.tokens(o.context)),
                cell(None, offer_note(o)),
            ]
            for o in shown
        ],
    )


def task_scores_table(model: Model, catalogue: Catalogue) -> Table:
    """The model's 0-100 score on every task, with how much of the task's evidence it rests on."""
    lines = []
    for task in TASKS:
        ts = catalogue.task_score(model, task)
        lines.append(
            [
                cell(task, task_name(task)),
                cell(ts.score, fmt.score(ts.score, ts.tier)),
                cell(ts.coverage, f"{ts.coverage:.0%}" if ts.known else fmt.NO_DATA),
            ]
        )
    return simple_table(
        "Task scores (0-100)",
        [("task", "Task", "text"), ("score", "Score", "score"), ("coverage", "Coverage", "percent")],
        lines,
    )


def evidence_table(model: Model, catalogue: Catalogue) -> Table | None:
    """Every benchmark figure behind the task scores, with who ran it, its source and date."""
    lines = []
    for s in sorted(catalogue.scores(model), key=lambda s: (s.metric, s.source)):
        metric = catalogue.metrics.get(s.metric)
        src = catalogue.source(s.source)
        value = metric_text(metric.unit if metric else "", s.value) + (f" ({s.variant})" if s.variant else "")
        lines.append(
            [
                cell(s.metric, metric.name if metric else s.metric),
                cell(s.value, value),
                cell(s.vendor_reported, "vendor" if s.vendor_reported else "independent"),
                cell(s.source, src.name if src else s.source),
                cell(s.as_of.isoformat(), s.as_of.isoformat()),
            ]
        )
    columns = [
        ("metric", "Metric", "text"),
        ("value", "Value", "text"),
        ("run_by", "Run by", "text"),
        ("source", "Source", "text"),
        ("as_of", "As of", "date"),
    ]
    return simple_table("Scores behind them", columns, lines) if lines else None


def speed_table(model: Model, catalogue: Catalogue) -> Table | None:
    """Output speed and time to first token per provider measured, at the default reasoning effort, with the
    other efforts a source measured listed beneath, and each source and date."""
    lines = []
    for sp in catalogue.speeds(model):
        src = catalogue.source(sp.source)
        who = src.name if src else sp.source
        where = sp.provider or "typical (maker's API)"
        efforts = [(sp.variant or "default", sp.output_tps, sp.ttft_s, where)]
        efforts += [(o.variant, o.output_tps, o.ttft_s, "  same, other effort") for o in sp.others]
        for effort, tps, ttft, label in efforts:
            lines.append(
                [
                    cell(sp.provider, label),
                    cell(effort, effort),
                    cell(tps, fmt.speed(tps)),
                    cell(ttft, fmt.seconds(ttft)),
                    cell(sp.source, who),
                    cell(sp.as_of.isoformat(), sp.as_of.isoformat()),
                ]
            )
    columns = [
        ("provider", "Provider", "text"),
        ("effort", "Effort", "text"),
        ("speed", "tok/s", "tok_per_s"),
        ("ttft", "TTFT", "seconds"),
        ("source", "Source", "text"),
        ("as_of", "As of", "date"),
    ]
    return simple_table("Speed", columns, lines) if lines else None


def ttft_notes(model: Model, catalogue: Catalogue) -> list[Note]:
    """What each speed source's TTFT measures (one definition per source)."""
    notes = []
    for source_id in dict.fromkeys(sp.source for sp in catalogue.speeds(model)):
        src = catalogue.source(source_id)
        if src is not None and src.ttft_definition:
            notes.append(Note(kind="source", text=f"TTFT at {src.attribution or src.name}: {src.ttft_definition}."))
    return notes


KIND_QUESTIONS = {
    "embedding": "cheapest embedding model",
    "image": "cheapest image generation model",
    "tts": "cheapest text-to-speech model",
    "transcription": "cheapest transcription model",
}


def suggestions_for(model: Model) -> list[str]:
    """Follow-ups that fit the model's kind (a chat model's cost at a volume; a non-chat model's cheaper peers)."""
    if model.kind == "chat":
        return [f"cheaper alternative to {model.id}", f"what does {model.id} cost at 10M tokens a month?"]
    return [KIND_QUESTIONS[model.kind]] if model.kind in KIND_QUESTIONS else []


def info(query: Query, model: Model, catalogue: Catalogue, policy: Policy) -> Answer:
    """One model's card: the direct answer first, then facts, offers, task scores, evidence and speed."""
    mix = mix_of(query, catalogue)
    cand = display_candidate(model, query, catalogue, policy, mix)
    ref = cand.offer
    offers = offer_order(model, policy)
    shown = offers[:MAX_OFFERS]
    tables = [facts_table(model, ref, catalogue.open_weights(model)), offers_table(offers, shown)]
    parts = price_parts_table(parts_offers(offers, policy), catalogue)
    tables += [parts] if parts is not None else []
    if model.kind == "chat" or catalogue.scores(model):
        tables.append(task_scores_table(model, catalogue))
    tables += [t for t in (evidence_table(model, catalogue), speed_table(model, catalogue)) if t is not None]
    rows = [offer_row(model, o, cand.score, mix.share, catalogue) for o in shown]
    notes = [Note(kind="assumption", text=t) for t in query.assumptions]
    notes += notes_mod.data_notes(catalogue, [cand]) + ttft_notes(model, catalogue)
    if any(s.vendor_reported for s in catalogue.scores(model)):
        notes.append(Note(kind="caveat", text="Scores marked vendor-reported are the maker's own claims."))
    if not catalogue.scores(model):
        notes.append(Note(kind="caveat", text=f"No benchmark scores for {model.id} in the sources we use."))
    return Answer(
        intent="info",
        title=f"{model.name} ({model.maker_name or model.id})",
        verdict=direct_answer(query, model, ref, offers, catalogue) or answer_line(model, query, ref, offers),
        tables=tables,
        rows=rows,
        notes=notes,
        suggestions=suggestions_for(model),
        query=query,
        total=len(rows),  # the card shows the top offers; its table title counts the rest
    )
