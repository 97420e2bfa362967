"""Per-catalogue lookups the intents repeat for every question, computed once per catalogue."""

from __future__ import annotations

from collections import Counter, OrderedDict
from datetime import date

from bot.catalogue.grouping import Model
from bot.catalogue.knowledge import Maker, Speed
from bot.catalogue.offers import Offer
from bot.catalogue.store import Catalogue


class Index:
    """Memoised offers-by-provider, speeds and makers for one catalogue."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.makers: dict[str, Maker] = {m.id: m for m in catalogue.knowledge.makers.makers}
        self.chat_models: tuple[Model, ...] = tuple(m for m in catalogue.models if m.kind == "chat")
        self._offers: dict[tuple[str, bool], dict[str, Offer]] = {
            (m.id, free): m.offers_by_provider(include_free=free) for m in self.chat_models for free in (False, True)
        }
        self._speeds: dict[tuple[str, str | None], Speed | None] = {}
        self._open_weights: dict[str, bool] = {}
        self._released: dict[str, date | None] = {}
        self.eligible: dict[tuple, list[Offer]] = {}
        self.offered: dict[tuple, list[tuple[Model, list[Offer]]]] = {}
        self.fitting: dict[tuple, tuple[list[tuple[Model, list[Offer]]], Counter[str]]] = {}
        self.unjudged: dict[tuple, list[Model]] = {}  # selection.fitting: the newest left out for want of evidence
        self._open_pools: dict[int, tuple[list, list[tuple[Model, list[Offer]]]]] = {}
        self.static: dict[tuple, tuple[list, list[tuple[Model, list[Offer]]], Counter[str]]] = {}  # selection.static_pass
        self.candidates: OrderedDict[tuple, tuple[list, Counter[str]]] = OrderedDict()  # see selection.candidates

    def offers(self, model: Model, include_free: bool = False) -> dict[str, Offer]:
        """Each provider's main offer of the model."""
        key = (model.id, include_free)
        found = self._offers.get(key)
        if found is None:
            found = self._offers[key] = model.offers_by_provider(include_free=include_free)
        return found

    def speed(self, model: Model, provider: str | None) -> Speed | None:
        key = (model.id, provider)
        if key not in self._speeds:
            self._speeds[key] = self.catalogue.speed(model, provider)
        return self._speeds[key]

    def open_weights(self, model: Model) -> bool:
        """Whether the model's weights can be downloaded (the catalogue's answer, kept)."""
        found = self._open_weights.get(model.id)
        if found is None:
            found = self._open_weights[model.id] = self.catalogue.open_weights(model)
        return found

    def open_pool(self, pool: list[tuple[Model, list[Offer]]]) -> list[tuple[Model, list[Offer]]]:
        """The open-weights models of a cached pool (kept per pool: 'only open weights' skips the rest at once)."""
        found = self._open_pools.get(id(pool))
        if found is None or found[0] is not pool:
            found = self._open_pools[id(pool)] = (pool, [(m, o) for m, o in pool if self.open_weights(m)])
        return found[1]

    def release_date(self, model: Model) -> date | None:
        """The model's release date (kept: working it out walks every offer)."""
        if model.id not in self._released:
            self._released[model.id] = model.release_date
        return self._released[model.id]


def index_for(catalogue: Catalogue) -> Index:
    """The intents' index of `catalogue`."""
    return catalogue.index(Index)
