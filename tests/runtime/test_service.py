"""Starting and stopping like a service: start-up errors, secrets checked at start, masked config, redacted
tracebacks, /healthz versus /readyz, Discord shards."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from adapters.discord.client import WhichModelShardedClient, build_client, shard_options
from bot.runtime import health
from bot.runtime.logs import JsonLines, RedactSecrets
from bot.runtime.settings import SettingsError, load_settings

ROOT = Path(__file__).resolve().parents[2]


def whichmodel(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_", "WHICHMODEL_"))}
    return subprocess.run(
        [sys.executable, "-m", "adapters.cli", *args],
        env={**clean, "WHICHMODEL_REFRESH_ENABLED": "0", **env},
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("args", "env", "line"),
    [
        (("discord",), {}, "error: missing setting DISCORD_TOKEN: set it in the environment"),
        (("discord",), {"DISCORD_TOKEN": ""}, "error: bad setting DISCORD_TOKEN: is empty: set it or unset it"),
        (
            ("slack",),
            {"SLACK_BOT_TOKEN": "xoxb-123456789", "SLACK_SIGNING_SECRET": ""},
            "SLACK_SIGNING_SECRET: is empty",
        ),
        (
            ("slack",),
            {"SLACK_BOT_TOKEN": "xoxp-user-token-123"},
            "SLACK_BOT_TOKEN: does not look like a Slack bot token",
        ),
        (("slack",), {"SLACK_BOT_TOKEN": '"xoxb-123456789"'}, "SLACK_BOT_TOKEN: holds spaces or quotes"),
        (
            ("discord", "--shard-ids", "0,4", "--shard-count", "4"),
            {"DISCORD_TOKEN": "a.b.c"},
            "each must be from 0 to 3",
        ),
        (("config",), {"WHICHMODEL_REDIS_URL": "http://x"}, "bad setting WHICHMODEL_REDIS_URL"),
    ],
)
def test_start_up_errors_print_their_one_line_and_exit_2(args: tuple[str, ...], env: dict[str, str], line: str) -> None:
    done = whichmodel(*args, **env)
    assert done.returncode == 2, done.stderr
    assert line in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_config_masks_secrets_and_passwords_inside_urls() -> None:
    done = whichmodel(
        "config",
        WHICHMODEL_REDIS_URL="rediss://bot:hunter2-redis@redis.example:6380/0",
        SLACK_API_URL="https://proxy:hunter2-proxy@slack.example/api/",
        WHICHMODEL_REFRESH_URL="https://me:hunter2-refresh@mirror.example/api.json",
        SLACK_BOT_TOKEN="xoxb-hunter2-token",
    )
    assert done.returncode == 0, done.stderr
    assert "hunter2" not in done.stdout
    assert "redis_url = rediss://bot:******@redis.example:6380/0" in done.stdout


def test_a_secret_in_an_exception_message_is_redacted_from_the_traceback() -> None:
    secret = "xoxb-0000-1111-very-secret"
    record = None
    try:
        raise RuntimeError(f"auth failed for {secret} at redis://:pw-in-url@h:6379/0 with s3cr3t-signing")
    except RuntimeError:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "boom", None, sys.exc_info())
    RedactSecrets(["s3cr3t-signing"]).filter(record)
    line = JsonLines().format(record)
    assert "very-secret" not in line and "pw-in-url" not in line and "s3cr3t-signing" not in line
    assert "RuntimeError: auth failed for xoxb-[redacted]" in json.loads(line)["traceback"]
    assert "Traceback" not in logging.Formatter().format(record).split("boom", 1)[0]
    assert "very-secret" not in logging.Formatter().format(record)  # the standard formatters use the clean text


def test_healthz_says_alive_and_degraded_readyz_says_ready(catalogue: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(health, "_checks", {})
    status = {"state": "ok", "reachable": True}
    health.add_check("state", lambda: status["state"], lambda: status["reachable"])
    health.mark_loaded()
    server = health.serve_health("127.0.0.1", 0)
    base = f"http://127.0.0.1:{server.server_address[1]}"

    def get(path: str) -> tuple[int, dict[str, object]]:
        try:
            with urllib.request.urlopen(base + path, timeout=5) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as exc:
            return exc.code, json.loads(exc.read())

    try:
        assert get("/healthz")[1]["status"] == "ok" and get("/readyz")[0] == 200
        status.update(state="degraded", reachable=False)
        code, body = get("/healthz")
        assert code == 200 and body["status"] == "degraded" and body["checks"] == {"state": "degraded"}
        code, body = get("/readyz")
        assert code == 503 and body["state"] is False and body["data_loaded"] is True
    finally:
        server.shutdown()
        server.server_close()


def test_discord_shard_options() -> None:
    assert shard_options(None, None, None) is None
    assert shard_options("auto", None, None) == {}
    assert shard_options("3", None, None) == {"shard_count": 3}
    assert shard_options(None, "1,0", 4) == {"shard_ids": [0, 1], "shard_count": 4}
    for bad in (("x", None, None), ("0", None, None), (None, "0,1", None), (None, "a", 4), (None, "5", 4)):
        with pytest.raises(SettingsError):
            shard_options(*bad)
    client = build_client(load_settings(discord_token="a.b.c"), shard_ids="2,3", shard_count=4)
    assert isinstance(client, WhichModelShardedClient)
    assert client.shard_ids == [2, 3] and client.shard_count == 4
