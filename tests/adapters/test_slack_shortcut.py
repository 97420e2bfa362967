"""The "Ask whichmodel" message shortcut end to end: the selected message's text answered in its thread, or only to
the user through the shortcut's `response_url` where the bot cannot post."""

from __future__ import annotations

from collections.abc import Callable

from slackpayloads import message_shortcut_body
from test_slack_app import CLASSIFY, Harness, fake, logs, start  # noqa: F401 - fixtures

from adapters.slack.shortcut import NO_TEXT


def shortcut(h: Harness, text: str, ts: str, thread_ts: str | None = None, channel: str = "C0GENERAL") -> None:
    body, ctype = message_shortcut_body(text, h.fake.response_url("sc"), ts, thread_ts, channel=channel)
    response = h.send(body, ctype)
    assert response.status_code == 200


def test_the_shortcut_answers_the_selected_message_in_its_thread(start: Callable[..., Harness]) -> None:
    h = start()
    shortcut(h, f"<@U0BOT> {CLASSIFY}", "1700000020.000100")
    (post,) = h.fake.wait_calls("api", "chat.postMessage")
    assert post.params["channel"] == "C0GENERAL" and post.params["thread_ts"] == "1700000020.000100"
    assert "table" in post.block_types and not h.fake.find("respond", "sc")
    assert h.core.asked == [(CLASSIFY, None)]  # Slack's markup (the mention) taken out for the core


def test_a_reply_inside_a_thread_is_answered_in_that_thread(start: Callable[..., Harness]) -> None:
    h = start()
    shortcut(h, CLASSIFY, "1700000022.000100", thread_ts="1700000021.000100")
    (post,) = h.fake.wait_calls("api", "chat.postMessage")
    assert post.params["thread_ts"] == "1700000021.000100"


def test_where_the_bot_is_not_in_the_channel_the_answer_goes_only_to_the_user(start: Callable[..., Harness]) -> None:
    h = start()
    h.fake.not_in = {"C0PRIVATE"}
    shortcut(h, CLASSIFY, "1700000023.000100", channel="C0PRIVATE")
    (refused,) = h.fake.wait_calls("api", "chat.postMessage")
    (private,) = h.fake.wait_calls("respond", "sc")
    assert refused.error == "not_in_channel"
    assert private.params["response_type"] == "ephemeral" and private.params["replace_original"] is False
    assert "table" in private.block_types and private.params["text"] == refused.params["text"]


def test_errors_and_a_message_without_text_go_only_to_the_user(start: Callable[..., Harness]) -> None:
    h = start()
    shortcut(h, "tell me about gpt-9000-ultra &amp; &lt;friends&gt;", "1700000024.000100")
    (error,) = h.fake.wait_calls("respond", "sc")
    assert error.params["response_type"] == "ephemeral" and "gpt-9000-ultra" in error.all_text()
    assert h.core.asked == [("tell me about gpt-9000-ultra & <friends>", None)]  # Slack's escaping undone
    shortcut(h, "   ", "1700000025.000100")
    _, empty = h.fake.wait_calls("respond", "sc", count=2)
    assert empty.params["response_type"] == "ephemeral" and empty.params["text"] == NO_TEXT
    assert not h.fake.find("api", "chat.postMessage")
