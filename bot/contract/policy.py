"""Which offers count when the user names no provider, and how many rows an answer shows.

By default a model is priced at its maker's own API; big clouds count too. A model no maker or big
cloud sells (many open-weight models) is priced at the well-known inference hosts. The cheapest price
among reputable providers is shown beside the maker's when it is lower. Configuration may override all.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

BIG_CLOUDS: tuple[str, ...] = ("azure", "amazon-bedrock", "google-vertex")
HOSTS: tuple[str, ...] = ("groq", "cerebras", "togetherai", "fireworks-ai", "deepinfra", "openrouter")


@dataclass(frozen=True)
class Policy:
    """Provider defaults and answer sizes."""

    default_providers: tuple[str, ...] = BIG_CLOUDS
    fallback_providers: tuple[str, ...] = HOSTS
    rows: int = 5
    list_rows: int = 15
    max_volume: float = 1e13
    faq_threshold: float = 0.6  # FAQ channels: the parse confidence a message needs before the bot answers it

    @cached_property
    def reference_providers(self) -> frozenset[str]:
        """Providers whose prices are worth quoting as 'cheaper elsewhere'."""
        return frozenset(self.default_providers) | frozenset(self.fallback_providers)


DEFAULT_POLICY = Policy()
