"""compare: named models side by side, with ratios, per-metric winners and a 'pick X if ...' verdict."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from dataclasses import replace as dc_replace
from datetime import date

from bot.catalogue.cost import Mix
from bot.catalogue.grouping import Model
from bot.catalogue.knowledge import THINKING_MODES, SpeedVariant
from bot.catalogue.offers import current_day
from bot.catalogue.store import Catalogue
from bot.catalogue.superseded import superseded_text
from bot.contract.answer import Answer, Cell, Column, Table
from bot.contract.policy import Policy
from bot.contract.query import Query
from bot.intents import notes as notes_mod
from bot.intents import selfhost
from bot.intents.constraints import mix_of
from bot.intents.facet_compare import facet_sentence
from bot.intents.head_to_head import biggest_swing, speed_table, task_scores, task_table, uses, uses_sentence
from bot.intents.pricing import thinking_notes, workload_notes
from bot.intents.quoted import display_candidate
from bot.intents.selection import Candidate
from bot.intents.tables import cell, cheaper_at, costs_at, row, score_text, shown_label
from bot.intents.verdicts import cheaper_by, pair_verdict, ranking_verdict, upgrade_verdict
from bot.intents.why_not import why_not_compared
from bot.render import fmt
from bot.render.wording import metric_text, task_name


def evidence(c: Candidate, limit: int = 3) -> str:
    """The scores behind a task score: 'LMArena text 1,321; GPQA Diamond 65.0%'."""
    parts = sorted(c.score.parts, key=lambda p: -p.weight)[:limit]
    if not parts:
        return fmt.NO_DATA
    return "; ".join(
        f"{p.metric.name} {metric_text(p.metric.unit, p.score.value)}{'*' if p.score.vendor_reported else ''}"
        for p in parts
    )


def capabilities(c: Candidate) -> str:
    o = c.offer
    caps = [
        name
        for name, ok in (("tools", o.tool_calling), ("JSON", o.structured_output), ("reasoning", o.reasoning))
        if ok
    ]
    if c.model.open_weights:
        caps.append("open weights")
    return ", ".join(caps) or "none listed"


# (label, value getter, text getter, which value wins: "low", "high" or None)
Metric = tuple[str, Callable[[Candidate], object], Callable[[Candidate], str], str | None]


def compare_metrics(query: Query, mix: Mix, volumes: list[str]) -> list[Metric]:
    task = task_name(query.task)
    context = query.min_context

    def price_in(c: Candidate) -> float | None:
        return c.offer.prices_at(context)[0]

    def price_out(c: Candidate) -> float | None:
        return c.offer.prices_at(context)[1]

    metrics: list[Metric] = [
        ("Priced at", lambda c: c.offer.provider, lambda c: c.offer.provider_name, None),
        ("Input $/M", price_in, lambda c: fmt.price(price_in(c)), "low"),
        ("Output $/M", price_out, lambda c: fmt.price(price_out(c)), "low"),
        (
            "Cached input $/M",
            lambda c: c.offer.cache_read_price,
            lambda c: fmt.price(c.offer.cache_read_price),
            None,
        ),
        (
            f"Blended $/M ({mix.share:.0%} in)",
            lambda c: c.blended,
            lambda c: fmt.price(c.blended),
            "low",
        ),
    ]
    for label in volumes:
        metrics.append(
            (
                f"Cost @{shown_label(label, query.one_off)}" + (" (batch)" if query.batch else ""),
                lambda c, label=label: costs_at(c, mix, query).get(label),
                lambda c, label=label: fmt.money(costs_at(c, mix, query).get(label)),
                "low",
            )
        )
    metrics += [
        (f"{task[0].upper() + task[1:]} score", lambda c: c.score.score, score_text, "high"),
        ("Behind the score", lambda c: None, evidence, None),
        ("Speed", lambda c: c.tps, lambda c: fmt.speed(c.tps), "high"),
        ("Time to first token", lambda c: c.ttft, ttft_text, "low"),
        ("Knowledge cutoff", lambda c: None, lambda c: c.offer.knowledge_cutoff or fmt.NO_DATA, None),
        ("Context", lambda c: c.offer.context, lambda c: fmt.tokens(c.offer.context, exact=True), "high"),
        (
            "Max output",
            lambda c: c.offer.max_output,
            lambda c: fmt.tokens(c.offer.max_output, exact=True),
            "high",
        ),
        ("Input", lambda c: None, lambda c: ", ".join(c.offer.input_modalities) or fmt.NO_DATA, None),
        ("Capabilities", lambda c: None, capabilities, None),
        ("Released", lambda c: c.model.release_date, lambda c: fmt.day(c.model.release_date), None),
    ]
    return metrics


def winner(cands: list[Candidate], getter: Callable[[Candidate], object], better: str | None) -> Candidate | None:
    """The candidate that wins a metric outright (None on ties or missing data)."""
    if better is None:
        return None
    known = [(v, c) for c in cands if isinstance(v := getter(c), (int, float))]
    if len(known) < 2:
        return None
    ordered = sorted(known, key=lambda vc: vc[0], reverse=better == "high")
    if ordered[0][0] == ordered[1][0]:
        return None
    return ordered[0][1]


def side_by_side(cands: list[Candidate], query: Query, mix: Mix, volumes: list[str]) -> Table:
    columns = [Column(key="metric", label="")]
    columns += [Column(key=c.model.id, label=c.model.id) for c in cands]
    columns.append(Column(key="winner", label="Better"))
    rows: list[list[Cell]] = []
    for label, value, text, better in compare_metrics(query, mix, volumes):
        line = [cell(label, label)]
        line += [cell(value(c) if isinstance(value(c), (int, float, str)) else None, text(c)) for c in cands]
        best = winner(cands, value, better) if label != "Time to first token" or _comparable_ttft(cands) else None
        line.append(cell(best.model.id if best else None, best.model.id if best else ""))
        rows.append(line)
    return Table(columns=columns, rows=rows)


def ratio_sentences(cands: list[Candidate]) -> list[str]:
    """'gpt-4.1-nano is 4.0x cheaper on input and 4.0x cheaper on output than gpt-4.1-mini.'"""
    priced = [c for c in cands if c.offer.priced]
    if len(priced) < 2:
        return []
    cheapest = min(priced, key=lambda c: c.blended or 0.0)
    out = []
    for other in priced:
        if other is cheapest:
            continue
        r_in = fmt.ratio(other.offer.input_price, cheapest.offer.input_price)
        r_out = fmt.ratio(other.offer.output_price, cheapest.offer.output_price)
        bits = [f"{cheaper_by(r)} on {side}" for r, side in ((r_in, "input"), (r_out, "output")) if r and r > 1.005]
        if bits:
            out.append(f"{cheapest.model.id} is {' and '.join(bits)} than {other.model.id}.")
    return out


def speed_sentence(cands: list[Candidate], sort_by: str) -> str:
    """Which is faster (speed) or quicker to the first token (latency), with the effort level a TTFT was measured at."""
    if sort_by == "speed":
        quick = winner(cands, lambda c: c.tps, "high")
    else:
        quick = winner(cands, lambda c: c.ttft, "low") if _comparable_ttft(cands) else None
    timed = [c for c in cands if c.ttft is not None]
    if quick is None and sort_by == "latency" and len(timed) >= 2:
        return _mixed_ttft_sentence(timed)
    if quick is None:
        what = "speed" if sort_by == "speed" else "comparable time-to-first-token"
        return f"There is not enough {what} data to say which is {'faster' if sort_by == 'speed' else 'quicker'}."
    return (
        f"{quick.model.id} is {'faster' if sort_by == 'speed' else 'quicker to first token'}"
        f" ({fmt.speed(quick.tps)}, first token in {ttft_text(quick)})."
    )


def _mixed_ttft_sentence(timed: list[Candidate]) -> str:
    """Reasoning and non-reasoning models: who starts sooner as measured, each wait labelled with its effort."""
    first, *rest = sorted(timed, key=lambda c: c.ttft or 0.0)
    others = "; ".join(f"{c.model.id} {ttft_text(c)}" for c in rest)
    thinker = next((c for c in timed if thinks(c)), None)
    why = (
        f" {thinker.model.id}'s wait includes its thinking: at a lower reasoning effort it starts sooner."
        if thinker is not None
        else ""
    )
    return f"{first.model.id} starts answering sooner: first token in {ttft_text(first)}, against {others}.{why}"


def ttft_text(c: Candidate) -> str:
    """'900 ms', or '30.08 s (reasoning, high effort)' for a reasoning model: its first token waits on its thinking."""
    text = fmt.seconds(c.ttft)
    if c.ttft is None or not c.offer.reasoning:
        return text
    if not thinks(c):
        mode = c.speed.mode if c.speed else None
        return text + (" (thinking off)" if mode == "thinking off" else " (thinking off, its default)")
    effort = _effort(c)
    return text + f" (reasoning{', ' + effort if effort else ''})"


def _effort(c: Candidate) -> str:
    """The effort a speed was measured at ('high effort'), '' when its source does not say."""
    return ((c.speed.variant if c.speed else None) or "").replace("reasoning", "").replace("thinking", "").strip(" ,")


def thinking_run(c: Candidate) -> Candidate:
    """The candidate with its thinking run's speed, where its headline was measured with thinking off."""
    sp = c.speed
    run = next((o for o in sp.others if o.variant in THINKING_MODES), None) if sp and sp.thinking_off else None
    if sp is None or run is None:
        return c
    others = [SpeedVariant(variant="thinking off", output_tps=sp.output_tps, ttft_s=sp.ttft_s)]
    thinking = dc_replace(sp, output_tps=run.output_tps, ttft_s=run.ttft_s, variant=run.variant, others=others)
    return replace(c, speed=thinking)


def _comparable_ttft(cands: list[Candidate]) -> bool:
    """TTFT decides only between models that think alike, at one effort: a reasoning model's wait includes its
    thinking, and high effort thinks longer than medium."""
    timed = [c for c in cands if c.ttft is not None]
    return len({thinks(c) for c in timed}) <= 1 and len({_effort(c) for c in timed if thinks(c)}) <= 1


def thinks(c: Candidate) -> bool:
    """Whether the candidate's measured first token waited on thinking (a reasoning model, not measured thinking off)."""
    measured = c.speed.mode if c.speed else None
    return bool(c.offer.reasoning) and not (measured and ("non-reasoning" in measured or measured == "thinking off"))


def _not_to_leaving(old: Candidate, new: Candidate, today: date) -> str:
    """'No: OpenAI retires gpt-5-mini on 2026-12-11, in 7 days; move to gpt-6-luna, OpenAI's named successor to
    gpt-4.1-mini, instead.' (the current model's successor first, else the retiring one's)."""
    if new.offer.superseded_by:
        return f"No: {superseded_text(new.model.id, new.offer)}."
    when = new.offer.retiring(today, notes_mod.SOON_DAYS)
    assert when is not None
    # the current model's own successor first: the maker's path for it, usually the like-for-like price point
    named = [(o.successor_id, whose) for o, whose in ((old.offer, old.model.id), (new.offer, new.model.id)) if o.successor_id]
    if named:
        successor, whose = named[0]
        to = f"{successor}, {new.offer.provider_name}'s named successor to {whose}, instead (ask: upgrade from {old.model.id} to {successor}?)"
    else:
        to = "a current model instead"
    return f"No: {new.offer.provider_name} retires {new.model.id} on {fmt.day(when)}, in {(when - today).days} days; move to {to}."


def _leaving(cands: list[Candidate], going: set[int], today: date) -> str:
    """'gpt-5 is left out of the pick: OpenAI retires it on 2026-12-11, in 8 days (successor named: gpt-5.6-sol).'"""
    said = []
    for c in (c for c in cands if id(c) in going):
        if c.offer.superseded_by:
            said.append(f"{c.model.id} is left out of the pick: {superseded_text(c.model.id, c.offer)}.")
            continue
        when = c.offer.retiring(today, notes_mod.SOON_DAYS)
        assert when is not None
        after = f" (successor named: {c.offer.successor_id})" if c.offer.successor_id else ""
        said.append(f"{c.model.id} is left out of the pick: {c.offer.provider_name} retires it on {fmt.day(when)}, "
                    f"in {(when - today).days} days{after}.")  # fmt: skip
    return " ".join(said)


def verdict(cands: list[Candidate], query: Query, catalogue: Catalogue) -> str:
    """The comparison's verdict: speed first when asked, then the pick (or the ranking), the uses, the biggest gap."""
    sentences = [line] if (line := facet_sentence(cands, query.facet, catalogue)) else []
    if query.sort_by in ("speed", "latency"):
        sentences.append(speed_sentence(cands, query.sort_by))
    today = current_day()
    going = {id(c) for c in cands if notes_mod.retiring_soon(c, today) or c.offer.superseded_by}
    live = [c for c in cands if id(c) not in going]
    if going and live and not query.upgrade:  # no pick that its seller retires within weeks
        sentences.append(_leaving(cands, going, today))
        if len(live) == 1:
            sentences.append(f"Of these, pick {live[0].model.id}.")
        else:
            sentences.append(pair_verdict(*live, query) if len(live) == 2 else ranking_verdict(live, query))
    elif query.upgrade and len(cands) == 2 and id(cands[1]) in going:  # "move from 4.1-mini to 5-mini?" as 5-mini goes
        sentences.append(_not_to_leaving(cands[0], cands[1], today))
    elif query.upgrade and len(cands) == 2:
        sentences.append(upgrade_verdict(cands[0], cands[1], query))
    elif len(cands) == 2:
        sentences.append(pair_verdict(cands[0], cands[1], query))
    else:
        sentences.append(ranking_verdict(cands, query))
    found = uses_sentence(uses(cands, task_scores(cands, catalogue)))
    if found and not query.task:
        sentences.append(found)
    if len(cands) == 2:
        swing = biggest_swing(cands[0], cands[1], catalogue, query.task)
        if swing:
            sentences.append(f"Biggest benchmark gap: {swing}.")
    ends = notes_mod.retiring_sentence([c for c in cands if id(c) not in going], today)
    if ends:
        sentences.append(ends)
    return " ".join(dict.fromkeys(sentences))


def compare(query: Query, models: list[Model], catalogue: Catalogue, policy: Policy) -> Answer:
    mix = mix_of(query, catalogue)
    cands = [display_candidate(m, query, catalogue, policy, mix) for m in models]
    if "reasoning" in query.capabilities:  # "with thinking": each model's thinking run, where measured apart
        cands = [thinking_run(c) for c in cands]
    rows = [row(c, mix, query) for c in cands]
    volumes = list(rows[0].costs_at) if rows else []
    title = " vs ".join(m.name for m in models)
    if query.task:
        title += f" for {task_name(query.task)}"
    text = verdict(cands, query, catalogue)
    if query.why_not:  # "why not claude?" after a comparison: the reason first
        text = " ".join([*why_not_compared(query, cands, catalogue, policy, mix), text])
    if query.hardware is not None or query.asks_size:  # the fit (or size) of each model first
        text = f"{selfhost.sizes_sentence(models, query, catalogue)} {text}"
    extra = ratio_sentences(cands)
    tables = [side_by_side(cands, query, mix, volumes)]
    tables += [t for t in (task_table(cands, task_scores(cands, catalogue)), speed_table(cands, catalogue)) if t]
    notes = notes_mod.assumption_notes(query, mix) + notes_mod.data_notes(catalogue, cands)
    for c in cands:
        if c.cheaper is not None:
            notes.append(notes_mod.Note(kind="tip", text=f"{c.model.id} is cheaper at {cheaper_at(c, mix, query)}."))
        if not c.offer.priced:
            notes.append(notes_mod.Note(kind="caveat", text=f"{c.model.id} has no known price."))
        notes += workload_notes(c, query, mix) + thinking_notes(c, query, mix)  # batch, cache hits; hidden tokens
    return Answer(
        intent="compare",
        title=title,
        verdict=" ".join([text, *extra]).strip(),
        tables=tables,
        rows=rows,
        notes=notes,
        suggestions=_suggestions(query, cands),
        query=query,
        total=len(rows),
    )


def _suggestions(query: Query, cands: list[Candidate]) -> list[str]:
    out = []
    if query.tokens_per_month is None:
        out.append("what about 100M tokens a month?")
    if query.task is None:
        out.append("for coding")
    if cands:
        out.append(f"cheaper alternative to {cands[0].model.id}")
    return out[:3]
