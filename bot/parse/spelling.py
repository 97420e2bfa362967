"""Typo repair for the words the parser keys on: "cheapst modle for clasification" -> "cheapest model for
classification".

Only words of five letters or more that are not known words are touched, and only when exactly one
target word is within one edit (two for words of eleven letters or more; a swap of two letters counts as
one edit). Common English words that sit one edit away from a target ("content" / "context",
"coming" / "coding") are listed as known so they are never "corrected".
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import OSA
from rapidfuzz.process import extract

from bot.parse import pattern_cache

TARGETS: tuple[str, ...] = tuple(
    sorted(
        set(
            """
cheapest cheaper cheap fastest faster quickest smartest accurate affordable expensive inexpensive
model models classification classify classifier classifying categorize categorization categorise categorisation
summarization summarisation summarize summarise summarizing summarising summary summaries
extraction extract extracting translation translate translating coding programming reasoning writing
latency context window tokens token million millions billion thousand monthly month daily weekly yearly
annually hourly requests request compare comparison versus alternative alternatives replacement
quality function calling vision images structured output input budget price pricing prices provider
providers anthropic openai google bedrock vertex azure openrouter together fireworks groq cerebras
moderation sentiment support customer chatbot assistant agents agentic multilingual documents document
recommend recommendation suggest throughput speed second seconds weights source capable capabilities
maximum minimum cheapest options option excluding without except tickets messages emails
calls queries conversations transcripts invoices receipts articles unit tests review autocomplete
analysis analyze mathematics legal retrieval grounded answering question questions knowledge
performance value effective efficient largest biggest longest highest lowest latest newest
input output inputs outputs twenty thirty forty fifty sixty seventy eighty ninety hundred
""".split()
        )
    )
)

KNOWN: frozenset[str] = frozenset(TARGETS) | frozenset(
    """
coming contest contests content contents master masters provides provided providing falling waiting taken
modal modals motel hotel cheat cheats cheated prize prizes prime pride mouth north worth dairy white wrote
posts hosts hosted hosting season reason reasons latent moral medal modem later often codes coder coders comes
spend spent speed speeds spends raster caster pasta compute computer complete compile sport import export
report resort insight window widow windows quantity qualify equality version versions revision decision
vortex putting outing inputted tolkien mistake mistakes market markets marker chapter cheeper clever
choose chose chosen close closer closest could would should there their these those where which while
whose about above after again against along among another around because before being below between
both during each either enough every first from further given going great having here into itself just
least less like little many maybe might more most much must near need needs never next often only other
over own perhaps please quite rather really same since some something still such than that them then
they thing things think this though through thus today together toward under until upon using very
want wants what when whether will with within without worse worst your yours ours mine
fine lines liner liners model's modest modern modes mode moder moved moves mover
costs costly coast cost's boost boosts roast toast guest quest chest
transaction transactions transition transitions translator relation relations rotation station stations
summery summit cinema classic classics classical classified extracts abstract abstracts contract contracts
bigger longer larger largest biggest smaller smallest lower higher lowest highest better
token's takes taken taker tokyo tonnes
writer writes writen written wrist
quick quicker quickly quiet quite
light lighter lights might night right sight tight
files miles tiles while whole whale
label labels level levels novel
agent agents agency urgent
scale scales stale state states
phone phones prone drone
track tracks trace traces
image imaged imager
category categories categorical
point points paint joint
analyst analysts analytic
input's output's
one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
eighteen nineteen thousand million billion trillion dozen
""".split()
)

_WORD = pattern_cache.compile(r"[a-z]{5,}")


def _by_length(words: tuple[str, ...], spread: int) -> dict[int, tuple[str, ...]]:
    """For each word length, the words within `spread` letters of it: no other word is `spread` edits away."""
    lengths = {len(w) for w in words}
    top = max(lengths) + spread + 1
    return {n: tuple(w for w in words if abs(len(w) - n) <= spread) for n in range(top)}


_NEAR_LENGTH = {1: _by_length(TARGETS, 1), 2: _by_length(TARGETS, 2)}


@lru_cache(maxsize=8192)
def correct_word(word: str) -> str:
    """The target word `word` is a typo of, or `word` itself."""
    if word in KNOWN or len(word) < 5:
        return word
    limit = 2 if len(word) >= 11 else 1
    choices = _NEAR_LENGTH[limit].get(len(word), ())
    if not choices:
        return word
    hits = extract(word, choices, scorer=OSA.distance, score_cutoff=limit, limit=3)
    if not hits:
        return word
    best = min(h[1] for h in hits)
    closest = [h[0] for h in hits if h[1] == best]
    if len(closest) != 1:
        return word
    target = closest[0]
    if abs(len(target) - len(word)) > limit or target[0] != word[0] and best > 1:
        return word
    if word in (target + "s", target + "es") or target in (word + "s", word + "es"):
        return word  # a plural or a singular is no typo: "pull out the values", "our invoice for X"
    return target


def correct_spelling(text: str, keep: frozenset[str] = frozenset()) -> str:
    """`text` (lower case) with typos of key words repaired; words in `keep` are left alone."""

    def fix(m: re.Match[str]) -> str:
        w = m.group(0)
        return w if w in keep else correct_word(w)

    return _WORD.sub(fix, text)
