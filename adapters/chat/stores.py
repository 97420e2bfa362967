"""The state store the settings ask for, and its report on /healthz and /readyz."""

from __future__ import annotations

import time
from collections.abc import Callable

from adapters.chat.ratelimit import RateLimiter
from adapters.chat.state import ChatState, MemoryState
from bot.runtime.health import add_check
from bot.runtime.settings import Settings


def open_state(settings: Settings, clock: Callable[[], float] = time.monotonic) -> ChatState:
    """The state store the settings ask for: Redis with WHICHMODEL_REDIS_URL, else this process's memory."""
    if settings.redis_url:
        from adapters.chat.redis_state import RedisState  # the redis client only when it is used

        return RedisState(
            settings.redis_url,
            prefix=settings.redis_prefix,
            capacity=settings.rate_capacity,
            per_minute=settings.rate_per_minute,
            timeout_s=settings.redis_timeout,
        )
    return MemoryState(RateLimiter(settings.rate_capacity, settings.rate_per_minute, clock=clock))


def watch_state(state: ChatState) -> None:
    """Report the state store on /healthz ("degraded" while Redis is unreachable) and /readyz (Redis reachable)."""
    add_check("state", state.status, getattr(state, "reachable", None))
