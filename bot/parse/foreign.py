"""The common phrases of German, French and Spanish questions, read as the English the rules know: "am
günstigsten für 10 Mio. Tokens pro Monat" is "cheapest for 10 mio. tokens a month". Each rule is a named phrase
class with its examples (`tests/parse/test_foreign.py` checks them); a question with no marker of these languages
is returned untouched, so English pays one search.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.parse import pattern_cache


@dataclass(frozen=True)
class Phrase:
    """A class of phrases in other languages, the English they stand for, and examples (before, after)."""

    name: str
    pattern: re.Pattern[str]
    english: str
    examples: tuple[tuple[str, str], ...]


def _p(source: str) -> re.Pattern[str]:
    return pattern_cache.compile(source)


PHRASES: tuple[Phrase, ...] = (
    Phrase("per month", _p(r"\b(?:pro|im|je) monat\b|\bpar mois\b|\bau mois\b|\b(?:al|por) mes\b|\bmonatlich\w*"), "a month",
           (("10 mio. tokens pro monat", "10 mio. tokens a month"), ("20 millones de tokens al mes", "20 millones de tokens a month"))),
    Phrase("per day", _p(r"\b(?:pro|am|je) tag\b|\bpar jour\b|\b(?:al|por) d[ií]a\b|\bt[äa]glich\w*"), "a day",
           (("5000 anfragen täglich", "5000 anfragen a day"),)),
    Phrase("per week", _p(r"\b(?:pro|je) woche\b|\bpar semaine\b|\b(?:a la|por) semana\b|\bw[öo]chentlich\w*"), "a week",
           (("2m tokens par semaine", "2m tokens a week"),)),
    Phrase("million", _p(r"\bmillion(?:en|es)\b|\bmillones\b"), "million", (("20 millones de tokens", "20 million de tokens"),)),
    Phrase("billion", _p(r"\bmilliard(?:en|s)?\b|\bmil millones\b"), "billion", (("2 milliarden tokens", "2 billion tokens"),)),
    Phrase("cheapest", _p(r"\bam g(?:ü|ue)nstigsten\b|\bg(?:ü|ue)nstigste\w*|\bbilligste\w*|\b(?:le|la) moins ch[eè]re?\b"
                          r"|\b(?:el|la) m[aá]s barat[oa]\b"), "cheapest",
           (("welches modell ist am günstigsten", "welches modell ist cheapest"), ("el más barato", "cheapest"))),
    Phrase("cheaper", _p(r"\bg(?:ü|ue)nstiger\w*|\bbilliger\w*|\bmoins ch[eè]re?s?\b|\bm[aá]s barat[oa]s?\b"), "cheaper",
           (("günstigere alternative", "cheaper alternative"), ("alternativa más barata", "alternativa cheaper"))),
    Phrase("best", _p(r"\bam besten\b|\bbeste[nrs]?\b|\b(?:le|la) meilleur(?:e|s)?\b|\bmeilleur(?:e|s)?\b|\b(?:el|la|lo) mejor(?:es)?\b|\bmejor\b"), "best",
           (("quel est le meilleur modèle", "quel est best modèle"),)),
    Phrase("better", _p(r"\bbesser\b"), "better", (("welches ist besser", "welches ist better"),)),
    Phrase("fastest", _p(r"\bam schnellsten\b|\bschnellste\w*|\ble plus rapide\b|\b(?:el|la) m[aá]s r[aá]pid[oa]\b|\bm[aá]s r[aá]pid[oa]\b"), "fastest",
           (("el más rápido", "fastest"),)),
    Phrase("classification", _p(r"\bklassifi\w*|\bclasifica\w*"), "classification",
           (("die klassifizierung von", "die classification von"),)),
    Phrase("summarization", _p(r"\bzusammenfass\w*|\br[ée]sumer\b|\bresumi\w*|\bresumen\w*"), "summarization",
           (("für die zusammenfassung von e-mails", "für die summarization von e-mails"),)),
    Phrase("translation", _p(r"\b(?:ü|ue)bersetz\w*|\btraduc\w*|\btradui\w*"), "translation",
           (("übersetzungen ins japanische", "translation ins japanische"),)),
    Phrase("code", _p(r"\bprogrammier\w*|\bc[óo]digo\b|\bprogramaci[óo]n\b"), "code", (("générer du código", "générer du code"),)),
    Phrase("cost", _p(r"\bwas kostet\b|\bwie viel kostet\b|\bcombien co[uû]te\w*|\bcu[aá]nto cuesta\w*|\bcu[aá]nto costar\w*"),
           "how much would it cost", (("¿cuánto costaría usar", "¿how much would it cost usar"),)),
    Phrase("what changed", _p(r"\bwas hat sich\b.{0,40}?\bge(?:ä|ae)ndert\b|\bqu'est-ce qui a chang[ée]\b|\bqu[eé] ha cambiado\b"),
           "what changed", (("was hat sich seit letzter woche geändert", "what changed"),)),
    Phrase("what's new", _p(r"\bquoi de neuf\b|\bqu[eé] hay de nuevo\b|\bnovedades\b|\bwas gibt(?:'s| es) neues\b"), "what's new",
           (("quoi de neuf dans les modèles", "what's new dans les modèles"),)),
    Phrase("this month", _p(r"\bce mois-ci\b|\beste mes\b|\bdiesen monat\b"), "this month", (("ce mois-ci", "this month"),)),
    Phrase("what can you do", _p(r"\bwas kannst du(?: alles)?(?: tun| machen)?\b|\bqu[eé] puedes hacer\b|\bque (?:peux|pouvez)[- ](?:tu|vous) faire\b"),
           "what can you do", (("hallo, was kannst du alles?", "hallo, what can you do?"), ("¿qué puedes hacer?", "¿what can you do?"))),
    Phrase("hello", _p(r"^\W*(?:hallo|hola|bonjour|salut|servus|moin)\b"), "hello", (("hallo, was", "hello, was"),)),
    Phrase("show me all", _p(r"\bzeig(?:e)? mir alle\b|\bmu[eé]strame todos\b|\bmontre[- ]moi tous\b"), "show me all",
           (("zeig mir alle modelle", "show me all modelle"),)),
    Phrase("models", _p(r"\bmodelle\b|\bmod[eè]les\b|\bmodelos\b"), "models", (("alle modelle", "alle models"),)),
    Phrase("image input", _p(r"\bbildeingabe\w*|\bentrada de im[aá]gen(?:es)?\b"), "image input", (("mit bildeingabe", "mit image input"),)),
    Phrase("function calling", _p(r"\bfunktionsaufruf\w*|\bllamadas? a funciones\b|\bappels? de fonctions?\b"), "function calling",
           (("und funktionsaufrufen", "und function calling"),)),
    Phrase("hosted", _p(r"\bh[ée]bergement\b|\bh[ée]berg[ée]e?s?\b|\balojad[oa]s?\b|\bgehostet\w*"), "hosted",
           (("avec hébergement des données en europe", "avec hosted des données en europe"),)),
    Phrase("europe", _p(r"\beuropa\b"), "europe", (("in europa gehostet", "in europe gehostet"),)),
    Phrase("since last week", _p(r"\bseit letzter woche\b|\bdepuis la semaine derni[eè]re\b|\bdesde la semana pasada\b"), "since last week",
           (("seit letzter woche", "since last week"),)),
    Phrase("alternative", _p(r"\balternativa\b"), "alternative", (("alternativa más barata", "alternative más barata"),)),
)  # fmt: skip

# a word or letter only these languages use: a question without one is English to these rules
_MARKERS = pattern_cache.compile(
    r"[äöüßéèêàçñáíóú¿¡]|\b(?:monat\w*|mois|jour|woche|semaine|semana|mes|modell\w*|mod[eè]le\w*|modelo\w*|quel\w*|cu[aá]l\w*"
    r"|welch\w*|zeig\w*|hallo|hola|bonjour|salut|servus|moin|millones|millionen|milliard\w*|billig\w*|besser|beste[nrs]?"
    r"|klassifi\w*|clasifica\w*|traduc\w*|tradui\w*|resumi\w*|resumen\w*|novedades|alternativa|europa|gehostet\w*"
    r"|monatlich\w*|t[äa]glich\w*|w[öo]chentlich\w*|diesen|seit|depuis|desde|schnellste\w*|meilleur\w*|mejor\w*|barat[oa]s?"
    r"|kostet|kannst|puedes|peux|pouvez|neuf|nuevo|programmier\w*|funktionsaufruf\w*|bildeingabe\w*|mas|rapide)\b"
)


def in_english(text: str) -> str:
    """`text` (lower case) with the phrases of other languages that the rules read put in English."""
    if not _MARKERS.search(text):
        return text
    for phrase in PHRASES:
        text = phrase.pattern.sub(phrase.english, text)
    return text
