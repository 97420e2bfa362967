"""Model-name autocomplete for Discord's slash commands: fuzzy, at most 25 choices, well under 5 ms a keystroke.

Built once per catalogue (`Catalogue.index`) from the catalogue's own name index of the models worth suggesting
(`bot.intents.suggest.suggestion_names`: makers' and widely sold chat models, newest first), so a refresh that
swaps the catalogue brings new models into the choices. A keystroke first looks for names that start with, then
contain, what was typed (in the catalogue's normal form, so "GPT 4.1 mini" finds gpt-4.1-mini), and only then
asks rapidfuzz for names whose start is a close spelling of it ("cluade op" finds claude-opus-*).

`/whichmodel question:` completes the question's last words as a model id; `/compare` completes model ids.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.catalogue.names import model_key
from bot.catalogue.store import Catalogue
from bot.intents.suggest import suggestion_names

MAX_CHOICES = 25  # Discord's limit
MAX_CHOICE_TEXT = 100  # a choice's name and a string value
FUZZY_CUTOFF = 75
TAIL_WORDS = 3  # "... claude opus 4" completes the last three words


@dataclass(frozen=True)
class NameChoices:
    """Normal-form names -> model ids (newest first), and each id's display name."""

    keys: list[str]
    ids: list[str]  # ids[i] is the model keys[i] names
    display: dict[str, str]  # id -> "Claude Opus 5 (claude-opus-5)"
    newest: list[str]  # distinct ids, newest first


def name_choices(catalogue: Catalogue) -> NameChoices:
    """The autocomplete index of `catalogue` (kept on the catalogue by `Catalogue.index`)."""
    names: dict[str, str] = catalogue.index(suggestion_names)
    display: dict[str, str] = {}
    for mid in dict.fromkeys(names.values()):
        model = catalogue.model(mid)
        name = model.name if model is not None and model.name else mid
        shown = mid if name.lower() == mid.lower() else f"{name} ({mid})"
        display[mid] = shown if len(shown) <= MAX_CHOICE_TEXT else shown[: MAX_CHOICE_TEXT - 1] + "…"
    return NameChoices(list(names), list(names.values()), display, list(display))


def _matches(index: NameChoices, typed: str, limit: int, fuzzy: bool = True) -> list[str]:
    """Model ids for `typed`: names starting with it, then containing it (newest first), then (with `fuzzy`)
    close spellings."""
    key = model_key(typed)
    if not key:
        return []
    starts: list[str] = []
    contains: list[str] = []
    for name, mid in zip(index.keys, index.ids):
        if name.startswith(key):
            starts.append(mid)
        elif len(key) >= 2 and key in name:
            contains.append(mid)
    found = list(dict.fromkeys(starts + contains))[:limit]
    if fuzzy and len(found) < limit and len(key) >= 3:
        # close spellings of a name's start: each name cut to what was typed (plus one), scored by edit ratio
        starts_of = [name[: len(key) + 1] for name in index.keys]
        close = process.extract(key, starts_of, scorer=fuzz.ratio, limit=limit * 2, score_cutoff=FUZZY_CUTOFF)
        for _name, _score, i in close:
            if index.ids[i] not in found:
                found.append(index.ids[i])
            if len(found) == limit:
                break
    return found


def model_choices(index: NameChoices, typed: str, limit: int = MAX_CHOICES) -> list[tuple[str, str]]:
    """(shown name, model id) choices for a model option; the newest models when nothing is typed yet."""
    ids = _matches(index, typed, limit) if typed.strip() else index.newest[:limit]
    return [(index.display[mid], mid) for mid in ids]


def question_choices(index: NameChoices, typed: str, limit: int = MAX_CHOICES) -> list[tuple[str, str]]:
    """Choices for a free-text question: the question with its last words completed to a model id (close
    spellings for the last word only). Nothing when no tail names a model, or the question is too long."""
    words = list(re.finditer(r"\S+", typed))
    for n in range(min(TAIL_WORDS, len(words)), 0, -1):
        head = typed[: words[-n].start()]
        ids = _matches(index, " ".join(w.group() for w in words[-n:]), limit, fuzzy=n == 1)
        choices = [(head + mid, head + mid) for mid in ids if len(head + mid) <= MAX_CHOICE_TEXT]
        if choices:
            return choices
    return []
