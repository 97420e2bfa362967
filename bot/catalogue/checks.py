"""`whichmodel catalogue check`: counts, problems (errors) and coverage gaps (warnings) of a catalogue.

Errors are cross-references that do not hold (a score, alias or speed naming a model the catalogue lacks,
an unknown metric, source or provider); they make the check fail. Warnings are coverage gaps: current chat
models of the big makers with no score, and too few models with speed figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from bot.catalogue.grouping import Model
from bot.catalogue.knowledge import TASKS
from bot.catalogue.store import Catalogue

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
    lines.append("ok" if ok else "FAILED")
    return "\n".join(lines), ok
