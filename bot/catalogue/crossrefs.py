"""Cross-references between the knowledge files and a built catalogue that do not hold (check errors)."""

from __future__ import annotations

from bot.catalogue.grouping import Model
from bot.catalogue.knowledge import Knowledge


def cross_reference_problems(knowledge: Knowledge, by_id: dict[str, Model], providers: set[str]) -> list[str]:
    """Cross-references between knowledge files and the catalogue that do not hold."""
    problems: list[str] = []
    metrics = {m.id for m in knowledge.metrics.metrics}
    sources = {s.id for s in knowledge.sources.sources}
    for file, aliases in (("aliases.yaml", knowledge.aliases), ("source_names.yaml", knowledge.source_names)):
        for target, names in aliases.aliases.items():
            if target not in by_id:
                problems.append(f"{file}: alias target '{target}' is not a catalogue model ({len(names)} names)")
    for line, members in knowledge.aliases.lines.items():
        for mid in members:
            if mid not in by_id:
                problems.append(f"aliases.yaml: line '{line}' names '{mid}', not a catalogue model")
    for mid, entries in knowledge.scores.scores.items():
        if mid not in by_id:
            problems.append(f"scores.yaml: scores for '{mid}', not a catalogue model")
        for i, s in enumerate(entries):
            if s.metric not in metrics:
                problems.append(f"scores.yaml: {mid}[{i}]: unknown metric '{s.metric}'")
            if s.source not in sources:
                problems.append(f"scores.yaml: {mid}[{i}]: unknown source '{s.source}'")
    for mid, entries in knowledge.speeds.speeds.items():
        if mid not in by_id:
            problems.append(f"speeds.yaml: speeds for '{mid}', not a catalogue model")
        for i, s in enumerate(entries):
            if s.source not in sources:
                problems.append(f"speeds.yaml: {mid}[{i}]: unknown source '{s.source}'")
            if s.provider and s.provider not in providers:
                problems.append(f"speeds.yaml: {mid}[{i}]: unknown provider '{s.provider}'")
    for task, profile in knowledge.tasks.tasks.items():
        for metric in profile.metrics:
            if metric not in metrics:
                problems.append(f"tasks.yaml: task '{task}' weighs unknown metric '{metric}'")
    for maker in knowledge.makers.makers:
        for p in maker.providers:
            if p not in providers:
                problems.append(f"makers.yaml: maker '{maker.id}' names unknown provider '{p}'")
    return problems
