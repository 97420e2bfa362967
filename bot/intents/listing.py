"""list and alternatives: every model matching the filters; models that beat a named one on what matters."""

from __future__ import annotations

from datetime import date
from functools import partial

from bot.catalogue.grouping import Model
from bot.catalogue.offers import current_day
from bot.catalogue.store import Catalogue
from bot.contract.answer import Answer, Note
from bot.contract.policy import Policy
from bot.contract.query import Query
from bot.intents import notes as notes_mod
from bot.intents import selfhost
from bot.intents.constraints import mix_of
from bot.intents.index import Index, index_for
from bot.intents.makers import in_family
from bot.intents.quoted import display_candidate, with_cheaper
from bot.intents.ranking import needs, rank
from bot.intents.recommend import retiring_last
from bot.intents.selection import Candidate, Left, candidates
from bot.intents.succession import retirement, retirement_verdict
from bot.intents.tables import ranking_table, row
from bot.render import fmt
from bot.render.wording import filters_text, points, task_name


def _sensible(index: Index, c: Candidate) -> tuple:
    """Default list order: scored models by score, then the newest."""
    released = index.release_date(c.model) or date.min
    return (c.score.score is None, -(c.score.score or 0.0), -released.toordinal(), c.model.id)


def list_models(query: Query, catalogue: Catalogue, policy: Policy, offset: int = 0) -> Answer:
    mix = mix_of(query, catalogue)
    left = Left()
    found = candidates(query, catalogue, policy, mix, floor=False, left=left)
    if query.families:  # "which claude models can we use in Australia": that line's models only
        found = [c for c in found if any(in_family(c.model.id, f) for f in query.families)]
    ordered = rank(found, query.sort_by) if query.sort_by else sorted(found, key=partial(_sensible, index_for(catalogue)))
    fitted = selfhost.sized(ordered, query, catalogue) if selfhost.asked(query) else None
    ordered = fitted.shown if fitted is not None else ordered
    limit = query.limit or policy.list_rows
    shown = with_cheaper(ordered[offset : offset + limit], query, mix, policy, catalogue)
    rows = [row(c, mix, query) for c in shown]
    rest = len(ordered) - offset - len(shown)
    verdict = f"{len(ordered)} models match." if ordered else "No model matches all of that."
    if shown and rest > 0:
        verdict += f" Showing {offset + 1}-{offset + len(shown)}; {rest} more."
    notes = notes_mod.assumption_notes(query, None) + notes_mod.data_notes(catalogue, shown)
    if fitted is not None:
        verdict = selfhost.nothing_fits(fitted, query) or verdict
        notes += selfhost.notes(fitted, query, catalogue)
    if query.providers:
        other = sum(
            1 for m in catalogue.models if m.kind != "chat" and any(o.provider in query.providers for o in m.offers)
        )
        if other:
            notes.append(
                Note(kind="caveat", text=f"{other} non-chat models (embeddings, image, speech) are not listed.")
            )
    return Answer(
        intent="list",
        title="Models" + (f" {filters_text(query)}" if filters_text(query) else "") + selfhost.title_part(query),
        verdict=verdict,
        tables=[ranking_table(shown, rows, query, first=offset + 1)] if shown else [],
        rows=rows,
        notes=notes,
        suggestions=["cheapest of these for chat", "only open weights"],
        query=query,
        total=len(ordered),
        offset=offset,
    )


WINS = {
    "cost": (
        "cheaper",
        lambda alt, base: base.blended is not None and alt.blended is not None and alt.blended < base.blended,
    ),
    "quality": ("better", lambda alt, base: (alt.score.score or 0) > (base.score.score or 0)),
    "speed": ("faster", lambda alt, base: alt.tps is not None and (base.tps is None or alt.tps > base.tps)),
    "latency": (
        "quicker to first token",
        lambda alt, base: alt.ttft is not None and (base.ttft is None or alt.ttft < base.ttft),
    ),
    "context": ("longer-context", lambda alt, base: (alt.offer.context or 0) > (base.offer.context or 0)),
    "value": ("better-value", lambda alt, base: (alt.value or 0) > (base.value or 0)),
}
SIMILAR_POINTS = 5.0
SAME_PRICE = 1.1  # "at the same price": at most this much of the named model's blended price


def difference(alt: Candidate, base: Candidate, sort_by: str, task: str | None) -> str:
    """How an alternative differs from the model it replaces, in one clause."""
    gap = None if alt.score.score is None or base.score.score is None else alt.score.score - base.score.score
    quality = points(gap, task) if gap is not None else f"no {task_name(task)} score to compare"
    if sort_by in ("cost", "value"):
        r = fmt.ratio(base.blended, alt.blended)
        return f"{fmt.times(r)} cheaper per token, {quality}"
    if sort_by == "speed":
        later = alt.ttft is not None and base.ttft is not None and alt.ttft > 1.2 * base.ttft
        wait = f", though its first token comes later ({fmt.seconds(alt.ttft)} vs {fmt.seconds(base.ttft)})" if later else ""
        return f"{fmt.speed(alt.tps)} vs {fmt.speed(base.tps)}, {quality}{wait}"
    if sort_by == "latency":
        return f"first token in {fmt.seconds(alt.ttft)} vs {fmt.seconds(base.ttft)}, {quality}"
    if sort_by == "context":
        return f"{fmt.tokens(alt.offer.context)} vs {fmt.tokens(base.offer.context)} context, {quality}"
    return quality


def _alternatives_verdict(base: Candidate, shown: list[Candidate], sort_by: str, task: str | None, word: str) -> str:
    """'Try X instead of Y: ... Also Z: ... OpenAI names X as Y's successor.' or why there is none."""
    model = base.model
    if not shown:
        return f"No {word} model scores within {SIMILAR_POINTS:.0f} points of {model.id} on {task_name(task)} with these constraints."
    verdict = f"Try {shown[0].model.id} instead of {model.id}: {difference(shown[0], base, sort_by, task)}."
    if len(shown) > 1:
        verdict += f" Also {shown[1].model.id}: {difference(shown[1], base, sort_by, task)}."
    heir = base.offer.successor_id
    if heir and any(c.model.id == heir for c in shown):
        verdict += f" {base.offer.provider_name} names {heir} as {model.id}'s successor."
    return verdict


def _at_its_price(cands: list[Candidate], base: Candidate, notes: list[Note]) -> list[Candidate]:
    """ "better than ¤ at the same price": none dearer than the model replaced (with a little leeway), said so."""
    if base.blended is None:
        return cands
    notes.append(Note(kind="assumption", text=f"At {base.model.id}'s price or less ({fmt.price(base.blended)}/M blended, "
                                              f"{SAME_PRICE - 1:.0%} leeway), as asked."))  # fmt: skip
    return [c for c in cands if c.blended is not None and c.blended <= base.blended * SAME_PRICE]


def alternatives(query: Query, model: Model, catalogue: Catalogue, policy: Policy, offset: int = 0) -> Answer:
    sort_by = query.sort_by or "cost"
    task = task_name(query.task)
    mix = mix_of(query, catalogue)
    base = display_candidate(model, query, catalogue, policy, mix)
    left = Left()
    pool = [c for c in candidates(query, catalogue, policy, mix, floor=True, left=left) if c.model.key != model.key]
    need = needs(sort_by)
    if need:
        pool = [c for c in pool if getattr(c, need) is not None]
    word, wins = WINS[sort_by]
    notes: list[Note] = []
    if base.score.score is not None:
        floor = base.score.score - SIMILAR_POINTS
        similar = [c for c in pool if c.score.score is not None and c.score.score >= floor]
    else:
        similar = [c for c in pool if c.score.tier in ("strong", "good")]
        notes.append(
            Note(kind="caveat", text=f"No {task} score for {model.id}: showing models rated good or strong instead.")
        )
    if query.same_price:
        similar = _at_its_price(similar, base, notes)
    found = retiring_last(rank([c for c in similar if wins(c, base)], sort_by), notes)  # not onto a model about to go
    gone = retirement(model, query, catalogue, policy, mix, current_day())
    if gone is not None and gone.successor is not None:  # the maker's named successor first, whatever it costs
        found = [gone.successor, *(c for c in found if c.model.id != gone.successor.model.id)]
    limit = query.limit or policy.rows
    shown = with_cheaper(found[offset : offset + limit], query, mix, policy, catalogue)
    rows = [row(c, mix, query) for c in [base, *shown]] if offset == 0 else [row(c, mix, query) for c in shown]
    table_cands = [base, *shown] if offset == 0 else shown
    table = ranking_table(table_cands, rows, query, first=0 if offset == 0 else offset + 1)
    if offset == 0:
        table.rows[0][0].text = "now"
    verdict = _alternatives_verdict(base, shown, sort_by, query.task, word)
    if gone is not None:  # "gpt-4o is being retired, what replaces it?": the date and the successor first
        verdict = retirement_verdict(model, base, gone, shown, verdict, lambda c: difference(c, base, sort_by, query.task), task)
    notes += notes_mod.assumption_notes(query, mix) + notes_mod.data_notes(catalogue, [base, *shown])
    notes.append(
        Note(
            kind="assumption",
            text=f"Comparable means a {task} score no more than {SIMILAR_POINTS:.0f} points below {model.id}'s.",
        )
    )
    return Answer(
        intent="alternatives",
        title=f"{word.capitalize()} alternatives to {model.name}",
        verdict=verdict,
        tables=[table],
        rows=rows,
        notes=notes,
        suggestions=[f"compare {model.id} and {shown[0].model.id}"] if shown else ["best quality instead"],
        query=query,
        total=len(found),
        offset=offset,
    )
