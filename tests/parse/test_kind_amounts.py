"""Each unit rule for non-chat models does what its examples say, and only for its own kind."""

from __future__ import annotations

import pytest

from bot.parse.kind_amounts import KIND_RULES, RULES, kind_volume

KIND_OF_RULE = {rule.name: kind for kind, rules in KIND_RULES.items() for rule in rules}
CASES = [(rule.name, text, want) for rule in RULES for text, want in rule.examples]


@pytest.mark.parametrize(("rule", "text", "want"), CASES, ids=[f"{r}: {t}" for r, t, _ in CASES])
def test_every_rule_reads_its_own_examples(rule: str, text: str, want: float) -> None:
    assert kind_volume(text, KIND_OF_RULE[rule]) == pytest.approx(want)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("10k images a month", "transcription"),  # images are not hours of audio
        ("5000 hours of calls", "speech"),
        ("cheapest embedding model for 50M tokens", "embedding"),
        ("best image model for product shots", "image_generation"),  # no amount at all
        ("2M characters a month", None),
        ("image model for 50M tokens of images", "image_generation"),  # a token volume is not an image count
    ],
)
def test_no_amount_is_read_for_another_kind_or_without_a_number(text: str, kind: str | None) -> None:
    assert kind_volume(text, kind) is None
