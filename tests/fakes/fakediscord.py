"""A fake Discord for the Discord bot's tests: the REST API on loopback, gateway payloads, and a harness.

The real discord.py client logs in against the fake API (`discord.http.Route.BASE` points at it), gets a
READY-equivalent (READY then GUILD_CREATE through discord.py's own parsers), then is fed MESSAGE_CREATE and
INTERACTION_CREATE payloads exactly as the gateway would deliver them. Tests check the REST calls the bot makes.
No real gateway, no sleeps: every wait is for a recorded request (or a future), with a timeout.

The core is `FakeCore`, an `Assistant` that answers from the real catalogue with canned queries (the parser is not
under test here).
"""

from __future__ import annotations

import asyncio
import itertools
import json
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import discord
import pytest
from aiohttp import web

from adapters.discord.client import WhichModelClient, build_client
from adapters.discord.markup import DESCRIPTION, FIELD_VALUE, FIELDS, FOOTER, TITLE, TOTAL, dlen
from bot.assistant import Assistant
from bot.catalogue.store import Catalogue
from bot.contract.answer import Answer
from bot.contract.policy import DEFAULT_POLICY
from bot.contract.query import Query
from bot.intents.registry import answer_for
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

    def channel_messages(self, call: Call, parts: list[str]) -> web.Response:
        """POST a message; DELETE one; POST .../messages/{id}/threads (a thread on a message)."""
        if call.method == "POST" and parts[3:4] and parts[4:] == ["threads"]:
            return json_response(self.thread(int(parts[1]), int(parts[3]), call.body))
        if call.method == "DELETE" and len(parts) == 4:
            gone = self.messages.pop(int(parts[3]), None)
            return web.Response(status=204) if gone else json_response({"message": "Unknown Message", "code": 10008}, 404)
        if call.method == "POST" and len(parts) == 3:
            extra = {} if int(parts[1]) == DM_CHANNEL_ID else {"guild_id": str(GUILD_ID)}
            return json_response(self.message(int(parts[1]), call.body, **extra))
        return json_response({"message": "404: Not Found", "code": 0}, 404)

    def thread(self, channel_id: int, message_id: int, body: dict[str, Any]) -> dict[str, Any]:
        """A public thread started on a message: Discord gives it the message's id."""
        return {
            "id": str(message_id),
            "guild_id": str(GUILD_ID),
            "parent_id": str(channel_id),
            "owner_id": str(BOT_ID),
            "name": body["name"],
            "type": 11,
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "message_count": 0,
            "member_count": 1,
            "flags": 0,
            "thread_metadata": {
                "archived": False,
                "auto_archive_duration": body.get("auto_archive_duration", 1440),
                "archive_timestamp": timestamp(),
                "locked": False,
            },
        }

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
        if parts[0] == "channels" and len(parts) >= 3 and parts[2] == "messages":
            return self.channel_messages(call, parts)
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


class FakeCore(Assistant):
    """Answers from the real catalogue for a few canned questions (a test double, not a parser)."""

    FOLLOW_UPS = {"what about 100M?": {"tokens_per_month": 100_000_000}, "only openai": {"providers": ["openai"]}}

    def __init__(self, catalogue: Catalogue, canned: dict[str, Query] | None = None) -> None:
        super().__init__(catalogue)
        self.canned = {
            "cheapest for 50M tokens of classification": Query(
                intent="recommend", task="classification", sort_by="cost", tokens_per_month=50_000_000
            ),
            "cheapest model for summarization": Query(intent="recommend", task="summarization", sort_by="cost"),
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
        self.fixed: Answer | None = None  # an answer to give to every question

    def _answer(self, query: Query, offset: int = 0) -> Answer:
        answer = answer_for(query, self.catalogue, DEFAULT_POLICY, offset=offset)
        self.answers.append(answer)
        return answer

    def ask(self, text: str, previous: Query | None = None) -> Answer:
        self.asked.append((text, previous))
        if self.fail_with is not None:
            raise self.fail_with
        if self.fixed is not None:
            return self.fixed
        if text in self.FOLLOW_UPS and previous is not None:
            return self._answer(previous.model_copy(update={**self.FOLLOW_UPS[text], "followup": True}))
        query = self.canned.get(text)
        if query is None:
            return self._answer(Query(intent="unknown", refusal="I only answer questions about LLMs."))
        return self._answer(query)

    def answer(self, query: Query, offset: int = 0) -> Answer:
        self.paged.append((query, offset))
        return self._answer(query, offset)


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

    # --- waiting: for the fake to see a call, then for the bot to finish its turns (it remembers after sending)

    async def wait_calls(self, method: str, fragment: str, count: int = 1) -> list[Call]:
        calls = await self.fake.wait_calls(method, fragment, count)
        assert await self.client.drained(WAIT), "the bot's turns never finished"
        return calls

    async def wait_for(self, predicate: Callable[[list[Call]], Any]) -> Any:
        result = await self.fake.wait_for(predicate)
        assert await self.client.drained(WAIT), "the bot's turns never finished"
        return result

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

    def react(self, message: dict[str, Any], emoji: str, who: int = BOB) -> None:
        """A MESSAGE_REACTION_ADD: `who` reacts to `message` (as Discord stored it) with a unicode `emoji`."""
        self.client._connection.parse_message_reaction_add(
            {
                "user_id": str(who),
                "channel_id": message["channel_id"],
                "message_id": message["id"],
                "guild_id": str(GUILD_ID),
                "member": {**member(), "user": user(who, "bob")},
                "emoji": {"id": None, "name": emoji},
                "burst": False,
                "type": 0,
                "message_author_id": str(BOT_ID),
            }
        )

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
    message_content: bool = False,
    state: Any = None,
    core: FakeCore | None = None,
) -> AsyncIterator[Bot]:
    fake = FakeDiscord()
    await fake.start()
    old_base = discord.http.Route.BASE
    discord.http.Route.BASE = fake.base
    settings = load_settings(
        discord_token=TOKEN,
        discord_guild_id=guild_id,
        rate_capacity=capacity,
        rate_per_minute=per_minute,
        discord_message_content=message_content,
    )
    core, clock = core or FakeCore(catalogue), Clock()
    client = build_client(settings, assistant=core, clock=clock, sync=sync, shards=shards, state=state)
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
    """The answer's own buttons (show more, compare...), without the thumbs up/down (see `votes`)."""
    return [c for c in all_buttons(body) if not str(c.get("custom_id", "")).startswith("fb:")]


def votes(body: dict[str, Any]) -> list[dict[str, Any]]:
    """The thumbs up/down buttons under an answer."""
    return [c for c in all_buttons(body) if str(c.get("custom_id", "")).startswith("fb:")]


def all_buttons(body: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for row in body.get("components") or [] for c in row["components"]]


def stored(fake: FakeDiscord, call: Call) -> dict[str, Any]:
    """The message a create-message call made, as Discord returned it (what a later event would carry)."""
    assert isinstance(call.response, dict) and "id" in call.response, "that call created no message"
    return dict(call.response)
