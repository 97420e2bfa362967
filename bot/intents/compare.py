"""compare: named models side by side, with ratios, per-metric winners and a 'pick X if ...' verdict."""

from __future__ import annotations

from collections.abc import Callable

from bot.catalogue.cost import Mix
from bot.catalogue.grouping import Model
from bot.catalogue.store import Catalogue
from bot.contract.answer import Answer, Cell, Column, Table
from bot.contract.policy import Policy
from bot.contract.query import Query
from bot.intents import notes as notes_mod
from bot.intents.selection import Candidate, display_candidate, mix_of
from bot.intents.tables import cell, costs_at, row, score_text
from bot.render import fmt
from bot.render.wording import task_name


def metric_text(unit: str, value: float) -> str:
    """A raw metric value in its own unit (fractions shown as percentages)."""
    if unit.startswith("fraction"):
        return f"{value * 100:.1f}%"
    if unit.startswith("percent") or unit == "%":
        return f"{value:.1f}%"
    if unit == "rating":
        return f"{value:,.0f}"
    return f"{value:,.1f}"


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
                f"Cost @{label}",
                lambda c, label=label: costs_at(c, mix, query).get(label),
                lambda c, label=label: fmt.money(costs_at(c, mix, query).get(label)),
                "low",
            )
        )
    metrics += [
        (f"{task[0].upper() + task[1:]} score", lambda c: c.score.score, score_text, "high"),
        ("Behind the score", lambda c: None, evidence, None),
        ("Speed", lambda c: c.tps, lambda c: fmt.speed(c.tps), "high"),
        ("Time to first token", lambda c: c.ttft, lambda c: fmt.seconds(c.ttft), "low"),
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
        best = winner(cands, value, better)
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
        bits = []
        if r_in and r_in > 1.005:
            bits.append(f"{r_in:.1f}x cheaper on input")
        if r_out and r_out > 1.005:
            bits.append(f"{r_out:.1f}x cheaper on output")
        if bits:
            out.append(f"{cheapest.model.id} is {' and '.join(bits)} than {other.model.id}.")
    return out


def verdict(cands: list[Candidate], query: Query) -> str:
    task = task_name(query.task)
    priced = [c for c in cands if c.blended is not None]
    cheap = min(priced, key=lambda c: c.blended or 0.0) if len(priced) >= 2 else None
    scored = [c for c in cands if c.score.score is not None]
    best = max(scored, key=lambda c: c.score.score or 0.0) if len(scored) >= 2 else None
    fast = winner(cands, lambda c: c.tps, "high")
    if query.upgrade and len(cands) == 2:
        return _upgrade(cands[0], cands[1], query, task)
    sentences = []
    if query.sort_by == "cost" and cheap:
        sentences.append(
            f"{cheap.model.id} is cheaper ({fmt.price(cheap.blended)} vs "
            f"{' / '.join(fmt.price(c.blended) for c in priced if c is not cheap)} per 1M tokens blended)."
        )
    if query.sort_by in ("speed", "latency"):
        quick = winner(
            cands,
            (lambda c: c.tps) if query.sort_by == "speed" else (lambda c: c.ttft),
            "high" if query.sort_by == "speed" else "low",
        )
        if quick:
            sentences.append(
                f"{quick.model.id} is {'faster' if query.sort_by == 'speed' else 'quicker to first token'}"
                f" ({fmt.speed(quick.tps)}, first token in {fmt.seconds(quick.ttft)})."
            )
        else:
            sentences.append("There is not enough speed data to say which is faster.")
    if cheap and best and cheap is best:
        gap = (best.score.score or 0) - max((c.score.score or 0) for c in scored if c is not best)
        sentences.append(f"Pick {best.model.id}: it is both the cheapest and scores highest on {task} (+{gap:.0f}).")
    else:
        if cheap:
            others = [c for c in priced if c is not cheap]
            r = fmt.ratio(min(c.blended or 0 for c in others), cheap.blended)
            sentences.append(f"Pick {cheap.model.id} if cost matters: {fmt.times(r)} cheaper per token.")
        if best:
            gap = (best.score.score or 0) - max((c.score.score or 0) for c in scored if c is not best)
            if gap >= 2:
                sentences.append(f"Pick {best.model.id} if quality matters: {gap:.0f} points higher on {task}.")
            else:
                sentences.append(
                    f"On {task} they score about the same ({', '.join(fmt.score(c.score.score) for c in scored)})."
                )
        elif not scored or len(scored) < 2:
            missing = [c.model.id for c in cands if c.score.score is None]
            if missing:
                sentences.append(f"No {task} score for {', '.join(missing)}, so quality cannot be compared here.")
    if fast and fast is not cheap and fast is not best:
        sentences.append(f"Pick {fast.model.id} if speed matters: {fmt.speed(fast.tps)}.")
    return " ".join(dict.fromkeys(sentences))


def _upgrade(old: Candidate, new: Candidate, query: Query, task: str) -> str:
    r = fmt.ratio(new.blended, old.blended)
    cost = ""
    if r is not None:
        cost = f"{r:.1f}x the price per token" if r >= 1 else f"{1 / r:.1f}x cheaper per token"
        if old.monthly is not None and new.monthly is not None:
            cost += (
                f" ({fmt.money(new.monthly - old.monthly)} a month more at {fmt.tokens(query.tokens_per_month)} tokens)"
                if new.monthly > old.monthly
                else ""
            )
    if old.score.score is not None and new.score.score is not None:
        gap = new.score.score - old.score.score
        gain = f"{gap:+.0f} points on {task} ({fmt.score(old.score.score)} -> {fmt.score(new.score.score)})"
        if gap >= 3:
            advice = (
                "Upgrade if the quality gain is worth the price for your workload; test it on your own prompts first."
            )
        elif gap <= -3:
            advice = f"Not worth it on these numbers: {new.model.id} scores lower."
        else:
            advice = "The scores are close, so the upgrade is mostly a price change: test before switching."
    else:
        gain = f"no {task} score for both to compare"
        advice = "Run both on your own prompts before switching."
    return f"Upgrading from {old.model.id} to {new.model.id}: {cost or 'price unknown'}, {gain}. {advice}"


def compare(query: Query, models: list[Model], catalogue: Catalogue, policy: Policy) -> Answer:
    mix = mix_of(query, catalogue)
    cands = [display_candidate(m, query, catalogue, policy, mix) for m in models]
    rows = [row(c, mix, query) for c in cands]
    volumes = list(rows[0].costs_at) if rows else []
    title = " vs ".join(m.name for m in models)
    if query.task:
        title += f" for {task_name(query.task)}"
    text = verdict(cands, query)
    extra = ratio_sentences(cands)
    notes = notes_mod.assumption_notes(query, mix) + notes_mod.data_notes(catalogue, cands)
    for c in cands:
        if c.cheaper is not None:
            inp, out = c.cheaper.prices_at(query.min_context)
            notes.append(
                notes_mod.Note(
                    kind="tip",
                    text=f"{c.model.id} is cheaper at {c.cheaper.provider_name}: {fmt.price(inp)} in / {fmt.price(out)} out per 1M.",
                )
            )
        if not c.offer.priced:
            notes.append(notes_mod.Note(kind="caveat", text=f"{c.model.id} has no known price."))
    return Answer(
        intent="compare",
        title=title,
        verdict=" ".join([text, *extra]).strip(),
        tables=[side_by_side(cands, query, mix, volumes)],
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
