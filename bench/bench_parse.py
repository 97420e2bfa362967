"""Benchmark: parse time per question, after the catalogue and the name index are loaded.

    python bench/bench_parse.py [--repeat 20] [--cases FILE ...]

Runs the dev questions (../shared/eval/dev-questions.jsonl) and every question set in tests/data (or the
`--cases` files) `--repeat` times through `bot.parse.pipeline.parse` and prints the median and p99 time per
question:

- wall clock, for the first pass (per-word caches cold) and for all passes;
- CPU time of the parsing thread (`time.thread_time`), which leaves out the time the thread waits for a core:
  on a shared machine the wall clock's p99 is mostly other processes' work;
- per question, the best of its repeats (the work the parse itself does, as `timeit` reports it).

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev-questions.jsonl"


def question_files(given: list[str]) -> list[Path]:
    if given:
        return [Path(p) for p in given]
    files = [DEV] if DEV.exists() else []
    return files + sorted((ROOT / "tests" / "data").glob("*cases*.jsonl"))


def questions(paths: list[Path]) -> list[str]:
    out: list[str] = []
    for path in paths:
        out += [json.loads(line)["q"] for line in path.read_text().splitlines() if line.strip()]
    if not out:
        raise SystemExit("no question file found")
    return out


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def line(label: str, values: list[float]) -> str:
    return (
        f"{label:>28}: median {1000 * statistics.median(values):.3f} ms, "
        f"p99 {1000 * percentile(values, 99):.3f} ms, max {1000 * max(values):.3f} ms"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--cases", nargs="*", default=[])
    args = ap.parse_args()

    from bot.catalogue.store import current
    from bot.parse.model_names import name_index
    from bot.parse.pipeline import parse

    t0 = time.perf_counter()
    catalogue = current()
    t1 = time.perf_counter()
    name_index(catalogue)
    t2 = time.perf_counter()
    paths = question_files(args.cases)
    qs = questions(paths)
    print(f"{len(qs)} questions from {', '.join(p.name for p in paths)}, x{args.repeat}")
    print(f"catalogue load {1000 * (t1 - t0):.0f} ms, name index build {1000 * (t2 - t1):.0f} ms")

    first: list[float] = []
    wall: list[float] = []
    cpu: list[float] = []
    best = [float("inf")] * len(qs)
    for r in range(args.repeat):
        for i, q in enumerate(qs):
            c0, w0 = time.thread_time(), time.perf_counter()
            parse(q, catalogue)
            w, c = time.perf_counter() - w0, time.thread_time() - c0
            wall.append(w)
            cpu.append(c)
            best[i] = min(best[i], c)
            if r == 0:
                first.append(w)
    print(line("wall, first pass", first))
    print(line(f"wall, all {args.repeat} passes", wall))
    print(line(f"cpu, all {args.repeat} passes", cpu))
    print(line("cpu, best of repeats", best))


if __name__ == "__main__":
    main()
