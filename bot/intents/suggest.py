"""'Did you mean ...?': the closest catalogue names to a name we do not know."""

from __future__ import annotations

from datetime import date

from rapidfuzz import fuzz, process

from bot.catalogue.grouping import Model
from bot.catalogue.names import model_key
from bot.catalogue.store import Catalogue


def notable(model: Model) -> bool:
    """A chat model people are likely to mean: sold by its maker or by several providers."""
    return model.kind == "chat" and (bool(model.first_party) or len(model.providers) >= 3)


def suggestion_names(catalogue: Catalogue) -> dict[str, str]:
    """Normalised name -> model id, for the models worth suggesting, newest first."""
    names: dict[str, str] = {}
    for model in sorted(catalogue.models, key=lambda m: m.release_date or date.min, reverse=True):
        if notable(model):
            names.setdefault(model.key, model.id)
            names.setdefault(model_key(model.name), model.id)
    return names


def closest(name: str, catalogue: Catalogue, n: int = 3) -> list[str]:
    """Up to `n` model ids whose names are closest to `name`, best first."""
    names: dict[str, str] = catalogue.index(suggestion_names)
    out: list[str] = []
    for match, _score, _ in process.extract(model_key(name), list(names), scorer=fuzz.ratio, limit=n * 4):
        mid = names[match]
        if mid not in out:
            out.append(mid)
        if len(out) == n:
            break
    return out
