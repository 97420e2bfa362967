"""Discord's newer surfaces end to end through discord.py and the fake API: model-name autocomplete on `/whichmodel`
and `/compare`, `/compare` itself, ephemeral errors, and the thumbs up/down under every answer."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from fakediscord import APP_ID, BOT_ID, CHANNEL_ID, Bot, buttons, drive, embed_within_limits, running_bot, votes

from adapters.chat.feedback import THANKS_TEXT
from adapters.discord.autocomplete import model_choices, name_choices, question_choices
from adapters.discord.commands import bad_volume_text, compare_question
from bot.assistant import Assistant
from bot.catalogue.store import Catalogue
from bot.contract.query import Query
from bot.runtime.logs import digest

CLASSIFY = "cheapest for 50M tokens of classification"


def command(bot: Bot, name: str, options: list[dict[str, Any]], kind: int = 2) -> dict[str, Any]:
    """A slash command (kind 2) or an autocomplete request (kind 4) as the gateway delivers it."""
    payload = bot.interaction_payload(kind, {"id": "2", "name": name, "type": 1, "options": options})
    bot.client._connection.parse_interaction_create(payload)
    return payload


def option(name: str, value: str, focused: bool = False) -> dict[str, Any]:
    return {"name": name, "type": 3, "value": value, **({"focused": True} if focused else {})}


async def callback(bot: Bot, payload: dict[str, Any]) -> Any:
    [call] = await bot.wait_calls("POST", f"/interactions/{payload['id']}/{payload['token']}/callback")
    return call


def test_compare_model_autocomplete_answers_with_up_to_25_fuzzy_choices(catalogue: Catalogue) -> None:
    async def scenario() -> None:
        async with running_bot(catalogue) as bot:
            payload = command(bot, "compare", [option("model_a", "gpt-4.1 mi", focused=True)], kind=4)
            call = await callback(bot, payload)
            assert call.body["type"] == 8  # APPLICATION_COMMAND_AUTOCOMPLETE_RESULT
            choices = call.body["data"]["choices"]
            index = catalogue.index(name_choices)
            assert choices == [{"name": n, "value": v} for n, v in model_choices(index, "gpt-4.1 mi")]
            assert choices[0]["value"] == "gpt-4.1-mini" and 1 <= len(choices) <= 25
            assert all(len(c["name"]) <= 100 and len(c["value"]) <= 100 for c in choices)
            typo = command(bot, "compare", [option("model_b", "cluade opus", focused=True)], kind=4)
            values = [c["value"] for c in (await callback(bot, typo)).body["data"]["choices"]]
            assert values and all("claude" in v and "opus" in v for v in values[:5])  # a misspelling still finds it

    drive(scenario)


def test_whichmodel_autocomplete_completes_the_questions_last_words_to_a_model(catalogue: Catalogue) -> None:
    async def scenario() -> None:
        async with running_bot(catalogue) as bot:
            typed = "tell me about gpt-4.1 mi"
            payload = command(bot, "whichmodel", [option("question", typed, focused=True)], kind=4)
            choices = (await callback(bot, payload)).body["data"]["choices"]
            assert [c["value"] for c in choices] == ["tell me about gpt-4.1-mini"]
            plain = command(bot, "whichmodel", [option("question", "cheapest for", focused=True)], kind=4)
            assert (await callback(bot, plain)).body["data"]["choices"] == []  # no model named: no choices

    drive(scenario)


def test_choices_are_the_newest_models_before_anything_is_typed_and_never_more_than_25(
    catalogue: Catalogue,
) -> None:
    index = catalogue.index(name_choices)
    newest = model_choices(index, "")
    assert len(newest) == 25 and [v for _, v in newest] == index.newest[:25]
    for typed in ("g", "gpt", "claude", "llama 3", "x" * 150):
        assert len(model_choices(index, typed)) <= 25
    assert question_choices(index, "a" * 95 + " gpt-4.1") == []  # a choice's value is at most 100 characters


def test_compare_asks_the_two_models_at_the_volume_and_answers_in_the_channel(catalogue: Catalogue) -> None:
    async def scenario() -> None:
        async with running_bot(catalogue) as bot:
            asked = "gpt-4.1-mini vs gpt-4.1-nano at 50M tokens a month"
            bot.core.canned[asked] = Query(
                intent="compare", models=["gpt-4.1-mini", "gpt-4.1-nano"], tokens_per_month=5e7
            )
            opts = [option("model_a", "gpt-4.1-mini"), option("model_b", "gpt-4.1-nano"), option("volume", "50M")]
            payload = command(bot, "compare", opts)
            [followup] = await bot.wait_calls("POST", f"/webhooks/{APP_ID}/{payload['token']}")
            assert bot.core.asked == [(asked, None)]
            assert (await callback(bot, payload)).body["type"] == 5  # deferred, public
            assert not (followup.body.get("flags") or 0) & 64
            [embed] = followup.body["embeds"]
            embed_within_limits(embed)
            assert embed["title"] == bot.core.answers[-1].title and "gpt-4.1-nano" in str(embed)

    drive(scenario)


@pytest.mark.parametrize(
    ("volume", "per_month"),
    [(None, None), ("50M", 5e7), ("500k tokens a week", 5e5 * 52 / 12), ("5M per day", 1.5e8), ("2.5B/yr", 2.5e9 / 12)],
)
def test_the_compare_question_is_one_the_core_reads_at_that_volume(
    catalogue: Catalogue, volume: str | None, per_month: float | None
) -> None:
    question = compare_question("gpt-4.1-mini", "gpt-4.1-nano", volume)
    assert question is not None
    answer = Assistant(catalogue).ask_strict(question)
    assert answer.intent == "compare" and answer.query.models == ["gpt-4.1-mini", "gpt-4.1-nano"]
    assert answer.query.tokens_per_month == pytest.approx(per_month) if per_month else not answer.query.tokens_per_month


@pytest.mark.parametrize("volume", ["lots", "50M per fortnight"])
def test_a_compare_volume_that_cannot_be_read_is_a_sentence_only_to_the_asker(
    catalogue: Catalogue, volume: str
) -> None:
    async def scenario() -> None:
        async with running_bot(catalogue) as bot:
            opts = [option("model_a", "gpt-4.1-mini"), option("model_b", "gpt-4.1-nano"), option("volume", volume)]
            payload = command(bot, "compare", opts)
            call = await callback(bot, payload)
            assert call.body["type"] == 4 and call.body["data"]["flags"] & 64  # a message only the asker sees
            assert call.body["data"]["content"] == bad_volume_text(volume)
            assert bot.core.asked == []

    drive(scenario)


def test_every_answer_has_thumbs_and_a_press_is_logged_and_thanked_only_to_the_voter(
    catalogue: Catalogue, caplog: pytest.LogCaptureFixture
) -> None:
    async def scenario() -> None:
        async with running_bot(catalogue) as bot:
            payload = bot.slash(CLASSIFY)
            [followup] = await bot.wait_calls("POST", f"/webhooks/{APP_ID}/{payload['token']}")
            up, down = votes(followup.body)
            assert (up["emoji"]["name"], down["emoji"]["name"]) == ("👍", "👎") and buttons(followup.body)
            assert up["custom_id"].split(":")[3:] == [digest(CLASSIFY), "recommend"]
            message = {**followup.response, "components": followup.body["components"]}
            press = bot.interaction_payload(3, {"custom_id": down["custom_id"], "component_type": 2}, message=message)
            bot.fake.component_messages[press["token"]] = message
            bot.client._connection.parse_interaction_create(press)
            thanks = await callback(bot, press)
            assert thanks.body["type"] == 4 and thanks.body["data"]["flags"] & 64
            assert thanks.body["data"]["content"] == THANKS_TEXT
            [line] = [r for r in caplog.records if getattr(r, "fields", {}).get("event") == "feedback"]
            assert line.fields == {  # type: ignore[attr-defined]
                "event": "feedback",
                "platform": "discord",
                "vote": "down",
                "answer_id": down["custom_id"].split(":")[2],
                "question_sha": digest(CLASSIFY),
                "intent": "recommend",
                "user_sha": digest(str(press["member"]["user"]["id"])),
            }
            bot.send_message(f"<@{BOT_ID}> {CLASSIFY}")  # a mention's answer has them too
            [reply] = await bot.wait_calls("POST", f"/channels/{CHANNEL_ID}/messages")
            assert [v["custom_id"].split(":")[3] for v in votes(reply.body)] == [digest(CLASSIFY)] * 2
            help_payload = bot.slash("help")
            [help_answer] = await bot.wait_calls("POST", f"/webhooks/{APP_ID}/{help_payload['token']}")
            assert votes(help_answer.body) == []  # nothing to judge in help

    with caplog.at_level(logging.INFO, logger="whichmodel.questions"):
        drive(scenario)
