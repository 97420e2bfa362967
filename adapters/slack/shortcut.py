"""The message shortcut "Ask whichmodel": answers the selected message's text as a question, in its thread.

Where the bot cannot post (not in the channel, a private channel or DM it was never added to, an archived
channel), the answer goes only to the user who chose the shortcut, through the shortcut's `response_url`.
Help and errors go there too, as everywhere.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from adapters.chat.turn import Chat, Turn
from adapters.slack.blocks import SlackMessage, render_text
from adapters.slack.replies import Sender, SlackReply, channel_sender, respond_sender

log = logging.getLogger("whichmodel.slack")

SHORTCUT_ID = "whichmodel_ask_message"  # the manifest's callback_id
# chat.postMessage errors that mean "the bot may not post here", answered ephemerally instead
CANNOT_POST = frozenset(
    {"not_in_channel", "channel_not_found", "is_archived", "restricted_action", "cannot_reply_to_message"}
)
NO_TEXT = "That message has no text I can read as a question. Select a message that asks which model to use."


def shortcut_sender(client: WebClient, channel: str, thread_ts: str | None, respond: Any) -> Sender:
    """Post in the message's thread; when Slack says the bot cannot post there, answer only the user through the
    `response_url`. Messages meant only for the user go there directly."""
    privately = respond_sender(respond)
    public = channel_sender(client, channel, thread_ts, None, dm=False)

    def send(message: SlackMessage, ephemeral: bool) -> None:
        if ephemeral:
            privately(message, True)
            return
        try:
            public(message, False)
        except SlackApiError as exc:  # invalid_blocks arrives as InvalidBlocks, for `deliver` to step down
            error = str(exc.response.get("error", ""))
            if error not in CANNOT_POST:
                raise
            log.info("slack: cannot post in %s (%s); answering the shortcut ephemerally", channel, error)
            privately(message, True)

    return send


def register_shortcut(app: App, chat: Chat, clean: Callable[[str | None], str]) -> None:
    """The message shortcut's listener: acked at once, answered lazily."""

    def just_ack(ack: Any) -> None:
        ack()

    def on_shortcut(body: dict[str, Any], client: WebClient, respond: Any) -> None:
        team = (body.get("team") or {}).get("id", "")
        user = (body.get("user") or {}).get("id", "")
        channel = (body.get("channel") or {}).get("id", "")
        message = body.get("message") or {}
        thread_ts = message.get("thread_ts") or message.get("ts") or body.get("message_ts")
        text = clean(message.get("text", ""))
        if not text:
            respond_sender(respond)(render_text(NO_TEXT), True)
            return
        key = f"slack:{team}:{channel}:{thread_ts}"  # the thread's conversation: a mention there follows up
        turn = Turn("slack", "shortcut", user, team, text, follows=(key,), remember=(key,))
        chat.run(turn, SlackReply(shortcut_sender(client, channel, thread_ts, respond), chat.state, question=text))

    app.message_shortcut(SHORTCUT_ID)(ack=just_ack, lazy=[on_shortcut])
