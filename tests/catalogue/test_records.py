"""Frozen records of a cached catalogue come back from a pickle equal to what went in, and still frozen."""

from __future__ import annotations

import dataclasses
import pickle
from datetime import date

import pytest

from bot.catalogue.knowledge import Score
from bot.catalogue.offers import ServiceTier
from bot.catalogue.store import Catalogue


def test_a_pickled_score_comes_back_equal_and_frozen() -> None:
    score = Score(metric="gpqa", value=71.5, source="epoch", as_of=date(2026, 4, 30), vendor_reported=False)
    back = pickle.loads(pickle.dumps(score, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == score and back.variant is None
    with pytest.raises(dataclasses.FrozenInstanceError):
        back.value = 0.0  # type: ignore[misc]


def test_every_model_and_price_part_of_the_catalogue_survives_the_round_trip(catalogue: Catalogue) -> None:
    models = [m for m in catalogue.models if any(o.service_tiers for o in m.offers)][:20]
    assert models
    back = pickle.loads(pickle.dumps(models, protocol=pickle.HIGHEST_PROTOCOL))
    assert [m.id for m in back] == [m.id for m in models]
    for before, after in zip(models, back):
        assert [o.service_tiers for o in after.offers] == [o.service_tiers for o in before.offers]
        assert all(isinstance(t, ServiceTier) for o in after.offers for t in o.service_tiers)

