"""The Discord bot: `@whichmodel QUESTION` mentions and the `/whichmodel` slash command, answered with embeds.

`build_client(settings)` makes the discord.py client (an `AutoShardedClient` with `shards="auto"`); `run` logs in
with DISCORD_TOKEN and serves until stopped. Every question and button press is one chat turn
(`adapters/chat/turn.py`), run on a worker thread; the replies are in `adapters/discord/replies.py`.

- **No privileged intent** (unless FAQ channels ask for Message Content: `adapters/discord/faq.py`). The client
  asks only for guilds, guild messages and DMs. Discord still delivers the
  content of messages that mention the bot, DMs, and replies to the bot that ping it (Discord's default for a
  reply), which is all the bot reads. A reply with the ping switched off arrives without content and is ignored.
- **Mentions** are answered as a reply. A reply to one of the bot's answers (or a follow-up such as
  "what about 100M?" from the same person in the same channel) refines the query that answer came from.
- **`/whichmodel question:...`** and **`/compare`** (`adapters/discord/commands.py`, with model-name autocomplete)
  are deferred at once, then answered with a follow-up. Help, refusals and errors go only to the asker.
- **Buttons**: long answers are split into pages, and every action of the answer (show more, compare the top 2,
  best quality or cheapest instead) is a button carrying a short id into the state store; thumbs up/down under
  every answer are logged (`adapters/discord/feedback.py`).
- **Safety**: `AllowedMentions.none()` on the client, so no answer can ping anyone; bots (this one included) and
  webhooks are ignored; a per-user token bucket answers politely when exceeded; any exception becomes an apology
  with an error id, logged with its traceback. The token is read from the settings only and never logged.
"""

from __future__ import annotations

import asyncio
import logging
import re
import signal
import sys
import time
from collections.abc import Callable
from typing import Any

import discord
from discord import app_commands

from adapters.chat.state import ChatState
from adapters.chat.stores import open_state, watch_state
from adapters.chat.turn import Chat, Turn, question_text
from adapters.discord.commands import COMMAND, add_commands, autocomplete_index
from adapters.discord.embeds import Mode, Press, answer_pages
from adapters.discord.faq import DiscordFaq, faq_intents
from adapters.discord.feedback import FeedbackButton
from adapters.discord.replies import ActionButton, InteractionReply, MessageReply, page_kwargs
from adapters.discord.shards import shard_options
from bot.assistant import Assistant, apology, new_error_id
from bot.runtime.health import mark_stopping
from bot.runtime.service import start_service
from bot.runtime.settings import Settings, SettingsError

log = logging.getLogger("whichmodel.discord")


def intents() -> discord.Intents:
    """Guilds (channels and permissions), guild messages and DMs; no privileged intent."""
    chosen = discord.Intents.none()
    chosen.guilds = True
    chosen.guild_messages = True
    chosen.dm_messages = True
    return chosen


class WhichModelClient(discord.Client):
    """A discord.py client that answers mentions, replies, DMs, `/whichmodel` and button presses."""

    def __init__(
        self,
        settings: Settings,
        *,
        assistant: Assistant | None = None,
        state: ChatState | None = None,
        sync: bool = False,
        clock: Callable[[], float] = time.monotonic,
        **options: Any,
    ) -> None:
        options.setdefault("intents", faq_intents(intents(), settings.discord_message_content))
        options.setdefault("allowed_mentions", discord.AllowedMentions.none())
        options.setdefault("max_messages", None)
        options.setdefault("chunk_guilds_at_startup", False)
        discord.VoiceClient.warn_nacl = False  # the bot never joins voice: no warnings about voice libraries
        discord.VoiceClient.warn_dave = False
        super().__init__(**options)
        self.settings = settings
        state = state or open_state(settings, clock)
        self.chat = Chat(assistant or Assistant(policy=settings.policy()), state, settings.log_questions)
        self.sync_commands = sync
        self._in_flight = 0
        self.stopping = False
        self._idle = asyncio.Condition()
        self.tree = app_commands.CommandTree(self)
        add_commands(self)  # /whichmodel and /compare (adapters/discord/commands.py)
        self.tree.on_error = self._on_tree_error  # type: ignore[method-assign]
        self.add_dynamic_items(ActionButton, FeedbackButton)
        self.faq = DiscordFaq(self)

    @property
    def state(self) -> ChatState:
        return self.chat.state

    # -------------------------------------------------------------------------------------------- lifecycle

    async def setup_hook(self) -> None:
        if self.sync_commands:
            await self.sync_tree()
        try:
            await asyncio.to_thread(autocomplete_index, self)  # load the data (and names) before the first question
        except Exception:  # noqa: BLE001 - answers will apologise; starting is still useful
            log.exception("could not load the catalogue at start; questions will retry")

    async def sync_tree(self) -> list[app_commands.AppCommand]:
        """Register the slash commands with Discord: in DISCORD_GUILD_ID only (instant) when set, else globally."""
        guild_id = self.settings.discord_guild_id
        if guild_id:
            guild = discord.Object(id=guild_id)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
            log.info("synced %d command(s) to guild %s", len(synced), guild_id)
        else:
            synced = await self.tree.sync()
            log.info("synced %d command(s) globally (Discord may take a while to show them everywhere)", len(synced))
        return synced

    async def on_ready(self) -> None:
        user = self.user
        log.info("connected as %s (id %s) to %d guild(s)", user, user.id if user else "?", len(self.guilds))

    async def drained(self, timeout: float | None = None) -> bool:
        """Wait until no chat turn is in flight (stopping, tests); False if `timeout` passed first."""
        async with self._idle:
            try:
                await asyncio.wait_for(self._idle.wait_for(lambda: self._in_flight == 0), timeout)
            except TimeoutError:
                return False
        return True

    async def _run(self, turn: Turn, reply: MessageReply | InteractionReply) -> None:
        """One chat turn on a worker thread; a failure outside the turn's own boundary is still an apology."""
        if self.stopping:
            return  # SIGTERM: no new questions; the ones in flight finish
        self._in_flight += 1
        try:
            await self._run_turn(turn, reply)
        finally:
            self._in_flight -= 1
            async with self._idle:
                self._idle.notify_all()

    async def _run_turn(self, turn: Turn, reply: MessageReply | InteractionReply) -> None:
        try:
            await asyncio.to_thread(self.chat.run, turn, reply)
        except Exception:  # noqa: BLE001 - never silence: apologise with an id
            error_id = new_error_id()
            log.exception("error_id=%s: the Discord adapter failed to answer", error_id)
            try:
                await asyncio.to_thread(reply.answer, apology(error_id))
            except Exception:  # noqa: BLE001
                log.exception("error_id=%s: could not even send the apology", error_id)

    # ------------------------------------------------------------------------------------------------ mentions

    def _mentioned(self, message: discord.Message) -> bool:
        me = self.user
        if me is None:
            return False
        if any(u.id == me.id for u in message.mentions) or me.id in message.raw_mentions:
            return True
        role = message.guild.self_role if message.guild is not None else None
        return role is not None and role.id in message.raw_role_mentions

    async def _reply_to_me(self, message: discord.Message) -> int | None:
        """The id of the bot's message this one replies to, if it does."""
        ref = message.reference
        if ref is None or ref.message_id is None or self.user is None:
            return None
        resolved = ref.resolved
        if isinstance(resolved, discord.Message) and resolved.author.id == self.user.id:
            return ref.message_id
        if await asyncio.to_thread(self.state.previous, f"discord:msg:{ref.message_id}") is not None:
            return ref.message_id
        return None

    def question_text(self, message: discord.Message) -> str:
        """The message without the mentions of this bot (`<@id>`, `<@!id>`, its managed role `<@&id>`)."""
        rules: list[tuple[re.Pattern[str], str]] = []
        if self.user is not None:
            rules.append((re.compile(rf"<@!?{self.user.id}>"), " "))
        role = message.guild.self_role if message.guild is not None else None
        if role is not None:
            rules.append((re.compile(re.escape(f"<@&{role.id}>")), " "))
        return question_text(message.content, rules)

    def _can_embed(self, message: discord.Message) -> bool:
        """False only when the channel is known to deny Embed Links (then answers go as plain text)."""
        guild = message.guild
        if guild is None or guild.me is None or isinstance(message.channel, discord.PartialMessageable):
            return True
        try:
            return message.channel.permissions_for(guild.me).embed_links  # type: ignore[union-attr,arg-type]
        except Exception:  # noqa: BLE001 - a channel type without permissions: assume the default
            return True

    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or message.webhook_id is not None:
            return
        if self.user is not None and message.author.id == self.user.id:
            return
        if message.type not in (discord.MessageType.default, discord.MessageType.reply):
            return
        is_dm = message.guild is None
        mentioned = self._mentioned(message)
        replied_to = await self._reply_to_me(message)
        if not (is_dm or mentioned or replied_to is not None):
            return await self.faq.heard(message)  # FAQ channels read the messages nobody addressed to the bot
        text = self.question_text(message)
        if not text and not (mentioned or is_dm):
            return  # a reply without the ping: Discord withholds its content from bots without the intent
        author, channel = message.author.id, message.channel.id
        user_key = f"discord:user:{channel}:{author}"
        turn = Turn(
            "discord",
            "mention",
            str(author),
            text=text,
            follows=((f"discord:msg:{replied_to}",) if replied_to is not None else ()) + (user_key,),
            remember=(user_key,),
            delivery=f"discord:message:{message.id}",
            public_notice=True,
        )
        mode: Mode = "e" if self._can_embed(message) else "t"
        await self._run(turn, MessageReply(self, message, mode, question=text))

    # ---------------------------------------------------------------------------------------- interactions

    async def on_slash(self, interaction: discord.Interaction, question: str) -> None:
        user_key = f"discord:user:{interaction.channel_id}:{interaction.user.id}"
        turn = Turn(
            "discord",
            "command",
            str(interaction.user.id),
            text=question,
            follows=(user_key,),
            remember=(user_key,),
            delivery=f"discord:interaction:{interaction.id}",
        )
        await self._run(turn, InteractionReply(self, interaction, question=question))

    async def on_press(self, interaction: discord.Interaction, press: Press | None) -> None:
        """A button under an answer: answer the action it stands for (an unknown one says so politely)."""
        message_id = interaction.message.id if interaction.message is not None else 0
        custom_id = str((interaction.data or {}).get("custom_id", ""))
        turn = Turn(
            "discord",
            "button",
            str(interaction.user.id),
            action=press.action_id if press is not None else "",
            remember=(f"discord:user:{interaction.channel_id}:{interaction.user.id}",),
            delivery=f"discord:interaction:{interaction.id}",
            once=f"discord:press:{message_id}:{custom_id}",
        )
        await self._run(turn, InteractionReply(self, interaction, press or Press("", 0, "e")))

    async def _on_tree_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        error_id = new_error_id()
        log.error("error_id=%s: /%s failed", error_id, COMMAND, exc_info=error)
        sorry = apology(error_id)
        try:
            if interaction.response.is_done():
                await asyncio.to_thread(InteractionReply(self, interaction).answer, sorry)
            else:
                await interaction.response.send_message(**page_kwargs(answer_pages(sorry)[0]), ephemeral=True)
        except discord.HTTPException:
            log.exception("error_id=%s: could not even send the apology", error_id)


class WhichModelShardedClient(WhichModelClient, discord.AutoShardedClient):
    """The same bot over several gateway connections (Discord requires shards beyond 2,500 guilds)."""


def build_client(
    settings: Settings,
    *,
    sync: bool = False,
    shards: str | int | None = None,
    shard_ids: str | None = None,
    shard_count: int | None = None,
    assistant: Assistant | None = None,
    state: ChatState | None = None,
    clock: Callable[[], float] = time.monotonic,
    **options: Any,
) -> WhichModelClient:
    """The client, ready to `login`/`start`, sharded as `shard_options` says."""
    sharding = shard_options(shards, shard_ids, shard_count)
    kwargs: dict[str, Any] = {"assistant": assistant, "state": state, "sync": sync, "clock": clock, **options}
    if sharding is None:
        return WhichModelClient(settings, **kwargs)
    return WhichModelShardedClient(settings, **kwargs, **sharding)


def run(
    settings: Settings,
    sync: bool = False,
    shards: str | None = None,
    shard_ids: str | None = None,
    shard_count: int | None = None,
) -> None:
    """Run the bot until SIGTERM or Ctrl-C. DISCORD_TOKEN comes from the settings (the environment) only."""
    try:
        settings.require("discord_token")
        client = build_client(settings, sync=sync, shards=shards, shard_ids=shard_ids, shard_count=shard_count)
    except SettingsError as exc:
        sys.exit(f"error: {exc}")
    assert settings.discord_token is not None
    watch_state(client.state)
    try:
        start_service(settings, health_port=settings.port)
    except Exception as exc:  # noqa: BLE001 - a broken team file or data: one line, no traceback
        sys.exit(f"error: could not load the catalogue: {exc}")
    log.info(
        "whichmodel Discord bot starting%s%s",
        " (syncing /whichmodel)" if sync else "",
        f" (shards {shard_ids or shards} of {shard_count or 'auto'})" if shards or shard_ids or shard_count else "",
    )
    try:
        asyncio.run(_serve(client, settings.discord_token.get_secret_value(), settings.drain_seconds))
    except discord.LoginFailure:
        sys.exit("error: Discord rejected DISCORD_TOKEN (reset it under Bot in the developer portal)")
    except discord.PrivilegedIntentsRequired:  # FAQ mode asked for Message Content, and the portal does not grant it
        sys.exit("error: Message Content intent refused: enable it, or unset WHICHMODEL_DISCORD_MESSAGE_CONTENT")
    except KeyboardInterrupt:
        pass


async def _serve(client: WhichModelClient, token: str, drain_s: float) -> None:
    """Connect and serve; on SIGTERM stop taking questions, finish the answers in flight, then close."""
    stop = asyncio.Event()
    try:
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    except (NotImplementedError, RuntimeError):  # pragma: no cover - not the main thread, or Windows
        pass
    async with client:
        running = asyncio.create_task(client.start(token))
        stopping = asyncio.create_task(stop.wait())
        await asyncio.wait({running, stopping}, return_when=asyncio.FIRST_COMPLETED)
        if stop.is_set():
            log.info("SIGTERM: finishing the answers in flight, then stopping")
            mark_stopping()
            client.stopping = True
            if not await client.drained(drain_s):
                log.warning("stopping with answers still in flight after %.0fs", drain_s)
            await client.close()
        stopping.cancel()
        await running
