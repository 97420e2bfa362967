"""`whichmodel slack` workers as real processes for tests: started on port 0, their port read from their log."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

from fakeslack import BOT_TOKEN, SIGNING_SECRET

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Worker:
    """One `whichmodel slack --port 0` process and the log lines it wrote."""

    proc: subprocess.Popen[str]
    lines: list[str] = field(default_factory=list)
    port: int = 0
    ready: threading.Event = field(default_factory=threading.Event)
    changed: threading.Condition = field(default_factory=threading.Condition)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            with self.changed:
                self.lines.append(line)
                self.changed.notify_all()
            found = re.search(r"listening on http://[\w.]+:(\d+)", line)
            if found and not self.port:
                self.port = int(found.group(1))
                self.ready.set()
        self.ready.set()
        with self.changed:
            self.changed.notify_all()

    def wait_log(self, text: str, timeout: float = 30.0) -> None:
        """Block until a log line holds `text` (bounded)."""
        with self.changed:
            assert self.changed.wait_for(lambda: any(text in line for line in self.lines), timeout), "".join(self.lines)

    def log(self) -> str:
        with self.changed:
            return "".join(self.lines)

    def terminate(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        code = self.proc.wait(60)
        return code


def worker_env(api_url: str, cache: Path, **extra: str) -> dict[str, str]:
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": api_url,
        "WHICHMODEL_CACHE_DIR": str(cache),
        "WHICHMODEL_REFRESH_ENABLED": "0",
        **extra,
    }
    env.pop("SLACK_APP_TOKEN", None)
    return env


def start_workers(env: dict[str, str], count: int = 1, timeout: float = 90.0) -> list[Worker]:
    """`count` workers started together; returns once each listens (fails the test after `timeout`)."""
    workers = []
    for _ in range(count):
        proc = subprocess.Popen(
            [sys.executable, "-m", "adapters.cli", "slack", "--port", "0", "--host", "127.0.0.1"],
            env=env,
            stderr=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            text=True,
            cwd=ROOT,
        )
        worker = Worker(proc)
        threading.Thread(target=worker.read, daemon=True).start()
        workers.append(worker)
    for worker in workers:
        assert worker.ready.wait(timeout) and worker.port, worker.log()
    return workers


def stop_workers(workers: list[Worker]) -> None:
    for worker in workers:
        if worker.proc.poll() is None:
            worker.proc.kill()
            worker.proc.wait(20)
        if worker.proc.stderr is not None:
            worker.proc.stderr.close()
