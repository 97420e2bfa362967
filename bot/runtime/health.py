"""Health: `/healthz` (alive: the data's age, and "degraded" when a shared store is unreachable), `/readyz` (ready
for traffic: the data loaded and every dependency reachable), a tiny server for modes without an HTTP app, and the
container's probe.

Adapters register their dependencies with `add_check` (the state store, say); this module imports none of them.
"""

from __future__ import annotations

import json
import threading
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from bot.catalogue.store import current


@dataclass(frozen=True)
class Check:
    """A dependency: its status for /healthz ("ok" or "degraded") and whether it is reachable for /readyz."""

    status: Callable[[], str]
    ready: Callable[[], bool]


_checks: dict[str, Check] = {}
_loaded = threading.Event()
_stopping = threading.Event()


def add_check(name: str, status: Callable[[], str], ready: Callable[[], bool] | None = None) -> None:
    """Report `name` on /healthz (and on /readyz, when `ready` is given)."""
    _checks[name] = Check(status, ready or (lambda: True))


def mark_loaded() -> None:
    """The catalogue is loaded: the process can answer."""
    _loaded.set()


def mark_stopping() -> None:
    """SIGTERM arrived: /readyz says no, so load balancers stop sending new requests."""
    _stopping.set()


def health_payload() -> dict[str, Any]:
    """Status and the age of the data the bot answers from."""
    cat = current()
    checks = {name: check.status() for name, check in _checks.items()}
    return {
        "status": "degraded" if any(v != "ok" for v in checks.values()) else "ok",
        "data": cat.snapshot.label,
        "as_of": cat.snapshot.as_of.isoformat() if cat.snapshot.as_of else None,
        "models": len(cat.models),
        **({"checks": checks} if checks else {}),
    }


def readiness() -> tuple[bool, dict[str, Any]]:
    """Whether to send this process traffic, and why: the data loaded, every dependency reachable, not stopping."""
    reachable = {name: check.ready() for name, check in _checks.items()}
    ready = _loaded.is_set() and all(reachable.values()) and not _stopping.is_set()
    return ready, {"ready": ready, "data_loaded": _loaded.is_set(), "stopping": _stopping.is_set(), **reachable}


def serve_health(host: str, port: int) -> ThreadingHTTPServer:
    """Serve GET /healthz and /readyz on a daemon thread (Socket Mode and Discord, which have no HTTP app)."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            path = self.path.split("?")[0]
            if path == "/healthz":
                status, payload = 200, health_payload()
            elif path == "/readyz":
                ready, payload = readiness()
                status = 200 if ready else 503
            else:
                self.send_error(404)
                return
            body = json.dumps(payload).encode()
            self.send_response(status)
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
