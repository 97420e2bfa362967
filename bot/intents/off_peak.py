"""Which offers sell a lower price at some hours, and whether the hour the work runs is one of them."""

from __future__ import annotations

from bot.catalogue.offers import Offer, OffPeak
from bot.catalogue.store import Catalogue
from bot.contract.answer import Answer, Note
from bot.contract.query import Query
from bot.intents.notes import SOURCE_NAMES
from bot.intents.price_parts import window_text
from bot.intents.tables import cell, simple_table
from bot.render import fmt


def off_peak_answer(query: Query, catalogue: Catalogue) -> Answer:
    """Every live offer with off-peak prices (the providers and makers asked, if any), cheapest off-peak first."""
    found: list[tuple[str, Offer, OffPeak]] = []
    for model in catalogue.chat_models():
        for o in model.offers:
            if o.off_peak is None or o.deprecated or not o.priced:
                continue
            if query.providers and o.provider not in query.providers and model.maker not in query.providers:
                continue
            found.append((model.id, o, o.off_peak))
    found.sort(key=lambda f: ((f[2].input or 0.0) + (f[2].output or 0.0), f[0]))
    hour = query.at_hour
    if not found:
        verdict = "No offer in my data sells off-peak prices; the batch API (about 50% off where sold) is the usual way to pay less for work that can wait."
        return Answer(intent=query.intent, title="Off-peak prices", verdict=verdict, query=query)
    names = ", ".join(dict.fromkeys(f"{mid} at {o.provider_name}" for mid, o, _ in found[:4]))
    verdict = f"Yes: {len(found)} {'offer sells' if len(found) == 1 else 'offers sell'} off-peak prices in my data, {names}"
    verdict += f"{' and more' if len(found) > 4 else ''}; {_discount(*found[0][1:])} off outside peak hours."
    if hour is not None:
        cheap = [f for f in found if _off_at(f[2], hour)]
        verdict += (f" At {hour:02d}:00 UTC on a weekday, {len(cheap)} of them {'is' if len(cheap) == 1 else 'are'} off-peak."
                    if cheap else f" But {hour:02d}:00 UTC on a weekday is a peak hour for all of them: run at another hour, or on a weekend.")  # fmt: skip
    rows = [
        [cell(mid, mid), cell(o.provider, o.provider_name), cell(o.input_price, _short(o.input_price, o.output_price)),
         cell(off.input, _short(off.input, off.output)), cell(window_text(off), window_text(off))]
        for mid, o, off in found
    ]  # fmt: skip
    table = simple_table(
        "Off-peak prices (per 1M tokens)",
        [("model", "Model", "text"), ("provider", "Provider", "text"), ("list", "List price", "text"),
         ("off_peak", "Off-peak", "text"), ("when", "Off-peak hours", "text")],
        rows,
    )  # fmt: skip
    sources = ", ".join(dict.fromkeys(SOURCE_NAMES.get(off.source, off.source) for _, _, off in found))
    notes = [
        Note(kind="data", text=f"Off-peak windows and prices: {sources}. Hours are UTC; a weekend window follows the day in its own time zone where the source gives one."),
        Note(kind="tip", text="Work that can wait a day also fits a batch API (`overnight batch` in your question prices it)."),
    ]  # fmt: skip
    return Answer(intent=query.intent, title="Off-peak prices", verdict=verdict, tables=[table], notes=notes, query=query, total=len(found))


def _short(inp: float | None, out: float | None) -> str:
    return f"{fmt.price(inp)}/{fmt.price(out)}"


def _discount(offer: Offer, off: OffPeak) -> str:
    if not offer.input_price or off.input is None:
        return "a lower price"
    return f"{(1 - off.input / offer.input_price) * 100:.0f}%"


def _off_at(off: OffPeak, hour: int) -> bool:
    """Whether `hour` (UTC, a weekday) falls in one of the off-peak windows."""
    at = f"{hour:02d}:00"
    for w in off.windows:
        if not set(w.weekdays) & {1, 2, 3, 4, 5}:
            continue
        end = "24:00" if w.end == "00:00" else w.end
        if w.start == w.end == "00:00" or w.start <= at < end:
            return True
    return False
