"""The intent registry: one `IntentSpec` per contract intent, and `answer_for`, which dispatches a Query to it.

A new intent is its module, one entry in `SPECS` and its tests.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.catalogue.grouping import Model
from bot.catalogue.store import Catalogue
from bot.contract.answer import Answer, Note
from bot.contract.policy import DEFAULT_POLICY, Policy
from bot.contract.query import Query
from bot.intents.actions import actions_for, compare_top_query
from bot.intents.changes import changes
from bot.intents.compare import compare
from bot.intents.help import EXAMPLES, help_answer, off_topic
from bot.intents.info import info
from bot.intents.kind_compare import kind_compare, non_chat
from bot.intents.kinds import kind_answer
from bot.intents.leaderboard import leaderboard
from bot.intents.listing import alternatives, list_models
from bot.intents.makers import with_makers
from bot.intents.off_peak import off_peak_answer
from bot.intents.pages import in_tokens
from bot.intents.pricing import cost
from bot.intents.recommend import recommend
from bot.intents.spend import volume_from_spend, with_spend
from bot.intents.suggest import closest, newer_than_known
from bot.render import fmt

Handler = Callable[[Query, list[Model], Catalogue, Policy, int], Answer]


@dataclass(frozen=True)
class IntentSpec:
    """How an intent is answered: its handler, how many named models it needs, whether it pages and
    whether its rows can be compared ("Compare top 2")."""

    handler: Handler
    needs_models: int = 0
    paged: bool = False
    comparable: bool = False


SPECS: dict[str, IntentSpec] = {
    "recommend": IntentSpec(lambda q, ms, c, p, o: recommend(q, c, p, o), paged=True, comparable=True),
    "compare": IntentSpec(lambda q, ms, c, p, o: compare(q, ms, c, p), needs_models=2),
    "cost": IntentSpec(lambda q, ms, c, p, o: cost(q, ms, c, p), needs_models=1),
    "info": IntentSpec(lambda q, ms, c, p, o: info(q, ms[0], c, p), needs_models=1),
    "list": IntentSpec(lambda q, ms, c, p, o: list_models(q, c, p, o), paged=True),
    "alternatives": IntentSpec(
        lambda q, ms, c, p, o: alternatives(q, ms[0], c, p, o), needs_models=1, paged=True, comparable=True
    ),
    "changes": IntentSpec(changes),
}


def resolve(names: list[str], catalogue: Catalogue) -> tuple[list[Model], list[str]]:
    """Catalogue models for the names in a query, and the names that match none."""
    models: list[Model] = []
    unknown: list[str] = []
    for name in names:
        model = catalogue.model(name)
        if model is None:
            unknown.append(name)
        elif model not in models:
            models.append(model)
    return models, unknown


def unknown_models(names: list[str], query: Query, catalogue: Catalogue) -> Answer:
    """'I don't know X; did you mean ...?'"""
    lines = []
    for name in names:
        shown, guesses = _named(name, catalogue)
        if guesses and newer_than_known(name, catalogue):
            lines.append(f"I don't know '{shown}': newer than my data, or a typo? The newest of that line I know: {', '.join(guesses)}.")
        else:
            lines.append(f"I don't know '{shown}'" + (f"; did you mean {', '.join(guesses)}?" if guesses else "."))
    return Answer(
        intent=query.intent,
        title="Unknown model" + ("s" if len(names) > 1 else ""),
        verdict=" ".join(lines),
        notes=[
            Note(
                kind="tip",
                text="Use the maker's API name (gpt-4.1-mini, claude-sonnet-4-5) or a common short name (4.1 mini).",
            )
        ],
        suggestions=[f"tell me about {g}" for g in closest(names[0], catalogue)[:2]],
        query=query,
        error=True,
    )


def refusal(query: Query) -> Answer:
    return Answer(
        intent="unknown",
        title="I can't take that one",
        verdict=query.refusal or "I couldn't read that question.",
        suggestions=EXAMPLES[:3],
        query=query,
        error=True,
    )


def absurd_volume(query: Query, policy: Policy) -> Answer | None:
    """A sentence for volumes no team runs, instead of a table of silly numbers."""
    tokens = query.tokens_per_month
    if tokens is None:
        return None
    if tokens > policy.max_volume:
        text = (
            f"{fmt.tokens(tokens)} tokens a month is more than one team runs: past {fmt.tokens(policy.max_volume)} a "
            "month, it is the traffic of a whole provider (the largest report about a quadrillion a month across all "
            "their products), priced by contract, not by list price. Check the number and ask again, e.g. `at 50M "
            "tokens a month`."
        )
    elif tokens == 0:
        text = "Zero tokens a month costs nothing on any model. Give a volume, e.g. `at 10M tokens a month`."
    else:
        return None
    return Answer(intent=query.intent, title="That volume looks off", verdict=text, query=query, error=True)


def answer_for(query: Query, catalogue: Catalogue, policy: Policy = DEFAULT_POLICY, offset: int = 0) -> Answer:
    """The Answer to a Query, with its actions (show more, compare the top 2, ...)."""
    answer = _answer(query, catalogue, policy, offset)
    spec = SPECS.get(answer.intent)
    if spec is not None and not answer.error:
        answer.actions = actions_for(answer, paged=spec.paged, comparable=spec.comparable)
    return answer


def _answer(query: Query, catalogue: Catalogue, policy: Policy, offset: int) -> Answer:
    if query.refusal:
        return refusal(query)
    if query.intent == "help":
        return help_answer(query, catalogue)
    if query.intent == "unknown":
        if query.unknown_models:
            return unknown_models(query.unknown_models, query, catalogue)
        return off_topic(query)
    query = in_tokens(query)
    odd = absurd_volume(query, policy)
    if odd is not None:
        return odd
    if query.compare_top:
        return _top_compared(query, catalogue, policy)
    if query.realtime and not query.models:
        return kind_answer(query, catalogue, policy, offset, kind="realtime")  # voice in and out, per 1M audio tokens
    if query.kind and query.intent in ("recommend", "list", "alternatives"):
        return kind_answer(query, catalogue, policy, offset)
    if query.rerank and not query.models:
        return kind_answer(query, catalogue, policy, offset, kind="rerank")  # rerankers, per 1,000 searches
    if query.off_peak and query.intent in ("recommend", "list"):
        return off_peak_answer(query, catalogue)  # "does any provider have off-peak discounts?"
    if query.benchmark and query.intent in ("recommend", "list"):
        return leaderboard(query, catalogue, policy)  # "top 5 models on aider polyglot"
    if query.service_tier and query.intent in ("info", "compare") and len(query.models) == 1:
        query = query.model_copy(update={"intent": "cost"})  # "priority vs standard for gpt-5.5": a price at two tiers
    models, missing = resolve(query.models, catalogue)
    missing += [n for n in query.unknown_models if n not in missing]
    query, models, maker_notes = with_makers(query, models, catalogue)
    need = SPECS[query.intent].needs_models
    if missing and need and not (query.intent in ("compare", "cost") and models):
        return unknown_models(missing, query, catalogue)
    alone = query.intent == "compare" and len(models) == 1 and not non_chat(models)
    if alone:
        query = query.model_copy(update={"intent": "info"})
        need = 1
    if len(models) < need:
        lead = f"Which models do you mean? Name {need} or more." if need > 1 else "Which model do you mean?"
        return help_answer(query, catalogue, lead=lead)
    how = None
    if query.monthly_spend and models and query.tokens_per_month is None:
        query, how = volume_from_spend(query, models[0], catalogue, policy)
    if query.intent in ("compare", "cost") and non_chat(models):  # embeddings, images, speech: their own units
        answer = kind_compare(query, models, catalogue, policy)
    else:
        answer = SPECS[query.intent].handler(query, models, catalogue, policy, offset)
    if how is not None:
        answer = with_spend(answer, query, models[0].id, how)
    answer.notes[:0] = maker_notes
    if alone and not missing:  # "compare gpt-5.1 with foobar-ultra-9": never a silent card of one
        answer.verdict = (f"Only one model I know is named here ({models[0].id}), so this is its card; "
                          f"name the other as its maker's API does to compare. {answer.verdict or ''}").strip()  # fmt: skip
    if missing:
        sentence = unknown_sentence(missing, catalogue)
        answer.verdict = f"{sentence} {answer.verdict or ''}".strip()
        answer.notes.insert(0, Note(kind="caveat", text=sentence))
    return answer


def _top_compared(query: Query, catalogue: Catalogue, policy: Policy) -> Answer:
    """'compare the top 2': the answer the query gives, then its first models head to head."""
    ranked = _answer(query.model_copy(update={"compare_top": None}), catalogue, policy, 0)
    pair = compare_top_query(ranked, query.compare_top or 2)
    if pair is None:
        ranked.notes.insert(0, Note(kind="caveat", text="Fewer than two models here to compare: this is the answer."))
        return ranked
    return _answer(pair, catalogue, policy, 0)


def _named(name: str, catalogue: Catalogue) -> tuple[str, list[str]]:
    """A name as the answer shows it (long ones shortened) and the closest known models."""
    return (name if len(name) <= 60 else name[:57] + "..."), closest(name, catalogue)


def unknown_sentence(names: list[str], catalogue: Catalogue) -> str:
    """ "I don't know 'X' (did you mean a, b?), so it is left out." for names an answer went on without."""
    parts = []
    for name in names:
        shown, guesses = _named(name, catalogue)
        parts.append(f"'{shown}'" + (f" (did you mean {', '.join(guesses)}?)" if guesses else ""))
    return f"I don't know {', '.join(parts)}, so {'they are' if len(names) > 1 else 'it is'} left out; newer than my data, or a typo?"
