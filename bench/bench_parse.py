"""Benchmark: parse time per question, after the catalogue and the name index are loaded.

    python bench/bench_parse.py [--repeat 50]

Runs the dev questions (../shared/eval/dev-questions.jsonl, else tests/data/parse_cases.jsonl) `--repeat`
times through `bot.parse.pipeline.parse` and prints the median and p99 time per question, for the first pass
(per-word caches cold) and for all passes. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT.parent / "shared" / "eval" / "dev-questions.jsonl", ROOT / "tests" / "data" / "parse_cases.jsonl"]


def questions() -> tuple[Path, list[str]]:
    for path in SOURCES:
        if path.exists():
            return path, [json.loads(line)["q"] for line in path.read_text().splitlines() if line.strip()]
    raise SystemExit("no question file found")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=50)
    args = ap.parse_args()

    from bot.catalogue.store import current
    from bot.parse.model_names import name_index
    from bot.parse.pipeline import parse

    t0 = time.perf_counter()
    catalogue = current()
    t1 = time.perf_counter()
    name_index(catalogue)
    t2 = time.perf_counter()
    path, qs = questions()
    print(f"{len(qs)} questions from {path.name}, x{args.repeat}")
    print(f"catalogue load {1000 * (t1 - t0):.0f} ms, name index build {1000 * (t2 - t1):.0f} ms")

    first: list[float] = []
    every: list[float] = []
    for r in range(args.repeat):
        for q in qs:
            start = time.perf_counter()
            parse(q, catalogue)
            elapsed = time.perf_counter() - start
            every.append(elapsed)
            if r == 0:
                first.append(elapsed)
    for label, values in (("first pass", first), (f"all {args.repeat} passes", every)):
        print(
            f"{label:>16}: median {1000 * statistics.median(values):.3f} ms, "
            f"p99 {1000 * percentile(values, 99):.3f} ms, max {1000 * max(values):.3f} ms per question"
        )


if __name__ == "__main__":
    main()
