"""The core's one front door: `Assistant(...).ask(text, previous)` and `.answer(query, offset)` return Answers.

Adapters and the CLI call only this. It is also the apology boundary: an exception inside the core becomes an
apology with an error id, logged with its traceback. And it is where the catalogue's derived indexes are named,
so the catalogue never imports the parser or the intents that read them.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable

from bot.catalogue import store
from bot.catalogue.store import Catalogue
from bot.contract.answer import Answer, Note
from bot.contract.policy import DEFAULT_POLICY, Policy
from bot.contract.query import Query
from bot.intents.index import Index
from bot.intents.registry import answer_for
from bot.intents.suggest import suggestion_names
from bot.parse import pattern_cache
from bot.parse.followup import refine
from bot.parse.model_names import build_index
from bot.parse.pipeline import parse
from bot.parse.provider_names import provider_table

log = logging.getLogger("whichmodel.core")

# the indexes every catalogue is built (and cached) with: name lookups, provider names, suggestions, intents' memo
INDEXES: tuple[store.Index, ...] = (build_index, provider_table, suggestion_names, Index)
store.use_indexes(INDEXES)
pattern_cache.flush()  # the parser's patterns, compiled once, for the next process (one-shot commands skip atexit)


def load(**kwargs: object) -> Catalogue:
    """`load_catalogue` with the indexes the core reads."""
    return store.load_catalogue(indexes=INDEXES, **kwargs)  # type: ignore[arg-type]


class Assistant:
    """Questions in, Answers out, over one catalogue (the process's current one unless given) and a policy."""

    def __init__(self, catalogue: Catalogue | None = None, policy: Policy = DEFAULT_POLICY) -> None:
        self._catalogue = catalogue
        self.policy = policy

    @property
    def catalogue(self) -> Catalogue:
        return self._catalogue or store.current()

    def ask(self, text: str, previous: Query | None = None) -> Answer:
        """Answer a question; a follow-up ("what about 100M?") refines `previous`."""
        return _guarded(lambda: self.ask_strict(text, previous), "a question")

    def answer(self, query: Query, offset: int = 0) -> Answer:
        """Answer an already structured query, starting at row `offset` (buttons: show more, compare top 2)."""
        return _guarded(lambda: answer_for(query, self.catalogue, self.policy, offset=offset), "a query", query)

    def listen(self, text: str, threshold: float) -> Answer | None:
        """A channel message nobody addressed to the bot: its Answer if it is a model question the parse is sure of
        (confidence at or above `threshold`), else None: the bot stays silent."""

        from bot.parse.faq import worth_answering  # only channel listeners pay for the detector's patterns

        pattern_cache.flush()

        def work() -> Answer | None:
            query = parse(text, self.catalogue)
            if not worth_answering(query, text, threshold):
                return None
            return answer_for(query, self.catalogue, self.policy)

        try:
            return work()
        except Exception:  # noqa: BLE001 - silence, not an apology, for a message nobody asked the bot about
            log.exception("the core failed on a channel message; staying silent")
            return None

    def ask_strict(self, text: str, previous: Query | None = None) -> Answer:
        """`ask` without the apology boundary (tests use it to see real failures)."""
        cat = self.catalogue
        query = parse(text, cat)
        if previous is not None and query.followup:
            query = refine(previous, query)
        return answer_for(query, cat, self.policy)


def ask(text: str, previous: Query | None = None, catalogue: Catalogue | None = None) -> Answer:
    """One question, without the apology boundary: `Assistant(catalogue).ask_strict(text, previous)`."""
    return Assistant(catalogue).ask_strict(text, previous)


def apology(error_id: str, query: Query | None = None) -> Answer:
    """What the user sees when the core fails: an apology with the id that the log line carries."""
    return Answer(
        intent="error",
        title="Sorry, something went wrong",
        verdict=f"I could not answer that; the error has been logged as {error_id}. Please try again or rephrase.",
        notes=[Note(kind="tip", text=f"Quote error id {error_id} when reporting this.")],
        query=query or Query(intent="unknown"),
        error=True,
        error_id=error_id,
    )


def new_error_id() -> str:
    return uuid.uuid4().hex[:10]


def _guarded(work: Callable[[], Answer], what: str, query: Query | None = None) -> Answer:
    try:
        return work()
    except Exception:  # noqa: BLE001 - the boundary where failures become apologies
        error_id = new_error_id()
        log.exception("error_id=%s: the core failed to answer %s", error_id, what)
        return apology(error_id, query)
