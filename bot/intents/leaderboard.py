"""One benchmark's own ranking ("top 5 models on aider polyglot", "highest GPQA score"): each model's best
result on it, with its source, date and run (effort), and the price at its maker."""

from __future__ import annotations

from datetime import date, timedelta

from bot.catalogue.grouping import Model
from bot.catalogue.knowledge import Metric, Score
from bot.catalogue.offers import current_day
from bot.catalogue.store import Catalogue
from bot.contract.answer import Answer, Note
from bot.contract.policy import DEFAULT_POLICY, Policy
from bot.contract.query import Query
from bot.intents.constraints import mix_of
from bot.intents.notes import SOON_DAYS, cite
from bot.intents.selection import Candidate, Left, candidates
from bot.intents.tables import cell, simple_table
from bot.render import fmt
from bot.render.wording import filters_text

DEFAULT_ROWS = 10
EARLIER = {"aa_intelligence_2026_10": "aa_intelligence"}  # an index's earlier version, on its own scale
MIN_ROWS = 5  # a source with fewer results than this is no leaderboard to rank on


def leaderboard(query: Query, catalogue: Catalogue, policy: Policy = DEFAULT_POLICY) -> Answer:
    """The models with the metric `query.benchmark`, best first (cheapest first when cost is asked), among those
    that meet the question's constraints and score above its floor, if any."""
    metric = catalogue.metrics.get(query.benchmark or "")
    if metric is None:
        return Answer(intent=query.intent, title="Benchmark", verdict="I have no scores for that benchmark.", query=query, error=True)
    meeting, said = _meeting(query, catalogue, policy)
    best, by_source = _best_runs(metric, query, catalogue, meeting)
    metric, best, by_source, floor, passed = _above_floor(metric, best, by_source, query, catalogue, meeting, said)
    if query.sort_by == "cost" and meeting and passed:  # "cheapest model that scores above 60": the passing ones by price
        best.sort(key=lambda sm: (meeting[sm[1].id].blended if sm[1].id in meeting and meeting[sm[1].id].blended is not None else float("inf"), -sm[0].value))
    shown = best[: query.limit or DEFAULT_ROWS]
    if not shown:
        return Answer(intent=query.intent, title=metric.name, verdict=f"No model that matches has a {metric.name} score in my data.",
                      query=query, error=True)  # fmt: skip
    lead = ", ".join(f"{m.id}{_run(s)} {_value(s.value, metric.unit)}" for s, m in shown[:3])
    newest = max(s.as_of for s, _ in best)
    others = sorted({sid for sid, _ in by_source} - {best[0][0].source})
    order = "Cheapest" if query.sort_by == "cost" and meeting and passed else "Top"
    above = f" scoring above {query.benchmark_min:g}" if floor is not None and best[0][0].value > floor else ""
    verdict = " ".join([*said, f"{order}{above} on {metric.name}: {lead} ({cite(catalogue, [best[0][0].source])})."])
    if others:
        verdict += f" Ranked on that source alone; {cite(catalogue, others)} also report it, on their own runs."
    notes = [
        Note(kind="data", text=f"{metric.name}: {metric.description.format(low=metric.low, high=metric.high)}"),
        Note(kind="caveat", text=f"The newest {metric.name} result in my data is from {fmt.day(newest)}: models released "
                                 "since are not on it, and a vendor's own figure is marked as such."),  # fmt: skip
    ]
    rows = [
        [
            cell(i, str(i)),
            cell(m.id, m.id + _run(s)),
            cell(s.value, _value(s.value, metric.unit) + (" (vendor)" if s.vendor_reported else "")),
            cell(s.source, f"{(catalogue.source(s.source).name if catalogue.source(s.source) else s.source)} {fmt.day(s.as_of)}"),
            cell(m.reference.input_price, _price(m)),
        ]
        for i, (s, m) in enumerate(shown, 1)
    ]
    table = simple_table(
        metric.name,
        [("rank", "#", "count"), ("model", "Model", "text"), ("score", metric.name, "text"), ("source", "Source", "text"),
         ("price", "Price at its maker", "text")],
        rows,
    )  # fmt: skip
    return Answer(intent=query.intent, title=f"Top models on {metric.name}", verdict=verdict, tables=[table], notes=notes,
                  query=query, total=len(best))  # fmt: skip


def _above_floor(
    metric: Metric,
    best: list[tuple[Score, Model]],
    by_source: dict[tuple[str, date], list[tuple[Score, Model]]],
    query: Query,
    catalogue: Catalogue,
    meeting: dict[str, Candidate] | None,
    said: list[str],
) -> tuple[Metric, list[tuple[Score, Model]], dict[tuple[str, date], list[tuple[Score, Model]]], float | None, bool]:
    """The runs above the question's floor (on an index's earlier version when its new scale has none), and
    whether any is; with no run above, the highest, said so."""
    floor = _floor(query.benchmark_min, metric.unit)
    passed = True
    if floor is not None:
        above = [(s, m) for s, m in best if s.value > floor]
        older = catalogue.metrics.get(EARLIER.get(metric.id, ""))
        if not above and best and older is not None:  # a new version of an index is on its own scale
            was, was_by = _best_runs(older, query, catalogue, meeting)
            if any(s.value > (_floor(query.benchmark_min, older.unit) or 0) for s, _ in was):
                said.append(f"Nothing scores above {query.benchmark_min:g} on {metric.name} (its top is {best[0][1].id} at "
                            f"{_value(best[0][0].value, metric.unit)}); on the earlier {older.name}:")  # fmt: skip
                metric, best, by_source = older, was, was_by
                floor = _floor(query.benchmark_min, metric.unit) or 0.0
                above = [(s, m) for s, m in best if s.value > floor]
        if not above and best:
            said.append(f"No model scores above {query.benchmark_min:g} on {metric.name} in my data (the top is "
                        f"{best[0][1].id} at {_value(best[0][0].value, metric.unit)}): these are the highest.")  # fmt: skip
        passed, best = bool(above), above or best
    return metric, best, by_source, floor, passed


def _best_runs(
    metric: Metric, query: Query, catalogue: Catalogue, meeting: dict[str, Candidate] | None
) -> tuple[list[tuple[Score, Model]], dict[tuple[str, date], list[tuple[Score, Model]]]]:
    """Each model's best run on one source's newest leaderboard (two are not one scale), best first."""
    by_source: dict[tuple[str, date], list[tuple[Score, Model]]] = {}
    for model in catalogue.chat_models():
        if (meeting is None or model.id in meeting) and _kept(model, query, catalogue):
            for s in catalogue.scores(model):
                if s.metric == metric.id:
                    by_source.setdefault((s.source, s.as_of), []).append((s, model))
    usable = [k for k, rows in by_source.items() if len(rows) >= MIN_ROWS] or list(by_source)
    chosen = max(usable, key=lambda k: (k[1], len(by_source[k])), default=None)
    best: list[tuple[Score, Model]] = []
    for s, model in sorted(by_source.get(chosen, []) if chosen else [], key=lambda sm: -sm[0].value):
        if all(m is not model for _, m in best):
            best.append((s, model))
    best.sort(key=lambda sm: (-sm[0].value, sm[1].id))
    return best, by_source


def _meeting(query: Query, catalogue: Catalogue, policy: Policy) -> tuple[dict[str, Candidate] | None, list[str]]:
    """The models that meet the question's constraints, each at its offer (None when it sets none), and what to
    say when none does (then the ranking goes on without them)."""
    constrained = any(
        (query.min_context, query.min_output, query.max_input_price, query.max_output_price, query.max_blended_price,
         query.input_modalities, query.capabilities, query.region, query.min_speed, query.max_latency, query.sort_by == "cost")
    )  # fmt: skip
    if not constrained:
        return None, []
    mix = mix_of(query, catalogue)
    found = {c.model.id: c for c in candidates(query, catalogue, policy, mix, floor=False, left=Left())}
    if found:
        return found, []
    said = filters_text(query) or "those constraints"
    return None, [f"No model in my data meets all of that ({said}); ranked without those constraints:"]


def _floor(least: float | None, unit: str) -> float | None:
    """The floor in the metric's own unit: "above 80" on a fraction is 0.8."""
    if least is None:
        return None
    return least / 100 if unit.startswith("fraction") and least > 1 else least


def _kept(model: Model, query: Query, catalogue: Catalogue) -> bool:
    if query.providers and not set(query.providers) & ({model.maker} | set(model.providers)):
        return False
    if "open_weights" in query.capabilities and not catalogue.open_weights(model):
        return False
    return not (query.exclude_providers and model.maker in query.exclude_providers)


def _run(score: Score) -> str:
    """' (high)': the effort or setting of the run, where the source names one that is not a date."""
    variant = score.variant
    return f" ({variant})" if variant and not variant[:4].isdigit() else ""


def _value(value: float, unit: str) -> str:
    """'94.9%' for a fraction or a percent, '1,482' for a rating."""
    if unit.startswith("fraction"):
        return f"{value * 100:.1f}%"
    if unit.startswith("percent"):
        return f"{value:.1f}%"
    return f"{value:,.0f}" if value >= 100 else f"{value:.1f}"  # a rating, or an index of 0-100


def _price(model: Model) -> str:
    ref = model.reference
    when = ref.deprecation_date
    if when is not None and when <= current_day() + timedelta(days=SOON_DAYS):
        return f"retire{'d' if when <= current_day() else 's'} {fmt.day(when)} at {ref.provider_name}"
    if not ref.priced:
        return fmt.NO_DATA
    return f"{fmt.price(ref.input_price)} / {fmt.price(ref.output_price)} at {ref.provider_name}"
