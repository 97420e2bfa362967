"""llm-stats.com open data: mostly self-reported scores, and provider speeds."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from ..rows import Readings, Row, num

METRICS = {  # llm-stats benchmark id -> metric id
    "gpqa": "gpqa_diamond",
    "aime-2025": "aime_2025",
    "swe-bench-verified": "swe_bench_verified",
    "humanity's-last-exam": "hle",
    "mmlu-pro": "mmlu_pro",
    "ifeval": "ifeval",
    "mmmlu": "multilingual_mmlu",
    "global-mmlu-lite": "multilingual_mmlu",
    "tau-bench-retail": "tau_bench",
    "livecodebench": "livecodebench",
    "aider-polyglot": "aider_polyglot",
    "terminal-bench": "terminal_bench",
}
# llm-stats provider id -> models.dev provider id (others are not providers in the catalogue)
PROVIDERS = {
    "anthropic": "anthropic",
    "openai": "openai",
    "google": "google",
    "azure": "azure",
    "bedrock": "amazon-bedrock",
    "deepinfra": "deepinfra",
    "deepseek": "deepseek",
    "fireworks": "fireworks-ai",
    "groq": "groq",
    "together": "togetherai",
    "novita": "novita-ai",
    "mistral": "mistral",
    "xai": "xai",
    "cerebras": "cerebras",
    "sambanova": "sambanova",
    "cohere": "cohere",
    "hyperbolic": "hyperbolic",
    "lambda": "lambda",
    "nebius": "nebius",
    "moonshotai": "moonshotai",
    "alibaba": "alibaba",
}


def _scores(ref: Path) -> list[Row]:
    rows: list[Row] = []
    with open(ref / "llm-stats/scores_flat.csv", newline="") as fh:
        for r in csv.DictReader(fh):
            metric = METRICS.get(r["benchmark_id"])
            value = num(r["score"])
            if metric and value is not None:
                if metric == "aider_polyglot":
                    value *= 100
                rows.append(Row("llm-stats", r["model_id"], metric, value, r["is_self_reported"] == "True"))
    return rows


def _speeds(ref: Path) -> list[Row]:
    with open(ref / "llm-stats/provider_speed_flat.csv", newline="") as fh:
        raw = [r for r in csv.DictReader(fh) if num(r["throughput_tok_s"]) and num(r["latency_s"])]
    # a (speed, latency) pair shared by two or more different models is a placeholder, not a measurement
    pairs = Counter(pair[:2] for pair in {(r["throughput_tok_s"], r["latency_s"], r["model_id"]) for r in raw})
    rows: list[Row] = []
    for r in raw:
        tps, lat = num(r["throughput_tok_s"]), num(r["latency_s"])
        provider = PROVIDERS.get(r["provider_id"])
        if pairs[(r["throughput_tok_s"], r["latency_s"])] >= 2 or tps < 1 or provider is None:  # type: ignore[operator]
            continue  # a placeholder (the same pair for many models), an impossible figure, or no catalogue provider
        rows.append(Row("llm-stats", r["model_id"], "speed", tps, provider=provider))  # type: ignore[arg-type]
        rows.append(Row("llm-stats", r["model_id"], "ttft", lat, provider=provider))  # type: ignore[arg-type]
    return rows


def read(ref: Path) -> Readings:
    """Score rows (self-reported flagged) and provider speed rows without placeholders."""
    return Readings(scores=_scores(ref), speeds=_speeds(ref))
