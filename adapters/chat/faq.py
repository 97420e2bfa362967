"""FAQ channels, the manners every platform shares: the per-channel mode, once per message, never in a busy
thread, a per-channel rate limit, the ✖ line under every answer, and removal on ✖.

All of it lives in the shared state (`ChatState` values and dedupe), so a channel turned on from one Slack worker
or Discord shard is on in every other, and a message is answered once however many workers see it. Nothing of a
message is kept: the keys hold platform ids, and the note under an answer holds the question's hash and intent
(what the question log already holds), so the removal can be logged.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from adapters.chat.state import ChatState
from bot.assistant import Assistant
from bot.contract.answer import Answer
from bot.runtime.logs import QUESTIONS, digest, log_question

log = logging.getLogger("whichmodel.faq")

FOOTER = "Not what you asked? React with ✖ and I'll stay out of threads like this."
REMOVE_REACTIONS = frozenset({"x", "heavy_multiplication_x", "✖", "✖️", "❌"})  # Slack's names, Discord's emoji
ANSWER_NOTE_TTL_S = 30 * 24 * 3600.0  # a ✖ a month later still removes the answer
BUSY_TTL_S = 7 * 24 * 3600.0
SEEN_TTL_S = 24 * 3600.0
WINDOW_S = 3600.0

ON_TEXT = (
    "FAQ mode is on in this channel: I'll read new top-level messages and answer, in a thread, the ones I'm sure are "
    "questions about choosing, pricing or comparing models. I keep nothing of the messages I read. "
    "Turn it off with {off}."
)
OFF_TEXT = "FAQ mode is off in this channel: I'll answer only when someone asks me directly."
STATUS_TEXT = {True: "FAQ mode is on in this channel ({off} turns it off).", False: "FAQ mode is off here ({on})."}


def faq_words(text: str) -> str | None:
    """'on', 'off' or 'status' for a command's text "faq on" / "faq off" / "faq"; None when it is not about FAQ."""
    words = text.strip().lower().split()
    if not words or words[0] != "faq" or len(words) > 2:
        return None
    if len(words) == 1:
        return "status"
    return {"on": "on", "off": "off", "status": "status", "enable": "on", "disable": "off"}.get(words[1], "status")


def with_footer(text: str) -> str:
    """`text` ending with the ✖ line."""
    return f"{text.rstrip()}\n\n{FOOTER}" if text.strip() else FOOTER


@dataclass(frozen=True)
class Place:
    """Where a message sits: platform, team (Slack workspace, Discord guild) and channel."""

    platform: str
    team: str
    channel: str

    def key(self, *parts: str) -> str:
        return ":".join((self.platform, "faq", self.team, self.channel, *parts))


class FaqChannels:
    """The FAQ manners over one state store and one core."""

    def __init__(
        self,
        state: ChatState,
        assistant: Assistant,
        threshold: float,
        per_hour: int = 6,
        log_questions: bool = False,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.state, self.assistant, self.threshold = state, assistant, threshold
        self.per_hour, self.log_questions, self.clock = per_hour, log_questions, clock

    # ----------------------------------------------------------------------------------------------- the mode

    def is_on(self, place: Place) -> bool:
        """Whether FAQ mode is on in the channel (in every worker: the setting is in the shared state)."""
        return self.state.value(place.key("mode")) == "on"

    def turn(self, place: Place, on: bool, user: str) -> None:
        """Turn FAQ mode on or off in the channel, and log who did (as a hash)."""
        self.state.set_value(place.key("mode"), "on" if on else None)
        self._log("faq_mode", place, mode="on" if on else "off", user_sha=digest(user))

    # ------------------------------------------------------------------------------------------- a message

    def consider(self, place: Place, message_id: str, thread: str, text: str) -> Answer | None:
        """The answer to post in `thread` for a top-level message, or None: FAQ mode off, seen already (another
        worker, a retry), not a model question the bot is sure of, the channel's hourly answers used up, or people
        replying in the thread already."""
        if not text.strip() or not self.is_on(place):
            return self._silent(place, message_id, "FAQ mode off")
        if not self.state.first_time(place.key("seen", message_id), SEEN_TTL_S):
            return self._silent(place, message_id, "already considered")
        started = time.monotonic()
        answer = self.assistant.listen(text, self.threshold)
        if answer is None or answer.error:
            return self._silent(place, message_id, "not a model question I'm sure of")
        if self.busy(place, thread):
            return self._silent(place, message_id, "people are replying in its thread")
        if not self._allowed(place):
            return self._silent(place, message_id, f"rate limit: {self.per_hour} answers this hour in the channel")
        log_question(f"{place.platform}/faq", text, answer, time.monotonic() - started, log_text=self.log_questions)
        return answer

    @staticmethod
    def _silent(place: Place, message_id: str, reason: str) -> None:
        log.debug("%s FAQ: silent on %s (%s)", place.platform, message_id, reason)

    def _allowed(self, place: Place) -> bool:
        """A fixed-window limit shared by every worker: `per_hour` slots a window, each taken once (SET NX)."""
        window = int(self.clock() // WINDOW_S)
        return any(
            self.state.first_time(place.key("rate", str(window), str(slot)), WINDOW_S) for slot in range(self.per_hour)
        )

    def reply_seen(self, place: Place, thread: str) -> None:
        """Someone replied in `thread`: the bot stays out of it from now on."""
        self.state.set_value(place.key("busy", thread), "1", BUSY_TTL_S)

    def busy(self, place: Place, thread: str) -> bool:
        return self.state.value(place.key("busy", thread)) is not None

    # ------------------------------------------------------------------------------------------- answers

    def answered(self, place: Place, answer_id: str, question: str, answer: Answer) -> None:
        """Note that message `answer_id` is a FAQ answer (to a question known only by its hash)."""
        note = json.dumps({"sha": digest(question), "intent": answer.intent})
        self.state.set_value(place.key("answer", answer_id), note, ANSWER_NOTE_TTL_S)

    def removal(self, place: Place, answer_id: str, reaction: str) -> dict[str, Any] | None:
        """A ✖ on message `answer_id`: its note when it is a FAQ answer of ours (then it should be deleted)."""
        if reaction not in REMOVE_REACTIONS:
            return None
        raw = self.state.value(place.key("answer", answer_id))
        if raw is None:
            return None
        try:
            note = json.loads(raw)
        except ValueError:
            return None
        return note if isinstance(note, dict) else None

    def removed(self, place: Place, answer_id: str, note: dict[str, Any], user: str) -> dict[str, Any]:
        """The answer was deleted: forget it and log one line (hashes only)."""
        self.state.set_value(place.key("answer", answer_id), None)
        return self._log(
            "faq_removed",
            place,
            question_sha=str(note.get("sha", "")),
            intent=str(note.get("intent", "")),
            user_sha=digest(user),
        )

    def _log(self, event: str, place: Place, **fields: str) -> dict[str, Any]:
        record: dict[str, Any] = {
            "event": event,
            "platform": place.platform,
            "channel_sha": digest(f"{place.team}:{place.channel}"),
            **fields,
        }
        QUESTIONS.info("%s %s", place.platform, event, extra={"fields": record})
        return record
