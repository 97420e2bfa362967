"""A fake Slack on 127.0.0.1 for the Slack adapter's tests: the Web API, `response_url` webhooks and file uploads.

It records every call and answers like Slack (`auth.test`, `chat.postMessage`, `chat.postEphemeral`, `chat.update`,
`chat.delete`, `files.getUploadURLExternal` + the upload + `files.completeUploadExternal`). With `reject_tables` set, any message
holding a `table` block is refused with `invalid_blocks`, as a workspace without table support does (`reject_charts`:
the same for `data_visualization` charts). Tests wait on
`wait_for(...)` (a condition variable), never on sleeps. Also here: signing and shaping requests exactly as Slack
sends them to an app.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import itertools
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlencode

BOT_TOKEN = "xoxb-1111-2222-fake-bot-token"
APP_TOKEN = "xapp-1-A0APP-3333-fake-app-token"
SIGNING_SECRET = "fake-signing-secret-0123456789"
TEAM = "T0FAKE"
BOT_USER = "U0BOT"
BOT_ID = "B0BOT"
APP_ID = "A0APP"


@dataclass
class Call:
    """One request that reached the fake: a Web API method, `respond` (response_url) or `upload`."""

    kind: str  # "api", "respond", "upload"
    method: str  # API method name, or the response_url / upload name
    params: dict[str, Any]
    headers: dict[str, str]
    ok: bool = True
    error: str | None = None
    raw: bytes = b""
    response: dict[str, Any] | None = None  # what the fake answered a Web API call with (a posted message's ts)

    @property
    def blocks(self) -> list[dict[str, Any]]:
        return self.params.get("blocks") or []

    @property
    def block_types(self) -> list[str]:
        return [b.get("type", "") for b in self.blocks]

    def all_text(self) -> str:
        """Every string in the message (text, blocks), joined: what a reader could see."""
        out: list[str] = []

        def walk(value: Any) -> None:
            if isinstance(value, str):
                out.append(value)
            elif isinstance(value, dict):
                for v in value.values():
                    walk(v)
            elif isinstance(value, list):
                for v in value:
                    walk(v)

        walk({"text": self.params.get("text", ""), "blocks": self.blocks})
        return "\n".join(out)


class _Server(ThreadingHTTPServer):
    request_queue_size = 512  # many workers posting at once must not be refused by a short listen backlog


class FakeSlack:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.reject_tables = False
        self.gate = threading.Event()  # cleared: every request waits until the test opens it (a stalled Slack)
        self.gate.set()
        self.held: list[str] = []  # paths of requests that arrived while the gate was shut
        self.members: dict[str, list[str]] = {}  # channel -> its members (default: U0ANN and the bot)
        self.reject_charts = False
        self.not_in: set[str] = set()  # channels the bot is not in: chat.postMessage there fails with not_in_channel
        self._cond = threading.Condition()
        self._ts = itertools.count(1)
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                if not fake.gate.is_set():
                    with fake._cond:
                        fake.held.append(self.path)
                        fake._cond.notify_all()
                    fake.gate.wait(120)
                status, ctype, payload = fake._handle(self.path, dict(self.headers), raw)
                body = payload if isinstance(payload, bytes) else payload.encode()
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = _Server(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, name="fakeslack", daemon=True
        )

    # ------------------------------------------------------------------ lifecycle

    def __enter__(self) -> FakeSlack:
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.server.shutdown()
        self.server.server_close()
        loop = getattr(self, "_ws_loop", None)
        if loop is not None:
            asyncio.run_coroutine_threadsafe(self._ws_runner.cleanup(), loop).result(10)
            loop.call_soon_threadsafe(loop.stop)
            self._ws_thread.join(10)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_url(self) -> str:
        return f"{self.base}/api/"

    def response_url(self, name: str) -> str:
        return f"{self.base}/respond/{name}"

    # ------------------------------------------------------------------ waiting

    def wait_for(self, predicate: Callable[[list[Call]], bool], timeout: float = 10.0) -> list[Call]:
        """Block until `predicate(calls)` holds (or fail after `timeout`); returns a snapshot of the calls."""
        with self._cond:
            if not self._cond.wait_for(lambda: predicate(self.calls), timeout):
                summary = [(c.kind, c.method, c.ok) for c in self.calls]
                raise AssertionError(f"fake Slack: condition not met within {timeout}s; calls so far: {summary}")
            return list(self.calls)

    def wait_calls(
        self, kind: str, method: str | None = None, count: int = 1, timeout: float = 10.0, ok: bool | None = None
    ) -> list[Call]:
        def matching(calls: list[Call]) -> list[Call]:
            return [
                c
                for c in calls
                if c.kind == kind and (method is None or c.method == method) and (ok is None or c.ok == ok)
            ]

        self.wait_for(lambda calls: len(matching(calls)) >= count, timeout)
        with self._cond:
            return matching(self.calls)

    def wait_held(self, predicate: Callable[[list[str]], bool], timeout: float = 30.0) -> None:
        """Block until `predicate(held paths)` holds while the gate is shut."""
        with self._cond:
            assert self._cond.wait_for(lambda: predicate(self.held), timeout), f"held so far: {self.held}"

    def find(self, kind: str, method: str | None = None) -> list[Call]:
        with self._cond:
            return [c for c in self.calls if c.kind == kind and (method is None or c.method == method)]

    # ------------------------------------------------------------------ Socket Mode

    def start_socket_mode(self) -> str:
        """Start (once) a websocket endpoint like Slack's Socket Mode; returns its ws:// URL.

        On connect it sends `hello`; `socket_send` pushes envelopes; the app's acknowledgements are recorded as
        `Call("socket", "ack", {...})`."""
        with self._cond:
            if getattr(self, "_ws_url", None):
                return self._ws_url
        from aiohttp import WSMsgType, web

        loop = asyncio.new_event_loop()
        started = threading.Event()
        fake = self

        async def link(request: web.Request) -> web.WebSocketResponse:
            ws = web.WebSocketResponse()
            await ws.prepare(request)
            fake._ws = ws
            await ws.send_str(
                json.dumps(
                    {
                        "type": "hello",
                        "num_connections": 1,
                        "connection_info": {"app_id": APP_ID},
                        "debug_info": {"host": "fake"},
                    }
                )
            )
            fake._record(Call("socket", "connected", {}, dict(request.headers)))
            async for msg in ws:
                if msg.type == WSMsgType.TEXT:
                    fake._record(Call("socket", "ack", json.loads(msg.data), {}))
            return ws

        async def serve() -> None:
            app = web.Application()
            app.router.add_get("/link", link)
            runner = web.AppRunner(app)
            await runner.setup()
            site = web.TCPSite(runner, "127.0.0.1", 0)
            await site.start()
            port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
            fake._ws_url = f"ws://127.0.0.1:{port}/link?ticket=fake"
            fake._ws_runner = runner
            started.set()

        def main() -> None:
            asyncio.set_event_loop(loop)
            loop.run_until_complete(serve())
            loop.run_forever()
            loop.close()

        self._ws_loop = loop
        self._ws_thread = threading.Thread(target=main, name="fakeslack-ws", daemon=True)
        self._ws_thread.start()
        assert started.wait(10), "fake Socket Mode server did not start"
        return self._ws_url

    def socket_send(self, envelope: dict[str, Any]) -> None:
        """Push one Socket Mode envelope to the connected app."""
        asyncio.run_coroutine_threadsafe(self._ws.send_str(json.dumps(envelope)), self._ws_loop).result(10)

    # ------------------------------------------------------------------ behaviour

    def _record(self, call: Call) -> None:
        with self._cond:
            self.calls.append(call)
            self._cond.notify_all()

    def _refused(self, params: dict[str, Any]) -> tuple[int, str] | None:
        """The index and type of the first block this workspace does not support, if any."""
        refused = {"table"} if self.reject_tables else set()
        refused |= {"data_visualization"} if self.reject_charts else set()
        for i, block in enumerate(params.get("blocks") or []):
            if isinstance(block, dict) and block.get("type") in refused:
                return i, block["type"]
        return None

    def _handle(self, path: str, headers: dict[str, str], raw: bytes) -> tuple[int, str, str | bytes]:
        ctype = headers.get("Content-Type", "")
        if path.startswith("/upload/"):
            self._record(Call("upload", path.rsplit("/", 1)[1], {"size": len(raw)}, headers, raw=raw))
            return 200, "text/plain", f"OK - {len(raw)}"
        params = self._params(ctype, raw)
        if path.startswith("/respond/"):
            name = path.rsplit("/", 1)[1]
            if self._refused(params) is not None:
                self._record(Call("respond", name, params, headers, ok=False, error="invalid_blocks"))
                return 400, "text/plain", "invalid_blocks"
            self._record(Call("respond", name, params, headers))
            return 200, "text/plain", "ok"
        if path.startswith("/api/"):
            method = path[len("/api/") :].split("?", 1)[0]
            answer = self._api(method, params, headers)
            self._record(
                Call("api", method, params, headers, ok=bool(answer.get("ok")), error=answer.get("error"), response=answer)
            )
            return 200, "application/json; charset=utf-8", json.dumps(answer)
        return 404, "text/plain", "not found"

    @staticmethod
    def _params(ctype: str, raw: bytes) -> dict[str, Any]:
        if not raw:
            return {}
        if "json" in ctype:
            params = json.loads(raw)
        elif "multipart" in ctype:
            return {"multipart": True}
        else:
            params = dict(parse_qsl(raw.decode("utf-8"), keep_blank_values=True))
        for key in ("blocks", "files", "attachments"):  # form-encoded calls carry these as JSON strings
            if isinstance(params.get(key), str):
                try:
                    params[key] = json.loads(params[key])
                except ValueError:
                    pass
        return params

    def _api(self, method: str, params: dict[str, Any], headers: dict[str, str]) -> dict[str, Any]:
        auth = headers.get("Authorization", "")
        if method == "apps.connections.open":  # the one method called with the app-level token
            if auth != f"Bearer {APP_TOKEN}":
                return {"ok": False, "error": "invalid_auth"}
            return {"ok": True, "url": self.start_socket_mode()}
        if auth != f"Bearer {BOT_TOKEN}":
            return {"ok": False, "error": "invalid_auth"}
        ts = f"{1700000000 + next(self._ts)}.000100"
        if method == "auth.test":
            return {
                "ok": True,
                "url": "https://fake.slack.test/",
                "team": "Fake",
                "user": "whichmodel",
                "team_id": TEAM,
                "user_id": BOT_USER,
                "bot_id": BOT_ID,
                "is_enterprise_install": False,
            }
        if method == "conversations.open":  # the app's DM with a user: D + the user id's tail
            return {"ok": True, "channel": {"id": "D" + str(params.get("users", ""))[1:]}}
        if method in ("chat.postMessage", "chat.postEphemeral") and params.get("channel") in self.not_in:
            return {"ok": False, "error": "not_in_channel"}
        if method == "conversations.members":  # two pages, so callers must follow the cursor
            members = self.members.get(str(params.get("channel")), ["U0ANN", BOT_USER])
            if not params.get("cursor"):
                return {"ok": True, "members": members[:1], "response_metadata": {"next_cursor": "page2"}}
            return {"ok": True, "members": members[1:], "response_metadata": {"next_cursor": ""}}
        if method == "chat.delete":
            return {"ok": True, "channel": params.get("channel"), "ts": params.get("ts")}
        if method in ("chat.postMessage", "chat.postEphemeral", "chat.update"):
            refused = self._refused(params)
            if refused is not None:
                error = f"unsupported type: {refused[1]} [json-pointer:/blocks/{refused[0]}/type]"
                return {
                    "ok": False,
                    "error": "invalid_blocks",
                    "errors": [error],
                    "response_metadata": {"messages": [f"[ERROR] {error}"]},
                }
            if method == "chat.postEphemeral":
                return {"ok": True, "message_ts": ts}
            return {
                "ok": True,
                "channel": params.get("channel"),
                "ts": params.get("ts") or ts,
                "message": {"text": params.get("text"), "ts": ts, "bot_id": BOT_ID},
            }
        if method.startswith("assistant.threads.") or method == "views.publish":
            return {"ok": True}
        if method == "files.getUploadURLExternal":
            file_id = f"F{next(self._ts):06d}"
            return {"ok": True, "upload_url": f"{self.base}/upload/{file_id}", "file_id": file_id}
        if method == "files.completeUploadExternal":
            files = params.get("files") or []
            return {"ok": True, "files": [{"id": f.get("id"), "title": f.get("title")} for f in files]}
        return {"ok": False, "error": "unknown_method"}


# ---------------------------------------------------------------------------------------------- Slack's requests


def sign(body: bytes, timestamp: int | None = None, secret: str = SIGNING_SECRET) -> dict[str, str]:
    """The headers Slack signs a request with: v0=HMAC-SHA256(secret, 'v0:{timestamp}:{body}')."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{ts}:".encode() + body, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={digest}"}


def command_body(text: str, response_url: str, user: str = "U0ANN", channel: str = "C0GENERAL") -> tuple[bytes, str]:
    """A slash command as Slack posts it: form-encoded."""
    form = {
        "token": "legacy-verification-token",
        "team_id": TEAM,
        "team_domain": "fake",
        "channel_id": channel,
        "channel_name": "general",
        "user_id": user,
        "user_name": "ann",
        "command": "/whichmodel",
        "text": text,
        "api_app_id": APP_ID,
        "is_enterprise_install": "false",
        "response_url": response_url,
        "trigger_id": "1234.5678.abcdef",
    }
    return urlencode(form).encode(), "application/x-www-form-urlencoded"


def event_body(event: dict[str, Any], event_id: str) -> tuple[bytes, str]:
    """An Events API callback as Slack posts it: JSON."""
    payload = {
        "token": "legacy-verification-token",
        "team_id": TEAM,
        "api_app_id": APP_ID,
        "event": event,
        "type": "event_callback",
        "event_id": event_id,
        "event_time": int(time.time()),
        "authorizations": [
            {
                "enterprise_id": None,
                "team_id": TEAM,
                "user_id": BOT_USER,
                "is_bot": True,
                "is_enterprise_install": False,
            }
        ],
        "is_ext_shared_channel": False,
        "event_context": f"4-{event_id}",
    }
    return json.dumps(payload).encode(), "application/json"


def mention(
    text: str, ts: str, thread_ts: str | None = None, user: str = "U0ANN", channel: str = "C0GENERAL"
) -> dict[str, Any]:
    event = {
        "type": "app_mention",
        "user": user,
        "text": text,
        "ts": ts,
        "channel": channel,
        "event_ts": ts,
        "client_msg_id": f"msg-{ts}",
    }
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def direct_message(text: str, ts: str, user: str = "U0ANN", channel: str = "D0ANN", **extra: Any) -> dict[str, Any]:
    event = {
        "type": "message",
        "channel_type": "im",
        "user": user,
        "text": text,
        "ts": ts,
        "channel": channel,
        "event_ts": ts,
        "client_msg_id": f"msg-{ts}",
    }
    event.update(extra)
    return event


def action_body(
    action_id: str,
    value: str,
    response_url: str,
    message_ts: str,
    thread_ts: str | None = None,
    user: str = "U0ANN",
    channel: str = "C0GENERAL",
) -> tuple[bytes, str]:
    """A button click (block_actions) as Slack posts it: form-encoded, the JSON in a `payload` field."""
    message: dict[str, Any] = {"type": "message", "ts": message_ts, "bot_id": BOT_ID, "text": "answer", "blocks": []}
    container: dict[str, Any] = {
        "type": "message",
        "message_ts": message_ts,
        "channel_id": channel,
        "is_ephemeral": False,
    }
    if thread_ts:
        message["thread_ts"] = thread_ts
        container["thread_ts"] = thread_ts
    payload = {
        "type": "block_actions",
        "user": {"id": user, "username": "ann", "name": "ann", "team_id": TEAM},
        "api_app_id": APP_ID,
        "token": "legacy-verification-token",
        "container": container,
        "trigger_id": "1234.5678.abcdef",
        "team": {"id": TEAM, "domain": "fake"},
        "enterprise": None,
        "is_enterprise_install": False,
        "channel": {"id": channel, "name": "general"},
        "message": message,
        "state": {"values": {}},
        "response_url": response_url,
        "actions": [
            {
                "action_id": action_id,
                "block_id": "actions",
                "text": {"type": "plain_text", "text": "button"},
                "value": value,
                "type": "button",
                "action_ts": f"{time.time():.6f}",
            }
        ],
    }
    return urlencode({"payload": json.dumps(payload)}).encode(), "application/x-www-form-urlencoded"

