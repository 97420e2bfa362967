"""Pages: documents sized in pages ("300-page contracts", "200 PDFs a day, 80 pages each").

The contract counts tokens only, so pages stay out of its fields: the parse keeps the pages of one document and the
pages a month beside them, and the answer turns them into a context floor and a volume at a stated rate per page.
"""

from __future__ import annotations

from bot.parse import pattern_cache
from bot.parse.numbers import parse_number

_N = r"(\d[\d,]*(?:\.\d+)?\s*k?)"
_DOC = r"(?:docs?|documents?|pdfs?|contracts?|files?|reports?|filings?|papers?|books?|manuals?|decks?|packs?|scans?)"
# the pages of one document: "300-page contracts", "80 pages each", "contracts run up to 300 pages"
_EACH = pattern_cache.compile(
    rf"{_N}\s*-?\s*pages?\s+(?:each|apiece|per (?:doc|document|pdf|contract|file|report|one))\b"
    rf"|{_N}[- ]pages?\s+(?:long\s+)?{_DOC}\b"
    rf"|\b{_DOC}\s+(?:\w+\s+){{0,3}}?(?:up to|of|about|around|~|are|is|run|averag\w*|with)\s+(?:about\s+|around\s+|up to\s+|~\s*)?{_N}\s*pages?\b"
    rf"|\beach (?:one |doc |document |pdf |contract |file )?(?:is|has|runs?)\s+(?:about |around |~\s*|up to )?{_N}\s*pages?\b"
)
# documents counted per period: "200 pdfs a day", "5k contracts per month"
_COUNT = pattern_cache.compile(rf"{_N}\s+(?:\w+\s+)?{_DOC}\s*(?:a|per|each|every|/)\s*(day|week|month)\b")
_PER_MONTH = {"day": 30.0, "week": 52 / 12, "month": 1.0}


def pages(text: str) -> tuple[int | None, float | None]:
    """The pages of one document and the pages a month, from lower-case text (None where not said)."""
    if "page" not in text:
        return None, None
    each_m = _EACH.search(text)
    each = None
    if each_m is not None:
        raw = next(g for g in each_m.groups() if g)
        value = parse_number(raw)
        each = int(value) if value and 0 < value < 1e6 else None
    count_m = _COUNT.search(text)
    per_month = None
    if each is not None and count_m is not None:
        count = parse_number(count_m.group(1))
        if count and count > 0:
            per_month = count * _PER_MONTH[count_m.group(2)] * each
    return each, per_month
