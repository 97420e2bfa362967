"""Structured logs: one JSON line per question, and JSON lines for everything else.

A question line has the platform, intent, latency, rows and outcome; the question and the user appear only
as hashes unless WHICHMODEL_LOG_QUESTIONS=1. Tokens never reach a log line: nothing here formats settings.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sys
import traceback
from datetime import datetime, timezone
from typing import Any

from bot.answer import Answer

QUESTIONS = logging.getLogger("whichmodel.questions")


def digest(text: str) -> str:
    """A short, stable hash that identifies a text without revealing it."""
    return hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()[:12]


def outcome(answer: Answer) -> str:
    if answer.error_id:
        return "error"
    if answer.query.refusal:
        return "refused"
    if answer.intent in ("help", "unknown"):
        return answer.intent
    if answer.error:
        return "unanswerable"
    return "answered"


def log_question(
    platform: str, text: str, answer: Answer, latency_s: float, user: str | None = None, log_text: bool = False
) -> dict[str, Any]:
    """Log one question as a structured line; returns the record (for tests and callers)."""
    record: dict[str, Any] = {
        "event": "question",
        "platform": platform,
        "intent": answer.intent,
        "outcome": outcome(answer),
        "latency_ms": round(latency_s * 1000, 1),
        "rows": len(answer.rows),
        "question_sha": digest(text),
        "chars": len(text),
    }
    if user is not None:
        record["user_sha"] = digest(user)
    if answer.error_id:
        record["error_id"] = answer.error_id
    if log_text:
        record["question"] = text
    QUESTIONS.info("question", extra={"fields": record})
    return record


class JsonLines(logging.Formatter):
    """Each record as one JSON object on one line (a traceback becomes a field)."""

    def format(self, record: logging.LogRecord) -> str:
        data: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
        }
        fields = getattr(record, "fields", None)
        if isinstance(fields, dict):
            data.update(fields)
        else:
            data["message"] = record.getMessage()
        if record.exc_info:
            data["traceback"] = "".join(traceback.format_exception(*record.exc_info))
        return json.dumps(data, default=str)


def configure_logging(level: str = "INFO") -> None:
    """Send every log record to stderr as JSON lines."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonLines())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
