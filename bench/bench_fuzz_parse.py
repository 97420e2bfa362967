"""Fuzz: parse 10,000 generated questions (random text, odd numbers, question words) and count exceptions.

    python bench/bench_fuzz_parse.py [--n 10000] [--seed 13]

Prints how many questions raised and the CPU time per parse (median, p99, slowest); asserts nothing. Deterministic for a seed.
"""

from __future__ import annotations

import argparse
import random
import string
import time

WORDS = (
    "cheapest best model for tokens a day per second month $ 5M -5M 0 1e308 9e999 input output in out / : % cache hits "
    "batch EU US gpt-4o claude sonnet 4.5 requests calls each context 128k vs or alternative to what changed hello "
    "<@U123> :smile: https://x.y ``` \u2212 \u00a0 \u200b ５０ｍ"
).split()


def questions(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        if i % 3 == 0:
            out.append("".join(rng.choice(string.printable) for _ in range(rng.randint(0, 120))))
        elif i % 3 == 1:
            out.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 30))))
        else:
            out.append(f"{rng.choice(['', '-'])}{'9' * rng.randint(1, 400)} tokens a {rng.choice(['day', 'second', 'month'])}")
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    from bot.assistant import Assistant
    from bot.parse.pipeline import parse_strict

    catalogue = Assistant().catalogue
    parse_strict("cheapest model for 50M tokens", catalogue)  # builds the name and provider indexes first
    failures, times = 0, []
    for q in questions(args.n, args.seed):
        start = time.thread_time()
        try:
            parse_strict(q, catalogue)
        except Exception as exc:  # noqa: BLE001 - counted and shown, the point of the script
            failures += 1
            print(f"raised {type(exc).__name__} on {q[:80]!r}")
        times.append(time.thread_time() - start)
    times.sort()
    print(
        f"{args.n} fuzzed questions: {failures} raised; CPU per parse median {1000 * times[len(times) // 2]:.2f} ms, "
        f"p99 {1000 * times[int(0.99 * (len(times) - 1))]:.2f} ms, slowest {1000 * times[-1]:.2f} ms"
    )


if __name__ == "__main__":
    main()
