"""FAQ channels on Slack end to end: real bolt behind the real HTTP server, Slack-shaped signed `message` and
`reaction_added` events and `/whichmodel faq` commands, the fake Slack Web API, the real parser deciding.

Silence leaves no call to wait for, so each silent case waits for the bot's own debug line about that message.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from itertools import count
from typing import Any

import httpx
import pytest
from fakeslack import BOT_ID, BOT_USER, SIGNING_SECRET, FakeSlack, event_body, mention
from redisserver import RedisServer
from slackpayloads import home_button_body
from test_slack_app import Harness, LogWaiter, fake, logs, test_settings  # noqa: F401 - fixtures

from adapters.chat.faq import FOOTER
from adapters.chat.ratelimit import RateLimiter
from adapters.chat.redis_state import RedisState
from adapters.chat.state import ChatState, MemoryState
from adapters.slack.app import build_app
from adapters.slack.home import HOME_FAQ, NOT_A_MEMBER_TEXT, PICK_FIRST_TEXT
from adapters.slack.server import build_asgi, start_in_thread
from bot.assistant import Assistant
from bot.catalogue.store import Catalogue

FAQ, GENERAL = "C0AIHELP", "C0GENERAL"
QUESTION = "which model is cheapest for tagging 50M tokens of support tickets a month?"
CHATTER = [
    "standup: finished the eval harness, today reviews, no blockers",
    "how do I set max_tokens on sonnet 4.5 with the python sdk?",
    "lunch at the noodle place?",
    "great writeup on evals https://example.com/evals",
    "we moved the summariser to gpt-4.1-mini last week",
]
_ts = count(1)


def new_ts() -> str:
    return f"1700100{next(_ts):03d}.000300"


def channel_message(text: str, ts: str, channel: str = FAQ, user: str = "U0ANN", **extra: Any) -> dict[str, Any]:
    """A `message.channels` event as Slack sends it."""
    event = {
        "type": "message",
        "channel": channel,
        "user": user,
        "text": text,
        "ts": ts,
        "event_ts": ts,
        "channel_type": "channel",
        "client_msg_id": f"msg-{ts}",
    }
    event.update(extra)
    return event


def reaction(name: str, channel: str, ts: str, user: str = "U0BOB") -> dict[str, Any]:
    return {
        "type": "reaction_added",
        "user": user,
        "reaction": name,
        "item_user": BOT_USER,
        "item": {"type": "message", "channel": channel, "ts": ts, "channel_type": "channel"},
        "event_ts": new_ts(),
    }


def thread_answers(slack: FakeSlack, ts: str) -> list[Any]:
    return [c for c in slack.find("api", "chat.postMessage") if c.params.get("thread_ts") == ts]


def answers(slack: FakeSlack, ts: str, n: int = 1) -> list[Any]:
    """Wait for `n` answers in the thread of `ts`; returns them."""
    slack.wait_for(lambda calls: len(thread_answers(slack, ts)) >= n)
    return thread_answers(slack, ts)


def silent(h: Harness, ts: str, reason: str) -> None:
    h.logs.wait(lambda m: f"FAQ: silent on {ts} ({reason}" in m)


@pytest.fixture
def start_faq(fake: FakeSlack, logs: LogWaiter, catalogue: Catalogue) -> Iterator[Callable[..., Harness]]:  # noqa: F811
    running: list[Harness] = []

    def _start(state: ChatState | None = None, **settings: Any) -> Harness:
        state = state or MemoryState(RateLimiter(1000, 1000))
        app = build_app(test_settings(fake, **settings), assistant=Assistant(catalogue), state=state)
        server = start_in_thread(build_asgi(app, SIGNING_SECRET, state))
        harness = Harness(fake, server, httpx.Client(base_url=server.url, timeout=10), None, logs, state)  # type: ignore[arg-type]
        running.append(harness)
        return harness

    yield _start
    for harness in running:
        harness.http.close()
        harness.server.stop()


def faq_on(h: Harness, channel: str = FAQ) -> None:
    assert h.command("faq on", name=f"on-{channel}", channel=channel).status_code == 200
    h.logs.wait(lambda m: m == "slack faq_mode")


# ------------------------------------------------------------------------------------------------------ answering


def test_a_model_question_in_a_faq_channel_is_answered_in_its_thread_ending_with_the_x_line(
    start_faq: Callable[..., Harness],
) -> None:
    h = start_faq()
    faq_on(h)
    (announce,) = [c for c in h.fake.find("api", "chat.postMessage") if c.params["channel"] == FAQ]
    assert "FAQ mode is on" in announce.params["text"] and "faq off" in announce.params["text"]
    ts = new_ts()
    h.event(channel_message(QUESTION, ts))
    (call,) = answers(h.fake, ts)
    assert call.params["channel"] == FAQ
    assert call.params["text"].rstrip().endswith(FOOTER)
    last = call.blocks[-1]
    assert last["type"] == "context" and last["elements"][0]["text"] == FOOTER.replace("&", "&amp;")
    assert "table" in [b["type"] for b in call.blocks]


def test_the_same_question_in_an_ordinary_channel_is_not_answered(start_faq: Callable[..., Harness]) -> None:
    h = start_faq()
    faq_on(h)
    ts = new_ts()
    h.event(channel_message(QUESTION, ts, channel=GENERAL))
    silent(h, ts, "FAQ mode off")
    assert thread_answers(h.fake, ts) == []


def test_chatter_in_a_faq_channel_gets_nothing(start_faq: Callable[..., Harness]) -> None:
    h = start_faq()
    faq_on(h)
    stamps = [new_ts() for _ in CHATTER]
    for text, ts in zip(CHATTER, stamps):
        h.event(channel_message(text, ts))
    for ts in stamps:
        silent(h, ts, "not a model question")
    assert all(thread_answers(h.fake, ts) == [] for ts in stamps)


def test_turning_faq_mode_off_stops_the_answers(start_faq: Callable[..., Harness]) -> None:
    h = start_faq()
    faq_on(h)
    assert h.command("faq off", name="off", channel=FAQ).status_code == 200
    h.logs.wait(lambda m: m == "slack faq_mode", count=2)
    ts = new_ts()
    h.event(channel_message(QUESTION, ts))
    silent(h, ts, "FAQ mode off")
    assert thread_answers(h.fake, ts) == []


# ------------------------------------------------------------------------------------------------------ manners


def test_x_on_a_faq_answer_deletes_it_and_logs_one_line(start_faq: Callable[..., Harness]) -> None:
    h = start_faq()
    faq_on(h)
    ts = new_ts()
    h.event(channel_message(QUESTION, ts))
    (answer,) = answers(h.fake, ts)
    answer_ts = answer.response["ts"]
    h.event(reaction("thumbsup", FAQ, answer_ts))
    h.event(reaction("heavy_multiplication_x", FAQ, answer_ts))
    (delete,) = h.fake.wait_calls("api", "chat.delete")
    assert delete.params["channel"] == FAQ and delete.params["ts"] == answer_ts
    h.logs.wait(lambda m: m == "slack faq_removed")
    removed = [r for r in h.logs.records if r.getMessage() == "slack faq_removed"]
    assert len(removed) == 1
    fields = removed[0].fields  # type: ignore[attr-defined]
    assert fields["event"] == "faq_removed" and len(fields["question_sha"]) == 12 and QUESTION not in json.dumps(fields)
    h.event(reaction("x", FAQ, answer_ts))  # the note went with the answer: nothing more to delete
    h.event(reaction("x", GENERAL, "1700000001.000100"))  # nor any message that is not a FAQ answer
    h.logs.wait(lambda m: "faq_removed" in m)
    assert len(h.fake.find("api", "chat.delete")) == 1


def test_edits_deletions_bots_and_thread_replies_are_ignored(start_faq: Callable[..., Harness]) -> None:
    h = start_faq()
    faq_on(h)
    root = new_ts()
    edited = {"type": "message", "text": QUESTION, "user": "U0ANN", "ts": root}
    h.event(channel_message("", new_ts(), subtype="message_changed", message=edited, hidden=True))
    h.event(channel_message("", new_ts(), subtype="message_deleted", deleted_ts=root, hidden=True))
    h.event(channel_message(QUESTION, new_ts(), bot_id="B0OTHER"))
    h.event(channel_message(QUESTION, new_ts(), user=BOT_USER, bot_id=BOT_ID))  # our own
    h.event(channel_message(QUESTION, new_ts(), thread_ts=root))
    h.event(channel_message(QUESTION, new_ts(), thread_ts=root, subtype="thread_broadcast"))
    h.logs.wait(lambda m: m.startswith("slack FAQ: ignored a message"), count=3)
    h.logs.wait(lambda m: m == f"slack FAQ: a reply in thread {root}", count=2)
    assert [c for c in h.fake.find("api", "chat.postMessage") if c.params.get("thread_ts")] == []


def test_a_thread_people_already_reply_in_gets_no_answer(start_faq: Callable[..., Harness]) -> None:
    h = start_faq()
    faq_on(h)
    ts = new_ts()
    h.event(channel_message("I'd say haiku, but let's see", new_ts(), thread_ts=ts))  # the reply arrived first
    h.logs.wait(lambda m: m == f"slack FAQ: a reply in thread {ts}")
    h.event(channel_message(QUESTION, ts))
    silent(h, ts, "people are replying")
    assert thread_answers(h.fake, ts) == []


def test_a_message_seen_twice_is_answered_once(start_faq: Callable[..., Harness]) -> None:
    h = start_faq()
    faq_on(h)
    ts = new_ts()
    h.event(channel_message(QUESTION, ts), event_id="EvFaqA")
    h.event(channel_message(QUESTION, ts), event_id="EvFaqB")  # a redelivery under another event id
    silent(h, ts, "already considered")
    answers(h.fake, ts)
    assert len(thread_answers(h.fake, ts)) == 1


def test_a_mention_in_a_faq_channel_is_answered_once_by_the_mention_listener(
    start_faq: Callable[..., Harness],
) -> None:
    h = start_faq()
    faq_on(h)
    ts = new_ts()
    text = f"<@{BOT_USER}> {QUESTION}"
    h.event(mention(text, ts, channel=FAQ))
    body, ctype = event_body(channel_message(text, ts), "EvFaqMention")
    h.send(body, ctype)  # Slack sends the same message as a `message` event too
    h.logs.wait(lambda m: m.startswith(f"slack FAQ: left {ts} to the mention listener"))
    answers(h.fake, ts)
    h.logs.wait(lambda m: m.startswith("slack/mention question"))
    assert len(thread_answers(h.fake, ts)) == 1


def test_the_channel_rate_limit_caps_faq_answers(start_faq: Callable[..., Harness]) -> None:
    h = start_faq(faq_per_hour=2)
    faq_on(h)
    stamps = [new_ts() for _ in range(3)]
    for ts in stamps:
        h.event(channel_message(QUESTION, ts))
    h.logs.wait(lambda m: "FAQ: silent on" in m and "(rate limit: 2 answers this hour" in m)
    h.fake.wait_for(lambda calls: sum(bool(thread_answers(h.fake, ts)) for ts in stamps) == 2)
    assert sum(len(thread_answers(h.fake, ts)) for ts in stamps) == 2


# ------------------------------------------------------------------------------------------------------ the command


def test_faq_on_where_the_bot_is_not_a_member_asks_to_invite_it_and_stays_off(
    start_faq: Callable[..., Harness],
) -> None:
    h = start_faq()
    h.fake.not_in.add("C0SECRET")
    assert h.command("faq on", name="outside", channel="C0SECRET").status_code == 200
    (reply,) = h.fake.wait_calls("respond", "outside")
    assert reply.params["response_type"] == "ephemeral" and "invite me first" in reply.params["text"]
    ts = new_ts()
    h.event(channel_message(QUESTION, ts, channel="C0SECRET"))
    silent(h, ts, "FAQ mode off")


def test_faq_status_and_faq_in_a_dm_answer_only_the_asker(start_faq: Callable[..., Harness]) -> None:
    h = start_faq()
    assert h.command("faq", name="status", channel=FAQ).status_code == 200
    (status,) = h.fake.wait_calls("respond", "status")
    assert status.params["response_type"] == "ephemeral" and "FAQ mode is off" in status.params["text"]
    assert h.command("faq on", name="dm", channel="D0ANN").status_code == 200
    (dm,) = h.fake.wait_calls("respond", "dm")
    assert dm.params["response_type"] == "ephemeral" and "for channels" in dm.params["text"]


# ------------------------------------------------------------------------------------------------------ workers


def test_faq_mode_turned_on_in_one_worker_holds_in_another_with_redis(
    start_faq: Callable[..., Harness], tmp_path: Any
) -> None:
    redis = RedisServer(tmp_path).start()
    try:
        a = start_faq(RedisState(redis.url, prefix="faq-workers:"))
        b = start_faq(RedisState(redis.url, prefix="faq-workers:"))
        faq_on(a)
        ts = new_ts()
        b.event(channel_message(QUESTION, ts))
        answers(b.fake, ts)
        assert b.command("faq off", name="off-b", channel=FAQ).status_code == 200
        b.logs.wait(lambda m: m == "slack faq_mode", count=2)
        later = new_ts()
        a.event(channel_message(QUESTION, later))
        silent(a, later, "FAQ mode off")
        assert len(thread_answers(a.fake, ts)) == 1 and thread_answers(a.fake, later) == []
    finally:
        redis.stop()


# ------------------------------------------------------------------------------------------------- the Home tab


def press_home(h: Harness, button: str, channel: str | None, user: str = "U0ANN") -> Any:
    """Press Turn on / Turn off in the Home tab with `channel` picked; returns the Home view published after it."""
    picked = {HOME_FAQ: {f"{HOME_FAQ}_channel": {"type": "conversations_select", "selected_conversation": channel}}}
    before = len(h.fake.find("api", "views.publish"))
    body, ctype = home_button_body(f"{HOME_FAQ}_{button}", picked if channel else {}, user=user)
    assert h.send(body, ctype).status_code == 200
    calls = h.fake.wait_calls("api", "views.publish", count=before + 1)
    return calls[-1].params["view"]


def home_status(view: dict[str, Any]) -> str:
    return view["blocks"][-1]["elements"][0]["text"]


def test_a_member_turns_faq_mode_on_from_the_home_tab_and_the_channel_is_answered(
    start_faq: Callable[..., Harness],
) -> None:
    h = start_faq()
    h.fake.members[FAQ] = ["U0BOB", "U0ANN", BOT_USER]  # Ann is on the second page of members
    view = press_home(h, "on", FAQ)
    assert home_status(view) == f"FAQ mode is on in <#{FAQ}>."
    (announce,) = [c for c in h.fake.find("api", "chat.postMessage") if c.params["channel"] == FAQ]
    assert "FAQ mode is on" in announce.params["text"]
    assert [c.params["channel"] for c in h.fake.find("api", "conversations.members")] == [FAQ, FAQ]  # both pages
    ts = new_ts()
    h.event(channel_message(QUESTION, ts))
    (call,) = answers(h.fake, ts)
    assert call.params["text"].rstrip().endswith(FOOTER)
    view = press_home(h, "off", FAQ)
    assert home_status(view) == f"FAQ mode is off in <#{FAQ}>."
    ts = new_ts()
    h.event(channel_message(QUESTION, ts))
    silent(h, ts, "FAQ mode off")


def test_the_home_tab_refuses_someone_outside_the_channel_and_a_press_with_no_channel_picked(
    start_faq: Callable[..., Harness],
) -> None:
    h = start_faq()
    h.fake.members[FAQ] = ["U0BOB", "U0CAROL", BOT_USER]
    view = press_home(h, "on", FAQ)
    assert home_status(view) == NOT_A_MEMBER_TEXT.format(channel=FAQ)
    assert not [c for c in h.fake.find("api", "chat.postMessage") if c.params["channel"] == FAQ]
    ts = new_ts()
    h.event(channel_message(QUESTION, ts))
    silent(h, ts, "FAQ mode off")
    assert home_status(press_home(h, "on", None)) == PICK_FIRST_TEXT
    picker = next(b for b in view["blocks"] if b.get("block_id") == HOME_FAQ)["elements"][0]
    assert picker["type"] == "conversations_select" and picker["filter"]["include"] == ["public", "private"]
