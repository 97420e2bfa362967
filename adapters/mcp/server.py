"""`whichmodel mcp`: the core served over the Model Context Protocol (official `mcp` SDK, MCPServer, stdio).

Four tools: `ask` takes a question in plain words; `compare`, `cost` and `recommend` take the parse contract's
fields as typed arguments (or a `question` instead). Each answers through the Assistant and returns the Answer
as Markdown and as JSON (also as structured content). An answer the bot would show only to the asker (an
unknown model, a refusal, help, an apology) comes back as a tool error carrying the bot's own sentence.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from typing import Annotated, Any

from mcp.server.mcpserver import MCPServer
from mcp.types import CallToolResult, TextContent, ToolAnnotations
from pydantic import Field

from adapters.mcp.fields import QUESTION, TOOL_FIELDS, query_from, signature, typed_given
from bot.assistant import Assistant
from bot.contract.answer import Answer
from bot.render import render
from bot.runtime.logs import configure_logging, log_question
from bot.runtime.settings import Settings

log = logging.getLogger("whichmodel.mcp")

INSTRUCTIONS = (
    "whichmodel tells you which LLM to use: the cost at a volume and input/output mix, per-provider prices, "
    "task scores, speed and latency, with a verdict and sources. Prices and scores carry their dates; "
    "'no data' means unknown, never zero."
)
DESCRIPTIONS = {
    "ask": "Answer a question about choosing an LLM, in plain words "
    "(e.g. 'cheapest for 50M tokens of classification', 'gpt-4.1 mini vs nano').",
    "compare": "Compare two or more named models: prices, cost at a volume, task scores, speed, and a verdict.",
    "cost": "The price of named models and their monthly cost at a volume and input/output mix.",
    "recommend": "Recommend models for a workload: the best, cheapest or best value under the given filters.",
}
READ_ONLY = ToolAnnotations(read_only_hint=True, destructive_hint=False, idempotent_hint=True, open_world_hint=False)


def result(answer: Answer) -> CallToolResult:
    """The Answer as an MCP tool result: Markdown and JSON; or a tool error, the bot's sentence first.

    An error keeps the whole answer as Markdown after the sentence (its suggestions, help's examples) and the
    Answer as structured content (its error id, for a report).
    """
    data = answer.to_json()
    markdown = render(answer, "markdown")
    if answer.error:
        blocks = [answer.verdict or answer.title, markdown]
    else:
        blocks = [markdown, json.dumps(data, indent=2)]
    content = [TextContent(type="text", text=text) for text in blocks]
    return CallToolResult(content=content, structured_content=data, is_error=answer.error)


def failure(sentence: str) -> CallToolResult:
    return CallToolResult(content=[TextContent(type="text", text=sentence)], is_error=True)


class Tools:
    """The tools' work, free of the SDK's registration: arguments in, CallToolResult out, each call logged."""

    def __init__(self, assistant: Assistant, log_questions: bool = False) -> None:
        self.assistant = assistant
        self.log_questions = log_questions

    def ask(self, question: str) -> CallToolResult:
        """Answer free text."""
        return self._answered("ask", question, lambda: self.assistant.ask(question))

    def typed(self, intent: str, arguments: dict[str, Any]) -> CallToolResult:
        """Answer a typed call, or its `question` when that is all it gives."""
        question = arguments.get(QUESTION)
        given = typed_given(arguments)
        if question and given:
            return failure(f"Give either `question` or the typed arguments ({', '.join(given)}), not both.")
        if question:
            return self._answered(intent, question, lambda: self.assistant.ask(question))
        if intent in ("compare", "cost") and not arguments.get("models"):
            return failure(f"Name the models to {intent} in `models`, or ask in words in `question`.")
        query = query_from(intent, arguments)
        return self._answered(intent, json.dumps(query.contract()), lambda: self.assistant.answer(query))

    def _answered(self, tool: str, text: str, work: Callable[[], Answer]) -> CallToolResult:
        started = time.monotonic()
        answer = work()
        log_question(f"mcp/{tool}", text, answer, time.monotonic() - started, log_text=self.log_questions)
        return result(answer)


def build_server(tools: Tools) -> MCPServer:
    """An MCPServer with the four tools registered."""
    server = MCPServer("whichmodel", instructions=INSTRUCTIONS)

    def ask(question: Annotated[str, Field(description="The question in plain words.")]) -> CallToolResult:
        return tools.ask(question)

    server.add_tool(ask, name="ask", description=DESCRIPTIONS["ask"], annotations=READ_ONLY)
    for intent, fields in TOOL_FIELDS.items():
        server.add_tool(
            _typed_tool(tools, intent, fields), name=intent, description=DESCRIPTIONS[intent], annotations=READ_ONLY
        )
    return server


def _typed_tool(tools: Tools, intent: str, fields: tuple[str, ...]) -> Callable[..., CallToolResult]:
    def tool(**arguments: Any) -> CallToolResult:
        return tools.typed(intent, arguments)

    tool.__name__ = intent
    tool.__signature__ = signature(fields).replace(return_annotation=CallToolResult)  # type: ignore[attr-defined]
    return tool


def serve(assistant: Assistant, settings: Settings) -> None:
    """Serve over stdio until the client closes the pipe; logs go to stderr as JSON lines (stdout is the protocol).

    The catalogue is loaded before the first request, so no call waits for it.
    """
    configure_logging(settings.log_level, settings.secrets())
    loaded = assistant.catalogue
    log.info(
        "catalogue loaded: %s, %d models, data as of %s",
        loaded.snapshot.label,
        len(loaded.models),
        loaded.snapshot.as_of,
    )
    build_server(Tools(assistant, settings.log_questions)).run("stdio")
