"""A benchmark named as what to rank by: that benchmark's own ranking, from one source's run, with its date."""

from __future__ import annotations

import pytest
from asking import ask_json
from test_answer_phrasings import everywhere

from bot.catalogue.store import Catalogue
from bot.parse.benchmarks import benchmark_of


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("top 5 models on aider polyglot", "aider_polyglot"),
        ("which model has the highest gpqa score?", "gpqa_diamond"),
        ("who leads lmarena for coding right now", "arena_coding"),
        ("swe-bench verified leaderboard", "swe_bench_verified"),
        ("best model for coding", None),  # no benchmark named
        ("what's gpt-5's aider score", None),  # a fact about one model, not a ranking
    ],
)
def test_a_benchmark_is_read_only_where_models_are_ranked_by_it(text: str, metric: str | None) -> None:
    assert benchmark_of(text) == metric


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("top 5 models on aider polyglot", "Aider polyglot"),
        ("which model has the highest GPQA score?", "GPQA Diamond"),
        ("who leads lmarena right now?", "LMArena text (overall)"),
    ],
)
def test_a_benchmark_ranking_comes_from_one_source_best_first(catalogue: Catalogue, question: str, name: str) -> None:
    data = ask_json(question)
    assert data["title"] == f"Top models on {name}"
    [table] = data["tables"]
    values = [row[2]["value"] for row in table["rows"]]
    assert values == sorted(values, reverse=True) and len({row[3]["value"] for row in table["rows"]}) == 1
    for out in everywhere(catalogue, question)[:2]:
        assert f"Top on {name}:" in " ".join(out.split()) and "newest" in out


def test_a_limit_asked_is_the_number_of_rows() -> None:
    [table] = ask_json("top 5 models on aider polyglot")["tables"]
    assert len(table["rows"]) == 5


@pytest.mark.parametrize(
    "question",
    [
        "cheapest model that scores above 60 on the Artificial Analysis intelligence index",
        "which is the cheapest model with an AA intelligence index over 60?",
        "cheapest llm scoring at least 60 on artificial analysis intelligence",
    ],
)
def test_a_floor_on_a_benchmark_keeps_only_models_above_it_cheapest_first(question: str) -> None:
    data = ask_json(question)
    [table] = data["tables"]
    assert all(row[2]["value"] > 60 for row in table["rows"])
    assert "Cheapest scoring above 60" in data["verdict"] and table["rows"][0][1]["value"] == "grok-4.6"


@pytest.mark.parametrize(
    "question",
    [
        "need a model with a 50M token context window, under $0.01/M, best on GPQA",
        "best GPQA score among models with 20M+ context",
        "top models on swe-bench with a 40M context window",
    ],
)
def test_a_ranking_whose_constraints_no_model_meets_says_so_before_ranking_without_them(question: str) -> None:
    assert "No model in my data meets all of that" in ask_json(question)["verdict"]
