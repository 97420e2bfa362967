"""Benchmark: Discord model-name autocomplete, per keystroke (the target is under 5 ms).

    python bench/bench_autocomplete.py [--models 80] [--questions 40]

Types, one character at a time, the ids of `--models` catalogue models (plus a misspelt copy of each) into a model
option (`/compare`), and `--questions` questions from tests/data/parse_cases.jsonl into `/whichmodel question:`;
each keystroke is the choices for the text so far, as the callback builds them (discord.py `Choice` objects
included). Prints the index build time and p50 / p99 / max per keystroke, by the wall clock and by CPU time;
asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = ROOT / "tests" / "data" / "parse_cases.jsonl"


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def misspelt(text: str, rng: random.Random) -> str:
    """`text` with two neighbouring letters swapped (a common typo)."""
    if len(text) < 4:
        return text
    i = rng.randrange(1, len(text) - 2)
    return text[:i] + text[i + 1] + text[i] + text[i + 2 :]


def keystrokes(texts: list[str], complete: Callable[[str], object]) -> tuple[list[float], list[float]]:
    """Milliseconds per keystroke, wall clock and this thread's CPU time: `complete(prefix)` for every prefix of
    every text. On a shared machine the wall clock's tail is mostly other processes; the CPU time is ours."""
    wall, cpu = [], []
    for text in texts:
        for end in range(1, len(text) + 1):
            start, start_cpu = time.perf_counter(), time.thread_time()
            complete(text[:end])
            cpu.append(1000 * (time.thread_time() - start_cpu))
            wall.append(1000 * (time.perf_counter() - start))
    return wall, cpu


def report(name: str, times: tuple[list[float], list[float]]) -> None:
    for clock, values in zip(("wall", "cpu"), times):
        print(
            f"{name:<16} {clock:<4} {len(values):>6} keystrokes  p50 {statistics.median(values):.3f} ms  "
            f"p99 {percentile(values, 99):.3f} ms  max {max(values):.3f} ms"
        )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--models", type=int, default=80)
    ap.add_argument("--questions", type=int, default=40)
    args = ap.parse_args()

    from discord import app_commands

    from adapters.discord.autocomplete import model_choices, name_choices, question_choices
    from bot.assistant import load

    catalogue = load()
    t0 = time.perf_counter()
    index = catalogue.index(name_choices)
    print(
        f"autocomplete index: {len(index.keys)} names of {len(index.newest)} models, built in "
        f"{1000 * (time.perf_counter() - t0):.1f} ms"
    )

    rng = random.Random(16)
    ids = rng.sample(index.newest, min(args.models, len(index.newest)))
    typed_ids = ids + [misspelt(i, rng) for i in ids]
    lines = [json.loads(line)["q"] for line in QUESTIONS.read_text().splitlines() if line.strip()]
    questions = rng.sample(lines, min(args.questions, len(lines)))

    def model(text: str) -> object:
        return [app_commands.Choice(name=n, value=v) for n, v in model_choices(index, text)]

    def question(text: str) -> object:
        return [app_commands.Choice(name=n, value=v) for n, v in question_choices(index, text)]

    keystrokes(typed_ids[:5], model)  # warm the per-word caches once, as the first keystrokes of a session do
    report("model option", keystrokes(typed_ids, model))
    report("question option", keystrokes(questions, question))


if __name__ == "__main__":
    main()
