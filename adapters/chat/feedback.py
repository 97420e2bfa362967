"""Thumbs up / down under every answer, on every platform, logged as one JSON line so the team can find weak
answers: the question's hash, the intent and the answer's id (never the question's text).

A feedback button carries everything the log line needs in its id (`fb:u:ANSWERID:QSHA:intent`, under Discord's
100 characters), so a press needs no state and a forged id is refused by `parse_feedback`.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from typing import Any

from bot.contract.answer import Answer
from bot.runtime.logs import QUESTIONS, digest

FEEDBACK_PREFIX = "fb:"
VOTES = {"u": "up", "d": "down"}
_TOKEN = re.compile(r"^fb:([ud]):([A-Za-z0-9_-]{8,16}):([0-9a-f]{12}):([a-z_]{1,24})$")


@dataclass(frozen=True)
class Feedback:
    """One vote on one answer."""

    vote: str  # "up", "down"
    answer_id: str
    question_sha: str
    intent: str


def feedback_tokens(question: str, answer: Answer) -> tuple[str, str] | None:
    """The (up, down) button ids for `answer` to `question`; None for errors and help (nothing to judge)."""
    if answer.error or not re.fullmatch(r"[a-z_]{1,24}", answer.intent):
        return None
    answer_id, sha = secrets.token_urlsafe(8), digest(question)
    return tuple(f"{FEEDBACK_PREFIX}{v}:{answer_id}:{sha}:{answer.intent}" for v in ("u", "d"))  # type: ignore[return-value]


def parse_feedback(token: str) -> Feedback | None:
    """The vote a button id stands for, or None when it is not one of ours."""
    match = _TOKEN.match(token or "")
    if match is None:
        return None
    vote, answer_id, sha, intent = match.groups()
    return Feedback(VOTES[vote], answer_id, sha, intent)


def log_feedback(platform: str, feedback: Feedback, user: str | None = None) -> dict[str, Any]:
    """Log one vote as a structured line (the question log's logger); returns the record."""
    record: dict[str, Any] = {
        "event": "feedback",
        "platform": platform,
        "vote": feedback.vote,
        "answer_id": feedback.answer_id,
        "question_sha": feedback.question_sha,
        "intent": feedback.intent,
    }
    if user:
        record["user_sha"] = digest(user)
    QUESTIONS.info("%s feedback: %s on %s", platform, feedback.vote, feedback.intent, extra={"fields": record})
    return record


THANKS_TEXT = "Thanks for the feedback: it helps us find the answers that need work."
