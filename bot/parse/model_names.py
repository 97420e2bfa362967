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

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.catalogue.grouping import Model
from bot.catalogue.store import Catalogue

# family words: a name usually starts with one of these
FAMILIES: frozenset[str] = frozenset(
    """gpt chatgpt claude gemini gemma llama mistral mixtral ministral magistral codestral devstral pixtral voxtral
    qwen qwq qvq deepseek grok kimi glm minimax phi nemotron ernie mimo hunyuan jamba granite olmo hermes wizardlm
    codex""".split()
)
# family words that are also ordinary words: they count only next to a version or line word
WEAK_FAMILIES: frozenset[str] = frozenset("command nova sonar mercury step trinity intellect morph titan".split())
# family words that, alone, name one model ("codestral" is codestral-latest)
SINGLE_NAMES: frozenset[str] = frozenset("codestral devstral magistral pixtral voxtral qwq codex".split())
# line words that name one family
LINE_WORDS: dict[str, str] = {"sonnet": "claude", "opus": "claude", "haiku": "claude"}
# order in which families are tried when a name leaves the family out ("4.1" -> gpt before grok)
FAMILY_ORDER: tuple[str, ...] = (
    "gpt",
    "claude",
    "gemini",
    "o",
    "llama",
    "mistral",
    "qwen",
    "deepseek",
    "grok",
    "gemma",
    "kimi",
    "glm",
)
# leading organisation words dropped from names ("meta llama 3", "openai/gpt-4o")
ORGS: frozenset[str] = frozenset(
    "meta openai anthropic google mistralai microsoft amazon nvidia ibm xai alibaba baidu tencent moonshotai ai".split()
)
# pieces that do not tell models apart
OPTIONAL: frozenset[str] = frozenset("latest preview instruct it exp experimental versatile v1 model".split())
# words never part of a model name in a question
STOP: frozenset[str] = frozenset(
    """a an the and or for of to in on with by vs versus v at is it its my our from best cheapest model models llm llms
    new old i me we you this that what which how when who not no only just any all cost price tokens token per month
    context window open source weights free use using than over under more less most good better vs. as be are was
    do does did can could should would will if but so up out about into via through tier plan api""".split()
)
NOT_GA: frozenset[str] = frozenset("preview exp experimental beta alpha latest".split())

_PIECE = re.compile(r"[a-z]+|\d+(?:\.\d+)*|(?<=[a-z])\+")
_DATE = re.compile(r"(?<!\d)(?:\d{4}-\d{2}-\d{2}|20\d{6})(?!\d)")
_REGION = re.compile(r"^(?:us|eu|apac|au|jp|global|ca)\.")
_GAP_OK = re.compile(r"^[\s\-_./]{0,3}$")
_DIGITS = re.compile(r"\d")
_ALNUM = re.compile(r"(?=.*\d)(?=.*[a-z])[a-z0-9.]+")
_O_SERIES = re.compile(r"o\d+")
_TYPED_DATE = re.compile(r"(?<=[a-z0-9])-(?:\d{4}-\d{2}-\d{2}|20\d{6})(?![\d-])")
_SMALL_VERSION = re.compile(r"\d{1,2}(?:\.\d{1,2})?")
_ARTICLE = re.compile(r"\b(?:a|an)\s+$")


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    start: int
    end: int


def _raw_pieces(text: str) -> list[Piece]:
    """Letter runs and numbers; a '+' after letters reads "plus" ("command r+")."""
    return [Piece("plus" if m.group() == "+" else m.group(), m.start(), m.end()) for m in _PIECE.finditer(text)]


def _glue(raw: list[Piece], text: str) -> list[Piece]:
    """Join "o"+"3", "4"+"o", "70"+"b"; merge "3"-"5" into "3.5"; drop trailing ".0"."""
    out: list[Piece] = []
    i = 0
    n = len(raw)
    while i < n:
        p = raw[i]
        t, s, e = p.text, p.start, p.end
        if t.isalpha() and len(t) == 1 and i + 1 < n and raw[i + 1].start == e and raw[i + 1].text[0].isdigit():
            i += 1
            t, e = t + raw[i].text, raw[i].end
            if i + 1 < n and raw[i + 1].start == e and raw[i + 1].text.isalpha() and len(raw[i + 1].text) <= 2:
                i += 1
                t, e = t + raw[i].text, raw[i].end
        elif (
            t[0].isdigit()
            and i + 1 < n
            and raw[i + 1].start == e
            and raw[i + 1].text.isalpha()
            and len(raw[i + 1].text) <= 2
        ):
            i += 1
            t, e = t + raw[i].text, raw[i].end
        out.append(Piece(t, s, e))
        i += 1
    merged: list[Piece] = []
    for p in out:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and p.text.isdigit()
            and len(p.text) <= 2
            and prev.text.isdigit()
            and len(prev.text) <= 2
            and text[prev.end : p.start] in ("-", "_")
        ):
            merged[-1] = Piece(prev.text + "." + p.text, prev.start, p.end)
        else:
            merged.append(p)
    return [
        Piece(p.text[:-2], p.start, p.end) if p.text.endswith(".0") and p.text[:-2].isdigit() else p for p in merged
    ]


@lru_cache(maxsize=65536)
def name_pieces(name: str) -> tuple[str, ...]:
    """The pieces of a model name or id: "anthropic.claude-3-5-sonnet-20241022-v2:0" -> ("claude", "3.5", "sonnet", "v2")."""
    s = name.strip().lower().rsplit("/", 1)[-1]
    if ": " in s:  # display names like "Anthropic: Claude Sonnet 4.5"
        s = s.split(": ", 1)[1]
    s = s.split(":", 1)[0]
    s = _REGION.sub("", s)
    s = _DATE.sub(" ", s)
    pieces = [p.text for p in _glue(_raw_pieces(s), s)]
    while len(pieces) > 1 and pieces[0] in ORGS:
        pieces = pieces[1:]
    return tuple(pieces)


def _bag(pieces: tuple[str, ...]) -> frozenset[str]:
    return frozenset(p for p in pieces if p not in OPTIONAL)


def _compact(pieces: tuple[str, ...]) -> str:
    return "".join(p for p in pieces if p not in OPTIONAL).replace(".", "")


def _family(pieces: tuple[str, ...]) -> str | None:
    for p in pieces[:2]:
        if p in FAMILIES or p in WEAK_FAMILIES:
            return p
        if re.fullmatch(r"o\d+", p):
            return "o"
    return None


def _rank(m: Model) -> tuple:
    """Sort key among models that match the same name: chat, first-party, general availability, reach."""
    pieces = name_pieces(m.id)
    return (m.kind != "chat", not m.first_party, bool(NOT_GA & set(pieces)), -len(m.offers), len(m.id), m.id)


def _newest_rank(m: Model) -> tuple:
    """Sort key for "the newest model of a line": chat, generally available, first-party, newest."""
    pieces = set(name_pieces(m.id))
    released = m.release_date or date.min
    if released.year < 2000:
        released = date.min
    return (m.kind != "chat", bool(NOT_GA & pieces), not m.first_party, -released.toordinal(), -len(m.offers), m.id)


@dataclass
class NameIndex:
    """Lookups from name pieces to models, built once per catalogue."""

    models: dict[str, Model]
    seq: dict[tuple[str, ...], list[str]] = field(default_factory=dict)
    bags: dict[frozenset[str], list[str]] = field(default_factory=dict)
    compact: dict[str, list[str]] = field(default_factory=dict)
    aliases: dict[tuple[str, ...], str] = field(default_factory=dict)
    lines: dict[tuple[str, ...], list[str]] = field(default_factory=dict)
    notable: set[str] = field(default_factory=set)
    vocab: set[str] = field(default_factory=set)
    implied: dict[str, set[str]] = field(default_factory=dict)
    by_piece: dict[tuple[str, str], set[str]] = field(default_factory=dict)  # (family, piece) -> notable ids
    pairs: set[tuple[str, str]] = field(default_factory=set)  # a piece then a one-letter piece ("command", "a")
    fuzzy_keys: list[str] = field(default_factory=list)
    fuzzy_ids: list[str] = field(default_factory=list)
    families: frozenset[str] = FAMILIES

    def best(self, ids: set[str] | list[str], typed: frozenset[str] | None = None) -> Model | None:
        """The model to pick among `ids`; one whose own id has exactly the typed pieces comes first."""
        found = [self.models[i] for i in ids if i in self.models]
        if not found:
            return None
        if typed is None:
            return min(found, key=_rank)
        return min(found, key=lambda m: (m.kind != "chat", _bag(name_pieces(m.id)) != typed, *_rank(m)[1:]))


def _add(table: dict, key, mid: str) -> None:
    bucket = table.setdefault(key, [])
    if mid not in bucket:
        bucket.append(mid)


def build_index(catalogue: Catalogue) -> NameIndex:
    """Every name of every catalogue model, as pieces, with the vocabulary that may appear in a name."""
    models = {m.id: m for m in catalogue.models}
    index = NameIndex(models=models)
    for m in catalogue.models:
        if m.first_party or len(m.offers) >= 3:
            index.notable.add(m.id)
    knowledge = catalogue.knowledge
    for target, names in knowledge.aliases.aliases.items():
        if target not in models:
            continue
        for name in names:
            pieces = name_pieces(name)
            if pieces:
                index.aliases[pieces] = target
                index.vocab.update(p for p in pieces if not p[0].isdigit())
                index.pairs.update((a, b) for a, b in zip(pieces, pieces[1:]) if len(b) == 1)
    source_names: dict[str, list[str]] = {}
    for target, names in knowledge.source_names.aliases.items():
        source_names.setdefault(target, []).extend(names)
    for m in catalogue.models:
        names = {m.id, m.name, *(o.id for o in m.offers), *source_names.get(m.id, ())}
        if m.id in index.notable:
            names.update(o.name for o in m.offers)
        for name in names:
            pieces = name_pieces(name)
            if not pieces:
                continue
            _add(index.seq, pieces, m.id)
            _add(index.bags, _bag(pieces), m.id)
            _add(index.compact, _compact(pieces), m.id)
        if m.id in index.notable:
            pieces = name_pieces(m.id)
            fam = _family(pieces)
            for name in (m.id, m.name):
                named = name_pieces(name)
                index.vocab.update(p for p in named if not p[0].isdigit() and p not in STOP)
                index.pairs.update((a, b) for a, b in zip(named, named[1:]) if len(b) == 1)
            if fam:
                for p in _bag(pieces):
                    index.by_piece.setdefault((fam, p), set()).add(m.id)
                    if p != fam and not p[0].isdigit():
                        index.implied.setdefault(p, set()).add(fam)
                index.fuzzy_keys.append(_compact(pieces))
                index.fuzzy_ids.append(m.id)
    for line, members in knowledge.aliases.lines.items():
        present = [mid for mid in (_resolve(index, mid) for mid in members) if mid]
        pieces = name_pieces(line)
        if present and pieces:
            index.lines[pieces] = present
            index.vocab.update(p for p in pieces if not p[0].isdigit())
    index.vocab -= STOP
    index.vocab |= FAMILIES | set(LINE_WORDS)
    return index


def _resolve(index: NameIndex, name: str) -> str | None:
    """A catalogue id for `name`: itself if it is one, else the best model with the same pieces."""
    if name in index.models:
        return name
    pieces = name_pieces(name)
    best = index.best(set(index.seq.get(pieces, ())) | set(index.bags.get(_bag(pieces), ())))
    return best.id if best else None


def name_index(catalogue: Catalogue) -> NameIndex:
    """The name index for `catalogue`, built once per catalogue."""
    return catalogue.index(build_index)


# --- matching ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Mention:
    """One model name found in a question."""

    start: int
    end: int
    text: str
    model_id: str | None  # None: looks like a model, matches nothing
    assumption: str | None = None
    bare_number: bool = False  # the name is only a version number ("4.1"), trusted only beside other names


def _title(words: str) -> str:
    return " ".join(w.upper() if w in ("gpt", "glm") else w.capitalize() for w in words.split())


def _line_pick(index: NameIndex, ids: list[str] | set[str]) -> Model | None:
    found = [index.models[i] for i in ids if i in index.models]
    return min(found, key=_newest_rank) if found else None


def _is_version(p: str) -> bool:
    return p[0].isdigit()


def _fix_family(piece: str, vocab: set[str]) -> str:
    """A typo of a family or line word ("gemni", "sonet", "cluade") spelt right; other pieces as they are."""
    if len(piece) < 5 or not piece.isalpha() or piece in vocab:
        return piece
    return _fix_family_cached(piece)


@lru_cache(maxsize=4096)
def _fix_family_cached(piece: str) -> str:
    choices = sorted(FAMILIES | set(LINE_WORDS))
    hits = process.extract(piece, choices, scorer=OSA.distance, score_cutoff=1, limit=2)
    if len(hits) == 1 or (len(hits) > 1 and hits[0][1] < hits[1][1]):
        return hits[0][0]
    return piece


def _match(index: NameIndex, span: tuple[str, ...], typed: str) -> tuple[Model | None, str | None]:
    """The model a span of pieces names, and the assumption made to pick it (None when exact)."""
    strong = any(p in FAMILIES for p in span)
    weak_fam = any(p in WEAK_FAMILIES for p in span)
    line_word = any(p in LINE_WORDS for p in span)
    alnum = any(_ALNUM.fullmatch(p) for p in span)
    versions = [p for p in span if _is_version(p)]
    words = [p for p in span if p.isalpha()]
    # 1-2: curated lines and aliases
    if span in index.lines:
        pick = _line_pick(index, index.lines[span])
        if pick is not None:
            return pick, f"'{typed}' taken as {pick.id}, the newest {_title(' '.join(span))}."
    if span in index.aliases:
        return index.models.get(index.aliases[span]), None
    if len(span) == 1 and (strong or weak_fam):
        if span[0] in SINGLE_NAMES:  # "codestral": a family that is also a model's name
            return index.best(set(index.bags.get(frozenset(span), ())) & index.notable, frozenset(span)), None
        return None, None  # "gpt", "claude", "gemini" alone name a family, not a model
    dotted_line = any("." in v for v in versions) and any(w in index.implied for w in words)
    if not (strong or weak_fam or line_word or alnum or dotted_line):
        return None, None
    # 3: exact pieces, any order, compact
    cands: set[str] = set()
    cands.update(index.seq.get(span, ()))
    if strong or line_word or weak_fam or len(span) > 1:
        cands.update(index.bags.get(_bag(span), ()))
        cands.update(index.compact.get(_compact(span), ()))
    if not (strong or line_word or weak_fam):
        cands &= index.notable
    best = index.best(cands, _bag(span))
    if best is not None:
        return best, None
    fam_here = next((p for p in span if p in FAMILIES or p in WEAK_FAMILIES), None)
    # 4: family left out
    if fam_here is None and words:
        usable = line_word or any("." in v for v in versions) or alnum
        if usable:
            fams: set[str] = set()
            for w in words:
                fams |= index.implied.get(w, set())
            for w in words:
                if w in LINE_WORDS:
                    fams = {LINE_WORDS[w]}
            bag = _bag(span)
            for fam in sorted(fams, key=lambda f: (FAMILY_ORDER.index(f) if f in FAMILY_ORDER else 99, f)):
                hit = index.best(set(index.bags.get(bag | {fam}, ())) & index.notable, bag | {fam})
                if hit is not None:
                    return hit, None
    # 5: the newest model of a family and line
    family = fam_here or (LINE_WORDS[words[0]] if words and words[0] in LINE_WORDS else None)
    if family is not None and len(span) >= 2:
        pool: set[str] | None = None
        for p in _bag(span) | {family}:
            ids = index.by_piece.get((family, p), set())
            pool = set(ids) if pool is None else pool & ids
            if not pool:
                break
        if pool:
            pick = _line_pick(index, pool)
            if pick is not None:
                return pick, f"'{typed}' taken as {pick.id}, the newest match."
    # 6: close spelling, same digits
    if family is not None and len(span) >= 2 and index.fuzzy_keys:
        key = _compact(span)
        digits = "".join(_DIGITS.findall(key))
        hit = process.extractOne(key, index.fuzzy_keys, scorer=fuzz.ratio, score_cutoff=88)
        if hit is not None:
            mid = index.fuzzy_ids[hit[2]]
            if "".join(_DIGITS.findall(hit[0])) == digits:
                return index.models[mid], f"'{typed}' read as {mid}"
    return None, None


def find_mentions(text: str, catalogue: Catalogue) -> list[Mention]:
    """Model names in `text` (lower case), left to right, with what each matched."""
    index = name_index(catalogue)
    dates = [(m.start(), m.end()) for m in _TYPED_DATE.finditer(text)]
    pieces = _glue(_raw_pieces(text), text)
    if dates:  # "gpt-4.1-mini-2025-04-14": the date belongs to the name before it, not to the name itself
        pieces = [p for p in pieces if not any(s <= p.start < e for s, e in dates)]
    pieces = [Piece(_fix_family(p.text, index.vocab), p.start, p.end) if p.text.isalpha() else p for p in pieces]
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
    return _with_ellipses(mentions, text, index)


_ELLIPSIS = re.compile(
    r"\s*(?:,|/|vs\.?|versus|v\.?|or|and|over|against|compared (?:to|with)|to)\s+(?:the\s+)?([a-z][a-z0-9+]*)(?![\w.-]*\s*[\w.-]*\d)\b"
)


def _same_version(first: Mention, line: Mention, index: NameIndex) -> Mention | None:
    """A line name ("flash-lite") after a versioned name ("gemini 2.5 flash") read in that version."""
    head = name_pieces(first.text)
    version = next((i for i, p in enumerate(head) if p[0].isdigit()), None)
    if version is None:
        return None
    pieces = name_pieces(line.text)
    guess = head[: version + 1] + tuple(p for p in pieces if p not in head[: version + 1])
    found = index.best(index.bags.get(_bag(guess), []))
    if found is None or found.id == first.model_id:
        return None
    return Mention(line.start, line.end, line.text, found.id)


def _with_ellipses(mentions: list[Mention], text: str, index: NameIndex) -> list[Mention]:
    """A variant word after a name stands for the same model line: "gpt-4.1 mini vs nano" names gpt-4.1-nano,
    "gemini 2.5 flash or pro" names gemini-2.5-pro."""
    out = list(mentions)
    for m in mentions:
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
        pieces = name_pieces(m.text)
        swap, append = pieces[:-1] + (word,), pieces + (word,)
        for guess in (append,) if pieces[-1][0].isdigit() else (swap, append):  # "gpt-5 vs mini"; "flash vs pro"
            found = index.best(index.bags.get(_bag(guess), []))
            if found is not None and found.id != m.model_id:
                out.append(Mention(nxt.start(1), nxt.end(1), word, found.id))
                break
    return sorted(out, key=lambda m: m.start)


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
                if not any(_match(index, texts[j:e], text[run[j].start : run[e - 1].end])[0] for e in range(k, j, -1)):
                    out.extend(_unknown_stretch(index, run, stretch, text))
                    stretch = []
                    out.append(Mention(run[i].start, run[k - 1].end, text[run[i].start : run[k - 1].end], None))
                    i = k
                    break
            if model is not None:
                out.extend(_unknown_stretch(index, run, stretch, text))
                stretch = []
                bare = all(_is_version(p) for p in texts[i:j])
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
