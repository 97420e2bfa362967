"""Self-hosting and size questions through `whichmodel ask --json` and every renderer: open weights only, each row's
total and active parameters, whether it fits the hardware asked, too-big models left out with a note, models with no
parameter count shown as "size: no data" and never claimed to fit, and the nearest option when nothing fits."""

from __future__ import annotations

import json
import re

import pytest
from asking import ask_json

from adapters.discord.embeds import answer_texts
from adapters.slack.blocks import render_answer
from bot.assistant import Assistant
from bot.catalogue.store import Catalogue
from bot.contract.query import Query
from bot.intents.selfhost import BYTES, OVERHEAD, billions, params_text, precision
from bot.render import render

H100 = [
    "best model I can self-host on a single H100",
    "what's the smartest open model that runs on one h100?",
    "we have an H100 80GB, which model should we run?",
]
RTX_4090 = [
    "what fits on one RTX 4090 for coding",
    "best coding model for my 4090",
    "which llm can I run locally on a geforce rtx 4090 for coding?",
]
TWO_A100 = [
    "best open model for chat on 2x A100 80GB",
    "we've got two a100s (80gb), what's the best model for chat",
    "recommend a chat model for 2 x A100 80 GB",
]
UNDER_10B = [
    "best model under 10B params for summarization",
    "which model with fewer than 10b parameters is best for summarization",
    "top summarization model, 10B parameters or less",
]


def everywhere(catalogue: Catalogue, question: str) -> list[str]:
    """The answer as the terminal, Markdown, Slack and Discord show it."""
    answer = Assistant(catalogue).ask(question)
    slack = json.dumps(render_answer(answer, state=None).kwargs())
    return [render(answer, "text"), render(answer, "markdown"), slack, "\n".join(answer_texts(answer))]


def assert_fits(data: dict, memory_gb: float) -> None:
    """Every row is open weights; sized rows fit and come first; unsized rows are never claimed to fit."""
    rows = data["rows"]
    assert rows and "open_weights" in data["query"]["capabilities"]
    sized = [r["params_total"] is not None for r in rows]
    assert sized == sorted(sized, reverse=True), "rows with no parameter count come after those that fit"
    for r in rows:
        if r["params_total"] is None:
            assert r["fits"] is None and r["memory_gb"] is None
        else:
            assert r["fits"] is True and r["memory_gb"] <= memory_gb


@pytest.mark.parametrize("question", H100)
def test_a_single_h100_keeps_models_that_fit_at_fp8_and_names_those_too_big(question: str) -> None:
    data = ask_json(question)
    assert data["query"]["hardware"] == {"gpu": "H100", "count": 1, "memory_gb": 80}
    assert_fits(data, 80)
    top = data["rows"][0]
    assert top["memory_gb"] == pytest.approx(top["params_total"] * 1.0 * 1.2)
    assert "fits 1x H100 80 GB" in data["verdict"] and "at FP8" in data["verdict"]
    too_big = next(n["text"] for n in data["notes"] if n["text"].startswith("Left out, too big for 1x H100 80 GB"))
    needs = [float(x.replace(",", "")) for x in re.findall(r"needs ~([\d,]+) GB at FP8", too_big)]
    assert needs and all(n > 80 for n in needs)
    assert "deepseek-v4-pro" not in {r["model"] for r in data["rows"]}
    assert any(
        "Parameter counts: Artificial Analysis" in n["text"] and "2026-08-22" in n["text"] for n in data["notes"]
    )


@pytest.mark.parametrize("question", RTX_4090)
def test_an_rtx_4090_is_sized_at_int4_and_says_so(question: str) -> None:
    data = ask_json(question)
    assert data["query"]["hardware"] == {"gpu": "RTX 4090", "count": 1, "memory_gb": 24}
    assert_fits(data, 24)
    assert data["rows"][0]["memory_gb"] == pytest.approx(data["rows"][0]["params_total"] * 0.5 * 1.2)
    memory = next(n["text"] for n in data["notes"] if n["text"].startswith("Memory: weights at INT4"))
    assert "consumer GPUs" in memory and "~20%" in memory


@pytest.mark.parametrize("question", TWO_A100)
def test_two_a100s_pool_their_memory(question: str) -> None:
    data = ask_json(question)
    assert data["query"]["hardware"] == {"gpu": "A100", "count": 2, "memory_gb": 80}
    assert_fits(data, 160)
    assert "2x A100 80 GB (160 GB)" in data["title"] + data["verdict"]


@pytest.mark.parametrize("question", UNDER_10B)
def test_under_10b_params_filters_on_total_parameters(question: str) -> None:
    data = ask_json(question)
    assert data["query"]["max_params"] == 10 and data["query"]["tokens_per_month"] is None
    rows = data["rows"]
    assert rows and rows[0]["params_total"] is not None
    assert all(r["params_total"] is None or r["params_total"] <= 10 for r in rows)
    assert data["verdict"].startswith(f"Pick {rows[0]['model']}") and "Size: " in data["verdict"]
    assert any(n["text"].startswith("Left out, over 10B total parameters") for n in data["notes"])


@pytest.mark.parametrize("question", [H100[0], RTX_4090[0], UNDER_10B[0]])
def test_every_renderer_shows_the_params_column(catalogue: Catalogue, question: str) -> None:
    answer = Assistant(catalogue).ask(question)
    top = answer.tables[0].column_texts("params")[0]
    for shown in everywhere(catalogue, question):
        assert "Params" in shown and top in shown


@pytest.mark.parametrize(
    "question",
    [
        "best model under 100M params",
        "open model with fewer than 50 million parameters for chat",
        "a sub-100m model for classification",
    ],
)
def test_nothing_fits_says_so_and_names_the_nearest(question: str) -> None:
    data = ask_json(question)
    cap = billions(data["query"]["max_params"])
    assert data["verdict"].startswith(f"No open-weights model with a known size has {cap} parameters or fewer.")
    nearest = re.search(r"Nearest: (\S+) \(([\d.]+)B parameters\)", data["verdict"])
    assert nearest is not None and data["query"]["max_params"] < float(nearest.group(2)) <= 8, "the smallest sized"
    assert all(r["params_total"] is None for r in data["rows"])


@pytest.mark.parametrize("question", [H100[0], TWO_A100[0], UNDER_10B[1]])
def test_models_with_no_parameter_count_are_shown_as_size_no_data(catalogue: Catalogue, question: str) -> None:
    answer = Assistant(catalogue).ask(question)
    unsized = [r for r in answer.rows if r.params_total is None]
    texts = answer.tables[0].column_texts("params")
    assert texts.count("size: no data") == len(unsized)
    for r in unsized:
        assert r.fits is None and r.model not in (answer.verdict or "").split(":")[0]


def test_the_size_column_reads_total_and_active_parameters(catalogue: Catalogue) -> None:
    model = catalogue.model("gpt-oss-120b")
    assert model is not None
    size = catalogue.parameters(model)
    assert size is not None and (size.total, size.active) == (117, 5.1)
    assert billions(1600) == "1.6T" and billions(0.5) == "500M"
    answer = Assistant(catalogue).ask("best open model on an 8-gpu h100 node")
    rows = {r.model: r for r in answer.rows}
    texts = dict(zip([r.model for r in answer.rows], answer.tables[0].column_texts("params")))
    moe = [m for m, r in rows.items() if r.params_active]
    assert moe and all(texts[m] == f"{billions(rows[m].params_total)} ({billions(rows[m].params_active)})" for m in moe)


def test_a_stated_precision_replaces_the_default() -> None:
    q = Query(hardware={"gpu": "H100", "count": 1, "memory_gb": 80}, precision="fp16")
    assert precision(q) == ("fp16", "as asked") and BYTES["fp16"] * OVERHEAD == pytest.approx(2.4)
    assert params_text(None) == "size: no data"


@pytest.mark.parametrize(
    "question",
    [
        "can I run llama 3.3 70b on a single 4090?",
        "does llama-3.3-70b-instruct fit on one rtx 4090",
        "will llama 3.3 70b run on my 4090?",
    ],
)
def test_a_named_model_too_big_for_the_card_gets_no_first(catalogue: Catalogue, question: str) -> None:
    data = ask_json(question)
    assert data["intent"] == "info"
    assert data["verdict"].startswith("No: llama-3.3-70b-instruct has 70B parameters (Artificial Analysis, 2026-08-22)")
    assert "needs ~42 GB at INT4" in data["verdict"] and "does not fit 1x RTX 4090 24 GB" in data["verdict"]
    for shown in everywhere(catalogue, question):
        assert "does not fit 1x RTX 4090 24 GB" in " ".join(shown.split())


@pytest.mark.parametrize(
    "question",
    [
        "can qwen3.8-27b run on a 24gb gpu",
        "does qwen3.8-27b fit on one rtx 4090",
        "will qwen3.8-27b run on a single 4090",
    ],
)
def test_a_named_model_that_fits_gets_yes_with_the_memory(question: str) -> None:
    verdict = ask_json(question)["verdict"]
    assert verdict.startswith("Yes: qwen3.8-27b has 27B parameters") and "needs ~16 GB at INT4" in verdict


@pytest.mark.parametrize(
    "question",
    [
        "can I self-host gpt-4o on an h100",
        "does gpt-4o fit on one H100?",
        "run gpt-4o on 2x a100 80gb?",
    ],
)
def test_a_closed_model_cannot_run_on_your_hardware(question: str) -> None:
    verdict = ask_json(question)["verdict"]
    assert verdict.startswith("No: gpt-4o's weights are not published") and "fits" not in verdict


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("how many parameters does deepseek v4 pro have", "deepseek-v4-pro has 1.6T parameters, 49B active per token"),
        ("what's the parameter count of gpt-oss-120b", "gpt-oss-120b has 117B parameters, 5.1B active per token"),
        ("how many parameters does gpt-4o have", "size: no data: no source in my data gives gpt-4o's parameter count"),
    ],
)
def test_a_size_question_gets_the_parameters_first(question: str, first: str) -> None:
    assert ask_json(question)["verdict"].startswith(first)


@pytest.mark.parametrize(
    "question", ["is gpt-oss-120b open weights?", "can I self-host gpt-oss-120b?", "is gpt-oss-120b open source"]
)
def test_weights_a_size_source_lists_answer_open_weights_yes(question: str) -> None:
    assert ask_json(question)["verdict"].startswith("Yes: gpt-oss-120b")


@pytest.mark.parametrize(
    "question",
    [
        "we want to self-host, best for rag",
        "best open source model for coding",
        "which open-weights model is best for chat",
    ],
)
def test_self_hosting_without_hardware_shows_sizes_and_asks_for_the_gpus(catalogue: Catalogue, question: str) -> None:
    data = ask_json(question)
    assert data["query"]["hardware"] is None and "open_weights" in data["query"]["capabilities"]
    assert any(r["params_total"] for r in data["rows"]) and all(r["fits"] is None for r in data["rows"])
    assert any(n["kind"] == "tip" and n["text"].startswith("Name your GPUs") for n in data["notes"])
    for shown in everywhere(catalogue, question):
        assert "Params" in shown


@pytest.mark.parametrize(
    "question",
    [
        "gpt-oss-120b vs qwen3.8-27b on a single H100",
        "compare gpt-oss-120b and qwen3.8-27b for self-hosting on one h100",
        "which should we run on an H100 80GB: gpt-oss-120b or qwen3.8-27b?",
    ],
)
def test_a_comparison_on_hardware_says_which_fits_first(catalogue: Catalogue, question: str) -> None:
    data = ask_json(question)
    assert data["intent"] == "compare"
    assert data["verdict"].startswith("On 1x H100 80 GB at FP8: ")
    assert "gpt-oss-120b (117B, 5.1B active) needs ~140 GB: does not fit (~70 GB at 4-bit would)" in data["verdict"]
    assert "qwen3.8-27b (27B) needs ~32 GB: fits" in data["verdict"]
    for shown in everywhere(catalogue, question):
        assert "does not fit" in shown


@pytest.mark.parametrize(
    ("question", "tokens"),
    [
        ("best open model to self-host on a single H100 for 1M-token documents", "1M"),
        ("we have one h100 80gb and need 500k tokens of context, which open model?", "500K"),
        ("self-host on 2x A100 80GB with a 256k context window, best model for chat", "256K"),
    ],
)
def test_a_long_context_on_stated_gpus_adds_the_kv_cache_and_never_claims_a_bare_fit(
    catalogue: Catalogue, question: str, tokens: str
) -> None:
    data = ask_json(question)
    kv = [n["text"] for n in data["notes"] if n["text"].startswith("KV cache:")]
    assert kv and f"one {tokens}-token request needs roughly" in kv[0]
    if "fits" in data["verdict"]:
        assert f"for the weights, but a {tokens}-token request's KV cache comes on top" in data["verdict"]
    for text in everywhere(catalogue, question):
        assert "KV cache" in text


@pytest.mark.parametrize(
    ("question", "model"),
    [
        ("what GPU setup do I need to run kimi-k3 locally?", "kimi-k3"),
        ("how many h100s to serve gpt-oss-120b", "gpt-oss-120b"),
        ("what do i need to run llama 3.3 70b", "llama-3.3-70b-instruct"),
    ],
)
def test_what_running_a_model_takes_is_said_in_memory_and_cards(catalogue: Catalogue, question: str, model: str) -> None:
    found = catalogue.parameters(catalogue.model(model))
    assert found is not None
    fp8 = found.total * 1.0 * 1.2
    cards = -(-fp8 // 80)
    for out in everywhere(catalogue, question):
        flat = " ".join(out.split())
        assert f"~{fp8:,.0f} GB at FP8" in flat and "at INT4" in flat
        assert (f"{cards:.0f}x H100 80GB" if cards > 1 else "one card") in flat
