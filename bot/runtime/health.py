"""Health: what `/healthz` says, a tiny server for modes without an HTTP app, and the container's probe."""

from __future__ import annotations

import json
import threading
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from bot.catalogue.store import current


def health_payload() -> dict[str, Any]:
    """Status and the age of the data the bot answers from."""
    cat = current()
    return {
        "status": "ok",
        "data": cat.snapshot.label,
        "as_of": cat.snapshot.as_of.isoformat() if cat.snapshot.as_of else None,
        "models": len(cat.models),
    }


def serve_health(host: str, port: int) -> ThreadingHTTPServer:
    """Serve GET /healthz on a daemon thread (Socket Mode and Discord, which have no HTTP app)."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            if self.path.split("?")[0] != "/healthz":
                self.send_error(404)
                return
            body = json.dumps(health_payload()).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer((host, port), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name="whichmodel-health", daemon=True).start()
    return server


def probe(port: int, host: str = "127.0.0.1", timeout: float = 3.0) -> bool:
    """True when the bot on `port` answers /healthz with 200 (the container HEALTHCHECK)."""
    try:
        with urllib.request.urlopen(f"http://{host}:{port}/healthz", timeout=timeout) as response:  # noqa: S310
            return response.status == 200
    except OSError:
        return False
