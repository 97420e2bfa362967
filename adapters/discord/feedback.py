"""Thumbs up / down under a Discord answer: two buttons whose custom_ids carry the whole vote
(`adapters/chat/feedback.py`), so a press needs no state and keeps working across restarts. A press is one JSON
log line and a thank-you only the voter sees."""

from __future__ import annotations

import re

import discord

from adapters.chat.feedback import THANKS_TEXT, feedback_tokens, log_feedback, parse_feedback
from bot.contract.answer import Answer

FEEDBACK_TEMPLATE = r"fb:[ud]:[A-Za-z0-9_-]{8,16}:[0-9a-f]{12}:[a-z_]{1,24}"  # what `feedback_tokens` makes
FEEDBACK_ROW = 4  # the last of a message's five rows: apart from the answer's own buttons
VOTE_LABELS = {"up": ("👍", "Good answer"), "down": ("👎", "Bad answer")}


class FeedbackButton(discord.ui.DynamicItem[discord.ui.Button], template=FEEDBACK_TEMPLATE):  # type: ignore[call-arg,misc]
    """One vote button, rebuilt from its custom_id on every press."""

    def __init__(self, custom_id: str) -> None:
        feedback = parse_feedback(custom_id)
        emoji, label = VOTE_LABELS[feedback.vote if feedback is not None else "up"]
        button: discord.ui.Button[discord.ui.View] = discord.ui.Button(
            emoji=emoji, label=label, style=discord.ButtonStyle.secondary, custom_id=custom_id, row=FEEDBACK_ROW
        )
        super().__init__(button)
        self.feedback = feedback

    @classmethod
    async def from_custom_id(  # type: ignore[override]
        cls, interaction: discord.Interaction, item: discord.ui.Button, match: re.Match[str], /
    ) -> FeedbackButton:
        return cls(match.group(0))

    async def callback(self, interaction: discord.Interaction) -> None:  # type: ignore[override]
        if self.feedback is None:
            return
        log_feedback("discord", self.feedback, str(interaction.user.id))
        await interaction.response.send_message(THANKS_TEXT, ephemeral=True)


def feedback_buttons(question: str | None, answer: Answer) -> list[FeedbackButton]:
    """The two vote buttons for `answer` to `question` (none for errors and help, or without a question)."""
    tokens = feedback_tokens(question, answer) if question is not None else None
    return [FeedbackButton(token) for token in tokens] if tokens else []
