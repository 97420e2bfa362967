"""The catalogue built from the bundled models.dev snapshot and the shipped knowledge files."""

from __future__ import annotations

from datetime import date

import pytest

from bot.catalogue.offers import classify
from bot.catalogue.sources.models_dev import bundled_path
from bot.catalogue.store import Catalogue, load_catalogue
from bot.runtime.checks import check_report, coverage, in_scope


@pytest.fixture(scope="module")
def cat() -> Catalogue:
    return load_catalogue(snapshot_path=bundled_path(), use_cache=False)


def test_gpt_41_mini_is_one_model_across_providers(cat: Catalogue) -> None:
    model = cat.model("gpt-4.1-mini")
    assert model is not None and model.id == "gpt-4.1-mini"
    assert {"openai", "azure", "openrouter"} <= set(model.providers)
    assert cat.model("openai/gpt-4.1-mini") is model
    assert cat.model("gpt-4.1-mini-2025-04-14") is model
    assert cat.model("GPT 4.1 mini") is model


def test_gpt_41_mini_card_facts(cat: Catalogue) -> None:
    model = cat.model("gpt-4.1-mini")
    assert model is not None and model.maker == "openai" and model.kind == "chat"
    own = model.offers_by_provider()["openai"]
    assert own.first_party and model.reference is own
    assert (own.input_price, own.output_price) == (0.40, 1.60)
    assert own.context == 1_047_576
    assert own.tool_calling


def test_claude_sonnet_45_snapshot_and_bedrock_are_one_model(cat: Catalogue) -> None:
    model = cat.model("claude-sonnet-4-5")
    assert model is not None and model.id == "claude-sonnet-4-5"
    assert cat.model("claude-sonnet-4-5-20250929") is model
    assert cat.model("claude-sonnet-4.5") is model
    ids = {o.id for o in model.offers}
    assert "claude-sonnet-4-5-20250929" in ids
    assert any(o.provider == "amazon-bedrock" and o.id.startswith("anthropic.claude-sonnet-4-5") for o in model.offers)
    assert [o.provider for o in model.first_party] and all(o.provider == "anthropic" for o in model.first_party)
    bedrock = next(o for o in model.offers if o.provider == "amazon-bedrock")
    assert not bedrock.first_party


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("meta.llama3-3-70b-instruct-v1:0", "llama-3.3-70b-instruct"),
        ("deepseek.v3-v1:0", "deepseek-v3.1"),  # Bedrock's DeepSeek-V3.1, not V3
        ("deepseek.r1-v1:0", "deepseek-r1"),
        ("amazon.nova-pro-v1:0", "nova-pro"),
        ("grok-4-0709", "grok-4"),
        ("mistral-small-3.2-24b-instruct-2506", "mistral-small-2506"),
        ("mistral-large-latest", "mistral-large-2512"),
        ("mistralai/mistral-large", "mistral-large-2407"),
        ("anthropic/claude-sonnet-4.6:thinking", "claude-sonnet-4-6"),
        ("claude-sonnet-4-5-20250929-thinking", "claude-sonnet-4-5"),
    ],
)
def test_provider_ids_group_with_their_model(cat: Catalogue, name: str, expected: str) -> None:
    model = cat.model(name)
    assert model is not None and model.id == expected


def test_pricier_dated_snapshot_is_its_own_model(cat: Catalogue) -> None:
    gpt4o = cat.model("gpt-4o")
    snapshot = cat.model("gpt-4o-2024-05-13")
    assert gpt4o is not None and snapshot is not None and gpt4o is not snapshot
    assert gpt4o.offers_by_provider()["openai"].input_price == 2.5
    assert snapshot.offers_by_provider()["openai"].input_price == 5.0
    assert all(o.id != "gpt-4o-2024-05-13" for o in gpt4o.offers)


def test_distinct_models_stay_apart(cat: Catalogue) -> None:
    assert cat.model("grok-4-fast") is not cat.model("grok-4")
    assert cat.model("deepseek-v3") is not cat.model("deepseek-v3.1")
    assert cat.model("qwen3-235b-a22b-thinking-2507") is not cat.model("qwen3-235b-a22b-instruct-2507")
    assert cat.model("claude-3-5-sonnet-20240620") is not cat.model("claude-3-5-sonnet-20241022")


def test_zero_price_is_free_and_missing_price_unknown(cat: Catalogue) -> None:
    offers = [o for m in cat.models for o in m.offers]
    free = [o for o in offers if o.input_price == 0 and o.output_price == 0]
    assert free and all(o.free and o.priced for o in free)
    unknown = [o for o in offers if o.input_price is None]
    assert unknown and all(not o.priced and not o.free for o in unknown)
    model = cat.model("gpt-4o")
    assert model is not None
    assert all(not o.free for o in model.offers_by_provider().values())
    assert any(o.free for o in model.offers_by_provider(include_free=True).values())


@pytest.mark.parametrize(
    ("model_id", "kind"),
    [
        ("gemini-embedding-001", "embedding"),
        ("dall-e-3", "image"),
        ("gemini-2.5-flash-preview-tts", "tts"),
        ("whisper-large-v3", "transcription"),
        ("llama-guard-4", "moderation"),
    ],
)
def test_non_chat_models_are_typed(cat: Catalogue, model_id: str, kind: str) -> None:
    model = cat.model(model_id)
    assert model is not None and model.kind == kind
    assert model not in cat.chat_models()


def test_classify_by_modalities() -> None:
    assert classify("some-model", None, ["text"], ["text"]) == "chat"
    assert classify("x-embed-v2", None, ["text"], ["text"]) == "embedding"
    assert classify("painter", None, ["text"], ["image"]) == "image"
    assert classify("speaker", None, ["text"], ["audio"]) == "tts"


def test_task_scores_have_coverage_tier_and_sources(cat: Catalogue) -> None:
    model = cat.model("gpt-4.1-mini")
    assert model is not None
    score = cat.task_score(model, "classification")
    assert score.known and 0 < score.coverage <= 1 and score.tier in {"strong", "good", "usable", "weak"}
    assert all(cat.source(p.score.source) is not None for p in score.parts)
    assert cat.task_score(model, None).task == "general"


@pytest.mark.parametrize("name", ["gpt-4.1-nano", "gpt-5-nano", "gemini-2.5-flash-lite"])
def test_small_current_models_are_usable_for_classification(cat: Catalogue, name: str) -> None:
    model = cat.model(name)
    assert model is not None
    assert cat.task_score(model, "classification").tier in {"usable", "good", "strong"}


@pytest.mark.parametrize("name", ["llama-3.2-1b-instruct", "gpt-3.5-turbo-0125", "llama-3.1-8b-instruct"])
def test_small_or_old_models_are_weak(cat: Catalogue, name: str) -> None:
    model = cat.model(name)
    assert model is not None
    assert cat.task_score(model, "reasoning").tier == "weak"


@pytest.mark.parametrize("name", ["gpt-5.5", "claude-opus-4-5", "gemini-3-pro-preview", "claude-opus-5", "gpt-5.6-sol"])
@pytest.mark.parametrize("task", ["reasoning", "coding"])
def test_frontier_models_are_strong_for_hard_tasks(cat: Catalogue, name: str, task: str) -> None:
    model = cat.model(name)
    assert model is not None
    assert cat.task_score(model, task).tier == "strong"


def test_a_model_without_scores_has_no_data_not_zero(cat: Catalogue) -> None:
    model = next(m for m in cat.chat_models() if not cat.scores(m))
    score = cat.task_score(model, "coding")
    assert score.score is None and score.tier == "no data" and score.coverage == 0 and not score.known


def test_speed_headline_and_provider_figures(cat: Catalogue) -> None:
    model = cat.model("gpt-4.1-mini")
    assert model is not None
    headline = cat.speed(model)
    assert headline is not None and headline.provider is None and headline.output_tps and headline.ttft_s
    source = cat.source(headline.source)
    assert source is not None and "Artificial Analysis" in (source.attribution or "")
    with_provider = [m for m in cat.models if any(s.provider for s in cat.speeds(m))]
    assert with_provider
    m = with_provider[0]
    provider = next(s.provider for s in cat.speeds(m) if s.provider)
    assert cat.speed(m, provider).provider == provider  # type: ignore[union-attr]


def test_check_passes_with_the_coverage_the_issue_asks(cat: Catalogue) -> None:
    report, ok = check_report(cat)
    assert ok, report
    assert len(coverage(cat).scored) >= 80
    assert sum(1 for m in cat.models if any(s.output_tps for s in cat.speeds(m))) >= 60


def test_scope_excludes_old_and_aggregator_only_models(cat: Catalogue) -> None:
    gpt41 = cat.model("gpt-4.1")
    old = cat.model("gpt-3.5-turbo-0125")
    assert gpt41 is not None and in_scope(gpt41)
    assert old is not None and not in_scope(old)
    assert all(m.release_date and m.release_date >= date(2024, 6, 1) for m in coverage(cat).in_scope)
