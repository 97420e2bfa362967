"""The Slack app end to end: real bolt behind the real HTTP server (uvicorn on 127.0.0.1, port 0), Slack-shaped
signed requests, and a fake Slack Web API (tests/fakeslack.py) that records what the app sent.

Nothing sleeps to synchronise: tests wait on the fake's condition variable (a call arrived) or on a log record (a
retry or a bot message was dropped), each with a timeout. Most tests use `CannedCore`, a stand-in for the parser
that knows a handful of questions and answers them with the real intents and catalogue, so they pin the adapter
(what reached the core, what reached Slack). Tests marked `needs_parser` run the real `bot.assistant.safe_ask`.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest
from fakeslack import (
    APP_TOKEN,
    BOT_ID,
    BOT_TOKEN,
    BOT_USER,
    SIGNING_SECRET,
    Call,
    FakeSlack,
    action_body,
    command_body,
    direct_message,
    event_body,
    mention,
    sign,
)

from adapters.chat.ratelimit import RateLimiter
from adapters.chat.state import MemoryState
from adapters.slack.app import api_base_url, build_app, slack_question, socket_mode_handler
from adapters.slack.blocks import button_action_id
from adapters.slack.server import RunningServer, build_asgi, start_in_thread
from adapters.slack.shortcut import SHORTCUT_ID
from bot.assistant import Assistant
from bot.catalogue.store import Catalogue
from bot.contract.answer import Action, Answer, Cell, Column, Row, Table
from bot.contract.query import Query
from bot.intents.registry import answer_for
from bot.runtime.logs import RedactSecrets
from bot.runtime.settings import Settings, SettingsError, load_settings

HAS_PARSER = importlib.util.find_spec("bot.parse.pipeline") is not None
needs_parser = pytest.mark.skipif(not HAS_PARSER, reason="bot/parse.py (the parser) is not in the tree yet")
ACK_LIMIT = 3.0  # Slack's deadline for the HTTP response
SHOW_MORE, COMPARE_TOP2 = button_action_id("more"), button_action_id("compare")
CLASSIFY = "cheapest for 50M tokens of classification"


# --------------------------------------------------------------------------------------------------------- helpers


class CannedCore(Assistant):
    """A few known questions -> queries, answered by the real intents. Records what the adapter passed in."""

    QUESTIONS = {
        CLASSIFY.lower(): Query(intent="recommend", task="classification", sort_by="cost", tokens_per_month=5e7),
        "what about 100m tokens?": Query(followup=True, tokens_per_month=1e8),
        "gpt-4.1 mini vs nano": Query(intent="compare", models=["gpt-4.1-mini", "gpt-4.1-nano"]),
    }

    def __init__(self, catalogue: Catalogue) -> None:
        super().__init__(catalogue)
        self.asked: list[tuple[str, Query | None]] = []
        self.queried: list[tuple[Query, int]] = []
        self.gate: threading.Event | None = None  # when set, ask() waits for it: "the core is still working"
        self.fail: Exception | None = None
        self.fixed: Answer | None = None  # a fixed answer to return

    def ask(self, text: str, previous: Query | None = None) -> Answer:
        self.asked.append((text, previous))
        if self.gate is not None:
            assert self.gate.wait(10), "test never released the core"
        if self.fail is not None:
            raise self.fail
        if self.fixed is not None:
            return self.fixed
        query = self.QUESTIONS.get(text.lower(), Query(intent="unknown", unknown_models=[text]))
        if query.followup and previous is not None:
            query = previous.model_copy(update={"tokens_per_month": query.tokens_per_month})
        return answer_for(query, self.catalogue)

    def answer(self, query: Query, offset: int = 0) -> Answer:
        self.queried.append((query, offset))
        return answer_for(query, self.catalogue, offset=offset)


class LogWaiter(logging.Handler):
    """Collects log records; `wait` blocks until one matches (a dropped retry leaves no other trace)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []
        self.cond = threading.Condition()

    def emit(self, record: logging.LogRecord) -> None:
        with self.cond:
            self.records.append(record)
            self.cond.notify_all()

    def wait(self, predicate: Callable[[str], bool], count: int = 1, timeout: float = 10.0) -> list[str]:
        def matching() -> list[str]:
            return [m for m in (r.getMessage() for r in self.records) if predicate(m)]

        with self.cond:
            assert self.cond.wait_for(lambda: len(matching()) >= count, timeout), [r.getMessage() for r in self.records]
            return matching()


@dataclass
class Harness:
    fake: FakeSlack
    server: RunningServer
    http: httpx.Client
    core: Any
    logs: LogWaiter
    state: MemoryState
    last_elapsed: float = 0.0
    ts: Iterator[int] = field(default_factory=lambda: iter(range(1, 10_000)))

    def send(
        self,
        body: bytes,
        ctype: str,
        *,
        headers: dict[str, str] | None = None,
        signed: bool = True,
        timestamp: int | None = None,
    ) -> httpx.Response:
        all_headers = {"Content-Type": ctype, **(sign(body, timestamp) if signed else {}), **(headers or {})}
        started = time.monotonic()
        response = self.http.post("/slack/events", content=body, headers=all_headers)
        self.last_elapsed = time.monotonic() - started
        return response

    def command(self, text: str, name: str = "cmd", **kw: Any) -> httpx.Response:
        body, ctype = command_body(text, self.fake.response_url(name), **kw)
        return self.send(body, ctype)

    def event(self, event: dict[str, Any], event_id: str | None = None, **kw: Any) -> httpx.Response:
        body, ctype = event_body(event, event_id or f"Ev{next(self.ts):04d}")
        return self.send(body, ctype, **kw)

    def click(
        self, action_id: str, value: str, name: str, message_ts: str, thread_ts: str | None = None
    ) -> httpx.Response:
        body, ctype = action_body(action_id, value, self.fake.response_url(name), message_ts, thread_ts)
        return self.send(body, ctype)

    def new_ts(self) -> str:
        return f"1700000{next(self.ts):03d}.000200"


def test_settings(fake: FakeSlack, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "slack_bot_token": BOT_TOKEN,
        "slack_signing_secret": SIGNING_SECRET,
        "slack_api_url": fake.api_url,
        "slack_app_token": None,
    }
    values.update(overrides)
    return load_settings(**values)


test_settings.__test__ = False  # type: ignore[attr-defined]  # a helper, not a test


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as f:
        yield f


@pytest.fixture
def logs() -> Iterator[LogWaiter]:
    waiter = LogWaiter()
    logger = logging.getLogger("whichmodel")
    old = logger.level
    logger.addHandler(waiter)
    logger.setLevel(logging.DEBUG)
    yield waiter
    logger.removeHandler(waiter)
    logger.setLevel(old)


@pytest.fixture
def start(fake: FakeSlack, logs: LogWaiter, catalogue: Catalogue) -> Iterator[Callable[..., Harness]]:
    running: list[Harness] = []

    def _start(core: Any = None, limiter: RateLimiter | None = None, settings: Settings | None = None) -> Harness:
        core = core if core is not None else CannedCore(catalogue)
        state = MemoryState(limiter or RateLimiter(1000, 1000))
        app = build_app(settings or test_settings(fake), assistant=core, state=state)
        server = start_in_thread(build_asgi(app, SIGNING_SECRET, state))
        harness = Harness(fake, server, httpx.Client(base_url=server.url, timeout=10), core, logs, state)
        running.append(harness)
        return harness

    yield _start
    for harness in running:
        harness.http.close()
        harness.server.stop()


def types(call: Call) -> list[str]:
    return call.block_types


def table_of(call: Call) -> list[list[str]]:
    table = next(b for b in call.blocks if b["type"] == "table")
    return [[cell["text"] for cell in row] for row in table["rows"]]


def button(call: Call, action_id: str) -> str:
    return next(
        e["value"] for b in call.blocks if b["type"] == "actions" for e in b["elements"] if e["action_id"] == action_id
    )


# ------------------------------------------------------------------------------------------------ slash command


def test_slash_command_is_acked_within_3s_while_the_core_is_still_working(start: Callable[..., Harness]) -> None:
    h = start()
    h.core.gate = threading.Event()
    response = h.command(CLASSIFY)
    assert response.status_code == 200 and h.last_elapsed < ACK_LIMIT
    assert h.fake.find("respond") == []  # the answer comes after the ack, not in it
    h.core.gate.set()
    (call,) = h.fake.wait_calls("respond", "cmd")
    assert call.params["response_type"] == "in_channel" and call.params["replace_original"] is False
    assert types(call)[:2] == ["header", "section"] and "table" in types(call)
    assert h.core.asked == [(CLASSIFY, None)]
    assert table_of(call)[1][1] == answer_for(CannedCore.QUESTIONS[CLASSIFY.lower()], h.core.catalogue).rows[0].model


@pytest.mark.parametrize("text", ["", "help", "  HELP "])
def test_help_and_a_bare_command_go_only_to_the_asker(start: Callable[..., Harness], text: str) -> None:
    h = start()
    assert h.command(text).status_code == 200
    (call,) = h.fake.wait_calls("respond", "cmd")
    assert call.params["response_type"] == "ephemeral"
    assert "which LLM" in call.params["text"]
    assert h.core.asked == []  # help never needs the parser


def test_an_error_answer_goes_only_to_the_asker(start: Callable[..., Harness]) -> None:
    h = start()
    h.command("tell me about gpt-9000-ultra")
    (call,) = h.fake.wait_calls("respond", "cmd")
    assert call.params["response_type"] == "ephemeral"
    assert "gpt-9000-ultra" in call.all_text()


def test_a_follow_up_command_refines_the_users_last_command_in_that_channel(start: Callable[..., Harness]) -> None:
    h = start()
    h.command(CLASSIFY, name="first")
    h.fake.wait_calls("respond", "first")
    h.command("what about 100M tokens?", name="second")
    (call,) = h.fake.wait_calls("respond", "second")
    assert h.core.asked[1] == ("what about 100M tokens?", CannedCore.QUESTIONS[CLASSIFY.lower()])
    assert "100M" in call.params["text"]
    h.command("what about 100M tokens?", name="other", user="U0BOB")  # another user starts afresh
    h.fake.wait_calls("respond", "other")
    assert h.core.asked[2][1] is None


# --------------------------------------------------------------------------------------------------- signatures


def test_a_bad_signature_is_refused_with_401_and_never_answered(start: Callable[..., Harness]) -> None:
    h = start()
    body, ctype = command_body(CLASSIFY, h.fake.response_url("cmd"))
    headers = sign(body)
    headers["X-Slack-Signature"] = headers["X-Slack-Signature"][:-4] + "0000"
    assert h.send(body, ctype, signed=False, headers=headers).status_code == 401
    assert h.send(body, ctype, signed=False).status_code == 401  # unsigned
    forged = sign(body, secret="not-the-secret")
    assert h.send(body, ctype, signed=False, headers=forged).status_code == 401
    assert h.core.asked == [] and h.fake.find("respond") == []


def test_a_request_older_than_5_minutes_is_refused_with_401(start: Callable[..., Harness]) -> None:
    h = start()
    body, ctype = event_body(mention(f"<@{BOT_USER}> {CLASSIFY}", h.new_ts()), "EvOld")
    assert h.send(body, ctype, timestamp=int(time.time()) - 6 * 60).status_code == 401
    assert h.send(body, ctype, timestamp=int(time.time()) + 6 * 60).status_code == 401  # from the future, too
    assert h.core.asked == []
    assert h.send(body, ctype, timestamp=int(time.time()) - 60).status_code == 200  # within the window: fine
    h.fake.wait_calls("api", "chat.postMessage")


# ------------------------------------------------------------------------------------------------------- events


def test_a_mention_is_answered_in_its_thread_without_the_mention(start: Callable[..., Harness]) -> None:
    h = start()
    ts = h.new_ts()
    response = h.event(mention(f"<@{BOT_USER}> {CLASSIFY}", ts))
    assert response.status_code == 200 and h.last_elapsed < ACK_LIMIT
    (call,) = h.fake.wait_calls("api", "chat.postMessage")
    assert call.params["channel"] == "C0GENERAL" and call.params["thread_ts"] == ts
    assert call.headers["Authorization"] == f"Bearer {BOT_TOKEN}"
    assert "table" in types(call) and types(call)[-2:] == ["actions", "context_actions"]
    assert h.core.asked == [(CLASSIFY, None)]


def test_a_retried_event_is_answered_once(start: Callable[..., Harness]) -> None:
    h = start()
    body, ctype = event_body(mention(f"<@{BOT_USER}> {CLASSIFY}", h.new_ts()), "EvRetry1")
    now = int(time.time())
    assert h.send(body, ctype, timestamp=now).status_code == 200
    retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    # Slack signs each retry afresh (a new timestamp): the event id is what repeats
    assert h.send(body, ctype, headers=retry, timestamp=now + 1).status_code == 200
    assert h.send(body, ctype, headers={**retry, "X-Slack-Retry-Num": "2"}, timestamp=now + 2).status_code == 200
    h.logs.wait(lambda m: "EvRetry1 already answered" in m, count=2)
    h.fake.wait_calls("api", "chat.postMessage")
    assert len(h.fake.find("api", "chat.postMessage")) == 1
    assert len(h.core.asked) == 1


def test_a_replayed_signed_request_is_acknowledged_and_answered_once(start: Callable[..., Harness]) -> None:
    h = start()
    body, ctype = command_body(CLASSIFY, h.fake.response_url("replayed"))
    headers = sign(body)
    assert h.send(body, ctype, signed=False, headers=headers).status_code == 200
    assert h.send(body, ctype, signed=False, headers=headers).status_code == 200  # the same bytes, signature, time
    h.logs.wait(lambda m: "replayed" in m)
    h.fake.wait_calls("respond", "replayed")
    h.logs.wait(lambda m: m.startswith("slack/command question"))
    assert len(h.fake.find("respond", "replayed")) == 1 and len(h.core.asked) == 1


def test_a_follow_up_in_the_thread_refines_the_threads_last_query(start: Callable[..., Harness]) -> None:
    h = start()
    root = h.new_ts()
    h.event(mention(f"<@{BOT_USER}> {CLASSIFY}", root))
    h.fake.wait_calls("api", "chat.postMessage")
    h.event(mention(f"<@{BOT_USER}> what about 100M tokens?", h.new_ts(), thread_ts=root))
    first, second = h.fake.wait_calls("api", "chat.postMessage", count=2)
    assert second.params["thread_ts"] == root
    assert h.core.asked[1] == ("what about 100M tokens?", CannedCore.QUESTIONS[CLASSIFY.lower()])
    assert "100M" in second.params["text"] and "classification" in second.params["text"]
    h.event(mention(f"<@{BOT_USER}> what about 100M tokens?", h.new_ts()))  # a new thread knows nothing
    h.logs.wait(lambda m: m.startswith("slack/mention question"), count=3)
    assert h.core.asked[2][1] is None


def test_a_direct_message_is_answered_in_its_thread(start: Callable[..., Harness]) -> None:
    h = start()
    ts = h.new_ts()
    assert h.event(direct_message(CLASSIFY, ts)).status_code == 200
    (call,) = h.fake.wait_calls("api", "chat.postMessage")
    assert call.params["channel"] == "D0ANN" and call.params["thread_ts"] == ts
    assert "table" in types(call)
    # a new top-level DM follows up the conversation's last answer
    h.event(direct_message("what about 100M tokens?", h.new_ts()))
    h.fake.wait_calls("api", "chat.postMessage", count=2)
    assert h.core.asked[1][1] == CannedCore.QUESTIONS[CLASSIFY.lower()]


def test_bot_messages_and_edits_are_ignored(start: Callable[..., Harness]) -> None:
    h = start()
    h.event(direct_message(CLASSIFY, h.new_ts(), bot_id="B0OTHER"))
    h.event(direct_message(CLASSIFY, h.new_ts(), subtype="message_changed"))
    h.event(direct_message(CLASSIFY, h.new_ts(), user=BOT_USER, bot_id=BOT_ID))  # our own: bolt drops it
    h.logs.wait(lambda m: m.startswith("slack: ignored a message"), count=2)
    h.event(direct_message(CLASSIFY, h.new_ts()))
    h.fake.wait_calls("api", "chat.postMessage")
    h.logs.wait(lambda m: m.startswith("slack/dm question"))
    assert len(h.fake.find("api", "chat.postMessage")) == 1 and len(h.core.asked) == 1


def test_channel_mentions_in_a_question_are_escaped_and_never_notify(start: Callable[..., Harness]) -> None:
    h = start()
    # What Slack sends when someone types "@channel" and a literal "<!here>" in their question
    h.event(mention(f"<@{BOT_USER}> tell me about <!channel> &lt;!here&gt; &amp; <@U0EVE>", h.new_ts()))
    (call,) = h.fake.wait_calls("api", "chat.postEphemeral")  # an unknown model: only the asker sees it
    assert h.core.asked[0][0] == "tell me about @channel <!here> &"
    seen = json.dumps({"text": call.params["text"], "blocks": call.blocks})
    assert "<!" not in seen and "<@" not in seen
    assert "&lt;!here&gt;" in call.all_text()
    assert call.params["user"] == "U0ANN"


def test_a_slash_command_cannot_smuggle_markup_into_the_channel(start: Callable[..., Harness]) -> None:
    h = start()
    h.core.fixed = Answer(
        intent="recommend", title="<!channel> hi", verdict="<!everyone> & <@U0EVE>", query=Query(intent="recommend")
    )
    h.command("anything")
    (call,) = h.fake.wait_calls("respond", "cmd")
    assert call.params["response_type"] == "in_channel"
    seen = json.dumps({"text": call.params["text"], "blocks": call.blocks})
    assert "<!" not in seen and "<@" not in seen and "&lt;!everyone&gt; &amp; &lt;@U0EVE&gt;" in seen


# ---------------------------------------------------------------------------------------------- table fallback


def test_a_rejected_table_is_resent_once_as_a_monospace_table(start: Callable[..., Harness]) -> None:
    h = start()
    h.fake.reject_tables = True
    h.event(mention(f"<@{BOT_USER}> {CLASSIFY}", h.new_ts()))
    rejected, fallback = h.fake.wait_calls("api", "chat.postMessage", count=2)
    assert rejected.error == "invalid_blocks" and "table" in types(rejected)
    assert fallback.ok and "table" not in types(fallback)
    code = "\n".join(b["text"]["text"] for b in fallback.blocks if b["type"] == "section")
    assert "```" in code and all(model in code for model in (r[1] for r in table_of(rejected)[1:]))
    h.logs.wait(lambda m: "invalid_blocks" in m)
    h.event(mention(f"<@{BOT_USER}> {CLASSIFY}", h.new_ts()))  # next sentinel: no third attempt for the first
    h.fake.wait_calls("api", "chat.postMessage", count=4)
    assert len(h.fake.find("api", "chat.postMessage")) == 4


def test_a_rejected_table_through_response_url_falls_back_too(start: Callable[..., Harness]) -> None:
    h = start()
    h.fake.reject_tables = True
    h.command(CLASSIFY)
    rejected, fallback = h.fake.wait_calls("respond", "cmd", count=2)
    assert not rejected.ok and fallback.ok and "table" not in types(fallback)
    assert fallback.params["response_type"] == "in_channel"


# ------------------------------------------------------------------------------------------------------ buttons


def test_show_more_posts_the_next_rows_in_the_same_thread(start: Callable[..., Harness]) -> None:
    h = start()
    root = h.new_ts()
    h.event(mention(f"<@{BOT_USER}> {CLASSIFY}", root))
    (first,) = h.fake.wait_calls("api", "chat.postMessage")
    shown = len(table_of(first)) - 1
    response = h.click(SHOW_MORE, button(first, SHOW_MORE), "more", message_ts=h.new_ts(), thread_ts=root)
    assert response.status_code == 200 and h.last_elapsed < ACK_LIMIT
    (call,) = h.fake.wait_calls("respond", "more")
    assert call.params["thread_ts"] == root and call.params["response_type"] == "in_channel"
    assert h.core.queried == [(CannedCore.QUESTIONS[CLASSIFY.lower()], shown)]
    assert table_of(call)[1][0] == str(shown + 1)  # ranks continue


def test_compare_top2_compares_the_first_two_models(start: Callable[..., Harness]) -> None:
    h = start()
    h.command(CLASSIFY)
    (first,) = h.fake.wait_calls("respond", "cmd")
    top = [row[1] for row in table_of(first)[1:3]]
    h.click(COMPARE_TOP2, button(first, COMPARE_TOP2), "cmp", message_ts=h.new_ts())
    (call,) = h.fake.wait_calls("respond", "cmp")
    query, offset = h.core.queried[0]
    assert query.intent == "compare" and query.models == top and query.task == "classification" and offset == 0
    assert query.tokens_per_month == 5e7
    assert all(model in call.all_text() for model in top)
    assert "thread_ts" not in call.params  # the button was on a top-level message


def test_a_forged_button_gets_a_polite_note_only_for_the_clicker(start: Callable[..., Harness]) -> None:
    h = start()
    h.click(SHOW_MORE, '{"q": {"intent": "drop tables"}}', "forged", message_ts=h.new_ts())
    (call,) = h.fake.wait_calls("respond", "forged")
    assert call.params["response_type"] == "ephemeral" and "ask the question again" in call.params["text"]
    assert h.core.queried == []


# ------------------------------------------------------------------------------------------------ rate, errors


def test_the_rate_limit_answers_politely_and_only_to_the_asker(start: Callable[..., Harness]) -> None:
    now = [0.0]
    h = start(limiter=RateLimiter(capacity=1, per_minute=2, clock=lambda: now[0]))
    h.command(CLASSIFY, name="one")
    (one,) = h.fake.wait_calls("respond", "one")
    h.command(CLASSIFY, name="two")
    (two,) = h.fake.wait_calls("respond", "two")
    assert one.params["response_type"] == "in_channel"
    assert two.params["response_type"] == "ephemeral" and "try again in about 30 seconds" in two.params["text"]
    h.event(mention(f"<@{BOT_USER}> {CLASSIFY}", h.new_ts()))
    (note,) = h.fake.wait_calls("api", "chat.postEphemeral")
    assert "try again" in note.params["text"] and note.params["user"] == "U0ANN"
    assert len(h.core.asked) == 1
    now[0] += 30  # half a minute later, a token is back
    h.command(CLASSIFY, name="three")
    (three,) = h.fake.wait_calls("respond", "three")
    assert three.params["response_type"] == "in_channel"


@needs_parser
def test_a_core_exception_becomes_an_apology_with_the_logged_error_id(
    start: Callable[..., Harness], settings_real: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bot.assistant

    def broken(*args: Any, **kwargs: Any) -> Answer:
        raise RuntimeError("the catalogue caught fire")

    monkeypatch.setattr(bot.assistant, "answer_for", broken)
    h = start(core=Assistant(policy=settings_real.policy()), settings=settings_real)
    h.event(mention(f"<@{BOT_USER}> {CLASSIFY}", h.new_ts()))
    (call,) = h.fake.wait_calls("api", "chat.postEphemeral")
    (logged,) = h.logs.wait(lambda m: "the core failed" in m)
    error_id = logged.split("error_id=")[1].split(":")[0]
    assert error_id and error_id in call.params["text"] and "Sorry" in call.all_text()
    assert any(r.exc_info and "caught fire" in str(r.exc_info[1]) for r in h.logs.records)


@needs_parser
def test_an_exception_in_the_adapter_boundary_is_an_apology_too(start: Callable[..., Harness]) -> None:
    h = start()
    h.core.fail = RuntimeError("boom")
    h.command(CLASSIFY)
    (call,) = h.fake.wait_calls("respond", "cmd")
    assert call.params["response_type"] == "ephemeral" and "Sorry" in call.all_text()
    (logged,) = h.logs.wait(lambda m: "the Slack adapter failed" in m)
    assert logged.split("error_id=")[1].split(":")[0] in call.params["text"]


# -------------------------------------------------------------------------------------------------- big tables


def test_a_table_too_big_for_slack_is_cut_and_uploaded_whole_as_csv(start: Callable[..., Harness]) -> None:
    h = start()
    columns = [Column(key="rank", label="#", align="right", unit="count"), Column(key="model", label="Model")]
    rows = [[Cell(value=i, text=str(i)), Cell(value=f"m{i}", text=f"model-{i}")] for i in range(1, 151)]
    h.core.fixed = Answer(
        intent="list",
        title="Many models",
        verdict="150 models.",
        tables=[Table(columns=columns, rows=rows)],
        rows=[Row(model=f"model-{i}", name=f"M{i}") for i in range(1, 151)],
        total=300,
        query=Query(intent="list"),
        actions=[Action(kind="more", label="Show more", query=Query(intent="list"), offset=150)],
    )
    root = h.new_ts()
    h.event(mention(f"<@{BOT_USER}> list everything", root))
    (post,) = h.fake.wait_calls("api", "chat.postMessage")
    assert len(table_of(post)) == 100  # header + 99
    (complete,) = h.fake.wait_calls("api", "files.completeUploadExternal")
    (upload,) = h.fake.find("upload")
    assert complete.params["thread_ts"] == root and complete.params["channel_id"] == "C0GENERAL"
    lines = upload.raw.decode().splitlines()
    assert len(lines) == 151 and lines[-1] == "150,model-150"
    more = h.state.action(button(post, SHOW_MORE))
    assert more is not None and more[1] == 99  # continues after the last row the message could show


# --------------------------------------------------------------------------------------------------- Socket Mode


def test_socket_mode_answers_a_mention_and_a_command_without_any_http_server(
    fake: FakeSlack, catalogue: Catalogue
) -> None:
    settings = test_settings(fake, slack_app_token=APP_TOKEN, slack_signing_secret=None)  # no secret needed here
    core = CannedCore(catalogue)
    app = build_app(settings, assistant=core, state=MemoryState(RateLimiter(1000, 1000)))
    handler = socket_mode_handler(app, settings)
    handler.connect()
    try:
        fake.wait_calls("socket", "connected")
        (opened,) = fake.find("api", "apps.connections.open")
        assert opened.headers["Authorization"] == f"Bearer {APP_TOKEN}"
        ts = "1700000001.000100"
        event = json.loads(event_body(mention(f"<@{BOT_USER}> {CLASSIFY}", ts), "EvSocket1")[0])
        fake.socket_send(
            {
                "envelope_id": "env-1",
                "type": "events_api",
                "payload": event,
                "accepts_response_payload": False,
                "retry_attempt": 0,
                "retry_reason": "",
            }
        )
        command = dict(parse_qsl(command_body("help", fake.response_url("sock"))[0].decode()))
        fake.socket_send(
            {"envelope_id": "env-2", "type": "slash_commands", "payload": command, "accepts_response_payload": True}
        )
        acks = fake.wait_calls("socket", "ack", count=2)
        assert {a.params["envelope_id"] for a in acks} == {"env-1", "env-2"}
        (post,) = fake.wait_calls("api", "chat.postMessage")
        assert post.params["thread_ts"] == ts and "table" in types(post)
        (help_call,) = fake.wait_calls("respond", "sock")
        assert help_call.params["response_type"] == "ephemeral"
    finally:
        handler.close()


# ------------------------------------------------------------------------------------------ server, config, text


def test_healthz_and_unknown_paths(start: Callable[..., Harness]) -> None:
    h = start()
    health = h.http.get("/healthz").json()
    assert health["status"] == "ok" and health["models"] > 1000 and health["as_of"]
    assert h.http.get("/slack/events").status_code in (404, 405)
    assert h.http.post("/elsewhere").status_code == 404
    big = h.http.post("/slack/events", content=b"x" * 1_100_000, headers={"Content-Type": "text/plain", **sign(b"x")})
    assert big.status_code == 413  # refused on its Content-Length, before reading it
    unsigned = h.http.post("/slack/events", content=b"x" * 1_100_000, headers={"Content-Type": "text/plain"})
    assert unsigned.status_code == 401  # no signature headers: refused before anything else


def test_the_web_client_talks_to_slack_api_url(start: Callable[..., Harness], fake: FakeSlack) -> None:
    start()
    (auth,) = fake.wait_calls("api", "auth.test")  # bolt checks the token at start-up, against the fake
    assert auth.headers["Authorization"] == f"Bearer {BOT_TOKEN}"
    assert api_base_url("http://proxy.example/api") == "http://proxy.example/api/"
    assert api_base_url(None) == "https://slack.com/api/"


def test_the_manifest_declares_the_command_events_scopes_and_socket_mode() -> None:
    import yaml

    manifest = yaml.safe_load((Path(__file__).resolve().parents[2] / "adapters" / "slack" / "manifest.yml").read_text())
    features, settings = manifest["features"], manifest["settings"]
    assert [c["command"] for c in features["slash_commands"]] == ["/whichmodel"]
    assert features["app_home"]["messages_tab_enabled"] is True
    assert features["app_home"]["messages_tab_read_only_enabled"] is False
    assert set(manifest["oauth_config"]["scopes"]["bot"]) == {
        "commands",
        "app_mentions:read",
        "chat:write",
        "im:history",
        "files:write",
        "assistant:write",
        "im:write",
        "channels:history",
        "groups:history",
        "reactions:read",
        "channels:read",
        "groups:read",
    }
    assert set(settings["event_subscriptions"]["bot_events"]) == {
        "app_mention",
        "message.im",
        "assistant_thread_started",
        "assistant_thread_context_changed",
        "app_home_opened",
        "message.channels",
        "message.groups",
        "reaction_added",
    }
    assert features["app_home"]["home_tab_enabled"] is True
    assert [(s["type"], s["callback_id"]) for s in features["shortcuts"]] == [("message", SHORTCUT_ID)]
    assert settings["interactivity"]["is_enabled"] is True and settings["socket_mode_enabled"] is True


def test_http_mode_needs_the_signing_secret(fake: FakeSlack) -> None:
    with pytest.raises(SettingsError, match="SLACK_SIGNING_SECRET"):
        build_app(test_settings(fake, slack_signing_secret=None), assistant=object())  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("<@U0BOT> cheapest for 50M", "cheapest for 50M"),
        ("<@U0BOT|whichmodel>   gpt-4.1 mini vs nano <@W0X>", "gpt-4.1 mini vs nano"),
        ("<!channel> <!here|here> price", "@channel @here price"),
        (
            "in <#C123|general> see <https://models.dev|models.dev> and <https://x.test>",
            "in #general see models.dev and https://x.test",
        ),
        ("a &lt;b&gt; &amp;amp; c <!subteam^S1|@team>", "a <b> &amp; c @team"),
        ("", ""),
    ],
)
def test_question_text_undoes_slack_markup(raw: str, clean: str) -> None:
    assert slack_question(raw) == clean


def test_secrets_are_redacted_from_log_lines() -> None:
    record = logging.LogRecord(
        "x", logging.INFO, __file__, 1, "token %s secret %s app xapp-1-A-2-abc", (BOT_TOKEN, SIGNING_SECRET), None
    )
    RedactSecrets([BOT_TOKEN, SIGNING_SECRET]).filter(record)
    message = record.getMessage()
    assert BOT_TOKEN not in message and SIGNING_SECRET not in message and "xapp-1-A" not in message
    assert "[redacted]" in message


# --------------------------------------------------------------------------------------- the real core and CLI


@pytest.fixture
def settings_real(fake: FakeSlack) -> Settings:
    return test_settings(fake)


@needs_parser
def test_real_core_thread_follow_up_and_dm(start: Callable[..., Harness], settings_real: Settings) -> None:
    h = start(core=Assistant(policy=settings_real.policy()), settings=settings_real)
    root = h.new_ts()
    h.event(mention(f"<@{BOT_USER}> {CLASSIFY}", root))
    (first,) = h.fake.wait_calls("api", "chat.postMessage")
    assert "50M" in first.params["text"]
    h.event(mention(f"<@{BOT_USER}> what about 100M tokens?", h.new_ts(), thread_ts=root))
    _, second = h.fake.wait_calls("api", "chat.postMessage", count=2)
    assert second.params["thread_ts"] == root
    assert "100M" in second.params["text"] and "classification" in second.params["text"].lower()
    dm_ts = h.new_ts()
    h.event(direct_message("GPT-4.1 mini vs GPT-4.1 nano", dm_ts))
    third = h.fake.wait_calls("api", "chat.postMessage", count=3)[2]
    assert third.params["channel"] == "D0ANN" and third.params["thread_ts"] == dm_ts
    assert "gpt-4.1" in third.all_text().lower()


@needs_parser
def test_real_core_escapes_an_unknown_model_named_like_a_mention(
    start: Callable[..., Harness], settings_real: Settings
) -> None:
    h = start(core=Assistant(policy=settings_real.policy()), settings=settings_real)
    h.command("tell me about &lt;!channel&gt;-9000 <!here>")
    (call,) = h.fake.wait_calls("respond", "cmd")
    seen = json.dumps({"text": call.params["text"], "blocks": call.blocks})
    assert "<!" not in seen


@needs_parser
def test_whichmodel_slack_cli_serves_signed_requests_on_its_port(fake: FakeSlack, tmp_path: Path) -> None:
    """`whichmodel slack --port 0` as a user runs it: HTTP mode, the port in the log, a help command answered."""
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": fake.api_url,
        "WHICHMODEL_CACHE_DIR": str(tmp_path),
        "WHICHMODEL_LOG_LEVEL": "DEBUG",
    }
    env.pop("SLACK_APP_TOKEN", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "adapters.cli", "slack", "--port", "0", "--host", "127.0.0.1"],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    lines: list[str] = []
    port: list[int] = []
    ready = threading.Event()

    def read() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            lines.append(line)
            found = re.search(r"listening on http://[\w.]+:(\d+)", line)
            if found and not port:
                port.append(int(found.group(1)))
                ready.set()
        ready.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        assert ready.wait(60) and port, "".join(lines)
        body, ctype = command_body("help", fake.response_url("cli"))
        started = time.monotonic()
        response = httpx.post(
            f"http://127.0.0.1:{port[0]}/slack/events", content=body, headers={"Content-Type": ctype, **sign(body)}
        )
        assert response.status_code == 200 and time.monotonic() - started < ACK_LIMIT
        (call,) = fake.wait_calls("respond", "cli", timeout=30)
        assert call.params["response_type"] == "ephemeral"
        bad = httpx.post(f"http://127.0.0.1:{port[0]}/slack/events", content=body, headers={"Content-Type": ctype})
        assert bad.status_code == 401
        assert httpx.get(f"http://127.0.0.1:{port[0]}/healthz").json()["status"] == "ok"
    finally:
        proc.terminate()
        proc.wait(20)
        reader.join(10)
        assert proc.stderr is not None
        proc.stderr.close()
    log_text = "".join(lines)
    assert BOT_TOKEN not in log_text and SIGNING_SECRET not in log_text
