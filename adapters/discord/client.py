"""The Discord bot: `@whichmodel QUESTION` mentions and the `/whichmodel` slash command, answered with embeds.

`build_client(settings)` makes the discord.py client (an `AutoShardedClient` with `shards="auto"`); `run` logs in
with DISCORD_TOKEN and serves until stopped.

- **No privileged intent.** The client asks only for guilds, guild messages and DMs. Discord still delivers the
  content of messages that mention the bot, DMs, and replies to the bot that ping it (Discord's default for a
  reply), which is all the bot reads. A reply with the ping switched off arrives without content and is ignored.
- **Mentions** are answered as a reply. A reply to one of the bot's answers (or a follow-up such as
  "what about 100M?" from the same person in the same channel) refines the query that answer came from.
- **`/whichmodel question:...`** is deferred at once, then answered with a follow-up. Help, refusals and errors
  go only to the asker: Discord fixes a deferred reply's visibility when it is deferred, so the bot deletes the
  public "thinking..." placeholder and sends the ephemeral follow-up instead.
- **Long answers** are split into pages (`adapters/discord_embeds.py`); "Show more" buttons carry everything they
  need in their custom_id and are registered as a `DynamicItem`, so buttons on old messages keep working after a
  restart (or say politely that the answer is no longer remembered).
- **Safety**: `AllowedMentions.none()` on the client, so no answer can ping anyone; bots (this one included) and
  webhooks are ignored; a per-user token bucket answers politely when exceeded; any exception becomes an apology
  with an error id, logged with its traceback. The token is read from the settings only and never logged.
"""

from __future__ import annotations

import asyncio
import logging
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Optional

import discord
from discord import app_commands

from adapters.chat.ratelimit import RateLimiter
from adapters.chat.state import Conversations, SeenIds
from adapters.discord.embeds import (
    ALREADY_SHOWN_TEXT,
    EXPIRED_TEXT,
    MORE_TEMPLATE,
    Mode,
    More,
    answer_pages,
    cooldown_text,
    more_label,
    next_page,
)
from bot.assistant import apology, new_error_id
from bot.contract.answer import Answer
from bot.contract.query import Query
from bot.contract.vocab import MAX_QUESTION_CHARS
from bot.runtime.logs import log_question
from bot.runtime.service import start_service
from bot.runtime.settings import Settings, SettingsError

log = logging.getLogger("whichmodel.discord")

COMMAND = "whichmodel"
COMMAND_DESCRIPTION = "Which LLM should we use? Cost at your volume, trade-offs, a verdict and sources."
QUESTION_DESCRIPTION = "e.g. cheapest for 50M tokens of classification (leave empty for help)"
MAX_QUESTION = MAX_QUESTION_CHARS
# discord.py reads the command's annotations: an optional string option of 1 to 1,000 characters
QuestionOption = Optional[app_commands.Range[str, 1, MAX_QUESTION]]  # noqa: UP045
NO_MORE_TEXT = "That is everything I have for this answer."


# ------------------------------------------------------------------------------------------------------------- core


@dataclass(frozen=True)
class Core:
    """The two calls the bot makes into the core. Both run in a worker thread (the core is synchronous)."""

    ask: Callable[[str, Query | None], Answer]
    page: Callable[[Query, int], Answer]
    warm: Callable[[], Any] | None = None


def default_core(settings: Settings) -> Core:
    """`bot.assistant.safe_ask` / `safe_answer_query` with the settings' policy (imported on first use)."""
    policy = settings.policy()

    def ask(text: str, previous: Query | None) -> Answer:
        from bot.assistant import Assistant

        return Assistant(policy=policy).ask(text, previous)

    def page(query: Query, offset: int) -> Answer:
        from bot.assistant import Assistant

        return Assistant(policy=policy).answer(query, offset)

    def warm() -> None:
        from bot.catalogue.store import current

        current()

    return Core(ask=ask, page=page, warm=warm)


# ------------------------------------------------------------------------------------------------------ "Show more"


class ShowMore(discord.ui.DynamicItem[discord.ui.Button], template=MORE_TEMPLATE):  # type: ignore[call-arg,misc]
    """The "Show more" button. Rebuilt from its custom_id on every click, so it survives restarts."""

    def __init__(self, target: More, label: str = "Show more") -> None:
        super().__init__(
            discord.ui.Button(label=label, style=discord.ButtonStyle.secondary, custom_id=target.custom_id())
        )
        self.target = target

    @classmethod
    async def from_custom_id(  # type: ignore[override]
        cls, interaction: discord.Interaction, item: discord.ui.Button, match: re.Match[str], /
    ) -> ShowMore:
        target = More.parse(match.group(0))
        assert target is not None  # the template matched
        return cls(target, label=item.label or "Show more")

    async def callback(self, interaction: discord.Interaction) -> None:  # type: ignore[override]
        client = interaction.client
        if isinstance(client, WhichModelClient):
            await client.show_more(interaction, self.target)


def more_view(answer: Answer, key: int, page: int, pages: int, mode: Mode) -> discord.ui.View | None:
    """The button under page `page` of `pages`, or None when nothing follows."""
    target = next_page(answer, key, page, pages, mode)
    if target is None:
        return None
    view = discord.ui.View(timeout=None)
    view.add_item(ShowMore(target, label=more_label(answer, target)))
    return view


def _page_kwargs(page: discord.Embed | str) -> dict[str, Any]:
    return {"content": page} if isinstance(page, str) else {"embed": page}


# ----------------------------------------------------------------------------------------------------------- client


def intents() -> discord.Intents:
    """Guilds (channels and permissions), guild messages and DMs; no privileged intent."""
    chosen = discord.Intents.none()
    chosen.guilds = True
    chosen.guild_messages = True
    chosen.dm_messages = True
    return chosen


class WhichModelClient(discord.Client):
    """A discord.py client that answers mentions, replies, DMs, `/whichmodel` and "Show more" clicks."""

    def __init__(
        self,
        settings: Settings,
        *,
        core: Core | None = None,
        sync: bool = False,
        clock: Callable[[], float] = time.monotonic,
        **options: Any,
    ) -> None:
        options.setdefault("intents", intents())
        options.setdefault("allowed_mentions", discord.AllowedMentions.none())
        options.setdefault("max_messages", None)
        options.setdefault("chunk_guilds_at_startup", False)
        discord.VoiceClient.warn_nacl = False  # the bot never joins voice: no warnings about voice libraries
        discord.VoiceClient.warn_dave = False
        super().__init__(**options)
        self.settings = settings
        self.core = core or default_core(settings)
        self.sync_commands = sync
        self.clock = clock
        self.limiter = RateLimiter(settings.rate_capacity, settings.rate_per_minute, clock=clock)
        self.conversations = Conversations(max_items=15_000)
        self.seen = SeenIds()
        self._warned_until: dict[str, float] = {}
        self.tree = app_commands.CommandTree(self)
        self.tree.add_command(_slash_command(self))
        self.tree.on_error = self._on_tree_error  # type: ignore[method-assign]
        self.add_dynamic_items(ShowMore)

    # -------------------------------------------------------------------------------------------- lifecycle

    async def setup_hook(self) -> None:
        if self.sync_commands:
            await self.sync_tree()
        if self.core.warm is not None:
            try:
                await asyncio.to_thread(self.core.warm)
            except Exception:  # noqa: BLE001 - answers will apologise; starting is still useful
                log.exception("could not load the catalogue at start; questions will retry")

    async def sync_tree(self) -> list[app_commands.AppCommand]:
        """Register `/whichmodel` with Discord: in DISCORD_GUILD_ID only (instant) when set, else globally."""
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

    # ----------------------------------------------------------------------------------------------- helpers

    async def _run_core(self, call: Callable[..., Answer], *args: Any) -> Answer:
        try:
            return await asyncio.to_thread(call, *args)
        except Exception:  # noqa: BLE001 - the adapter's own boundary; safe_ask already has one inside
            error_id = new_error_id()
            log.exception("error_id=%s: the Discord adapter failed to get an answer", error_id)
            return apology(error_id)

    def _log(self, kind: str, user_id: int, text: str, answer: Answer, started: float) -> None:
        log_question(
            f"discord/{kind}",
            text,
            answer,
            time.perf_counter() - started,
            user=str(user_id),
            log_text=self.settings.log_questions,
        )

    def _slow_down(self, user_id: int) -> float | None:
        """None when the user may ask now; else the seconds until they may."""
        key = str(user_id)
        if self.limiter.allow(key):
            self._warned_until.pop(key, None)
            return None
        wait = self.limiter.retry_after(key)
        log.info("discord rate limit: user %s asked too fast (retry in %.0fs)", user_id, wait)
        return wait

    def _first_warning(self, user_id: int, wait: float) -> bool:
        """Say "slow down" once per wait, not once per message (that would be the spam it prevents)."""
        key, now = str(user_id), self.clock()
        if now < self._warned_until.get(key, float("-inf")):
            return False
        if len(self._warned_until) > 10_000:
            self._warned_until = {k: v for k, v in self._warned_until.items() if v > now}
        self._warned_until[key] = now + wait
        return True

    def _remember(self, answer: Answer, key: int, message_id: int | None, channel_id: int | None, user_id: int) -> None:
        if answer.error:
            return
        self.conversations.put(f"key:{key}", answer.query)
        if message_id is not None:
            self.conversations.put(f"msg:{message_id}", answer.query)
        self.conversations.put(f"user:{channel_id}:{user_id}", answer.query)

    # ------------------------------------------------------------------------------------------------ mentions

    def _mentioned(self, message: discord.Message) -> bool:
        me = self.user
        if me is None:
            return False
        if any(u.id == me.id for u in message.mentions) or me.id in message.raw_mentions:
            return True
        role = message.guild.self_role if message.guild is not None else None
        return role is not None and role.id in message.raw_role_mentions

    def _reply_to_me(self, message: discord.Message) -> int | None:
        """The id of the bot's message this one replies to, if it does."""
        ref = message.reference
        if ref is None or ref.message_id is None or self.user is None:
            return None
        resolved = ref.resolved
        if isinstance(resolved, discord.Message) and resolved.author.id == self.user.id:
            return ref.message_id
        if self.conversations.get(f"msg:{ref.message_id}") is not None:
            return ref.message_id
        return None

    def question_text(self, message: discord.Message) -> str:
        """The message without the mentions of this bot (`<@id>`, `<@!id>`, its managed role `<@&id>`)."""
        text = message.content or ""
        if self.user is not None:
            text = re.sub(rf"<@!?{self.user.id}>", " ", text)
        role = message.guild.self_role if message.guild is not None else None
        if role is not None:
            text = text.replace(f"<@&{role.id}>", " ")
        return " ".join(text.split()).strip(" ,:;")

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
        replied_to = self._reply_to_me(message)
        if not (is_dm or mentioned or replied_to is not None):
            return
        text = self.question_text(message)
        if not text and not (mentioned or is_dm):
            return  # a reply without the ping: Discord withholds its content from bots without the intent
        if not self.seen.first_time(f"message:{message.id}"):
            return
        try:
            await self._answer_message(message, text, replied_to)
        except Exception:  # noqa: BLE001 - never silence: apologise with an id
            error_id = new_error_id()
            log.exception("error_id=%s: the Discord adapter failed to answer a message", error_id)
            await self._send_reply(message, apology(error_id), "e" if self._can_embed(message) else "t")

    async def _answer_message(self, message: discord.Message, text: str, replied_to: int | None) -> None:
        author = message.author.id
        wait = self._slow_down(author)
        if wait is not None:
            if self._first_warning(author, wait):
                await self._reply(message, content=cooldown_text(wait))
            return
        previous = None
        if replied_to is not None:
            previous = self.conversations.get(f"msg:{replied_to}")
        if previous is None:
            previous = self.conversations.get(f"user:{message.channel.id}:{author}")
        started = time.perf_counter()
        answer = await self._run_core(self.core.ask, text, previous)
        self._log("mention", author, text, answer, started)
        mode: Mode = "e" if self._can_embed(message) else "t"
        sent = await self._send_reply(message, answer, mode)
        self._remember(answer, message.id, sent.id if sent is not None else None, message.channel.id, author)

    async def _send_reply(self, message: discord.Message, answer: Answer, mode: Mode) -> discord.Message | None:
        pages = answer_pages(answer, mode)
        view = more_view(answer, message.id, 0, len(pages), mode)
        kwargs = _page_kwargs(pages[0])
        if view is not None:
            kwargs["view"] = view
        return await self._reply(message, **kwargs)

    async def _reply(self, message: discord.Message, **kwargs: Any) -> discord.Message | None:
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

    # ---------------------------------------------------------------------------------------------- slash

    async def on_slash(self, interaction: discord.Interaction, question: str) -> None:
        if not self.seen.first_time(f"interaction:{interaction.id}"):
            return
        user = interaction.user.id
        wait = self._slow_down(user)
        if wait is not None:
            await interaction.response.send_message(cooldown_text(wait), ephemeral=True)
            return
        await interaction.response.defer(thinking=True)
        previous = self.conversations.get(f"user:{interaction.channel_id}:{user}")
        started = time.perf_counter()
        answer = await self._run_core(self.core.ask, question, previous)
        self._log("command", user, question, answer, started)
        await self._followup_answer(interaction, answer, key=interaction.id)

    async def _followup_answer(
        self,
        interaction: discord.Interaction,
        answer: Answer,
        key: int,
        page: int = 0,
        mode: Mode = "e",
        placeholder: bool = True,
    ) -> None:
        """Send `answer` (from page `page`) as the interaction's follow-up: public, or only to the asker for
        help, refusals and errors (after deleting the public placeholder that a deferred reply leaves)."""
        pages = answer_pages(answer, mode)
        if answer.error:
            if placeholder:
                try:
                    await interaction.delete_original_response()
                except discord.HTTPException:
                    log.warning("could not delete the deferred placeholder of interaction %s", interaction.id)
            for p in pages:
                await interaction.followup.send(**_page_kwargs(p), ephemeral=True)
            return
        page = min(page, len(pages) - 1)
        kwargs = _page_kwargs(pages[page])
        view = more_view(answer, key, page, len(pages), mode)
        if view is not None:
            kwargs["view"] = view
        sent = await interaction.followup.send(**kwargs, wait=True)
        self._remember(answer, key, sent.id, interaction.channel_id, interaction.user.id)

    async def _on_tree_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        error_id = new_error_id()
        log.error("error_id=%s: /%s failed", error_id, COMMAND, exc_info=error)
        sorry = apology(error_id)
        try:
            if interaction.response.is_done():
                await self._followup_answer(interaction, sorry, key=interaction.id)
            else:
                await interaction.response.send_message(**_page_kwargs(answer_pages(sorry)[0]), ephemeral=True)
        except discord.HTTPException:
            log.exception("error_id=%s: could not even send the apology", error_id)

    # ------------------------------------------------------------------------------------------ show more

    async def show_more(self, interaction: discord.Interaction, target: More) -> None:
        if not self.seen.first_time(f"interaction:{interaction.id}"):
            return
        try:
            await self._show_more(interaction, target)
        except Exception:  # noqa: BLE001
            error_id = new_error_id()
            log.exception("error_id=%s: the Discord adapter failed to show more", error_id)
            sorry = apology(error_id)
            if interaction.response.is_done():
                await interaction.followup.send(**_page_kwargs(answer_pages(sorry)[0]), ephemeral=True)
            else:
                await interaction.response.send_message(**_page_kwargs(answer_pages(sorry)[0]), ephemeral=True)

    async def _show_more(self, interaction: discord.Interaction, target: More) -> None:
        query = self.conversations.get(f"key:{target.key}")
        if query is None:
            await interaction.response.send_message(EXPIRED_TEXT, ephemeral=True)
            return
        wait = self._slow_down(interaction.user.id)
        if wait is not None:
            await interaction.response.send_message(cooldown_text(wait), ephemeral=True)
            return
        message_id = interaction.message.id if interaction.message is not None else 0
        if not self.seen.first_time(f"more:{message_id}:{target.custom_id()}"):
            await interaction.response.send_message(ALREADY_SHOWN_TEXT, ephemeral=True)
            return
        await interaction.response.edit_message(view=None)  # the button has done its job: one next page per click
        started = time.perf_counter()
        answer = await self._run_core(self.core.page, query, target.offset)
        self._log("more", interaction.user.id, f"{target.key}:{target.offset}", answer, started)
        if not answer.error and answer.offset != target.offset:
            await interaction.followup.send(NO_MORE_TEXT, ephemeral=True)
            return
        await self._followup_answer(interaction, answer, target.key, target.page, target.mode, placeholder=False)


def _slash_command(client: WhichModelClient) -> app_commands.Command[Any, Any, None]:
    @app_commands.command(name=COMMAND, description=COMMAND_DESCRIPTION)
    @app_commands.describe(question=QUESTION_DESCRIPTION)
    async def whichmodel(interaction: discord.Interaction, question: QuestionOption = None) -> None:
        await client.on_slash(interaction, (question or "").strip())

    return whichmodel


class WhichModelShardedClient(WhichModelClient, discord.AutoShardedClient):
    """The same bot over several gateway connections (Discord requires shards beyond 2,500 guilds)."""


def build_client(
    settings: Settings,
    *,
    sync: bool = False,
    shards: str | int | None = None,
    core: Core | None = None,
    clock: Callable[[], float] = time.monotonic,
    **options: Any,
) -> WhichModelClient:
    """The client, ready to `login`/`start`. `shards`: None for one connection, "auto" for as many as Discord
    recommends, or a number."""
    if shards is None or shards == "":
        return WhichModelClient(settings, core=core, sync=sync, clock=clock, **options)
    if str(shards).lower() != "auto":
        try:
            options["shard_count"] = int(shards)
        except ValueError:
            raise SettingsError(f"bad --shards {shards!r}: use 'auto' or a number") from None
        if options["shard_count"] < 1:
            raise SettingsError("bad --shards: at least 1")
    return WhichModelShardedClient(settings, core=core, sync=sync, clock=clock, **options)


def run(settings: Settings, sync: bool = False, shards: str | None = None) -> None:
    """Run the bot until interrupted. DISCORD_TOKEN comes from the settings (the environment) only."""
    try:
        settings.require("discord_token")
        client = build_client(settings, sync=sync, shards=shards)
    except SettingsError as exc:
        sys.exit(f"error: {exc}")
    assert settings.discord_token is not None
    try:
        start_service(settings, health_port=settings.port)
    except Exception as exc:  # noqa: BLE001 - a broken team file or data: one line, no traceback
        sys.exit(f"error: could not load the catalogue: {exc}")
    log.info(
        "whichmodel Discord bot starting%s%s",
        " (syncing /whichmodel)" if sync else "",
        f" with shards={shards}" if shards else "",
    )
    try:
        client.run(settings.discord_token.get_secret_value(), log_handler=None)
    except discord.LoginFailure:
        sys.exit("error: Discord rejected DISCORD_TOKEN (reset it under Bot in the developer portal)")
    except discord.PrivilegedIntentsRequired:  # pragma: no cover - the bot asks for none
        sys.exit("error: Discord refused the requested intents")
