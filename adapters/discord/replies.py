"""Sending answers to Discord: as a reply to a message, or as an interaction's follow-up; and the buttons.

Both replies are the chat turn's `Reply`. The turn runs on a worker thread (the core and the state store are
synchronous), so each send is scheduled on the client's event loop and waited for.

Buttons are one `DynamicItem` matching every custom_id this bot makes: it is rebuilt from the custom_id on each
click, so a button keeps working across restarts for as long as the state store keeps its action (with Redis,
for a month), and says politely when it does not.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Coroutine, Sequence
from typing import Any, Protocol

import discord

from adapters.chat.state import ChatState
from adapters.discord.embeds import BUTTON_TEMPLATE, Mode, Press, answer_pages, page_buttons
from adapters.discord.feedback import FEEDBACK_TEMPLATE, FeedbackButton, feedback_buttons
from bot.contract.answer import Answer

log = logging.getLogger("whichmodel.discord")
SEND_TIMEOUT_S = 30.0


class BotClient(Protocol):
    """What a reply needs from the client: its event loop and the state store buttons are kept in."""

    @property
    def loop(self) -> asyncio.AbstractEventLoop: ...

    @property
    def state(self) -> ChatState: ...


class ActionButton(discord.ui.DynamicItem[discord.ui.Button], template=BUTTON_TEMPLATE):  # type: ignore[call-arg,misc]
    """A button under an answer. Rebuilt from its custom_id on every click, so it survives restarts."""

    def __init__(self, custom_id: str, label: str = "Show more") -> None:
        super().__init__(discord.ui.Button(label=label, style=discord.ButtonStyle.secondary, custom_id=custom_id))
        self.press = Press.parse(custom_id)

    @classmethod
    async def from_custom_id(  # type: ignore[override]
        cls, interaction: discord.Interaction, item: discord.ui.Button, match: re.Match[str], /
    ) -> ActionButton:
        return cls(match.group(0), label=item.label or "Show more")

    async def callback(self, interaction: discord.Interaction) -> None:  # type: ignore[override]
        client = interaction.client
        if hasattr(client, "on_press"):
            await client.on_press(interaction, self.press)


def answer_view(
    answer: Answer, page: int, pages: int, mode: Mode, state: ChatState | None, question: str | None = None
) -> discord.ui.View | None:
    """The buttons under page `page` of `pages` (and, with `question`, the thumbs up/down on their own row),
    or None when there are none."""
    buttons = page_buttons(answer, page, pages, mode, state)
    votes = feedback_buttons(question, answer)
    if not buttons and not votes:
        return None
    view = discord.ui.View(timeout=None)
    for button in buttons:
        view.add_item(ActionButton(button.press.custom_id(), label=button.label))
    for vote in votes:
        view.add_item(vote)
    return view


def without_button(message: discord.Message | None, custom_id: str) -> discord.ui.View:
    """The message's buttons less the one pressed (it has done its job: one answer per press)."""
    view = discord.ui.View(timeout=None)
    for row in message.components if message is not None else []:
        for item in getattr(row, "children", []):
            if isinstance(item, discord.components.Button) and item.custom_id and item.custom_id != custom_id:
                if re.fullmatch(FEEDBACK_TEMPLATE, item.custom_id):
                    view.add_item(FeedbackButton(item.custom_id))
                else:
                    view.add_item(ActionButton(item.custom_id, label=item.label or "Show more"))
    return view


def page_kwargs(page: discord.Embed | str) -> dict[str, Any]:
    return {"content": page} if isinstance(page, str) else {"embed": page}


class _OnLoop:
    """Run the client's coroutines from the turn's worker thread and wait for them."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop

    def call(self, coro: Coroutine[Any, Any, Any]) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(SEND_TIMEOUT_S)


class MessageReply(_OnLoop):
    """Answers to a message: a reply to it in its channel (pings nobody: the client allows no mentions)."""

    def __init__(self, client: BotClient, message: discord.Message, mode: Mode, question: str = "") -> None:
        super().__init__(client.loop)
        self.client, self.message, self.mode, self.question = client, message, mode, question

    def start(self) -> None:
        """Nothing to acknowledge for a message."""

    def answer(self, answer: Answer) -> Sequence[str]:
        pages = answer_pages(answer, self.mode)
        kwargs = page_kwargs(pages[0])
        view = answer_view(answer, 0, len(pages), self.mode, self.client.state, self.question)
        if view is not None:
            kwargs["view"] = view
        sent = self.call(self._reply(**kwargs))
        return (f"discord:msg:{sent.id}",) if sent is not None else ()

    def notice(self, text: str) -> None:
        self.call(self._reply(content=text))

    async def _reply(self, **kwargs: Any) -> discord.Message | None:
        message = self.message
        try:
            return await message.channel.send(reference=message.to_reference(fail_if_not_exists=False), **kwargs)
        except discord.Forbidden:
            log.warning(
                "no permission to answer in channel %s (the bot needs Send Messages, Embed Links and "
                "Read Message History there)",
                message.channel.id,
            )
        except discord.HTTPException:
            log.exception("Discord refused the answer in channel %s", message.channel.id)
        return None


class InteractionReply(_OnLoop):
    """Answers to `/whichmodel` or a button press: deferred (or the pressed button removed) at the start, then
    the answer as a follow-up. Help, refusals and errors go only to the asker: Discord fixes a deferred reply's
    visibility when it is deferred, so the public "thinking..." placeholder is deleted first."""

    def __init__(
        self, client: BotClient, interaction: discord.Interaction, press: Press | None = None, question: str = ""
    ) -> None:
        super().__init__(client.loop)
        self.client, self.interaction, self.press, self.question = client, interaction, press, question

    def start(self) -> None:
        self.call(self._start())

    async def _start(self) -> None:
        interaction = self.interaction
        if self.press is None:
            await interaction.response.defer(thinking=True)
            return
        await interaction.response.edit_message(view=without_button(interaction.message, self.press.custom_id()))

    def answer(self, answer: Answer) -> Sequence[str]:
        sent = self.call(self._answer(answer))
        return (f"discord:msg:{sent.id}",) if sent is not None else ()

    async def _answer(self, answer: Answer) -> discord.Message | None:
        interaction = self.interaction
        mode: Mode = self.press.mode if self.press is not None else "e"
        pages = answer_pages(answer, mode)
        if answer.error:
            if self.press is None and interaction.response.is_done():
                try:
                    await interaction.delete_original_response()
                except discord.HTTPException:
                    log.warning("could not delete the deferred placeholder of interaction %s", interaction.id)
            for p in pages:
                await self._send(page_kwargs(p), ephemeral=True)
            return None
        page = min(self.press.page if self.press is not None else 0, len(pages) - 1)
        kwargs = page_kwargs(pages[page])
        view = answer_view(answer, page, len(pages), mode, self.client.state, self.question)
        if view is not None:
            kwargs["view"] = view
        return await interaction.followup.send(**kwargs, wait=True)

    def notice(self, text: str) -> None:
        self.call(self._send({"content": text}, ephemeral=True))

    async def _send(self, kwargs: dict[str, Any], ephemeral: bool) -> None:
        if self.interaction.response.is_done():
            await self.interaction.followup.send(**kwargs, ephemeral=ephemeral)
        else:
            await self.interaction.response.send_message(**kwargs, ephemeral=ephemeral)
