"""The Slack Home tab: the team's settings, what changed in the last refresh, and three example questions.

`app_home_opened` (tab "home") publishes the view with `views.publish`. Each example is a button; a press answers
that question in the user's DM with the app (`conversations.open`, then the chat turn), so a follow-up there
refines it. Below them, a channel picker turns FAQ mode on or off in a channel the user is a member of
(`conversations.members`). Everything shown comes from the core (`bot.assistant.Assistant`) and the settings; nothing is computed
here.
"""

from __future__ import annotations

import logging
import re
from datetime import date
from pathlib import Path
from typing import Any

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from adapters.chat.faq import Place
from adapters.chat.turn import Chat, Turn
from adapters.slack.assistant import suggested_prompts
from adapters.slack.blocks import MAX_BUTTON_TEXT, clip, escape, monospace_sections, mrkdwn, plain
from adapters.slack.faq import SlackFaq
from adapters.slack.replies import SlackReply, channel_sender
from bot.assistant import Assistant
from bot.contract.query import Query

log = logging.getLogger("whichmodel.slack")

HOME_ACTION = "whichmodel_home_ask"  # under the buttons' prefix: registered before the catch-all button route
HOME_FAQ = "whichmodel_home_faq"  # the FAQ channel picker and its on/off buttons
NOT_A_MEMBER_TEXT = "Only a member of <#{channel}> can turn FAQ mode on or off there: join it first."
PICK_FIRST_TEXT = "Pick a channel first, then press the button."
EXAMPLES = 3
MAX_CHANGE_SECTIONS = 4


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": mrkdwn(clip(text, 3000))}


def _header(text: str) -> dict[str, Any]:
    return {"type": "header", "text": plain(text)}


def data_age(as_of: date | None, today: date | None = None) -> str:
    """'as of 2026-11-05, 27 days old' (or 'no date' when the data has none)."""
    if as_of is None:
        return "no date"
    days = ((today or date.today()) - as_of).days
    old = "from today" if days <= 0 else f"{days} day{'s' if days != 1 else ''} old"
    return f"as of {as_of.isoformat()}, {old}"


def settings_blocks(core: Assistant, extra: Path | None, today: date | None = None) -> list[dict[str, Any]]:
    """Providers that count, the team prices file, the data and its age."""
    policy, snapshot = core.policy, core.catalogue.snapshot
    lines = [
        "*Providers that count:* each maker's own API, and "
        + (", ".join(f"`{escape(p)}`" for p in policy.default_providers) or "no others"),
        "*For models none of those sell:* "
        + (", ".join(f"`{escape(p)}`" for p in policy.fallback_providers) or "none"),
        "*Team prices file:* "
        + (f"`{escape(extra.name)}` (your prices override the listed ones)" if extra else "none: list prices only"),
        f"*Data:* {escape(snapshot.label)}; {data_age(snapshot.as_of, today)}",
    ]
    return [_header("Your team's settings"), _section("\n".join(lines))]


def changes_blocks(core: Assistant) -> list[dict[str, Any]]:
    """What changed in the last refresh: the core's `changes` answer, its verdict and table."""
    answer = core.answer(Query(intent="changes"))
    blocks = [_header("What changed in the last refresh")]
    if answer.verdict:
        blocks.append(_section(escape(answer.verdict)))
    for table in answer.tables[:1]:
        blocks += monospace_sections(table)[0][:MAX_CHANGE_SECTIONS]
    data = [escape(n) for n in answer.note_texts("data", "source")]
    if data:
        blocks.append({"type": "context", "elements": [mrkdwn(clip("\n".join(data), 2000))]})
    return blocks


def example_blocks(core: Assistant) -> list[dict[str, Any]]:
    """Three example questions from today's catalogue, as buttons that answer them."""
    prompts = [p for p in suggested_prompts(core) if p["message"] != "help"][:EXAMPLES]
    buttons = [
        {
            "type": "button",
            "text": plain(clip(escape(p["title"]), MAX_BUTTON_TEXT)),
            "action_id": f"{HOME_ACTION}_{i}",
            "value": p["message"][:2000],
        }
        for i, p in enumerate(prompts)
    ]
    head = _section("*Try a question* (the answer comes in your messages with me):")
    return [head, {"type": "actions", "elements": buttons}] if buttons else []


def faq_blocks(status: str | None = None) -> list[dict[str, Any]]:
    """FAQ channels: a channel picker with Turn on / Turn off, and what the last press did."""
    head = _section(
        "*FAQ channels:* in a channel you pick, I answer the model questions people ask each other, in their "
        "thread, and stay quiet on everything else. Pick a channel you are in:"
    )
    picker = {
        "type": "conversations_select",
        "action_id": f"{HOME_FAQ}_channel",
        "placeholder": plain("a channel"),
        "filter": {"include": ["public", "private"], "exclude_bot_users": True},
    }
    on = {"type": "button", "text": plain("Turn on"), "action_id": f"{HOME_FAQ}_on", "style": "primary"}
    off = {"type": "button", "text": plain("Turn off"), "action_id": f"{HOME_FAQ}_off"}
    blocks = [head, {"type": "actions", "block_id": HOME_FAQ, "elements": [picker, on, off]}]
    if status:
        blocks.append({"type": "context", "elements": [mrkdwn(clip(status, 2000))]})
    return blocks


def picked_channel(view: dict[str, Any]) -> str | None:
    """The channel picked in the Home tab's FAQ picker (from the view's state), if any."""
    values = ((view.get("state") or {}).get("values") or {}).get(HOME_FAQ) or {}
    return (values.get(f"{HOME_FAQ}_channel") or {}).get("selected_conversation") or None


def is_member(client: WebClient, channel: str, user: str) -> bool | None:
    """Whether `user` is in `channel` (`conversations.members`, every page); None when Slack will not say."""
    cursor = None
    while True:
        try:
            page = client.conversations_members(channel=channel, cursor=cursor, limit=1000)
        except SlackApiError:
            return None
        if user in (page.get("members") or []):
            return True
        cursor = (page.get("response_metadata") or {}).get("next_cursor")
        if not cursor:
            return False


def home_view(
    core: Assistant, extra: Path | None, today: date | None = None, faq_status: str | None = None
) -> dict[str, Any]:
    """The Home tab's view for `views.publish`."""
    intro = _section(
        "Ask me which LLM your team should use: `/whichmodel QUESTION`, mention @whichmodel in a channel, "
        "or write to me here in Messages."
    )
    blocks = [_header("whichmodel"), intro, *settings_blocks(core, extra, today)]
    blocks += [{"type": "divider"}, *changes_blocks(core), {"type": "divider"}, *example_blocks(core)]
    blocks += [{"type": "divider"}, *faq_blocks(faq_status)]
    return {"type": "home", "blocks": blocks[-100:] if len(blocks) > 100 else blocks}


def faq_pressed(faq: SlackFaq, body: dict[str, Any], action: dict[str, Any], client: WebClient) -> str:
    """A press on Turn on / Turn off: the channel member's switch, or why not, as the line the Home tab shows."""
    channel, user = picked_channel(body.get("view") or {}), (body.get("user") or {}).get("id", "")
    if not channel:
        return PICK_FIRST_TEXT
    if is_member(client, channel, user) is False:
        return NOT_A_MEMBER_TEXT.format(channel=escape(channel))
    on = str(action.get("action_id", "")).endswith("_on")
    team = (body.get("team") or {}).get("id", "")
    refused = faq.switch(Place("slack", team, channel), on, user, client)
    return refused or f"FAQ mode is {'on' if on else 'off'} in <#{escape(channel)}>."


def register_home(app: App, chat: Chat, extra: Path | None, faq: SlackFaq) -> None:
    """`app_home_opened` -> `views.publish`; the example buttons -> an answer in the user's DM with the app; the
    FAQ buttons -> FAQ mode on or off in the picked channel, for a member of it, and the tab published again."""

    def just_ack(ack: Any) -> None:
        ack()

    def on_opened(event: dict[str, Any], client: WebClient) -> None:
        if event.get("tab") != "home" or not event.get("user"):
            return
        client.views_publish(user_id=event["user"], view=home_view(chat.assistant, extra))

    def on_example(body: dict[str, Any], action: dict[str, Any], client: WebClient) -> None:
        team = (body.get("team") or {}).get("id", "")
        user = (body.get("user") or {}).get("id", "")
        opened = client.conversations_open(users=user)
        channel = (opened.get("channel") or {}).get("id") or user
        dm_key = f"slack:{team}:{channel}:dm"  # as a DM would: the user's next message there follows up
        text = str(action.get("value", ""))
        turn = Turn("slack", "home", user, team, text, follows=(), remember=(dm_key,))
        send = channel_sender(client, channel, None, user, dm=True)
        chat.run(turn, SlackReply(send, chat.state, question=text))

    def on_faq(body: dict[str, Any], action: dict[str, Any], client: WebClient) -> None:
        status = faq_pressed(faq, body, action, client)
        user = (body.get("user") or {}).get("id", "")
        client.views_publish(user_id=user, view=home_view(chat.assistant, extra, faq_status=status))

    app.event("app_home_opened")(ack=just_ack, lazy=[on_opened])
    app.action(re.compile(f"^{HOME_ACTION}_"))(ack=just_ack, lazy=[on_example])
    app.action(f"{HOME_FAQ}_channel")(just_ack)  # picking a channel only fills the view's state
    app.action(re.compile(f"^{HOME_FAQ}_o(n|ff)$"))(ack=just_ack, lazy=[on_faq])
