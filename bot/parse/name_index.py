"""The name index: every catalogue model's names as *pieces*, for `bot.parse.model_names` to match.

"Claude 3.5 Sonnet", "claude-3-5-sonnet-20241022" and "claude 3.5 sonnet" all become ("claude", "3.5", "sonnet");
"gpt41 mini" becomes ("gpt", "41", "mini") and matches gpt-4.1-mini through its compact form "gpt41mini".
`build_index` files each id, display name, offer id, alias and curated line under its pieces, its bag of
pieces (any order) and its compact form; `name_index` builds it once per catalogue object.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.catalogue.grouping import Model
from bot.catalogue.store import Catalogue
from bot.parse import pattern_cache
from bot.parse.spelling import KNOWN, TARGETS

# family words: a name usually starts with one of these
FAMILIES: frozenset[str] = frozenset(
    """gpt chatgpt claude gemini gemma llama mistral mixtral ministral magistral codestral devstral pixtral voxtral
    qwen qwq qvq deepseek grok kimi glm minimax phi nemotron ernie mimo hunyuan jamba granite olmo hermes wizardlm
    codex whisper imagen flux""".split()
)
# family words that are also ordinary words: they count only next to a version or line word
WEAK_FAMILIES: frozenset[str] = frozenset("command nova sonar mercury step trinity intellect morph titan".split())
# family words that, alone, name one model ("codestral" is codestral-latest)
SINGLE_NAMES: frozenset[str] = frozenset("codestral devstral magistral pixtral voxtral qwq codex whisper".split())
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

_PIECE = pattern_cache.compile(r"[a-z]+|\d+(?:\.\d+)*|(?<=[a-z])\+")
_DATE = pattern_cache.compile(r"(?<!\d)(?:\d{4}-\d{2}-\d{2}|20\d{6})(?!\d)")
_REGION = pattern_cache.compile(r"^(?:us|eu|apac|au|jp|global|ca)\.")
_HAS_DIGIT = pattern_cache.compile(r"\d")


class Piece(NamedTuple):
    """One piece of a question or name: a letter run or a number, with where it sits."""

    text: str
    start: int
    end: int


def raw_pieces(text: str) -> list[Piece]:
    """Letter runs and numbers; a '+' after letters reads "plus" ("command r+")."""
    return [Piece("plus" if m.group() == "+" else m.group(), m.start(), m.end()) for m in _PIECE.finditer(text)]


def glue(raw: list[Piece], text: str) -> list[Piece]:
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
    pieces = [p.text for p in glue(raw_pieces(s), s)]
    while len(pieces) > 1 and pieces[0] in ORGS:
        pieces = pieces[1:]
    return tuple(pieces)


def fix_family(piece: str, vocab: set[str]) -> str:
    """A typo of a family or line word ("gemni", "sonet", "cluade") spelt right; other pieces as they are."""
    if len(piece) < 5 or not piece.isalpha() or piece in vocab or piece in _ENGLISH:
        return piece  # "images" is a word, not a typo of "imagen"
    return _fix_family_cached(piece)


_FAMILY_WORDS = sorted(FAMILIES | set(LINE_WORDS))
_ENGLISH = frozenset(TARGETS) | KNOWN | frozenset("images imaging imagine fluxes titans novel novels grocery".split())
_FAMILY_WORDS_NEAR = {n: [w for w in _FAMILY_WORDS if abs(len(w) - n) <= 1] for n in range(64)}


@lru_cache(maxsize=4096)
def _fix_family_cached(piece: str) -> str:
    choices = _FAMILY_WORDS_NEAR.get(len(piece), [])  # one edit away has a length within one
    hits = process.extract(piece, choices, scorer=OSA.distance, score_cutoff=1, limit=2) if choices else []
    if len(hits) == 1 or (len(hits) > 1 and hits[0][1] < hits[1][1]):
        return hits[0][0]
    return piece


def bag(pieces: tuple[str, ...]) -> frozenset[str]:
    return frozenset(p for p in pieces if p not in OPTIONAL)


def compact(pieces: tuple[str, ...]) -> str:
    return "".join(p for p in pieces if p not in OPTIONAL).replace(".", "")


def _newer_members(index: NameIndex, line: tuple[str, ...], members: list[str]) -> list[str]:
    """Models of a curated line the list does not name yet: the same family and words ("opus": claude-opus-5-5),
    for lines named without a version ("deepseek v3" keeps its list)."""
    fam = _family(name_pieces(members[0]))
    if fam is None or any(_VERSION_LIKE.fullmatch(p) and any(c.isdigit() for c in p) for p in line):
        return []
    words = _words(line, fam)
    newest = max(_padded(mid) for mid in members)
    return [
        mid for mid in index.notable
        if mid not in members and _padded(mid) > newest  # newer than the list: not gemini-pro-1.5 beside 3.1
        and (pcs := name_pieces(mid)) and _family(pcs) == fam and _words(pcs, fam) == words
    ]  # fmt: skip


def _padded(model_id: str) -> tuple[float, ...]:
    return (*line_version(model_id), 0.0, 0.0, 0.0, 0.0)[:4]


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


def newest_rank(m: Model) -> tuple:
    """Sort key for "the newest model of a line": chat, not retired, generally available, first-party, newest."""
    pieces = set(name_pieces(m.id))
    released = m.release_date or date.min
    if released.year < 2000:
        released = date.min
    version = tuple(-v for v in _padded(m.id))  # "claude-opus-5-5" before "claude-opus-5", dated or not
    gone = m.reference.deprecated  # a retired model is nobody's "newest" (gemini-2.5-pro, retired 2026-12-01)
    return (m.kind != "chat", gone, bool(NOT_GA & pieces), not m.first_party, version, -released.toordinal(), -len(m.offers), m.id)


_VERSION_PART = re.compile(r"(?<![\d.])(?:[a-z])?(\d{1,2}(?:\.\d+)?)(?![\d.]*[bkmt]\b)(?!\d)")
_VERSION_LIKE = re.compile(r"[a-z]?\d+(?:\.\d+)?[a-z]?")


def line_version(model_id: str) -> tuple[float, ...]:
    """The version numbers of an id: 'claude-opus-5-5' (5, 5), 'kimi-k3' (3,), sizes and dates left out."""
    return tuple(float(x) for x in _VERSION_PART.findall(model_id.split("/")[-1]))


def _words(pieces: tuple[str, ...], family: str | None) -> frozenset[str]:
    """A name's words beside its family and versions: 'claude-opus-5-5' -> {'opus'}."""
    return frozenset(p for p in pieces if p != family and not _VERSION_LIKE.fullmatch(p))


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
    ranks: dict[str, tuple] = field(default_factory=dict)  # model id -> _rank, filled as models are ranked
    exact: dict[str, str] = field(default_factory=dict)  # an id or offer id as typed ("dall-e-3") -> model id

    def rank(self, m: Model) -> tuple:
        """`_rank(m)`, worked out once per model."""
        found = self.ranks.get(m.id)
        if found is None:
            found = self.ranks[m.id] = _rank(m)
        return found

    def best(self, ids: set[str] | list[str], typed: frozenset[str] | None = None) -> Model | None:
        """The model to pick among `ids`; one whose own id has exactly the typed pieces comes first."""
        found = [self.models[i] for i in ids if i in self.models]
        if not found:
            return None
        if len(found) == 1:
            return found[0]
        if typed is None:
            return min(found, key=self.rank)
        return min(found, key=lambda m: (m.kind != "chat", bag(name_pieces(m.id)) != typed, *self.rank(m)[1:]))


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
        for typed in (m.id, *(o.id.rsplit("/", 1)[-1] for o in m.offers)):
            if "-" in typed and _HAS_DIGIT.search(typed) and typed[0].isalpha():
                index.exact.setdefault(typed.lower(), m.id)
        names = {m.id, m.name, *(o.id for o in m.offers), *source_names.get(m.id, ())}
        if m.id in index.notable:
            names.update(o.name for o in m.offers)
        for name in names:
            pieces = name_pieces(name)
            if not pieces:
                continue
            _add(index.seq, pieces, m.id)
            _add(index.bags, bag(pieces), m.id)
            _add(index.compact, compact(pieces), m.id)
        if m.id in index.notable:
            pieces = name_pieces(m.id)
            fam = _family(pieces)
            for name in (m.id, m.name):
                named = name_pieces(name)
                index.vocab.update(p for p in named if not p[0].isdigit() and p not in STOP)
                index.pairs.update((a, b) for a, b in zip(named, named[1:]) if len(b) == 1)
            if fam:
                for p in bag(pieces):
                    index.by_piece.setdefault((fam, p), set()).add(m.id)
                    if p != fam and not p[0].isdigit():
                        index.implied.setdefault(p, set()).add(fam)
                index.fuzzy_keys.append(compact(pieces))
                index.fuzzy_ids.append(m.id)
    for line, members in knowledge.aliases.lines.items():
        present = [mid for mid in (_resolve(index, mid) for mid in members) if mid]
        pieces = name_pieces(line)
        if present and pieces:
            present += _newer_members(index, pieces, present)
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
    best = index.best(set(index.seq.get(pieces, ())) | set(index.bags.get(bag(pieces), ())))
    return best.id if best else None


def name_index(catalogue: Catalogue) -> NameIndex:
    """The name index for `catalogue`, built once per catalogue."""
    return catalogue.index(build_index)
