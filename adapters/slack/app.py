"""The Slack app: `/whichmodel`, @mentions in channels and direct messages, answered with Block Kit tables; the
assistant view, the Home tab and the "Ask whichmodel" message shortcut.

One bolt `App` built by `build_app`; small listeners that acknowledge first and then run the chat turn
(`adapters/chat/turn.py`). `run` serves it in Socket Mode when SLACK_APP_TOKEN is set, else over HTTP (see
`adapters/slack/server.py`).

The 3-second rule. Slack retries (events) or shows an error (commands, buttons) unless the HTTP request is answered
within 3 s. Every listener is lazy: `ack()` runs in the request's own thread (`process_before_response=True`), and
the work (the core, rendering, the Web API calls) is queued on an executor of WHICHMODEL_WORKERS threads. So the
ack never waits for a thread that is itself waiting on a slow Web API, however many questions are queued (bolt's
default, acking from its pool of 5 threads, let 40 of 60 commands time out behind a 2 s API). The same listeners
serve Socket Mode unchanged.
"""

from __future__ import annotations

import logging
import re
import threading
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from slack_bolt import App
from slack_sdk import WebClient

from adapters.chat.state import ChatState
from adapters.chat.stores import open_state, watch_state
from adapters.chat.turn import Chat, Turn, question_text
from adapters.slack.assistant import build_assistant
from adapters.slack.blocks import ACTION_PREFIX
from adapters.slack.faq import SlackFaq
from adapters.slack.feedback import FEEDBACK_ACTION, on_feedback
from adapters.slack.home import register_home
from adapters.slack.replies import SlackReply, Upload, channel_sender, respond_sender
from adapters.slack.shortcut import register_shortcut
from bot.assistant import Assistant
from bot.runtime.service import on_sigterm, start_service
from bot.runtime.settings import Settings, SettingsError

log = logging.getLogger("whichmodel.slack")

COMMAND = "/whichmodel"
ANSWERED_SUBTYPES = {None, "thread_broadcast", "file_share"}  # a person's question; every other subtype is not

# Slack's markup as the user meant it: mentions of people dropped (`<@U123>`), special mentions, channels and links
# as plain words, and Slack's `&amp; &lt; &gt;` decoded. The renderer escapes on the way out.
SLACK_MARKUP = (
    (re.compile(r"<@[UW][A-Z0-9]+(?:\|[^>]*)?>"), " "),
    (re.compile(r"<!(here|channel|everyone)(?:\|[^>]*)?>"), r"@\1"),
    (re.compile(r"<!([^>|]*)(?:\|([^>]*))?>"), lambda m: m.group(2) or ""),
    (re.compile(r"<#[CG][A-Z0-9]+(?:\|([^>]*))?>"), lambda m: "#" + (m.group(1) or "channel")),
    (re.compile(r"<([^>|]+)(?:\|([^>]*))?>"), lambda m: m.group(2) or m.group(1)),
    (re.compile(r"&lt;"), "<"),
    (re.compile(r"&gt;"), ">"),
    (re.compile(r"&amp;"), "&"),
)


def slack_question(text: str | None) -> str:
    """A Slack message's text as the user meant it (see `SLACK_MARKUP`)."""
    return question_text(text, SLACK_MARKUP)


def api_base_url(url: str | None) -> str:
    """SLACK_API_URL as the Web API base (the SDK appends method names to it, so it must end with a slash)."""
    if not url:
        return WebClient.BASE_URL
    return url if url.endswith("/") else url + "/"


# ---------------------------------------------------------------------------------------------------------- the bot


@dataclass
class SlackBot:
    """Slack payloads as chat turns: who asked, where the conversation lives, how to answer there."""

    chat: Chat

    @property
    def state(self) -> ChatState:
        return self.chat.state

    def command(self, body: dict[str, Any], respond: Any) -> None:
        """`/whichmodel QUESTION`: answered in the channel; help and errors only to the asker."""
        team, user, channel = body.get("team_id", ""), body.get("user_id", ""), body.get("channel_id", "")
        key = f"slack:{team}:{channel}:command:{user}"  # a user's next /whichmodel in the channel can follow up
        text = slack_question(body.get("text", ""))
        turn = Turn("slack", "command", user, team, text, follows=(key,), remember=(key,))
        self.chat.run(turn, SlackReply(respond_sender(respond), self.state, question=text))

    def message(self, body: dict[str, Any], event: dict[str, Any], client: WebClient) -> None:
        """An @mention in a channel or a direct message: answered in the thread of the question."""
        if event.get("bot_id") or event.get("subtype") not in ANSWERED_SUBTYPES:  # bots (us too), edits: no loops
            log.debug("slack: ignored a message (subtype=%s, bot_id=%s)", event.get("subtype"), event.get("bot_id"))
            return
        team, user, channel = body.get("team_id", ""), event.get("user", ""), event.get("channel", "")
        dm = event.get("channel_type") == "im"
        thread_ts = event.get("thread_ts") or event.get("ts")
        thread_key = f"slack:{team}:{channel}:{thread_ts}"
        dm_key = f"slack:{team}:{channel}:dm"  # in a DM, a new top-level message follows up the last answer
        event_id = body.get("event_id")
        turn = Turn(
            "slack",
            "dm" if dm else "mention",
            user,
            team,
            slack_question(event.get("text", "")),
            follows=(thread_key, dm_key) if dm and not event.get("thread_ts") else (thread_key,),
            remember=(thread_key, dm_key) if dm else (thread_key,),
            delivery=f"slack:event:{event_id}" if event_id else None,
        )
        send = channel_sender(client, channel, thread_ts, user, dm)
        self.chat.run(turn, SlackReply(send, self.state, Upload(client, channel, thread_ts), question=turn.text))

    def button(self, body: dict[str, Any], action: dict[str, Any], respond: Any) -> None:
        """A button under an answer: its value is a short id into the state store; the answer goes under the
        message, in its thread."""
        team = (body.get("team") or {}).get("id", "")
        user = (body.get("user") or {}).get("id", "")
        channel = (body.get("channel") or {}).get("id") or (body.get("container") or {}).get("channel_id", "")
        message = body.get("message") or {}
        thread_ts = message.get("thread_ts")
        key = f"slack:{team}:{channel}:{thread_ts or message.get('ts')}"
        action_id = str(action.get("value", ""))
        turn = Turn("slack", "button", user, team, action=action_id, remember=(key,) if channel else ())
        self.chat.run(turn, SlackReply(respond_sender(respond, thread_ts), self.state))


# ---------------------------------------------------------------------------------------------------------- the app


def web_client(settings: Settings) -> WebClient:
    """A WebClient on SLACK_BOT_TOKEN and SLACK_API_URL (a missing token stops with one line)."""
    settings.require("slack_bot_token")
    assert settings.slack_bot_token is not None
    return WebClient(token=settings.slack_bot_token.get_secret_value(), base_url=api_base_url(settings.slack_api_url))


def build_app(
    settings: Settings,
    client: WebClient | None = None,
    *,
    assistant: Assistant | None = None,
    state: ChatState | None = None,
    executor: Executor | None = None,
) -> App:
    """The bolt App with every listener. `client` defaults to a WebClient on SLACK_BOT_TOKEN and SLACK_API_URL;
    `executor` (default: WHICHMODEL_WORKERS threads) runs the work behind the acks."""
    client = client or web_client(settings)
    if settings.slack_app_token is None:  # HTTP mode: without the secret anyone could forge requests
        settings.require("slack_signing_secret")
    secret = settings.slack_signing_secret.get_secret_value() if settings.slack_signing_secret else ""
    bolt_log = logging.getLogger("whichmodel.slack.bolt")
    bolt_log.setLevel(logging.WARNING)  # bolt logs bad-signature request bodies at INFO: never log those
    app = App(
        client=client,
        signing_secret=secret,  # Socket Mode requests come over our own websocket and carry no signature
        process_before_response=True,  # with lazy listeners: ack in the request, the work on the executor
        logger=bolt_log,
        listener_executor=executor or ThreadPoolExecutor(settings.workers, thread_name_prefix="whichmodel-answer"),
    )
    state = state or open_state(settings)
    bot = SlackBot(Chat(assistant or Assistant(policy=settings.policy()), state, settings.log_questions))
    faq = SlackFaq(bot.chat, slack_question, settings.faq_threshold, settings.faq_per_hour)  # adapters/slack/faq.py

    def just_ack(ack: Any) -> None:
        ack()

    def on_command(body: dict[str, Any], respond: Any, client: WebClient) -> None:
        if not faq.command(body, respond, client):
            bot.command(body, respond)

    def on_mention(body: dict[str, Any], event: dict[str, Any], client: WebClient) -> None:
        bot.message(body, event, client)

    def on_message(body: dict[str, Any], event: dict[str, Any], client: WebClient) -> None:
        if event.get("channel_type") == "im":  # a channel's messages: FAQ mode's, mentions come as app_mention
            bot.message(body, event, client)
        else:
            faq.message(body, event, client)

    def on_button(body: dict[str, Any], action: dict[str, Any], respond: Any) -> None:
        bot.button(body, action, respond)

    app.use(build_assistant(bot.chat.assistant, on_mention))  # assistant threads, before the DM listener
    app.action(FEEDBACK_ACTION)(ack=just_ack, lazy=[on_feedback])  # before the catch-all button route
    register_home(app, bot.chat, settings.extra, faq)  # the Home tab and its buttons (before the catch-all too)
    register_shortcut(app, bot.chat, slack_question)  # the "Ask whichmodel" message shortcut
    app.command(COMMAND)(ack=just_ack, lazy=[on_command])
    app.event("app_mention")(ack=just_ack, lazy=[on_mention])
    app.event("message")(ack=just_ack, lazy=[on_message])
    app.event("reaction_added")(ack=just_ack, lazy=[faq.reaction])
    app.action(re.compile(f"^{ACTION_PREFIX}"))(ack=just_ack, lazy=[on_button])
    return app


# ---------------------------------------------------------------------------------------------------------- running


def socket_mode_handler(app: App, settings: Settings) -> Any:
    """Socket Mode: bolt's built-in websocket client, connecting out with SLACK_APP_TOKEN (no public URL needed).
    `apps.connections.open` goes through the app's WebClient, so SLACK_API_URL applies here too."""
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    settings.require("slack_app_token")
    assert settings.slack_app_token is not None
    return SocketModeHandler(app, settings.slack_app_token.get_secret_value())


def drain(executor: ThreadPoolExecutor, seconds: float) -> bool:
    """Let the answers in flight finish (at most `seconds`); True when they all did."""
    waiter = threading.Thread(target=executor.shutdown, kwargs={"wait": True}, daemon=True)
    waiter.start()
    waiter.join(seconds)
    if waiter.is_alive():
        log.warning("stopping with answers still in flight after %.0fs", seconds)
        return False
    log.info("every answer in flight was sent; stopped")
    return True


def run(settings: Settings, port: int | None = None, host: str | None = None) -> None:
    """`whichmodel slack`: Socket Mode when SLACK_APP_TOKEN is set, else HTTP on host:port. SIGTERM stops taking
    requests and finishes the answers in flight (up to WHICHMODEL_DRAIN_SECONDS)."""
    socket_mode = settings.slack_app_token is not None
    executor = ThreadPoolExecutor(settings.workers, thread_name_prefix="whichmodel-answer")
    try:
        settings.require("slack_bot_token", *(() if socket_mode else ("slack_signing_secret",)))
        state = open_state(settings)
        app = build_app(settings, state=state, executor=executor)
    except SettingsError as exc:
        raise SystemExit(f"error: {exc}") from None
    except Exception as exc:  # noqa: BLE001 - e.g. Slack refused the token at auth.test: one line, no traceback
        raise SystemExit(f"error: could not start the Slack app: {exc}") from None
    watch_state(state)
    try:
        start_service(settings, health_port=(settings.port if port is None else port) if socket_mode else None)
    except Exception as exc:  # noqa: BLE001 - a broken team file or data: one line, no traceback
        raise SystemExit(f"error: could not load the catalogue: {exc}") from None
    if socket_mode:
        log.info("whichmodel Slack bot starting in Socket Mode")
        handler = socket_mode_handler(app, settings)
        stopped = threading.Event()
        on_sigterm(lambda: (handler.close(), stopped.set()))
        handler.connect()
        stopped.wait()
    else:
        from adapters.slack.server import build_asgi, serve

        assert settings.slack_signing_secret is not None
        asgi = build_asgi(app, settings.slack_signing_secret.get_secret_value(), state)
        on_sigterm(lambda: None)  # uvicorn takes SIGTERM while it serves, and hands it back when it has stopped
        serve(asgi, host or settings.host, settings.port if port is None else port, settings.drain_seconds)
    drain(executor, settings.drain_seconds)
