"""Prices of models that are not chat models, in their own units, and the exact cache price with its source."""

from __future__ import annotations

import json
from datetime import date

from bot.catalogue.merge import merge
from bot.catalogue.sources import litellm
from bot.catalogue.store import Catalogue


def _litellm(entries: dict) -> list:
    return litellm.offers(litellm.parse(json.dumps(entries).encode()), date(2026, 11, 5)).offers


def test_an_embedding_has_no_output_price_rather_than_a_free_one() -> None:
    [offer] = _litellm({"text-embedding-9": {"litellm_provider": "openai", "mode": "embedding",
                                             "input_cost_per_token": 2e-08, "output_cost_per_token": 0.0}})  # fmt: skip
    assert offer.kind == "embedding" and offer.input_price == 0.02 and offer.output_price is None
    assert offer.has_price and not offer.free


def test_image_sizes_become_per_image_prices_of_the_one_model() -> None:
    offers = _litellm({
        "img-9": {"litellm_provider": "openai", "mode": "image_generation", "input_cost_per_token": 5e-06,
                  "output_cost_per_image_token": 4e-05},
        "low/1024-x-1024/img-9": {"litellm_provider": "openai", "mode": "image_generation", "input_cost_per_image": 0.011},
        "azure/hd/1024-x-1792/img-9": {"litellm_provider": "azure", "mode": "image_generation",
                                       "input_cost_per_pixel": 7.19343e-08},
    })  # fmt: skip
    by = {o.provider: o for o in offers}
    assert set(by) == {"openai", "azure"} and all(o.id == "img-9" for o in offers)
    [low] = [u for u in by["openai"].units if u.unit == "image"]
    assert (low.price, low.variant, low.direction) == (0.011, "1024x1024 low", "output")
    [hd] = by["azure"].units
    assert hd.variant == "1024x1792 hd" and round(hd.price, 3) == 0.132  # per pixel x 1024 x 1792


def test_transcription_is_priced_per_minute_of_audio_in_only() -> None:
    [offer] = _litellm({"whisper-9": {"litellm_provider": "openai", "mode": "audio_transcription",
                                      "input_cost_per_second": 0.0001, "output_cost_per_second": 0.0001}})  # fmt: skip
    assert [(u.unit, u.price, u.direction) for u in offer.units] == [("minute", 0.006, "input")]
    assert offer.input_modalities == ("audio",)


def test_the_exact_cache_price_names_the_source_it_came_from() -> None:
    a = _litellm({"gpt-9": {"litellm_provider": "openai", "mode": "chat", "input_cost_per_token": 4e-07,
                            "output_cost_per_token": 1.6e-06, "cache_read_input_token_cost": 1e-07}})  # fmt: skip
    [offer] = merge({"litellm": a}, {})
    assert offer.cache_read_price == 0.1 and offer.source_of("cache_read_price") == "litellm"


def test_shipped_gpt_image_1_sells_per_image_by_size(catalogue: Catalogue) -> None:
    model = catalogue.model("gpt-image-1")
    assert model is not None and model.kind == "image"
    openai = next(o for o in model.offers if o.provider == "openai" and o.id == "gpt-image-1")
    sizes = {u.variant: u.price for u in openai.units if u.unit == "image"}
    assert sizes["1024x1024 low"] == 0.011 and sizes["1536x1024 high"] == 0.25
    assert not any("/" in o.id for o in model.offers if o.provider == "openai")


def test_a_cache_write_price_comes_from_a_source_that_keeps_it_exact(catalogue: Catalogue) -> None:
    sonnet = catalogue.model("claude-sonnet-4-5")
    assert sonnet is not None
    own = next(o for o in sonnet.offers if o.provider == "anthropic" and o.id == "claude-sonnet-4-5")
    assert own.cache_write_price == 3.75 and own.source_of("cache_write_price") == "litellm"
    assert own.cache_write_1h_price == 6.0
