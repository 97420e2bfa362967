"""The Discord bot's interactions: `/whichmodel`, the buttons under answers (show more, compare the top 2, best
quality or cheapest instead), command sync, shards and start-up (tests/fakes/fakediscord.py)."""

from __future__ import annotations

import asyncio
import logging
import re
import threading

import discord
import pytest
from fakediscord import (
    APP_ID,
    BOB,
    BOT_ID,
    CHANNEL_ID,
    GUILD_ID,
    TOKEN,
    WAIT,
    FakeDiscord,
    buttons,
    drive,
    embed_within_limits,
    no_pings,
    running_bot,
    stored,
    votes,
)

from adapters.discord.client import WhichModelShardedClient, build_client, run
from adapters.discord.embeds import Press
from bot.catalogue.store import Catalogue
from bot.runtime.settings import load_settings


def test_the_slash_command_defers_at_once_then_follows_up_with_the_answer(catalogue: Catalogue) -> None:
    async def scenario() -> None:
        async with running_bot(catalogue) as bot:
            payload = bot.slash("cheapest for 50M tokens of classification")
            [followup] = await bot.wait_calls("POST", f"/webhooks/{APP_ID}/{payload['token']}")
            callbacks = bot.fake.matching("POST", f"/interactions/{payload['id']}/{payload['token']}/callback")
            assert len(callbacks) == 1 and callbacks[0].body["type"] == 5  # DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE
            assert not (callbacks[0].body.get("data") or {}).get("flags")  # public
            assert bot.fake.calls.index(callbacks[0]) < bot.fake.calls.index(followup)
            no_pings(followup.body)
            assert not (followup.body.get("flags") or 0) & 64
            [embed] = followup.body["embeds"]
            embed_within_limits(embed)
            assert embed["title"] == bot.core.answers[-1].title
            assert bot.core.asked == [("cheapest for 50M tokens of classification", None)]

    drive(scenario)


@pytest.mark.parametrize("question", [None, "help", "who won the world cup"])
def test_slash_help_and_refusals_go_only_to_the_asker(catalogue: Catalogue, question: str | None) -> None:
    async def scenario() -> None:
        async with running_bot(catalogue) as bot:
            payload = bot.slash(question)
            [followup] = await bot.wait_calls("POST", f"/webhooks/{APP_ID}/{payload['token']}")
            [deleted] = bot.fake.matching("DELETE", f"/webhooks/{APP_ID}/{payload['token']}/messages/@original")
            # Discord ignores the ephemeral flag of the first follow-up to a public deferral, so the public
            # placeholder must be gone before the ephemeral follow-up
            assert bot.fake.calls.index(deleted) < bot.fake.calls.index(followup)
            assert followup.body["flags"] & 64
            # what the channel ends up with: the answer only the asker sees, and no public placeholder
            visible = [m for m in bot.fake.messages.values() if m.get("webhook_id") or m.get("interaction")]
            assert visible and all(m["flags"] & 64 for m in visible)
            embed_within_limits(followup.body["embeds"][0])

    drive(scenario)


def test_the_slash_cooldown_is_an_ephemeral_notice_without_deferring(catalogue: Catalogue) -> None:
    async def scenario() -> None:
        async with running_bot(catalogue, capacity=1, per_minute=1.0) as bot:
            first = bot.slash("help")
            await bot.wait_calls("POST", f"/webhooks/{APP_ID}/{first['token']}")
            second = bot.slash("gpt-4.1 mini vs nano")
            [callback] = await bot.wait_calls("POST", f"/interactions/{second['id']}/")
            assert callback.body["type"] == 4 and callback.body["data"]["flags"] & 64
            assert "try again in about 60 seconds" in callback.body["data"]["content"]
            assert bot.core.asked == []  # help needs no parser, and the second question was not asked

    drive(scenario)


def test_a_slash_follow_up_refines_the_users_last_question_in_the_channel(catalogue: Catalogue) -> None:
    async def scenario() -> None:
        async with running_bot(catalogue) as bot:
            first = bot.slash("cheapest for 50M tokens of classification")
            await bot.wait_calls("POST", f"/webhooks/{APP_ID}/{first['token']}")
            second = bot.slash("what about 100M?")
            [followup] = await bot.wait_calls("POST", f"/webhooks/{APP_ID}/{second['token']}")
            assert bot.core.asked[1][1] is not None and bot.core.asked[1][1].task == "classification"
            assert "100M" in followup.body["embeds"][0]["title"]

    drive(scenario)


def test_show_more_pages_to_the_next_rows_from_the_core(catalogue: Catalogue) -> None:
    async def scenario() -> None:
        async with running_bot(catalogue) as bot:
            payload = bot.slash("cheapest model for summarization")  # an answer one embed holds
            [first] = await bot.wait_calls("POST", f"/webhooks/{APP_ID}/{payload['token']}")
            button, *others = buttons(first.body)
            assert [b["label"] for b in others] == ["Compare top 2", "Best quality instead"]  # the core's actions
            target = Press.parse(button["custom_id"])
            assert target is not None and target.page == 0 and button["label"].startswith("Show more (")
            assert bot.client.state.action(target.action_id)[1] == 5
            assert all(len(b["custom_id"]) <= 100 for b in buttons(first.body))
            click = bot.click(stored(bot.fake, first))
            [page2] = await bot.wait_calls("POST", f"/webhooks/{APP_ID}/{click['token']}")
            [update] = bot.fake.matching("POST", f"/interactions/{click['id']}/")
            assert update.body["type"] == 7  # the pressed button is removed, the others stay
            kept = [c["custom_id"] for row in update.body["data"]["components"] for c in row["components"]]
            assert kept == [b["custom_id"] for b in others + votes(first.body)]  # the thumbs stay too
            assert bot.core.paged[-1][1] == 5 and bot.core.paged[-1][0].task == "summarization"
            [embed] = page2.body["embeds"]
            embed_within_limits(embed)
            assert "Rows 6-10 of" in embed["footer"]["text"]
            assert "6. " in embed["description"]
            no_pings(page2.body)
            # the next page has its own button, further on
            [further] = buttons(page2.body)
            assert bot.client.state.action(Press.parse(further["custom_id"]).action_id)[1] == 10

    drive(scenario)


def test_show_more_pages_through_an_answer_too_long_for_one_embed(catalogue: Catalogue) -> None:
    async def scenario() -> None:
        async with running_bot(catalogue) as bot:
            bot.send_message(f"<@{BOT_ID}> tell me about gpt-4.1")
            [first] = await bot.wait_calls("POST", "/messages")
            assert "Page 1/" in first.body["embeds"][0]["footer"]["text"]
            target = Press.parse(buttons(first.body)[0]["custom_id"])
            assert target is not None and target.page == 1
            assert bot.client.state.action(target.action_id)[1] == 0
            original = stored(bot.fake, first)
            click = bot.click(original, who=BOB)  # anyone in the channel may page
            [page2] = await bot.wait_calls("POST", f"/webhooks/{APP_ID}/{click['token']}")
            [embed] = page2.body["embeds"]
            embed_within_limits(embed)
            assert "Page 2/" in embed["footer"]["text"]
            assert embed["title"] == first.body["embeds"][0]["title"]
            # a second click on the same (stale) button does not post the page twice
            again = bot.click(original, who=BOB)
            [notice] = await bot.wait_calls("POST", f"/interactions/{again['id']}/")
            assert notice.body["type"] == 4 and notice.body["data"]["flags"] & 64

    drive(scenario)


def test_a_show_more_button_from_before_a_restart_says_so_politely(catalogue: Catalogue) -> None:
    async def scenario() -> None:
        async with running_bot(catalogue) as bot:
            old = {
                "type": 1,
                "components": [
                    {
                        "type": 2,
                        "style": 2,
                        "label": "Show more",
                        "custom_id": "whichmodel:more:42:5:0:e",  # a "Show more" from before the state store
                    }
                ],
            }
            message = bot.fake.message(CHANNEL_ID, {"embeds": [{"title": "old"}], "components": [old]})
            click = bot.click(message)
            [callback] = await bot.wait_calls("POST", f"/interactions/{click['id']}/")
            assert callback.body["type"] == 4 and callback.body["data"]["flags"] & 64
            assert "ask the question again" in callback.body["data"]["content"]
            assert bot.core.paged == []

    drive(scenario)


def test_a_slash_core_exception_is_an_ephemeral_apology_with_an_error_id(
    catalogue: Catalogue, caplog: pytest.LogCaptureFixture
) -> None:
    async def scenario() -> None:
        async with running_bot(catalogue) as bot:
            bot.core.fail_with = ValueError("bad data")
            payload = bot.slash("cheapest for 50M tokens of classification")
            [followup] = await bot.wait_calls("POST", f"/webhooks/{APP_ID}/{payload['token']}")
            assert followup.body["flags"] & 64
            footer = followup.body["embeds"][0]["footer"]["text"]
            error_id = re.search(r"Error id: (\w+)", footer).group(1)
            assert any(f"error_id={error_id}" in r.getMessage() for r in caplog.records if r.exc_info)

    with caplog.at_level(logging.INFO):
        drive(scenario)


def test_commands_sync_to_the_dev_guild_only_with_the_sync_flag(catalogue: Catalogue) -> None:
    async def scenario() -> None:
        async with running_bot(catalogue, guild_id=GUILD_ID, sync=True, ready=False) as bot:
            [put] = bot.fake.matching("PUT", "/commands")
            assert put.path == f"/applications/{APP_ID}/guilds/{GUILD_ID}/commands"
            whichmodel, compare = put.body
            assert whichmodel["name"] == "whichmodel"
            [option, faq] = whichmodel["options"]
            assert option["name"] == "question" and option["type"] == 3 and not option.get("required")
            assert option["autocomplete"] is True
            assert faq["name"] == "faq" and [c["value"] for c in faq["choices"]] == ["on", "off"]  # FAQ channels
            assert compare["name"] == "compare"
            opts = compare["options"]
            options = [(o["name"], o["type"], o.get("required", False), o.get("autocomplete", False)) for o in opts]
            assert options == [("model_a", 3, True, True), ("model_b", 3, True, True), ("volume", 3, False, False)]
            for command in put.body:  # installable on servers and users; usable in servers, bot DMs, group DMs
                assert sorted(command["integration_types"]) == [0, 1] and sorted(command["contexts"]) == [0, 1, 2]

    drive(scenario)


def test_commands_sync_globally_without_a_dev_guild(catalogue: Catalogue) -> None:
    async def scenario() -> None:
        async with running_bot(catalogue, sync=True, ready=False) as bot:
            [put] = bot.fake.matching("PUT", "/commands")
            assert put.path == f"/applications/{APP_ID}/commands"

    drive(scenario)


def test_commands_are_not_synced_on_an_ordinary_start(catalogue: Catalogue) -> None:
    async def scenario() -> None:
        async with running_bot(catalogue, guild_id=GUILD_ID, ready=False) as bot:
            # login() returns after setup_hook, where a sync would happen
            assert bot.fake.matching("PUT", "/commands") == []
            assert [c.path for c in bot.fake.calls] == ["/users/@me", "/oauth2/applications/@me"]

    drive(scenario)


def test_shards_auto_uses_the_auto_sharded_client() -> None:
    settings = load_settings(discord_token=TOKEN)
    assert isinstance(build_client(settings, shards="auto"), discord.AutoShardedClient)
    assert isinstance(build_client(settings, shards="auto"), WhichModelShardedClient)
    plain = build_client(settings)
    assert not isinstance(plain, discord.AutoShardedClient)
    assert plain.allowed_mentions is not None and plain.allowed_mentions.to_dict() == {"parse": []}
    assert not plain.intents.message_content and not plain.intents.members and not plain.intents.presences


def test_run_without_a_token_stops_with_one_line_naming_it(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DISCORD_TOKEN", "WHICHMODEL_DISCORD_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(SystemExit) as stop:
        run(load_settings())
    assert "DISCORD_TOKEN" in str(stop.value)


def test_run_sends_the_token_from_the_settings_and_stops_with_one_line_when_discord_rejects_it(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # `run` owns its event loop (discord.py's Client.run), so the fake API runs in a loop of its own
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()

    async def start() -> FakeDiscord:
        fake = FakeDiscord()
        await fake.start()
        return fake

    fake = asyncio.run_coroutine_threadsafe(start(), loop).result(WAIT)
    monkeypatch.setattr(discord.http.Route, "BASE", fake.base)
    monkeypatch.setattr(discord.utils, "setup_logging", lambda **kwargs: None)  # keep the root logger as it is
    wrong = "wrong-token.SHOULD-NOT-BE.LOGGED"
    try:
        with caplog.at_level(logging.DEBUG), pytest.raises(SystemExit) as stop:
            run(load_settings(discord_token=wrong, port=0, refresh_enabled=False))
    finally:
        asyncio.run_coroutine_threadsafe(fake.stop(), loop).result(WAIT)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(WAIT)
    assert "rejected DISCORD_TOKEN" in str(stop.value)
    assert [c.headers.get("Authorization") for c in fake.calls] == [f"Bot {wrong}"]
    assert not [r for r in caplog.records if "SHOULD-NOT-BE-LOGGED" in r.getMessage()]
