"""`ChatState` in Redis, shared by every Slack worker and Discord shard (WHICHMODEL_REDIS_URL).

- Conversations and stored actions are JSON under `{prefix}conv:` and `{prefix}act:` with TTLs (a week, a month).
- Values (per-channel settings, with no TTL, and short-lived notes) are plain strings under `{prefix}val:`. A read
  that reaches Redis is the truth (a setting turned off on another worker is off here too); only while Redis is
  unreachable does this process answer from the last value it wrote or read.
- Dedupe is `SET key 1 NX EX ttl`: atomic, so of two workers handed the same retry exactly one answers.
- The token bucket is one Lua script (read, refill by Redis's own clock, take, write), atomic across workers and
  free of their clock skew.
- **Fail open.** When Redis is unreachable the bot still answers: every call falls back to this process's memory
  (a duplicate across workers is better than silence), one warning line says so, `status()` says "degraded" (and
  /healthz with it), and Redis is tried again after a short pause. Writes always reach the memory copy too, so a
  conversation on this worker survives an outage.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from typing import TypeVar

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from adapters.chat.ratelimit import RateLimiter
from adapters.chat.state import (
    ACTION_TTL_S,
    CONVERSATION_TTL_S,
    SEEN_TTL_S,
    MemoryState,
    new_action_id,
    valid_action_id,
)
from bot.contract.query import Query

log = logging.getLogger("whichmodel.state")
T = TypeVar("T")
RETRY_AFTER_S = 2.0  # after a failure, calls go to memory for this long before Redis is tried again

# KEYS[1] the bucket; ARGV capacity, tokens per second. Returns {1, "0"} when a token was taken, else {0, wait}.
TOKEN_BUCKET = """
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local data = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(data[1]) or capacity
local ts = tonumber(data[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - ts) * rate)
local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
redis.call('EXPIRE', KEYS[1], math.ceil(capacity / rate) + 60)
if allowed == 1 then
  return {1, '0'}
end
return {0, tostring((1 - tokens) / rate)}
"""


class RedisState:
    """`ChatState` in Redis under `prefix`, falling back to memory while Redis is unreachable."""

    def __init__(
        self,
        url: str,
        prefix: str = "whichmodel:",
        capacity: int = 5,
        per_minute: float = 10.0,
        timeout_s: float = 0.5,
    ) -> None:
        self.prefix = prefix
        self.capacity = capacity
        self.rate = per_minute / 60.0
        self.redis = redis.Redis.from_url(
            url,
            socket_timeout=timeout_s,
            socket_connect_timeout=timeout_s,
            retry=Retry(NoBackoff(), 0),  # an unreachable Redis costs one timeout, not three
            health_check_interval=30,
        )
        self.memory = MemoryState(RateLimiter(capacity, per_minute))
        self._bucket = self.redis.register_script(TOKEN_BUCKET)
        self._lock = threading.Lock()
        self._down_until = 0.0
        self._degraded = False

    # ------------------------------------------------------------------------------------------ fail open

    def _try(self, call: Callable[[], T], fallback: Callable[[], T]) -> T:
        if self._degraded and time.monotonic() < self._down_until:
            return fallback()
        try:
            result = call()
        except (redis.RedisError, OSError) as exc:
            with self._lock:
                if not self._degraded:
                    log.warning(
                        "Redis unreachable (%s); answering from this process's memory until it is back",
                        type(exc).__name__,
                    )
                self._degraded = True
                self._down_until = time.monotonic() + RETRY_AFTER_S
            return fallback()
        if self._degraded:
            with self._lock:
                if self._degraded:
                    log.warning("Redis reachable again; state is shared again")
                self._degraded = False
        return result

    def status(self) -> str:
        return "degraded" if self._degraded else "ok"

    def reachable(self) -> bool:
        """Whether Redis answers a PING now (for /readyz)."""
        return self._try(lambda: bool(self.redis.ping()), lambda: False)

    # ------------------------------------------------------------------------------------------ the state

    def previous(self, key: str) -> Query | None:
        raw = self._try(lambda: self.redis.get(self.prefix + "conv:" + key), lambda: None)
        if raw is None:
            return self.memory.previous(key)
        try:
            return Query.model_validate_json(raw)
        except ValueError:
            return None

    def remember(self, key: str, query: Query) -> None:
        self.memory.remember(key, query)
        data = query.model_dump_json(exclude_defaults=True)
        self._try(lambda: self.redis.set(self.prefix + "conv:" + key, data, ex=int(CONVERSATION_TTL_S)), lambda: None)

    def first_time(self, key: str, ttl_s: float = SEEN_TTL_S) -> bool:
        ttl_ms = max(1, int(ttl_s * 1000))
        return self._try(
            lambda: bool(self.redis.set(self.prefix + "seen:" + key, b"1", nx=True, px=ttl_ms)),
            lambda: self.memory.first_time(key, ttl_s),
        )

    def allow(self, key: str) -> float | None:
        def shared() -> float | None:
            allowed, wait = self._bucket(keys=[self.prefix + "rate:" + key], args=[self.capacity, self.rate])
            return None if int(allowed) == 1 else float(wait)

        return self._try(shared, lambda: self.memory.allow(key))

    def save_action(self, query: Query, offset: int = 0) -> str:
        action_id = new_action_id()
        data = json.dumps({"q": query.model_dump(mode="json", exclude_defaults=True), "o": offset})
        self.memory.keep_action(action_id, query, offset)
        self._try(lambda: self.redis.set(self.prefix + "act:" + action_id, data, ex=int(ACTION_TTL_S)), lambda: None)
        return action_id

    def action(self, action_id: str) -> tuple[Query, int] | None:
        if not valid_action_id(action_id):
            return None
        raw = self._try(lambda: self.redis.get(self.prefix + "act:" + action_id), lambda: None)
        if raw is None:
            return self.memory.action(action_id)
        try:
            data = json.loads(raw)
            return Query.model_validate(data["q"]), int(data["o"])
        except (ValueError, KeyError, TypeError):
            return None

    def value(self, key: str) -> str | None:
        missing = object()
        raw = self._try(lambda: self.redis.get(self.prefix + "val:" + key), lambda: missing)
        if raw is missing:
            return self.memory.value(key)
        found = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
        self.memory.set_value(key, found, None if found is None else SEEN_TTL_S)  # the last value seen, for outages
        return found  # type: ignore[return-value]

    def set_value(self, key: str, value: str | None, ttl_s: float | None = None) -> None:
        self.memory.set_value(key, value, ttl_s)
        name = self.prefix + "val:" + key
        if value is None:
            self._try(lambda: self.redis.delete(name), lambda: None)
        else:
            ex = None if ttl_s is None else max(1, int(ttl_s))
            self._try(lambda: self.redis.set(name, value, ex=ex), lambda: None)
