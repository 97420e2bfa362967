"""Comparisons asked as a move from one model to another: each rule reads its own examples, and the parse
orders the two models from the one left to the one moved to."""

from __future__ import annotations

import pytest

from bot.catalogue.store import Catalogue
from bot.parse.pipeline import parse
from bot.parse.upgrade import RULES, upgrade_order


@pytest.mark.parametrize(
    ("rule", "example"), [(r, e) for r in RULES for e in r.examples], ids=lambda x: getattr(x, "name", x)
)
def test_each_upgrade_rule_reads_its_examples(rule, example: str) -> None:
    assert rule.pattern.search(example), example
    assert upgrade_order(example) == rule.order


@pytest.mark.parametrize(
    "question",
    [
        "thinking of moving from 4o to 5.1, good idea?",
        "we use 4o today, should we jump to 5.1?",
        "would switching to gpt-5.1 from gpt-4o make sense?",
        "planning to replace 4o with 5.1 next sprint, thoughts?",
        "considering an upgrade to gpt-5.1, currently on gpt-4o",
        "gpt-4o -> gpt-5.1 worth it?",
        "is gpt-5.1 a good upgrade over gpt-4o?",
        "any reason to stay on 4o rather than move to 5.1?",
    ],
)
def test_a_move_between_two_models_is_an_upgrade_comparison(catalogue: Catalogue, question: str) -> None:
    q = parse(question, catalogue)
    assert (q.intent, q.models, q.upgrade) == ("compare", ["gpt-4o", "gpt-5.1"], True)
    assert q.task is None


@pytest.mark.parametrize("question", ["gpt-4o vs gpt-5.1 for coding", "which is cheaper, gpt-4o or gpt-5.1?"])
def test_a_plain_comparison_is_no_upgrade(catalogue: Catalogue, question: str) -> None:
    q = parse(question, catalogue)
    assert q.intent == "compare" and not q.upgrade
