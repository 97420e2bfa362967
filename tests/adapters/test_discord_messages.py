"""The Discord bot answering messages: mentions, replies, DMs, the cooldown, errors and logs (tests/fakes/fakediscord.py
drives the real discord.py client against a fake REST API on loopback)."""

from __future__ import annotations

import logging

import pytest
from fakediscord import (
    APP_ID,
    BOB,
    BOT_ID,
    BOT_ROLE,
    BOT_USER,
    CHANNEL_ID,
    DM_CHANNEL_ID,
    NO_EMBED_CHANNEL_ID,
    OTHER_BOT,
    TOKEN,
    buttons,
    drive,
    embed_within_limits,
    no_pings,
    running_bot,
    stored,
    user,
)

from adapters.discord.embeds import Press
from adapters.discord.markup import CONTENT, dlen
from bot.assistant import Assistant
from bot.catalogue.store import Catalogue
from bot.contract.answer import Answer
from bot.contract.query import Query


def test_a_mention_is_answered_as_a_reply_with_an_embed_that_pings_nobody(catalogue: Catalogue) -> None:
    async def scenario() -> None:
        async with running_bot(catalogue) as bot:
            question = bot.send_message(f"<@{BOT_ID}> cheapest for 50M tokens of classification")
            [call] = await bot.wait_calls("POST", f"/channels/{CHANNEL_ID}/messages")
            assert bot.core.asked == [("cheapest for 50M tokens of classification", None)]
            assert str(call.body["message_reference"]["message_id"]) == question["id"]
            assert call.body["message_reference"]["fail_if_not_exists"] is False
            no_pings(call.body)
            [embed] = call.body["embeds"]
            embed_within_limits(embed)
            assert embed["title"] == bot.core.answers[-1].title
            assert embed["description"].startswith("Pick ")
            assert "```" in embed["description"]  # the comparison, in monospace
            assert "Mix:" in embed["footer"]["text"]  # the notes

    drive(scenario)


@pytest.mark.parametrize("form", ["<@{id}> {q}", "<@!{id}> {q}", "{q} <@{id}>", "<@&{role}>, {q}"])
def test_every_form_of_the_mention_is_stripped_from_the_question(catalogue: Catalogue, form: str) -> None:
    async def scenario() -> None:
        async with running_bot(catalogue) as bot:
            text = form.format(id=BOT_ID, role=BOT_ROLE, q="gpt-4.1 mini vs nano")
            payload = bot.message_payload(text, mention="@&" not in form)
            if "@&" in form:
                payload["mention_roles"] = [str(BOT_ROLE)]
            bot.client._connection.parse_message_create(payload)
            await bot.wait_calls("POST", "/messages")
            assert bot.core.asked[0][0] == "gpt-4.1 mini vs nano"

    drive(scenario)


def test_a_comparison_of_two_models_is_shown_as_fields(catalogue: Catalogue) -> None:
    async def scenario() -> None:
        async with running_bot(catalogue) as bot:
            bot.send_message(f"<@{BOT_ID}> gpt-4.1 mini vs nano")
            [call] = await bot.wait_calls("POST", "/messages")
            [embed] = call.body["embeds"]
            embed_within_limits(embed)
            names = [f["name"] for f in embed["fields"]]
            assert names[:2] == ["gpt-4.1-mini", "gpt-4.1-nano"]
            assert embed["fields"][0]["inline"] and embed["fields"][1]["inline"]

    drive(scenario)


def test_messages_that_do_not_address_the_bot_and_messages_from_bots_are_ignored(catalogue: Catalogue) -> None:
    async def scenario() -> None:
        async with running_bot(catalogue) as bot:
            bot.send_message("cheapest for 50M tokens of classification", mention=False)  # not addressed
            bot.send_message(f"<@{BOT_ID}> help", author=user(OTHER_BOT, "otherbot", bot=True))  # another bot
            bot.send_message(f"<@{BOT_ID}> help", author=BOT_USER)  # itself
            bot.send_message(f"<@{BOT_ID}> gpt-4.1 mini vs nano")  # the one to answer: a barrier for the others
            [call] = await bot.wait_calls("POST", "/messages")
            assert [text for text, _ in bot.core.asked] == ["gpt-4.1 mini vs nano"]
            assert len(bot.fake.matching("POST", "/messages")) == 1

    drive(scenario)


def test_a_reply_to_an_answer_refines_that_answers_query(catalogue: Catalogue) -> None:
    async def scenario() -> None:
        async with running_bot(catalogue) as bot:
            bot.send_message(f"<@{BOT_ID}> cheapest for 50M tokens of classification")
            [first] = await bot.wait_calls("POST", "/messages")
            bot.send_message(f"<@{BOT_ID}> gpt-4.1 mini vs nano")  # a later, different question
            await bot.wait_calls("POST", "/messages", 2)
            # Bob replies to the first answer; a reply pings its author by default, so Discord lists the bot in
            # the mentions (and delivers the content) but the text has no <@id>
            reply = bot.send_message("what about 100M?", author=user(BOB, "bob"), reply_to=stored(bot.fake, first))
            calls = await bot.wait_calls("POST", "/messages", 3)
            text, previous = bot.core.asked[2]
            assert text == "what about 100M?"
            assert previous is not None and previous.task == "classification" and previous.tokens_per_month == 50e6
            assert str(calls[2].body["message_reference"]["message_id"]) == reply["id"]
            assert "100M" in calls[2].body["embeds"][0]["title"]
            # and a reply to the refined answer refines the refined query
            bot.send_message("only openai", reply_to=stored(bot.fake, calls[2]))
            await bot.wait_calls("POST", "/messages", 4)
            assert bot.core.asked[3][1] is not None and bot.core.asked[3][1].tokens_per_month == 100e6

    drive(scenario)


def test_a_reply_without_the_ping_carries_no_content_and_is_left_alone(catalogue: Catalogue) -> None:
    async def scenario() -> None:
        async with running_bot(catalogue) as bot:
            bot.send_message(f"<@{BOT_ID}> help")
            [first] = await bot.wait_calls("POST", "/messages")
            bot.send_message("", mention=False, reply_to=stored(bot.fake, first))  # no message-content intent
            bot.send_message(f"<@{BOT_ID}> gpt-4.1 mini vs nano")  # barrier
            await bot.wait_calls("POST", "/messages", 2)
            assert [t for t, _ in bot.core.asked] == ["gpt-4.1 mini vs nano"]  # help needs no parser

    drive(scenario)


def test_direct_messages_need_no_mention(catalogue: Catalogue) -> None:
    async def scenario() -> None:
        async with running_bot(catalogue) as bot:
            bot.send_message("gpt-4.1 mini vs nano", mention=False, guild=False, channel_id=DM_CHANNEL_ID)
            [call] = await bot.wait_calls("POST", f"/channels/{DM_CHANNEL_ID}/messages")
            assert bot.core.asked == [("gpt-4.1 mini vs nano", None)]
            no_pings(call.body)

    drive(scenario)


def test_the_cooldown_answers_politely_once_then_lets_the_user_ask_again(catalogue: Catalogue) -> None:
    async def scenario() -> None:
        async with running_bot(catalogue, capacity=1, per_minute=2.0) as bot:
            bot.send_message(f"<@{BOT_ID}> help")
            await bot.wait_calls("POST", "/messages", 1)
            limited = bot.send_message(f"<@{BOT_ID}> gpt-4.1 mini vs nano")
            calls = await bot.wait_calls("POST", "/messages", 2)
            notice = calls[1].body
            assert str(notice["message_reference"]["message_id"]) == limited["id"]
            assert "try again in about 30 seconds" in notice["content"]
            assert not notice.get("embeds")
            no_pings(notice)
            bot.send_message(f"<@{BOT_ID}> gpt-4.1 mini vs nano")  # still limited: no second notice (no spam)
            bobs = bot.send_message(f"<@{BOT_ID}> help", author=user(BOB, "bob"))  # Bob is not limited: a barrier
            await bot.wait_for(
                lambda calls: [
                    c
                    for c in calls
                    if c.body and str((c.body.get("message_reference") or {}).get("message_id")) == bobs["id"]
                ]
            )
            assert len(bot.fake.matching("POST", "/messages")) == 3
            bot.clock.now += 30  # a token is back
            bot.send_message(f"<@{BOT_ID}> gpt-4.1 mini vs nano")
            calls = await bot.wait_calls("POST", "/messages", 4)
            assert calls[3].body["embeds"] and [t for t, _ in bot.core.asked].count("gpt-4.1 mini vs nano") == 1

    drive(scenario)


def test_a_core_exception_becomes_an_apology_with_the_logged_error_id(
    catalogue: Catalogue, caplog: pytest.LogCaptureFixture
) -> None:
    async def scenario() -> None:
        async with running_bot(catalogue) as bot:
            bot.core.fail_with = RuntimeError("the core blew up")
            bot.send_message(f"<@{BOT_ID}> gpt-4.1 mini vs nano")
            [call] = await bot.wait_calls("POST", "/messages")
            [embed] = call.body["embeds"]
            assert embed["title"].startswith("Sorry")
            records = [r for r in caplog.records if r.exc_info and "error_id=" in r.getMessage()]
            assert records, "the failure was not logged with its traceback"
            error_id = records[0].getMessage().split("error_id=")[1].split(":")[0]
            assert error_id in embed["description"] and error_id in embed["footer"]["text"]
            assert "the core blew up" in "".join(logging.Formatter().formatException(records[0].exc_info))

    with caplog.at_level(logging.INFO):
        drive(scenario)


def test_an_apology_from_the_core_shows_its_error_id(catalogue: Catalogue) -> None:
    async def scenario() -> None:
        async with running_bot(catalogue) as bot:
            sorry = Answer(
                intent="error",
                title="Sorry, something went wrong",
                verdict="Logged as abc123def0.",
                query=Query(),
                error=True,
                error_id="abc123def0",
            )
            bot.core.fixed = sorry
            bot.send_message(f"<@{BOT_ID}> anything")
            [call] = await bot.wait_calls("POST", "/messages")
            assert "abc123def0" in call.body["embeds"][0]["footer"]["text"]

    drive(scenario)


def test_a_channel_without_embed_links_gets_plain_text_within_2000_characters(catalogue: Catalogue) -> None:
    async def scenario() -> None:
        async with running_bot(catalogue) as bot:
            bot.send_message(f"<@{BOT_ID}> tell me about gpt-4.1", channel_id=NO_EMBED_CHANNEL_ID)
            [call] = await bot.wait_calls("POST", f"/channels/{NO_EMBED_CHANNEL_ID}/messages")
            assert not call.body.get("embeds")
            assert 0 < dlen(call.body["content"]) <= CONTENT
            assert call.body["content"].startswith("**GPT-4.1")
            [button] = buttons(call.body)  # the rest is one click away
            assert Press.parse(button["custom_id"]).mode == "t"

    drive(scenario)


def test_the_token_is_sent_to_discord_and_never_logged(catalogue: Catalogue, caplog: pytest.LogCaptureFixture) -> None:
    async def scenario() -> None:
        async with running_bot(catalogue) as bot:
            assert bot.fake.calls[0].headers["Authorization"] == f"Bot {TOKEN}"
            bot.send_message(f"<@{BOT_ID}> help")
            payload = bot.slash("gpt-4.1 mini vs nano")
            await bot.wait_calls("POST", f"/webhooks/{APP_ID}/{payload['token']}")

    with caplog.at_level(logging.DEBUG):
        drive(scenario)
    assert caplog.records
    assert not [r for r in caplog.records if TOKEN in r.getMessage() or "NOT-A-REAL-SECRET" in r.getMessage()]


def test_questions_are_logged_as_a_hash_unless_asked_otherwise(
    catalogue: Catalogue, caplog: pytest.LogCaptureFixture
) -> None:
    async def scenario() -> None:
        async with running_bot(catalogue) as bot:
            bot.send_message(f"<@{BOT_ID}> gpt-4.1 mini vs nano")
            await bot.wait_calls("POST", "/messages")

    with caplog.at_level(logging.INFO, logger="whichmodel.questions"):
        drive(scenario)
    records = [r for r in caplog.records if r.getMessage().startswith("discord/mention question")]
    assert records and "intent=compare" in records[0].getMessage()
    fields = records[0].fields  # type: ignore[attr-defined]
    assert len(fields["question_sha"]) == 12 and "question" not in fields and "gpt-4.1" not in str(fields)


def test_the_real_core_answers_a_mention_end_to_end(catalogue: Catalogue) -> None:
    pytest.importorskip("bot.parse.pipeline", reason="bot/parse.py (the parser, issue 3) is not written yet")

    async def scenario() -> None:
        async with running_bot(catalogue) as bot:
            bot.client.chat.assistant = Assistant(policy=bot.client.settings.policy())
            bot.send_message(f"<@{BOT_ID}> cheapest for 50M tokens of classification")
            [call] = await bot.wait_calls("POST", "/messages")
            [embed] = call.body["embeds"]
            embed_within_limits(embed)
            assert "classification" in embed["title"].lower()
            assert buttons(call.body)  # a recommendation has more rows behind "Show more"
            bot.send_message("what about 100M?", reply_to=stored(bot.fake, call))
            calls = await bot.wait_calls("POST", "/messages", 2)
            assert "100M" in calls[1].body["embeds"][0]["title"]

    drive(scenario)
