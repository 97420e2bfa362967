"""Self-hosting hardware and size caps: every named rule's own examples, and whole questions through the parser."""

from __future__ import annotations

import pytest

from bot.catalogue.store import Catalogue
from bot.parse.hardware import RULES, read
from bot.parse.pipeline import parse

CASES = [(rule.name, text, want) for rule in RULES for text, want in rule.examples]


def test_rule_names_are_unique_and_every_rule_has_examples() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names)) and all(rule.examples for rule in RULES)


@pytest.mark.parametrize(("rule", "text", "want"), CASES, ids=[f"{r}: {t}" for r, t, _ in CASES])
def test_rule_example_gives_its_fields(rule: str, text: str, want: dict) -> None:
    got = next(r for r in RULES if r.name == rule).read(text)
    for name, value in want.items():
        actual = got.get(name)
        assert (actual.model_dump() if hasattr(actual, "model_dump") else actual) == value, f"{rule}: {name}"


def test_a_precision_alone_is_no_self_hosting_question() -> None:
    assert read("which model supports 4-bit quantized outputs") == {}


@pytest.mark.parametrize(
    ("question", "gpu", "count", "memory"),
    [
        ("best model I can self-host on a single H100", "H100", 1, 80),
        ("what's the smartest open model that runs on one h100?", "H100", 1, 80),
        ("we have an H100 80GB, which model should we run for chat", "H100", 1, 80),
        ("what fits on one RTX 4090 for coding", "RTX 4090", 1, 24),
        ("best coding model for my 4090", "RTX 4090", 1, 24),
        ("which llm can I run locally on a geforce rtx 4090?", "RTX 4090", 1, 24),
        ("best open model for chat on 2x A100 80GB", "A100", 2, 80),
        ("we've got two a100s (80gb), what's the best model for extraction", "A100", 2, 80),
        ("recommend a model for rag on 2 x A100 80 GB", "A100", 2, 80),
    ],
)
def test_hardware_is_read_and_means_open_weights(
    catalogue: Catalogue, question: str, gpu: str, count: int, memory: float
) -> None:
    q = parse(question, catalogue)
    assert q.hardware is not None and (q.hardware.gpu, q.hardware.count, q.hardware.memory_gb) == (gpu, count, memory)
    assert q.intent == "recommend" and "open_weights" in q.capabilities


@pytest.mark.parametrize(
    ("question", "cap"),
    [
        ("best model under 10B params for summarization", 10),
        ("list open models under 8 billion parameters", 8),
        ("which model with fewer than 10b parameters is best for classification", 10),
    ],
)
def test_a_parameter_cap_is_a_size_never_a_volume(catalogue: Catalogue, question: str, cap: float) -> None:
    q = parse(question, catalogue)
    assert q.max_params == cap and q.tokens_per_month is None
    assert "open_weights" in q.capabilities and not any("volume" in a for a in q.assumptions)


def test_a_volume_beside_a_parameter_cap_is_kept(catalogue: Catalogue) -> None:
    q = parse("best model under 10B params at 50M tokens a month", catalogue)
    assert q.max_params == 10 and q.tokens_per_month == 50_000_000


def test_questions_without_hardware_have_no_hardware_extras(catalogue: Catalogue) -> None:
    q = parse("cheapest model for 50M tokens of classification", catalogue)
    assert q.hardware is None and q.max_params is None and q.precision is None and "open_weights" not in q.capabilities
