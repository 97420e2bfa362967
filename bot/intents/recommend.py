"""recommend: filter by every constraint, keep models fit for the task, rank by what the user optimises."""

from __future__ import annotations

from bot.catalogue.cost import Mix
from bot.catalogue.offers import current_day
from bot.catalogue.store import Catalogue
from bot.contract.answer import Answer, Note
from bot.contract.policy import Policy
from bot.contract.query import Query
from bot.intents import notes as notes_mod
from bot.intents import selfhost
from bot.intents.constraints import mix_of, workload_of
from bot.intents.index import index_for
from bot.intents.makers import in_family
from bot.intents.nearest import nearest
from bot.intents.pricing import thinking_range
from bot.intents.quoted import with_cheaper
from bot.intents.ranking import SORT_KEYS, better_buy, climbed, good_enough, good_step, needs, pareto_step, rank
from bot.intents.selection import Candidate, Left, candidates, newest_unjudged
from bot.intents.tables import cheaper_at, ranking_table, row
from bot.intents.verdicts import near_tie_sentence
from bot.intents.why_not import why_not_sentences
from bot.render import fmt
from bot.render.wording import filters_text, points, task_name

SORT_WORDS = {
    "cost": "cheapest",
    "quality": "best",
    "speed": "fastest",
    "latency": "quickest to first token",
    "context": "largest context",
    "value": "best value",
}


def headline(c: Candidate, query: Query) -> str:
    """What makes a candidate stand out for this sort, in a few words."""
    cost = (
        f"{fmt.money(c.monthly)}{fmt.per_period(query.one_off)} at {fmt.tokens(query.tokens_per_month)} tokens"
        if c.monthly is not None
        else f"{fmt.price(c.blended)} per 1M tokens blended"
    )
    score = f"{task_name(query.task)} score {fmt.score(c.score.score, c.score.tier)}"
    extra = {
        "speed": f", {fmt.speed(c.tps)}",
        "latency": f", first token in {fmt.seconds(c.ttft)}",
        "context": f", {fmt.tokens(c.offer.context)} context",
    }.get(query.sort_by or "value", "")
    return f"{cost}, {score}{extra}"


def runner_up(top: Candidate, others: list[Candidate], sort_by: str, task: str | None) -> str | None:
    """The alternative that trades differently, said as a trade-off."""
    if not others:
        return None
    pick_score = top.score.score or 0.0
    if top.score.score is None and sort_by in ("cost", "speed", "latency", "context", "value"):
        scored = [c for c in others if c.score.score is not None and c.score.tier in ("strong", "good")]
        if scored:  # no score to compare against: name the best-rated alternative instead of a gap
            alt = max(scored, key=lambda c: c.score.score or 0.0)
            return f"{top.model.id} has no {task_name(task)} score; the best rated of these is {alt.model.id} ({fmt.score(alt.score.score, alt.score.tier)})."
    if sort_by in ("cost", "speed", "latency", "context", "value"):
        better = [c for c in others if (c.score.score or 0.0) >= pick_score + 3]
        if better:
            alt = max(better, key=lambda c: c.score.score or 0.0)
            gap = (alt.score.score or 0.0) - pick_score
            price_ratio = fmt.ratio(alt.blended, top.blended)
            if price_ratio and price_ratio > 1.05:
                return f"{top.model.id} is {price_ratio:.1f}x cheaper; {alt.model.id} scores {points(gap, task)}."
            return f"{alt.model.id} scores {points(gap, task)} at a similar price."
    if sort_by == "quality" and (tie := near_tie_sentence(top, others, task)):
        return tie
    if sort_by == "quality":
        close = [c for c in others if (c.score.score or 0.0) >= pick_score - 5 and c.blended and top.blended]
        cheaper = [c for c in close if (c.blended or 0) < (top.blended or 0) * 0.8]
        if cheaper:
            alt = min(cheaper, key=lambda c: c.blended or 0.0)
            r = fmt.ratio(top.blended, alt.blended) or 1.0
            gap = (alt.score.score or 0.0) - pick_score
            return f"{alt.model.id} is {r:.1f}x cheaper and scores {points(gap, task)}."
    alt = others[0]
    return f"Runner-up: {alt.model.id} ({fmt.price(alt.blended)}/M blended, score {fmt.score(alt.score.score)})."


def ranked_candidates(
    query: Query, catalogue: Catalogue, policy: Policy, mix: Mix, left: Left
) -> tuple[list[Candidate], list[Note]]:
    """Every candidate that meets the question, best first by what it optimises, and caveats on the choice."""
    sort_by = query.sort_by or "value"
    notes: list[Note] = []
    # the largest context is a fact, not a judgement: no quality floor hides the model that has it
    found = candidates(query, catalogue, policy, mix, floor=sort_by != "context", left=left)
    fallback = not found
    if not found:
        # models that match but lack a score for this task: only those with some evidence of quality at all
        found = [
            c
            for c in candidates(query, catalogue, policy, mix, floor=False, left=Left())
            if catalogue.scores(c.model)
        ]
        if found:
            notes.append(
                Note(
                    kind="caveat",
                    text=f"No model rated usable or better for {task_name(query.task)} meets these constraints; "
                    "these meet them, weak or with no score for it: test them before you rely on one.",
                )
            )
    if query.families:  # "cheapest claude model": that line's models only
        found = [c for c in found if any(in_family(c.model.id, f) for f in query.families)]
    need = needs(sort_by)
    if need:
        known = [c for c in found if getattr(c, need) is not None]
        for _ in range(len(found) - len(known)):
            left.add("no speed data" if need == "tps" else "no latency data")
        found = known
    if query.min_tier and sort_by != "value":  # "cheapest that's still decent", "strong on coding"
        floor = ("strong",) if query.min_tier == "strong" else ("strong", "good")
        kept = [c for c in found if c.score.tier in floor]
        if kept:
            for _ in range(len(found) - len(kept)):
                left.add(f"below '{query.min_tier}' for the task")
            found = kept
        else:
            notes.append(Note(kind="caveat", text=f"No model is '{query.min_tier}' for {task_name(query.task)} under "
                                                  "these constraints: these are the best the data has."))  # fmt: skip
    if sort_by == "value" and not fallback:  # with no model fit for the task, an unscored one may beat a weak one
        kept, tier = good_enough(found)
        for _ in range(len(found) - len(kept)):
            left.add(f"below '{tier}' for the task")
        if tier not in (None, "good"):
            notes.append(
                Note(
                    kind="caveat",
                    text=f"No model is 'good' for {task_name(query.task)} under these constraints; "
                    f"these are the best tier that has any ('{tier}').",
                )
            )
        found = kept
    ordered = retiring_last(rank(found, sort_by), notes)
    if sort_by == "cost" and (buy := better_buy(_staying(ordered))) is not None:  # "cheapest": unless a little more buys a lot
        ordered = [buy, *(c for c in ordered if c is not buy)]
    return (climbed(ordered) if sort_by == "value" else ordered), notes


def retiring_last(ordered: list[Candidate], notes: list[Note]) -> list[Candidate]:
    """Models retiring soon moved to the end, with a note saying so (do not build on a model about to go)."""
    today = current_day()
    soon = [c for c in ordered if c.offer.deprecation_date is not None and notes_mod.retiring_soon(c, today)]
    if not soon or len(soon) == len(ordered):
        return ordered
    going = {id(c) for c in soon}
    names = ", ".join(f"{c.model.id} ({fmt.day(c.offer.deprecation_date)})" for c in soon[:3])
    notes.append(Note(kind="caveat", text=f"Retiring within {notes_mod.SOON_DAYS} days, so ranked last: {names}."))
    return [c for c in ordered if id(c) not in going] + soon


def _makers_elsewhere(
    query: Query, catalogue: Catalogue, policy: Policy, mix: Mix, notes: list[Note]
) -> tuple[Query, list[Candidate], list[Note]]:
    """Makers named as providers whose own APIs process nowhere near the region asked ("is deepseek on a
    US-hosted provider?"): their models at the sellers that do, said as an assumption; else the query as it was."""
    makers = index_for(catalogue).makers
    if not all(p in makers for p in query.providers):
        return query, [], notes
    wider = query.model_copy(update={"providers": []})
    found, more = ranked_candidates(wider, catalogue, policy, mix, Left())
    found = [c for c in found if c.model.maker in query.providers]
    if not found:
        return query, [], notes
    names = ", ".join(makers[p].name for p in query.providers)
    said = Note(kind="assumption", text=f"{names} read as the maker: its own API meets none of this, so these are its "
                                        "models at the sellers that do.")  # fmt: skip
    return wider, found, [said, *more]


def _with_named(ranked: list[Candidate], query: Query, mix: Mix, limit: int) -> list[Candidate]:
    """The first page holds every model the verdict names (not pages below the pick), the pick first and the
    rest of the page in the sort's own order, models retiring soon last."""
    named = {id(c): c for c in named_in_verdict(ranked[0], ranked, query, mix)} if ranked else {}
    if not named:
        return ranked
    rest, room = [c for c in ranked[1:] if id(c) not in named], max(limit - 1 - len(named), 0)
    page = [*named.values(), *rest[:room]]
    today, key = current_day(), SORT_KEYS["cost" if (query.sort_by or "value") == "value" else query.sort_by or "value"]
    page.sort(key=lambda c: (notes_mod.retiring_soon(c, today), key(c)))
    return [ranked[0], *page, *rest[room:]]


def named_in_verdict(top: Candidate, ranked: list[Candidate], query: Query, mix: Mix) -> list[Candidate]:
    """The models a value or cost verdict names beside the pick: the very cheapest, the step up the frontier, the
    cheapest rated good, one in the pick's tier for less, and one that does not think (none for other sorts)."""
    if (query.sort_by or "value") not in ("value", "cost"):
        return []
    staying = _staying(ranked)
    cheaper = [c for c in staying if c.blended is not None and top.blended is not None and c.blended < top.blended]
    found = [min(cheaper, key=lambda c: c.blended or 0.0) if cheaper else None, pareto_step(top, staying), good_step(top, staying)]
    if (query.sort_by or "value") == "value":
        found.append(same_tier_cheaper(top, staying))
    found.append(not_thinking(top, ranked, mix))
    return [c for c in found if c is not None and c is not top]


def same_tier_cheaper(top: Candidate, ranked: list[Candidate]) -> Candidate | None:
    """The cheapest model rated in the pick's own tier that costs less than it: the pick bought points over it."""
    same = [c for c in ranked if c.score.tier == top.score.tier and c.blended is not None and top.blended is not None
            and c.blended < top.blended]  # fmt: skip
    return min(same, key=lambda c: (c.blended, -(c.score.score or 0.0)), default=None)


def _staying(ordered: list[Candidate]) -> list[Candidate]:
    """The candidates not retiring within weeks: `retiring_last` put those at the end, so the rest is a prefix."""
    today = current_day()
    end = len(ordered)
    while end and notes_mod.retiring_soon(ordered[end - 1], today):
        end -= 1
    return ordered[:end]


def title_for(query: Query) -> str:
    """'Cheapest models for classification, from anthropic, at 50M tokens/month'."""
    title = f"{SORT_WORDS[query.sort_by or 'value'].capitalize()} models for {task_name(query.task)}"
    if filters_text(query):
        title += f", {filters_text(query)}"
    title += selfhost.title_part(query)
    if query.tokens_per_month is not None:
        title += f", at {fmt.volume(query.tokens_per_month, query.one_off)}"
    return title


def verdict_for(top: Candidate, ranked: list[Candidate], query: Query, mix: Mix, limit: int, offset: int) -> str:
    """'Pick X (provider): why', with a cheaper seller of the same model and the runner-up that trades differently."""
    verdict = f"Pick {top.model.id} ({top.offer.provider_name}): {headline(top, query)}."
    if top.cheaper is not None:
        verdict = verdict[:-1] + f" (cheaper at {cheaper_at(top, mix, query)})."
    if (ends := notes_mod.retiring_sentence([top], current_day())) is not None:
        verdict += f" Note: {ends}"
    thinking = thinking_range(top, query, mix) if query.max_monthly_cost is not None else None
    if thinking is not None and query.max_monthly_cost is not None and thinking[1] > query.max_monthly_cost:
        verdict += (f" With its hidden thinking billed as output (1-3x its answers, typical) it would cost "
                    f"{fmt.money(thinking[1])}-{fmt.money(thinking[2])}, over your {fmt.money(query.max_monthly_cost)}.")  # fmt: skip
    later = notes_mod.scheduled_cost(top)
    if later is not None and query.max_monthly_cost is not None and later > query.max_monthly_cost and top.offer.scheduled:
        verdict += (f" From {fmt.day(top.offer.scheduled.as_of)} its price rises to {fmt.money(later)} a month, over your "
                    f"{fmt.money(query.max_monthly_cost)}.")  # fmt: skip
    if offset:
        return verdict
    if (query.sort_by or "value") in ("value", "cost"):
        ranked = _staying(ranked)  # no step up onto a model about to go
        step, good = pareto_step(top, ranked), good_step(top, ranked)
        trade = step_sentence(top, step, query.task) if step is not None else None
        cheaper = [c for c in ranked if c.blended is not None and top.blended is not None and c.blended < top.blended]
        if cheaper and query.sort_by == "cost":  # the better buy leads: say what the very cheapest is
            trade = " ".join(filter(None, [cheapest_sentence(top, min(cheaper, key=lambda c: c.blended or 0.0), query), trade]))
        elif cheaper and (query.sort_by or "value") == "value":
            trade = " ".join(filter(None, [climb_sentence(top, min(cheaper, key=lambda c: c.blended or 0.0), query.task), trade]))
            same = same_tier_cheaper(top, ranked)
            if same is not None and same is not min(cheaper, key=lambda c: c.blended or 0.0):
                trade += f" Cheaper in the same tier: {same.model.id} ({headline(same, query)})."
        if good is not None and good is not step:
            trade = (trade + " " if trade else "") + good_sentence(top, good, query.task)
    else:
        trade = runner_up(top, ranked[1 : max(limit, 5)], query.sort_by or "value", query.task)
    return verdict + (" " + trade if trade else "") + thinking_sentence(top, ranked, mix)


SHORT_ANSWERS = 0.85  # an input share this high: answers of a few tokens, where hidden thinking can cost the most


def thinking_sentence(top: Candidate, ranked: list[Candidate], mix: Mix) -> str:
    """' gpt-5-nano thinks before it answers: with answers this short, ...' and the best model that does not."""
    if not top.offer.reasoning or mix.share < SHORT_ANSWERS:
        return ""
    plain = not_thinking(top, ranked, mix)
    other = f"; {plain.model.id} ({fmt.price(plain.blended)}/M, {fmt.score(plain.score.score, plain.score.tier)}) does not" if plain else ""
    return (f" {top.model.id} thinks before it answers: with answers this short, its hidden thinking tokens (billed as "
            f"output) can cost more than the answer itself{other}.")  # fmt: skip


def not_thinking(top: Candidate, ranked: list[Candidate], mix: Mix) -> Candidate | None:
    """For a reasoning pick on short answers, the first model ranked after it that does not think (usable or better)."""
    if not top.offer.reasoning or mix.share < SHORT_ANSWERS:
        return None
    return next((c for c in ranked if c is not top and not c.offer.reasoning and c.score.tier in ("strong", "good", "usable")), None)


def step_sentence(pick: Candidate, step: Candidate, task: str | None) -> str:
    """The Pareto step up from the pick: 'claude-haiku-4-5 costs 3.0x more for 12 points higher on coding (60, good)'."""
    ratio = fmt.ratio(step.blended, pick.blended) or 1.0
    gap = round(step.score.score or 0.0) - round(pick.score.score or 0.0)
    more = f"{ratio:.1f}x more" if ratio >= 1.095 else f"{(ratio - 1) * 100:.0f}% more" if ratio >= 1 else f"{(1 - ratio) * 100:.0f}% less"
    score = fmt.score(step.score.score, step.score.tier)
    return f"One step up: {step.model.id} costs {more} for {points(gap, task)} ({score})."


def climb_sentence(pick: Candidate, cheapest: Candidate, task: str | None) -> str:
    """Why value took a step up: 'The cheapest good enough is step-3.5-flash (60, good); 16 more points cost 1.2x.'"""
    ratio = fmt.ratio(pick.blended, cheapest.blended) or 1.0
    gap = round(pick.score.score or 0.0) - round(cheapest.score.score or 0.0)
    score = fmt.score(cheapest.score.score, cheapest.score.tier)
    return f"The cheapest good enough is {cheapest.model.id}, scoring {score}; {points(gap, task)} here cost {ratio:.1f}x."


def cheapest_sentence(pick: Candidate, cheapest: Candidate, query: Query) -> str:
    """'The very cheapest is glm-4.7-flash ($4.70/month, 50 usable): 12 more points here cost 7% more.'"""
    gap = round(pick.score.score or 0.0) - round(cheapest.score.score or 0.0)
    cost = fmt.money(cheapest.monthly) + fmt.per_period(query.one_off) if cheapest.monthly is not None else f"{fmt.price(cheapest.blended)}/M blended"
    more = fmt.ratio(pick.blended, cheapest.blended) or 1.0
    extra = f"{(more - 1) * 100:.0f}% more" if more < 1.5 else f"{more:.1f}x"
    return (f"The very cheapest is {cheapest.model.id} ({cost}, scoring {fmt.score(cheapest.score.score, cheapest.score.tier)}); "
            f"{points(gap, query.task)} here cost {extra}.")  # fmt: skip


def good_sentence(pick: Candidate, good: Candidate, task: str | None) -> str:
    """'The cheapest rated good: gpt-6-luna, 3.5x the price, scoring 86 (good) on summarization.'"""
    ratio = fmt.ratio(good.blended, pick.blended) or 1.0
    price = f"{ratio:.1f}x the price" if ratio >= 1.095 else "about the same price"
    score = fmt.score(good.score.score, good.score.tier)
    return f"The cheapest rated good: {good.model.id}, {price}, scoring {score} on {task_name(task)}."


def recommend(query: Query, catalogue: Catalogue, policy: Policy, offset: int = 0) -> Answer:
    """Which model to use: the constraints filtered, ranked by what the question optimises, with a verdict."""
    query = selfhost.ranking_query(query)
    mix = mix_of(query, catalogue)
    left = Left()
    ranked, notes = ranked_candidates(query, catalogue, policy, mix, left)
    if not ranked and query.providers and query.region:
        query, ranked, notes = _makers_elsewhere(query, catalogue, policy, mix, notes)
    fitted = None
    if selfhost.asked(query):
        fitted, size_notes = selfhost.fit_ranked(ranked, query, catalogue, policy, mix)
        ranked, notes = fitted.shown, notes + size_notes
    limit = query.limit or policy.rows
    ranked = _with_named(ranked, query, mix, limit)
    shown = with_cheaper(ranked[offset : offset + limit], query, mix, policy, catalogue)
    rows = [row(c, mix, query) for c in shown]
    if not shown:
        size = selfhost.nothing_fits(fitted, query) if fitted is not None else None
        near = None if size and "Nearest" in size else nearest(query, catalogue, policy, mix)
        hint = "Loosen what it misses" if near or size else "Loosen a constraint"
        return Answer(
            intent="recommend",
            title=title_for(query),
            verdict=" ".join(filter(None, [size or "No model matches all of that.", near]))
            + f" {hint} (a higher price cap, a smaller context, another provider).",
            notes=notes + _notes(query, mix, catalogue, [], left, policy),
            query=query,
            total=0,
            suggestions=["cheapest model for chat", "list models with 1M context"],
        )
    verdict = verdict_for(shown[0], ranked, query, mix, limit, offset)
    if fitted is not None:
        size = selfhost.verdict_line(fitted, query)
        verdict = selfhost.nothing_fits(fitted, query) or (f"{verdict} {size}" if size else verdict)
    if query.why_not:
        verdict = " ".join(why_not_sentences(query, ranked, catalogue, policy, mix)) + " " + verdict
    return Answer(
        intent="recommend",
        title=title_for(query),
        verdict=verdict,
        tables=[ranking_table(shown, rows, query, first=offset + 1)],
        rows=rows,
        notes=notes + _notes(query, mix, catalogue, shown, left, policy),
        suggestions=_suggestions(query, shown),
        query=query,
        total=len(ranked),
        offset=offset,
    )


def _notes(query: Query, mix: Mix, catalogue: Catalogue, shown: list[Candidate], left: Left, policy: Policy) -> list[Note]:
    out = notes_mod.assumption_notes(query, mix)
    if query.batch or query.service_tier:  # which rows pay the tier asked, and which pay the standard price
        tier = workload_of(query, mix).tier or ""
        plain = [f"{c.model.id} ({c.offer.provider_name})" for c in shown if c.rates and not any(tier in a for a in c.rates.applied)]
        if plain:
            out.append(Note(kind="caveat", text=f"No {tier} price in my data for {', '.join(plain)}: "
                                                 "standard prices shown for these."))  # fmt: skip
    out += notes_mod.data_notes(catalogue, shown)
    newest = [m for m in newest_unjudged(query, catalogue, policy) if m.id not in {c.model.id for c in shown}]
    for note in (notes_mod.left_out_note(left, query.task, newest), notes_mod.free_note(query)):
        if note is not None:
            out.append(note)
    return out


def _suggestions(query: Query, shown: list[Candidate]) -> list[str]:
    out = []
    if len(shown) >= 2:
        out.append(f"compare {shown[0].model.id} and {shown[1].model.id}")
    if query.tokens_per_month is None:
        out.append("what about 100M tokens a month?")
    if not query.capabilities:
        out.append("only open weights")
    if query.sort_by != "quality":
        out.append("best quality instead")
    return out[:3]
