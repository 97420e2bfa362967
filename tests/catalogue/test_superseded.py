"""Offers a newer listing replaces at their provider: ones only genai-prices (a billing-history source) lists beside a
newer version the current sources sell, and previews beside their release."""

from __future__ import annotations

import pytest

from bot.catalogue.store import Catalogue
from bot.catalogue.superseded import family_and_version, superseded_text


@pytest.mark.parametrize(
    ("model_id", "family", "version"),
    [
        ("gemini-1.5-flash", ("gemini", "flash"), (1, 5)),
        ("claude-haiku-4-5", ("claude", "haiku"), (4, 5)),
        ("claude-3-opus-20240229", ("claude", "opus"), (3,)),
        ("gemini-2.5-flash-preview-05-20", ("gemini", "flash"), (2, 5, 5, 20)),
        ("gpt-oss-120b", ("gpt", "oss", "120b"), ()),
        ("deepseek-v3.2-exp", ("deepseek",), (3, 2)),
    ],
)
def test_an_id_splits_into_its_family_and_version(model_id: str, family: tuple, version: tuple) -> None:
    assert family_and_version(model_id) == (family, version)


def _offer(catalogue: Catalogue, model_id: str, provider: str):  # type: ignore[no-untyped-def]
    model = catalogue.by_id[model_id]
    return next(o for o in model.offers if o.provider == provider and o.sources == ("genai-prices",))


def test_an_old_version_only_genai_prices_keeps_is_marked_with_the_version_sold(catalogue: Catalogue) -> None:
    offer = _offer(catalogue, "gemini-1.5-flash", "google")
    assert offer.superseded_by is not None
    newer = catalogue.by_id[offer.superseded_by]
    assert family_and_version(newer.id)[0] == ("gemini", "flash")
    assert family_and_version(newer.id)[1] > (1, 5)
    assert any({"litellm", "models-dev"} & set(o.sources) for o in newer.offers if o.provider == "google")


def test_a_listing_a_current_source_also_has_is_never_marked(catalogue: Catalogue) -> None:
    for model_id in ("gpt-4.1-mini", "claude-sonnet-4-5", "gemini-2.5-flash"):
        assert all(o.superseded_by is None for o in catalogue.by_id[model_id].offers if set(o.sources) - {"genai-prices"})


def test_a_new_model_only_genai_prices_lists_yet_is_not_marked(catalogue: Catalogue) -> None:
    # no newer claude-fable is sold anywhere a current source covers: new, not retired
    offers = [o for o in catalogue.by_id["claude-fable-5-2"].offers if o.sources == ("genai-prices",)]
    assert offers and all(o.superseded_by is None for o in offers)


@pytest.mark.parametrize(
    ("preview", "provider", "release"),
    [
        ("deepseek-v3.2-exp", "deepseek", "deepseek-v3.2"),
        ("gemini-embedding-2-preview", "google", "gemini-embedding-2"),
        ("qwen3-max-preview", "alibaba", "qwen3-max"),
    ],
)
def test_a_preview_is_marked_with_its_release_at_the_same_provider(
    catalogue: Catalogue, preview: str, provider: str, release: str
) -> None:
    offer = next(o for o in catalogue.by_id[preview].offers if o.provider == provider)
    assert offer.superseded_by == release
    assert release in superseded_text(preview, offer)


def test_a_preview_with_no_release_sold_beside_it_is_not_marked(catalogue: Catalogue) -> None:
    assert all(o.superseded_by is None for o in catalogue.by_id["gemini-3-pro-preview"].offers if o.provider == "google")


def test_a_dated_preview_is_not_marked_with_a_release_of_another_date(catalogue: Catalogue) -> None:
    # kimi-k2-0905-preview is a newer snapshot than kimi-k2-0711: the older release does not replace it
    assert all(o.superseded_by != "kimi-k2-0711" for o in catalogue.by_id["kimi-k2-0905-preview"].offers)
