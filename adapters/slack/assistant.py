"""Slack's AI app surface: bolt's `Assistant` middleware. A new assistant thread gets suggested prompts computed
from the catalogue; a question there shows "is thinking…" (`assistant.threads.setStatus`), titles the thread
from the question (`setTitle`) and is answered through the shared chat turn, so follow-ups refine it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import Assistant as BoltAssistant
from slack_sdk import WebClient

from bot.assistant import Assistant
from bot.catalogue.store import Catalogue

log = logging.getLogger("whichmodel.slack")

MAX_TITLE = 80  # a thread title is a line in Slack's history list
MAX_PROMPTS = 4  # Slack shows up to four suggested prompts
STATUS_TEXT = "is thinking…"
COMMON_TASK = "coding"


def _newest_frontier(catalogue: Catalogue, count: int = 2) -> list[str]:
    """The `count` newest models among the twelve best scored overall (the frontier), newest first."""
    scored = []
    for model in catalogue.chat_models():
        score = catalogue.task_score(model, None).score
        if score is not None and model.release_date is not None:
            scored.append((score, model))
    top = sorted(scored, key=lambda sm: -sm[0])[:12]
    newest = sorted(top, key=lambda sm: sm[1].release_date, reverse=True)[:count]
    return [m.name for _, m in newest]


def suggested_prompts(core: Assistant) -> list[dict[str, str]]:
    """Prompts for a new thread, drawn from today's catalogue: the cheapest good model for a common task (named
    from the core's own answer), a comparison of the two newest frontier models, and two open questions."""
    prompts: list[dict[str, str]] = []
    try:
        cheapest = core.ask(f"cheapest good model for {COMMON_TASK}")
        if cheapest.rows and not cheapest.error:
            name = cheapest.rows[0].name
            title = f"Cheapest good for {COMMON_TASK}" + (f": {name}" if name else "")
            prompts.append({"title": title[:MAX_TITLE], "message": f"cheapest good model for {COMMON_TASK}"})
        newest = _newest_frontier(core.catalogue)
        if len(newest) == 2:
            prompts.append({"title": f"{newest[0]} vs {newest[1]}"[:MAX_TITLE], "message": f"{newest[0]} vs {newest[1]}"})
    except Exception:  # noqa: BLE001 - prompts are a courtesy: a thread still opens without them
        log.warning("slack: could not compute suggested prompts", exc_info=True)
    prompts.append({"title": "What changed?", "message": "what changed in the last refresh?"})
    prompts.append({"title": "What can you answer?", "message": "help"})
    return prompts[:MAX_PROMPTS]


def thread_title(question: str) -> str:
    """The assistant thread's title: the question, on one line, cut to `MAX_TITLE` characters."""
    text = " ".join(question.split())
    return text if len(text) <= MAX_TITLE else text[: MAX_TITLE - 1] + "…"


def build_assistant(core: Assistant, answer: Callable[[dict[str, Any], dict[str, Any], WebClient], None]) -> BoltAssistant:
    """The bolt Assistant: prompts on thread start; each user message acked at once and answered lazily by
    `answer(body, event, client)` (the chat turn) between setStatus and the reply."""
    assistant = BoltAssistant()

    def just_ack(ack: Any) -> None:
        ack()

    def on_started(set_suggested_prompts: Any) -> None:
        set_suggested_prompts(prompts=suggested_prompts(core), title="Ask which model to use")

    def on_message(body: dict[str, Any], event: dict[str, Any], client: WebClient, set_status: Any, set_title: Any) -> None:
        set_status(STATUS_TEXT)
        if not event.get("bot_id"):
            try:
                set_title(thread_title(event.get("text", "")))
            except Exception:  # noqa: BLE001 - the title is a courtesy
                log.warning("slack: could not set the assistant thread title", exc_info=True)
        answer(body, event, client)  # posting the reply clears the status

    assistant.thread_started(lazy=[on_started])(just_ack)
    assistant.user_message(lazy=[on_message])(just_ack)
    return assistant
