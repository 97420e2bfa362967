"""What a question asks (intent), its task, objective, filters and providers, and the input limits."""

from __future__ import annotations

import pytest

from bot.catalogue.store import Catalogue
from bot.parse.pipeline import MAX_QUESTION_CHARS, parse


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("cheapest for 50M tokens of classification", "recommend"),
        ("what should I use for spam detection?", "recommend"),
        ("GPT-4.1 mini vs GPT-4.1 nano", "compare"),
        ("which is cheaper, claude haiku 4.5 or gpt-5-mini?", "compare"),
        ("should I upgrade from gpt-4.1 mini to gpt-5.1?", "compare"),
        ("is claude opus 4.1 worth it over sonnet 4.5?", "compare"),
        ("what does gpt-4.1-nano cost at 100M tokens/mo?", "cost"),
        ("gpt-5-mini pricing", "cost"),
        ("context window of gpt-4.1?", "info"),
        ("who offers gpt-oss-120b?", "info"),
        ("list models with image input", "list"),
        ("which models are open weights?", "list"),
        ("cheaper alternative to claude sonnet 4.5", "alternatives"),
        ("what can I use instead of gpt-4o?", "alternatives"),
        ("help", "help"),
        ("what can you do?", "help"),
        ("", "help"),
        ("who won the world cup", "unknown"),
        ("best pizza near the office", "unknown"),
        ("tell me a joke", "unknown"),
    ],
)
def test_intent(catalogue: Catalogue, text: str, intent: str) -> None:
    assert parse(text, catalogue).intent == intent


def test_upgrade_question_orders_models_from_to(catalogue: Catalogue) -> None:
    q = parse("is claude opus 4.1 worth it over sonnet 4.5?", catalogue)
    assert q.models == ["claude-sonnet-4-5", "claude-opus-4-1"]
    assert getattr(q, "upgrade", True)


@pytest.mark.parametrize(
    ("text", "task"),
    [
        ("best model for writing unit tests", "coding"),
        ("cheapest model to categorize tickets", "classification"),
        ("most accurate model for legal document analysis", "reasoning"),
        ("best model for tool calling", "agents"),
        ("cheapest model for moderation", "classification"),
        ("best model for PDF question answering", "rag"),
        ("translate product descriptions cheaply with an llm", "translation"),
        ("summarizing call transcripts", "summarization"),
        ("we run a support bot", "chat"),
        ("best model for creative writing", "writing"),
        ("best model for long documents", "long_context"),
        ("pull fields from invoices into JSON", "extraction"),
        ("best model for math olympiad problems", "math"),
    ],
)
def test_task(catalogue: Catalogue, text: str, task: str) -> None:
    assert parse(text, catalogue).task == task


def test_for_names_the_task_and_with_names_a_filter(catalogue: Catalogue) -> None:
    task = parse("best model for tool calling", catalogue)
    assert task.task == "agents" and task.capabilities == []
    filt = parse("cheapest model with tool calling", catalogue)
    assert filt.capabilities == ["tool_calling"] and filt.task is None


@pytest.mark.parametrize(
    ("text", "sort_by"),
    [
        ("cheapest model for chat", "cost"),
        ("best model for chat", "quality"),
        ("fastest model for chat", "speed"),
        ("lowest latency model for chat", "latency"),
        ("model with the largest context window", "context"),
        ("best value model for chat", "value"),
        ("most cost-effective model for chat", "value"),
        ("what model should I use for chat", None),
    ],
)
def test_objective(catalogue: Catalogue, text: str, sort_by: str | None) -> None:
    assert parse(text, catalogue).sort_by == sort_by


def test_latency_and_speed_constraints_are_not_objectives(catalogue: Catalogue) -> None:
    assert parse("I need TTFT under 400ms and at least 100 tok/s", catalogue).sort_by is None


@pytest.mark.parametrize(
    ("text", "modalities", "capabilities"),
    [
        ("cheapest model with vision and function calling", ["image"], ["tool_calling"]),
        ("model that reads PDFs with structured outputs", ["pdf"], ["structured_output"]),
        ("cheapest reasoning model", [], ["reasoning"]),
        ("best open source model for agents", [], ["open_weights"]),
        ("model we can self-host that takes audio", ["audio"], ["open_weights"]),
        ("best model for image generation", [], []),
    ],
)
def test_modalities_and_capabilities(
    catalogue: Catalogue, text: str, modalities: list[str], capabilities: list[str]
) -> None:
    q = parse(text, catalogue)
    assert sorted(q.input_modalities) == sorted(modalities)
    assert sorted(q.capabilities) == sorted(capabilities)


@pytest.mark.parametrize(
    ("text", "providers", "excluded"),
    [
        ("fastest model from anthropic", ["anthropic"], []),
        ("cheapest model on vertex", ["google-vertex"], []),
        ("best model via openrouter", ["openrouter"], []),
        ("cheapest model on bedrock or azure", ["amazon-bedrock", "azure"], []),
        ("best coding model not from google", [], ["google"]),
        ("best model excluding openai and anthropic", [], ["openai", "anthropic"]),
        ("cheapest non-openai model", [], ["openai"]),
        ("fastest model on together ai", ["togetherai"], []),
        ("is openai's gpt-4o cheaper than gpt-4.1", [], []),
        ("let's put together a chatbot", [], []),
    ],
)
def test_providers_kept_and_excluded(
    catalogue: Catalogue, text: str, providers: list[str], excluded: list[str]
) -> None:
    q = parse(text, catalogue)
    assert q.providers == providers and q.exclude_providers == excluded


def test_free_only_when_asked(catalogue: Catalogue) -> None:
    assert parse("best free model for coding", catalogue).include_free
    assert not parse("best model for free-form writing", catalogue).include_free
    assert not parse("cheapest model for coding", catalogue).include_free


def test_info_keeps_only_the_model_and_the_modality_asked_about(catalogue: Catalogue) -> None:
    q = parse("does gpt-4.1-nano take images via openai?", catalogue)
    assert q.intent == "info" and q.models == ["gpt-4.1-nano"]
    assert q.providers == [] and q.input_modalities == ["image"]


def test_platform_syntax_emoji_code_and_urls_are_ignored(catalogue: Catalogue) -> None:
    plain = parse("cheapest model for 10M tokens of classification", catalogue).contract()
    noisy = parse(
        "<@U024BE7LH> <#C123|general> :wave: ```cheapest model``` for 10M tokens of classification 🎉 https://example.com/x?y=1",
        catalogue,
    ).contract()
    assert noisy == plain


def test_typos_and_casing(catalogue: Catalogue) -> None:
    q = parse("CHEAPST MODLE FOR CLASIFICATION 5m tokens", catalogue)
    assert (q.intent, q.task, q.sort_by, q.tokens_per_month) == ("recommend", "classification", "cost", 5_000_000)


def test_over_long_question_is_refused_politely(catalogue: Catalogue) -> None:
    q = parse("cheapest model " * 1000, catalogue)
    assert q.intent == "unknown" and q.refusal and f"{MAX_QUESTION_CHARS:,}" in q.refusal


def test_question_at_the_limit_is_parsed(catalogue: Catalogue) -> None:
    text = ("cheapest model for classification " + "x" * MAX_QUESTION_CHARS)[:MAX_QUESTION_CHARS]
    q = parse(text, catalogue)
    assert q.refusal is None and q.task == "classification"


def test_tools_in_an_agent_workload_describe_the_task_not_a_filter(catalogue: Catalogue) -> None:
    q = parse("best model for an agent that plans multi-step workflows and calls our internal tools", catalogue)
    assert q.task == "agents" and q.capabilities == []
    assert parse("cheapest model with tools", catalogue).capabilities == ["tool_calling"]


def test_something_with_lower_latency_than_a_model_asks_for_alternatives(catalogue: Catalogue) -> None:
    q = parse("need something with lower latency than sonnet 4.5 for our support bot", catalogue)
    assert (q.intent, q.sort_by, q.task, q.models) == ("alternatives", "latency", "chat", ["claude-sonnet-4-5"])


@pytest.mark.parametrize(
    ("text", "task", "kind"),
    [
        ("which model is best for icelandic legal text drafting?", "writing", None),
        ("best model for drafting supplier contracts", "writing", None),
        ("we generate around 20k product images a month, best value?", None, "image_generation"),
        ("we create 500 marketing images a day, cheapest?", None, "image_generation"),
        ("best model for reviewing prs", "coding", None),
        ("need a model for our sales email generator", "writing", None),
        ("i need to translate 1.5 billion tokens of subtitles a year, cheapest pls", "translation", None),
        ("8 agents, each handles ~120 tickets a day and the bot drafts a reply for every one", "chat", None),
        ("each of our 500 agents makes 40 calls a day with 2k tokens per call", "agents", None),
        ("what would o3 cost if each of our 1,200 analysts ran 10 queries a day", None, None),
        ("long story short: we need at least 1M context for the discovery dumps, what else is out there?", None, None),
        ("best model for multi-step planning and tool use, not from openai", "agents", None),
        ("sonnet 5 bill for 10,000 conversations/day, avg 3k tokens each", None, None),
        ("best model for customer conversations", "chat", None),
    ],
)
def test_the_work_named_sets_the_task_or_kind(catalogue: Catalogue, text: str, task: str | None, kind: str | None) -> None:
    q = parse(text, catalogue)
    assert (q.task, q.kind) == (task, kind)


@pytest.mark.parametrize(
    ("text", "intent", "sort_by"),
    [
        ("ok what about the fastest one then", "recommend", "speed"),
        ("and the cheapest?", "recommend", "cost"),
        ("what about the best value one", "recommend", "value"),
        ("cheapest flight to lisbon?", "unknown", None),
        ("did anything get cheaper since october?", "changes", None),
        ("did any models get cheaper this month?", "changes", None),
        ("have any prices gone up since last week", "changes", None),
        ("who's the CEO of anthropic", "unknown", None),
        ("whos the founder of mistral", "unknown", None),
        ("best-value model for IDE autocomplete", "recommend", "value"),
    ],
)
def test_short_follow_ups_changes_and_trivia(catalogue: Catalogue, text: str, intent: str, sort_by: str | None) -> None:
    q = parse(text, catalogue)
    assert (q.intent, q.sort_by) == (intent, sort_by)


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("and if we drop the EU requirement, which is fastest for chat?", None),
        ("forget the gdpr constraint, cheapest for chat", None),
        ("we no longer need the uk data residency rule, best for coding?", None),
        ("we need EU hosting, drop the price cap", "eu"),
    ],
)
def test_a_region_let_go_is_no_region(catalogue: Catalogue, text: str, region: str | None) -> None:
    assert parse(text, catalogue).region == region


@pytest.mark.parametrize(
    ("text", "models"),
    [
        ("gtp-5.5 vs claud opus 4.7", ["gpt-5.5", "claude-opus-4-7"]),
        ("calude sonnet 4.5 vs gemeni 2.5 pro", ["claude-sonnet-4-5", "gemini-2.5-pro"]),
        ("deepseak v3.2 or chatgtp-4o-latest", None),
    ],
)
def test_makers_names_mistyped_still_name_the_models(catalogue: Catalogue, text: str, models: list[str] | None) -> None:
    found = parse(text, catalogue).models
    assert found == models if models else len(found) == 2


@pytest.mark.parametrize(
    ("text", "intent", "task"),
    [
        ("how do I fine-tune llama 3 on my own data?", "unknown", None),
        ("how to prompt claude sonnet 4.5 for json", "unknown", None),
        ("how can we quantize qwen3 32b", "unknown", None),
        ("which LLM is most accurate at ICD-10 medical coding?", "recommend", "classification"),
        ("assign billing codes to insurance claims, best model?", "recommend", "classification"),
        ("we need under 300 ms time to first token for a voice agent. which model?", "recommend", "chat"),
    ],
)
def test_how_tos_domain_codes_and_voice_agents(catalogue: Catalogue, text: str, intent: str, task: str | None) -> None:
    q = parse(text, catalogue)
    assert (q.intent, q.task, q.unknown_models) == (intent, task, [])


def test_a_local_pick_weighed_against_an_api_is_still_ranked_by_quality(catalogue: Catalogue) -> None:
    q = parse("single RTX 4090. best model I can run locally for chat, and is that cheaper than an API?", catalogue)
    assert q.sort_by == "quality"


@pytest.mark.parametrize(
    ("text", "sort_by", "capabilities"),
    [
        ("which model is best at tool use without costing a fortune?", "value", []),
        ("best coding model without breaking the bank", "value", []),
        ("best model for on-device summarization", "quality", ["open_weights"]),
        ("something that runs on edge devices for classification", None, ["open_weights"]),
    ],
)
def test_value_said_as_not_dear_and_on_device_as_open_weights(
    catalogue: Catalogue, text: str, sort_by: str | None, capabilities: list[str]
) -> None:
    q = parse(text, catalogue)
    assert (q.sort_by, q.capabilities) == (sort_by, capabilities)
