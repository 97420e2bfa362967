"""Native Slack charts (`data_visualization` blocks): what recommendations and comparisons carry, within the block's
limits, and the resend without them when a workspace refuses them. End to end through bolt and the fake Web API."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fakeslack import BOT_USER, mention
from test_slack_app import CLASSIFY, CannedCore, Harness, fake, logs, start, types  # noqa: F401 - fixtures

from adapters.slack.charts import CHART_BLOCK, CHART_NOTE_ID, chart_blocks, chart_value, short_labels
from bot.catalogue.store import Catalogue
from bot.contract.answer import Answer, Row
from bot.contract.query import Query
from bot.intents.registry import answer_for


def charts(call_or_blocks: Any) -> list[dict[str, Any]]:
    blocks = call_or_blocks if isinstance(call_or_blocks, list) else call_or_blocks.blocks
    return [b for b in blocks if b["type"] == CHART_BLOCK]


def points(chart: dict[str, Any]) -> list[tuple[str, float]]:
    (series,) = chart["chart"]["series"]
    return [(p["label"], p["value"]) for p in series["data"]]


def within_limits(chart: dict[str, Any]) -> None:
    """Every limit of the block: title 50, 1-6 series of 1-20 points, labels 20, labels = the categories."""
    assert chart["type"] == CHART_BLOCK and 0 < len(chart["title"]) <= 50
    body = chart["chart"]
    assert body["type"] == "bar" and 1 <= len(body["series"]) <= 6
    categories = body["axis_config"]["categories"]
    assert len(set(categories)) == len(categories) and all(0 < len(c) <= 20 for c in categories)
    assert len(body["axis_config"].get("y_label", "")) <= 50
    for series in body["series"]:
        assert 0 < len(series["name"]) <= 20 and 1 <= len(series["data"]) <= 20
        assert [p["label"] for p in series["data"]] == categories
        assert all(isinstance(p["value"], int | float) for p in series["data"])


def note(blocks: list[dict[str, Any]]) -> str:
    (block,) = [b for b in blocks if b.get("block_id") == CHART_NOTE_ID]
    return block["elements"][0]["text"]


def test_a_recommendation_charts_monthly_cost_at_the_users_volume_and_the_task_score(
    start: Callable[..., Harness],
) -> None:
    h = start()
    h.command(CLASSIFY)
    (call,) = h.fake.wait_calls("respond", "cmd")
    cost, score = charts(call)
    within_limits(cost)
    within_limits(score)
    expected = answer_for(CannedCore.QUESTIONS[CLASSIFY.lower()], h.core.catalogue)
    assert cost["title"] == "Monthly cost at 50M tokens/mo"
    labels = dict(zip((id(r) for r in expected.rows), short_labels(expected.rows)))  # ids cut to the chart's limit
    assert points(cost) == [(labels[id(r)], chart_value(r.costs_at["50M/mo"])) for r in expected.rows]
    assert score["title"] == "Classification score (0-100)"
    assert points(score) == [(labels[id(r)], r.task_score) for r in expected.rows if r.task_score is not None]
    order = types(call)
    assert order.index("table") < order.index(CHART_BLOCK) and order[-1] == "context_actions"
    assert "Prices:" in note(call.blocks) and "2026-" in note(call.blocks)  # sources and dates of the numbers
    assert call.params["text"]  # the text fallback is always sent


def test_a_comparison_without_a_volume_charts_10m_tokens_a_month_and_says_so(start: Callable[..., Harness]) -> None:
    h = start()
    h.event(mention(f"<@{BOT_USER}> gpt-4.1 mini vs nano", h.new_ts()))
    (call,) = h.fake.wait_calls("api", "chat.postMessage")
    cost = charts(call)[0]
    within_limits(cost)
    assert cost["title"] == "Monthly cost at 10M tokens/mo (no volume given)"
    expected = answer_for(CannedCore.QUESTIONS["gpt-4.1 mini vs nano"], h.core.catalogue)
    assert points(cost) == [(r.model, chart_value(r.costs_at["10M/mo"])) for r in expected.rows]
    assert "No volume given: costs are at 10M tokens a month." in note(call.blocks)


def test_rows_with_no_price_or_no_score_are_left_out_and_the_note_names_them() -> None:
    rows = [
        Row(model="alpha-1", name="Alpha 1", monthly_cost=12.5, task="coding", task_score=71.0),
        Row(model="beta-2", name="Beta 2", monthly_cost=None, task="coding", task_score=64.0),
        Row(model="gamma-3", name="Gamma 3", monthly_cost=0.0, task="coding", task_score=None),
    ]
    query = Query(intent="recommend", task="coding", tokens_per_month=5e7)
    blocks = chart_blocks(Answer(intent="recommend", title="t", rows=rows, query=query))
    cost, score = charts(blocks)
    assert points(cost) == [("alpha-1", 12.5), ("gamma-3", 0.0)]  # free is a real zero; no price is left out
    assert points(score) == [("alpha-1", 71.0), ("beta-2", 64.0)]
    text = note(blocks)
    assert "1 left out of the cost chart: no price (beta-2)" in text
    assert "1 left out of the score chart: no score (gamma-3)" in text


def test_nothing_to_plot_help_errors_and_other_intents_carry_no_chart(catalogue: Catalogue) -> None:
    unpriced = [Row(model="x", name="X")]
    assert chart_blocks(Answer(intent="recommend", title="t", rows=unpriced, query=Query(intent="recommend"))) == []
    for query in (Query(intent="help"), Query(intent="info", models=["gpt-4.1"])):
        assert chart_blocks(answer_for(query, catalogue)) == []
    refused = answer_for(Query(intent="compare", models=["gpt-9000-ultra", "claude-9000"]), catalogue)
    assert refused.error and chart_blocks(refused) == []


def test_small_costs_keep_three_significant_digits_so_no_priced_bar_reads_zero() -> None:
    assert [chart_value(v) for v in (2.6549, 0.0042137, 0.175, 1234.567)] == [2.65, 0.00421, 0.175, 1234.57]


def test_thirty_long_and_repeated_names_stay_within_the_blocks_limits() -> None:
    long = "a-very-long-model-name-that-goes-on"
    rows = [
        Row(model=long if i % 3 else "same-model", name="n", provider=f"p{i}", monthly_cost=float(i), task_score=50.0)
        for i in range(30)
    ]
    blocks = chart_blocks(Answer(intent="compare", title="t", rows=rows, query=Query(intent="compare")))
    assert len(charts(blocks)) == 2
    for chart in charts(blocks):
        within_limits(chart)
        assert len(points(chart)) == 20
    assert "first 20 of 30 rows" in note(blocks)
    assert short_labels(rows[:4]) == [
        "same-model @p0",
        "a-very-long-mod… @p1",
        "a-very-long-mod… @p2",
        "same-model @p3",
    ]
    twins = [Row(model=long, name="n", provider="provider-with-a-long-name") for _ in range(2)]
    assert short_labels(twins) == ["a-very-lo… @provide…", "a-very-lo… @provi… 2"]


def test_a_workspace_that_refuses_charts_gets_the_same_answer_with_its_table_and_no_charts(
    start: Callable[..., Harness],
) -> None:
    h = start()
    h.fake.reject_charts = True
    h.event(mention(f"<@{BOT_USER}> {CLASSIFY}", h.new_ts()))
    rejected, resent = h.fake.wait_calls("api", "chat.postMessage", count=2)
    assert rejected.error == "invalid_blocks" and CHART_BLOCK in types(rejected)
    assert resent.ok and CHART_BLOCK not in types(resent) and "table" in types(resent)
    assert not [b for b in resent.blocks if b.get("block_id") == CHART_NOTE_ID]
    assert resent.params["text"] == rejected.params["text"]
    kept = [b for b in rejected.blocks if b["type"] != CHART_BLOCK and b.get("block_id") != CHART_NOTE_ID]
    assert resent.blocks == kept  # the same answer, buttons and all, less the charts
    h.logs.wait(lambda m: "without the charts" in m)


def test_a_refusal_through_response_url_that_names_nothing_resends_without_charts_or_tables(
    start: Callable[..., Harness],
) -> None:
    h = start()
    h.fake.reject_charts = True
    h.command(CLASSIFY)
    rejected, resent = h.fake.wait_calls("respond", "cmd", count=2)
    assert not rejected.ok and CHART_BLOCK in types(rejected)
    assert resent.ok and CHART_BLOCK not in types(resent) and "table" not in types(resent)
    assert resent.params["response_type"] == "in_channel" and resent.params["text"] == rejected.params["text"]
