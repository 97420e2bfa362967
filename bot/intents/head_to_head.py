"""Head to head, as benchmark pages do it: per-task scores with the difference, the one benchmark with the biggest
swing, the uses each model is the better pick for, and speed and TTFT at every provider measured."""

from __future__ import annotations

from bot.catalogue.knowledge import TASKS
from bot.catalogue.scores import best_score
from bot.catalogue.store import Catalogue
from bot.contract.answer import Table
from bot.intents.selection import Candidate
from bot.intents.tables import cell, simple_table
from bot.render import fmt
from bot.render.wording import metric_text, task_name

# a lead of this many points on a task makes a model "the pick for" it; below it the cheaper one is good enough
CLEAR_LEAD = 5.0
NEAR_ENOUGH = 3.0
CHEAP_ENOUGH = 10.0  # a cheaper model trailing by this much or more is not "the pick" for a task


def task_scores(cands: list[Candidate], catalogue: Catalogue) -> dict[str, list[float | None]]:
    """Task -> each candidate's score (None where unknown), for the tasks at least two candidates have."""
    out: dict[str, list[float | None]] = {}
    for task in TASKS:
        if task == "general":
            continue
        values = [catalogue.task_score(c.model, task).score for c in cands]
        if sum(v is not None for v in values) >= 2:
            out[task] = values
    return out


def task_table(cands: list[Candidate], scores: dict[str, list[float | None]]) -> Table | None:
    """Task | each model's score | the difference (two models) or the leader (more)."""
    if not scores:
        return None
    two = len(cands) == 2
    columns = [("task", "Task", "text")] + [(c.model.id, c.model.id, "score") for c in cands]
    columns.append(("diff", "Difference", "text") if two else ("leader", "Leader", "text"))
    lines = []
    for task, values in scores.items():
        line = [cell(task, task_name(task))] + [cell(v, fmt.score(v)) for v in values]
        if two:
            a, b = values
            gap = None if a is None or b is None else b - a
            line.append(
                cell(gap, fmt.NO_DATA if gap is None else f"{gap:+.0f} for {cands[1].model.id}" if gap else "0")
            )
        else:
            known = [(v, c) for v, c in zip(values, cands) if v is not None]
            lead = max(known, key=lambda vc: vc[0])[1].model.id
            line.append(cell(lead, lead))
        lines.append(line)
    return simple_table("Task scores head to head (0-100)", columns, lines)


def biggest_swing(a: Candidate, b: Candidate, catalogue: Catalogue, task: str | None) -> str | None:
    """The single benchmark both models have with the widest gap (among the task's own, when a task is asked):
    'GPQA Diamond 64.2% (a) vs 50.3% (b)'."""
    best: tuple[float, str] | None = None
    wanted = set(catalogue.profile(task).metrics) if task else set(catalogue.metrics)
    for metric_id, metric in catalogue.metrics.items():
        if metric_id not in wanted:
            continue
        sa, sb = best_score(catalogue.scores(a.model), metric_id), best_score(catalogue.scores(b.model), metric_id)
        if sa is None or sb is None:
            continue
        swing = abs(metric.normalise(sa.value) - metric.normalise(sb.value))
        text = (
            f"{metric.name} {metric_text(metric.unit, sa.value)} ({a.model.id}) vs "
            f"{metric_text(metric.unit, sb.value)} ({b.model.id})"
        )
        if best is None or swing > best[0]:
            best = (swing, text)
    return best[1] if best and best[0] > 0 else None


def uses(cands: list[Candidate], scores: dict[str, list[float | None]], limit: int = 2) -> dict[str, list[str]]:
    """Model id -> the tasks it is the pick for, with the margin: 'classification -4', 'RAG +28'.

    Two models at different prices: the cheaper one where it trails least (or leads), the dearer one where its lead
    is widest, as the seed pages put it ("nano for classification, mini for extraction and code"). More models:
    each task goes to its leader by `NEAR_ENOUGH` points or more, widest margins first.
    """
    picks: dict[str, list[str]] = {c.model.id: [] for c in cands}
    priced = [c for c in cands if c.blended is not None]
    if len(cands) == 2 and len(priced) == 2 and priced[0].blended != priced[1].blended:
        cheap, dear = sorted(cands, key=lambda c: c.blended or 0.0)
        i_cheap, i_dear = cands.index(cheap), cands.index(dear)
        gaps = sorted(
            ((values[i_dear] - values[i_cheap], task) for task, values in scores.items() if None not in values),  # type: ignore[operator]
        )
        picks[cheap.model.id] = [f"{task_name(t)} {-g:+.0f}" for g, t in gaps[:limit] if g < CHEAP_ENOUGH]
        picks[dear.model.id] = [f"{task_name(t)} +{g:.0f}" for g, t in reversed(gaps[-limit:]) if g >= CLEAR_LEAD]
        return picks
    margins: dict[str, list[tuple[float, str]]] = {c.model.id: [] for c in cands}
    for task, values in scores.items():
        known = sorted(((v, i) for i, v in enumerate(values) if v is not None), reverse=True)
        if len(known) >= 2 and known[0][0] - known[1][0] >= NEAR_ENOUGH:
            margins[cands[known[0][1]].model.id].append((known[0][0] - known[1][0], task))
    for mid, found in margins.items():
        picks[mid] = [f"{task_name(t)} +{m:.0f}" for m, t in sorted(found, reverse=True)[:limit]]
    return picks


def uses_sentence(found: dict[str, list[str]]) -> str | None:
    """'By task: gpt-4.1-nano where it trails least (coding -10, reasoning -15); gpt-4.1-mini where it leads most
    (long context +33, RAG +28).'"""
    parts = [f"{mid} for {', '.join(tasks)}" for mid, tasks in found.items() if tasks]
    return ("By task, pick " + "; ".join(parts) + " (points against the others).") if parts else None


def speed_table(cands: list[Candidate], catalogue: Catalogue) -> Table | None:
    """Speed and time to first token for each model at each provider measured, with the effort level measured."""
    lines = []
    for c in cands:
        for sp in catalogue.speeds(c.model):
            where = catalogue.providers.get(sp.provider, sp.provider) if sp.provider else "maker's API"
            lines.append(
                [
                    cell(c.model.id, c.model.id),
                    cell(sp.provider, where + (f" ({sp.variant})" if sp.variant else "")),
                    cell(sp.output_tps, fmt.speed(sp.output_tps)),
                    cell(sp.ttft_s, fmt.seconds(sp.ttft_s)),
                    cell(sp.source, catalogue.sources[sp.source].name if sp.source in catalogue.sources else sp.source),
                    cell(sp.as_of.isoformat(), sp.as_of.isoformat()),
                ]
            )
    columns = [
        ("model", "Model", "text"),
        ("provider", "Provider", "text"),
        ("speed", "tok/s", "tok_per_s"),
        ("ttft", "TTFT", "seconds"),
        ("source", "Source", "text"),
        ("as_of", "As of", "date"),
    ]
    return simple_table("Speed and latency by provider", columns, lines) if lines else None
