"""FAQ channels on Discord: `/whichmodel faq:on|off`, un-addressed messages answered in a thread, and ✖.

- **The Message Content intent.** Discord withholds the text of messages that do not mention the bot unless the
  app has the privileged Message Content intent (enabled in the developer portal, and approved by Discord once
  the bot is in 100 servers). The bot asks for it only with WHICHMODEL_DISCORD_MESSAGE_CONTENT=1; without it,
  FAQ mode is off: `/whichmodel faq:on` says why, and un-addressed messages are never read.
- **Messages**: only top-level messages by people in a text channel with FAQ mode on (bots, webhooks, system
  messages, edits and deletions never come here: `on_message` sees new messages only). A reply to a message,
  or a message in a thread, marks that thread as one people talk in; the bot stays out of it.
- **The answer** goes in a new thread on the question (archived after an hour of quiet), once, and its embed
  ends with the ✖ line. Replies to the answer follow up like replies to any answer of the bot's.
- **✖** (✖️ or ❌) on a FAQ answer deletes it and logs one JSON line.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any, Literal, Optional

import discord

from adapters.chat.faq import FOOTER, OFF_TEXT, ON_TEXT, STATUS_TEXT, FaqChannels, Place, faq_words
from adapters.discord.embeds import answer_pages
from adapters.discord.markup import CONTENT, TOTAL, clip, dlen
from adapters.discord.markup import FOOTER as FOOTER_LIMIT
from adapters.discord.replies import answer_view, page_kwargs
from bot.contract.answer import Answer

if TYPE_CHECKING:
    from adapters.discord.client import WhichModelClient

log = logging.getLogger("whichmodel.discord")

FAQ_DESCRIPTION = "FAQ mode in this channel: answer model questions nobody asked me, in a thread"
NO_INTENT_TEXT = (
    "FAQ mode is off: reading messages that don't mention me needs Discord's Message Content intent, which this "
    "bot does not have. Its operator can enable it in the developer portal (Discord must approve it past 100 "
    "servers) and set WHICHMODEL_DISCORD_MESSAGE_CONTENT=1."
)
NOT_A_CHANNEL_TEXT = "FAQ mode is for server text channels; here, just ask me anything."
NO_THREADS_TEXT = (
    "I can't answer in threads here: I need Create Public Threads and Send Messages in Threads in this channel. "
    "FAQ mode stays off."
)
OFF_COMMAND, ON_COMMAND = "`/whichmodel faq:off`", "`/whichmodel faq:on` turns it on"
ARCHIVE_MINUTES = 60
FaqOption = Optional[Literal["on", "off"]]  # noqa: UP045 - discord.py reads it: the `faq` option's two choices


def faq_intents(chosen: discord.Intents, message_content: bool) -> discord.Intents:
    """`chosen`, with Message Content and reactions when the app has the intent (FAQ mode needs both)."""
    if message_content:
        chosen.message_content = True
        chosen.guild_reactions = True
    return chosen


def with_faq_line(page: discord.Embed | str) -> discord.Embed | str:
    """A page ending with the ✖ line: last in an embed's footer, or the last line of a plain-text page."""
    if isinstance(page, str):
        return clip(page, CONTENT - dlen(FOOTER) - 2) + "\n\n" + FOOTER
    old = page.footer.text or ""
    others = dlen(page.title) + dlen(page.description) + sum(dlen(f.name) + dlen(f.value) for f in page.fields)
    room = min(FOOTER_LIMIT, TOTAL - others) - dlen(FOOTER) - 1
    if room < 0 and page.description:  # no room at all (never seen): the description gives way
        page.description = clip(page.description, max(1, dlen(page.description) + room - 1))
        room = 0
    keep = old if dlen(old) <= room else (clip(old, room) if room > 1 else "")
    page.set_footer(text=f"{keep}\n{FOOTER}" if keep else FOOTER)
    return page


class DiscordFaq:
    """The FAQ listeners of one Discord client."""

    def __init__(self, client: WhichModelClient) -> None:
        self.client = client
        settings = client.settings
        self.channels = FaqChannels(
            client.state, client.chat.assistant, settings.faq_threshold, settings.faq_per_hour, settings.log_questions
        )
        client.event(self.on_raw_reaction_add)

    @property
    def enabled(self) -> bool:
        """Whether the client reads message content at all (FAQ mode is off without it)."""
        return bool(self.client.intents.message_content)

    # ------------------------------------------------------------------------------------------- the command

    async def command(self, interaction: discord.Interaction, choice: str) -> None:
        """`/whichmodel faq:on|off` (or `faq` alone: the status), answered in the channel or to the asker."""
        if not self.enabled:
            await interaction.response.send_message(NO_INTENT_TEXT, ephemeral=True)
            return
        channel = interaction.channel
        if interaction.guild_id is None or not isinstance(channel, discord.TextChannel):
            await interaction.response.send_message(NOT_A_CHANNEL_TEXT, ephemeral=True)
            return
        place = Place("discord", str(interaction.guild_id), str(channel.id))
        if choice == "status":
            on = await asyncio.to_thread(self.channels.is_on, place)
            text = STATUS_TEXT[on].format(off=OFF_COMMAND, on=ON_COMMAND)
            await interaction.response.send_message(text, ephemeral=True)
            return
        perms = interaction.app_permissions
        if choice == "on" and not (perms.create_public_threads and perms.send_messages_in_threads):
            await interaction.response.send_message(NO_THREADS_TEXT, ephemeral=True)
            return
        await asyncio.to_thread(self.channels.turn, place, choice == "on", str(interaction.user.id))
        await interaction.response.send_message(ON_TEXT.format(off=OFF_COMMAND) if choice == "on" else OFF_TEXT)

    # ------------------------------------------------------------------------------------------- messages

    async def heard(self, message: discord.Message) -> None:
        """A message nobody addressed to the bot: answered in a thread when it is a FAQ channel's model question."""
        if not self.enabled:
            log.debug("discord FAQ: no Message Content intent; ignored %s", message.id)
            return
        if self.client.stopping or message.guild is None:
            return
        guild, channel = str(message.guild.id), message.channel
        if message.type == discord.MessageType.reply and message.reference and message.reference.message_id:
            await self._talking(Place("discord", guild, str(channel.id)), message.reference.message_id)
            return
        if isinstance(channel, discord.Thread):
            await self._talking(Place("discord", guild, str(channel.parent_id)), channel.id)
            return
        if not isinstance(channel, discord.TextChannel) or message.flags.has_thread:
            log.debug("discord FAQ: ignored message %s (not a top-level text-channel message)", message.id)
            return
        place = Place("discord", guild, str(channel.id))
        answer = await asyncio.to_thread(
            self.channels.consider, place, str(message.id), self._thread_key(message.id), message.content
        )
        if answer is not None:
            await self._answer(place, message, answer)

    @staticmethod
    def _thread_key(thread_id: int) -> str:
        return f"thread-{thread_id}"  # a message-thread's id is its first message's id

    async def _talking(self, place: Place, thread_id: int) -> None:
        if await asyncio.to_thread(self.channels.is_on, place):
            await asyncio.to_thread(self.channels.reply_seen, place, self._thread_key(thread_id))
        log.debug("discord FAQ: people talk in thread %s", thread_id)

    async def _answer(self, place: Place, message: discord.Message, answer: Answer) -> None:
        pages = answer_pages(answer, "e")
        kwargs = page_kwargs(with_faq_line(pages[0]))
        view = answer_view(answer, 0, len(pages), "e", self.client.state)
        if view is not None:
            kwargs["view"] = view
        try:
            thread = await message.create_thread(
                name=clip(answer.title or "whichmodel", 90), auto_archive_duration=ARCHIVE_MINUTES
            )
            sent = await thread.send(**kwargs)
        except discord.HTTPException as exc:
            log.warning("discord FAQ: could not answer in a thread in channel %s (%s)", place.channel, exc.status)
            return
        where = Place(place.platform, place.team, str(thread.id))
        await asyncio.to_thread(self._answered, where, sent.id, message.content, answer)

    def _answered(self, where: Place, sent_id: int, question: str, answer: Answer) -> None:
        self.channels.answered(where, str(sent_id), question, answer)
        self.client.state.remember(f"discord:msg:{sent_id}", answer.query)  # a reply to the answer follows up

    # ------------------------------------------------------------------------------------------- ✖

    async def on_raw_reaction_add(self, payload: discord.RawReactionActionEvent) -> None:
        """✖ on one of our FAQ answers: delete it and log one line."""
        me = self.client.user
        if payload.guild_id is None or (me is not None and payload.user_id == me.id):
            return
        if payload.member is not None and payload.member.bot:
            return
        place = Place("discord", str(payload.guild_id), str(payload.channel_id))
        note = await asyncio.to_thread(self.channels.removal, place, str(payload.message_id), str(payload.emoji.name))
        if note is None:
            return
        try:
            await self.client.http.delete_message(payload.channel_id, payload.message_id, reason="✖ on a FAQ answer")
        except discord.HTTPException as exc:
            log.warning("discord FAQ: could not delete a FAQ answer (%s)", exc.status)
            return
        await asyncio.to_thread(self.channels.removed, place, str(payload.message_id), note, str(payload.user_id))


def faq_choice(faq: Any, question: str | None) -> str | None:
    """'on', 'off' or 'status' from the `faq` option or a question "faq on"; None for a question."""
    if faq is not None:
        return str(getattr(faq, "value", faq))
    return faq_words(question or "")
