"""Refreshing LiteLLM's map and genai-prices from a loopback server: good data is installed, bad data refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from loopback import Server

from bot.catalogue.sources.prices import PRICE_SOURCES, refreshed_files
from bot.runtime.refresh import refresh_source

LITELLM = next(s for s in PRICE_SOURCES if s.id == "litellm")


def _entries(n: int, price: float = 1e-06) -> dict:
    return {
        f"openai/model-{i}": {"litellm_provider": "openai", "mode": "chat", "input_cost_per_token": price,
                              "output_cost_per_token": price * 2}
        for i in range(n)
    }  # fmt: skip


def _install_good(server: Server, cache: Path, n: int = 10) -> bytes:
    server.body = json.dumps(_entries(n)).encode()
    assert refresh_source(LITELLM, server.url, timeout=5).ok
    return (cache / "litellm.json").read_bytes()


def test_a_good_feed_is_installed_with_its_sidecar(server: Server, cache: Path) -> None:
    body = _install_good(server, cache)
    data, meta = refreshed_files(cache, "litellm")
    assert data.read_bytes() == body and json.loads(meta.read_text())["offers"] == 10


@pytest.mark.parametrize(
    "body",
    [
        b'{"openai/m": {"litellm_provider": "openai", "mode": "chat", "input_cost_per_token": NaN, "output_cost_per_token": 1}}',
        b'{"openai/m": {"litellm_provider": "openai", "mode": "chat", "input_cost_per_token": -1e-06, "output_cost_per_token": 1}}',
        b'{"openai/m": {"litellm_provider": "openai", "mode": "chat", "input_cost_per_token": Infinity, "output_cost_per_token": 1}}',
        b'["not", "an", "object"]',
        b"{not json",
    ],
    ids=["nan", "negative", "infinite", "wrong shape", "not json"],
)
def test_a_bad_feed_is_refused_and_the_last_good_data_kept(server: Server, cache: Path, body: bytes) -> None:
    good = _install_good(server, cache)
    server.body = body
    result = refresh_source(LITELLM, server.url, timeout=5)
    assert not result.ok and "keeping its last good data" in result.message
    assert (cache / "litellm.json").read_bytes() == good


def test_a_feed_that_shrinks_by_more_than_a_fifth_is_refused(server: Server, cache: Path) -> None:
    good = _install_good(server, cache, n=10)
    server.body = json.dumps(_entries(7)).encode()
    result = refresh_source(LITELLM, server.url, timeout=5)
    assert not result.ok and "more than a fifth" in result.message
    assert (cache / "litellm.json").read_bytes() == good
    server.body = json.dumps(_entries(9)).encode()
    assert refresh_source(LITELLM, server.url, timeout=5).ok
