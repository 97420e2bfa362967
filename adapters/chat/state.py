"""What a chat bot remembers between messages, behind one small interface (`ChatState`).

Five things, keyed by strings the adapters build (platform, team, channel, thread):
- **conversations**: the last query answered in a thread, a DM or a user's channel, so follow-ups refine it;
- **dedupe**: ids already handled (Slack event ids, Discord message and interaction ids, button presses), so a
  retry is answered once;
- **rate-limit buckets**: a token bucket per user;
- **stored actions**: a short id -> (Query, offset), what a button under an answer asks for. A button carries
  only the id (Discord's custom_id holds 100 characters; forged ids find nothing);
- **values**: short strings under a key: per-channel settings that never expire (FAQ mode on or off), and notes
  that do (which of our messages are FAQ answers, threads people are replying in).

`MemoryState` keeps them in this process (the default; bounded, least recently used first out).
`adapters/chat/redis_state.py` keeps them in Redis, shared by every worker and shard; `adapters/chat/stores.py`
opens the one the settings ask for.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Protocol

from adapters.chat.ratelimit import RateLimiter
from bot.contract.query import Query

ACTION_ID_BYTES = 9  # 12 URL-safe characters: unguessable, and short enough for any platform's button id
ACTION_ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
CONVERSATION_TTL_S = 7 * 24 * 3600.0  # a week-old thread still follows up
ACTION_TTL_S = 30 * 24 * 3600.0  # buttons keep working for a month
SEEN_TTL_S = 24 * 3600.0  # Slack retries within an hour; a day is ample


class ChatState(Protocol):
    """Conversation state, dedupe, rate-limit buckets and stored actions. Every method is safe from any thread
    and never raises for a missing key."""

    def previous(self, key: str) -> Query | None:
        """The last query remembered under `key`."""
        ...

    def remember(self, key: str, query: Query) -> None:
        """Remember `query` as the last one under `key`."""
        ...

    def first_time(self, key: str, ttl_s: float = SEEN_TTL_S) -> bool:
        """True the first time `key` is seen within `ttl_s` seconds (atomic: one caller wins), False after."""
        ...

    def allow(self, key: str) -> float | None:
        """Take a token from `key`'s bucket: None when allowed, else the seconds until a token is back."""
        ...

    def save_action(self, query: Query, offset: int = 0) -> str:
        """Store what a button asks for; returns its short id."""
        ...

    def action(self, action_id: str) -> tuple[Query, int] | None:
        """The query and offset a button's id stands for, or None (expired, forged, or never ours)."""
        ...

    def value(self, key: str) -> str | None:
        """The string kept under `key`, or None."""
        ...

    def set_value(self, key: str, value: str | None, ttl_s: float | None = None) -> None:
        """Keep `value` under `key` (for `ttl_s` seconds; None: until changed); None removes it."""
        ...

    def status(self) -> str:
        """'ok', or 'degraded' when a shared store is unreachable and this process is answering on its own."""
        ...


def new_action_id() -> str:
    """A short random id for a stored action."""
    return secrets.token_urlsafe(ACTION_ID_BYTES)


def valid_action_id(action_id: str) -> bool:
    """Whether `action_id` could be one of ours (cheap check before any lookup)."""
    return 8 <= len(action_id) <= 32 and all(c in ACTION_ID_CHARS for c in action_id)


class _Lru:
    """A bounded, thread-safe map with per-entry expiry; the least recently used entry goes first."""

    def __init__(self, max_items: int, clock: Callable[[], float]) -> None:
        self.max_items = max_items
        self.clock = clock
        self._items: OrderedDict[str, tuple[float, object]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> object | None:
        with self._lock:
            item = self._items.get(key)
            if item is None:
                return None
            if item[0] <= self.clock():
                del self._items[key]
                return None
            self._items.move_to_end(key)
            return item[1]

    def put(self, key: str, value: object, ttl_s: float) -> None:
        with self._lock:
            self._put(key, value, ttl_s)

    def put_if_absent(self, key: str, value: object, ttl_s: float) -> bool:
        with self._lock:
            item = self._items.get(key)
            if item is not None and item[0] > self.clock():
                return False
            self._put(key, value, ttl_s)
            return True

    def _put(self, key: str, value: object, ttl_s: float) -> None:
        self._items[key] = (self.clock() + ttl_s, value)
        self._items.move_to_end(key)
        while len(self._items) > self.max_items:
            self._items.popitem(last=False)


class MemoryState:
    """`ChatState` in this process's memory: bounded, lost on restart, not shared between workers."""

    def __init__(
        self,
        limiter: RateLimiter | None = None,
        max_items: int = 20_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limiter = limiter or RateLimiter()
        self._conversations = _Lru(max_items, clock)
        self._seen = _Lru(max_items, clock)
        self._actions = _Lru(max_items, clock)
        self._notes = _Lru(max_items, clock)
        self._settings: dict[str, str] = {}  # never evicted: a channel's setting must not vanish under load
        self._settings_lock = threading.Lock()

    def previous(self, key: str) -> Query | None:
        value = self._conversations.get(key)
        return value if isinstance(value, Query) else None

    def remember(self, key: str, query: Query) -> None:
        self._conversations.put(key, query, CONVERSATION_TTL_S)

    def first_time(self, key: str, ttl_s: float = SEEN_TTL_S) -> bool:
        return self._seen.put_if_absent(key, True, ttl_s)

    def allow(self, key: str) -> float | None:
        if self.limiter.allow(key):
            return None
        return self.limiter.retry_after(key)

    def save_action(self, query: Query, offset: int = 0) -> str:
        action_id = new_action_id()
        self.keep_action(action_id, query, offset)
        return action_id

    def keep_action(self, action_id: str, query: Query, offset: int) -> None:
        """Store an action under an id made elsewhere (the memory copy of a shared store)."""
        self._actions.put(action_id, (query, offset), ACTION_TTL_S)

    def action(self, action_id: str) -> tuple[Query, int] | None:
        if not valid_action_id(action_id):
            return None
        value = self._actions.get(action_id)
        return value if isinstance(value, tuple) else None  # type: ignore[return-value]

    def value(self, key: str) -> str | None:
        with self._settings_lock:
            if key in self._settings:
                return self._settings[key]
        found = self._notes.get(key)
        return found if isinstance(found, str) else None

    def set_value(self, key: str, value: str | None, ttl_s: float | None = None) -> None:
        with self._settings_lock:
            self._settings.pop(key, None)
            if value is not None and ttl_s is None:
                self._settings[key] = value
        self._notes.put(key, value, ttl_s if value is not None and ttl_s is not None else 0.0)

    def status(self) -> str:
        return "ok"
