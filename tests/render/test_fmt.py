"""Display text: exact figures, never '$0' for a quarter, 'no data' for unknowns."""

from __future__ import annotations

from bot.render import fmt


def test_money_keeps_cents_and_never_rounds_small_amounts_to_zero() -> None:
    assert fmt.money(0.25) == "$0.25"
    assert fmt.money(562.5) == "$562.50"
    assert fmt.money(1234.5) == "$1,234.50"
    assert fmt.money(0.004) == "$0.004"
    assert fmt.money(None) == "no data"


def test_price_shows_sub_cent_digits_and_free() -> None:
    assert fmt.price(0.4) == "$0.40"
    assert fmt.price(0.075) == "$0.075"
    assert fmt.price(0.0) == "free"
    assert fmt.price(None) == "no data"


def test_tokens_compact_and_exact() -> None:
    assert fmt.tokens(1_047_576) == "1.05M"
    assert fmt.tokens(1_047_576, exact=True) == "1,047,576"
    assert fmt.tokens(200_000) == "200K"
    assert fmt.tokens(None) == "no data"


def test_share_names_the_ratio() -> None:
    assert fmt.share(0.75) == "75% input / 25% output (3:1)"
    assert fmt.share(0.5) == "50% input / 50% output (1:1)"
