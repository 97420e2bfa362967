"""Shared fixtures: one catalogue per test session, built from the shipped data (no network)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from loopback import Server

# Bots started by tests (in process or as subprocesses, which inherit this) never fetch models.dev: no network
# beyond loopback. Tests of the refresh schedule drive `Refresher` against a loopback server instead.
os.environ["WHICHMODEL_REFRESH_ENABLED"] = "0"

from bot.assistant import load
from bot.catalogue.store import Catalogue


@pytest.fixture(scope="session")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    """The shipped catalogue, ignoring any refreshed data in the user's cache."""
    mp = pytest.MonkeyPatch()
    mp.setenv("WHICHMODEL_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    try:
        return load()
    finally:
        mp.undo()


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty user cache dir for refreshed data and built catalogues."""
    monkeypatch.setenv("WHICHMODEL_CACHE_DIR", str(tmp_path))
    return tmp_path


@pytest.fixture()
def server() -> Iterator[Server]:
    """A loopback HTTP server on 127.0.0.1, port 0."""
    srv = Server()
    yield srv
    srv.stop()
