"""HTTP mode: the bolt App behind uvicorn through bolt's Starlette adapter.

POST /slack/events takes everything Slack sends (slash commands, events, button clicks: one Request URL for all
three in the manifest); GET /healthz answers the data's age for load balancers. The listening socket is bound before the
server starts, so the port is known at once (port 0 picks a free one) and requests that arrive while uvicorn is
still starting wait in the socket's backlog instead of failing.
"""

from __future__ import annotations

import logging
import socket
import threading
from dataclasses import dataclass

import uvicorn
from slack_bolt import App
from slack_bolt.adapter.starlette.handler import SlackRequestHandler, to_bolt_request, to_starlette_response
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from bot.runtime.health import health_payload

log = logging.getLogger("whichmodel.slack")

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
MAX_BODY = 1_000_000  # Slack's payloads are a few kB; refuse anything absurd before reading it


class ThreadedSlackRequestHandler(SlackRequestHandler):
    """Bolt's Starlette handler, but `App.dispatch` (sync: it verifies the signature, runs middleware and waits for
    `ack()`) runs in a worker thread, so one slow request never blocks the event loop, /healthz or other requests."""

    async def handle(self, req: Request, addition_context_properties: dict | None = None) -> Response:  # type: ignore[override]
        if req.method != "POST":
            return await super().handle(req, addition_context_properties)
        length = req.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
            return PlainTextResponse("payload too large", status_code=413)
        body = await req.body()
        if len(body) > MAX_BODY:
            return PlainTextResponse("payload too large", status_code=413)
        bolt_resp = await run_in_threadpool(self.app.dispatch, to_bolt_request(req, body, addition_context_properties))
        return to_starlette_response(bolt_resp)


def build_asgi(app: App) -> Starlette:
    """The ASGI app: POST /slack/events to bolt, GET /healthz."""
    handler = ThreadedSlackRequestHandler(app)

    async def events(request: Request) -> Response:
        return await handler.handle(request)

    async def healthz(request: Request) -> Response:
        return JSONResponse(health_payload())

    return Starlette(
        routes=[Route(EVENTS_PATH, events, methods=["POST"]), Route(HEALTH_PATH, healthz, methods=["GET"])]
    )


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on host:port (port 0: any free port)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def make_server(app: App) -> uvicorn.Server:
    # log_config=None keeps our logging setup; uvicorn's access log would add a line per request with nothing secret
    # but nothing useful either.
    config = uvicorn.Config(build_asgi(app), lifespan="off", log_config=None, access_log=False, server_header=False)
    return uvicorn.Server(config)


def serve(app: App, host: str, port: int) -> None:
    """Serve until interrupted (Ctrl-C / SIGTERM)."""
    sock = bind(host, port)
    bound = sock.getsockname()[1]
    log.info("whichmodel Slack bot listening on http://%s:%d (POST %s, GET %s)", host, bound, EVENTS_PATH, HEALTH_PATH)
    make_server(app).run(sockets=[sock])


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


def start_in_thread(app: App, host: str = "127.0.0.1", port: int = 0) -> RunningServer:
    """Serve on a daemon thread; returns at once with the bound port (connections queue until uvicorn accepts)."""
    sock = bind(host, port)
    server = make_server(app)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="whichmodel-slack-http", daemon=True)
    thread.start()
    return RunningServer(server=server, thread=thread, host=host, port=sock.getsockname()[1])
