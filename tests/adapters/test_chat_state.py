"""The state store behind every chat turn: in memory, and in a real `redis-server` shared by several stores."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from redisserver import RedisServer, free_port

from adapters.chat.redis_state import RedisState
from adapters.chat.state import MemoryState
from adapters.chat.stores import open_state
from bot.contract.query import Query
from bot.runtime.settings import load_settings

QUERY = Query(intent="recommend", task="coding", tokens_per_month=5e7)


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    server = RedisServer(tmp_path_factory.mktemp("redis-state")).start()
    yield server
    server.stop()


def two_workers(url: str, prefix: str, capacity: int = 3, per_minute: float = 0.6) -> tuple[RedisState, RedisState]:
    return (RedisState(url, prefix, capacity, per_minute), RedisState(url, prefix, capacity, per_minute))


def test_conversations_and_actions_are_shared_between_workers(redis_server: RedisServer) -> None:
    a, b = two_workers(redis_server.url, "t-share:")
    a.remember("slack:T:C:1.0", QUERY)
    assert b.previous("slack:T:C:1.0") == QUERY
    action_id = a.save_action(QUERY, 5)
    assert b.action(action_id) == (QUERY, 5) and len(action_id) <= 32
    assert b.action("AAAAAAAAAAAA") is None and b.action("../../etc/passwd") is None


def test_dedupe_is_set_if_absent_once_across_workers(redis_server: RedisServer) -> None:
    a, b = two_workers(redis_server.url, "t-seen:")
    results = [a.first_time("slack:event:Ev1"), b.first_time("slack:event:Ev1"), a.first_time("slack:event:Ev1")]
    assert results == [True, False, False]
    ttl = a.redis.pttl("t-seen:seen:slack:event:Ev1")
    assert 0 < ttl <= 24 * 3600 * 1000  # every key expires


def test_the_token_bucket_is_one_bucket_across_workers(redis_server: RedisServer) -> None:
    a, b = two_workers(redis_server.url, "t-rate:", capacity=3, per_minute=0.6)
    taken = [s.allow("slack:rate:T:U1") for s in (a, b, a)]
    assert taken == [None, None, None]
    wait = b.allow("slack:rate:T:U1")
    assert wait is not None and 90 < wait <= 100  # 0.6 a minute: a token every 100 s
    assert a.allow("slack:rate:T:U2") is None  # another user has a bucket of their own
    assert a.redis.ttl("t-rate:rate:slack:rate:T:U1") > 0


def test_keys_carry_the_configured_prefix(redis_server: RedisServer) -> None:
    a, _ = two_workers(redis_server.url, "team-a:")
    a.remember("k", QUERY)
    other, _ = two_workers(redis_server.url, "team-b:")
    assert other.previous("k") is None and a.redis.exists("team-a:conv:k")


def test_an_unreachable_redis_fails_open_to_memory_with_one_log_line(caplog: pytest.LogCaptureFixture) -> None:
    state = RedisState(f"redis://127.0.0.1:{free_port()}/0", "down:", capacity=1, per_minute=1, timeout_s=0.2)
    with caplog.at_level(logging.WARNING, logger="whichmodel.state"):
        assert state.first_time("e1") and not state.first_time("e1")  # dedupe in memory meanwhile
        state.remember("k", QUERY)
        assert state.previous("k") == QUERY
        assert state.allow("u") is None and state.allow("u") is not None
        assert state.action(state.save_action(QUERY, 3)) == (QUERY, 3)
    assert state.status() == "degraded" and not state.reachable()
    assert [r.getMessage() for r in caplog.records].count(
        "Redis unreachable (ConnectionError); answering from this process's memory until it is back"
    ) == 1


def test_redis_coming_back_is_used_again(tmp_path: Path) -> None:
    server = RedisServer(tmp_path)
    state = RedisState(server.url, "back:", timeout_s=0.2)
    assert state.first_time("x") and state.status() == "degraded"
    server.start()
    try:
        state._down_until = 0.0  # skip the pause before retrying (it is time, not a condition, otherwise)
        assert state.reachable() and state.status() == "ok"
        state.remember("k", QUERY)
        assert state.redis.exists("back:conv:k")
    finally:
        server.stop()


def test_open_state_follows_the_settings(redis_server: RedisServer) -> None:
    assert isinstance(open_state(load_settings()), MemoryState)
    shared = open_state(load_settings(redis_url=redis_server.url, redis_prefix="p:"))
    assert isinstance(shared, RedisState) and shared.prefix == "p:"


def test_memory_state_expires_dedupe_after_its_ttl() -> None:
    now = [0.0]
    state = MemoryState(clock=lambda: now[0])
    assert state.first_time("k", ttl_s=5) and not state.first_time("k", ttl_s=5)
    now[0] = 6.0
    assert state.first_time("k", ttl_s=5)


def test_a_setting_made_in_one_worker_holds_in_another_and_turning_it_off_does_too(redis_server: RedisServer) -> None:
    a, b = two_workers(redis_server.url, "t-values:")
    a.set_value("slack:faq:T:C:mode", "on")
    assert b.value("slack:faq:T:C:mode") == "on" and a.redis.ttl("t-values:val:slack:faq:T:C:mode") == -1  # kept
    b.set_value("slack:faq:T:C:mode", None)
    assert a.value("slack:faq:T:C:mode") is None  # Redis is the truth: a's own memory copy does not win
    a.set_value("note", "x", ttl_s=60)
    assert 0 < a.redis.ttl("t-values:val:note") <= 60 and b.value("note") == "x"


def test_values_fall_back_to_the_last_one_seen_while_redis_is_unreachable(tmp_path: Path) -> None:
    server = RedisServer(tmp_path).start()
    state = RedisState(server.url, "v-down:", timeout_s=0.2)
    state.set_value("mode", "on")
    server.stop()
    assert state.value("mode") == "on" and state.status() == "degraded"
    state.set_value("mode", None)
    assert state.value("mode") is None


def test_memory_values_keep_settings_and_expire_notes() -> None:
    now = [0.0]
    state = MemoryState(max_items=2, clock=lambda: now[0])
    state.set_value("mode", "on")
    state.set_value("note", "x", ttl_s=5)
    for i in range(5):
        state.set_value(f"other{i}", "y", ttl_s=100)  # notes are evicted least recently used first; settings never
    now[0] = 10.0
    assert state.value("mode") == "on" and state.value("note") is None
    state.set_value("mode", None)
    assert state.value("mode") is None
