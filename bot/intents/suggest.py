"""'Did you mean ...?': the closest catalogue names to a name we do not know."""

from __future__ import annotations

import re
from datetime import date

from rapidfuzz import fuzz, process

from bot.catalogue.grouping import Model
from bot.catalogue.names import model_key
from bot.catalogue.store import Catalogue
from bot.parse.name_index import line_version


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


_STEM = re.compile(r"^([a-z]+(?:-[a-z]+)*?)-?v?(\d+(?:\.\d+)?)")


def newer_than_known(name: str, catalogue: Catalogue, n: int = 3) -> list[str]:
    """For a version past every one its family has ("deepseek-v5" beside v3 and v4), that family's newest models."""
    m = _STEM.match(name.lower().strip().replace(" ", "-"))
    if m is None:
        return []
    stem, typed = m.group(1), float(m.group(2))
    family = []
    for model in catalogue.models:
        own = _STEM.match(model.id)
        if own is not None and own.group(1) == stem and notable(model):
            family.append((float(own.group(2)), model))
    if not family or typed <= max(v for v, _ in family):
        return []
    undated = [vm for vm in family if not _DATED.search(vm[1].id)] or family  # "deepseek-v4.1-flash", not its -1017 snapshot
    newest = sorted(undated, key=lambda vm: (line_version(vm[1].id), vm[1].release_date or date.min), reverse=True)
    return list(dict.fromkeys(mdl.id for _, mdl in newest))[:n]


_DATED = re.compile(r"-\d{4}(?:-\d{2}-\d{2})?$")


def closest(name: str, catalogue: Catalogue, n: int = 3) -> list[str]:
    """Up to `n` model ids whose names are closest to `name`, best first; for a version newer than its family's
    newest, that family's newest models."""
    newer = newer_than_known(name, catalogue, n)
    if newer:
        return newer
    names: dict[str, str] = catalogue.index(suggestion_names)
    out: list[str] = []
    for match, _score, _ in process.extract(model_key(name), list(names), scorer=fuzz.ratio, limit=n * 4):
        mid = names[match]
        if mid not in out:
            out.append(mid)
        if len(out) == n:
            break
    return out
