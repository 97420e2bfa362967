"""Benchmark: drawing the cost-vs-score PNG, and `whichmodel mcp` start-up and tool-call round trips over stdio.

    python bench/bench_chart_mcp.py [--repeat 10]

Needs the `chart` and `mcp` extras. Prints figures; asserts nothing (speed is measured here, not in timed tests).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = ["gpt-4.1 mini vs nano", "cheapest for 50M tokens of classification", "list models with tool calling"]


def chart_times(repeat: int) -> None:
    from bot.assistant import Assistant
    from bot.render.chart import scatter

    assistant = Assistant()
    started = time.perf_counter()
    scatter(assistant.ask(QUESTIONS[0]))
    print(f"first chart (imports matplotlib): {1000 * (time.perf_counter() - started):.0f} ms")
    for question in QUESTIONS:
        answer = assistant.ask(question)
        times, size = [], 0
        for _ in range(repeat):
            started = time.perf_counter()
            size = len(scatter(answer).png or b"")
            times.append(time.perf_counter() - started)
        print(f"chart {question!r}: median {1000 * statistics.median(times):.0f} ms, {size / 1024:.0f} KiB")


async def mcp_times(repeat: int) -> None:
    from mcp import ClientSession, StdioServerParameters, stdio_client

    params = StdioServerParameters(command=sys.executable, args=["-m", "adapters.cli", "mcp"], cwd=str(ROOT))
    started = time.perf_counter()
    with open("/dev/null", "w") as errlog:
        async with stdio_client(params, errlog=errlog) as (read, write):
            async with ClientSession(read, write) as session:
                await session.initialize()
                print(f"mcp start to initialized: {1000 * (time.perf_counter() - started):.0f} ms")
                for name, arguments in [
                    ("ask", {"question": QUESTIONS[1]}),
                    ("recommend", {"task": "classification", "sort_by": "cost", "tokens_per_month": 5e7}),
                ]:
                    times = []
                    for _ in range(repeat):
                        started = time.perf_counter()
                        await session.call_tool(name, arguments)
                        times.append(time.perf_counter() - started)
                    print(f"mcp {name}: median {1000 * statistics.median(times):.1f} ms a call")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    chart_times(args.repeat)
    asyncio.run(mcp_times(args.repeat))


if __name__ == "__main__":
    main()
