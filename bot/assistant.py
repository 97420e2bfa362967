"""The core's front door: text (or a Query) in, an Answer out. Adapters and the CLI call only this."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable

from bot.contract.answer import Answer, Note
from bot.catalogue.store import Catalogue, current
from bot.intents.changes import changes_answer, is_changes_question
from bot.parse.followup import refine
from bot.intents import answer_for
from bot.parse.pipeline import parse
from bot.contract.policy import DEFAULT_POLICY, Policy
from bot.contract.query import Query

log = logging.getLogger("whichmodel.core")


def ask(
    text: str, previous: Query | None = None, catalogue: Catalogue | None = None, policy: Policy = DEFAULT_POLICY
) -> Answer:
    """Answer a question; a follow-up ("what about 100M?") refines `previous`."""
    cat = catalogue or current()
    if is_changes_question(text):
        return changes_answer(cat, policy)
    query = parse(text, cat)
    if previous is not None and query.followup:
        query = refine(previous, query)
    return answer_for(query, cat, policy)


def answer_query(
    query: Query, offset: int = 0, catalogue: Catalogue | None = None, policy: Policy = DEFAULT_POLICY
) -> Answer:
    """Answer an already structured query, starting at row `offset` (for "show more")."""
    return answer_for(query, catalogue or current(), policy, offset=offset)


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
    """Run `work`; an exception becomes an apology with an error id, logged with its traceback."""
    try:
        return work()
    except Exception:  # noqa: BLE001 - the boundary where failures become apologies
        error_id = new_error_id()
        log.exception("error_id=%s: the core failed to answer %s", error_id, what)
        return apology(error_id, query)


def safe_ask(
    text: str, previous: Query | None = None, catalogue: Catalogue | None = None, policy: Policy = DEFAULT_POLICY
) -> Answer:
    """`ask`, but an exception becomes an apology with an error id, logged with its traceback."""
    return _guarded(lambda: ask(text, previous, catalogue, policy), "a question")


def safe_answer_query(
    query: Query, offset: int = 0, catalogue: Catalogue | None = None, policy: Policy = DEFAULT_POLICY
) -> Answer:
    """`answer_query` with the same apology boundary as `safe_ask`."""
    return _guarded(lambda: answer_query(query, offset, catalogue, policy), "a structured query", query)
