"""Each model's kind, from LiteLLM's `mode` and models.dev's modalities: chat answers never rank other kinds."""

from __future__ import annotations

import json
from datetime import date

import pytest

from bot.catalogue.merge import merge
from bot.catalogue.offers import classify
from bot.catalogue.sources import litellm
from bot.catalogue.store import Catalogue
from bot.contract.query import Query
from bot.intents.registry import answer_for


def _litellm(entries: dict) -> list:
    return litellm.offers(litellm.parse(json.dumps(entries).encode()), date(2026, 11, 5)).offers


@pytest.mark.parametrize(
    ("model_id", "inputs", "outputs", "kind"),
    [
        ("gpt-5.4", ["text", "image"], ["text", "image"], "chat"),  # can draw, answers in text: chat
        ("gpt-4o-audio-preview", ["text", "audio"], ["text", "audio"], "chat"),
        ("flux-2", ["text"], ["image"], "image"),
        ("veo-4", ["text"], ["video"], "video"),
        ("eleven-v3", ["text"], ["audio"], "tts"),
        ("llama-guard-4-12b", ["text"], ["text"], "moderation"),
        ("mistral-ocr-2512", ["pdf"], ["text"], "ocr"),
        ("gpt-realtime-2", ["audio"], ["audio", "text"], "realtime"),
        ("bge-reranker-v2", ["text"], ["text"], "rerank"),
        ("gemini-2.5-flash-image", ["text"], ["text", "image"], "image"),
    ],
)
def test_kind_from_modalities_and_name(model_id: str, inputs: list[str], outputs: list[str], kind: str) -> None:
    assert classify(model_id, None, inputs, outputs) == kind


@pytest.mark.parametrize(
    ("mode", "kind"),
    [("responses", "chat"), ("embedding", "embedding"), ("rerank", "rerank"), ("moderation", "moderation"),
     ("ocr", "ocr"), ("video_generation", "video"), ("realtime", "realtime"), ("audio_speech", "tts"),
     ("audio_transcription", "transcription"), ("image_generation", "image")],
)  # fmt: skip
def test_litellm_mode_gives_the_kind(mode: str, kind: str) -> None:
    [offer] = _litellm({"m-9": {"litellm_provider": "openai", "mode": mode, "input_cost_per_token": 1e-06,
                                "output_cost_per_token": 2e-06, "input_cost_per_second": 0.0001}})  # fmt: skip
    assert offer.kind == kind


def test_a_guard_served_through_the_chat_api_stays_a_moderation_model() -> None:
    [offer] = _litellm({"groq/llama-guard-9": {"litellm_provider": "groq", "mode": "chat",
                                               "input_cost_per_token": 2e-07, "output_cost_per_token": 2e-07}})  # fmt: skip
    assert offer.kind == "moderation"


def test_litellms_mode_decides_a_listing_another_source_guessed_chat() -> None:
    lite = _litellm({"novita/baai/bge-m9": {"litellm_provider": "novita", "mode": "embedding",
                                            "input_cost_per_token": 1e-08}})  # fmt: skip
    [md] = _litellm({"nvidia_nim/baai/bge-m9": {"litellm_provider": "nvidia_nim", "mode": "chat",
                                                "input_cost_per_token": 1e-08, "output_cost_per_token": 0.0}})  # fmt: skip
    md.sources = ("models-dev",)
    joined = merge({"litellm": lite, "models-dev": [md]}, {})
    assert {o.provider: o.kind for o in joined} == {"novita-ai": "embedding", "nvidia": "embedding"}


def test_shipped_kinds_keep_their_own(catalogue: Catalogue) -> None:
    kinds = {m.kind for m in catalogue.models}
    assert {"chat", "embedding", "image", "tts", "transcription", "rerank", "moderation", "ocr", "video", "realtime"} <= kinds
    assert catalogue.model("gpt-5.4").kind == "chat"  # type: ignore[union-attr]
    assert catalogue.model("text-embedding-3-small").kind == "embedding"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "query",
    [
        Query(intent="recommend", sort_by="cost", limit=15),
        Query(intent="recommend", task="rag", sort_by="cost", limit=15),
        Query(intent="recommend", task="classification", limit=15),
        Query(intent="recommend", sort_by="speed", limit=15),
    ],
)
def test_chat_answers_never_include_other_kinds(catalogue: Catalogue, query: Query) -> None:
    answer = answer_for(query, catalogue)
    assert answer.rows
    assert all(catalogue.model(r.model).kind == "chat" for r in answer.rows)  # type: ignore[union-attr]
