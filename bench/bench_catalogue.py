#!/usr/bin/env python3
"""Measure cold `import` + `load_catalogue()` in fresh subprocesses: median wall time and peak RSS.

    python bench/bench_catalogue.py [-n 7]

Two cases, each in N fresh interpreters: "cached" (the built-catalogue cache in the user cache dir is
warm, the normal case for every run after the first) and "rebuild" (WHICHMODEL_NO_CACHE=1: parse the
models.dev data and the knowledge files and group the offers). The cache dir is a temporary one, so the
user's own cache is left alone. Prints the figures; the aim is under 300 ms and 100 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

CHILD = r"""
import json, resource, time
t0 = time.perf_counter()
from bot.catalogue.store import load_catalogue
t1 = time.perf_counter()
cat = load_catalogue()
t2 = time.perf_counter()
rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"import": t1 - t0, "load": t2 - t1, "total": t2 - t0, "rss_mb": rss_kb / 1024,
                  "models": len(cat.models)}))
"""


def run(env: dict[str, str]) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure(n: int, env: dict[str, str]) -> dict[str, float]:
    runs = [run(env) for _ in range(n)]
    return {k: statistics.median(r[k] for r in runs) for k in ("import", "load", "total", "rss_mb")} | {
        "max_total": max(r["total"] for r in runs),
        "max_rss_mb": max(r["rss_mb"] for r in runs),
        "models": runs[0]["models"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=7, help="runs per case (default 7)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        base = {**os.environ, "WHICHMODEL_CACHE_DIR": cache}
        base.pop("WHICHMODEL_NO_CACHE", None)
        run(base)  # warm the built-catalogue cache
        cases = {"cached": measure(args.n, base), "rebuild": measure(args.n, {**base, "WHICHMODEL_NO_CACHE": "1"})}
    print(f"import + load_catalogue(), median of {args.n} fresh processes ({os.cpu_count()} CPUs)")
    for name, r in cases.items():
        print(
            f"  {name:8} total {r['total'] * 1000:6.0f} ms (import {r['import'] * 1000:4.0f} ms, load "
            f"{r['load'] * 1000:4.0f} ms; worst {r['max_total'] * 1000:4.0f} ms)   peak RSS {r['rss_mb']:5.1f} MB "
            f"(worst {r['max_rss_mb']:5.1f} MB)   {int(r['models'])} models"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
