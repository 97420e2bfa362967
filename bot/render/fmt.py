"""Display text for typed values: money, prices, token counts, speeds, scores. Unknown is "no data"."""

from __future__ import annotations

from datetime import date

NO_DATA = "no data"


def money(value: float | None) -> str:
    """A dollar amount, exact to the cent; sub-cent amounts keep their significant digits ($0.004)."""
    if value is None:
        return NO_DATA
    if value == 0:
        return "$0.00"
    if abs(value) < 0.01:
        return f"${value:.2g}" if abs(value) >= 0.001 else "under $0.001"
    return f"${value:,.2f}"


def price(value: float | None) -> str:
    """A price per 1M tokens: at least two decimals, up to four where they matter ($0.075)."""
    if value is None:
        return NO_DATA
    if value == 0:
        return "free"
    text = f"{value:,.4f}".rstrip("0")
    whole, _, frac = text.partition(".")
    return f"${whole}.{frac.ljust(2, '0')}"


def tokens(value: float | int | None, exact: bool = False) -> str:
    """A token count: compact (1.05M, 200K) or exact (1,047,576)."""
    if value is None:
        return NO_DATA
    if exact:
        return f"{int(value):,}"
    v = float(value)
    if abs(v) >= 1e15:
        return f"{v:.2g}".replace("e+", "e")
    for limit, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if abs(v) >= limit:
            n = v / limit
            text = f"{n:.2f}".rstrip("0").rstrip(".") if n < 100 else f"{n:.0f}"
            return f"{text}{suffix}"
    return f"{v:.0f}"


def volume(value: float | None, once: bool = False) -> str:
    """A monthly volume in words: '50M tokens/month' (once: '2B tokens, one job')."""
    if value is None:
        return NO_DATA
    return f"{tokens(value)} tokens, one job" if once else f"{tokens(value)} tokens/month"


def per_period(once: bool) -> str:
    """What a cost is for: '/month', or ' for the job' when the volume is one job's."""
    return " for the job" if once else "/month"


def a_period(once: bool) -> str:
    """'a month', or 'for the job' when the volume is one job's."""
    return "for the job" if once else "a month"


def share(value: float | None) -> str:
    """An input share as a mix: 0.75 -> '75% input / 25% output (3:1)'."""
    if value is None:
        return NO_DATA
    inp, out = round(value * 100), 100 - round(value * 100)
    ratio = ""
    for a in range(1, 20):
        for b in range(1, 20):
            if abs(a / (a + b) - value) < 1e-9:
                ratio = f" ({a}:{b})"
                break
        if ratio:
            break
    return f"{inp}% input / {out}% output{ratio}"


def speed(value: float | None) -> str:
    return NO_DATA if value is None else f"{value:,.0f} tok/s"


def seconds(value: float | None) -> str:
    if value is None:
        return NO_DATA
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def score(value: float | None, tier: str | None = None) -> str:
    if value is None:
        return NO_DATA
    return f"{value:.0f} ({tier})" if tier else f"{value:.0f}"


def ratio(a: float | None, b: float | None) -> float | None:
    """How many times larger `a` is than `b` (None when unknown or zero)."""
    if a is None or b is None or b == 0:
        return None
    return a / b


def times(value: float | None) -> str:
    return NO_DATA if value is None else f"{value:.1f}x"


def day(value: date | None) -> str:
    return NO_DATA if value is None else value.isoformat()


def yes_no(value: bool | None) -> str:
    return NO_DATA if value is None else ("yes" if value else "no")
