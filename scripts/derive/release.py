"""Release dates: Artificial Analysis records each maker's announcement; where models.dev's date for a model is off
by more than 45 days (or there is none: a model only the newer price maps sell), the offers that carry the wrong or no
date get Artificial Analysis's (`knowledge/release_dates.yaml`, applied when offers are merged, whenever the date is
still missing or that far off)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bot.catalogue.sources.release_dates import MAX_DAYS_OFF

from .readers.artificial_analysis import release_dates
from .write import HEADER, dump, write

SOURCE = "artificial-analysis"


def corrections(catalogue, matches: dict, ref: Path) -> dict[str, dict[str, object]]:  # type: ignore[no-untyped-def]
    """Model id -> {date, source_name, was, offers}: the models whose models.dev date is off by > 45 days."""
    found: dict[str, tuple[date, str]] = {}
    for slug, when in release_dates(ref).items():
        model_id = (matches.get((SOURCE, slug)) or (None,))[0]
        if model_id is None:
            continue
        day = date.fromisoformat(when)
        if model_id not in found or day < found[model_id][0]:
            found[model_id] = (day, slug)
    out: dict[str, dict[str, object]] = {}
    for model_id, (day, slug) in sorted(found.items()):
        model = catalogue.by_id[model_id]
        was = model.release_date
        if was is not None and abs((was - day).days) <= MAX_DAYS_OFF:
            continue
        offers = sorted(
            f"{o.provider}/{o.id}"
            for o in model.offers
            if o.release_date is None or abs((o.release_date - day).days) > MAX_DAYS_OFF
        )
        out[model_id] = {"date": day, "source_name": slug, "models_dev": was, "offers": offers}
    return out


def write_release_dates(out: Path, fixes: dict[str, dict[str, object]], as_of: date) -> None:
    """`release_dates.yaml`: Artificial Analysis's date for each model models.dev dates more than 45 days off."""
    body = {"source": SOURCE, "as_of": as_of, "dates": fixes}
    note = (
        "# Release dates from Artificial Analysis (the maker's announcement) where models.dev's are more than\n"
        "# 45 days off; `offers` are the provider/offer ids that carry the wrong date.\n"
    )
    write(out / "release_dates.yaml", note + HEADER + dump(body))
