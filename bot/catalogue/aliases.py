"""The alias tables: every name people or sources use for a model, to the model's id."""

from __future__ import annotations

from bot.catalogue.knowledge import Knowledge
from bot.catalogue.names import clean_id, key_is_lossy, model_key


def alias_tables(knowledge: Knowledge) -> tuple[dict[str, str], dict[str, str]]:
    """(exact, keyed): cleaned name -> model id, and normalised key -> model id.

    Every alias matches exactly (`clean_id`). An alias also matches by normalised key unless its key is
    lossy (`key_is_lossy`: it drops a date, `-latest`, a version tag) or two aliases share the key but
    point at different models: those match exactly only. `aliases.yaml` (names people type) wins over
    `source_names.yaml` for the same key.
    """
    exact: dict[str, str] = {}
    keyed: dict[str, set[str]] = {}
    for aliases in (knowledge.source_names, knowledge.aliases):
        for target, names in aliases.aliases.items():
            exact.setdefault(clean_id(target), target)
            if not key_is_lossy(target):
                keyed.setdefault(model_key(target), set()).add(target)
            for name in names:
                exact[clean_id(name)] = target
                if not key_is_lossy(name):
                    keyed.setdefault(model_key(name), set()).add(target)
    people = {model_key(n): t for t, names in knowledge.aliases.aliases.items() for n in names}
    table = {k: next(iter(t)) for k, t in keyed.items() if len(t) == 1}
    table.update(people)
    return exact, table
