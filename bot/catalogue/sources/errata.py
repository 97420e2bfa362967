"""Source prices known to be wrong (`knowledge/price_errata.yaml`), left out when an offer's price is chosen.

Read only when a catalogue is built. An erratum names the source, the offers and the wrong price, so a source that
later corrects its entry is trusted again."""

from __future__ import annotations

from pathlib import Path

FILE = "price_errata.yaml"

Erratum = tuple[str, str, str]  # (source, provider, offer id)


def load_errata(directory: Path | None = None) -> dict[Erratum, tuple[float, float]]:
    """(source, provider, offer id) -> the wrong (input, output) price per 1M ({} when the file is missing)."""
    from bot.catalogue.knowledge import _yaml_load, knowledge_dir

    path = (directory or knowledge_dir()) / FILE
    try:
        data = _yaml_load(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    out: dict[Erratum, tuple[float, float]] = {}
    for entry in (data or {}).get("errata") or []:
        price = entry.get("price") or []
        if len(price) != 2:
            continue
        for key in entry.get("offers") or []:
            provider, _, offer_id = str(key).partition("/")
            out[(str(entry.get("source")), provider, offer_id)] = (float(price[0]), float(price[1]))
    return out
