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
from bot.render.wording import metric_text, n_points, task_name

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
            a, b = (points(v) for v in values)
            gap = None if a is None or b is None else a - b
            leader = cands[0] if (gap or 0) > 0 else cands[1]
            text = fmt.NO_DATA if gap is None else f"+{abs(gap)} {leader.model.id}" if gap else "tie"
            line.append(cell(gap, text))
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


def points(score: float | None) -> int | None:
    """A score as shown: whole points, so every difference said is the difference of the numbers shown."""
    return None if score is None else round(score)


Use = tuple[str, int]  # a task and the pick's margin on it, in whole points (negative: how far it trails)


def uses(cands: list[Candidate], scores: dict[str, list[float | None]], limit: int = 2) -> dict[str, list[Use]]:
    """Model id -> the tasks it is the pick for, with its margin.

    Two models at different prices: the cheaper one where it trails least or leads, while it trails by less than
    `CHEAP_ENOUGH`; the dearer one where its lead is widest, `CLEAR_LEAD` or more, as the seed pages put it ("nano
    for classification, mini for extraction and code"). More models: each task goes to its leader by
    `NEAR_ENOUGH` points or more, widest margins first.
    """
    picks: dict[str, list[Use]] = {c.model.id: [] for c in cands}
    shown = {task: [points(v) for v in values] for task, values in scores.items()}
    priced = [c for c in cands if c.blended is not None]
    if len(cands) == 2 and len(priced) == 2 and priced[0].blended != priced[1].blended:
        cheap, dear = sorted(cands, key=lambda c: c.blended or 0.0)
        i_cheap, i_dear = cands.index(cheap), cands.index(dear)
        gaps = sorted((v[i_dear] - v[i_cheap], task) for task, v in shown.items() if None not in v)  # type: ignore[operator]
        picks[cheap.model.id] = [(t, -g) for g, t in gaps[:limit] if g < CHEAP_ENOUGH]
        picks[dear.model.id] = [(t, g) for g, t in reversed(gaps[-limit:]) if g >= CLEAR_LEAD]
        return picks
    for task, values in shown.items():
        known = sorted(((v, i) for i, v in enumerate(values) if v is not None), reverse=True)
        if len(known) >= 2 and known[0][0] - known[1][0] >= NEAR_ENOUGH:
            picks[cands[known[0][1]].model.id].append((task, known[0][0] - known[1][0]))
    return {mid: sorted(found, key=lambda u: -u[1])[:limit] for mid, found in picks.items()}


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _use_phrase(mid: str, found: list[Use]) -> str:
    """'gpt-4.1-mini leads on extraction (+12) and coding (+9)' or 'gpt-4.1-nano is within 4 points on
    classification and chat' (or 'as good on ...')."""
    ahead = [f"{task_name(t)} (+{m})" for t, m in found if m > 0]
    behind = [(t, -m) for t, m in found if m <= 0]
    parts = [f"leads on {_and(ahead)}"] if ahead else []
    if behind:
        worst = max(d for _, d in behind)
        tasks = _and([task_name(t) for t, _ in behind])
        parts.append(f"is as good on {tasks}" if worst == 0 else f"is within {n_points(worst)} on {tasks}")
    return f"{mid} " + " and ".join(parts)


def uses_sentence(found: dict[str, list[Use]]) -> str | None:
    """'By task: gpt-4.1-mini leads on extraction (+12) and coding (+9); gpt-4.1-nano is within 4 points on
    classification and chat.' None when no model is the pick for any task."""
    parts = [_use_phrase(mid, tasks) for mid, tasks in found.items() if tasks]
    return ("By task: " + "; ".join(parts) + ".") if parts else None


def speed_table(cands: list[Candidate], catalogue: Catalogue) -> Table | None:
    """Speed and time to first token for each model at each provider measured, with the effort level measured."""
    lines = []
    for c in cands:
        for sp in catalogue.speeds(c.model):
            where = catalogue.providers.get(sp.provider, sp.provider) if sp.provider else "maker's API"
            lines.append(
                [
                    cell(c.model.id, c.model.id),
                    cell(sp.provider, where + (f" ({sp.mode})" if sp.mode else "")),
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
