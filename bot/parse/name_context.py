"""Names read in the light of their neighbours, once `bot.parse.model_names` has found each one alone.

A catalogue id typed as it is ("dall-e-3") names its model; a variant word after a name stands for the same line
("gpt-4.1 mini vs nano"); a version and line after a name of one family are read in that family ("4.1 nano vs 5
nano"); a line named without a version after a versioned name is read in that version ("gemini 2.5 flash, would
flash-lite ...").
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.parse import pattern_cache
from bot.parse.name_index import FAMILIES, STOP, NameIndex, bag, name_pieces

_DIGITS = pattern_cache.compile(r"\d")


@dataclass(frozen=True, slots=True)
class Mention:
    """One model name found in a question."""

    start: int
    end: int
    text: str
    model_id: str | None  # None: looks like a model, matches nothing
    assumption: str | None = None
    bare_number: bool = False  # the name is only a version number ("4.1"), trusted only beside other names


def in_context(mentions: list[Mention], text: str, index: NameIndex) -> list[Mention]:
    """The mentions found one by one, with what their neighbours add or correct."""
    return _with_ellipses(_exact_ids(text, mentions, index), text, index)


# a token shaped like an API id: letters first, then pieces joined by hyphens, underscores or dots ("dall-e-3")
_ID_TOKEN = pattern_cache.compile(r"(?<![\w./-])[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)+(?![\w-])")


def _exact_ids(text: str, mentions: list[Mention], index: NameIndex) -> list[Mention]:
    """A catalogue id typed as it is ("dall-e-3", "voyage-4") names that model, however few sell it."""
    out = list(mentions)
    for m in _ID_TOKEN.finditer(text):
        mid = index.exact.get(m.group().replace("_", "-")) if _DIGITS.search(m.group()) else None
        over = [o for o in mentions if o.model_id and o.start < m.end() and m.start() < o.end]
        if mid is None or over and not (mid == m.group() and all(o.text == m.group() and o.model_id != mid for o in over)):
            continue  # a line's newest member gives way to the very id typed: "kimi-k2" is kimi-k2, not kimi-k2.6
        out = [o for o in out if not (o.start < m.end() and m.start() < o.end)]
        out.append(Mention(m.start(), m.end(), m.group(), mid))
    return sorted(out, key=lambda o: o.start) if len(out) != len(mentions) or out != mentions else out


# a sibling named by its line word alone, after a few words of judgement: "terra vs sol vs luna", "terra worth it over luna"
_ELLIPSIS = pattern_cache.compile(
    r"(?:\s+(?:is|it'?s|worth it|really|much|way|any|better|good|enough|still))*"
    r"\s*(?:,|/|vs\.?|versus|v\.?|or|and|over|than|against|compared (?:to|with)|to)\s+(?:the\s+|is\s+)?([a-z][a-z0-9+]*)(?![\w.-]*\s*[\w.-]*\d)\b"
)


def _same_version(first: Mention, line: Mention, index: NameIndex) -> Mention | None:
    """A line name ("flash-lite") after a versioned name ("gemini 2.5 flash") read in that version."""
    head = name_pieces(first.text)
    version = next((i for i, p in enumerate(head) if p[0].isdigit()), None)
    if version is None:
        return None
    pieces = name_pieces(line.text)
    guess = head[: version + 1] + tuple(p for p in pieces if p not in head[: version + 1])
    found = index.best(index.bags.get(bag(guess), []))
    if found is None or found.id == first.model_id:
        return None
    return Mention(line.start, line.end, line.text, found.id)


def _with_ellipses(mentions: list[Mention], text: str, index: NameIndex) -> list[Mention]:
    """A variant word after a name stands for the same model line: "gpt-4.1 mini vs nano" names gpt-4.1-nano,
    "gemini 2.5 flash or pro" names gemini-2.5-pro."""
    out = list(mentions)
    heads: dict[int, tuple[str, ...]] = {}  # a sibling's start -> the full name it was read from
    for m in out:  # a sibling found is followed in turn: "terra vs sol vs luna"
        if m.model_id is None:
            continue
        nxt = _ELLIPSIS.match(text, m.end)
        if nxt is None:
            continue
        later = next((o for o in mentions if o.start < nxt.end() and nxt.start(1) < o.end), None)
        if later is not None:
            if later.assumption:  # "gemini 2.5 flash to flash-lite": the line read in the first name's version
                refined = _same_version(m, later, index)
                if refined is not None:
                    out[out.index(later)] = refined
            continue
        word = nxt.group(1)
        if word not in index.vocab or word in STOP or word in FAMILIES:
            continue
        typed = heads.get(m.start) or name_pieces(m.text)  # "sol" stands for "gpt5.6 sol"
        for pieces in dict.fromkeys((typed, name_pieces(m.model_id))):  # "4.1 mini vs nano": as typed, then by its id
            swap, append = pieces[:-1] + (word,), pieces + (word,)
            guesses = (append,) if pieces[-1][0].isdigit() else (swap, append)  # "gpt-5 vs mini"; "flash vs pro"
            found = next((f for g in guesses if (f := index.best(index.bags.get(bag(g), []))) is not None and f.id != m.model_id), None)
            if found is not None:
                out.append(Mention(nxt.start(1), nxt.end(1), word, found.id))
                heads[nxt.start(1)] = next(g for g in guesses if index.best(index.bags.get(bag(g), [])) is found)
                break
    return _lines_in_version(_family_carried(sorted(out, key=lambda m: m.start), text, index), index)


_VERSION_LINE = pattern_cache.compile(
    r"\s*(?:,|/|vs\.?|versus|v\.?|or|and|over|against|compared (?:to|with)|to)\s+(?:the\s+)?(\d{1,2}(?:\.\d{1,2})?)[\s-]?([a-z]{3,})\b"
)


def _family_carried(mentions: list[Mention], text: str, index: NameIndex) -> list[Mention]:
    """A version and line with no family after a name of one family are read in that family: "4.1 nano vs 5
    nano" names gpt-5-nano."""
    out = list(mentions)
    for m in mentions:
        nxt = _VERSION_LINE.match(text, m.end) if m.model_id else None
        if nxt is None or nxt.group(2) not in index.vocab or any(o.start < nxt.end() and nxt.start(1) < o.end for o in out):
            continue
        family = name_pieces(m.model_id)[0]
        guess = (family, nxt.group(1), nxt.group(2))
        found = index.best(set(index.bags.get(bag(guess), ())) & index.notable, bag(guess))
        if found is not None and found.id != m.model_id:
            out.append(Mention(nxt.start(1), nxt.end(), text[nxt.start(1) : nxt.end()], found.id))
    return sorted(out, key=lambda m: m.start) if len(out) != len(mentions) else out


def _lines_in_version(mentions: list[Mention], index: NameIndex) -> list[Mention]:
    """A line named without a version after a versioned name of the same family is read in that version: "on
    gemini 2.5 flash, would flash-lite save money?" means gemini-2.5-flash-lite, not the newest flash-lite."""
    out = list(mentions)
    for i, m in enumerate(mentions):
        if not m.assumption or _DIGITS.search(m.text):
            continue
        before = next((o for o in reversed(mentions[:i]) if o.model_id and _DIGITS.search(o.text)), None)
        refined = _same_version(before, m, index) if before is not None else None
        if refined is not None:
            out[i] = refined
    return out
