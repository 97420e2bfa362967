"""Grouping offers into models: what a model can do comes from the source that says it, not a price map's silence."""

from __future__ import annotations

import pytest

from bot.catalogue.store import Catalogue


@pytest.mark.parametrize("model_id", ["gpt-oss-120b", "gpt-oss-20b"])
def test_an_offer_only_a_price_map_lists_takes_what_models_dev_says_the_model_can_do(
    catalogue: Catalogue, model_id: str
) -> None:
    model = catalogue.model(model_id)
    assert model is not None and model.open_weights
    priced_only = [o for o in model.offers if "models-dev" not in o.sources]
    assert priced_only, "the test needs an offer from a price map alone"
    assert all(o.open_weights and o.reasoning and o.tool_calling for o in priced_only)
