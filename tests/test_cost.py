"""The cost model: arithmetic pinned to the makers' published prices."""

from __future__ import annotations

import pytest

from bot.catalogue.cost import DEFAULT_SHARE, blended_price, cached_cost, mix_for, monthly_cost
from bot.catalogue.offers import Offer, PriceTier
from bot.catalogue.store import Catalogue
from bot.render.wording import cost_sum


def maker_offer(catalogue: Catalogue, model_id: str) -> Offer:
    model = catalogue.model(model_id)
    assert model is not None, model_id
    return next(o for o in model.offers if o.first_party and o.priced)


@pytest.mark.parametrize(
    ("model_id", "expected"),
    [("gpt-4.1-mini", 100.00), ("gpt-4.1-nano", 25.00), ("gpt-5.1", 562.50)],
)
def test_100m_tokens_at_one_to_one_costs_the_published_figure(
    catalogue: Catalogue, model_id: str, expected: float
) -> None:
    cost = monthly_cost(maker_offer(catalogue, model_id), 100_000_000, 0.5)
    assert cost == pytest.approx(expected, abs=0.005)


def test_arithmetic_is_written_out_with_the_total(catalogue: Catalogue) -> None:
    text = cost_sum(maker_offer(catalogue, "gpt-4.1-mini"), 100_000_000, 0.5)
    assert text == "100M x (50% x $0.40 + 50% x $1.60) / 1M = $100.00"


def test_mix_prefers_the_question_then_the_task_then_three_to_one() -> None:
    assert mix_for(0.5, "classification", 0.9).share == 0.5
    assert mix_for(0.5, "classification", 0.9).origin == "question"
    assert mix_for(None, "classification", 0.9).share == 0.9
    assert mix_for(None, None, None).share == DEFAULT_SHARE == 0.75


def _offer(**kw: object) -> Offer:
    base = dict(
        provider="p",
        provider_name="P",
        id="m",
        name="M",
        family=None,
        kind="chat",
        input_price=1.0,
        output_price=4.0,
        cache_read_price=None,
        cache_write_price=None,
        tiers=(),
        context=1_000_000,
        max_input=None,
        max_output=None,
        input_modalities=("text",),
        output_modalities=("text",),
        tool_calling=True,
        structured_output=None,
        reasoning=False,
        open_weights=False,
        release_date=None,
        last_updated=None,
        knowledge_cutoff=None,
        status=None,
    )
    base.update(kw)
    return Offer(**base)  # type: ignore[arg-type]


def test_long_context_tier_prices_a_1m_context_question_at_the_higher_rate() -> None:
    offer = _offer(tiers=(PriceTier(200_000, 2.0, 8.0),))
    assert blended_price(offer, 0.5) == pytest.approx(2.5)
    assert blended_price(offer, 0.5, context_tokens=1_000_000) == pytest.approx(5.0)
    assert blended_price(offer, 0.5, context_tokens=150_000) == pytest.approx(2.5)


def test_unknown_price_gives_no_cost_rather_than_zero() -> None:
    offer = _offer(output_price=None)
    assert blended_price(offer, 0.75) is None
    assert monthly_cost(offer, 1e6, 0.75) is None


def test_cached_input_lowers_the_cost_only_when_a_cache_price_exists() -> None:
    assert cached_cost(_offer(), 1e6, 0.5) is None
    with_cache = _offer(cache_read_price=0.1)
    assert cached_cost(with_cache, 1e6, 0.5, hit_rate=0.5) == pytest.approx(1e6 * (0.5 * 0.55 + 0.5 * 4.0) / 1e6)
    assert cached_cost(with_cache, 1e6, 0.5) < monthly_cost(with_cache, 1e6, 0.5)


def test_an_eu_hosted_makers_offer_processes_data_in_the_eu_at_its_list_price(catalogue: Catalogue) -> None:
    from bot.catalogue.workload import Workload, rates

    model = catalogue.model("mistral-large-2512")
    assert model is not None
    own = next(o for o in model.offers if o.provider == "mistral" and o.priced)
    paid = rates(own, Workload(1e6, 0.75, region="eu"))
    assert (paid.input, paid.output) == (own.input_price, own.output_price) and not paid.missing
    assert "eu processing" in paid.applied
    openai = next(o for o in catalogue.model("gpt-4.1-mini").offers if o.provider == "openai")  # type: ignore[union-attr]
    assert "no EU processing" in rates(openai, Workload(1e6, 0.75, region="eu")).missing


def test_batch_and_regional_prices_cost_a_workload_at_those_rates(catalogue: Catalogue) -> None:
    from bot.catalogue.workload import Workload, rates

    sol = catalogue.model("gpt-5.6-sol")
    assert sol is not None
    azure = next(o for o in sol.offers if o.provider == "azure" and o.id == "gpt-5.6-sol")
    eu = rates(azure, Workload(1e6, 0.5, region="eu"))
    assert (eu.input, eu.output) == (4.4, 22.0)
    mini = next(o for o in catalogue.model("gpt-4.1-mini").offers if o.provider == "openai")  # type: ignore[union-attr]
    batch = rates(mini, Workload(1e6, 0.5, tier="batch"))
    assert (batch.input, batch.output) == (0.2, 0.8) and "batch price" in batch.applied


def test_cache_writes_are_charged_on_the_prefix_written_not_on_every_miss() -> None:
    from bot.catalogue.workload import READS_PER_WRITE, Workload, rates

    offer = _offer(input_price=3.0, cache_read_price=0.3, cache_write_price=3.75)
    paid = rates(offer, Workload(1e6, 1.0, cache_hit_rate=0.7))
    written = 0.7 / READS_PER_WRITE
    assert paid.effective_input == pytest.approx(0.7 * 0.3 + written * 3.75 + (0.3 - written) * 3.0)
    assert f"the cache written once per {READS_PER_WRITE} reads" in paid.applied[0]
    no_writes = rates(_offer(input_price=3.0, cache_read_price=0.3), Workload(1e6, 1.0, cache_hit_rate=0.7))
    assert no_writes.effective_input == pytest.approx(0.7 * 0.3 + 0.3 * 3.0)
    almost_all = rates(offer, Workload(1e6, 1.0, cache_hit_rate=0.99))  # the writes are at most the misses
    assert almost_all.effective_input == pytest.approx(0.99 * 0.3 + 0.01 * 3.75)
