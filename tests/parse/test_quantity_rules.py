"""Every named quantity rule's own examples: the rule says what it does by example, and this runs them."""

from __future__ import annotations

import pytest

from bot.parse.numbers import words_to_digits
from bot.parse.quantities import AFTER, BEFORE, RULES, extract_quantities

ALL = (*BEFORE, *RULES, *AFTER)
CASES = [(rule.name, text, want) for rule in ALL for text, want in rule.examples]


def test_rule_names_are_unique_and_every_rule_has_examples() -> None:
    names = [rule.name for rule in ALL]
    assert len(names) == len(set(names))
    assert all(rule.examples for rule in ALL if rule.fills)


@pytest.mark.parametrize(("rule", "text", "want"), CASES, ids=[f"{r}: {t}" for r, t, _ in CASES])
def test_rule_example_gives_its_fields(rule: str, text: str, want: dict) -> None:
    got = extract_quantities(words_to_digits(text.lower()))
    for name, value in want.items():
        actual = getattr(got, name)
        if value is None or actual is None:
            assert actual == value, f"{rule}: {name}"
        else:
            assert actual == pytest.approx(value, rel=1e-6), f"{rule}: {name}"
