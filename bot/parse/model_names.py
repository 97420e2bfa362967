"""Model names in questions, as people type them, matched to catalogue ids.

Names are compared as *pieces*: "Claude 3.5 Sonnet", "claude-3-5-sonnet-20241022" and "claude 3.5 sonnet"
all become ("claude", "3.5", "sonnet"); "gpt41 mini" becomes ("gpt", "41", "mini") and matches
gpt-4.1-mini through its compact form "gpt41mini". A span of the question is looked up, in order, as:

1. a curated line ("sonnet", "gemini flash"): the newest generally-available member, noted as an assumption;
2. a curated alias ("4o", "r1");
3. an id, display name, offer id or alias, by exact pieces, by the same pieces in any order, or compactly;
4. the same with the family word left out ("sonnet 4.5", "2.5 flash");
5. a family and line with no exact model ("llama 70b"): the newest match, noted as an assumption;
6. a close spelling with the same digits ("gemni-2.5-flash").

Among several matches a chat model with a first-party offer wins. A span that looks like a model (a
family word with a version, or "o7") and matches nothing is reported as unknown. The index is built
once per catalogue object and cached.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.catalogue.grouping import Model
from bot.catalogue.store import Catalogue
from bot.parse import pattern_cache
from bot.parse.name_context import Mention, in_context
from bot.parse.name_index import (
    FAMILIES,
    FAMILY_ORDER,
    LINE_WORDS,
    SINGLE_NAMES,
    WEAK_FAMILIES,
    NameIndex,
    Piece,
    bag,
    build_index,
    compact,
    fix_family,
    glue,
    name_index,
    name_pieces,
    newest_rank,
    raw_pieces,
)

_GAP_OK = pattern_cache.compile(r"^[\s\-_./]{0,3}$")
_DIGITS = pattern_cache.compile(r"\d")
_ALNUM = pattern_cache.compile(r"(?=.*\d)(?=.*[a-z])[a-z0-9.]+")
_O_SERIES = pattern_cache.compile(r"o\d+")
_TYPED_DATE = pattern_cache.compile(r"(?<=[a-z0-9])-(?:\d{4}-\d{2}-\d{2}|20\d{6})(?![\d-])")
_SMALL_VERSION = pattern_cache.compile(r"\d{1,2}(?:\.\d{1,2})?")
_ARTICLE = pattern_cache.compile(r"\b(?:a|an)\s+$")
_NUMERIC = pattern_cache.compile(r"[\d.]+")
_ID_SEPARATORS = pattern_cache.compile(r"[\s_]+")

__all__ = ["Mention", "build_index", "find_mentions", "name_index", "name_pieces"]


def _title(words: str) -> str:
    return " ".join(w.upper() if w in ("gpt", "glm") else w.capitalize() for w in words.split())


def _line_pick(index: NameIndex, ids: list[str] | set[str]) -> Model | None:
    found = [index.models[i] for i in ids if i in index.models]
    return min(found, key=newest_rank) if found else None


def _is_version(p: str) -> bool:
    return p[0].isdigit()


Found = tuple[Model | None, str | None]


@dataclass(frozen=True, slots=True)
class _Span:
    """A run of pieces being matched, with what kind of name it looks like."""

    pieces: tuple[str, ...]
    typed: str
    strong: bool  # has a family word ("gpt", "claude")
    weak_family: bool  # has a family word that is also a common word ("nova", "command")
    line_word: bool  # has a line word that names one family ("sonnet")
    alnum: bool  # has a piece mixing letters and digits ("4o", "o3")
    versions: tuple[str, ...]
    words: tuple[str, ...]

    @classmethod
    def of(cls, pieces: tuple[str, ...], typed: str) -> _Span:
        return cls(
            pieces,
            typed,
            any(p in FAMILIES for p in pieces),
            any(p in WEAK_FAMILIES for p in pieces),
            any(p in LINE_WORDS for p in pieces),
            any(_ALNUM.fullmatch(p) for p in pieces),
            tuple(p for p in pieces if _is_version(p)),
            tuple(p for p in pieces if p.isalpha()),
        )

    @property
    def family_here(self) -> str | None:
        return next((p for p in self.pieces if p in FAMILIES or p in WEAK_FAMILIES), None)


def _match(index: NameIndex, pieces: tuple[str, ...], typed: str) -> Found:
    """The model a span of pieces names, and the assumption made to pick it (None when exact)."""
    span = _Span.of(pieces, typed)
    curated = _curated(index, span)
    if curated is not None:
        return curated
    if not (
        span.strong or span.weak_family or span.line_word or span.alnum or _dotted_line(index, span)
        or _named_by_pieces(index, span)
    ):
        return None, None
    for step in (_exact, _family_left_out, _newest_of_line, _close_spelling):
        model, note = step(index, span)
        if model is not None:
            return model, note
    return None, None


def _curated(index: NameIndex, span: _Span) -> Found | None:
    """Steps 1-2: a curated line or alias; a family word alone names no model (None: go on matching)."""
    pieces = span.pieces
    if pieces in index.lines:
        pick = _line_pick(index, index.lines[pieces])
        if pick is not None:
            return pick, f"'{span.typed}' taken as {pick.id}, the newest {_title(' '.join(pieces))}."
    if pieces in index.aliases:
        return index.models.get(index.aliases[pieces]), None
    if len(pieces) == 1 and (span.strong or span.weak_family):
        if pieces[0] in SINGLE_NAMES:  # "codestral": a family that is also a model's name
            same = set(index.bags.get(frozenset(pieces), ())) & index.notable
            # "whisper": no model is called just that; the family's own first-party model is ("whisper-1")
            line = same or index.by_piece.get((pieces[0], pieces[0]), set())
            return index.best(line, frozenset(pieces)), None
        return None, None  # "gpt", "claude", "gemini" alone name a family, not a model
    return None


def _dotted_line(index: NameIndex, span: _Span) -> bool:
    return any("." in v for v in span.versions) and any(w in index.implied for w in span.words)


def _exact(index: NameIndex, span: _Span) -> Found:
    """Step 3: the same pieces, in order, in any order, or compactly."""
    pieces = span.pieces
    named = span.strong or span.line_word or span.weak_family
    cands: set[str] = set(index.seq.get(pieces, ()))
    if named or len(pieces) > 1:
        cands.update(index.bags.get(bag(pieces), ()))
        cands.update(index.compact.get(compact(pieces), ()))
    if not named:
        cands &= index.notable
    typed_id = _ID_SEPARATORS.sub("-", span.typed.strip())
    if typed_id in cands:
        return index.models[typed_id], None  # "mistral-large-4": the id typed, not its "-4-0" twin
    return index.best(cands, bag(pieces)), None


def _named_by_pieces(index: NameIndex, span: _Span) -> bool:
    """A name with no family word that spells a known model's id or name in order, with its version:
    "text-embedding-3-large", "whisper-1", "tts-1"."""
    return len(span.pieces) >= 2 and bool(span.versions) and bool(set(index.seq.get(span.pieces, ())) & index.notable)


def _family_left_out(index: NameIndex, span: _Span) -> Found:
    """Step 4: the family word left out ("sonnet 4.5", "2.5 flash")."""
    if span.family_here is not None or not span.words:
        return None, None
    if not (span.line_word or any("." in v for v in span.versions) or span.alnum):
        return None, None
    fams: set[str] = set()
    for w in span.words:
        fams |= index.implied.get(w, set())
    for w in span.words:
        if w in LINE_WORDS:
            fams = {LINE_WORDS[w]}
    typed = bag(span.pieces)
    for fam in sorted(fams, key=lambda f: (FAMILY_ORDER.index(f) if f in FAMILY_ORDER else 99, f)):
        hit = index.best(set(index.bags.get(typed | {fam}, ())) & index.notable, typed | {fam})
        if hit is not None:
            return hit, None
    return None, None


def _span_family(span: _Span) -> str | None:
    words = span.words
    return span.family_here or (LINE_WORDS[words[0]] if words and words[0] in LINE_WORDS else None)


def _newest_of_line(index: NameIndex, span: _Span) -> Found:
    """Step 5: a family and line with no exact model ("llama 70b"): the newest match."""
    family = _span_family(span)
    if family is None or len(span.pieces) < 2:
        return None, None
    pool: set[str] | None = None
    for p in bag(span.pieces) | {family}:
        ids = index.by_piece.get((family, p), set())
        pool = set(ids) if pool is None else pool & ids
        if not pool:
            return None, None
    pick = _line_pick(index, pool) if pool else None
    if pick is None:
        return None, None
    return pick, f"'{span.typed}' taken as {pick.id}, the newest match."


def _close_spelling(index: NameIndex, span: _Span) -> Found:
    """Step 6: a close spelling with the same digits ("gemni-2.5-flash")."""
    if _span_family(span) is None or len(span.pieces) < 2 or not index.fuzzy_keys:
        return None, None
    if not (span.strong or span.line_word or span.versions):
        return None, None  # "multi-step": a family word that is also a common word names a model only with a version
    key = compact(span.pieces)
    hit = process.extractOne(key, index.fuzzy_keys, scorer=fuzz.ratio, score_cutoff=88)
    if hit is None or "".join(_DIGITS.findall(hit[0])) != "".join(_DIGITS.findall(key)):
        return None, None
    mid = index.fuzzy_ids[hit[2]]
    return index.models[mid], f"'{span.typed}' read as {mid}"


# a run's effort (reasoning) setting typed onto a model id, as the leaderboards name runs: "glm-5.3-max"
EFFORT_WORDS = frozenset({"max", "high", "xhigh", "medium", "low", "minimal"})


def find_mentions(text: str, catalogue: Catalogue) -> list[Mention]:
    """Model names in `text` (lower case), left to right, with what each matched."""
    index = name_index(catalogue)
    dates = [(m.start(), m.end()) for m in _TYPED_DATE.finditer(text)]
    pieces = glue(raw_pieces(text), text)
    if dates:  # "gpt-4.1-mini-2025-04-14": the date belongs to the name before it, not to the name itself
        pieces = [p for p in pieces if not any(s <= p.start < e for s, e in dates)]
    pieces = [Piece(fix_family(p.text, index.vocab), p.start, p.end) if p.text.isalpha() else p for p in pieces]
    mentions: list[Mention] = []
    i = 0
    n = len(pieces)
    while i < n:
        # a run: name-like pieces with only spaces, hyphens, dots or slashes between them
        if not _name_like(pieces[i].text, index):
            i += 1
            continue
        j = i + 1
        while (
            j < n
            and _GAP_OK.match(text[pieces[j - 1].end : pieces[j].start])
            and (
                _name_like(pieces[j].text, index)
                or (len(pieces[j].text) == 1 and (pieces[j - 1].text, pieces[j].text) in index.pairs)  # "command a"
            )
        ):
            j += 1
        mentions.extend(_scan_run(index, pieces[i:j], text))
        i = j
    if dates:
        ends = {s: e for s, e in dates}
        mentions = [
            Mention(m.start, ends[m.end], text[m.start : ends[m.end]], m.model_id, m.assumption, m.bare_number)
            if m.end in ends
            else m
            for m in mentions
        ]
    return in_context(mentions, text, index)


def _name_like(p: str, index: NameIndex) -> bool:
    return p in index.vocab or p[0].isdigit() or (not p.isalpha() and len(p) <= 8) or p in WEAK_FAMILIES


def _scan_run(index: NameIndex, run: list[Piece], text: str) -> list[Mention]:
    """Greedy longest match from the left; unmatched stretches that look like a model are unknown."""
    out: list[Mention] = []
    texts = tuple(p.text for p in run)
    stretch: list[int] = []
    i = 0
    while i < len(run):
        for j in range(min(len(run), i + 7), i, -1):
            typed = text[run[i].start : run[j - 1].end]
            model, note = _match(index, texts[i:j], typed)
            if model is not None and note is not None and j < len(run) and _SMALL_VERSION.fullmatch(texts[j]):
                model = None  # "claude opus 5": a version the line does not have
            if model is not None and j - i == 1 and texts[i] in LINE_WORDS and _ARTICLE.search(text[: run[i].start]):
                model = None  # "write a haiku"
            if model is not None and j < len(run) and text[run[j - 1].end : run[j].start] == "-":
                k = j  # "gpt-4o-mini-tts": a name that goes on past the match is a different model
                while k < len(run) and text[run[k - 1].end : run[k].start] == "-":
                    k += 1
                if k == j + 1 and texts[j] in EFFORT_WORDS:  # "glm-5.3-max": the model at its max effort setting
                    out.extend(_unknown_stretch(index, run, stretch, text))
                    stretch = []
                    whole = text[run[i].start : run[j].end]
                    note = f"'{whole}' read as {model.id} (at its {texts[j]} effort setting)"
                    out.append(Mention(run[i].start, run[j].end, whole, model.id, note))
                    i = k
                    break
                if not any(_match(index, texts[j:e], text[run[j].start : run[e - 1].end])[0] for e in range(k, j, -1)):
                    out.extend(_unknown_stretch(index, run, stretch, text))
                    stretch = []
                    out.append(Mention(run[i].start, run[k - 1].end, text[run[i].start : run[k - 1].end], None))
                    i = k
                    break
            if model is not None:
                out.extend(_unknown_stretch(index, run, stretch, text))
                stretch = []
                bare = all(_NUMERIC.fullmatch(p) for p in texts[i:j])  # "4.1" alone; "4o" is a name
                out.append(Mention(run[i].start, run[j - 1].end, typed, model.id, note, bare))
                i = j
                break
        else:
            stretch.append(i)
            i += 1
    out.extend(_unknown_stretch(index, run, stretch, text))
    return out


def _unknown_stretch(index: NameIndex, run: list[Piece], stretch: list[int], text: str) -> list[Mention]:
    if not stretch:
        return []
    span = tuple(run[k].text for k in stretch)
    named = any(p in FAMILIES or p in LINE_WORDS for p in span)
    versioned = any(p[0].isdigit() or _ALNUM.fullmatch(p) for p in span)
    o_series = any(_O_SERIES.fullmatch(p) for p in span)
    if (named and versioned) or o_series:
        start, end = run[stretch[0]].start, run[stretch[-1]].end
        return [Mention(start, end, text[start:end], None)]
    return []
