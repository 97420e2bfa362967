"""Task scores: one 0-100 figure per model and task, from the weighted metrics of the task's profile.

Each metric maps its raw value onto 0-100 across the range of its own source snapshot (`Metric.normalise`).
Where a model has several scores for a metric, independent measurements win over vendor-reported ones, then
the newest, then the best variant. The task score is the weighted mean over the metrics that have data;
`coverage` is the share of the profile's weight that had data. A vendor-reported figure (the maker's own
claim) counts at half its weight in both. A model with no data for a task has no score ("no data"), never 0.

A task score ranks only when it rests on at least two independent metrics (`MIN_METRICS`: two different
measurements; one metric reported by two sources, or two versions of one index, is still one). A score on fewer is shown, marked "thin
evidence", and never ranked.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.catalogue.knowledge import Metric, Score, TaskProfile, Tiers

NO_DATA = "no data"
THIN = "thin evidence"
VENDOR_WEIGHT = 0.5
MIN_METRICS = 2


def independent(parts: tuple[Part, ...] | list[Part]) -> int:
    """How many independent metrics the parts rest on: two versions of one index (`Metric.family`) count once."""
    return len({p.metric.family or p.metric.id for p in parts})


@dataclass(frozen=True, slots=True)
class Part:
    """One metric's contribution to a task score."""

    metric: Metric
    weight: float
    score: Score
    normalised: float


@dataclass(frozen=True, slots=True)
class TaskScore:
    task: str
    score: float | None
    coverage: float
    tier: str
    parts: tuple[Part, ...]

    @property
    def known(self) -> bool:
        return self.score is not None

    @property
    def vendor_reported(self) -> bool:
        """Some of the evidence is the vendor's own claim."""
        return any(p.score.vendor_reported for p in self.parts)

    @property
    def evidence(self) -> int:
        """How many independent metrics the score rests on."""
        return independent(self.parts)

    @property
    def thin(self) -> bool:
        """Known, but resting on fewer than two independent metrics: shown, never ranked."""
        return self.known and self.evidence < MIN_METRICS

    @property
    def ranked(self) -> bool:
        """The score may rank models: known and resting on at least two independent metrics."""
        return self.known and not self.thin


def best_score(scores: list[Score], metric_id: str) -> Score | None:
    """The score that stands for a metric: independent first, then newest, then highest."""
    candidates = [s for s in scores if s.metric == metric_id]
    if not candidates:
        return None
    return max(candidates, key=lambda s: (not s.vendor_reported, s.as_of, s.value))


def tier_for(score: float | None, tiers: Tiers) -> str:
    if score is None:
        return NO_DATA
    if score >= tiers.strong:
        return "strong"
    if score >= tiers.good:
        return "good"
    if score >= tiers.usable:
        return "usable"
    return "weak"


def task_score(
    task: str, profile: TaskProfile, scores: list[Score], metrics: dict[str, Metric], tiers: Tiers
) -> TaskScore:
    """A model's score for one task from its scores and the task's profile."""
    parts: list[Part] = []
    total = sum(profile.metrics.values())
    for metric_id, weight in profile.metrics.items():
        metric = metrics.get(metric_id)
        chosen = best_score(scores, metric_id) if metric else None
        if metric and chosen:
            effective = weight * (VENDOR_WEIGHT if chosen.vendor_reported else 1.0)
            parts.append(Part(metric, effective, chosen, metric.normalise(chosen.value, chosen.source)))
    have = sum(p.weight for p in parts)
    if not parts:
        return TaskScore(task, None, 0.0, NO_DATA, ())
    value = sum(p.weight * p.normalised for p in parts) / have
    tier = tier_for(value, tiers) if independent(parts) >= MIN_METRICS else THIN
    return TaskScore(task, round(value, 1), round(have / total, 3), tier, tuple(parts))
