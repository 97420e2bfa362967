"""Sending answers to Slack: through a `response_url` (commands, buttons) or the Web API (mentions, DMs), with a
monospace fallback when a workspace refuses table blocks, the charts dropped when it refuses those, and the
whole table as a CSV when a message had to cut it.

`SlackReply` is the chat turn's `Reply` on Slack.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from adapters.chat.state import ChatState
from adapters.slack.blocks import SlackMessage, render_answer, render_text, table_csv
from adapters.slack.charts import CHART_BLOCK, has_charts, with_charts, without_charts
from adapters.slack.feedback import with_feedback
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


def deliver(
    answer: Answer, send: Sender, ephemeral: bool, state: ChatState | None = None, question: str | None = None
) -> SlackMessage:
    """Render and send; when Slack rejects the blocks, send again without what it refused (see `step_down`),
    then as plain text. With `question`, the answer carries thumbs up/down buttons."""
    message = with_charts(with_feedback(render_answer(answer, state=state), question, answer), answer)
    while True:
        try:
            send(message, ephemeral)
            return message
        except InvalidBlocks as exc:
            fallback = step_down(answer, message, str(exc), state, question)
            if fallback is None:
                raise
            log.warning("Slack rejected the message blocks (invalid_blocks: %s); resending %s", exc, fallback[1])
            message = fallback[0]


def refused_types(message: SlackMessage, detail: str) -> set[str]:
    """The block types an `invalid_blocks` error names ("unsupported type: table", "/blocks/3") in `message`."""
    named = set(re.findall(r"unsupported type: ([a-z_]+)", detail))
    for index in re.findall(r"/blocks/(\d+)", detail):
        if int(index) < len(message.blocks):
            named.add(str(message.blocks[int(index)].get("type", "")))
    return named


def step_down(
    answer: Answer, rejected: SlackMessage, detail: str, state: ChatState | None, question: str | None
) -> tuple[SlackMessage, str] | None:
    """The message to send after `rejected` was refused, and what it is; None after the plain text.

    Charts named (a workspace without them): the same message without the charts. Otherwise (tables named,
    or nothing said, as through a response_url): the tables as monospace text and no charts, since a
    workspace without tables has no charts either. Then plain text."""
    named = refused_types(rejected, detail)
    has_table = any(b.get("type") == "table" for b in rejected.blocks)
    if has_charts(rejected) and ((named and named <= {CHART_BLOCK}) or not has_table):
        return without_charts(rejected), "without the charts"
    if has_table:
        mono = with_feedback(render_answer(answer, "monospace", state=state), question, answer)
        return mono, "with monospace tables" + (" and no charts" if has_charts(rejected) else "")
    if rejected.blocks:
        return SlackMessage(text=rejected.text), "as plain text"
    return None


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
    question: str = ""  # the asker's words, hashed into the feedback buttons

    def start(self) -> None:
        """Nothing to do: Slack was acknowledged before the turn began."""

    def answer(self, answer: Answer) -> Sequence[str]:
        message = deliver(answer, self.send, ephemeral=answer.error, state=self.state, question=self.question)
        if self.upload is not None and not answer.error:
            self.upload.table(message)
        return ()

    def notice(self, text: str) -> None:
        self.send(render_text(text), True)
