"""A maker named where a model belongs ("what would deepseek cost?", "kimi-k3, grok-4.6 and deepseek"): read as
that maker's best current chat model, and said so."""

from __future__ import annotations

import re
from collections import Counter

from bot.catalogue.grouping import Model
from bot.catalogue.store import Catalogue
from bot.contract.answer import Note
from bot.contract.query import Query


def flagship(maker: str, task: str | None, catalogue: Catalogue) -> Model | None:
    """The maker's chat model with the best score for the task (general use without one), among those it sells."""
    own = [
        m
        for m in catalogue.chat_models()
        if m.maker == maker and m.first_party and not all(o.deprecated for o in m.first_party)
    ]
    scored = [(catalogue.task_score(m, task).score, m) for m in own]
    scored = [(s, m) for s, m in scored if s is not None]
    return max(scored, key=lambda sm: (sm[0], sm[1].release_date or sm[1].id))[1] if scored else None


def in_family(model_id: str, family: str) -> bool:
    """Whether a model id is of a family named in words: 'claude-sonnet-5' of 'claude', 'gpt-4o' of 'gpt'."""
    return re.search(rf"(?:^|[-/]){re.escape(family)}", model_id) is not None


def family_flagship(family: str, task: str | None, catalogue: Catalogue) -> Model | None:
    """The family's current chat model ("claude", "qwen", "gemma") with the best score for the task."""
    named = [m for m in catalogue.chat_models() if in_family(m.id, family) and not all(o.deprecated for o in m.offers)]
    makers = Counter(m.maker for m in named)  # the family's own maker: llama's is Meta, not a fine-tuner of it
    own = [m for m in named if makers and m.maker == makers.most_common(1)[0][0]]
    scored = [(s, m) for m in own if (s := catalogue.task_score(m, task).score) is not None]
    return max(scored, key=lambda sm: (sm[0], sm[1].release_date or sm[1].id))[1] if scored else None


def with_makers(query: Query, models: list[Model], catalogue: Catalogue) -> tuple[Query, list[Model], list[Note]]:
    """The query with each maker named as a model replaced by its flagship (and no longer a provider filter)."""
    notes: list[Note] = []
    makers = list(query.makers_as_models)
    if query.intent in ("cost", "compare") and models:  # "12k a month on claude-sonnet-4: the same traffic on deepseek?"
        makers += [p for p in query.providers if p not in makers and not any(p in m.providers for m in models)]
    for maker in makers:
        if any(m.maker == maker for m in models):
            continue  # "anthropic vs openai caching: claude-sonnet-5 or gpt-5.6-sol?": the maker's model is named
        best = flagship(maker, query.task, catalogue) or family_flagship(maker, query.task, catalogue)
        if best is None or best in models:
            continue
        models = [*models, best]
        sold = "" if maker in query.makers_as_models else f" (it does not sell {', '.join(m.id for m in models[:-1])})"
        notes.append(Note(kind="assumption", text=f"'{maker}' read as its best current model here: {best.id}{sold}."))
    if notes:
        providers = [p for p in query.providers if p not in makers]
        query = query.model_copy(update={"providers": providers, "models": [m.id for m in models]})
    return query, models, notes
