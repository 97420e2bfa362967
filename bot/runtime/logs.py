"""Structured logs: one JSON line per question, and JSON lines for everything else.

A question line has the platform, intent, latency, rows and outcome; the question and the user appear only
as hashes unless WHICHMODEL_LOG_QUESTIONS=1. Tokens never reach a log line: nothing here formats settings.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import sys
import traceback
from datetime import UTC, datetime
from typing import Any

from bot.contract.answer import Answer

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
    QUESTIONS.info(
        "%s question: intent=%s outcome=%s rows=%d latency_ms=%s",
        platform,
        record["intent"],
        record["outcome"],
        record["rows"],
        record["latency_ms"],
        extra={"fields": record},
    )
    return record


class JsonLines(logging.Formatter):
    """Each record as one JSON object on one line (a traceback becomes a field)."""

    def format(self, record: logging.LogRecord) -> str:
        data: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
        }
        fields = getattr(record, "fields", None)
        if isinstance(fields, dict):
            data.update(fields)
        else:
            data["message"] = record.getMessage()
        if record.exc_info or record.exc_text:  # exc_text: the traceback as RedactSecrets cleaned it
            data["traceback"] = record.exc_text or "".join(traceback.format_exception(*record.exc_info))
        return json.dumps(data, default=str)


class RedactSecrets(logging.Filter):
    """Belt and braces: no token or signing secret reaches a log line, whatever a library logs."""

    TOKEN = re.compile(r"\b(xox[abposr]-|xapp-)[A-Za-z0-9-]+")
    URL_PASSWORD = re.compile(r"(\b[a-z][a-z0-9+.-]*://[^:/@\s]*:)[^@\s/]+@", re.IGNORECASE)

    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if len(s) >= 6]

    def _clean(self, text: str) -> str:
        clean = self.TOKEN.sub(lambda m: m.group(1) + "[redacted]", text)
        clean = self.URL_PASSWORD.sub(lambda m: m.group(1) + "[redacted]@", clean)
        for secret in self.secrets:
            clean = clean.replace(secret, "[redacted]")
        return clean

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = self._clean(message)
        if clean != message:
            record.msg, record.args = clean, None
        fields = getattr(record, "fields", None)
        if isinstance(fields, dict):
            record.fields = {k: self._clean(v) if isinstance(v, str) else v for k, v in fields.items()}
        if record.exc_info and not record.exc_text:  # a secret in an exception's message: clean the traceback too
            record.exc_text = "".join(traceback.format_exception(*record.exc_info))
        if record.exc_text:
            record.exc_text = self._clean(record.exc_text)
        if record.stack_info:
            record.stack_info = self._clean(record.stack_info)
        return True


def configure_logging(level: str = "INFO", secrets: list[str] | None = None) -> None:
    """Send every log record to stderr as JSON lines, with `secrets` blanked out wherever they appear."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonLines())
    handler.addFilter(RedactSecrets(secrets or []))
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h.formatter, JsonLines)]:
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level.upper())
