"""Questions about models that are not chat models are answered with that kind, in its own units, never chat models."""

from __future__ import annotations

import re

import pytest

from bot.assistant import ask
from bot.catalogue.store import Catalogue
from bot.contract.query import Query
from bot.intents.kinds import unit_price
from bot.intents.registry import answer_for
from bot.render import render

KIND_OF = {"embedding": "embedding", "image_generation": "image", "transcription": "transcription", "speech": "tts"}


@pytest.mark.parametrize(
    ("question", "kind", "unit"),
    [
        ("cheapest embedding model", "embedding", "per 1M tokens"),
        ("best image generation model", "image_generation", "per image"),
        ("cheapest transcription", "transcription", "per hour of audio"),
        ("cheapest text to speech model", "speech", "per 1M characters"),
    ],
)
def test_a_kind_question_gets_that_kind_in_its_units(catalogue: Catalogue, question: str, kind: str, unit: str) -> None:
    answer = ask(question, catalogue=catalogue)
    assert answer.query.kind == kind
    assert answer.rows, question
    assert all(catalogue.model(r.model).kind == KIND_OF[kind] for r in answer.rows)  # type: ignore[union-attr]
    assert unit in answer.title and unit in (answer.verdict or "")
    prices = answer.tables[0].column_texts("price")
    assert all(p.endswith(unit) for p in prices)


def test_an_image_answer_prices_images_by_size(catalogue: Catalogue) -> None:
    answer = ask("cheapest image generation model on azure", catalogue=catalogue)
    basis = answer.tables[0].column_texts("basis")
    assert any("x" in b and b[0].isdigit() for b in basis), basis  # dall-e-3's '1024x1024 standard'


@pytest.mark.parametrize(
    "kind,amount,words",
    [("transcription", 5000, "hours of audio"), ("image_generation", 10_000, "images"), ("speech", 2e6, "characters")],
)
def test_an_amount_in_the_kinds_own_unit_is_priced_a_month(catalogue: Catalogue, kind: str, amount: float, words: str) -> None:
    answer = answer_for(Query(intent="recommend", kind=kind, kind_volume=amount), catalogue)
    top = answer.rows[0]
    per = {"speech": 1e-6}.get(kind, 1.0)
    price = float(re.search(r": \$([\d.,]+) per ", answer.verdict or "").group(1).replace(",", ""))  # type: ignore[union-attr]
    assert top.monthly_cost == pytest.approx(price * amount * per, rel=0.02)
    assert f"At {amount:,.0f} {words} a month: $" in (answer.verdict or "")


def test_best_of_a_kind_without_a_quality_benchmark_says_so_then_prices(catalogue: Catalogue) -> None:
    verdict = ask("best image generation model", catalogue=catalogue).verdict or ""
    assert verdict.startswith("No benchmark in my sources ranks image generation models by quality")
    assert "per image is the cheapest I know" in " ".join(verdict.split())


def test_a_model_its_maker_retired_leaves_kind_answers(catalogue: Catalogue) -> None:
    mini = catalogue.model("gpt-image-1-mini")
    assert mini is not None and mini.first_party and all(o.deprecated for o in mini.first_party)
    answer = answer_for(Query(intent="recommend", kind="image_generation", sort_by="cost", limit=200), catalogue)
    shown = {r.model for r in answer.rows}
    assert len(shown) > 20 and "gpt-image-1-mini" not in shown


def test_image_models_priced_only_per_image_token_are_named_not_ranked(catalogue: Catalogue) -> None:
    answer = ask("cheapest image generation model", catalogue=catalogue)
    note = next(n.text for n in answer.notes if "per 1M image tokens" in n.text)
    assert "gpt-image-2" in note and "not ranked here" in note
    assert "gpt-image-2" not in {r.model for r in answer.rows}


@pytest.mark.parametrize("size", ["1024x1024", "512x512", "1792x1024"])
def test_an_image_size_asked_prices_that_size_and_upscalers_are_no_generators(catalogue: Catalogue, size: str) -> None:
    answer = ask(f"cheapest image generation model at {size}, 1k images a month", catalogue=catalogue)
    assert answer.query.image_size == size
    for line in answer.tables[0].rows:
        basis = line[3].text
        assert size in basis or basis == "per image", basis  # the size asked, or a price for no stated size
    upscalers = [m.id for m in catalogue.models if m.kind == "image" and "upscal" in m.id]
    assert upscalers and not [r.model for r in answer.rows if r.model in upscalers]


def test_an_image_model_priced_by_size_is_priced_at_the_size_asked_or_not_at_all(catalogue: Catalogue) -> None:
    dalle = catalogue.model("dall-e-3")
    assert dalle is not None
    sized = next(o for o in dalle.offers if unit_price(o, "image_generation")[0] is not None)
    assert unit_price(sized, "image_generation", "1792x1024") == (0.088, "1792x1024 standard")
    assert unit_price(sized, "image_generation") == (0.044, "1024x1024 standard")  # its usual size
    assert unit_price(sized, "image_generation", "640x480") == (None, "")  # not sold at that size


@pytest.mark.parametrize(
    ("question", "facts"),
    [
        ("openai text-embedding-3-large vs text-embedding-3-small price", ["6.5x cheaper", "$0.02", "$0.13", "per 1M tokens"]),
        ("tts-1 vs tts-1-hd for 5M characters a month", ["2.0x cheaper", "per 1M characters", "$75.00", "$150.00"]),
        ("embedding 2B tokens with text-embedding-3-small, cost?", ["$0.02 per 1M tokens", "$40.00"]),
        ("whisper-1 price for 300 hours of audio", ["$0.36 per hour of audio", "$108.00"]),
    ],
)
def test_named_non_chat_models_are_priced_and_compared_in_their_own_units(
    catalogue: Catalogue, question: str, facts: list[str]
) -> None:
    answer = ask(question, catalogue=catalogue)
    assert all(f in (answer.verdict or "") for f in facts), answer.verdict
    assert not any(t.rows and "General use score" in str(t.rows) for t in answer.tables)  # no chat metrics
    assert all(r.monthly_cost is None or r.monthly_cost > 0 for r in answer.rows)


@pytest.mark.parametrize(
    "question", ["compare gpt-5.1 with foobar-ultra-9", "gpt-5.1 vs zorblax pro", "compare claude-opus-5 and quuxmodel"]
)
def test_a_comparison_where_one_name_is_unknown_says_so(catalogue: Catalogue, question: str) -> None:
    answer = ask(question, catalogue=catalogue)
    verdict = answer.verdict or ""
    assert "Only one model I know is named here" in verdict or "I don't know" in verdict or "newer than my data" in verdict, verdict


@pytest.mark.parametrize(
    "question",
    [
        "we're building a speech-to-speech voice bot for customer support, which model and what does it cost per minute?",
        "cheapest model for a realtime voice agent that talks back to callers",
        "which realtime voice model should our phone agent use?",
    ],
)
def test_a_voice_bot_is_answered_from_realtime_voice_models_in_audio_tokens(catalogue: Catalogue, question: str) -> None:
    answer = ask(question, catalogue=catalogue)
    assert answer.rows and all(catalogue.model(r.model).kind == "realtime" for r in answer.rows)  # type: ignore[union-attr]
    assert "per 1M audio tokens" in answer.title
    assert any("audio tokens per minute" in n.text for n in answer.notes)  # no per-minute figure it cannot source
    for fmt_ in ("text", "markdown"):
        assert "realtime voice" in render(answer, fmt_)


@pytest.mark.parametrize(
    "question",
    [
        "realtime streaming transcription for live captions, cheapest per minute?",
        "cheapest live transcription model for captioning our streams",
        "we need streaming speech-to-text for live meetings, which is cheapest?",
    ],
)
def test_live_transcription_keeps_to_models_that_transcribe_as_it_is_spoken(catalogue: Catalogue, question: str) -> None:
    answer = ask(question, catalogue=catalogue)
    assert answer.query.kind == "transcription" and answer.query.live
    assert answer.rows and all(re.search(r"live|realtime|stream|-rt", r.model) for r in answer.rows)
    assert answer.title.startswith("Cheapest live transcription models")
