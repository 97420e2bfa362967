"""FAQ manners every platform shares (adapters/chat/faq.py): the mode, once per message, busy threads, the
per-channel rate limit, the ✖ line and removal notes, over the memory store and the real parser."""

from __future__ import annotations

import logging

import pytest

from adapters.chat.faq import FOOTER, FaqChannels, Place, faq_words, with_footer
from adapters.chat.state import MemoryState
from bot.assistant import Assistant
from bot.catalogue.store import Catalogue

QUESTION = "which model is cheapest for tagging 50M tokens of support tickets a month?"
HERE = Place("slack", "T1", "C1")


@pytest.fixture
def faq(catalogue: Catalogue) -> FaqChannels:
    now = [7200.0]
    channels = FaqChannels(MemoryState(), Assistant(catalogue), threshold=0.6, per_hour=2, clock=lambda: now[0])
    channels.now = now  # type: ignore[attr-defined]
    return channels


@pytest.mark.parametrize(
    ("text", "words"),
    [("faq on", "on"), ("FAQ off", "off"), ("faq", "status"), ("faq enable", "on"), ("faq q", "status")],
)
def test_faq_words_read_the_command(text: str, words: str) -> None:
    assert faq_words(text) == words


@pytest.mark.parametrize("text", ["", "cheapest for 50M tokens", "faq channels are what exactly"])
def test_a_question_is_not_a_faq_command(text: str) -> None:
    assert faq_words(text) is None


def test_answers_end_with_the_x_line() -> None:
    assert with_footer("An answer.\n").endswith("\n\n" + FOOTER) and with_footer("") == FOOTER


def test_a_channel_with_the_mode_off_is_never_answered(faq: FaqChannels) -> None:
    assert faq.consider(HERE, "1.0", "1.0", QUESTION) is None
    faq.turn(HERE, True, "U1")
    assert faq.is_on(HERE) and not faq.is_on(Place("slack", "T1", "C2"))
    answer = faq.consider(HERE, "2.0", "2.0", QUESTION)
    assert answer is not None and answer.intent == "recommend" and answer.rows


def test_each_message_is_considered_once(faq: FaqChannels) -> None:
    faq.turn(HERE, True, "U1")
    assert faq.consider(HERE, "1.0", "1.0", QUESTION) is not None
    assert faq.consider(HERE, "1.0", "1.0", QUESTION) is None


def test_the_rate_limit_allows_per_hour_answers_a_channel_then_refills(faq: FaqChannels) -> None:
    faq.turn(HERE, True, "U1")
    got = [faq.consider(HERE, f"{i}.0", f"{i}.0", QUESTION) is not None for i in range(3)]
    assert got == [True, True, False]
    assert faq.consider(Place("slack", "T1", "C9"), "9.0", "9.0", QUESTION) is None  # mode off there anyway
    faq.now[0] += 3600  # type: ignore[attr-defined]
    assert faq.consider(HERE, "5.0", "5.0", QUESTION) is not None


def test_chatter_and_busy_threads_get_nothing_and_do_not_use_the_rate(faq: FaqChannels) -> None:
    faq.turn(HERE, True, "U1")
    assert faq.consider(HERE, "1.0", "1.0", "lunch at the noodle place?") is None
    faq.reply_seen(HERE, "2.0")
    assert faq.consider(HERE, "2.0", "2.0", QUESTION) is None
    assert [faq.consider(HERE, f"{i}.5", f"{i}.5", QUESTION) is not None for i in range(2)] == [True, True]


def test_removal_needs_an_x_on_a_noted_answer_and_logs_hashes_only(
    faq: FaqChannels, caplog: pytest.LogCaptureFixture
) -> None:
    faq.turn(HERE, True, "U1")
    answer = faq.consider(HERE, "1.0", "1.0", QUESTION)
    assert answer is not None
    faq.answered(HERE, "1.1", QUESTION, answer)
    assert faq.removal(HERE, "1.1", "thumbsup") is None and faq.removal(HERE, "9.9", "x") is None
    note = faq.removal(HERE, "1.1", "heavy_multiplication_x")
    assert note is not None and note["intent"] == "recommend"
    with caplog.at_level(logging.INFO, logger="whichmodel.questions"):
        record = faq.removed(HERE, "1.1", note, "U2")
    assert record["event"] == "faq_removed" and QUESTION not in str(record) and "U2" not in str(record)
    assert len([r for r in caplog.records if r.getMessage() == "slack faq_removed"]) == 1
    assert faq.removal(HERE, "1.1", "x") is None
