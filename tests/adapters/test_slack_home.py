"""The Slack Home tab end to end: `app_home_opened` -> `views.publish` with the team's settings, what changed in the
last refresh and three example questions; a press on one answers it in the user's DM with the app."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fakeslack import Call, direct_message
from loopback import Server
from slackpayloads import home_opened
from test_slack_app import CLASSIFY, CannedCore, Harness, fake, logs, start, test_settings  # noqa: F401 - fixtures

from adapters.slack.assistant import suggested_prompts
from adapters.slack.blocks import escape, monospace_sections
from adapters.slack.home import HOME_ACTION, data_age
from bot.assistant import Assistant
from bot.catalogue import store as catalogue_mod
from bot.catalogue.offers import read_snapshot
from bot.catalogue.sources.models_dev import bundled_path
from bot.catalogue.store import Catalogue
from bot.contract.policy import BIG_CLOUDS, HOSTS
from bot.contract.query import Query
from bot.runtime.refresh import Refresher


def sections(call: Call) -> list[str]:
    return [b["text"]["text"] for b in call.params["view"]["blocks"] if b["type"] == "section"]


def example_buttons(call: Call) -> list[dict[str, Any]]:
    elements = [e for b in call.params["view"]["blocks"] if b["type"] == "actions" for e in b["elements"]]
    return [e for e in elements if e["action_id"].startswith(HOME_ACTION)]


def test_opening_the_home_tab_publishes_the_settings_what_changed_and_three_examples(
    start: Callable[..., Harness], fake: Any, catalogue: Catalogue, tmp_path: Path
) -> None:
    extra = tmp_path / "team-prices.yaml"
    extra.write_text("source: our Azure agreement\nas_of: 2026-11-01\noverrides: []\n")
    core = Assistant(catalogue)
    h = start(core=core, settings=test_settings(fake, extra=extra))
    assert h.event(home_opened()).status_code == 200
    (call,) = h.fake.wait_calls("api", "views.publish")
    assert call.params["user_id"] == "U0ANN" and call.params["view"]["type"] == "home"
    settings = next(s for s in sections(call) if s.startswith("*Providers that count:*"))
    assert all(f"`{p}`" in settings for p in BIG_CLOUDS + HOSTS)
    assert "*Team prices file:* `team-prices.yaml`" in settings
    assert f"*Data:* {escape(catalogue.snapshot.label)}; {data_age(catalogue.snapshot.as_of)}" in settings
    changed = core.answer(Query(intent="changes"))
    assert escape(changed.verdict or "") in sections(call)  # the core's own words, whatever the data
    buttons = example_buttons(call)
    expected = [p["message"] for p in suggested_prompts(core) if p["message"] != "help"][:3]
    assert len(buttons) == 3 and [b["value"] for b in buttons] == expected
    assert [b["action_id"] for b in buttons] == [f"{HOME_ACTION}_{i}" for i in range(3)]
    assert len(call.params["view"]["blocks"]) <= 100


def test_the_data_age_counts_days_and_says_when_there_is_no_date() -> None:
    assert data_age(date(2026, 11, 5), today=date(2026, 12, 2)) == "as of 2026-11-05, 27 days old"
    assert data_age(date(2026, 12, 1), today=date(2026, 12, 2)) == "as of 2026-12-01, 1 day old"
    assert data_age(None) == "no date"


def test_the_messages_tab_publishes_nothing(start: Callable[..., Harness]) -> None:
    h = start()
    h.event(home_opened(tab="messages"))
    h.event(home_opened(user="U0BOB"))  # the sentinel: processed after the first
    (call,) = h.fake.wait_calls("api", "views.publish")
    assert call.params["user_id"] == "U0BOB" and len(h.fake.find("api", "views.publish")) == 1


def test_an_example_button_answers_in_the_users_dm_and_a_follow_up_there_refines_it(
    start: Callable[..., Harness],
) -> None:
    h = start()
    h.click(f"{HOME_ACTION}_0", CLASSIFY, "home", message_ts="1700000010.000100")
    (opened,) = h.fake.wait_calls("api", "conversations.open")
    (post,) = h.fake.wait_calls("api", "chat.postMessage")
    assert opened.params["users"] == "U0ANN"
    assert post.params["channel"] == "D0ANN" and not post.params.get("thread_ts") and "table" in post.block_types
    assert h.core.asked == [(CLASSIFY, None)] and not h.fake.find("respond", "home")
    h.event(direct_message("what about 100M tokens?", "1700000011.000100"))
    h.fake.wait_calls("api", "chat.postMessage", count=2)
    assert h.core.asked[-1] == ("what about 100M tokens?", CannedCore.QUESTIONS[CLASSIFY.lower()])


@pytest.fixture()
def fresh(cache: Path) -> Iterator[None]:
    """A clean process catalogue (the refreshed one), restored after the test."""
    saved = catalogue_mod.swap(None)  # type: ignore[arg-type]
    catalogue_mod.configure(None)
    yield
    catalogue_mod.configure(None)
    catalogue_mod.swap(saved)  # type: ignore[arg-type]


def test_after_a_refresh_the_home_tab_shows_the_cores_table_of_price_changes(
    start: Callable[..., Harness], server: Server, fresh: None
) -> None:
    data = json.loads(read_snapshot(bundled_path()))
    data["openai"]["models"]["gpt-4.1-mini"]["cost"]["input"] = 0.35
    server.body = json.dumps(data).encode()
    assert Refresher(server.url, timeout=5).run_once().ok
    core = Assistant()  # the process catalogue: the refreshed one
    h = start(core=core)
    h.event(home_opened())
    (call,) = h.fake.wait_calls("api", "views.publish")
    expected = core.answer(Query(intent="changes"))
    assert not expected.error and "price changes" in (expected.verdict or "")
    assert escape(expected.verdict or "") in sections(call)
    shown = [b for b in call.params["view"]["blocks"] if b["type"] == "section" and "```" in b["text"]["text"]]
    assert shown == monospace_sections(expected.tables[0])[0]  # the core's table of changes, as it made it
