"""Benchmark: parse + answer + render per question, cold start of `whichmodel ask`, resident memory.

    python bench/bench_answer.py [--repeat 20] [--cold 7]

Questions come from ../shared/eval/dev-questions.jsonl (or tests/data/parse_cases.jsonl without it).
Prints figures; asserts nothing (speed is measured here, not in timed tests).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT.parent / "shared" / "eval" / "dev-questions.jsonl", ROOT / "tests" / "data" / "parse_cases.jsonl"]


def questions() -> list[str]:
    for path in SOURCES:
        if path.exists():
            return [json.loads(line)["q"] for line in path.read_text().splitlines() if line.strip()]
    raise SystemExit("no question file found")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def warm(repeat: int) -> dict[str, float]:
    from bot.assistant import ask
    from bot.catalogue.store import current
    from bot.render import render

    catalogue = current()
    qs = questions()
    for q in qs:  # warm caches (task scores, indexes)
        render(ask(q, catalogue=catalogue), "text")
    times = []
    for _ in range(repeat):
        for q in qs:
            start = time.perf_counter()
            render(ask(q, catalogue=catalogue), "text")
            times.append((time.perf_counter() - start) * 1000)
    return {
        "questions": len(qs) * repeat,
        "median_ms": statistics.median(times),
        "p99_ms": percentile(times, 99),
        "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def cold(runs: int) -> dict[str, float]:
    """The console script `whichmodel ask` run `runs` times, as a user runs it: bytecode compiled, cache warm.

    Each run is a new process (wall time, its CPU time and its peak resident memory, from `wait4`). An
    environment with PYTHONDONTWRITEBYTECODE set would recompile every module on every start, which no
    installed package does, so the runs drop it after one `compileall`.
    """
    exe = shutil.which("whichmodel")
    command = [exe] if exe else [sys.executable, "-m", "adapters.cli"]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "bot"), str(ROOT / "adapters")], env=env)
    subprocess.run([*command, "ask", "warm the build cache"], env=env, capture_output=True, check=True)
    walls, cpus, rss = [], [], []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(
            [*command, "ask", "cheapest for 50M tokens of classification"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _, status, usage = os.wait4(proc.pid, 0)
        walls.append((time.perf_counter() - start) * 1000)
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit("whichmodel ask failed")
        cpus.append((usage.ru_utime + usage.ru_stime) * 1000)
        rss.append(usage.ru_maxrss / 1024)
    return {
        "runs": runs,
        "median_ms": statistics.median(walls),
        "min_ms": min(walls),
        "cpu_ms": statistics.median(cpus),
        "rss_mb": max(rss),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--cold", type=int, default=7)
    args = ap.parse_args()
    w = warm(args.repeat)
    print(
        f"warm: {w['questions']} questions, parse+answer+render median {w['median_ms']:.2f} ms, "
        f"p99 {w['p99_ms']:.2f} ms, max RSS {w['max_rss_mb']:.0f} MB"
    )
    if args.cold < 1:
        return
    c = cold(args.cold)
    print(
        f"cold `whichmodel ask`: median {c['median_ms']:.0f} ms over {c['runs']} runs (min {c['min_ms']:.0f} ms), "
        f"CPU {c['cpu_ms']:.0f} ms, peak RSS {c['rss_mb']:.0f} MB"
    )


if __name__ == "__main__":
    main()
