"""One benchmark's own ranking ("top 5 models on aider polyglot", "highest GPQA score"): each model's best
result on it, with its source, date and run (effort), and the price at its maker."""

from __future__ import annotations

from datetime import date, timedelta

from bot.catalogue.grouping import Model
from bot.catalogue.knowledge import Score
from bot.catalogue.offers import current_day
from bot.catalogue.store import Catalogue
from bot.contract.answer import Answer, Note
from bot.contract.query import Query
from bot.intents.notes import SOON_DAYS, cite
from bot.intents.tables import cell, simple_table
from bot.render import fmt

DEFAULT_ROWS = 10
MIN_ROWS = 5  # a source with fewer results than this is no leaderboard to rank on


def leaderboard(query: Query, catalogue: Catalogue) -> Answer:
    """The models with the metric `query.benchmark`, best first, among those the question's filters keep."""
    metric = catalogue.metrics.get(query.benchmark or "")
    if metric is None:
        return Answer(intent=query.intent, title="Benchmark", verdict="I have no scores for that benchmark.", query=query, error=True)
    by_source: dict[tuple[str, date], list[tuple[Score, Model]]] = {}
    for model in catalogue.chat_models():
        if _kept(model, query, catalogue):
            for s in catalogue.scores(model):
                if s.metric == metric.id:
                    by_source.setdefault((s.source, s.as_of), []).append((s, model))
    # one source's run only: two leaderboards (or two snapshots of one) are not on one scale
    usable = [k for k, rows in by_source.items() if len(rows) >= MIN_ROWS] or list(by_source)
    chosen = max(usable, key=lambda k: (k[1], len(by_source[k])), default=None)
    best: list[tuple[Score, Model]] = []
    for s, model in sorted(by_source.get(chosen, []) if chosen else [], key=lambda sm: -sm[0].value):
        if all(m is not model for _, m in best):  # the model's best run
            best.append((s, model))
    best.sort(key=lambda sm: (-sm[0].value, sm[1].id))
    shown = best[: query.limit or DEFAULT_ROWS]
    if not shown:
        return Answer(intent=query.intent, title=metric.name, verdict=f"No model that matches has a {metric.name} score in my data.",
                      query=query, error=True)  # fmt: skip
    lead = ", ".join(f"{m.id}{_run(s)} {_value(s.value, metric.unit)}" for s, m in shown[:3])
    newest = max(s.as_of for s, _ in best)
    others = sorted({sid for sid, _ in by_source} - {best[0][0].source})
    verdict = f"Top on {metric.name}: {lead} ({cite(catalogue, [best[0][0].source])})."
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
    return f"{value:,.0f}"


def _price(model: Model) -> str:
    ref = model.reference
    when = ref.deprecation_date
    if when is not None and when <= current_day() + timedelta(days=SOON_DAYS):
        return f"retire{'d' if when <= current_day() else 's'} {fmt.day(when)} at {ref.provider_name}"
    if not ref.priced:
        return fmt.NO_DATA
    return f"{fmt.price(ref.input_price)} / {fmt.price(ref.output_price)} at {ref.provider_name}"
