"""The beyond-contract readings: the fact a direct question asks for, unjudged languages and domains, 'why not X?'."""

from __future__ import annotations

import pytest

from bot.parse.facets import FACET_RULES, compare_top, facet_of, unjudged, why_not


@pytest.mark.parametrize("rule,example", [(r, e) for r in FACET_RULES for e in r.examples])
def test_each_facet_rule_reads_its_examples(rule, example: str) -> None:  # type: ignore[no-untyped-def]
    assert facet_of(example.lower()) == rule.facet


def test_a_question_without_a_single_fact_has_no_facet() -> None:
    assert facet_of("tell me about gpt-4.1-mini") is None


@pytest.mark.parametrize(
    "text,words",
    [
        ("legal contracts in german", ["German", "legal"]),
        ("support bot answering in japanese and korean", ["Japanese", "Korean"]),
        ("summarising medical notes", ["medical"]),
    ],
)
def test_languages_and_domains_no_benchmark_judges_are_named(text: str, words: list[str]) -> None:
    assert unjudged(text) == words


@pytest.mark.parametrize(
    "text,names",
    [
        ("why not claude?", ["claude"]),
        ("why didn't you pick gemini 2.5 pro", ["gemini 2.5 pro"]),
        ("ok but why not gpt-5", ["gpt-5"]),
    ],
)
def test_why_not_names_the_model_asked_about(text: str, names: list[str]) -> None:
    assert why_not(text) == names


@pytest.mark.parametrize(
    "text,n",
    [
        ("compare the top 2", 2),
        ("ok now compare the first two", 2),
        ("how do the top 3 stack up?", 3),
        ("compare those two", 2),
        ("compare #1 and #2", 2),
        ("side by side of the top four please", 4),
        ("compare gpt-5 and claude for coding", None),
        ("top 3 cheapest for chat", None),
        ("compare the two for coding", None),
    ],
)
def test_compare_top_reads_how_many_of_the_last_answer_to_compare(text: str, n: int | None) -> None:
    assert compare_top(text) == n
