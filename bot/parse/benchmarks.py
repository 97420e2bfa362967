"""A benchmark named as what to rank by: "top 5 models on aider polyglot", "highest GPQA score", "who leads
LMArena for coding?" become the metric id the catalogue's scores use."""

from __future__ import annotations

from bot.parse import pattern_cache

# (metric id, its names as typed), the more specific first: "lmarena coding" before "lmarena"
BENCHMARKS: tuple[tuple[str, str], ...] = (
    ("aider_polyglot", r"aider(?:'s)?(?: polyglot)?|polyglot"),
    ("swe_bench_verified", r"swe[- ]?bench(?: verified)?"),
    ("terminal_bench", r"terminal[- ]?bench"),
    ("gpqa_diamond", r"gpqa(?: diamond)?"),
    ("aime_2025", r"aime(?: 2025| 25)?"),
    ("hle", r"hle|humanity'?s last exam"),
    ("mmlu_pro", r"mmlu[- ]?pro"),
    ("multilingual_mmlu", r"(?:multilingual|global)[- ]mmlu|mmmlu"),
    ("bfcl_overall", r"bfcl|berkeley function[- ]calling(?: leaderboard)?"),
    ("tau_bench", r"tau[- ]?bench|τ-bench"),
    ("livecodebench", r"livecodebench|live code ?bench"),
    ("livebench_coding", r"livebench coding"),
    ("livebench_reasoning", r"livebench(?: reasoning)?"),
    ("ifeval", r"ifeval"),
    ("simpleqa_verified", r"simpleqa"),
    ("eci", r"epoch capabilities index|\beci\b"),
    ("aa_intelligence_2026_10", r"(?:artificial analysis|aa) intelligence(?: index)?"),
    ("arena_coding", r"(?:lm ?arena|lmsys|chatbot arena|arena) (?:for )?(?:coding|webdev|code)"
     r"|(?:coding|webdev|code)\b[^.?!]{0,20}\b(?:on|in|at|per|according to) (?:the )?(?:lm ?arena|lmsys|chatbot arena)"),
    ("arena_creative_writing", r"(?:lm ?arena|lmsys|chatbot arena|arena) (?:for )?creative writing"
     r"|creative writing\b[^.?!]{0,20}\b(?:on|in|at|per|according to) (?:the )?(?:lm ?arena|lmsys|chatbot arena)"),
    ("arena_text", r"lm ?arena|lmsys|chatbot arena|arena elo|arena leaderboard|the arena"),
)
_NAMES = [(mid, pattern_cache.compile(rf"\b(?:{names})\b")) for mid, names in BENCHMARKS]
# the benchmark is what to rank by, not a fact about a named model
_RANKS = pattern_cache.compile(
    r"\b(?:top|best|highest|leads?|leading|leader|leaders|tops|#1|number one|no\.? ?1|winner|ranks?|ranked|ranking|rankings"
    r"|leaderboard|scores? (?:best|highest|most)|who'?s (?:winning|ahead|first)|which (?:model|llm)s? (?:has|have|gets?|scores?))\b"
)


# a floor on the benchmark's score: "scores above 60 on the AA index", "at least 80% on GPQA", "GPQA over 0.8"
_FLOOR = pattern_cache.compile(r"\b(?:above|over|at least|more than|higher than|better than|>=?|min(?:imum)?(?: of)?)\s*(?P<v>\d+(?:\.\d+)?)\s*(?P<pct>%|percent)?")


def benchmark_of(text: str) -> str | None:
    """The metric a question ranks models by (None when it names no benchmark, or names one without ranking)."""
    if not (_RANKS.search(text) or _FLOOR.search(text)):
        return None
    return next((mid for mid, pattern in _NAMES if pattern.search(text)), None)


def benchmark_floor(text: str) -> float | None:
    """The least score asked for on the benchmark, as typed (60, 80 for "80%"), or None."""
    floor = _FLOOR.search(text)
    return float(floor.group("v")) if floor else None
