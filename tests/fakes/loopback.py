"""A loopback HTTP server whose responses a test sets (models.dev downloads, webhooks)."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Server:
    """A loopback HTTP server whose responses each test sets; stops with the test."""

    def __init__(self, body: bytes = b"{}") -> None:
        self.status = 200
        self.body = body
        self.length: int | None = None  # Content-Length to announce (for a truncated body)
        self.release = threading.Event()  # set to let a blocking handler finish
        self.block = False
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                if server.block:
                    server.release.wait(5)
                self.send_response(server.status)
                self.send_header("Content-Type", "application/json")
                self.send_header(
                    "Content-Length", str(server.length if server.length is not None else len(server.body))
                )
                self.end_headers()
                try:
                    self.wfile.write(server.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/api.json"

    def stop(self) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()
