"""The Discord bot against a fake Discord REST API on loopback, driven by gateway payloads.

The real discord.py client logs in against the fake API (`discord.http.Route.BASE` points at it), gets a
READY-equivalent (READY then GUILD_CREATE through discord.py's own parsers), then is fed MESSAGE_CREATE and
INTERACTION_CREATE payloads exactly as the gateway would deliver them. The tests check the REST calls the bot
makes. No real gateway, no sleeps: every wait is for a recorded request (or a future), with a timeout.

The core is a test double that answers from the real catalogue with canned queries (the parser is not under test
here); one test uses the real `bot.assistant` when the parser is installed.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import re
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import discord
import pytest
from aiohttp import web

from adapters.discord.client import Core, WhichModelClient, WhichModelShardedClient, build_client, run
from adapters.discord.embeds import CONTENT, DESCRIPTION, FIELD_VALUE, FIELDS, FOOTER, TITLE, TOTAL, More, dlen
from bot.contract.answer import Answer
from bot.catalogue.store import Catalogue
from bot.intents.registry import answer_for
from bot.contract.policy import DEFAULT_POLICY
from bot.contract.query import Query
from bot.runtime.settings import load_settings

TOKEN = "test-token.NOT-A-REAL-SECRET.Zm9vYmFy"
APP_ID = 1100000000000000001
BOT_ID = 1100000000000000001  # Discord apps made since 2019 share the id with their bot user
BOT_ROLE = 1100000000000000002
GUILD_ID = 1100000000000000010
CHANNEL_ID = 1100000000000000020
NO_EMBED_CHANNEL_ID = 1100000000000000021
DM_CHANNEL_ID = 1100000000000000030
ALICE = 1100000000000000100
BOB = 1100000000000000101
OTHER_BOT = 1100000000000000102
WAIT = 10.0  # seconds before a wait for a request counts as a failure

# VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | READ_MESSAGE_HISTORY | USE_APPLICATION_COMMANDS
EVERYONE_PERMS = (1 << 10) | (1 << 11) | (1 << 14) | (1 << 16) | (1 << 31)
EMBED_LINKS = 1 << 14

BOT_USER = {
    "id": str(BOT_ID),
    "username": "whichmodel",
    "discriminator": "0",
    "global_name": None,
    "avatar": None,
    "bot": True,
    "flags": 0,
    "verified": True,
    "mfa_enabled": False,
    "locale": "en-US",
}


def user(uid: int, name: str, bot: bool = False) -> dict[str, Any]:
    return {
        "id": str(uid),
        "username": name,
        "discriminator": "0",
        "global_name": name.title(),
        "avatar": None,
        "bot": bot,
        "public_flags": 0,
    }


def timestamp() -> str:
    return "2026-05-21T12:00:00.000000+00:00"


def member(roles: list[int] | None = None) -> dict[str, Any]:
    return {
        "roles": [str(r) for r in roles or []],
        "joined_at": timestamp(),
        "deaf": False,
        "mute": False,
        "flags": 0,
        "nick": None,
        "avatar": None,
        "premium_since": None,
        "pending": False,
    }


READY = {
    "v": 10,
    "user": BOT_USER,
    "guilds": [{"id": str(GUILD_ID), "unavailable": True}],
    "session_id": "fake-session",
    "resume_gateway_url": "wss://127.0.0.1/",
    "application": {"id": str(APP_ID), "flags": 0},
    "private_channels": [],
    "relationships": [],
    "user_settings": {},
    "presences": [],
}


def text_channel(cid: int, name: str, overwrites: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {
        "id": str(cid),
        "type": 0,
        "guild_id": str(GUILD_ID),
        "name": name,
        "position": 0,
        "topic": None,
        "nsfw": False,
        "parent_id": None,
        "rate_limit_per_user": 0,
        "permission_overwrites": overwrites or [],
        "last_message_id": None,
    }


GUILD_CREATE = {
    "id": str(GUILD_ID),
    "name": "Test team",
    "icon": None,
    "splash": None,
    "discovery_splash": None,
    "owner_id": str(ALICE),
    "afk_channel_id": None,
    "afk_timeout": 300,
    "verification_level": 0,
    "default_message_notifications": 0,
    "explicit_content_filter": 0,
    "mfa_level": 0,
    "nsfw_level": 0,
    "system_channel_id": None,
    "system_channel_flags": 0,
    "rules_channel_id": None,
    "vanity_url_code": None,
    "description": None,
    "banner": None,
    "premium_tier": 0,
    "premium_subscription_count": 0,
    "preferred_locale": "en-US",
    "public_updates_channel_id": None,
    "features": [],
    "emojis": [],
    "stickers": [],
    "roles": [
        {
            "id": str(GUILD_ID),
            "name": "@everyone",
            "permissions": str(EVERYONE_PERMS),
            "position": 0,
            "color": 0,
            "hoist": False,
            "managed": False,
            "mentionable": False,
            "flags": 0,
            "icon": None,
            "unicode_emoji": None,
        },
        {
            "id": str(BOT_ROLE),
            "name": "whichmodel",
            "permissions": "0",
            "position": 1,
            "color": 0,
            "hoist": False,
            "managed": True,
            "mentionable": False,
            "flags": 0,
            "icon": None,
            "unicode_emoji": None,
            "tags": {"bot_id": str(BOT_ID)},
        },
    ],
    "channels": [
        text_channel(CHANNEL_ID, "general"),
        text_channel(
            NO_EMBED_CHANNEL_ID, "no-embeds", [{"id": str(GUILD_ID), "type": 0, "allow": "0", "deny": str(EMBED_LINKS)}]
        ),
    ],
    "members": [{**member([BOT_ROLE]), "user": BOT_USER}],
    "member_count": 4,
    "large": False,
    "unavailable": False,
    "joined_at": timestamp(),
    "threads": [],
    "voice_states": [],
    "presences": [],
    "stage_instances": [],
    "guild_scheduled_events": [],
    "soundboard_sounds": [],
}


# ------------------------------------------------------------------------------------------------ fake Discord API


@dataclass
class Call:
    method: str
    path: str  # without the /api/v10 prefix
    query: dict[str, str]
    body: Any
    headers: dict[str, str]
    response: Any = None  # the JSON the fake answered with


def json_response(data: Any, status: int = 200) -> web.Response:
    """Discord's JSON: exactly `application/json` (discord.py compares the header verbatim)."""
    return web.Response(status=status, body=json.dumps(data).encode(), headers={"Content-Type": "application/json"})


class FakeDiscord:
    """The parts of Discord's REST API the bot uses, answering as Discord does, recording every call."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.changed = asyncio.Condition()
        self.ids = itertools.count(1200000000000000000)
        self.messages: dict[int, dict[str, Any]] = {}
        self.originals: dict[str, dict[str, Any]] = {}  # interaction token -> the response message
        self.component_messages: dict[str, dict[str, Any]] = {}  # interaction token -> the message clicked
        self.commands: list[dict[str, Any]] = []
        app = web.Application()
        app.router.add_route("*", "/api/v10/{tail:.*}", self.handle)
        self.runner = web.AppRunner(app, access_log=None)
        self.base = ""

    async def start(self) -> None:
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        port = self.runner.addresses[0][1]
        self.base = f"http://127.0.0.1:{port}/api/v10"

    async def stop(self) -> None:
        await self.runner.cleanup()

    # --- waiting

    async def wait_for(self, predicate: Callable[[list[Call]], Any], timeout: float = WAIT) -> Any:
        """The first truthy `predicate(calls)`, waiting for new calls; fails the test after `timeout`."""

        async def waiter() -> Any:
            async with self.changed:
                while True:
                    result = predicate(self.calls)
                    if result:
                        return result
                    await self.changed.wait()

        try:
            return await asyncio.wait_for(waiter(), timeout)
        except TimeoutError:
            pytest.fail(f"timed out waiting; calls were: {[(c.method, c.path) for c in self.calls]}")

    async def wait_calls(self, method: str, fragment: str, count: int = 1) -> list[Call]:
        return await self.wait_for(lambda calls: (m := self.matching(method, fragment)) and len(m) >= count and m)

    def matching(self, method: str, fragment: str) -> list[Call]:
        return [c for c in self.calls if c.method == method and fragment in c.path]

    # --- Discord

    def message(self, channel_id: int, body: dict[str, Any], **extra: Any) -> dict[str, Any]:
        mid = next(self.ids)
        data = {
            "id": str(mid),
            "channel_id": str(channel_id),
            "author": BOT_USER,
            "content": body.get("content") or "",
            "timestamp": timestamp(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [],
            "embeds": body.get("embeds") or [],
            "components": body.get("components") or [],
            "pinned": False,
            "type": 0,
            "flags": body.get("flags", 0),
        }
        if body.get("message_reference"):
            data["type"] = 19
            data["message_reference"] = body["message_reference"]
        data.update(extra)
        self.messages[mid] = data
        return data

    async def handle(self, request: web.Request) -> web.Response:
        path = "/" + request.match_info["tail"]
        raw = await request.read()
        body = json.loads(raw) if raw and request.content_type == "application/json" else None
        call = Call(request.method, path, dict(request.query), body, dict(request.headers))
        response = self.route(call)
        if response.content_type == "application/json" and response.body:
            call.response = json.loads(response.body)
        async with self.changed:
            self.calls.append(call)
            self.changed.notify_all()
        return response

    def route(self, call: Call) -> web.Response:
        parts = call.path.strip("/").split("/")
        if (
            call.headers.get("Authorization") not in (f"Bot {TOKEN}", None)
            and parts[0] != "interactions"
            and parts[0] != "webhooks"
        ):
            return json_response({"message": "401: Unauthorized", "code": 0}, 401)
        if call.method == "GET" and call.path == "/users/@me":
            return json_response(BOT_USER)
        if call.method == "GET" and call.path == "/oauth2/applications/@me":
            return json_response(
                {
                    "id": str(APP_ID),
                    "name": "whichmodel",
                    "icon": None,
                    "description": "",
                    "summary": "",
                    "rpc_origins": [],
                    "bot_public": True,
                    "bot_require_code_grant": False,
                    "verify_key": "00" * 32,
                    "owner": user(ALICE, "alice"),
                    "team": None,
                    "flags": 0,
                    "interactions_endpoint_url": None,
                    "bot": BOT_USER,
                }
            )
        if call.method == "POST" and parts[0] == "channels" and parts[2:] == ["messages"]:
            extra = {} if int(parts[1]) == DM_CHANNEL_ID else {"guild_id": str(GUILD_ID)}
            return json_response(self.message(int(parts[1]), call.body, **extra))
        if call.method == "POST" and parts[0] == "interactions" and parts[3:] == ["callback"]:
            return self.callback(int(parts[1]), parts[2], call)
        if parts[0] == "webhooks" and len(parts) == 3 and call.method == "POST":
            original = self.originals.get(parts[2])
            if original is not None and original.get("pending"):
                # The first follow-up to a deferral resolves the placeholder: it *is* the original message, and
                # its visibility is the deferral's (Discord ignores the follow-up's ephemeral flag here).
                msg = {**original, **call.body, "flags": original["flags"] & 64, "pending": False}
                self.messages[int(msg["id"])] = self.originals[parts[2]] = msg
            else:
                msg = self.message(CHANNEL_ID, call.body, webhook_id=str(APP_ID), application_id=str(APP_ID))
            # interaction follow-ups always return the message ("wait is always true"); other webhooks on ?wait
            if parts[1] == str(APP_ID) or call.query.get("wait") in ("1", "true", "True"):
                return json_response(msg)
            return web.Response(status=204)
        if parts[0] == "webhooks" and parts[3:] == ["messages", "@original"]:
            if call.method == "DELETE":
                gone = self.originals.pop(parts[2], None)
                if gone is not None:
                    self.messages.pop(int(gone["id"]), None)
                return web.Response(status=204)
            if call.method == "PATCH":
                msg = {**self.originals.get(parts[2], self.message(CHANNEL_ID, {})), **(call.body or {})}
                return json_response(msg)
        if call.method == "PUT" and parts[0] == "applications" and parts[-1] == "commands":
            guild = parts[3] if len(parts) == 5 else None
            self.commands = [
                {
                    **cmd,
                    "id": str(next(self.ids)),
                    "application_id": str(APP_ID),
                    "version": str(next(self.ids)),
                    "type": cmd.get("type", 1),
                    **({"guild_id": guild} if guild else {}),
                }
                for cmd in call.body
            ]
            return json_response(self.commands)
        return json_response({"message": "404: Not Found", "code": 0}, 404)

    def callback(self, interaction_id: int, token: str, call: Call) -> web.Response:
        """POST /interactions/{id}/{token}/callback: 204, or with `with_response` the callback resource."""
        kind = call.body["type"]
        data = call.body.get("data") or {}
        flags = data.get("flags", 0) or 0
        resource: dict[str, Any] = {"type": kind}
        if kind == 5:  # deferred: a "thinking..." placeholder (LOADING) that the first follow-up resolves
            who = user(ALICE, "alice")
            msg = self.message(
                CHANNEL_ID,
                {"flags": flags | 128},
                webhook_id=str(APP_ID),
                application_id=str(APP_ID),
                interaction={"id": str(interaction_id), "type": 2, "name": "whichmodel", "user": who},
                interaction_metadata={
                    "id": str(interaction_id),
                    "type": 2,
                    "user": who,
                    "authorizing_integration_owners": {"0": str(GUILD_ID)},
                },
            )
            self.originals[token] = {**msg, "pending": True}
            resource["message"] = msg
        elif kind == 4:
            msg = self.message(CHANNEL_ID, data)
            self.originals[token] = msg
            resource["message"] = msg
        elif kind == 7:  # update the message the component is on
            clicked = self.component_messages[token]
            msg = {**self.messages.get(int(clicked["id"]), clicked), **data}
            self.messages[int(msg["id"])] = msg
            resource["message"] = msg
        payload = {
            "interaction": {
                "id": str(interaction_id),
                "type": 2,
                "response_message_id": resource.get("message", {}).get("id"),
                "response_message_loading": kind == 5,
                "response_message_ephemeral": bool(flags & 64),
            },
        }
        if "message" in resource or kind in (5, 4, 7):
            payload["resource"] = resource
        if call.query.get("with_response") in ("1", "true", "True"):
            return json_response(payload)
        return web.Response(status=204)


# ------------------------------------------------------------------------------------------------------ the core


class FakeCore:
    """Answers from the real catalogue for a few canned questions (a test double, not a parser)."""

    FOLLOW_UPS = {"what about 100M?": {"tokens_per_month": 100_000_000}, "only openai": {"providers": ["openai"]}}

    def __init__(self, catalogue: Catalogue, canned: dict[str, Query] | None = None) -> None:
        self.catalogue = catalogue
        self.canned = {
            "cheapest for 50M tokens of classification": Query(
                intent="recommend", task="classification", sort_by="cost", tokens_per_month=50_000_000
            ),
            "gpt-4.1 mini vs nano": Query(intent="compare", models=["gpt-4.1-mini", "gpt-4.1-nano"]),
            "tell me about gpt-4.1": Query(intent="info", models=["gpt-4.1"]),
            "": Query(intent="help"),
            "help": Query(intent="help"),
            **(canned or {}),
        }
        self.asked: list[tuple[str, Query | None]] = []
        self.paged: list[tuple[Query, int]] = []
        self.answers: list[Answer] = []
        self.fail_with: Exception | None = None

    def answer(self, query: Query, offset: int = 0) -> Answer:
        answer = answer_for(query, self.catalogue, DEFAULT_POLICY, offset=offset)
        self.answers.append(answer)
        return answer

    def ask(self, text: str, previous: Query | None) -> Answer:
        self.asked.append((text, previous))
        if self.fail_with is not None:
            raise self.fail_with
        if text in self.FOLLOW_UPS and previous is not None:
            return self.answer(previous.model_copy(update={**self.FOLLOW_UPS[text], "followup": True}))
        query = self.canned.get(text)
        if query is None:
            return self.answer(Query(intent="unknown", refusal="I only answer questions about LLMs."))
        return self.answer(query)

    def page(self, query: Query, offset: int) -> Answer:
        self.paged.append((query, offset))
        return self.answer(query, offset)

    def core(self) -> Core:
        return Core(ask=self.ask, page=self.page)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


# -------------------------------------------------------------------------------------------------- the harness


@dataclass
class Bot:
    fake: FakeDiscord
    client: WhichModelClient
    core: FakeCore
    clock: Clock
    ids: itertools.count = field(default_factory=lambda: itertools.count(1300000000000000000))

    # --- gateway payloads

    def message_payload(
        self,
        content: str,
        author: dict[str, Any] | None = None,
        *,
        mention: bool = True,
        channel_id: int = CHANNEL_ID,
        reply_to: dict[str, Any] | None = None,
        guild: bool = True,
    ) -> dict[str, Any]:
        author = author or user(ALICE, "alice")
        data: dict[str, Any] = {
            "id": str(next(self.ids)),
            "channel_id": str(channel_id),
            "author": author,
            "content": content,
            "timestamp": timestamp(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [{**BOT_USER, "member": member([BOT_ROLE])}] if mention else [],
            "mention_roles": [],
            "attachments": [],
            "embeds": [],
            "components": [],
            "pinned": False,
            "type": 0,
            "flags": 0,
        }
        if guild:
            data["guild_id"] = str(GUILD_ID)
            data["member"] = member()
        if reply_to is not None:
            data["type"] = 19
            data["message_reference"] = {
                "type": 0,
                "message_id": reply_to["id"],
                "channel_id": str(channel_id),
                **({"guild_id": str(GUILD_ID)} if guild else {}),
            }
            data["referenced_message"] = reply_to
        return data

    def send_message(self, content: str, **kwargs: Any) -> dict[str, Any]:
        data = self.message_payload(content, **kwargs)
        self.client._connection.parse_message_create(data)
        return data

    def interaction_payload(self, kind: int, data: dict[str, Any], who: int = ALICE, **extra: Any) -> dict[str, Any]:
        return {
            "id": str(next(self.ids)),
            "application_id": str(APP_ID),
            "type": kind,
            "token": f"itoken-{next(self.ids)}",
            "version": 1,
            "guild_id": str(GUILD_ID),
            "channel_id": str(CHANNEL_ID),
            "channel": text_channel(CHANNEL_ID, "general"),
            "member": {
                **member(),
                "user": user(who, "alice" if who == ALICE else "bob"),
                "permissions": str(EVERYONE_PERMS),
            },
            "app_permissions": str(EVERYONE_PERMS),
            "locale": "en-US",
            "guild_locale": "en-US",
            "entitlements": [],
            "authorizing_integration_owners": {"0": str(GUILD_ID)},
            "context": 0,
            "attachment_size_limit": 10 * 1024 * 1024,
            "data": data,
            **extra,
        }

    def slash(self, question: str | None, who: int = ALICE) -> dict[str, Any]:
        options = [{"name": "question", "type": 3, "value": question}] if question is not None else []
        payload = self.interaction_payload(2, {"id": "1", "name": "whichmodel", "type": 1, "options": options}, who)
        self.client._connection.parse_interaction_create(payload)
        return payload

    def click(self, message: dict[str, Any], who: int = ALICE) -> dict[str, Any]:
        """Click the first button on `message` (a message the bot sent, as Discord stored it)."""
        button = message["components"][0]["components"][0]
        payload = self.interaction_payload(
            3, {"custom_id": button["custom_id"], "component_type": 2}, who, message=message
        )
        self.fake.component_messages[payload["token"]] = message
        self.client._connection.parse_interaction_create(payload)
        return payload


@asynccontextmanager
async def running_bot(
    catalogue: Catalogue,
    *,
    capacity: int = 5,
    per_minute: float = 10.0,
    guild_id: int | None = None,
    sync: bool = False,
    shards: str | None = None,
    ready: bool = True,
) -> AsyncIterator[Bot]:
    fake = FakeDiscord()
    await fake.start()
    old_base = discord.http.Route.BASE
    discord.http.Route.BASE = fake.base
    settings = load_settings(
        discord_token=TOKEN, discord_guild_id=guild_id, rate_capacity=capacity, rate_per_minute=per_minute
    )
    core, clock = FakeCore(catalogue), Clock()
    client = build_client(settings, core=core.core(), clock=clock, sync=sync, shards=shards)
    try:
        await client.login(TOKEN)
        if ready:
            state = client._connection
            state.guild_ready_timeout = 0.0
            state.parse_ready(READY)
            state.parse_guild_create(GUILD_CREATE)
            await asyncio.wait_for(client.wait_until_ready(), WAIT)
        yield Bot(fake, client, core, clock)
    finally:
        await client.close()
        discord.http.Route.BASE = old_base
        await fake.stop()


def drive(scenario: Callable[[], Any]) -> None:
    """Run an async scenario in a fresh event loop, failing (not hanging) after a minute."""

    async def bounded() -> None:
        await asyncio.wait_for(scenario(), 60)

    asyncio.run(bounded())


# ------------------------------------------------------------------------------------------------------ helpers


def embed_within_limits(embed: dict[str, Any]) -> None:
    assert dlen(embed.get("title")) <= TITLE
    assert dlen(embed.get("description")) <= DESCRIPTION
    fields = embed.get("fields", [])
    assert len(fields) <= FIELDS
    assert all(dlen(f["value"]) <= FIELD_VALUE and dlen(f["name"]) <= 256 for f in fields)
    assert dlen(embed.get("footer", {}).get("text")) <= FOOTER
    total = dlen(embed.get("title")) + dlen(embed.get("description")) + dlen(embed.get("footer", {}).get("text"))
    total += sum(dlen(f["name"]) + dlen(f["value"]) for f in fields)
    assert total <= TOTAL


def no_pings(body: dict[str, Any]) -> None:
    assert body["allowed_mentions"]["parse"] == []
    assert not body["allowed_mentions"].get("replied_user")
    assert "users" not in body["allowed_mentions"] and "roles" not in body["allowed_mentions"]


def buttons(body: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for row in body.get("components") or [] for c in row["components"]]


def stored(fake: FakeDiscord, call: Call) -> dict[str, Any]:
    """The message a create-message call made, as Discord returned it (what a later event would carry)."""
    assert isinstance(call.response, dict) and "id" in call.response, "that call created no message"
    return dict(call.response)


# -------------------------------------------------------------------------------------------------------- tests


def test_a_mention_is_answered_as_a_reply_with_an_embed_that_pings_nobody(catalogue: Catalogue) -> None:
    async def scenario() -> None:
        async with running_bot(catalogue) as bot:
            question = bot.send_message(f"<@{BOT_ID}> cheapest for 50M tokens of classification")
            [call] = await bot.fake.wait_calls("POST", f"/channels/{CHANNEL_ID}/messages")
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
            await bot.fake.wait_calls("POST", "/messages")
            assert bot.core.asked[0][0] == "gpt-4.1 mini vs nano"

    drive(scenario)


def test_a_comparison_of_two_models_is_shown_as_fields(catalogue: Catalogue) -> None:
    async def scenario() -> None:
        async with running_bot(catalogue) as bot:
            bot.send_message(f"<@{BOT_ID}> gpt-4.1 mini vs nano")
            [call] = await bot.fake.wait_calls("POST", "/messages")
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
            [call] = await bot.fake.wait_calls("POST", "/messages")
            assert [text for text, _ in bot.core.asked] == ["gpt-4.1 mini vs nano"]
            assert len(bot.fake.matching("POST", "/messages")) == 1

    drive(scenario)


def test_a_reply_to_an_answer_refines_that_answers_query(catalogue: Catalogue) -> None:
    async def scenario() -> None:
        async with running_bot(catalogue) as bot:
            bot.send_message(f"<@{BOT_ID}> cheapest for 50M tokens of classification")
            [first] = await bot.fake.wait_calls("POST", "/messages")
            bot.send_message(f"<@{BOT_ID}> gpt-4.1 mini vs nano")  # a later, different question
            await bot.fake.wait_calls("POST", "/messages", 2)
            # Bob replies to the first answer; a reply pings its author by default, so Discord lists the bot in
            # the mentions (and delivers the content) but the text has no <@id>
            reply = bot.send_message("what about 100M?", author=user(BOB, "bob"), reply_to=stored(bot.fake, first))
            calls = await bot.fake.wait_calls("POST", "/messages", 3)
            text, previous = bot.core.asked[2]
            assert text == "what about 100M?"
            assert previous is not None and previous.task == "classification" and previous.tokens_per_month == 50e6
            assert str(calls[2].body["message_reference"]["message_id"]) == reply["id"]
            assert "100M" in calls[2].body["embeds"][0]["title"]
            # and a reply to the refined answer refines the refined query
            bot.send_message("only openai", reply_to=stored(bot.fake, calls[2]))
            await bot.fake.wait_calls("POST", "/messages", 4)
            assert bot.core.asked[3][1] is not None and bot.core.asked[3][1].tokens_per_month == 100e6

    drive(scenario)


def test_a_reply_without_the_ping_carries_no_content_and_is_left_alone(catalogue: Catalogue) -> None:
    async def scenario() -> None:
        async with running_bot(catalogue) as bot:
            bot.send_message(f"<@{BOT_ID}> help")
            [first] = await bot.fake.wait_calls("POST", "/messages")
            bot.send_message("", mention=False, reply_to=stored(bot.fake, first))  # no message-content intent
            bot.send_message(f"<@{BOT_ID}> gpt-4.1 mini vs nano")  # barrier
            await bot.fake.wait_calls("POST", "/messages", 2)
            assert [t for t, _ in bot.core.asked] == ["help", "gpt-4.1 mini vs nano"]

    drive(scenario)


def test_direct_messages_need_no_mention(catalogue: Catalogue) -> None:
    async def scenario() -> None:
        async with running_bot(catalogue) as bot:
            bot.send_message("gpt-4.1 mini vs nano", mention=False, guild=False, channel_id=DM_CHANNEL_ID)
            [call] = await bot.fake.wait_calls("POST", f"/channels/{DM_CHANNEL_ID}/messages")
            assert bot.core.asked == [("gpt-4.1 mini vs nano", None)]
            no_pings(call.body)

    drive(scenario)


def test_the_cooldown_answers_politely_once_then_lets_the_user_ask_again(catalogue: Catalogue) -> None:
    async def scenario() -> None:
        async with running_bot(catalogue, capacity=1, per_minute=2.0) as bot:
            bot.send_message(f"<@{BOT_ID}> help")
            await bot.fake.wait_calls("POST", "/messages", 1)
            limited = bot.send_message(f"<@{BOT_ID}> gpt-4.1 mini vs nano")
            calls = await bot.fake.wait_calls("POST", "/messages", 2)
            notice = calls[1].body
            assert str(notice["message_reference"]["message_id"]) == limited["id"]
            assert "try again in 30 seconds" in notice["content"]
            assert not notice.get("embeds")
            no_pings(notice)
            bot.send_message(f"<@{BOT_ID}> gpt-4.1 mini vs nano")  # still limited: no second notice (no spam)
            bobs = bot.send_message(f"<@{BOT_ID}> help", author=user(BOB, "bob"))  # Bob is not limited: a barrier
            await bot.fake.wait_for(
                lambda calls: [
                    c
                    for c in calls
                    if c.body and str((c.body.get("message_reference") or {}).get("message_id")) == bobs["id"]
                ]
            )
            assert len(bot.fake.matching("POST", "/messages")) == 3
            bot.clock.now += 30  # a token is back
            bot.send_message(f"<@{BOT_ID}> gpt-4.1 mini vs nano")
            calls = await bot.fake.wait_calls("POST", "/messages", 4)
            assert calls[3].body["embeds"] and [t for t, _ in bot.core.asked].count("gpt-4.1 mini vs nano") == 1

    drive(scenario)


def test_a_core_exception_becomes_an_apology_with_the_logged_error_id(
    catalogue: Catalogue, caplog: pytest.LogCaptureFixture
) -> None:
    async def scenario() -> None:
        async with running_bot(catalogue) as bot:
            bot.core.fail_with = RuntimeError("the core blew up")
            bot.send_message(f"<@{BOT_ID}> help")
            [call] = await bot.fake.wait_calls("POST", "/messages")
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
            bot.client.core = Core(ask=lambda text, previous: sorry, page=bot.core.page)
            bot.send_message(f"<@{BOT_ID}> anything")
            [call] = await bot.fake.wait_calls("POST", "/messages")
            assert "abc123def0" in call.body["embeds"][0]["footer"]["text"]

    drive(scenario)


def test_a_channel_without_embed_links_gets_plain_text_within_2000_characters(catalogue: Catalogue) -> None:
    async def scenario() -> None:
        async with running_bot(catalogue) as bot:
            bot.send_message(f"<@{BOT_ID}> tell me about gpt-4.1", channel_id=NO_EMBED_CHANNEL_ID)
            [call] = await bot.fake.wait_calls("POST", f"/channels/{NO_EMBED_CHANNEL_ID}/messages")
            assert not call.body.get("embeds")
            assert 0 < dlen(call.body["content"]) <= CONTENT
            assert call.body["content"].startswith("**GPT-4.1")
            [button] = buttons(call.body)  # the rest is one click away
            assert More.parse(button["custom_id"]).mode == "t"

    drive(scenario)


def test_the_slash_command_defers_at_once_then_follows_up_with_the_answer(catalogue: Catalogue) -> None:
    async def scenario() -> None:
        async with running_bot(catalogue) as bot:
            payload = bot.slash("cheapest for 50M tokens of classification")
            [followup] = await bot.fake.wait_calls("POST", f"/webhooks/{APP_ID}/{payload['token']}")
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
            [followup] = await bot.fake.wait_calls("POST", f"/webhooks/{APP_ID}/{payload['token']}")
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
            await bot.fake.wait_calls("POST", f"/webhooks/{APP_ID}/{first['token']}")
            second = bot.slash("gpt-4.1 mini vs nano")
            [callback] = await bot.fake.wait_calls("POST", f"/interactions/{second['id']}/")
            assert callback.body["type"] == 4 and callback.body["data"]["flags"] & 64
            assert "try again in 60 seconds" in callback.body["data"]["content"]
            assert [t for t, _ in bot.core.asked] == ["help"]

    drive(scenario)


def test_a_slash_follow_up_refines_the_users_last_question_in_the_channel(catalogue: Catalogue) -> None:
    async def scenario() -> None:
        async with running_bot(catalogue) as bot:
            first = bot.slash("cheapest for 50M tokens of classification")
            await bot.fake.wait_calls("POST", f"/webhooks/{APP_ID}/{first['token']}")
            second = bot.slash("what about 100M?")
            [followup] = await bot.fake.wait_calls("POST", f"/webhooks/{APP_ID}/{second['token']}")
            assert bot.core.asked[1][1] is not None and bot.core.asked[1][1].task == "classification"
            assert "100M" in followup.body["embeds"][0]["title"]

    drive(scenario)


def test_show_more_pages_to_the_next_rows_from_the_core(catalogue: Catalogue) -> None:
    async def scenario() -> None:
        async with running_bot(catalogue) as bot:
            payload = bot.slash("cheapest for 50M tokens of classification")
            [first] = await bot.fake.wait_calls("POST", f"/webhooks/{APP_ID}/{payload['token']}")
            [button] = buttons(first.body)
            target = More.parse(button["custom_id"])
            assert target is not None and target.offset == 5 and target.page == 0
            assert len(button["custom_id"]) <= 100
            click = bot.click(stored(bot.fake, first))
            [page2] = await bot.fake.wait_calls("POST", f"/webhooks/{APP_ID}/{click['token']}")
            [update] = bot.fake.matching("POST", f"/interactions/{click['id']}/")
            assert update.body["type"] == 7 and update.body["data"]["components"] == []  # button removed
            assert bot.core.paged[-1][1] == 5 and bot.core.paged[-1][0].task == "classification"
            [embed] = page2.body["embeds"]
            embed_within_limits(embed)
            assert "Rows 6-10 of" in embed["footer"]["text"]
            assert "6. " in embed["description"]
            no_pings(page2.body)
            # the next page has its own button, further on
            assert More.parse(buttons(page2.body)[0]["custom_id"]).offset == 10

    drive(scenario)


def test_show_more_pages_through_an_answer_too_long_for_one_embed(catalogue: Catalogue) -> None:
    async def scenario() -> None:
        async with running_bot(catalogue) as bot:
            bot.send_message(f"<@{BOT_ID}> tell me about gpt-4.1")
            [first] = await bot.fake.wait_calls("POST", "/messages")
            assert "Page 1/" in first.body["embeds"][0]["footer"]["text"]
            target = More.parse(buttons(first.body)[0]["custom_id"])
            assert target is not None and target.page == 1 and target.offset == 0
            original = stored(bot.fake, first)
            click = bot.click(original, who=BOB)  # anyone in the channel may page
            [page2] = await bot.fake.wait_calls("POST", f"/webhooks/{APP_ID}/{click['token']}")
            [embed] = page2.body["embeds"]
            embed_within_limits(embed)
            assert "Page 2/" in embed["footer"]["text"]
            assert embed["title"] == first.body["embeds"][0]["title"]
            # a second click on the same (stale) button does not post the page twice
            again = bot.click(original, who=BOB)
            [notice] = await bot.fake.wait_calls("POST", f"/interactions/{again['id']}/")
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
                        "custom_id": More(key=42, offset=5, page=0).custom_id(),
                    }
                ],
            }
            message = bot.fake.message(CHANNEL_ID, {"embeds": [{"title": "old"}], "components": [old]})
            click = bot.click(message)
            [callback] = await bot.fake.wait_calls("POST", f"/interactions/{click['id']}/")
            assert callback.body["type"] == 4 and callback.body["data"]["flags"] & 64
            assert "Ask again" in callback.body["data"]["content"]
            assert bot.core.paged == []

    drive(scenario)


def test_a_slash_core_exception_is_an_ephemeral_apology_with_an_error_id(
    catalogue: Catalogue, caplog: pytest.LogCaptureFixture
) -> None:
    async def scenario() -> None:
        async with running_bot(catalogue) as bot:
            bot.core.fail_with = ValueError("bad data")
            payload = bot.slash("cheapest for 50M tokens of classification")
            [followup] = await bot.fake.wait_calls("POST", f"/webhooks/{APP_ID}/{payload['token']}")
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
            [command] = put.body
            assert command["name"] == "whichmodel"
            [option] = command["options"]
            assert option["name"] == "question" and option["type"] == 3 and not option.get("required")

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


def test_the_token_is_sent_to_discord_and_never_logged(catalogue: Catalogue, caplog: pytest.LogCaptureFixture) -> None:
    async def scenario() -> None:
        async with running_bot(catalogue) as bot:
            assert bot.fake.calls[0].headers["Authorization"] == f"Bot {TOKEN}"
            bot.send_message(f"<@{BOT_ID}> help")
            payload = bot.slash("gpt-4.1 mini vs nano")
            await bot.fake.wait_calls("POST", f"/webhooks/{APP_ID}/{payload['token']}")

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
            await bot.fake.wait_calls("POST", "/messages")

    with caplog.at_level(logging.INFO, logger="whichmodel.questions"):
        drive(scenario)
    records = [r for r in caplog.records if r.getMessage().startswith("discord/mention question")]
    assert records and "intent=compare" in records[0].getMessage()
    fields = records[0].fields  # type: ignore[attr-defined]
    assert len(fields["question_sha"]) == 12 and "question" not in fields and "gpt-4.1" not in str(fields)


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
    wrong = "wrong-token.SHOULD-NOT-BE-LOGGED"
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


def test_the_real_core_answers_a_mention_end_to_end(catalogue: Catalogue) -> None:
    pytest.importorskip("bot.parse.pipeline", reason="bot/parse.py (the parser, issue 3) is not written yet")
    from adapters.discord.client import default_core

    async def scenario() -> None:
        async with running_bot(catalogue) as bot:
            bot.client.core = default_core(bot.client.settings)
            bot.send_message(f"<@{BOT_ID}> cheapest for 50M tokens of classification")
            [call] = await bot.fake.wait_calls("POST", "/messages")
            [embed] = call.body["embeds"]
            embed_within_limits(embed)
            assert "classification" in embed["title"].lower()
            assert buttons(call.body)  # a recommendation has more rows behind "Show more"
            bot.send_message("what about 100M?", reply_to=stored(bot.fake, call))
            calls = await bot.fake.wait_calls("POST", "/messages", 2)
            assert "100M" in calls[1].body["embeds"][0]["title"]

    drive(scenario)
