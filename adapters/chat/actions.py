"""The buttons under an answer, for every platform: each `Answer.action` (show more, compare the top 2, best
quality or cheapest instead) becomes a `Button` whose id is a short key into the state store.

The core decides which actions an answer offers (`bot/intents/actions.py`); this module only stores them and
names them for a renderer. Pressing a button is a chat turn with `Turn.action` set to the id: the turn looks the
query up and answers `Assistant.answer(query, offset)`.
"""

from __future__ import annotations

from dataclasses import dataclass

from adapters.chat.state import ChatState
from bot.contract.answer import Action, Answer


@dataclass(frozen=True)
class Button:
    """A button to draw: its kind ("more", "compare", "refine"), its label, and the short id it carries."""

    kind: str
    label: str
    action_id: str


def shown_action(action: Action, answer: Answer, shown_rows: int | None) -> Action:
    """`action`, with "more" continuing after the rows the platform could show (a table cut at Slack's 100 rows
    continues at row 100, not after the rows it left out)."""
    if action.kind != "more" or shown_rows is None or shown_rows >= len(answer.rows):
        return action
    return action.model_copy(update={"offset": answer.offset + max(shown_rows, 0)})


def answer_buttons(
    answer: Answer, state: ChatState | None, shown_rows: int | None = None, kinds: tuple[str, ...] | None = None
) -> list[Button]:
    """The answer's actions as buttons, each stored in `state` (no state: no buttons). `kinds` keeps only those."""
    if state is None or answer.error:
        return []
    buttons = []
    for action in answer.actions:
        if kinds is not None and action.kind not in kinds:
            continue
        shown = shown_action(action, answer, shown_rows)
        buttons.append(Button(shown.kind, shown.label, state.save_action(shown.query, shown.offset)))
    return buttons
