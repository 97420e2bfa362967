"""The one chat turn every platform runs: dedupe, rate limit, the previous query, ask, remember, send, log.

An adapter turns a platform event into a `Turn` (who asked what, where its conversation lives) and a `Reply` (how
to send there), and calls `Chat.run`. Everything between is here, once: the adapters only know their platform.
`Chat.run` is synchronous (the core is); Discord runs it on a worker thread and sends through its event loop.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from adapters.chat.state import ChatState
from bot.assistant import Assistant, apology, new_error_id
from bot.contract.answer import Answer
from bot.contract.query import Query
from bot.runtime.logs import log_question

log = logging.getLogger("whichmodel.chat")

HELP_WORDS = frozenset({"", "help", "?", "-h", "--help"})
EXPIRED_TEXT = (
    "I no longer have that answer (I keep recent ones only, and I may have restarted): please ask the question again."
)
ALREADY_SHOWN_TEXT = "That is already shown below."
NO_MORE_TEXT = "That is everything I have for this answer."


def slow_down_text(seconds: float) -> str:
    """The one rate-limit message, on every platform."""
    wait = max(1, round(seconds))
    return (
        f"You're asking faster than I can answer well: please try again in about {wait} "
        f"second{'s' if wait != 1 else ''}. (Each person gets a few questions at once, then a few a minute.)"
    )


Rule = tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]


def question_text(text: str | None, rules: Sequence[Rule] = ()) -> str:
    """A message's text as the user meant it: each platform's markup `rules` applied in order (mentions of the
    bot dropped, links and channels as words), then whitespace collapsed and stray separators trimmed. The
    renderers escape on the way out."""
    out = text or ""
    for pattern, replacement in rules:
        out = pattern.sub(replacement, out)
    return " ".join(out.split()).strip(" ,:;")


@dataclass(frozen=True)
class Turn:
    """One question (or one button press) to answer, and where its conversation lives.

    Keys are whole state keys, built by the adapter (they start with the platform's name)."""

    platform: str  # "slack", "discord": the log line's platform and the rate-limit key's prefix
    kind: str  # "command", "mention", "dm", "button"
    user: str
    team: str = ""
    text: str = ""
    action: str | None = None  # a pressed button's short id: answer its stored query instead of `text`
    follows: tuple[str, ...] = ()  # conversation keys to read the previous query from, the first found wins
    remember: tuple[str, ...] = ()  # conversation keys to store the answer's query under
    delivery: str | None = None  # the platform's id for this delivery: a retry with the same id is dropped
    once: str | None = None  # a press answered once (a second press of the same button says so)
    public_notice: bool = False  # the slow-down notice is public: say it once per wait, not once per message


class Reply(Protocol):
    """How a turn answers on its platform."""

    def start(self) -> None:
        """The turn is allowed and the work begins (Discord defers the interaction here)."""
        ...

    def answer(self, answer: Answer) -> Sequence[str]:
        """Send `answer` (errors only to the asker); returns extra conversation keys for what was sent."""
        ...

    def notice(self, text: str) -> None:
        """Send a short message of our own (slow down, an expired button) that only the asker needs to see."""
        ...


class Chat:
    """The chat turn over one Assistant and one state store."""

    def __init__(self, assistant: Assistant, state: ChatState, log_questions: bool = False) -> None:
        self.assistant = assistant
        self.state = state
        self.log_questions = log_questions

    def run(self, turn: Turn, reply: Reply) -> Answer | None:
        """Answer `turn` through `reply`; returns the answer sent, or None when nothing was asked of the core."""
        started = time.monotonic()
        if turn.delivery is not None and not self.state.first_time(turn.delivery):
            log.info("%s already answered; ignoring the retry", turn.delivery)
            return None
        wait = self.state.allow(f"{turn.platform}:rate:{turn.team}:{turn.user}")
        if wait is not None:
            self._slow_down(turn, reply, wait)
            return None
        stored: tuple[Query, int] | None = None
        if turn.action is not None:
            stored = self.state.action(turn.action)
            if stored is None:
                reply.notice(EXPIRED_TEXT)
                return None
        if turn.once is not None and not self.state.first_time(turn.once):
            reply.notice(ALREADY_SHOWN_TEXT)
            return None
        reply.start()
        answer = self._answer(turn, stored)
        if stored is not None and not answer.error and answer.offset != stored[1]:
            reply.notice(NO_MORE_TEXT)  # the rows ran out since the button was made
            return answer
        if not answer.error:  # before sending: a follow-up may arrive the moment the answer is seen
            for key in turn.remember:
                self.state.remember(key, answer.query)
        keys = self._send(turn.platform, reply, answer)
        if not answer.error:
            for key in keys:  # what was sent (a Discord message id a reply can point at)
                self.state.remember(key, answer.query)
        text = turn.text if stored is None else f"button:{turn.action}"
        log_question(
            f"{turn.platform}/{turn.kind}",
            text,
            answer,
            time.monotonic() - started,
            user=turn.user,
            log_text=self.log_questions,
        )
        return answer

    def _slow_down(self, turn: Turn, reply: Reply, wait: float) -> None:
        log.info("%s rate limit: a user asked too fast (retry in %.0fs)", turn.platform, wait)
        warned = f"{turn.platform}:warned:{turn.team}:{turn.user}"
        if turn.public_notice and not self.state.first_time(warned, ttl_s=max(wait, 1.0)):
            return  # said once already for this wait: saying it per message would be the spam it prevents
        reply.notice(slow_down_text(wait))

    def _answer(self, turn: Turn, stored: tuple[Query, int] | None) -> Answer:
        try:
            if stored is not None:
                return self.assistant.answer(*stored)
            if turn.text.strip().lower() in HELP_WORDS:
                return self.assistant.answer(Query(intent="help"), 0)
            previous = next((q for q in map(self.state.previous, turn.follows) if q is not None), None)
            return self.assistant.ask(turn.text, previous)
        except Exception:  # noqa: BLE001 - the Assistant has its own boundary; this one is for any core at all
            return self._apology(turn.platform, "answer", stored[0] if stored else None)

    def _send(self, platform: str, reply: Reply, answer: Answer) -> Sequence[str]:
        try:
            return reply.answer(answer)
        except Exception:  # noqa: BLE001 - say sorry rather than nothing
            sorry = self._apology(platform, "send an answer", answer.query)
            try:
                reply.answer(sorry)
            except Exception:  # noqa: BLE001
                log.exception("error_id=%s: could not even send the apology", sorry.error_id)
            return ()

    @staticmethod
    def _apology(platform: str, what: str, query: Query | None) -> Answer:
        error_id = new_error_id()
        log.exception("error_id=%s: the %s adapter failed to %s", error_id, platform.title(), what)
        return apology(error_id, query)
