"""HTTP mode: a front that refuses early and cheaply, then the bolt App, behind uvicorn.

POST /slack/events takes everything Slack sends (slash commands, events, button clicks). Before bolt sees a byte:
1. the signature headers must be well formed (`v0=` + 64 hex) with a timestamp within 5 minutes, else 401;
2. the body is read in chunks and refused with 413 past 1 MB (a chunked body too), never read whole first;
3. the HMAC must match, else 401; a signature already seen (a replay) is acknowledged and not answered again;
4. the body must be what Slack sends (a form, a form with a JSON `payload` object, or a JSON object), else 400.
Nothing unauthenticated is ever logged (bolt's own logger is kept at WARNING; it would log bad-signature bodies).

GET /healthz answers the data's age (and "degraded" when Redis is unreachable); GET /readyz says whether to send
traffic (the data loaded, Redis reachable, not stopping). The listening socket is bound before the server starts,
so the port is known at once (port 0 picks a free one).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import socket
import threading
import time
from dataclasses import dataclass
from urllib.parse import parse_qsl

import uvicorn
from slack_bolt import App
from slack_bolt.adapter.starlette.handler import to_bolt_request, to_starlette_response
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from adapters.chat.state import ChatState, MemoryState
from bot.runtime.health import health_payload, readiness

log = logging.getLogger("whichmodel.slack")

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
READY_PATH = "/readyz"
MAX_BODY = 1_000_000  # Slack's payloads are a few kB
MAX_SKEW_S = 300  # Slack's own rule: a request older (or newer) than 5 minutes is refused
REPLAY_TTL_S = 2 * MAX_SKEW_S + 60  # a seen signature outlives the window it could be replayed in


class Refused(Exception):
    """A request refused before bolt: the HTTP status and a short reason (never the body)."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status


def check_headers(timestamp: str | None, signature: str | None, now: float) -> None:
    """Refuse (401) a request whose signature headers are missing, malformed or outside the 5-minute window."""
    if not timestamp or not timestamp.isascii() or not timestamp.isdigit() or len(timestamp) > 12:
        raise Refused(401, "bad timestamp")
    if abs(now - int(timestamp)) > MAX_SKEW_S:
        raise Refused(401, "stale timestamp")
    if not signature or len(signature) != 67 or not signature.startswith("v0="):
        raise Refused(401, "bad signature header")
    if any(c not in "0123456789abcdef" for c in signature[3:]):
        raise Refused(401, "bad signature header")


def check_signature(secret: bytes, timestamp: str, body: bytes, signature: str) -> None:
    """Refuse (401) a body whose HMAC does not match."""
    expected = "v0=" + hmac.new(secret, b"v0:" + timestamp.encode() + b":" + body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, signature):
        raise Refused(401, "signature mismatch")


def check_body(body: bytes, content_type: str) -> None:
    """Refuse (400) a signed body that is not what Slack sends."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise Refused(400, "not UTF-8") from None
    try:
        if content_type.startswith("application/json"):
            if not isinstance(json.loads(text), dict):
                raise Refused(400, "JSON body is not an object")
            return
        form = dict(parse_qsl(text, keep_blank_values=True, strict_parsing=bool(text)))
        if "payload" in form and not isinstance(json.loads(form["payload"]), dict):
            raise Refused(400, "payload is not an object")
    except ValueError:
        raise Refused(400, "malformed body") from None


async def read_body(request: Request, limit: int = MAX_BODY) -> bytes:
    """The body, read in chunks and refused (413) as soon as it passes `limit`."""
    length = request.headers.get("content-length")
    if length is not None and (not length.isdigit() or int(length) > limit):
        raise Refused(413, "too large")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise Refused(413, "too large")
        chunks.append(chunk)
    return b"".join(chunks)


class SlackFront:
    """POST /slack/events: the checks of the module docstring, then bolt (in a worker thread)."""

    def __init__(self, app: App, secret: str, state: ChatState | None = None) -> None:
        self.app = app
        self.secret = secret.encode()
        self.state = state or MemoryState()

    async def handle(self, request: Request) -> Response:
        try:
            body = await self._checked(request)
        except Refused as refused:
            log.info("slack: refused a request (%d %s)", refused.status, refused)
            return PlainTextResponse("payload too large" if refused.status == 413 else str(refused), refused.status)
        except ClientDisconnect:
            return PlainTextResponse("", 400)
        if body is None:
            return PlainTextResponse("", 200)  # a replay: Slack (or whoever) gets its 200, nobody a second answer
        bolt_response = await run_in_threadpool(self.app.dispatch, to_bolt_request(request, body))
        return to_starlette_response(bolt_response)

    async def _checked(self, request: Request) -> bytes | None:
        timestamp = request.headers.get("x-slack-request-timestamp")
        signature = request.headers.get("x-slack-signature")
        check_headers(timestamp, signature, time.time())
        assert timestamp is not None and signature is not None
        body = await read_body(request)
        check_signature(self.secret, timestamp, body, signature)
        if not await run_in_threadpool(self.state.first_time, f"slack:signature:{signature}", REPLAY_TTL_S):
            log.info("slack: a signed request was replayed; acknowledged, not answered again")
            return None
        check_body(body, request.headers.get("content-type", ""))
        return body


def build_asgi(app: App, secret: str, state: ChatState | None = None) -> Starlette:
    """The ASGI app: POST /slack/events through the front to bolt, GET /healthz and /readyz."""
    front = SlackFront(app, secret, state)

    async def healthz(request: Request) -> Response:
        return JSONResponse(await run_in_threadpool(health_payload))

    async def readyz(request: Request) -> Response:
        ready, payload = await run_in_threadpool(readiness)
        return JSONResponse(payload, status_code=200 if ready else 503)

    return Starlette(
        routes=[
            Route(EVENTS_PATH, front.handle, methods=["POST"]),
            Route(HEALTH_PATH, healthz, methods=["GET"]),
            Route(READY_PATH, readyz, methods=["GET"]),
        ]
    )


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on host:port (port 0: any free port)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(1024)
    sock.set_inheritable(True)
    return sock


def make_server(asgi: Starlette, drain_s: float | None = None) -> uvicorn.Server:
    # log_config=None keeps our logging setup; uvicorn's access log would add a line per request with nothing secret
    # but nothing useful either.
    config = uvicorn.Config(
        asgi,
        lifespan="off",
        log_config=None,
        access_log=False,
        server_header=False,
        timeout_graceful_shutdown=int(drain_s) if drain_s else None,
        backlog=1024,
    )
    return uvicorn.Server(config)


def serve(asgi: Starlette, host: str, port: int, drain_s: float | None = None) -> None:
    """Serve until SIGTERM or Ctrl-C; uvicorn then stops accepting and finishes the requests it has."""
    sock = bind(host, port)
    bound = sock.getsockname()[1]
    log.info("whichmodel Slack bot listening on http://%s:%d (POST %s, GET %s)", host, bound, EVENTS_PATH, HEALTH_PATH)
    make_server(asgi, drain_s).run(sockets=[sock])


@dataclass
class RunningServer:
    """A server on a thread (tests, embedding): its port and a way to stop it."""

    server: uvicorn.Server
    thread: threading.Thread
    host: str
    port: int

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def stop(self, timeout: float = 10.0) -> None:
        self.server.should_exit = True
        self.thread.join(timeout)


def start_in_thread(asgi: Starlette, host: str = "127.0.0.1", port: int = 0) -> RunningServer:
    """Serve on a daemon thread; returns at once with the bound port (connections queue until uvicorn accepts)."""
    sock = bind(host, port)
    server = make_server(asgi)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="whichmodel-slack-http", daemon=True)
    thread.start()
    return RunningServer(server=server, thread=thread, host=host, port=sock.getsockname()[1])
