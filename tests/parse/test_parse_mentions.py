"""Model names as people type them, matched to catalogue ids; ambiguous names, unknown names, ordinary words."""

from __future__ import annotations

import pytest

from bot.catalogue.store import Catalogue
from bot.parse.model_names import find_mentions, name_index, name_pieces
from bot.parse.name_index import line_version
from bot.parse.pipeline import parse


def _models(text: str, catalogue: Catalogue) -> list[str]:
    return parse(text, catalogue).models


@pytest.mark.parametrize(
    ("typed", "model"),
    [
        ("gpt-4.1-mini", "gpt-4.1-mini"),
        ("GPT-4.1 mini", "gpt-4.1-mini"),
        ("gpt41 mini", "gpt-4.1-mini"),
        ("4.1 mini", "gpt-4.1-mini"),
        ("gpt4o-mini", "gpt-4o-mini"),
        ("4o mini", "gpt-4o-mini"),
        ("gpt-4o", "gpt-4o"),
        ("sonnet-4.5", "claude-sonnet-4-5"),
        ("claude 4.5 sonnet", "claude-sonnet-4-5"),
        ("Claude Sonnet 4.5", "claude-sonnet-4-5"),
        ("claude-sonnet-4-5-20250929", "claude-sonnet-4-5"),
        ("haiku 4.5", "claude-haiku-4-5"),
        ("2.5 flash", "gemini-2.5-flash"),
        ("gemini 2.5 flash", "gemini-2.5-flash"),
        ("gemini-2.5-flash-lite", "gemini-2.5-flash-lite"),
        ("o4 mini", "o4-mini"),
        ("o4-mini", "o4-mini"),
        ("deepseek-chat", "deepseek-chat"),
        ("llama 3.3 70b", "llama-3.3-70b-instruct"),
        ("meta-llama/Llama-3.3-70B-Instruct", "llama-3.3-70b-instruct"),
        ("openai/gpt-4o", "gpt-4o"),
        ("gpt-oss-120b", "gpt-oss-120b"),
        ("r1", "deepseek-r1"),
        ("gemni 2.5 flash", "gemini-2.5-flash"),
        ("cluade sonnet 4.5", "claude-sonnet-4-5"),
        ("gpt-4.1-mini-2025-04-14", "gpt-4.1-mini"),
    ],
)
def test_typed_names_resolve_to_canonical_ids(catalogue: Catalogue, typed: str, model: str) -> None:
    assert _models(f"how much is {typed}", catalogue) == [model]


def test_name_pieces_ignore_separators_dates_and_vendor_prefixes() -> None:
    assert name_pieces("anthropic.claude-3-5-sonnet-20241022-v2:0") == ("claude", "3.5", "sonnet", "v2")
    assert name_pieces("Claude 3.5 Sonnet") == name_pieces("claude-3-5-sonnet")
    assert name_pieces("gpt4o") == ("gpt", "4o")


@pytest.mark.parametrize("line", ["sonnet", "opus", "haiku", "gemini flash", "gpt mini"])
def test_ambiguous_line_resolves_to_one_model_and_records_the_assumption(catalogue: Catalogue, line: str) -> None:
    q = parse(f"how much is {line}", catalogue)
    assert len(q.models) == 1
    assert any(f"'{line}' taken as {q.models[0]}" in a for a in q.assumptions)


def test_ambiguous_line_picks_the_newest_generally_available_member(catalogue: Catalogue) -> None:
    q = parse("how much is sonnet", catalogue)
    members = [catalogue.by_id[m] for m in catalogue.knowledge.aliases.lines["sonnet"] if m in catalogue.by_id]
    newest = max((m for m in members if m.first_party), key=lambda m: m.release_date)
    picked = catalogue.by_id[q.models[0]]
    assert picked.first_party and not picked.reference.deprecated
    assert line_version(picked.id) >= line_version(newest.id)  # the curated list's newest, or a newer one since


@pytest.mark.parametrize(("line", "newer_than"), [("opus", "claude-opus-4-7"), ("sonnet", "claude-sonnet-4-6"), ("kimi", "kimi-k2.6")])
def test_a_line_takes_in_members_newer_than_its_curated_list(catalogue: Catalogue, line: str, newer_than: str) -> None:
    picked = parse(f"how much is {line}", catalogue).models[0]
    assert line_version(picked) > line_version(newer_than)


def test_a_line_never_takes_an_older_member_or_a_retired_one(catalogue: Catalogue) -> None:
    assert parse("gemini pro price", catalogue).models == ["gemini-3.1-pro-preview"]  # not gemini-pro-1.5, not 2.5-pro


def test_a_name_that_goes_on_past_a_known_model_is_unknown(catalogue: Catalogue) -> None:
    q = parse("how much is gpt-5-mini-ultra", catalogue)
    assert q.models == [] and q.unknown_models == ["gpt-5-mini-ultra"]


def test_names_that_match_nothing_are_unknown_not_models(catalogue: Catalogue) -> None:
    q = parse("gpt-7 vs gpt-4o", catalogue)
    assert q.models == ["gpt-4o"]
    assert q.unknown_models == ["gpt-7"]
    q = parse("how much is claude opus 9", catalogue)
    assert q.models == [] and q.unknown_models == ["claude opus 9"]


@pytest.mark.parametrize(
    "text",
    [
        "write me a sonnet about cats",
        "best model for a haiku generator",
        "cheapest model for 4.1 million tokens",
        "top 5 models for chat",
        "we need 128k context and h100 speed",
        "claude or gpt for writing?",
        "best model for auto tagging",
    ],
)
def test_ordinary_words_and_numbers_are_not_models(catalogue: Catalogue, text: str) -> None:
    q = parse(text, catalogue)
    assert q.models == [] and q.unknown_models == []


def test_bare_version_number_is_a_model_only_beside_other_names(catalogue: Catalogue) -> None:
    assert _models("4o vs 4.1", catalogue) == ["gpt-4o", "gpt-4.1"]
    assert _models("cheapest model under $4.1 a month", catalogue) == []


def test_several_names_keep_their_order(catalogue: Catalogue) -> None:
    assert _models("compare o3, o4-mini and gpt-5 for coding", catalogue) == ["o3", "o4-mini", "gpt-5"]


def test_a_chat_model_with_a_first_party_offer_wins(catalogue: Catalogue) -> None:
    model = catalogue.by_id[_models("how much is gemini 3 pro", catalogue)[0]]
    assert model.kind == "chat" and model.first_party


def test_every_alias_and_line_target_is_a_catalogue_model(catalogue: Catalogue) -> None:
    aliases = catalogue.knowledge.aliases
    missing = [t for t in aliases.aliases if t not in catalogue.by_id]
    missing += [m for members in aliases.lines.values() for m in members if m not in catalogue.by_id]
    assert missing == []


def test_name_index_is_built_once_per_catalogue(catalogue: Catalogue) -> None:
    assert name_index(catalogue) is name_index(catalogue)


def test_mentions_report_where_they_are(catalogue: Catalogue) -> None:
    text = "is gpt-4o cheaper than sonnet 4.5?"
    spans = [(m.text, m.model_id) for m in find_mentions(text, catalogue)]
    assert spans == [("gpt-4o", "gpt-4o"), ("sonnet 4.5", "claude-sonnet-4-5")]


@pytest.mark.parametrize(
    ("text", "second"),
    [
        ("gpt-4.1 mini vs nano", "gpt-4.1-nano"),
        ("gemini 2.5 flash vs pro", "gemini-2.5-pro"),
        ("gpt-5 vs mini", "gpt-5-mini"),
        ("gpt-4o or the mini", "gpt-4o-mini"),
    ],
)
def test_a_variant_word_after_a_name_names_the_same_line(catalogue: Catalogue, text: str, second: str) -> None:
    assert [m.model_id for m in find_mentions(text, catalogue)][1:] == [second]


def test_one_letter_names_are_read_whole(catalogue: Catalogue) -> None:
    assert [m.model_id for m in find_mentions("command a vs command r+", catalogue)] == [
        "command-a-03-2025",
        "command-r-plus-08-2024",
    ]


def test_a_line_name_after_a_versioned_name_keeps_that_version(catalogue: Catalogue) -> None:
    found = find_mentions("switch from gemini 2.5 flash to flash-lite", catalogue)
    assert [(m.model_id, m.assumption) for m in found] == [("gemini-2.5-flash", None), ("gemini-2.5-flash-lite", None)]
