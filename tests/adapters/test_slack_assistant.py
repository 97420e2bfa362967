"""Slack's AI app surface and feedback, end to end: real bolt (its `Assistant` middleware) behind the real HTTP
server, Slack-shaped signed events, and the fake Web API recording `assistant.threads.*` and the replies."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from fakeslack import BOT_ID, TEAM, direct_message
from test_slack_app import CLASSIFY, CannedCore, Harness, fake, logs, start  # noqa: F401 - fixtures

from adapters.slack.assistant import STATUS_TEXT, _newest_frontier, thread_title
from adapters.slack.feedback import FEEDBACK_ACTION
from bot.assistant import Assistant
from bot.catalogue.store import Catalogue
from bot.runtime.logs import digest

DM = "D0ANN"


def thread_started(thread_ts: str) -> dict[str, Any]:
    return {
        "type": "assistant_thread_started",
        "assistant_thread": {
            "user_id": "U0ANN",
            "context": {"channel_id": "C0GENERAL", "team_id": TEAM, "enterprise_id": None},
            "channel_id": DM,
            "thread_ts": thread_ts,
        },
        "event_ts": thread_ts,
    }


def test_a_new_assistant_thread_gets_prompts_computed_from_the_catalogue(
    start: Callable[..., Harness], catalogue: Catalogue
) -> None:
    core = Assistant(catalogue)
    h = start(core=core)
    assert h.event(thread_started("1700000001.000100")).status_code == 200
    (call,) = h.fake.wait_calls("api", "assistant.threads.setSuggestedPrompts")
    assert call.params["channel_id"] == DM and call.params["thread_ts"] == "1700000001.000100"
    prompts = call.params["prompts"]
    assert 2 <= len(prompts) <= 4 and all(set(p) == {"title", "message"} for p in prompts)
    cheapest = core.ask("cheapest good model for coding")
    assert prompts[0]["message"] == "cheapest good model for coding"
    assert cheapest.rows[0].name in prompts[0]["title"]
    newest = _newest_frontier(catalogue)
    assert len(newest) == 2 and all(catalogue.model(n) is not None for n in newest)
    assert prompts[1]["message"] == f"{newest[0]} vs {newest[1]}"
    compared = core.ask(prompts[1]["message"])
    assert compared.intent == "compare" and not compared.error  # the prompt is a question the core answers


def test_a_question_in_the_thread_sets_status_and_title_then_answers_and_follow_ups_refine(
    start: Callable[..., Harness],
) -> None:
    h = start()
    thread = "1700000002.000100"
    h.event(direct_message(CLASSIFY, "1700000003.000100", thread_ts=thread))
    (status,) = h.fake.wait_calls("api", "assistant.threads.setStatus")
    (title,) = h.fake.wait_calls("api", "assistant.threads.setTitle")
    (post,) = h.fake.wait_calls("api", "chat.postMessage")
    assert status.params == {"channel_id": DM, "thread_ts": thread, "status": STATUS_TEXT, "team_id": TEAM}
    assert title.params == {"channel_id": DM, "thread_ts": thread, "title": CLASSIFY, "team_id": TEAM}
    assert post.params["channel"] == DM and post.params["thread_ts"] == thread
    order = [c.method for c in h.fake.calls if c.kind == "api"]
    assert order.index("assistant.threads.setStatus") < order.index("chat.postMessage")
    h.event(direct_message("what about 100M tokens?", "1700000004.000100", thread_ts=thread))
    h.fake.wait_calls("api", "chat.postMessage", count=2)
    text, previous = h.core.asked[-1]
    assert text == "what about 100M tokens?" and previous is not None and previous.task == "classification"


def test_our_own_reply_in_the_thread_is_not_answered(start: Callable[..., Harness]) -> None:
    h = start()
    h.event(direct_message("answer", "1700000005.000100", thread_ts="1700000002.000100", bot_id=BOT_ID))
    h.event(direct_message(CLASSIFY, "1700000006.000100", thread_ts="1700000002.000100"))
    h.fake.wait_calls("api", "chat.postMessage")
    assert [t for t, _ in h.core.asked] == [CLASSIFY]


def test_a_long_question_titles_the_thread_on_one_short_line() -> None:
    title = thread_title("which   model\nis cheapest " + "x" * 200)
    assert len(title) == 80 and "\n" not in title and title.endswith("…") and "  " not in title


def feedback_values(call: Any) -> tuple[str, str]:
    block = next(b for b in call.blocks if b["type"] == "context_actions")
    (element,) = block["elements"]
    assert element["type"] == "feedback_buttons" and element["action_id"] == FEEDBACK_ACTION
    return element["positive_button"]["value"], element["negative_button"]["value"]


def test_every_answer_has_thumbs_and_a_press_is_one_json_line_with_hash_intent_and_answer_id(
    start: Callable[..., Harness],
) -> None:
    h = start()
    h.command(CLASSIFY, name="ask")
    (answer,) = h.fake.wait_calls("respond", "ask")
    up, down = feedback_values(answer)
    assert up.split(":")[3:] == down.split(":")[3:] == [digest(CLASSIFY), "recommend"]
    h.click(FEEDBACK_ACTION, down, "vote", message_ts="1700000007.000100")
    (thanks,) = h.fake.wait_calls("respond", "vote")
    assert thanks.params["response_type"] == "ephemeral" and "feedback" in thanks.params["text"]
    (line,) = [r for r in h.logs.records if getattr(r, "fields", {}).get("event") == "feedback"]
    assert line.fields == {  # type: ignore[attr-defined]
        "event": "feedback",
        "platform": "slack",
        "vote": "down",
        "answer_id": down.split(":")[2],
        "question_sha": digest(CLASSIFY),
        "intent": "recommend",
        "user_sha": digest("U0ANN"),
    }
    json.dumps(line.fields)  # type: ignore[attr-defined]


def test_help_and_errors_carry_no_thumbs_and_a_forged_vote_is_dropped(start: Callable[..., Harness]) -> None:
    h = start()
    h.command("help", name="help")
    (answer,) = h.fake.wait_calls("respond", "help")
    assert "context_actions" not in answer.block_types
    h.click(FEEDBACK_ACTION, "fb:u:<!channel>:x:recommend", "forged", message_ts="1700000008.000100")
    h.command(CLASSIFY, name="after")  # a later request proves the forged press was processed (and ignored)
    h.fake.wait_calls("respond", "after")
    assert not h.fake.find("respond", "forged")
    assert not [r for r in h.logs.records if getattr(r, "fields", {}).get("event") == "feedback"]
