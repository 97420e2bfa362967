"""Where a model is in its life, said in the answer: previews and older versions left out of rankings beside their
release, a cloud's own retirement not pinned on a model others keep selling, and a job said once priced as one job.

Each rule is pinned by three phrasings of its own, through `whichmodel ask --json` and the renderers.
"""

from __future__ import annotations

import pytest
from asking import ask_json
from test_answer_phrasings import everywhere

from bot.catalogue.store import Catalogue


@pytest.mark.parametrize(
    "question",
    [
        "cheapest deepseek model for chat",
        "what's the cheapest model deepseek makes, for a support bot?",
        "best value deepseek model for summaries",
    ],
)
def test_a_preview_is_left_out_of_a_ranking_beside_its_release(catalogue: Catalogue, question: str) -> None:
    data = ask_json(question)
    models = [r["model"] for r in data["rows"]]
    assert models and "deepseek-v3.2-exp" not in models
    for out in everywhere(catalogue, question)[:2]:
        assert "deepseek-v3.2-exp" not in out


@pytest.mark.parametrize(
    "question",
    [
        "what does deepseek-v3.2-exp cost?",
        "price of deepseek v3.2 exp at 10M tokens",
        "how much is deepseek-v3.2-exp per million tokens",
    ],
)
def test_a_superseded_listing_named_is_priced_with_what_replaced_it(catalogue: Catalogue, question: str) -> None:
    data = ask_json(question)
    assert data["rows"] and data["rows"][0]["model"] == "deepseek-v3.2-exp"
    assert any("deepseek-v3.2 " in n["text"] and "deepseek-v3.2-exp" in n["text"] for n in data["notes"])


@pytest.mark.parametrize(
    "question",
    ["cheapest image generation model", "what's the cheapest way to generate images?", "lowest price per image for image gen"],
)
def test_an_older_image_model_is_left_out_beside_its_newer_version(catalogue: Catalogue, question: str) -> None:
    data = ask_json(question)
    models = [r["model"] for r in data["rows"]]
    assert models and "stability.stable-diffusion-xl-v0" not in models  # Bedrock sells v1


@pytest.mark.parametrize(
    "question",
    [
        "cheapest model for summaries at 2B tokens a month",
        "cheapest model for classification, 500M tokens/month",
        "best value for chat at 100M tokens a month",
    ],
)
def test_one_clouds_retirement_of_a_model_others_keep_selling_does_not_rank_it_last(question: str) -> None:
    # deepseek-v4.1-flash: Azure retires it on 2026-12-15, Vertex and the hosts keep it; DeepSeek sells it under no such id
    data = ask_json(question)
    text = " ".join(n["text"] for n in data["notes"])
    assert "deepseek-v4.1-flash (2026-12-15)" not in text
    assert all(not (r["model"] == "deepseek-v4.1-flash" and r["provider"] == "azure") for r in data["rows"])


@pytest.mark.parametrize(
    "question",
    [
        "one-off job: summarise 2B tokens of transcripts, cheapest decent model",
        "a one-time backfill of 2B tokens of summaries, which model is cheapest?",
        "we need to summarise our whole archive once, 2B tokens. cheapest?",
    ],
)
def test_a_volume_said_once_is_priced_as_one_job_not_a_month(catalogue: Catalogue, question: str) -> None:
    data = ask_json(question)
    assert data["query"]["one_off"] is True
    assert "for the job" in data["verdict"] and "/month" not in data["verdict"]
    for out in everywhere(catalogue, question)[:2]:
        assert "2B tokens, one job" in out and "@2B job" in out
        assert "tokens/month" not in out.split("Notes")[0]


@pytest.mark.parametrize(
    "question",
    [
        "we still use gpt-4o in production. is it being retired and what should replace it?",
        "gpt-4o is being sunset, what do we migrate to?",
        "alternative to gpt-4o?",
    ],
)
def test_an_alternative_to_a_retiring_model_leads_with_its_date_and_named_successor(catalogue: Catalogue, question: str) -> None:
    data = ask_json(question)
    verdict = " ".join(data["verdict"].split())
    assert verdict.startswith("OpenAI retires gpt-4o on 2027-01-14") and "names gpt-6-luna as its successor" in verdict
    assert [r["model"] for r in data["rows"]][:2] == ["gpt-4o", "gpt-6-luna"]
    for out in everywhere(catalogue, question)[:2]:
        assert "2027-01-14" in out and "gpt-6-luna" in out


@pytest.mark.parametrize(
    "question",
    [
        "alternative to gemini-3.6-flash? our calls started failing",
        "gemini-3.6-flash stopped working on vertex, what now?",
        "what should replace gemini 3.6 flash",
    ],
)
def test_an_alternative_to_a_retired_model_says_it_retired_and_prices_the_successor(question: str) -> None:
    verdict = " ".join(ask_json(question)["verdict"].split())
    assert "retired gemini-3.6-flash on 2026-11-19" in verdict and "gemini-3.8-flash as its successor (at the same price" in verdict
    assert "1.0x" not in verdict


@pytest.mark.parametrize(
    "question",
    [
        "invoices to JSON, 150M tokens a month, best under $300",
        "best extraction model under $300 a month at 150M tokens",
        "best model for 150M tokens a month of extraction, budget $300/month",
    ],
)
def test_a_dated_price_rise_that_breaks_the_budget_is_said_in_the_verdict(catalogue: Catalogue, question: str) -> None:
    data = ask_json(question)
    assert data["rows"][0]["model"] == "gemini-3.8-flash"  # the Gemini model whose price genai-prices dates for 2027-01-01
    verdict = " ".join(data["verdict"].split())
    assert "From 2027-01-01 its price rises to $360.00 a month, over your $300.00" in verdict
    for out in everywhere(catalogue, question)[:2]:
        assert "rises to $1.50/$7.50 on 2027-01-01 (genai-prices)" in " ".join(out.split())


@pytest.mark.parametrize(
    "question",
    ["should we move from gemini-3.5-flash to gemini-3.8-flash?", "gemini-3.8-flash vs gpt-6-luna", "what does gemini-3.8-flash cost at 10M tokens?"],
)
def test_a_dated_price_change_is_said_beside_the_price_it_replaces(question: str) -> None:
    notes = " ".join(n["text"] for n in ask_json(question)["notes"])
    assert "price for gemini-3.8-flash rises to $1.50/$7.50 on 2027-01-01 (genai-prices)" in " ".join(notes.split())
