"""The last query of each conversation (a Slack thread, a Discord reply chain), so follow-ups refine it."""

from __future__ import annotations

import threading
from collections import OrderedDict

from bot.contract.query import Query


class Conversations:
    """A bounded map from conversation id to the last query answered there."""

    def __init__(self, max_items: int = 5_000) -> None:
        self.max_items = max_items
        self._items: OrderedDict[str, Query] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> Query | None:
        with self._lock:
            query = self._items.get(key)
            if query is not None:
                self._items.move_to_end(key)
            return query

    def put(self, key: str, query: Query) -> None:
        with self._lock:
            self._items[key] = query
            self._items.move_to_end(key)
            while len(self._items) > self.max_items:
                self._items.popitem(last=False)


class SeenIds:
    """Ids already handled (Slack event ids, Discord interaction ids): retries are answered once."""

    def __init__(self, max_items: int = 10_000) -> None:
        self.max_items = max_items
        self._items: OrderedDict[str, None] = OrderedDict()
        self._lock = threading.Lock()

    def first_time(self, key: str) -> bool:
        """True the first time `key` is seen, False after."""
        with self._lock:
            if key in self._items:
                return False
            self._items[key] = None
            while len(self._items) > self.max_items:
                self._items.popitem(last=False)
            return True
