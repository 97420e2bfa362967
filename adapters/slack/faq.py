"""FAQ channels on Slack: `/whichmodel faq on|off`, channel `message` events answered in their thread, and ✖.

- **The command** comes from the channel's own composer, which only the channel's members have, so whoever runs
  it is a member. The bot says so in the channel (everyone should know a bot reads it); when the bot is not in the
  channel, Slack refuses that post (`not_in_channel`) and the asker is told to invite it first.
- **Messages** (`message.channels`, `message.groups`): only top-level messages by people. Bots (this one too),
  every subtype (edits `message_changed`, deletions `message_deleted`, joins, broadcasts) and thread replies are
  not questions; a thread reply marks its thread as one people are talking in, and the bot stays out of it.
  A message that mentions the bot is the `app_mention` listener's, not this one's.
- **The answer** goes in the message's thread, once, and ends with the ✖ line; its thread then follows up like
  any thread the bot answered in.
- **✖** (`x`, `heavy_multiplication_x`) on one of the bot's FAQ answers deletes it (`chat.delete`) and logs one
  JSON line.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from adapters.chat.faq import FOOTER, OFF_TEXT, ON_TEXT, STATUS_TEXT, FaqChannels, Place, faq_words, with_footer
from adapters.chat.turn import Chat
from adapters.slack.blocks import MAX_BLOCKS, SlackMessage, escape
from adapters.slack.replies import InvalidBlocks, deliver

log = logging.getLogger("whichmodel.slack")

OFF_COMMAND, ON_COMMAND = "`/whichmodel faq off`", "`/whichmodel faq on` turns it on"
NOT_IN_CHANNEL_TEXT = (
    "I'm not in this channel, so I can't read it: invite me first (`/invite @whichmodel`), then run "
    "`/whichmodel faq on` again."
)
NOT_A_CHANNEL_TEXT = "FAQ mode is for channels; here, just ask me anything."


def footer_message(message: SlackMessage) -> SlackMessage:
    """`message` ending with the ✖ line, in its text and as its last block."""
    blocks = list(message.blocks)
    if blocks:
        blocks = blocks[: MAX_BLOCKS - 1]
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": escape(FOOTER)}]})
    return SlackMessage(with_footer(message.text), blocks, message.full_table)


class SlackFaq:
    """The FAQ listeners of one Slack app, over its chat (state, core) and a text cleaner for Slack markup."""

    def __init__(self, chat: Chat, question: Callable[[str | None], str], threshold: float, per_hour: int) -> None:
        self.chat = chat
        self.question = question
        self.channels = FaqChannels(chat.state, chat.assistant, threshold, per_hour, chat.log_questions)

    # ------------------------------------------------------------------------------------------- the command

    def command(self, body: dict[str, Any], respond: Any, client: WebClient) -> bool:
        """`/whichmodel faq [on|off]`: handled (True) or not a FAQ command (False)."""
        words = faq_words(body.get("text", "") or "")
        if words is None:
            return False
        channel, user = body.get("channel_id", ""), body.get("user_id", "")
        if not channel or channel.startswith("D") or body.get("channel_name") == "directmessage":
            respond(text=NOT_A_CHANNEL_TEXT, response_type="ephemeral")
            return True
        place = Place("slack", body.get("team_id", ""), channel)
        if words == "status":
            on = self.channels.is_on(place)
            respond(text=STATUS_TEXT[on].format(off=OFF_COMMAND, on=ON_COMMAND), response_type="ephemeral")
            return True
        refused = self.switch(place, words == "on", user, client)
        if refused:
            respond(text=refused, response_type="ephemeral")
        return True

    def switch(self, place: Place, on: bool, user: str, client: WebClient) -> str | None:
        """Turn FAQ mode on or off in `place` for `user` and say so in the channel; why not, or None when done."""
        text = ON_TEXT.format(off=OFF_COMMAND) if on else OFF_TEXT
        try:
            client.chat_postMessage(channel=place.channel, text=text)
        except SlackApiError as exc:
            if exc.response.get("error") in ("not_in_channel", "channel_not_found") and on:
                return NOT_IN_CHANNEL_TEXT
            log.warning("slack: could not announce FAQ mode in %s (%s)", place.channel, exc.response.get("error"))
        self.channels.turn(place, on, user)
        return None

    # ------------------------------------------------------------------------------------------- messages

    def message(self, body: dict[str, Any], event: dict[str, Any], client: WebClient) -> None:
        """A channel message: answered in its thread when FAQ mode is on and it is a model question."""
        team, channel, ts = body.get("team_id", ""), event.get("channel", ""), event.get("ts", "")
        place = Place("slack", team, channel)
        thread, subtype = event.get("thread_ts"), event.get("subtype")
        human = not event.get("bot_id") and event.get("channel_type") != "im"
        if not human or (subtype is not None and not (thread and subtype == "thread_broadcast")):
            log.debug("slack FAQ: ignored a message (subtype=%s, bot_id=%s)", subtype, event.get("bot_id"))
            return  # bots (us too), edits, deletions, joins: never questions
        if thread and thread != ts:  # a reply (also one sent to the channel too)
            if self.channels.is_on(place):
                self.channels.reply_seen(place, thread)  # people talk in that thread: stay out of it
            log.debug("slack FAQ: a reply in thread %s", thread)
            return
        if int(event.get("reply_count") or 0) > 0 or self._mentions_us(body, event.get("text") or ""):
            log.debug("slack FAQ: left %s to the mention listener (or its thread has replies)", ts)
            return
        text = self.question(event.get("text", ""))
        answer = self.channels.consider(place, ts, ts, text)
        if answer is None:
            return
        key = f"slack:{team}:{channel}:{ts}"
        self.chat.state.remember(key, answer.query)  # a follow-up mention in the thread refines it
        posted: list[str] = []
        deliver(
            answer, self._sender(client, channel, ts, posted), ephemeral=False, state=self.chat.state, question=text
        )
        for answer_ts in posted:
            self.channels.answered(place, answer_ts, text, answer)

    @staticmethod
    def _mentions_us(body: dict[str, Any], text: str) -> bool:
        bots = [a.get("user_id") for a in body.get("authorizations") or [] if a.get("is_bot")]
        return any(f"<@{bot}" in text for bot in bots if bot)

    @staticmethod
    def _sender(client: WebClient, channel: str, thread_ts: str, posted: list[str]) -> Any:
        def send(message: SlackMessage, ephemeral: bool) -> None:
            try:
                response = client.chat_postMessage(
                    channel=channel, thread_ts=thread_ts, **footer_message(message).kwargs()
                )
            except SlackApiError as exc:
                if exc.response.get("error") == "invalid_blocks":
                    raise InvalidBlocks(str(exc.response.get("errors") or "")) from exc
                raise
            posted.append(str(response.get("ts", "")))

        return send

    # ------------------------------------------------------------------------------------------- ✖

    def reaction(self, body: dict[str, Any], event: dict[str, Any], client: WebClient) -> None:
        """✖ on one of our FAQ answers: delete it and log one line."""
        item = event.get("item") or {}
        if item.get("type") != "message":
            return
        place = Place("slack", body.get("team_id", ""), item.get("channel", ""))
        answer_ts = str(item.get("ts", ""))
        note = self.channels.removal(place, answer_ts, str(event.get("reaction", "")))
        if note is None:
            return
        try:
            client.chat_delete(channel=place.channel, ts=answer_ts)
        except SlackApiError as exc:
            log.warning("slack: could not delete a FAQ answer (%s)", exc.response.get("error"))
            return
        self.channels.removed(place, answer_ts, note, str(event.get("user", "")))
