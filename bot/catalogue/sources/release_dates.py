"""Facts about offers kept in `knowledge/` beside the price maps, applied when offers are merged.Release-date corrections derived ahead of time (`knowledge/release_dates.yaml`): Artificial Analysis's record of a
maker's announcement, for the models whose models.dev date is more than 45 days off or missing. Read only when a
catalogue is built (never on a cached load); an offer's date is replaced only while it is missing or that far off."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from bot.catalogue.offers import Offer

MAX_DAYS_OFF = 45
FILE = "release_dates.yaml"


def load_corrections(directory: Path | None = None) -> dict[tuple[str, str], date]:
    """(provider, offer id) -> the release date to use ({} when the file is missing or unreadable)."""
    from bot.catalogue.knowledge import _yaml_load, knowledge_dir

    path = (directory or knowledge_dir()) / FILE
    try:
        data = _yaml_load(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    out: dict[tuple[str, str], date] = {}
    for entry in ((data or {}).get("dates") or {}).values():
        day = entry.get("date")
        for key in entry.get("offers") or []:
            provider, _, offer_id = str(key).partition("/")
            if isinstance(day, date):
                out[(provider, offer_id)] = day
    return out


def corrected(offers: list[Offer], fixes: dict[tuple[str, str], date]) -> list[Offer]:
    """The offers with each listed release date set where it is missing or more than 45 days off the recorded one."""
    out = []
    for o in offers:
        day = fixes.get((o.provider, o.id))
        if day is not None and (o.release_date is None or abs((o.release_date - day).days) > MAX_DAYS_OFF):
            o = replace(o, release_date=day, provenance=(*o.provenance, ("release_date", "artificial-analysis")))
        out.append(o)
    return out

