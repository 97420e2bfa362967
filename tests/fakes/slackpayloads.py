"""Slack-shaped requests for the Home tab and the message shortcut: `app_home_opened` events and `message_action`
payloads, as Slack sends them to an app (sign and post them with `fakeslack.sign`)."""

from __future__ import annotations

import json
import time
from typing import Any
from urllib.parse import urlencode

from fakeslack import APP_ID, TEAM


def message_shortcut_body(
    text: str,
    response_url: str,
    message_ts: str,
    thread_ts: str | None = None,
    user: str = "U0ANN",
    channel: str = "C0GENERAL",
    callback_id: str = "whichmodel_ask_message",
) -> tuple[bytes, str]:
    """A message shortcut (message_action) as Slack posts it: form-encoded, the JSON in a `payload` field."""
    message: dict[str, Any] = {"type": "message", "user": "U0BOB", "ts": message_ts, "text": text}
    if thread_ts:
        message["thread_ts"] = thread_ts
    payload = {
        "type": "message_action",
        "token": "legacy-verification-token",
        "action_ts": f"{time.time():.6f}",
        "team": {"id": TEAM, "domain": "fake"},
        "user": {"id": user, "username": "ann", "team_id": TEAM, "name": "ann"},
        "channel": {"id": channel, "name": "general"},
        "is_enterprise_install": False,
        "enterprise": None,
        "callback_id": callback_id,
        "trigger_id": "1234.5678.abcdef",
        "response_url": response_url,
        "message_ts": message_ts,
        "message": message,
    }
    return urlencode({"payload": json.dumps(payload)}).encode(), "application/x-www-form-urlencoded"


def home_opened(user: str = "U0ANN", tab: str = "home") -> dict[str, Any]:
    """The `app_home_opened` event for `user` opening the app's `tab` ("home" or "messages")."""
    return {"type": "app_home_opened", "user": user, "channel": "D" + user[1:], "tab": tab, "event_ts": "1.000100"}


def home_button_body(action_id: str, picked: dict[str, dict[str, Any]], user: str = "U0ANN") -> tuple[bytes, str]:
    """A button press in the app's Home tab (block_actions from a view): `picked` is the view's state values,
    block id -> action id -> the element's value, as Slack sends what the user chose in the view."""
    payload = {
        "type": "block_actions",
        "token": "legacy-verification-token",
        "team": {"id": TEAM, "domain": "fake"},
        "user": {"id": user, "username": "ann", "team_id": TEAM, "name": "ann"},
        "api_app_id": APP_ID,
        "trigger_id": "1234.5678.abcdef",
        "container": {"type": "view", "view_id": "V0HOME"},
        "view": {"id": "V0HOME", "type": "home", "state": {"values": picked}},
        "actions": [
            {"type": "button", "action_id": action_id, "block_id": "whichmodel_home_faq", "action_ts": "1.000200"}
        ],
    }
    return urlencode({"payload": json.dumps(payload)}).encode(), "application/x-www-form-urlencoded"
