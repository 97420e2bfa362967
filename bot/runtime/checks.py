"""`whichmodel catalogue check`: counts, problems (errors) and coverage gaps (warnings) of a catalogue.

Errors are cross-references that do not hold (a score, alias or speed naming a model the catalogue lacks,
an unknown metric, source or provider); they make the check fail. Warnings are coverage gaps: current chat
models of the big makers with no score, and too few models with speed figures.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from bot.catalogue.grouping import Model
from bot.catalogue.knowledge import TASKS
from bot.catalogue.store import Catalogue
from bot.catalogue.unmatched import load_unmatched, still_unmatched
from bot.render import fmt

BIG_MAKERS = ("openai", "anthropic", "google", "xai", "meta", "mistral", "deepseek", "qwen", "amazon", "cohere")
SINCE = date(2024, 6, 1)
MIN_SCORED = 80  # current big-maker chat models with scores
MIN_SPEED = 60  # models with a speed figure
# Aggregator pointers (`~anthropic/claude-sonnet-latest`) and hosting variants are not models of their own.
_POINTER_PREFIX = "~"


@dataclass
class Coverage:
    """Which current chat models of the big makers have scores."""

    in_scope: list[Model] = field(default_factory=list)
    scored: list[Model] = field(default_factory=list)
    missing: list[Model] = field(default_factory=list)


def in_scope(model: Model) -> bool:
    """A current chat model of a big maker that teams can buy: released since 2024-06, with a first-party offer
    or sold by several providers, and not only an aggregator's pointer."""
    if model.kind != "chat" or model.maker not in BIG_MAKERS:
        return False
    if model.release_date is None or model.release_date < SINCE:
        return False
    if all(o.id.startswith(_POINTER_PREFIX) for o in model.offers):
        return False
    return bool(model.first_party) or len(model.providers) >= 2


def coverage(catalogue: Catalogue) -> Coverage:
    cov = Coverage()
    for model in catalogue.models:
        if in_scope(model):
            cov.in_scope.append(model)
            (cov.scored if catalogue.scores(model) else cov.missing).append(model)
    return cov


def counts(catalogue: Catalogue) -> dict[str, int]:
    chat = catalogue.chat_models()
    out = {
        "providers": len(catalogue.providers),
        "offers": sum(len(m.offers) for m in catalogue.models),
        "canonical models": len(catalogue.models),
        "chat models": len(chat),
        "models with scores": sum(1 for m in catalogue.models if catalogue.scores(m)),
        "models with speed": sum(1 for m in catalogue.models if any(s.output_tps for s in catalogue.speeds(m))),
        "models with TTFT": sum(1 for m in catalogue.models if any(s.ttft_s for s in catalogue.speeds(m))),
    }
    for task in TASKS:
        out[f"task score: {task}"] = sum(1 for m in chat if catalogue.task_score(m, task).known)
    return out


def check_report(catalogue: Catalogue) -> tuple[str, bool]:
    """The report printed by `whichmodel catalogue check`, and whether it passed (no errors)."""
    lines = [f"catalogue: {catalogue.snapshot.label} (as of {catalogue.snapshot.as_of})"]
    for name, value in counts(catalogue).items():
        lines.append(f"  {name:32} {value:6,}")
    cov = coverage(catalogue)
    lines.append(
        f"  {'current big-maker chat models':32} {len(cov.in_scope):6,}  (released since {SINCE}, "
        f"first-party or sold by 2+ providers)"
    )
    lines.append(f"  {'... with scores':32} {len(cov.scored):6,}")
    errors = list(catalogue.problems)
    warnings = list(catalogue.warnings)
    if len(cov.scored) < MIN_SCORED:
        errors.append(f"only {len(cov.scored)} current big-maker chat models have scores (need {MIN_SCORED})")
    speed = sum(1 for m in catalogue.models if any(s.output_tps for s in catalogue.speeds(m)))
    if speed < MIN_SPEED:
        errors.append(f"only {speed} models have a speed figure (need {MIN_SPEED})")
    if cov.missing:
        names = ", ".join(m.id for m in sorted(cov.missing, key=lambda m: (m.maker or "", m.id)))
        warnings.append(f"{len(cov.missing)} current big-maker chat models have no score: {names}")
    for title, items in (("errors", errors), ("warnings", warnings)):
        lines.append(f"{title}: {len(items)}")
        lines.extend(f"  - {item}" for item in items)
    ok = not errors
    lines += disagreement_lines(catalogue) + summary_lines(catalogue, ok)
    return "\n".join(lines), ok


def _by_source(counter: Counter[str]) -> str:
    return ", ".join(f"{source} {n:,}" for source, n in counter.most_common()) or "none"


def disagreement_lines(catalogue: Catalogue, shown: int | None = None) -> list[str]:
    """The offers whose price sources disagree, each claim with its date and the one used (all, or the first `shown`)."""
    found = catalogue.disagreements()
    if not found:
        return []
    lines = [f"price disagreements: {len(found):,} offers (the newest-dated claim is used)"]
    for model, offer in found[:shown] if shown else found:
        claims = "; ".join(
            f"{c.source} {fmt.price(c.input)}/{fmt.price(c.output)} ({fmt.day(c.as_of)})" for c in offer.disagreement
        )
        lines.append(f"  - {offer.provider}/{offer.id} ({model.id}): {claims}; used {offer.price_source}")
    if shown and len(found) > shown:
        lines.append(f"  ... and {len(found) - shown:,} more")
    return lines


def summary_lines(catalogue: Catalogue, ok: bool = True) -> list[str]:
    """The closing summary: models, unmatched source names and price disagreements, each counted by source."""
    models: Counter[str] = Counter()
    for m in catalogue.models:
        models.update({s for o in m.offers for s in o.sources})
    unmatched = still_unmatched(catalogue, load_unmatched())
    disagree: Counter[str] = Counter()
    for _, offer in catalogue.disagreements():
        disagree.update({c.source for c in offer.disagreement})
    return [
        f"summary: {'ok' if ok else 'FAILED'}",
        f"  models: {len(catalogue.models):,} (listed by {_by_source(models)})",
        f"  unmatched source names: {sum(unmatched.values()):,} ({_by_source(+unmatched)})",
        f"  price disagreements: {len(catalogue.disagreements()):,} offers ({_by_source(disagree)})",
    ]
