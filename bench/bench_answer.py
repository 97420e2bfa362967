"""Benchmark: parse + answer + render per question, cold start of `whichmodel ask`, resident memory.

    python bench/bench_answer.py [--repeat 20] [--cold 7]

Questions come from ../shared/eval/dev-questions.jsonl (or tests/data/parse_cases.jsonl without it).
Prints figures; asserts nothing (speed is measured here, not in timed tests).
"""

from __future__ import annotations

import argparse
import json
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
    exe = shutil.which("whichmodel") or f"{sys.executable} -m adapters.cli"
    walls, rss = [], []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(
            [
                sys.executable,
                "-c",
                "import resource, sys\nfrom adapters.cli import main\n"
                "try:\n    main(['ask', 'cheapest for 50M tokens of classification'])\nexcept SystemExit:\n    pass\n"
                "sys.stderr.write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        walls.append((time.perf_counter() - start) * 1000)
        rss.append(int(proc.stderr.strip().splitlines()[-1]) / 1024)
    start = time.perf_counter()
    subprocess.run([*exe.split(), "ask", "gpt-4.1 mini vs nano"], capture_output=True, check=True)
    script = (time.perf_counter() - start) * 1000
    return {
        "runs": runs,
        "median_ms": statistics.median(walls),
        "max_ms": max(walls),
        "console_script_ms": script,
        "rss_mb": statistics.median(rss),
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
    c = cold(args.cold)
    print(
        f"cold `whichmodel ask`: median {c['median_ms']:.0f} ms over {c['runs']} runs (max {c['max_ms']:.0f} ms), "
        f"console script {c['console_script_ms']:.0f} ms, RSS {c['rss_mb']:.0f} MB"
    )


if __name__ == "__main__":
    main()
