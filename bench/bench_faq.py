#!/usr/bin/env python3
"""FAQ mode on a set of channel messages: the share of model questions answered and of chatter left alone.

    python bench/bench_faq.py [tests/data/faq_messages.jsonl] [--threshold 0.6] [--show 10]

Each line is {"text": ..., "answer": true|false, "kind": ...}; written by someone who had not seen the parser.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bot.assistant import Assistant
from bot.parse.faq import worth_answering
from bot.parse.pipeline import parse

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("path", nargs="?", default=str(ROOT / "tests" / "data" / "faq_messages.jsonl"))
    ap.add_argument("--threshold", type=float, default=None)
    ap.add_argument("--show", type=int, default=10)
    args = ap.parse_args()
    assistant = Assistant()
    threshold = args.threshold if args.threshold is not None else assistant.policy.faq_threshold
    cases = [json.loads(line) for line in Path(args.path).read_text().splitlines() if line.strip()]
    wrong = {True: [], False: []}
    for case in cases:
        got = worth_answering(parse(case["text"], assistant.catalogue), case["text"], threshold)
        if got != case["answer"]:
            wrong[case["answer"]].append(case)
    questions = sum(c["answer"] for c in cases)
    chatter = len(cases) - questions
    print(f"threshold {threshold}: answered {questions - len(wrong[True])}/{questions} questions "
          f"({(questions - len(wrong[True])) / questions:.1%}), silent on {chatter - len(wrong[False])}/{chatter} "
          f"chatter ({(chatter - len(wrong[False])) / chatter:.1%})")
    for label, items in (("missed questions", wrong[True]), ("answered chatter", wrong[False])):
        for case in items[: args.show]:
            print(f"  {label}: [{case['kind']}] {case['text'][:110]!r}")


if __name__ == "__main__":
    main()
