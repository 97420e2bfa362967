"""The Slack app: `/whichmodel`, @mentions in channels and direct messages, answered with Block Kit tables.

One bolt `App` built by `build_app`; small listeners that acknowledge first and then do the work. `run` serves it in
Socket Mode when SLACK_APP_TOKEN is set, else over HTTP (see `adapters/slack_server.py`).

The 3-second rule. Slack retries (events) or shows an error (commands, buttons) unless the HTTP request is answered
within 3 s. This is a long-running process, so the app uses bolt's default `process_before_response=False`: bolt
runs each listener on its thread pool and sends the HTTP 200 the moment the listener calls `ack()` (events are
acknowledged by bolt itself before the listener starts); the rest of the listener (the core, rendering, the Web API
calls) goes on after the response. `process_before_response=True` with lazy listeners is the pattern for FaaS
(Lambda, Cloud Functions), where the process may be frozen once the response is sent; here it would only add a
copy of every request and a second dispatch. The same listeners serve Socket Mode unchanged.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from adapters.chat.ratelimit import RateLimiter
from adapters.chat.state import Conversations, SeenIds
from adapters.slack.blocks import (
    COMPARE_TOP2,
    SHOW_MORE,
    SlackMessage,
    decode_button,
    render_answer,
    render_text,
    table_csv,
)
from bot.contract.answer import Answer
from bot.contract.query import Query
from bot.runtime.logs import log_question
from bot.runtime.service import start_service
from bot.runtime.settings import Settings, SettingsError

log = logging.getLogger("whichmodel.slack")

COMMAND = "/whichmodel"
HELP_WORDS = {"", "help", "?", "-h", "--help"}
ANSWERED_SUBTYPES = {None, "thread_broadcast", "file_share"}  # a person's question; every other subtype is not


# ------------------------------------------------------------------------------------------------------------- text


_USER_MENTION = re.compile(r"<@[UW][A-Z0-9]+(?:\|[^>]*)?>")
_SPECIAL_MENTION = re.compile(r"<!(here|channel|everyone)(?:\|[^>]*)?>")
_OTHER_SPECIAL = re.compile(r"<!([^>|]*)(?:\|([^>]*))?>")
_CHANNEL = re.compile(r"<#[CG][A-Z0-9]+(?:\|([^>]*))?>")
_LINK = re.compile(r"<([^>|]+)(?:\|([^>]*))?>")


def question_text(text: str) -> str:
    """A Slack message's text as the user meant it: mentions of people dropped (`<@U123>`), special mentions,
    channels and links as plain words, and Slack's `&amp; &lt; &gt;` decoded. The renderer escapes on the way out."""
    text = _USER_MENTION.sub(" ", text or "")
    text = _SPECIAL_MENTION.sub(r"@\1", text)
    text = _OTHER_SPECIAL.sub(lambda m: m.group(2) or "", text)
    text = _CHANNEL.sub(lambda m: "#" + (m.group(1) or "channel"), text)
    text = _LINK.sub(lambda m: m.group(2) or m.group(1), text)
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return " ".join(text.split())


def api_base_url(url: str | None) -> str:
    """SLACK_API_URL as the Web API base (the SDK appends method names to it, so it must end with a slash)."""
    if not url:
        return WebClient.BASE_URL
    return url if url.endswith("/") else url + "/"


# ------------------------------------------------------------------------------------------------------------- core


class Core(Protocol):
    """What the adapter needs from the core: both calls return an Answer and never raise."""

    def ask(self, text: str, previous: Query | None) -> Answer: ...

    def answer_query(self, query: Query, offset: int) -> Answer: ...


class DefaultCore:
    """`bot.assistant.safe_ask` / `safe_answer_query` with the configured policy and the process's catalogue."""

    def __init__(self, settings: Settings) -> None:
        from bot import assistant as core  # imported here: loading the core is the run's business, not the import's

        self._assistant = core.Assistant(policy=settings.policy())

    def ask(self, text: str, previous: Query | None) -> Answer:
        return self._assistant.ask(text, previous)

    def answer_query(self, query: Query, offset: int) -> Answer:
        return self._assistant.answer(query, offset)


def apology(query: Query | None = None) -> Answer:
    """The adapter's own boundary (rendering or Slack failed, or a core that raised): an apology with an error id."""
    from bot.assistant import apology as core_apology
    from bot.assistant import new_error_id

    error_id = new_error_id()
    log.exception("error_id=%s: the Slack adapter failed to answer", error_id)
    return core_apology(error_id, query)


# --------------------------------------------------------------------------------------------------------- delivery


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


def deliver(answer: Answer, send: Sender, ephemeral: bool) -> SlackMessage:
    """Render and send; if Slack rejects the table block, send the tables as monospace text instead, once."""
    message = render_answer(answer)
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
        fallback = render_answer(answer, "monospace") if has_table else SlackMessage(text=message.text)
    try:
        send(fallback, ephemeral)
    except InvalidBlocks as exc:  # the monospace message too: the plain text never fails for its blocks
        log.error("Slack rejected the monospace fallback too (invalid_blocks: %s); sending plain text", exc)
        fallback = SlackMessage(text=message.text)
        send(fallback, ephemeral)
    return fallback


# ---------------------------------------------------------------------------------------------------------- the bot


@dataclass
class Bot:
    """The work behind the listeners, free of bolt so each step reads top to bottom."""

    core: Core
    limiter: RateLimiter
    conversations: Conversations
    seen: SeenIds
    log_questions: bool = False

    # ----------------------------------------------------------------- questions

    def _log(self, kind: str, user: str, text: str, answer: Answer, started: float) -> None:
        log_question(f"slack/{kind}", text, answer, time.monotonic() - started, user=user, log_text=self.log_questions)

    def _answer(self, text: str, previous: Query | None) -> Answer:
        try:
            if text.lower() in HELP_WORDS:
                return self.core.answer_query(Query(intent="help"), 0)
            return self.core.ask(text, previous)
        except Exception:  # noqa: BLE001 - the core's own boundary should catch everything; this one is for safety
            return apology()

    def _slow_down(self, key: str) -> SlackMessage | None:
        if self.limiter.allow(key):
            return None
        wait = max(1, round(self.limiter.retry_after(key)))
        log.info("slack rate limit: %s asked too fast (retry in %ss)", key, wait)
        return render_text(
            f"You're asking faster than I can answer well: please wait about {wait} second{'s' if wait != 1 else ''} "
            "and ask again. (Each person gets a few questions at once, then a few a minute.)"
        )

    def command(self, body: dict[str, Any], respond: Any) -> None:
        """`/whichmodel QUESTION`: answered in the channel; help and errors only to the asker."""
        started = time.monotonic()
        team, user, channel = body.get("team_id", ""), body.get("user_id", ""), body.get("channel_id", "")
        send = respond_sender(respond)
        text = question_text(body.get("text", ""))
        slow = self._slow_down(f"{team}:{user}")
        if slow is not None:
            send(slow, True)
            return
        key = f"{team}:{channel}:command:{user}"  # a user's next /whichmodel in the channel can follow up
        answer = self._answer(text, self.conversations.get(key))
        if not answer.error:
            self.conversations.put(key, answer.query)
        self._deliver(answer, send)
        self._log("command", user, text, answer, started)

    def message(self, body: dict[str, Any], event: dict[str, Any], client: WebClient) -> None:
        """An @mention in a channel or a direct message: answered in the thread of the question."""
        if (
            event.get("bot_id") or event.get("subtype") not in ANSWERED_SUBTYPES
        ):  # bots (us too), edits, joins: no loops
            log.debug("slack: ignored a message (subtype=%s, bot_id=%s)", event.get("subtype"), event.get("bot_id"))
            return
        event_id = body.get("event_id")
        if event_id and not self.seen.first_time(event_id):
            log.info("slack event %s already answered; ignoring Slack's retry", event_id)
            return
        started = time.monotonic()
        team, user, channel = body.get("team_id", ""), event.get("user", ""), event.get("channel", "")
        dm = event.get("channel_type") == "im"
        thread_ts = event.get("thread_ts") or event.get("ts")
        send = channel_sender(client, channel, thread_ts, user, dm)
        text = question_text(event.get("text", ""))
        slow = self._slow_down(f"{team}:{user}")
        if slow is not None:
            send(slow, True)
            return
        thread_key = f"{team}:{channel}:{thread_ts}"
        dm_key = f"{team}:{channel}:dm" if dm else None  # in a DM, a new top-level message follows up the last answer
        previous = self.conversations.get(thread_key)
        if previous is None and dm_key and not event.get("thread_ts"):
            previous = self.conversations.get(dm_key)
        answer = self._answer(text, previous)
        if not answer.error:
            self.conversations.put(thread_key, answer.query)
            if dm_key:
                self.conversations.put(dm_key, answer.query)
        message = self._deliver(answer, send)
        if message is not None and message.full_table is not None and not answer.error:
            self._upload_table(client, channel, thread_ts, message)
        self._log("dm" if dm else "mention", user, text, answer, started)

    # ----------------------------------------------------------------- buttons

    def button(self, body: dict[str, Any], action: dict[str, Any], respond: Any) -> None:
        """Show more / Compare top 2: the button carries the query; the answer goes under the message."""
        started = time.monotonic()
        team = (body.get("team") or {}).get("id", "")
        user = (body.get("user") or {}).get("id", "")
        channel = (body.get("channel") or {}).get("id") or (body.get("container") or {}).get("channel_id", "")
        message = body.get("message") or {}
        thread_ts = message.get("thread_ts")
        send = respond_sender(respond, thread_ts)  # the reply joins the thread the button is in
        slow = self._slow_down(f"{team}:{user}")
        if slow is not None:
            send(slow, True)
            return
        decoded = decode_button(str(action.get("value", "")))
        if decoded is None:
            send(render_text("That button no longer works; please ask the question again."), True)
            return
        query, offset = decoded
        try:
            answer = self.core.answer_query(query, offset)
        except Exception:  # noqa: BLE001
            answer = apology(query)
        if not answer.error and channel:
            self.conversations.put(f"{team}:{channel}:{thread_ts or message.get('ts')}", answer.query)
        self._deliver(answer, send)
        self._log(
            action.get("action_id", "button"), user, query.model_dump_json(exclude_defaults=True), answer, started
        )

    # ----------------------------------------------------------------- helpers

    def _deliver(self, answer: Answer, send: Sender) -> SlackMessage | None:
        try:
            return deliver(answer, send, ephemeral=answer.error)
        except Exception:  # noqa: BLE001 - say sorry rather than nothing
            sorry = apology(answer.query)
            try:
                send(render_answer(sorry), True)
            except Exception:  # noqa: BLE001
                log.exception("error_id=%s: could not even send the apology", sorry.error_id)
            return None

    def _upload_table(self, client: WebClient, channel: str, thread_ts: str | None, message: SlackMessage) -> None:
        """The whole table as a CSV in the thread, when the message had to cut it (Slack's 100 rows, 20 columns)."""
        table = message.full_table
        assert table is not None
        try:
            client.files_upload_v2(
                channel=channel,
                thread_ts=thread_ts,
                content=table_csv(table),
                filename="whichmodel.csv",
                title=(table.title or "whichmodel table")[:200],
                initial_comment=f"The full table ({len(table.rows)} rows) as CSV.",
            )
        except Exception:  # noqa: BLE001 - the answer is out already; the file is a bonus
            log.warning("slack: could not upload the full table as CSV", exc_info=True)


# ---------------------------------------------------------------------------------------------------------- the app


def build_app(
    settings: Settings,
    client: WebClient | None = None,
    *,
    core: Core | None = None,
    limiter: RateLimiter | None = None,
    conversations: Conversations | None = None,
    seen: SeenIds | None = None,
) -> App:
    """The bolt App with every listener. `client` defaults to a WebClient on SLACK_BOT_TOKEN and SLACK_API_URL."""
    if client is None:
        settings.require("slack_bot_token")
        assert settings.slack_bot_token is not None
        client = WebClient(
            token=settings.slack_bot_token.get_secret_value(), base_url=api_base_url(settings.slack_api_url)
        )
    if settings.slack_app_token is None:  # HTTP mode: without the secret anyone could forge requests
        settings.require("slack_signing_secret")
    secret = settings.slack_signing_secret.get_secret_value() if settings.slack_signing_secret else ""
    app = App(
        client=client,
        signing_secret=secret,  # Socket Mode requests come over our own websocket and carry no signature
        process_before_response=False,  # see the module docstring: ack() answers Slack, the work follows
        logger=logging.getLogger("whichmodel.slack.bolt"),
    )
    bot = Bot(
        core=core or DefaultCore(settings),
        limiter=limiter or RateLimiter(settings.rate_capacity, settings.rate_per_minute),
        conversations=conversations or Conversations(),
        seen=seen or SeenIds(),
        log_questions=settings.log_questions,
    )

    @app.command(COMMAND)
    def on_command(ack: Any, body: dict[str, Any], respond: Any) -> None:
        ack()
        bot.command(body, respond)

    @app.event("app_mention")
    def on_mention(body: dict[str, Any], event: dict[str, Any], client: WebClient) -> None:
        bot.message(body, event, client)  # bolt acknowledged the event before calling this

    @app.event("message")
    def on_message(body: dict[str, Any], event: dict[str, Any], client: WebClient) -> None:
        if event.get("channel_type") == "im":  # channel messages reach us only as app_mention
            bot.message(body, event, client)

    @app.action(SHOW_MORE)
    def on_show_more(ack: Any, body: dict[str, Any], action: dict[str, Any], respond: Any) -> None:
        ack()
        bot.button(body, action, respond)

    @app.action(COMPARE_TOP2)
    def on_compare_top2(ack: Any, body: dict[str, Any], action: dict[str, Any], respond: Any) -> None:
        ack()
        bot.button(body, action, respond)

    return app


# ---------------------------------------------------------------------------------------------------------- running


def socket_mode_handler(app: App, settings: Settings) -> Any:
    """Socket Mode: bolt's built-in websocket client, connecting out with SLACK_APP_TOKEN (no public URL needed).
    `apps.connections.open` goes through the app's WebClient, so SLACK_API_URL applies here too."""
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    settings.require("slack_app_token")
    assert settings.slack_app_token is not None
    return SocketModeHandler(app, settings.slack_app_token.get_secret_value())


def run(settings: Settings, port: int | None = None, host: str | None = None) -> None:
    """`whichmodel slack`: Socket Mode when SLACK_APP_TOKEN is set, else HTTP on host:port."""
    socket_mode = settings.slack_app_token is not None
    try:
        settings.require("slack_bot_token", *(() if socket_mode else ("slack_signing_secret",)))
        app = build_app(settings)
    except SettingsError as exc:
        raise SystemExit(f"error: {exc}") from None
    except Exception as exc:  # noqa: BLE001 - e.g. Slack refused the token at auth.test: one line, no traceback
        raise SystemExit(f"error: could not start the Slack app: {exc}") from None

    try:
        start_service(settings, health_port=(settings.port if port is None else port) if socket_mode else None)
    except Exception as exc:  # noqa: BLE001 - a broken team file or data: one line, no traceback
        raise SystemExit(f"error: could not load the catalogue: {exc}") from None
    if socket_mode:
        log.info("whichmodel Slack bot starting in Socket Mode")
        socket_mode_handler(app, settings).start()
        return
    from adapters.slack.server import serve

    serve(app, host or settings.host, settings.port if port is None else port)
