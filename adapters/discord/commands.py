"""The Discord slash commands: `/whichmodel question:` and `/compare model_a model_b [volume]`.

Both autocomplete model names (`adapters/discord/autocomplete.py`), both are installable on servers and on users'
own accounts, and usable in servers, in DMs with the bot and in group DMs (Discord's `integration_types` and
`contexts`). Each question is the client's chat turn (`WhichModelClient.on_slash`): help, refusals and errors go
only to the asker. A `/compare` volume that cannot be read is answered at once, only to the asker.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Optional

import discord
from discord import app_commands

from adapters.discord.autocomplete import MAX_CHOICE_TEXT, model_choices, name_choices, question_choices
from adapters.discord.faq import FAQ_DESCRIPTION, FaqOption, faq_choice
from bot.contract.vocab import MAX_QUESTION_CHARS

if TYPE_CHECKING:
    from adapters.discord.client import WhichModelClient

COMMAND = "whichmodel"
COMMAND_DESCRIPTION = "Which LLM should we use? Cost at your volume, trade-offs, a verdict and sources."
QUESTION_DESCRIPTION = "e.g. cheapest for 50M tokens of classification (leave empty for help)"
COMPARE = "compare"
COMPARE_DESCRIPTION = "Compare two models: monthly cost at your volume, scores, speed and a verdict."
# discord.py reads the command's annotations: an optional string option of 1 to 1,000 characters
QuestionOption = Optional[app_commands.Range[str, 1, MAX_QUESTION_CHARS]]  # noqa: UP045
ModelOption = app_commands.Range[str, 1, MAX_CHOICE_TEXT]
VolumeOption = Optional[app_commands.Range[str, 1, 40]]  # noqa: UP045
# "50M", "2.5 billion tokens", "500k tokens a week", "1,000,000 per day": an amount, then optionally a period
VOLUME = re.compile(
    r"\s*(?P<amount>\d[\d,_]*(?:\.\d+)?\s*(?:[kmbt]|thousand|million|billion|trillion)?)\s*(?:tok(?:en)?s?)?"
    r"\s*(?:(?:a|per|/|each)\s*(?P<period>day|week|month|mo|year|yr))?\s*",
    re.IGNORECASE,
)
PERIODS = {"mo": "month", "yr": "year"}


def bad_volume_text(volume: str) -> str:
    return (
        f"I could not read {discord.utils.escape_markdown(volume)!r} as a volume: give tokens a month, "
        "like 50M, 500k or 2.5B (or 5M a day), or leave it out for 10M a month."
    )


def compare_question(model_a: str, model_b: str, volume: str | None) -> str | None:
    """The question `/compare` asks the core ("a vs b at 50M tokens a month"); None when `volume` is unreadable."""
    question = f"{model_a.strip()} vs {model_b.strip()}"
    if not volume:
        return question
    match = VOLUME.fullmatch(volume)
    if match is None:
        return None
    period = (match["period"] or "month").lower()
    return f"{question} at {match['amount'].strip()} tokens a {PERIODS.get(period, period)}"


# every command: installable on servers and on users; usable in servers, the bot's DMs and group DMs
def _everywhere(command: Any) -> Any:
    command = app_commands.allowed_installs(guilds=True, users=True)(command)
    return app_commands.allowed_contexts(guilds=True, dms=True, private_channels=True)(command)


def autocomplete_index(client: WhichModelClient) -> Any:
    """The current catalogue's autocomplete index (built on first use, and again after a refresh swaps data)."""
    return client.chat.assistant.catalogue.index(name_choices)


def add_commands(client: WhichModelClient) -> None:
    """Add `/whichmodel` and `/compare` to the client's command tree."""

    def index() -> Any:
        return autocomplete_index(client)

    async def complete_question(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return [app_commands.Choice(name=n, value=v) for n, v in question_choices(index(), current)]

    async def complete_model(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return [app_commands.Choice(name=n, value=v) for n, v in model_choices(index(), current)]

    @app_commands.command(name=COMMAND, description=COMMAND_DESCRIPTION)
    @app_commands.describe(question=QUESTION_DESCRIPTION, faq=FAQ_DESCRIPTION)
    @app_commands.autocomplete(question=complete_question)
    async def whichmodel(
        interaction: discord.Interaction, question: QuestionOption = None, faq: FaqOption = None
    ) -> None:
        if (choice := faq_choice(faq, question)) is not None:
            return await client.faq.command(interaction, choice)
        await client.on_slash(interaction, (question or "").strip())

    @app_commands.command(name=COMPARE, description=COMPARE_DESCRIPTION)
    @app_commands.describe(
        model_a="a model, e.g. gpt-4.1-mini",
        model_b="the model to compare it with",
        volume="tokens a month, e.g. 50M (default 10M)",
    )
    @app_commands.autocomplete(model_a=complete_model, model_b=complete_model)
    async def compare(
        interaction: discord.Interaction, model_a: ModelOption, model_b: ModelOption, volume: VolumeOption = None
    ) -> None:
        question = compare_question(model_a, model_b, volume)
        if question is None:
            await interaction.response.send_message(bad_volume_text(volume or ""), ephemeral=True)
            return
        await client.on_slash(interaction, question)

    client.tree.add_command(_everywhere(whichmodel))
    client.tree.add_command(_everywhere(compare))
