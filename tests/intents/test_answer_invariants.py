"""Every answer row satisfies every filter, rows come in `sort_by` order, and nothing free, unpriced or
non-chat ever wins 'cheapest' by accident. Checked over many generated queries."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.assistant import ask
from bot.catalogue.store import Catalogue
from bot.contract.answer import Answer, Row
from bot.contract.query import Query
from bot.contract.vocab import TASKS as QUERY_TASKS
from bot.intents.ranking import MIN_STEP, NEAR_TIE_PRICE
from bot.intents.registry import answer_for
from bot.intents.selection import BRANCH_OF, FIT_TIERS

PROVIDERS = [
    "openai",
    "anthropic",
    "google",
    "google-vertex",
    "amazon-bedrock",
    "azure",
    "mistral",
    "groq",
    "openrouter",
    "deepseek",
    "xai",
]
TASKS = [None, *QUERY_TASKS]

queries = st.builds(
    Query,
    intent=st.sampled_from(["recommend", "list"]),
    task=st.sampled_from(TASKS),
    sort_by=st.sampled_from([None, "cost", "quality", "speed", "latency", "context", "value"]),
    tokens_per_month=st.sampled_from([None, 1e6, 5e7, 1e9]),
    input_share=st.sampled_from([None, 0.5, 0.9]),
    max_monthly_cost=st.sampled_from([None, 50.0, 1000.0]),
    max_input_price=st.sampled_from([None, 0.5, 2.0]),
    max_output_price=st.sampled_from([None, 1.0, 10.0]),
    max_blended_price=st.sampled_from([None, 0.6, 3.0]),
    min_context=st.sampled_from([None, 128_000, 1_000_000]),
    min_output=st.sampled_from([None, 32_000]),
    min_speed=st.sampled_from([None, 100.0]),
    max_latency=st.sampled_from([None, 0.5]),
    input_modalities=st.lists(st.sampled_from(["image", "pdf", "audio"]), max_size=2, unique=True),
    capabilities=st.lists(
        st.sampled_from(["tool_calling", "structured_output", "reasoning", "open_weights"]), max_size=2, unique=True
    ),
    providers=st.lists(st.sampled_from(PROVIDERS), max_size=2, unique=True),
    exclude_providers=st.lists(st.sampled_from(["openai", "google"]), max_size=1),
    limit=st.sampled_from([None, 3, 10]),
)


def offer_of(catalogue: Catalogue, row: Row, q: Query):
    model = catalogue.model(row.model)
    assert model is not None
    offers = [
        o
        for o in model.offers
        if o.provider == row.provider and o.prices_at(q.min_context) == (row.input_price, row.output_price)
    ]
    assert offers, f"{row.model} has no offer at {row.provider} priced as shown"
    return model, offers[0]


def check_row(catalogue: Catalogue, q: Query, row: Row) -> None:
    model, offer = offer_of(catalogue, row, q)
    assert model.kind == "chat"
    assert row.input_price is not None and row.output_price is not None, "unpriced offers never appear"
    assert not row.free, "free offers never appear unless asked"
    share = row.input_share
    assert share is not None
    if q.min_context:
        assert (row.context or 0) >= q.min_context
    if q.min_output:
        assert (row.max_output or 0) >= q.min_output
    if q.max_input_price is not None:
        assert row.input_price <= q.max_input_price
    if q.max_output_price is not None:
        assert row.output_price <= q.max_output_price
    if q.max_blended_price is not None:
        assert share * row.input_price + (1 - share) * row.output_price <= q.max_blended_price + 1e-9
    if q.max_monthly_cost is not None and q.tokens_per_month is not None:
        assert row.monthly_cost is not None and row.monthly_cost <= q.max_monthly_cost + 1e-9
    if q.min_speed is not None:
        assert row.speed is not None and row.speed >= q.min_speed
    if q.max_latency is not None:
        assert row.ttft is not None and row.ttft <= q.max_latency
    if q.providers:
        assert row.provider in q.providers or BRANCH_OF.get(row.provider) in q.providers  # Vertex's Anthropic branch
    if q.exclude_providers:
        assert row.provider not in q.exclude_providers
        assert model.maker not in q.exclude_providers
    assert set(q.input_modalities) <= set(offer.input_modalities)
    for cap in q.capabilities:
        ok = {
            "tool_calling": offer.tool_calling,
            "structured_output": offer.structured_output is True,
            "reasoning": offer.reasoning,
            "open_weights": catalogue.open_weights(model),  # the offers say so, or the source of its size
        }[cap]
        assert ok, f"{row.model} lacks {cap}"


@pytest.fixture(scope="module")
def shared(catalogue: Catalogue) -> Shared:
    holder = Shared()
    holder.catalogue = catalogue
    return holder


SORT_VALUE = {
    "cost": lambda r: r.monthly_cost,
    "quality": lambda r: -(r.task_score or 0),
    "speed": lambda r: -(r.speed or 0),
    "latency": lambda r: r.ttft if r.ttft is not None else float("inf"),
    "context": lambda r: -(r.context or 0),
}


def retiring_soon(catalogue: Catalogue, row: Row) -> bool:
    """The row's offer is deprecated within 30 days (a recommendation ranks those after the models that stay)."""
    offer = next(o for o in catalogue.model(row.model).offers if o.provider == row.provider)  # type: ignore[union-attr]
    return offer.retiring(date.today(), 30) is not None


def blended(r: Row) -> float:
    return r.input_share * r.input_price + (1 - r.input_share) * r.output_price


def check_order(q: Query, answer: Answer, catalogue: Catalogue) -> None:
    sort_by = q.sort_by or ("value" if q.intent == "recommend" else None)
    if sort_by in (None, "value"):
        return
    key = SORT_VALUE[sort_by]
    if sort_by == "cost" and q.tokens_per_month is None:
        key = lambda r: r.input_share * r.input_price + (1 - r.input_share) * r.output_price  # noqa: E731
    soon = [retiring_soon(catalogue, r) for r in answer.rows] if q.intent == "recommend" else [False] * len(answer.rows)
    assert soon == sorted(soon), "a model about to retire ranks after those that stay"
    rows = answer.rows
    staying = [r for r, s in zip(rows, soon) if not s] or rows  # a model about to retire is ranked last, whatever it costs
    if sort_by == "cost" and len(rows) > 1 and key(rows[0]) > min(key(r) for r in staying):  # the better buy leads
        cheapest = min(staying, key=key)
        assert (rows[0].task_score or 0) >= (cheapest.task_score or 0) + 10 or rows[0].task_tier != cheapest.task_tier
        rows, soon = rows[1:], soon[1:]
    if sort_by == "quality" and len(rows) > 1 and key(rows[0]) > min(key(r) for r in rows):  # a near-tie of the top leads
        top = min(rows, key=key)
        assert round(top.task_score or 0) - round(rows[0].task_score or 0) < MIN_STEP
        assert blended(top) >= NEAR_TIE_PRICE * blended(rows[0])
        rows, soon = rows[1:], soon[1:]
    for group in (False, True):
        values = [key(r) for r, s in zip(rows, soon) if s is group]
        assert values == sorted(values), f"rows not in {sort_by} order: {values}"


class Shared:
    """Holds the session catalogue out of hypothesis' reports (its repr is megabytes)."""

    catalogue: Catalogue

    def __repr__(self) -> str:
        return "<catalogue>"


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=queries)
def test_every_row_satisfies_every_filter_and_the_order(shared: Shared, q: Query) -> None:
    catalogue = shared.catalogue
    answer = answer_for(q, catalogue)
    assert len(answer.rows) <= (q.limit or (15 if q.intent == "list" else 5))
    if any("read as the maker" in n.text for n in answer.notes):  # makers' APIs outside the region: their models
        assert q.region and answer.query is not None and not answer.query.providers
        assert all(catalogue.model(r.model).maker in q.providers for r in answer.rows)  # type: ignore[union-attr]
        q = answer.query
    for row in answer.rows:
        check_row(catalogue, q, row)
    check_order(q, answer, catalogue)


def test_cheapest_for_classification_returns_only_models_fit_for_it(catalogue: Catalogue) -> None:
    q = Query(intent="recommend", task="classification", sort_by="cost", tokens_per_month=50e6)
    answer = answer_for(q, catalogue)
    assert answer.rows
    assert all(r.task_tier in FIT_TIERS for r in answer.rows)


def test_free_offers_win_cheapest_only_when_asked(catalogue: Catalogue) -> None:
    q = Query(intent="recommend", sort_by="cost", task="chat")
    assert not any(r.free for r in answer_for(q, catalogue).rows)
    free = answer_for(q.model_copy(update={"include_free": True}), catalogue)
    assert free.rows and free.rows[0].input_price == 0 and free.rows[0].output_price == 0


def test_default_is_value_good_enough_then_cheapest_with_steps_worth_their_price(catalogue: Catalogue) -> None:
    for task in ("summarization", "chat", "translation", "coding"):
        answer = answer_for(Query(intent="recommend", task=task), catalogue)
        assert answer.verdict and answer.verdict.startswith(f"Pick {answer.rows[0].model}")
        assert {r.task_tier for r in answer.rows} <= {"strong", "good"}, task
        blended = [r.input_share * r.input_price + (1 - r.input_share) * r.output_price for r in answer.rows]
        assert blended[1:] == sorted(blended[1:]), task  # the pick first, then the rest by price
        pick = answer.rows[0]
        cheaper = [r for r, b in zip(answer.rows, blended) if b < blended[0]]
        assert all(round(r.task_score) + MIN_STEP <= round(pick.task_score) for r in cheaper), task  # a step worth it
        if cheaper:
            assert "The cheapest good enough is" in answer.verdict, task


@pytest.mark.parametrize(
    "question",
    ["cheapest model for summarization", "cheapest reasoning model for math, 5M tokens/month", "best value for coding"],
)
def test_a_model_retiring_within_30_days_ranks_after_those_that_stay(catalogue: Catalogue, question: str) -> None:
    answer = ask(question, catalogue=catalogue)
    flags = [retiring_soon(catalogue, r) for r in answer.rows]
    assert flags == sorted(flags), question  # every row that stays comes before every row about to go
    if any(flags):
        assert any(n.text.startswith("Retiring within 30 days, so ranked last:") for n in answer.notes)
