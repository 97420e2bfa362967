"""The id a question names: a model is reported under the source id the user typed, not only the canonical one.

"mistral large 3" names mistral-large-2512 in the catalogue, but LiteLLM and Artificial Analysis call it
mistral-large-3, so the parse reports mistral-large-3. A source id is used only when the user's words carry a piece
the canonical id lacks (a "3" where the id says "2512"), its pieces are the typed ones, and the catalogue resolves it
back to the same model; otherwise the canonical id stands ("sonnet 4.5" stays claude-sonnet-4-5, "dalle 3" dall-e-3).
"""

from __future__ import annotations

from bot.catalogue.store import Catalogue
from bot.parse import pattern_cache
from bot.parse.name_context import Mention
from bot.parse.name_index import bag, compact, name_pieces

_SEPARATORS = pattern_cache.compile(r"\s+")
_PUNCT = pattern_cache.compile(r"[._]")


def _id_like(name: str) -> bool:
    return " " not in name and ":" not in name and ("-" in name or "_" in name)


def source_names(catalogue: Catalogue) -> dict[str, tuple[str, ...]]:
    """Every model's id-shaped names from reference sources, curated aliases and offers, by model id."""
    knowledge = catalogue.knowledge
    names: dict[str, list[str]] = {}
    for table in (knowledge.source_names.aliases, knowledge.aliases.aliases):
        for target, listed in table.items():
            names.setdefault(target, []).extend(n.lower() for n in listed if _id_like(n))
    for m in catalogue.models:
        names.setdefault(m.id, []).extend(o.id.rsplit("/", 1)[-1].lower() for o in m.offers)
    return {mid: tuple(dict.fromkeys(found)) for mid, found in names.items()}


def reported_id(mention: Mention, catalogue: Catalogue) -> str | None:
    """The id to report for a mention: the typed source id where it says what the canonical id does not."""
    mid = mention.model_id
    if mid is None:
        return None
    typed = bag(name_pieces(mention.text))
    own = name_pieces(mid)
    written = _SEPARATORS.sub("-", mention.text.strip())
    if not typed or typed <= bag(own) or compact(name_pieces(mention.text)) == compact(own):
        # "sonnet 4.5", "dalle 3": the canonical id's own words, re-spaced; "grok 4.20": the maker's API id typed
        versioned = typed and typed != bag(own) and any(ch.isdigit() for ch in written)
        return _makers_id(catalogue, written, mid) if versioned else mid
    found = [
        name
        for name in catalogue.index(source_names).get(mid, ())
        if bag(name_pieces(name)) == typed and _resolves(catalogue, name, mid)
    ]
    same = [name for name in found if _plain(name) == _plain(written)]  # "mistral medium 3.5" as typed
    return written if same else found[0] if found else mid


def _makers_id(catalogue: Catalogue, written: str, mid: str) -> str:
    """The maker's own API id for the model when it is what the user typed ("grok-4.20" under
    grok-4.20-0309-reasoning), else the canonical id."""
    model = catalogue.model(mid)
    plain = _plain(written)
    for offer in model.offers if model is not None else ():
        if offer.first_party and _plain(offer.id.rsplit("/", 1)[-1].lower()) == plain:
            return offer.id.rsplit("/", 1)[-1].lower()
    return mid


def _plain(name: str) -> str:
    return _PUNCT.sub("-", name)


def _resolves(catalogue: Catalogue, name: str, mid: str) -> bool:
    found = catalogue.model(name)
    return found is not None and found.id == mid
