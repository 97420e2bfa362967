"""/healthz for the modes without an HTTP app, and the container's probe."""

from __future__ import annotations

import json
import urllib.request

from bot.runtime.health import probe, serve_health


def test_health_server_reports_the_data_age_and_the_probe_sees_it(catalogue: object) -> None:
    server = serve_health("127.0.0.1", 0)
    try:
        port = server.server_address[1]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as response:
            body = json.loads(response.read())
        assert body["status"] == "ok" and body["models"] > 1000 and body["as_of"]
        assert probe(port)
    finally:
        server.shutdown()
        server.server_close()
    assert not probe(port)
