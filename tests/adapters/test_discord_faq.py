"""FAQ channels on Discord: the real discord.py client against the fake REST API on loopback (tests/fakes/
fakediscord.py), `/whichmodel faq:on|off` interactions, un-addressed MESSAGE_CREATE and MESSAGE_REACTION_ADD
payloads, and the real parser deciding what to answer.

Silence leaves no request to wait for, so each silent case waits for the bot's own debug line about that message
(an asyncio condition fed by a log handler, never a sleep).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from fakediscord import (
    ALICE,
    BOT_ID,
    CHANNEL_ID,
    EVERYONE_PERMS,
    NO_EMBED_CHANNEL_ID,
    WAIT,
    Bot,
    drive,
    embed_within_limits,
    running_bot,
    stored,
)
from redisserver import RedisServer

from adapters.chat.faq import FOOTER
from adapters.chat.redis_state import RedisState
from adapters.discord.faq import NO_INTENT_TEXT, NO_THREADS_TEXT
from bot.catalogue.store import Catalogue

QUESTION = "which model is cheapest for tagging 50M tokens of support tickets a month?"
CHATTER = [
    "standup: finished the eval harness, today reviews, no blockers",
    "how do I set max_tokens on sonnet 4.5 with the python sdk?",
    "lunch at the noodle place?",
    "great writeup on evals https://example.com/evals",
]
THREAD_PERMS = (1 << 35) | (1 << 38)  # CREATE_PUBLIC_THREADS | SEND_MESSAGES_IN_THREADS


class Logs(logging.Handler):
    """Log lines of the bot, waited for from the event loop (records come from worker threads too)."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        super().__init__(logging.DEBUG)
        self.loop, self.lines = loop, []  # type: ignore[var-annotated]
        self.changed = asyncio.Condition()

    def emit(self, record: logging.LogRecord) -> None:
        self.loop.call_soon_threadsafe(self._add, record.getMessage())

    def _add(self, line: str) -> None:
        self.lines.append(line)

        async def notify() -> None:
            async with self.changed:
                self.changed.notify_all()

        self.loop.create_task(notify())

    async def wait(self, predicate: Callable[[str], bool], count: int = 1) -> list[str]:
        async def waiter() -> list[str]:
            async with self.changed:
                while len(found := [line for line in self.lines if predicate(line)]) < count:
                    await self.changed.wait()
                return found

        try:
            return await asyncio.wait_for(waiter(), WAIT)
        except TimeoutError:
            pytest.fail(f"no such log line; lines were: {self.lines[-20:]}")


@asynccontextmanager
async def faq_bot(catalogue: Catalogue, **kwargs: Any) -> AsyncIterator[tuple[Bot, Logs]]:
    logs = Logs(asyncio.get_running_loop())
    logger = logging.getLogger("whichmodel")
    old = logger.level
    logger.addHandler(logs)
    logger.setLevel(logging.DEBUG)
    kwargs.setdefault("message_content", True)
    try:
        async with running_bot(catalogue, capacity=1000, per_minute=1000, **kwargs) as bot:
            yield bot, logs
    finally:
        logger.removeHandler(logs)
        logger.setLevel(old)


def faq_command(bot: Bot, choice: str, perms: int = EVERYONE_PERMS | THREAD_PERMS) -> dict[str, Any]:
    options = [{"name": "faq", "type": 3, "value": choice}]
    payload = bot.interaction_payload(
        2, {"id": "1", "name": "whichmodel", "type": 1, "options": options}, app_permissions=str(perms)
    )
    bot.client._connection.parse_interaction_create(payload)
    return payload


async def turn_on(bot: Bot, logs: Logs) -> None:
    payload = faq_command(bot, "on")
    [callback] = await bot.fake.wait_calls("POST", f"/interactions/{payload['id']}/")
    assert callback.body["type"] == 4 and not (callback.body["data"].get("flags") or 0) & 64  # said in the channel
    assert "FAQ mode is on" in callback.body["data"]["content"]
    await logs.wait(lambda line: line == "discord faq_mode")


def ask(bot: Bot, text: str, **kwargs: Any) -> dict[str, Any]:
    return bot.send_message(text, mention=False, **kwargs)


async def thread_answer(bot: Bot, question: dict[str, Any]) -> Any:
    """The bot's answer in the thread it started on `question`."""
    await bot.fake.wait_calls("POST", f"/channels/{CHANNEL_ID}/messages/{question['id']}/threads")
    [answer] = await bot.fake.wait_calls("POST", f"/channels/{question['id']}/messages")
    return answer


async def silent(logs: Logs, question: dict[str, Any], reason: str) -> None:
    await logs.wait(lambda line: line.startswith(f"discord FAQ: silent on {question['id']} ({reason}"))


def threads(bot: Bot) -> list[Any]:
    return [c for c in bot.fake.calls if c.method == "POST" and c.path.endswith("/threads")]


# ------------------------------------------------------------------------------------------------------ answering


def test_a_model_question_in_a_faq_channel_is_answered_in_its_thread_ending_with_the_x_line(
    catalogue: Catalogue,
) -> None:
    async def scenario() -> None:
        async with faq_bot(catalogue) as (bot, logs):
            assert bot.client.intents.message_content and bot.client.intents.guild_reactions
            await turn_on(bot, logs)
            question = ask(bot, QUESTION)
            answer = await thread_answer(bot, question)
            [embed] = answer.body["embeds"]
            embed_within_limits(embed)
            assert embed["footer"]["text"].endswith(FOOTER)
            assert "message_reference" not in answer.body  # in the thread, not a reply in the channel

    drive(scenario)


def test_the_same_question_in_an_ordinary_channel_is_not_answered(catalogue: Catalogue) -> None:
    async def scenario() -> None:
        async with faq_bot(catalogue) as (bot, logs):
            await turn_on(bot, logs)
            question = ask(bot, QUESTION, channel_id=NO_EMBED_CHANNEL_ID)
            await silent(logs, question, "FAQ mode off")
            assert threads(bot) == []

    drive(scenario)


def test_chatter_in_a_faq_channel_gets_nothing(catalogue: Catalogue) -> None:
    async def scenario() -> None:
        async with faq_bot(catalogue) as (bot, logs):
            await turn_on(bot, logs)
            for text in CHATTER:
                await silent(logs, ask(bot, text), "not a model question")
            assert threads(bot) == []

    drive(scenario)


def test_turning_faq_mode_off_stops_the_answers(catalogue: Catalogue) -> None:
    async def scenario() -> None:
        async with faq_bot(catalogue) as (bot, logs):
            await turn_on(bot, logs)
            faq_command(bot, "off")
            await logs.wait(lambda line: line == "discord faq_mode", count=2)
            await silent(logs, ask(bot, QUESTION), "FAQ mode off")
            assert threads(bot) == []

    drive(scenario)


# ------------------------------------------------------------------------------------------------------ manners


def test_x_on_a_faq_answer_deletes_it_and_logs_one_line(catalogue: Catalogue) -> None:
    async def scenario() -> None:
        async with faq_bot(catalogue) as (bot, logs):
            await turn_on(bot, logs)
            answer = stored(bot.fake, await thread_answer(bot, ask(bot, QUESTION)))
            bot.react(answer, "👍")
            bot.react(answer, "✖️", who=BOT_ID)  # the bot's own reaction never deletes
            bot.react(answer, "✖️")
            [delete] = await bot.fake.wait_calls("DELETE", f"/channels/{answer['channel_id']}/messages/{answer['id']}")
            assert delete.path == f"/channels/{answer['channel_id']}/messages/{answer['id']}"
            [line] = await logs.wait(lambda line: line == "discord faq_removed")
            bot.react(answer, "❌")  # the note went with the answer: nothing more to delete
            bot.react(bot.fake.message(CHANNEL_ID, {"content": "an answer to a mention"}), "✖️")  # not a FAQ answer
            question = ask(bot, "which model is best for summarising support chats?")
            await thread_answer(bot, question)  # later events were handled: the reactions above were too
            assert len(bot.fake.matching("DELETE", "/messages/")) == 1

    drive(scenario)


def test_a_reply_to_a_message_keeps_the_bot_out_of_its_thread(catalogue: Catalogue) -> None:
    async def scenario() -> None:
        async with faq_bot(catalogue) as (bot, logs):
            await turn_on(bot, logs)
            question = bot.message_payload(QUESTION, mention=False)
            reply = bot.message_payload("I'd say haiku, but let's see", mention=False, reply_to=question)
            bot.client._connection.parse_message_create(reply)  # the reply was handled first
            await logs.wait(lambda line: line == f"discord FAQ: people talk in thread {question['id']}")
            bot.client._connection.parse_message_create(question)
            await silent(logs, question, "people are replying")
            assert threads(bot) == []

    drive(scenario)


def test_an_edit_of_a_message_is_never_answered(catalogue: Catalogue) -> None:
    async def scenario() -> None:
        async with faq_bot(catalogue) as (bot, logs):
            await turn_on(bot, logs)
            chatter = ask(bot, "lunch at the noodle place?")
            await silent(logs, chatter, "not a model question")
            bot.client._connection.parse_message_update(
                {**chatter, "content": QUESTION, "edited_timestamp": "2026-05-21T12:01:00.000000+00:00"}
            )
            question = ask(bot, QUESTION)
            await thread_answer(bot, question)  # handled after the edit
            assert [c.path for c in threads(bot)] == [f"/channels/{CHANNEL_ID}/messages/{question['id']}/threads"]

    drive(scenario)


# ------------------------------------------------------------------------------------------------------ the command


def test_without_the_message_content_intent_faq_mode_stays_off(catalogue: Catalogue) -> None:
    async def scenario() -> None:
        async with faq_bot(catalogue, message_content=False) as (bot, logs):
            assert not bot.client.intents.message_content
            payload = faq_command(bot, "on")
            [callback] = await bot.fake.wait_calls("POST", f"/interactions/{payload['id']}/")
            assert callback.body["data"]["flags"] & 64 and callback.body["data"]["content"] == NO_INTENT_TEXT
            question = ask(bot, QUESTION)
            await logs.wait(lambda line: line == f"discord FAQ: no Message Content intent; ignored {question['id']}")
            assert threads(bot) == []

    drive(scenario)


def test_faq_on_without_thread_permissions_says_so_and_stays_off(catalogue: Catalogue) -> None:
    async def scenario() -> None:
        async with faq_bot(catalogue) as (bot, logs):
            payload = faq_command(bot, "on", perms=EVERYONE_PERMS)
            [callback] = await bot.fake.wait_calls("POST", f"/interactions/{payload['id']}/")
            assert callback.body["data"]["flags"] & 64 and callback.body["data"]["content"] == NO_THREADS_TEXT
            await silent(logs, ask(bot, QUESTION), "FAQ mode off")

    drive(scenario)


# ------------------------------------------------------------------------------------------------------ shards


def test_faq_mode_turned_on_in_one_shard_process_holds_in_another_with_redis(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    redis = RedisServer(tmp_path).start()

    async def scenario() -> None:
        # Two clients with their own state objects, sharing only Redis. The inner harness points discord.py's
        # REST base at its own fake API, so both clients' requests reach that one while they run together.
        async with running_bot(catalogue, message_content=True, state=RedisState(redis.url, prefix="faq-shards:")) as a:
            async with faq_bot(catalogue, state=RedisState(redis.url, prefix="faq-shards:")) as (b, logs):
                payload = faq_command(a, "on")
                await b.fake.wait_calls("POST", f"/interactions/{payload['id']}/")
                await logs.wait(lambda line: line == "discord faq_mode")
                question = ask(b, QUESTION)
                await thread_answer(b, question)
                faq_command(b, "off")
                await logs.wait(lambda line: line == "discord faq_mode", count=2)
                later = ask(a, QUESTION)
                await silent(logs, later, "FAQ mode off")
                assert len(threads(b)) == 1

    try:
        drive(scenario)
    finally:
        redis.stop()


def test_a_question_asked_by_alice_is_not_answered_twice_by_two_shards(catalogue: Catalogue, tmp_path: Path) -> None:
    redis = RedisServer(tmp_path).start()

    async def scenario() -> None:
        async with running_bot(catalogue, message_content=True, state=RedisState(redis.url, prefix="faq-twice:")) as a:
            async with faq_bot(catalogue, state=RedisState(redis.url, prefix="faq-twice:")) as (b, logs):
                await turn_on(b, logs)
                question = b.message_payload(QUESTION, mention=False)
                a.client._connection.parse_message_create(question)  # the same message reaching both processes
                b.client._connection.parse_message_create(question)
                await silent(logs, question, "already considered")
                await thread_answer(b, question)
                assert len(threads(b)) == 1 and question["author"]["id"] == str(ALICE)

    try:
        drive(scenario)
    finally:
        redis.stop()
