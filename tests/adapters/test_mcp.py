"""`whichmodel mcp` started as a subprocess and driven over stdio by the MCP SDK's own client."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

from mcp import ClientSession, StdioServerParameters, stdio_client
from mcp.types import CallToolResult

from bot.assistant import Assistant
from bot.catalogue.store import Catalogue
from bot.contract.query import Query
from bot.contract.vocab import TASKS

ROOT = Path(__file__).resolve().parents[2]
RECOMMENDATION = "cheapest for 50M tokens of classification"
COMPARISON = "gpt-4.1 mini vs nano"
PRICE_FIELDS = ("model", "provider", "input_price", "output_price", "cache_read_price", "monthly_cost", "costs_at")

T = TypeVar("T")


def env(tmp_path: Path) -> dict[str, str]:
    """The shipped data only (an empty cache), no refresh, and this checkout first on the path."""
    return {**os.environ, "WHICHMODEL_CACHE_DIR": str(tmp_path / "cache"), "WHICHMODEL_REFRESH_ENABLED": "0"}


def with_server(tmp_path: Path, work: Callable[[ClientSession], Awaitable[T]]) -> T:
    """Start `whichmodel mcp`, initialize a client session over its stdio, run `work`, close the pipe."""
    params = StdioServerParameters(
        command=sys.executable, args=["-m", "adapters.cli", "mcp"], cwd=str(ROOT), env=env(tmp_path)
    )

    async def run() -> T:
        with open(tmp_path / "server.log", "w") as errlog:
            async with stdio_client(params, errlog=errlog) as (read, write):
                async with ClientSession(read, write, read_timeout_seconds=60) as session:
                    await session.initialize()
                    return await work(session)

    return asyncio.run(run())


def calls(tmp_path: Path, *requests: tuple[str, dict[str, Any]]) -> list[CallToolResult]:
    async def work(session: ClientSession) -> list[CallToolResult]:
        return [await session.call_tool(name, arguments) for name, arguments in requests]  # type: ignore[misc]

    return with_server(tmp_path, work)


def ask_json(tmp_path: Path, question: str) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-m", "adapters.cli", "ask", "--json", question],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env=env(tmp_path),
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def prices(answer: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [tuple(json.dumps(row[f]) for f in PRICE_FIELDS) for row in answer["rows"]]


def texts(result: CallToolResult) -> list[str]:
    return [block.text for block in result.content]  # type: ignore[union-attr]


def test_lists_ask_compare_cost_and_recommend_with_the_contracts_typed_arguments(tmp_path: Path) -> None:
    async def work(session: ClientSession) -> Any:
        return (await session.list_tools()).tools

    tools = {tool.name: tool for tool in with_server(tmp_path, work)}
    assert set(tools) == {"ask", "compare", "cost", "recommend"}
    assert tools["ask"].input_schema["required"] == ["question"]
    for name in ("compare", "cost", "recommend"):
        schema = tools[name].input_schema["properties"]
        assert "question" in schema
        assert set(schema) - {"question"} <= set(Query.model_fields)
        assert tools[name].annotations is not None and tools[name].annotations.read_only_hint
    recommend = tools["recommend"].input_schema["properties"]
    task_enum = next(arm["enum"] for arm in recommend["task"]["anyOf"] if "enum" in arm)
    assert tuple(task_enum) == TASKS
    assert {"sort_by", "capabilities", "max_monthly_cost", "region"} <= set(recommend)
    assert "models" in tools["compare"].input_schema["properties"]
    assert recommend["input_share"]["anyOf"][0] == {"maximum": 1, "minimum": 0, "type": "number"}


def test_each_tool_returns_the_answer_as_markdown_and_as_json(tmp_path: Path) -> None:
    requests = [
        ("ask", {"question": COMPARISON}),
        ("compare", {"models": ["gpt-4.1-mini", "gpt-4.1-nano"], "tokens_per_month": 20_000_000}),
        ("cost", {"models": ["claude sonnet 4.5"], "tokens_per_month": 20_000_000, "input_share": 0.75}),
        ("recommend", {"task": "coding", "sort_by": "quality", "limit": 3}),
        ("recommend", {"question": RECOMMENDATION}),
    ]
    for (name, _), result in zip(requests, calls(tmp_path, *requests), strict=True):
        markdown, as_json = texts(result)
        assert not result.is_error, markdown
        assert markdown.startswith("### ")
        assert json.loads(as_json) == result.structured_content
        assert result.structured_content["rows"], name


def test_typed_and_free_text_answers_carry_the_same_prices_as_ask_json(tmp_path: Path) -> None:
    recommended, compared, asked = calls(
        tmp_path,
        ("recommend", {"task": "classification", "sort_by": "cost", "tokens_per_month": 50_000_000}),
        ("compare", {"models": ["gpt-4.1-mini", "gpt-4.1-nano"]}),
        ("ask", {"question": RECOMMENDATION}),
    )
    cli_recommendation = ask_json(tmp_path, RECOMMENDATION)
    assert cli_recommendation["rows"]
    assert prices(recommended.structured_content) == prices(cli_recommendation)
    assert prices(asked.structured_content) == prices(cli_recommendation)
    assert asked.structured_content["verdict"] == cli_recommendation["verdict"]
    assert prices(compared.structured_content) == prices(ask_json(tmp_path, COMPARISON))


def test_an_unknown_model_is_a_tool_error_with_the_bots_did_you_mean(tmp_path: Path, catalogue: Catalogue) -> None:
    typed, asked = calls(
        tmp_path,
        ("cost", {"models": ["gpt-foo-9000"]}),
        ("ask", {"question": "how much is claude-sonet-9"}),
    )
    core = Assistant(catalogue)
    expected = core.answer(Query(intent="cost", models=["gpt-foo-9000"])).verdict
    assert typed.is_error and texts(typed)[0] == expected
    assert "did you mean" in expected and "gpt-foo-9000" in expected
    assert asked.is_error and texts(asked)[0] == core.ask("how much is claude-sonet-9").verdict
    assert "did you mean" in texts(asked)[0]


def test_help_and_off_topic_questions_are_tool_errors_with_the_bots_sentence(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    questions = ["hello", "write me a poem about the sea", "x" * 1500]
    results = calls(tmp_path, *(("ask", {"question": q}) for q in questions))
    core = Assistant(catalogue)
    for question, result in zip(questions, results, strict=True):
        answer = core.ask(question)
        assert answer.error and answer.verdict
        assert result.is_error and texts(result)[0] == answer.verdict
        assert result.structured_content["intent"] == answer.intent


def test_bad_arguments_are_tool_errors_that_name_the_problem(tmp_path: Path) -> None:
    cases = [
        ("cost", {}, "Name the models to cost"),
        ("recommend", {"question": RECOMMENDATION, "task": "coding"}, "not both"),
        ("recommend", {"task": "cooking"}, "task"),
        ("cost", {"models": ["gpt-4.1"], "input_share": 3}, "input_share"),
    ]
    results = calls(tmp_path, *((name, arguments) for name, arguments, _ in cases))
    for (name, arguments, words), result in zip(cases, results, strict=True):
        assert result.is_error, (name, arguments)
        assert words in texts(result)[0], texts(result)
