"""Thumbs up / down under a Slack answer (a `context_actions` block of `feedback_buttons`, Block Kit's feedback
element) and what a press does: one JSON log line, a thank-you only the voter sees."""

from __future__ import annotations

from typing import Any

from adapters.chat.feedback import THANKS_TEXT, feedback_tokens, log_feedback, parse_feedback
from adapters.slack.blocks import MAX_BLOCKS, SlackMessage, plain

FEEDBACK_ACTION = "whichmodel_feedback"  # under ACTION_PREFIX: old-button routing sees it, so it is matched first


def feedback_block(question: str, answer: Any) -> dict[str, Any] | None:
    """The feedback buttons for `answer`, or None when there is nothing to judge (errors, help)."""
    tokens = feedback_tokens(question, answer)
    if tokens is None:
        return None
    up, down = tokens
    return {
        "type": "context_actions",
        "elements": [
            {
                "type": "feedback_buttons",
                "action_id": FEEDBACK_ACTION,
                "positive_button": {"text": plain("Good answer"), "value": up, "accessibility_label": "Good answer"},
                "negative_button": {"text": plain("Bad answer"), "value": down, "accessibility_label": "Bad answer"},
            }
        ],
    }


def with_feedback(message: SlackMessage, question: str | None, answer: Any) -> SlackMessage:
    """`message` with the feedback block last (when there is a question and room for one more block)."""
    if question is None or not message.blocks or len(message.blocks) >= MAX_BLOCKS:
        return message
    block = feedback_block(question, answer)
    if block is None:
        return message
    return SlackMessage(message.text, [*message.blocks, block], message.full_table)


def on_feedback(body: dict[str, Any], action: dict[str, Any], respond: Any) -> None:
    """A press: log it (forged values are dropped) and thank the voter ephemerally."""
    feedback = parse_feedback(str(action.get("value", "")))
    if feedback is None:
        return
    log_feedback("slack", feedback, (body.get("user") or {}).get("id"))
    respond(text=THANKS_TEXT, response_type="ephemeral", replace_original=False)
