"""`whichmodel refresh` against an HTTP server on 127.0.0.1: good data, and every way a download goes bad."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from loopback import Server

from bot.catalogue import cache as build_cache
from bot.catalogue.refreshed import CACHE_FILE, META_FILE
from bot.catalogue.store import load_catalogue
from bot.runtime.refresh import refresh_data

GOOD = {
    "acme": {
        "id": "acme",
        "name": "Acme AI",
        "models": {
            "acme-chat-1": {
                "id": "acme-chat-1",
                "name": "Acme Chat 1",
                "tool_call": True,
                "release_date": "2026-06-01",
                "last_updated": "2026-06-02",
                "cost": {"input": 0.5, "output": 1.5},
                "limit": {"context": 200000, "output": 8000},
                "modalities": {"input": ["text"], "output": ["text"]},
            }
        },
    }
}
BODY = json.dumps(GOOD).encode()


@pytest.fixture()
def server(server: Server) -> Server:
    server.body = BODY
    return server


def _install_previous(cache: Path) -> bytes:
    previous = dict(GOOD)
    previous["acme"] = {**GOOD["acme"], "name": "Acme (previous)"}
    data = json.dumps(previous).encode()
    (cache / CACHE_FILE).write_bytes(data)
    (cache / META_FILE).write_text(json.dumps({"fetched_at": "2026-11-01T00:00:00+00:00", "url": "x"}))
    return data


def test_good_download_is_installed_and_used(server: Server, cache: Path) -> None:
    result = refresh_data(server.url, timeout=5)
    assert result.ok, result.message
    assert (cache / CACHE_FILE).read_bytes() == BODY
    meta = json.loads((cache / META_FILE).read_text())
    assert meta["url"] == server.url and meta["providers"] == 1 and meta["models"] == 1
    assert "1 providers, 1 models" in result.message
    cat = load_catalogue(use_cache=False)
    assert cat.snapshot.origin == "refreshed" and cat.snapshot.as_of is not None
    assert cat.snapshot.as_of.isoformat() == meta["fetched_at"][:10]
    assert cat.snapshot.as_of.isoformat() in cat.snapshot.label
    model = cat.model("acme-chat-1")
    assert model is not None and model.offers[0].input_price == 0.5
    assert not list(cache.glob(".*"))  # no temporary files left


def test_cached_catalogue_follows_a_refresh(server: Server, cache: Path) -> None:
    assert refresh_data(server.url, timeout=5).ok
    first = load_catalogue()
    assert load_catalogue().model("acme-chat-1") is not None
    changed = json.loads(BODY)
    changed["acme"]["models"]["acme-chat-1"]["cost"]["input"] = 0.25
    server.body = json.dumps(changed).encode()
    assert refresh_data(server.url, timeout=5).ok
    second = load_catalogue()
    assert first.model("acme-chat-1").offers[0].input_price == 0.5  # type: ignore[union-attr]
    assert second.model("acme-chat-1").offers[0].input_price == 0.25  # type: ignore[union-attr]
    assert 1 < len(list(cache.glob("catalogue-*.pickle"))) <= build_cache.KEEP  # the old build kept, within bounds


@pytest.mark.parametrize(
    ("setup", "reason"),
    [
        (lambda s: setattr(s, "length", len(BODY) + 500), "cut short"),
        (lambda s: setattr(s, "body", b'{"acme": {"id": "acme", '), "not valid JSON"),
        (lambda s: setattr(s, "status", 500), "HTTP 500"),
        (
            lambda s: setattr(s, "body", b'{"acme": {"id": "acme", "name": "A", "models": {"m": {"id": "m"}}}}'),
            "models.dev data is invalid at acme.models.m.name",
        ),
        (lambda s: setattr(s, "body", b"{}"), "holds no providers"),
    ],
    ids=["truncated", "invalid-json", "http-500", "bad-schema", "empty"],
)
def test_bad_download_keeps_previous_data(server: Server, cache: Path, setup, reason: str) -> None:  # type: ignore[no-untyped-def]
    previous = _install_previous(cache)
    setup(server)
    result = refresh_data(server.url, timeout=5)
    assert not result.ok
    assert reason in result.message and "keeping the previous data (refreshed 2026-11-01)" in result.message
    assert (cache / CACHE_FILE).read_bytes() == previous
    assert not list(cache.glob(".*"))


def test_timeout_keeps_previous_data(server: Server, cache: Path) -> None:
    previous = _install_previous(cache)
    server.block = True  # the handler waits until the test releases it
    result = refresh_data(server.url, timeout=0.3)
    server.release.set()
    assert not result.ok and "did not answer within 0.3 s" in result.message
    assert (cache / CACHE_FILE).read_bytes() == previous


def test_unreachable_server_without_previous_data(cache: Path) -> None:
    srv = Server()
    url = srv.url
    srv.stop()  # nothing listens on the port any more
    result = refresh_data(url, timeout=2)
    assert not result.ok and "the bundled snapshot" in result.message
    assert not (cache / CACHE_FILE).exists()


LITELLM_BODY = json.dumps(
    {"xai/grok-9": {"litellm_provider": "xai", "mode": "chat", "input_cost_per_token": 3e-06,
                    "output_cost_per_token": 1.5e-05}}  # fmt: skip
).encode()
GENAI_BODY = json.dumps(
    [{"id": "x-ai", "name": "xAI", "models": [{"id": "grok-9", "prices": {"input_mtok": 3, "output_mtok": 15}}]}]
).encode()


def _servers(*bodies: bytes) -> list[Server]:
    servers = []
    for body in bodies:
        srv = Server()
        srv.body = body
        servers.append(srv)
    return servers


def _refresh_cli(cache: Path, servers: list[Server]):  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from adapters.cli import main

    md, lite, genai = servers
    args = ["refresh", "--url", md.url, "--source-url", f"litellm={lite.url}", "--source-url", f"genai-prices={genai.url}"]
    return CliRunner().invoke(main, args, env={"WHICHMODEL_CACHE_DIR": str(cache)})


def test_the_refresh_command_pulls_every_live_source(cache: Path) -> None:
    servers = _servers(BODY, LITELLM_BODY, GENAI_BODY)
    try:
        result = _refresh_cli(cache, servers)
    finally:
        for srv in servers:
            srv.stop()
    lines = result.output.strip().splitlines()
    assert result.exit_code == 0, result.output
    assert [line.split(" from ")[0] for line in lines] == [
        "refreshed models.dev data",
        "refreshed LiteLLM price map",
        "refreshed genai-prices",
    ]
    assert (cache / CACHE_FILE).is_file() and (cache / "litellm.json").is_file() and (cache / "genai-prices.json").is_file()


def test_a_failed_source_keeps_its_data_while_the_others_refresh(cache: Path) -> None:
    servers = _servers(BODY, LITELLM_BODY, b"[{not json")
    try:
        result = _refresh_cli(cache, servers)
    finally:
        for srv in servers:
            srv.stop()
    assert result.exit_code == 1
    assert "refresh of genai-prices failed" in result.output and "keeping its last good data" in result.output
    assert (cache / "litellm.json").is_file() and not (cache / "genai-prices.json").exists()


def test_the_refresh_command_refuses_an_unknown_source(cache: Path) -> None:
    from click.testing import CliRunner

    from adapters.cli import main

    result = CliRunner().invoke(main, ["refresh", "--source-url", "nope=http://127.0.0.1:9/"])
    assert result.exit_code == 2 and "SOURCE one of models-dev, litellm, genai-prices" in result.output


def test_a_scheduled_refresh_that_adds_a_model_gives_it_its_kept_scores(cache: Path) -> None:
    from bot.catalogue import store
    from bot.runtime.refresh import Refresher

    entry = {"litellm_provider": "gemini", "mode": "chat", "input_cost_per_token": 1e-07, "output_cost_per_token": 4e-07}
    md, lite = _servers(BODY, json.dumps({"gemini/gemma-4-12b": entry}).encode())
    before = store.swap(None)  # type: ignore[arg-type]
    try:
        result = Refresher(md.url, timeout=5, urls={"litellm": lite.url}).run_once()
        assert result.ok, result.message
        fresh = store.current()
        model = fresh.model("gemma-4-12b")
        assert model is not None and {s.source for s in fresh.scores(model)} >= {"artificial-analysis"}
    finally:
        store.swap(before)  # type: ignore[arg-type]
        md.stop()
        lite.stop()
