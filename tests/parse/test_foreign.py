"""Phrases of German, French and Spanish questions read as English: each rule's own examples, English left alone,
and whole questions parsed."""

from __future__ import annotations

import pytest

from bot.catalogue.store import Catalogue
from bot.parse.foreign import PHRASES, Phrase, in_english
from bot.parse.pipeline import parse


@pytest.mark.parametrize(("phrase", "before", "after"), [(p, b, a) for p in PHRASES for b, a in p.examples], ids=lambda v: v.name if isinstance(v, Phrase) else v)
def test_each_phrase_reads_its_examples_as_english(phrase: Phrase, before: str, after: str) -> None:
    assert phrase.pattern.sub(phrase.english, before) == after, phrase.name


@pytest.mark.parametrize(
    "text",
    ["cheapest model for 50m tokens a month", "the prompt was 2k tokens, am i over budget?", "pro tier vs plus tier on gpt-5.1",
     "la la land summaries", "tag 5k tickets a day"],
)
def test_english_is_left_as_it_is(text: str) -> None:
    assert in_english(text) == text


@pytest.mark.parametrize(
    ("question", "expect"),
    [
        ("Welches Modell ist am günstigsten für die Klassifizierung von 10 Mio. Tokens pro Monat?",
         {"intent": "recommend", "task": "classification", "sort_by": "cost", "tokens_per_month": 10_000_000}),
        ("¿Cuánto costaría usar gpt-5-mini para 20 millones de tokens al mes?",
         {"intent": "cost", "models": ["gpt-5-mini"], "tokens_per_month": 20_000_000}),
        ("Was hat sich seit letzter Woche geändert?", {"intent": "changes"}),
        ("Quoi de neuf dans les modèles ce mois-ci ?", {"intent": "changes"}),
        ("Hallo, was kannst du alles?", {"intent": "help"}),
        ("¿qué puedes hacer?", {"intent": "help"}),
        ("Quel est le meilleur modèle pour générer du code Python, avec hébergement des données en Europe ?",
         {"intent": "recommend", "task": "coding", "sort_by": "quality", "region": "eu"}),
        ("Gibt es eine günstigere Alternative zu gpt-4.1-mini für die Zusammenfassung von E-Mails?",
         {"intent": "alternatives", "models": ["gpt-4.1-mini"], "task": "summarization", "sort_by": "cost"}),
    ],
)  # fmt: skip
def test_questions_in_other_languages_parse_as_their_english_would(catalogue: Catalogue, question: str, expect: dict) -> None:
    q = parse(question, catalogue).contract()
    assert {k: q[k] for k in expect} == expect
