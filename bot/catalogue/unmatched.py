"""Score and speed rows that matched no model when the knowledge was derived (`knowledge/unmatched.yaml`, keyed by
source and source name). A catalogue that now lists the model (after `whichmodel refresh` brings newer price maps)
matches them here. Read on demand (`catalogue check`, a build that wants them), never by a cached load."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from bot.catalogue.knowledge import Score, Speed, _yaml_load, knowledge_dir

FILE = "unmatched.yaml"


@dataclass
class Unmatched:
    """Source -> source name -> {"scores": [...], "speeds": [...]}, and each source's date."""

    rows: dict[str, dict[str, dict[str, list[dict]]]] = field(default_factory=dict)
    as_of: dict[str, date] = field(default_factory=dict)

    def counts(self) -> Counter[str]:
        """Unmatched source names per source."""
        return Counter({source: len(names) for source, names in self.rows.items()})


def load_unmatched(directory: Path | None = None) -> Unmatched:
    """The shipped unmatched rows (empty when the file is missing or unreadable)."""
    try:
        data = _yaml_load(((directory or knowledge_dir()) / FILE).read_text(encoding="utf-8")) or {}
    except (OSError, ValueError):
        return Unmatched()
    return Unmatched(dict(data.get("rows") or {}), dict(data.get("as_of") or {}))


def _lookup(catalogue, name: str):  # type: ignore[no-untyped-def]
    model = catalogue.model(name) or catalogue.model(name.replace(" ", "-"))
    return model if model is not None and model.kind == "chat" else None


def late_matches(catalogue, unmatched: Unmatched) -> tuple[dict[str, list[Score]], dict[str, list[Speed]]]:  # type: ignore[no-untyped-def]
    """(model id -> scores, model id -> speeds) for the kept rows whose source name the catalogue now knows."""
    scores: dict[str, list[Score]] = {}
    speeds: dict[str, list[Speed]] = {}
    for source, names in unmatched.rows.items():
        when = unmatched.as_of.get(source)
        if when is None:
            continue
        for name, rows in names.items():
            model = _lookup(catalogue, name)
            if model is None:
                continue
            for r in rows.get("scores") or []:
                scores.setdefault(model.id, []).append(
                    Score(metric=r["metric"], value=r["value"], source=source, as_of=when,
                          vendor_reported=bool(r.get("vendor_reported")), variant=r.get("variant"), source_name=name)
                )  # fmt: skip
            speed = _speed(rows.get("speeds") or [], source, when, name)
            if speed is not None:
                speeds.setdefault(model.id, []).append(speed)
    return scores, speeds


def _speed(rows: list[dict], source: str, when: date, name: str) -> Speed | None:
    """One speed entry from a name's speed rows (the first provider's; implausible figures dropped by the schema)."""
    if not rows:
        return None
    provider = rows[0].get("provider")
    figures = {r["metric"]: r["value"] for r in rows if r.get("provider") == provider}
    tps, ttft = figures.get("speed"), figures.get("ttft")
    try:
        return Speed(provider=provider, output_tps=tps, ttft_s=ttft, source=source, as_of=when, source_name=name,
                     variant=rows[0].get("variant"))  # fmt: skip
    except ValueError:
        return None


def still_unmatched(catalogue, unmatched: Unmatched) -> Counter[str]:  # type: ignore[no-untyped-def]
    """Per source, how many kept names the catalogue still does not know."""
    return Counter(
        {
            source: sum(1 for name in names if _lookup(catalogue, name) is None)
            for source, names in unmatched.rows.items()
        }
    )


def adopt_late_matches(catalogue, unmatched: Unmatched | None = None) -> int:  # type: ignore[no-untyped-def]
    """Give the catalogue's knowledge the kept rows it can now match (a source's rows only where the model has none
    from that source yet); returns how many models gained rows. Meant to run once, as a catalogue is built."""
    scores, speeds = late_matches(catalogue, unmatched if unmatched is not None else load_unmatched())
    gained: set[str] = set()
    for table, found in ((catalogue.knowledge.scores.scores, scores), (catalogue.knowledge.speeds.speeds, speeds)):
        for model_id, rows in found.items():
            have = {r.source for r in table.get(model_id, [])}
            new = [r for r in rows if r.source not in have]
            if new:
                table[model_id] = [*table.get(model_id, []), *new]
                gained.add(model_id)
    return len(gained)
