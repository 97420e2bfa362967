#!/usr/bin/env python3
"""FAQ mode on a set of channel messages: the share of model questions answered and of chatter left alone.

    python bench/bench_faq.py [SET.jsonl ...] [--threshold 0.6] [--show 10]

With no paths, every message set: `faq_messages.jsonl` (600, written by someone who had not seen the parser; the
detector was tuned on it), `faq_messages_2.jsonl` (200, written before any tuning on them; their figures before
tuning are in the README's "FAQ channels" section), and `faq_messages_3.jsonl` (80, written after all tuning and
never tuned on). Each line is {"text": ..., "answer": true|false, "kind": ...}.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bot.assistant import Assistant
from bot.parse.faq import worth_answering
from bot.parse.pipeline import parse

ROOT = Path(__file__).resolve().parents[1]
SETS = [ROOT / "tests" / "data" / f"faq_messages{n}.jsonl" for n in ("", "_2", "_3")]


def measure(path: Path, assistant: Assistant, threshold: float, show: int) -> None:
    """Print the share of model questions answered and of chatter left alone in one set, and the first misses."""
    cases = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    wrong: dict[bool, list[dict]] = {True: [], False: []}
    for case in cases:
        got = worth_answering(parse(case["text"], assistant.catalogue), case["text"], threshold)
        if got != case["answer"]:
            wrong[case["answer"]].append(case)
    questions = sum(c["answer"] for c in cases)
    chatter = len(cases) - questions
    answered, silent = questions - len(wrong[True]), chatter - len(wrong[False])
    print(
        f"{path.name} at threshold {threshold}: answered {answered}/{questions} questions ({answered / questions:.1%}), "
        f"silent on {silent}/{chatter} chatter ({silent / chatter:.1%})"
    )
    for label, items in (("missed question", wrong[True]), ("answered chatter", wrong[False])):
        for case in items[:show]:
            print(f"  {label}: [{case['kind']}] {case['text'][:110]!r}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*", type=Path, default=SETS)
    ap.add_argument("--threshold", type=float, default=None)
    ap.add_argument("--show", type=int, default=10)
    args = ap.parse_args()
    assistant = Assistant()
    threshold = args.threshold if args.threshold is not None else assistant.policy.faq_threshold
    for path in args.paths:
        measure(path, assistant, threshold, args.show)


if __name__ == "__main__":
    main()
