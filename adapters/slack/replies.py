"""Sending answers to Slack: through a `response_url` (commands, buttons) or the Web API (mentions, DMs), with a
monospace fallback when a workspace refuses table blocks, and the whole table as a CSV when a message had to cut it.

`SlackReply` is the chat turn's `Reply` on Slack.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from adapters.chat.state import ChatState
from adapters.slack.blocks import SlackMessage, render_answer, render_text, table_csv
from bot.contract.answer import Answer

log = logging.getLogger("whichmodel.slack")


class InvalidBlocks(Exception):
    """Slack refused the blocks (`invalid_blocks`)."""


Sender = Callable[[SlackMessage, bool], None]


def respond_sender(respond: Any, thread_ts: str | None = None) -> Sender:
    """Send through the `response_url` (slash commands, buttons): ephemeral or in the channel, never replacing the
    message the button was on; `thread_ts` puts the reply in that thread."""

    def send(message: SlackMessage, ephemeral: bool) -> None:
        extra = {"thread_ts": thread_ts} if thread_ts else {}
        resp = respond(
            **message.kwargs(),
            response_type="ephemeral" if ephemeral else "in_channel",
            replace_original=False,
            **extra,
        )
        status, body = getattr(resp, "status_code", 200), str(getattr(resp, "body", "") or "")
        if status != 200:
            if "invalid_blocks" in body:
                raise InvalidBlocks(body)
            raise RuntimeError(f"response_url answered HTTP {status}: {body[:200]}")

    return send


def channel_sender(client: WebClient, channel: str, thread_ts: str | None, user: str | None, dm: bool) -> Sender:
    """Post in a thread with the Web API; ephemeral (only the asker sees it) in channels, a plain reply in DMs."""

    def send(message: SlackMessage, ephemeral: bool) -> None:
        try:
            if ephemeral and not dm and user:
                client.chat_postEphemeral(channel=channel, user=user, thread_ts=thread_ts, **message.kwargs())
            else:
                client.chat_postMessage(channel=channel, thread_ts=thread_ts, **message.kwargs())
        except SlackApiError as exc:
            if exc.response.get("error") == "invalid_blocks":
                raise InvalidBlocks(
                    str(exc.response.get("errors") or exc.response.get("response_metadata") or "")
                ) from exc
            raise

    return send


def deliver(answer: Answer, send: Sender, ephemeral: bool, state: ChatState | None = None) -> SlackMessage:
    """Render and send; if Slack rejects the table block, send the tables as monospace text instead, once."""
    message = render_answer(answer, state=state)
    try:
        send(message, ephemeral)
        return message
    except InvalidBlocks as exc:
        has_table = any(b.get("type") == "table" for b in message.blocks)
        log.warning(
            "Slack rejected the message blocks (invalid_blocks: %s); %s",
            exc,
            "resending with monospace tables" if has_table else "resending as plain text",
        )
        fallback = render_answer(answer, "monospace", state=state) if has_table else SlackMessage(text=message.text)
    try:
        send(fallback, ephemeral)
    except InvalidBlocks as exc:  # the monospace message too: the plain text never fails for its blocks
        log.error("Slack rejected the monospace fallback too (invalid_blocks: %s); sending plain text", exc)
        fallback = SlackMessage(text=message.text)
        send(fallback, ephemeral)
    return fallback


@dataclass
class Upload:
    """Where the whole table goes when a message had to cut it: the thread of the question."""

    client: WebClient
    channel: str
    thread_ts: str | None

    def table(self, message: SlackMessage) -> None:
        """The whole table as a CSV in the thread (Slack's 100 rows, 20 columns cut the message's)."""
        table = message.full_table
        if table is None:
            return
        try:
            self.client.files_upload_v2(
                channel=self.channel,
                thread_ts=self.thread_ts,
                content=table_csv(table),
                filename="whichmodel.csv",
                title=(table.title or "whichmodel table")[:200],
                initial_comment=f"The full table ({len(table.rows)} rows) as CSV.",
            )
        except Exception:  # noqa: BLE001 - the answer is out already; the file is a bonus
            log.warning("slack: could not upload the full table as CSV", exc_info=True)


@dataclass
class SlackReply:
    """The chat turn's reply on Slack: answers public unless they are errors, notices only to the asker."""

    send: Sender
    state: ChatState
    upload: Upload | None = None

    def start(self) -> None:
        """Nothing to do: Slack was acknowledged before the turn began."""

    def answer(self, answer: Answer) -> Sequence[str]:
        message = deliver(answer, self.send, ephemeral=answer.error, state=self.state)
        if self.upload is not None and not answer.error:
            self.upload.table(message)
        return ()

    def notice(self, text: str) -> None:
        self.send(render_text(text), True)
