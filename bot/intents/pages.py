"""Documents sized in pages, in the tokens an answer prices: the largest document is a context floor and the pages
a month are the volume, at a stated rate per page."""

from __future__ import annotations

from bot.contract.query import Query

TOKENS_PER_PAGE = 600  # a dense page of text, as a model's tokenizer counts it (500-750 is typical)


def in_tokens(query: Query) -> Query:
    """Pages said where tokens were not: the largest document as a context floor and the pages a month as the
    volume, at `TOKENS_PER_PAGE`, said as assumptions."""
    update: dict[str, object] = {}
    said = []
    if query.pages_each and query.min_context is None:
        update["min_context"] = query.pages_each * TOKENS_PER_PAGE
        said.append(f"{query.pages_each:,}-page documents taken as ~{query.pages_each * TOKENS_PER_PAGE:,} tokens each "
                    f"(~{TOKENS_PER_PAGE} a page), so every row must hold one.")  # fmt: skip
    if query.pages_per_month and query.tokens_per_month is None:
        tokens = update["tokens_per_month"] = query.pages_per_month * TOKENS_PER_PAGE
        said.append(f"{query.pages_per_month:,.0f} pages a month taken as {tokens / 1e6:,.0f}M tokens of documents "
                    f"(~{TOKENS_PER_PAGE} a page).")  # fmt: skip
    if not update:
        return query
    return query.model_copy(update={**update, "assumptions": [*query.assumptions, *said]})
