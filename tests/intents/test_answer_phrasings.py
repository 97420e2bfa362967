"""Issue 14's rules through the whole path: typed questions, `whichmodel ask --json`, and every renderer.

Each rule is pinned by three phrasings of its own, so a rule that holds for one wording only fails here.
"""

from __future__ import annotations

import json
import re

import pytest
from asking import ask_json

from bot.assistant import Assistant
from bot.catalogue.store import Catalogue
from bot.render import render


def everywhere(catalogue: Catalogue, question: str) -> list[str]:
    answer = Assistant(catalogue).ask(question)
    return [render(answer, fmt) for fmt in ("text", "markdown", "json")]


@pytest.mark.parametrize(
    "question",
    [
        "we spend $5k/mo on gpt-4o, what would gpt-4o-mini cost?",
        "our gpt-4o bill is about $5,000 a month. how much would gpt-4o-mini be?",
        "spending 5k a month on gpt-4o right now, what would we pay on gpt-4o-mini",
    ],
)
def test_a_spend_is_priced_as_a_volume_with_the_saving(question: str) -> None:
    data = ask_json(question)
    assert data["query"]["monthly_spend"] == 5000
    rows = {r["model"]: r for r in data["rows"]}
    assert rows["gpt-4o"]["monthly_cost"] == pytest.approx(5000, rel=1e-6)
    assert "a year" in data["verdict"] and "% less" in data["verdict"]


@pytest.mark.parametrize(
    "question",
    [
        "40k requests a day, 1.2k in and 200 out, cheapest for extraction",
        "cheapest for extraction at 40,000 calls/day with 1200 input and 200 output tokens each",
        "we do 40k req per day, ~1.2k tokens in / 200 out. cheapest model for pulling fields out of invoices?",
    ],
)
def test_per_request_sizes_set_the_volume_and_mix(question: str) -> None:
    data = ask_json(question)
    assert data["query"]["tokens_per_month"] == pytest.approx(40_000 * 1_400 * 30, rel=0.03)
    assert data["rows"][0]["input_share"] == pytest.approx(1200 / 1400, rel=0.03)


@pytest.mark.parametrize(
    "question",
    [
        "cheapest model that can read 500k-token documents",
        "need to summarise 500k token documents, what's cheapest",
        "which model handles 500K-token docs for the least money",
    ],
)
def test_a_document_size_is_a_context_floor_every_row_fits(question: str) -> None:
    data = ask_json(question)
    assert data["query"]["min_context"] == 500_000 and data["query"]["tokens_per_month"] is None
    assert data["rows"] and all(r["context"] >= 500_000 for r in data["rows"])


@pytest.mark.parametrize(
    "question",
    [
        "should we upgrade from gpt-4o to gpt-5.1?",
        "is gpt-5.1 worth it over gpt-4o",
        "should we switch from gpt-4o to gpt-5.1?",
    ],
)
def test_an_upgrade_question_gets_a_position(catalogue: Catalogue, question: str) -> None:
    data = ask_json(question)
    assert data["verdict"].startswith(("Yes", "No", "Probably not")), data["verdict"]
    for text in everywhere(catalogue, question):
        assert "1.0x cheaper" not in text


@pytest.mark.parametrize(
    "question,first",
    [
        ("knowledge cutoff of gpt-5", "gpt-5's knowledge cutoff: "),
        ("what's the context window of llama 3.3 70b", "llama-3.3-70b-instruct's context window: "),
        ("is gpt-4.1-mini on azure?", "Yes: gpt-4.1-mini is on Azure"),
    ],
)
def test_a_direct_question_gets_its_fact_first(catalogue: Catalogue, question: str, first: str) -> None:
    assert ask_json(question)["verdict"].startswith(first)
    for text in everywhere(catalogue, question)[:2]:
        assert first in text


@pytest.mark.parametrize(
    "question",
    [
        "which model has the lowest time to first token for chat",
        "quickest to answer model for a support bot",
        "we need snappier responses for chat, what's the lowest latency option",
    ],
)
def test_a_latency_question_shows_ttft_in_every_renderer(catalogue: Catalogue, question: str) -> None:
    assert ask_json(question)["query"]["sort_by"] == "latency"
    text, markdown, _ = everywhere(catalogue, question)
    assert "TTFT" in text and "TTFT" in markdown


@pytest.mark.parametrize(
    "question",
    [
        "best value model for chat",
        "what's the most cost-effective model for translation",
        "bang for the buck for summarization?",
    ],
)
def test_value_is_good_enough_then_cheapest(question: str) -> None:
    data = ask_json(question)
    assert {r["task_tier"] for r in data["rows"]} <= {"strong", "good"}
    assert "One step up:" in data["verdict"]


@pytest.mark.parametrize(
    "question",
    [
        "EU hosted model for customer support, cheapest good one?",
        "our data must stay in Europe: best model for summarizing tickets",
        "cheapest coding model with processing in the EU",
    ],
)
def test_a_region_keeps_only_offers_processing_there_at_their_regional_price(question: str, catalogue: Catalogue) -> None:
    data = ask_json(question)
    assert data["query"]["region"] == "eu"
    assert data["rows"] and all(r["region"] and r["region"].startswith("eu") for r in data["rows"])
    for r in data["rows"]:
        offer = next(o for o in catalogue.model(r["model"]).offers if o.provider == r["provider"])
        eu = next(rp for rp in offer.regions if rp.region.startswith("eu"))
        assert eu.input is None or r["input_price"] == pytest.approx(eu.input)
    assert any(n["text"].startswith("Region: only offers that process data in the EU") for n in data["notes"])
    for shown in everywhere(catalogue, question)[:2]:
        assert "Region" in shown and "eu processing" in shown


@pytest.mark.parametrize("family", ["claude", "gemini", "llama"])
def test_why_not_a_family_after_an_answer_says_where_its_best_model_ranked(catalogue: Catalogue, family: str) -> None:
    core = Assistant(catalogue)
    first = core.ask("cheapest model for coding")
    answer = core.ask(f"why not {family}?", previous=first.query)
    assert answer.query.intent == "recommend" and answer.query.task == "coding"
    verdict = answer.verdict or ""
    reason = verdict.split(". Pick ")[0]
    assert reason.startswith(f"Why not {family}: ") and family in reason.split(": ", 1)[1], verdict
    assert " ranks #" in reason or " is left out for coding (" in reason, verdict
    assert "(no score)" not in reason, verdict  # the family's best current model, not an old one of its bare name
    assert answer.rows and answer.rows[0].model == first.rows[0].model  # the same answer, with the reason first


@pytest.mark.parametrize(
    ("follow_up", "sort_by", "title"),
    [("best quality instead", "quality", "Best models"), ("fastest instead", "speed", "Fastest models"),
     ("actually, cheapest instead", "cost", "Cheapest models")],
)  # fmt: skip
def test_a_bare_follow_up_changes_what_the_answer_optimises(
    catalogue: Catalogue, follow_up: str, sort_by: str, title: str
) -> None:
    core = Assistant(catalogue)
    first = core.ask("best value model for coding")
    answer = core.ask(follow_up, previous=first.query)
    assert answer.query.sort_by == sort_by and answer.query.task == "coding"
    assert (answer.title or "").startswith(title)


@pytest.mark.parametrize(
    ("question", "amount"),
    [
        ("transcription of 5000 hours of calls a month, what does it cost?", "At 5,000 hours of audio a month: $"),
        ("cheapest image generation model for 10k images a month", "At 10,000 images a month: $"),
        ("tts for 2M characters a month, cheapest?", "At 2,000,000 characters a month: $"),
    ],
)
def test_a_non_chat_amount_typed_in_its_own_unit_is_priced_a_month(catalogue: Catalogue, question: str, amount: str) -> None:
    answer = Assistant(catalogue).ask(question)
    assert answer.query.kind is not None and answer.query.tokens_per_month is None
    assert amount in (answer.verdict or "")


@pytest.mark.parametrize(
    "question",
    [
        "compare gpt-5 vs gemini-2.5-pro for a workload with 80% cache hits, 2B input tokens and 200M output a month",
        "how much is gpt-oss-120b for 500M tokens a month",
        "what would llama-3.3-70b cost for 100M tokens a month with 50% cache hits",
    ],
)
def test_a_cheaper_seller_is_cheaper_at_the_workloads_own_rates(catalogue: Catalogue, question: str) -> None:
    answer = Assistant(catalogue).ask(question)
    said = [n.text for n in answer.notes if " is cheaper at " in n.text] + [answer.verdict or ""]
    pairs = [p for text in said for p in re.findall(r"\$([\d.]+)/M blended against \$([\d.]+) at ", text)]
    assert pairs, said  # each of these workloads has a cheaper seller to name
    assert all(float(there) < float(here) for there, here in pairs), said


@pytest.mark.parametrize(
    ("question", "facet_word"),
    [
        ("does gemini-4-argon have a batch discount, and how much is it?", "batch price"),
        ("is there a batch discount on gpt-5?", "batch price"),
        ("does claude-sonnet-4-5 have cached input pricing? what's the discount", "cached input"),
    ],
)
def test_a_discount_question_gets_yes_or_no_with_the_discount_first(catalogue: Catalogue, question: str, facet_word: str) -> None:
    verdict = Assistant(catalogue).ask(question).verdict or ""
    assert verdict.startswith(("Yes: ", "No ")), verdict
    assert facet_word in verdict.split(".")[0]
    if verdict.startswith("Yes: "):
        assert re.search(r"\d+% off the \$[\d.]+ list price", verdict), verdict


@pytest.mark.parametrize(
    ("question", "tiers"),
    [
        ("cheapest decent model for summarization", {"good", "strong"}),
        ("what's the cheapest model that's good at coding?", {"good", "strong"}),
        ("cheapest model that's strong on coding", {"strong"}),
    ],
)
def test_a_quality_floor_said_in_words_holds_for_every_row(catalogue: Catalogue, question: str, tiers: set[str]) -> None:
    answer = Assistant(catalogue).ask(question)
    assert answer.query.sort_by == "cost" and answer.rows
    assert {r.task_tier for r in answer.rows} <= tiers


@pytest.mark.parametrize(
    ("question", "maker"),
    [
        ("spending $3k/mo on gemini-2.5-pro, what would deepseek cost for the same volume?", "deepseek"),
        ("compare kimi-k3, grok-4.6 and deepseek for general use", "deepseek"),
        ("claude-sonnet-4-5 vs mistral for coding", "mistral"),
    ],
)
def test_a_maker_named_where_a_model_belongs_is_its_best_model_and_said_so(
    catalogue: Catalogue, question: str, maker: str
) -> None:
    answer = Assistant(catalogue).ask(question)
    assert maker in answer.query.makers_as_models and maker not in answer.query.providers
    named = [r for r in answer.rows if catalogue.model(r.model).maker == maker]
    assert named, [r.model for r in answer.rows]
    assert any(n.text.startswith(f"'{maker}' read as its best current model here: {named[0].model}") for n in answer.notes)


@pytest.mark.parametrize(
    ("question", "second"),
    [
        ("what does claude sonnet 4.5 cost and what's its context window?", "context window: 200,000 tokens"),
        ("gpt-5 price and knowledge cutoff", "knowledge cutoff: 2024-09-30"),
        ("how much is gemini 2.5 pro, and does it take audio?", "Yes: gemini-2.5-pro takes audio input."),
        ("is kimi k3 open weights and how big is it?", "2.8T parameters"),
    ],
)
def test_a_second_question_after_the_first_is_answered_too(catalogue: Catalogue, question: str, second: str) -> None:
    data = ask_json(question)
    assert second in data["verdict"]
    if data["intent"] == "cost":
        assert "per 1M input" in data["verdict"].split(second)[0]  # the price first, then the second answer
    else:
        assert data["verdict"].startswith("Yes: kimi-k3 has open weights")
    for text in everywhere(catalogue, question):
        assert second.split(":")[0] in text


@pytest.mark.parametrize(
    "question",
    [
        "gpt-5 vs gpt-4.1 which has lower latency?",
        "gpt-4.1 or gpt-5: which one starts answering quicker?",
        "which responds faster to the first token, gpt 5 or gpt 4.1?",
    ],
)
def test_a_latency_question_across_reasoning_and_not_answers_with_the_effort_label(
    catalogue: Catalogue, question: str
) -> None:
    data = ask_json(question)
    assert data["query"]["sort_by"] == "latency"
    first = data["verdict"].split(". ")[0]
    assert "starts answering sooner" in first and "(reasoning, medium effort)" in first
    assert "wait includes its thinking" in data["verdict"]
    for text in everywhere(catalogue, question):
        assert "reasoning, medium effort" in " ".join(text.split())  # the text renderer wraps lines


@pytest.mark.parametrize(
    ("question", "winner", "values"),
    [
        ("which has the later knowledge cutoff, gpt-5.1 or claude sonnet 4.5?", "claude-sonnet-4-5", ["2025-07-31", "2024-09-30"]),
        ("gpt-5 vs claude opus 5 context window", "claude-opus-5", ["1M", "400K"]),
        ("llama 3.3 70b vs gpt-4o, which one has open weights?", "llama-3.3-70b-instruct", ["not gpt-4o"]),
    ],
)
def test_a_comparison_that_asks_one_fact_answers_it_first(
    catalogue: Catalogue, question: str, winner: str, values: list[str]
) -> None:
    data = ask_json(question)
    first = data["verdict"].split(". ")[0]
    assert data["intent"] == "compare" and winner in first and all(v in first for v in values), first
    assert "Pick" not in first  # the fact comes before any pick
    for text in everywhere(catalogue, question):
        assert winner in text and values[0] in text


@pytest.mark.parametrize(
    "question",
    ["which model has the biggest context window?", "largest context window of any model", "what's the model with the longest context?"],
)
def test_the_largest_context_is_a_fact_no_score_floor_hides(catalogue: Catalogue, question: str) -> None:
    data = ask_json(question)
    largest = max((o.context or 0) for m in catalogue.chat_models() for o in m.offers if o.priced and not o.free and not o.deprecated)
    assert data["rows"][0]["context"] == largest
    if data["rows"][0]["task_score"] is None:  # no gap is claimed against a model with no score
        assert "has no general use score; the best rated of these is" in data["verdict"]


@pytest.mark.parametrize(
    "question",
    [
        "claude haiku 4.5 vs gpt-5-mini: which answers quicker?",
        "lower latency: gpt-5-mini or claude-haiku-4-5?",
        "haiku 4.5 or gpt 5 mini, which is quicker to first token",
    ],
)
def test_a_model_that_thinks_only_when_asked_is_timed_with_thinking_off(catalogue: Catalogue, question: str) -> None:
    data = ask_json(question)
    assert data["verdict"].startswith("claude-haiku-4-5 starts answering sooner")
    assert "(thinking off, its default)" in data["verdict"] and "(reasoning, medium effort)" in data["verdict"]


@pytest.mark.parametrize(
    "question",
    [
        "gpt-5.1 for 10M tokens a month, how much with reasoning tokens?",
        "what would 10M tokens/month on gpt-5.1 cost us?",
        "price gpt 5.1 at 10 million tokens a month",
    ],
)
def test_a_reasoning_models_cost_gives_the_range_with_its_thinking_billed_as_output(
    catalogue: Catalogue, question: str
) -> None:
    data = ask_json(question)
    (note,) = [n["text"] for n in data["notes"] if n["text"].startswith("With its thinking:")]
    assert "the month costs $59.38-$109.38, not $34.38" in " ".join(note.split())  # 2.5M output, +1x to +3x at $10/M
    for text in everywhere(catalogue, question):
        assert "With its thinking" in text


@pytest.mark.parametrize(
    "question",
    [
        "which is faster for llama 3.3 70b, groq or cerebras?",
        "llama-3.3-70b on cerebras vs groq: which is quicker?",
        "is llama 3.3 70b faster on groq or on cerebras",
    ],
)
def test_a_provider_that_retired_the_model_is_no_choice_in_a_speed_answer(catalogue: Catalogue, question: str) -> None:
    data = ask_json(question)
    first = data["verdict"].split("\n")[0]
    assert "n Cerebras: retired on 2026-02-16" in first and "Groq is the only one of them still selling it" in first
    assert "Cerebras is faster" not in first


@pytest.mark.parametrize(
    ("follow_up", "n"),
    [("compare the top 2", 2), ("how do the first three stack up against each other?", 3), ("compare those two", 2),
     ("head to head of the top two please", 2)],
)  # fmt: skip
def test_compare_the_top_n_compares_the_last_answers_first_models(catalogue: Catalogue, follow_up: str, n: int) -> None:
    core = Assistant(catalogue)
    first = core.ask("cheapest model for summarization at 20M tokens a month")
    leaders = list(dict.fromkeys(r.model for r in first.rows))[:n]
    answer = core.ask(follow_up, previous=first.query)
    assert answer.query.intent == "compare" and answer.query.models == leaders
    assert answer.query.task == "summarization" and answer.query.tokens_per_month == 20_000_000
    for shown in (render(answer, fmt) for fmt in ("text", "markdown")):
        assert all(m in shown for m in leaders)


def test_compare_the_top_2_in_chat_answers_the_pair(catalogue: Catalogue) -> None:
    from click.testing import CliRunner

    from adapters.cli import main

    typed = "cheapest model for classification at 50M tokens\ncompare the top 2\n"
    result = CliRunner().invoke(main, ["chat"], input=typed)
    assert result.exit_code == 0, result.output
    core = Assistant(catalogue)
    first = core.ask("cheapest model for classification at 50M tokens")
    pair = core.ask("compare the top 2", previous=first.query)
    assert pair.query.models == list(dict.fromkeys(r.model for r in first.rows))[:2]
    second = result.output.split("> ")[2]  # the answer to the follow-up, after the second prompt
    assert second.strip() == render(pair, "text").strip()


@pytest.mark.parametrize(
    ("question", "line"),
    [
        ("does gpt-5 support function calling?", "Yes: GPT-5 supports tool (function) calling at OpenAI."),
        ("can gpt-4o-mini do structured outputs", "Yes: GPT-4o mini supports structured output (JSON schema) at OpenAI."),
        ("is claude-opus-5 a reasoning model?", "Yes: claude-opus-5 supports reasoning (thinking before it answers)"),
    ],
)
def test_a_feature_question_gets_yes_or_no_first(catalogue: Catalogue, question: str, line: str) -> None:
    data = ask_json(question)
    assert data["query"]["intent"] == "info" and data["query"]["asked_capabilities"]
    assert (data["verdict"] or "").startswith(line)
    for shown in everywhere(catalogue, question)[:2]:
        assert line in " ".join(shown.split())


@pytest.mark.parametrize(
    ("question", "regime"),
    [
        ("HIPAA compliant model for summarizing patient notes", "HIPAA"),
        ("we need SOC 2, cheapest model for support chat", "SOC 2"),
        ("fedramp approved llm for classifying tickets?", "FedRAMP"),
    ],
)
def test_a_compliance_regime_is_said_to_be_unjudged(catalogue: Catalogue, question: str, regime: str) -> None:
    data = ask_json(question)
    said = [n["text"] for n in data["notes"] if n["text"].startswith(f"{regime}: my sources hold no compliance data")]
    assert said and data["rows"]
    for shown in everywhere(catalogue, question)[:2]:
        assert f"{regime}: my sources hold no compliance data" in " ".join(shown.split())


@pytest.mark.parametrize(
    ("question", "model"),
    [
        ("how fast is claude-opus-5", "claude-opus-5"),
        ("what's the ttft of gpt-5 at high effort", "gpt-5"),
        ("time to first token for gemini-2.5-pro?", "gemini-2.5-pro"),
    ],
)
def test_a_speed_question_about_one_model_gets_its_measured_speed_and_wait_first(
    catalogue: Catalogue, question: str, model: str
) -> None:
    data = ask_json(question)
    line = (data["verdict"] or "").split(". Facts")[0]
    assert line.startswith(f"{model}: ") and " tok/s, first token in " in line, line
    assert "Artificial Analysis" in line and "2026-" in line  # who measured it, and when
    assert "effort" in line or "includes its thinking" in line  # a reasoning model's wait is labelled
    for shown in everywhere(catalogue, question)[:2]:
        assert f"{model}: " in shown and "first token in" in shown


@pytest.mark.parametrize("model", ["ai21-jamba-1.5-large", "aion-1.0"])
def test_a_speed_question_about_a_model_nobody_measured_says_no_data(catalogue: Catalogue, model: str) -> None:
    assert not catalogue.speeds(catalogue.model(model))
    answer = Assistant(catalogue).ask(f"how fast is {model}?")
    assert (answer.verdict or "").startswith(f"{model}'s speed and time to first token: no data in my sources.")


@pytest.mark.parametrize(
    "question",
    [
        "gemini 2.5 pro vs opus 4.1 vs gpt-5 for a legal research assistant, pick one",
        "gpt-5 or claude sonnet 4.5, which should we build on?",
        "o3 vs gpt-4.1 vs o4-mini for code review",
    ],
)
def test_a_comparison_never_picks_a_model_its_seller_retires_within_weeks(catalogue: Catalogue, question: str) -> None:
    data = ask_json(question)
    verdict = data["verdict"] or ""
    left = re.findall(r"(\S+) is left out of the pick: .+? retires it on (\d{4}-\d{2}-\d{2}), in (\d+) days", verdict)
    assert left, verdict
    picked = re.findall(r"[Pp]ick ([\w.-]+?)[:, .]", verdict.split(" is left out of the pick: ")[-1])
    assert picked and not {m for m, _, _ in left} & set(picked), verdict
    assert all(int(days) <= 30 for _, _, days in left)
    for shown in everywhere(catalogue, question)[:2]:
        assert "is left out of the pick" in " ".join(shown.split())


@pytest.mark.parametrize(
    ("question", "maker"),
    [
        ("spending about 12k a month on claude-sonnet-4. what would the same traffic cost on deepseek?", "deepseek"),
        ("we pay $8k/mo for gpt-4.1, how much would that be on mistral?", "mistral"),
        ("our gpt-4o bill is $3,000 a month. what would it cost with moonshotai instead?", "moonshotai"),
    ],
)
def test_a_maker_that_does_not_sell_the_model_is_priced_by_its_own_best_model(
    catalogue: Catalogue, question: str, maker: str
) -> None:
    data = ask_json(question)
    said = [n["text"] for n in data["notes"] if n["text"].startswith(f"'{maker}' read as its best current model")]
    assert said and "(it does not sell " in said[0], data["notes"]
    target = said[0].split("model here: ")[1].split(" ")[0]
    assert len(data["rows"]) == 2 and data["rows"][1]["model"] == target
    assert "% less" in data["verdict"] or "% more" in data["verdict"]


@pytest.mark.parametrize("family", ["claude", "gemini", "llama"])
def test_why_not_a_family_after_a_comparison_prices_its_model_against_the_pair(catalogue: Catalogue, family: str) -> None:
    core = Assistant(catalogue)
    first = core.ask("cheapest decent model for summarising support tickets, 30M tokens a month")
    pair = core.ask("compare the top 2", previous=first.query)
    answer = core.ask(f"why not {family}?", previous=pair.query)
    verdict = answer.verdict or ""
    assert answer.query.intent == "compare" and answer.query.models == pair.query.models
    assert re.match(rf"Why not {family}: its (cheapest good|best) for summarization, ", verdict), verdict
    named = verdict.split("summarization, ")[1].split(",")[0]
    assert family in named and "x the price of" in verdict.split(". Pick ")[0]
    assert verdict != pair.verdict


@pytest.mark.parametrize(
    "question",
    [
        "mistral large vs llama 3.3 70b for French customer support, which?",
        "step-3.5-flash or mimo-v2-flash?",
        "llama 3.3 70b vs mistral large for a support chatbot",
    ],
)
def test_a_lopsided_trade_gets_one_pick_not_a_split(catalogue: Catalogue, question: str) -> None:
    verdict = ask_json(question)["verdict"] or ""
    assert " if cost matters" not in verdict and re.match(r"Pick [\w.-]+: \d+ points higher on .+ for ", verdict), verdict


@pytest.mark.parametrize(
    ("question", "floor", "volume"),
    [
        ("200 PDFs a day, ~80 pages each, pull fields into JSON. which model and monthly bill?", 80 * 600, 200 * 30 * 80 * 600),
        ("contracts run up to 300 pages, want the whole contract in one prompt. cheapest?", 300 * 600, None),
        ("we get 1,000 reports a month, 40 pages each, best value for summarising them", 40 * 600, 1000 * 40 * 600),
    ],
)
def test_pages_become_a_context_floor_and_a_volume_said_as_assumptions(
    catalogue: Catalogue, question: str, floor: int, volume: int | None
) -> None:
    data = ask_json(question)
    assert data["query"]["min_context"] == floor and data["query"]["tokens_per_month"] == volume
    assert data["rows"] and all(r["context"] and r["context"] >= floor for r in data["rows"])
    assert any("-page documents taken as ~" in n["text"] for n in data["notes"])
    for shown in everywhere(catalogue, question)[:2]:
        assert "Context" in shown and "a page" in shown


@pytest.mark.parametrize(
    "question",
    [
        "cheapest for 50M tokens of classification",
        "cheapest model from google for summarization",
        "best value model for chat on google",
    ],
)
def test_a_listing_only_genai_prices_keeps_never_ranks(question: str) -> None:
    data = ask_json(question)
    shown = [row[1]["text"] for table in data["tables"] for row in table["rows"]]
    assert shown and "gemini-1.5-flash" not in shown and "gemini-1.5-pro" not in shown


@pytest.mark.parametrize(
    "question",
    [
        "what does gemini 1.5 flash cost at 10M tokens",
        "gemini-1.5-flash pricing",
        "how much is gemini 1.5 flash per million tokens?",
    ],
)
def test_a_named_likely_retired_listing_is_priced_with_the_caveat(catalogue: Catalogue, question: str) -> None:
    for out in everywhere(catalogue, question):
        assert "may no longer be sold" in out and "gemini-1.5-flash" in out


@pytest.mark.parametrize(
    "question",
    [
        "claude opus 4.5 price on anthropic direct vs bedrock vs vertex?",
        "what does claude-opus-4-5 cost at anthropic, on bedrock and on vertex",
        "claude opus 4.5 pricing: anthropic vs aws bedrock vs google vertex",
    ],
)
def test_one_model_at_several_named_sellers_is_priced_at_each(catalogue: Catalogue, question: str) -> None:
    data = ask_json(question)
    sellers = {row["provider"] for row in data["rows"]}
    assert sellers == {"anthropic", "amazon-bedrock", "google-vertex"}
    for out in everywhere(catalogue, question):
        assert "Anthropic" in out and "Amazon Bedrock" in out and "Vertex" in out
        assert "The same price at all 3" in out or "Cheapest at" in out


@pytest.mark.parametrize(
    ("first", "follow_up", "times"),
    [
        ("which model for about 50M tokens a month of email triage?", "and at 10x that volume?", 10),
        ("cheapest for 20M tokens of summarization", "what about double the traffic", 2),
        ("best value for 40M tokens a month of chat", "ok and at 3x the volume", 3),
    ],
)
def test_a_multiple_of_the_last_volume_reprices_the_same_question(first: str, follow_up: str, times: int) -> None:
    bot = Assistant()
    before = bot.ask(first)
    after = bot.ask(follow_up, previous=before.query)
    assert after.query.tokens_per_month == before.query.tokens_per_month * times
    assert after.query.task == before.query.task and after.intent == before.intent


@pytest.mark.parametrize(
    "follow_up", ["which of those has the best quality?", "which of them is the best quality", "among those, best quality?"]
)
def test_which_of_those_re_ranks_the_last_answer(follow_up: str) -> None:
    bot = Assistant()
    before = bot.ask("cheapest model that can take 240k tokens in one prompt")
    after = bot.ask(follow_up, previous=before.query)
    assert after.intent == "recommend" and after.query.sort_by == "quality"
    assert after.query.min_context == before.query.min_context


@pytest.mark.parametrize(
    "question",
    [
        "whisper vs gpt-4o-transcribe for 3,000 hours a month, data must stay in the EU",
        "cheapest transcription model in the EU",
        "text-embedding-3-large vs gemini-embedding-001, EU hosted",
    ],
)
def test_a_region_on_other_kinds_of_model_is_honoured_or_said_unmet(catalogue: Catalogue, question: str) -> None:
    for out in everywhere(catalogue, question):
        assert "process data in the EU" in out or "No processing in the EU listed" in out


@pytest.mark.parametrize(
    "question",
    ["ttft of claude sonnet 4.5", "how long until claude sonnet 4.5 starts answering?", "claude-sonnet-4-5 time to first token"],
)
def test_a_headline_measured_with_thinking_off_says_so_beside_the_thinking_run(catalogue: Catalogue, question: str) -> None:
    for out in everywhere(catalogue, question):
        assert "1.45 s (thinking off)" in out and "9.71 s" in out


@pytest.mark.parametrize(
    "question",
    [
        "time to first token for o3 vs claude sonnet 4.5 with thinking?",
        "o3 vs claude sonnet 4.5 with thinking on: which has the lower ttft",
        "with extended thinking, which starts answering sooner: claude sonnet 4.5 or o3?",
    ],
)
def test_with_thinking_a_comparison_times_each_models_thinking_run(question: str) -> None:
    data = ask_json(question)
    assert data["query"]["sort_by"] == "latency"
    text = json.dumps(data)
    assert "9.71 s" in text and "1.45 s" not in text.split("Time to first token")[1][:80]


@pytest.mark.parametrize(
    "question",
    [
        "our bill is $20k/month on claude sonnet 4.5. how much would we save switching to deepseek v3.2?",
        "should we move from claude sonnet 4.5 to deepseek v3.2? we pay 20k a month",
        "we spend $20,000 a month on claude-sonnet-4-5, would deepseek-v3.2 be worth switching to?",
    ],
)
def test_a_lopsided_saving_for_a_few_points_is_a_yes_if_cost_matters(question: str) -> None:
    verdict = ask_json(question)["verdict"]
    assert ("Yes, if cost matters" in verdict or "Pick deepseek-v3.2" in verdict) and "Stay on" not in verdict


@pytest.mark.parametrize(
    "question",
    ["we send one request a month of 100 tokens. cheapest model?", "cheapest model for 100 tokens a month",
     "what's the cheapest for 50 tokens a month"],
)
def test_a_tiny_bill_is_said_in_words_not_in_scientific_notation(catalogue: Catalogue, question: str) -> None:
    for out in everywhere(catalogue, question)[:2]:  # the JSON keeps the number itself
        assert "e-0" not in out and "under $0.001" in out


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("every night we extract JSON from 40k docs of 3k tokens each, 200 out. batch is ok. gpt-5.1 vs gemini 2.5 flash?",
         "priced with batch price"),
        ("gpt-5.1 vs gemini-2.5-flash for 500M tokens a month via the batch api", "priced with batch price"),
        ("2B input tokens a month with a 90% cache hit rate plus 50M output: claude sonnet 4.5 or gpt-5.1?", "90% cache hits"),
    ],
)
def test_a_comparison_says_the_pricing_it_applied(catalogue: Catalogue, question: str, said: str) -> None:
    for out in everywhere(catalogue, question):
        assert said in out


@pytest.mark.parametrize(
    "question",
    [
        "we're still on claude 3.5 sonnet. worth upgrading to sonnet 4.5 or straight to opus 5?",
        "claude-3-5-sonnet vs claude-sonnet-4-5 vs claude-opus-5",
        "compare claude 3.5 sonnet, claude sonnet 4.5 and claude opus 5 for coding",
    ],
)
def test_a_likely_retired_listing_is_never_the_pick_of_a_comparison(question: str) -> None:
    verdict = ask_json(question)["verdict"]
    assert "claude-3-5-sonnet is left out of the pick" in verdict
    assert "Pick claude-3-5-sonnet" not in verdict and "claude-3-5-sonnet for cost" not in verdict
