"""Chat text to plain text: what the parser reads.

Adapters strip platform syntax before the core sees a question, but the parser must survive it anyway:
Slack and Discord mentions, channel links, custom emoji, Unicode emoji, Markdown, code fences, URLs,
control characters, full-width digits and typographic punctuation. `plain_text` removes or
normalises all of these and collapses whitespace; it never raises and runs in linear time.
"""

from __future__ import annotations

import re
import unicodedata

from bot.parse import pattern_cache

# Slack: <@U123>, <@U123|name>, <!here>, <#C123|general>, <https://x|label>; Discord: <@123>, <@!123>,
# <@&123>, <#123>, <:name:123>, <a:name:123>, <t:1700000000:R>.
_SLACK_LINK = pattern_cache.compile(r"<(?:https?|mailto):[^|>\s]{0,2000}\|([^>]{0,500})>")
_ANGLE_TOKEN = pattern_cache.compile(
    r"<(?:[@#!][^<>\s]{0,200}|a?:\w{1,100}:\d{1,30}|t:\d{1,20}(?::\w)?|(?:https?|mailto):[^<>\s]{0,2000})>"
)
_URL = pattern_cache.compile(r"\b(?:https?://|www\.)\S{1,2000}", re.I)
_AT_MENTION = pattern_cache.compile(r"(?<![\w@])@[\w.\-]{1,80}")
_SHORTCODE = pattern_cache.compile(r"(?<![\w:]):[a-z0-9_+\-]{1,40}:(?![\w:])", re.I)
_FENCE = pattern_cache.compile(r"```(?:[a-z0-9_+#.\-]{1,30}[ \t]*(?=\r?\n))?", re.I)  # a fence and its language tag
_MARKUP = pattern_cache.compile(r"[`*~|]+|(?<!\w)_+|_+(?!\w)|^\s*>+|\\")
_SPACES = pattern_cache.compile(r"\s+")
_MARKUP_CHARS = frozenset("`*~|_>\\")

_REPLACE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": " - ",
        "\u2212": "-",
        "\u00d7": " x ",
        "\u2715": " x ",
        "\u2264": " <= ",
        "\u2265": " >= ",
        "\u2248": " ~ ",
        "\u2192": " to ",
        "\u27a1": " to ",
        "\u21d2": " to ",
        "\u2026": "...",
        "\u2044": "/",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u3000": " ",
    }
)

# Unicode categories dropped outright: controls, format characters (zero-width joiners, bidi marks),
# private use, surrogates, unassigned, symbols (emoji, dingbats) and combining marks left after NFKC.
_DROP_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs", "Cn", "So", "Sk", "Mn", "Me"})
_KEEP_SYMBOLS = frozenset("$€£%+<>=~^/")


def _drop_symbols(text: str) -> str:
    out = []
    for ch in text:
        if ch.isascii():
            out.append(ch if ch.isprintable() else " ")
            continue
        cat = unicodedata.category(ch)
        if cat in _DROP_CATEGORIES and ch not in _KEEP_SYMBOLS:
            out.append(" ")
        elif cat.startswith("Z"):
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


def plain_text(text: str) -> str:
    """The question without platform syntax, emoji, URLs or markup, on one line, whitespace collapsed."""
    if not text:
        return ""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text.translate(_REPLACE)).translate(_REPLACE)
        text = _drop_symbols(text)
    if "<" in text:  # each pass only where its syntax can be: most questions are plain words
        text = _SLACK_LINK.sub(r" \1 ", text)
        text = _ANGLE_TOKEN.sub(" ", text)
    lowered = text.lower()
    if "http" in lowered or "www." in lowered:
        text = _URL.sub(" ", text)
    if "@" in text:
        text = _AT_MENTION.sub(" ", text)
    if ":" in text:
        text = _SHORTCODE.sub(" ", text)
    if "```" in text:
        text = _FENCE.sub(" ", text)
    if _MARKUP_CHARS.intersection(text):
        text = _MARKUP.sub(" ", text)
    if not text.isascii() or not text.isprintable():
        text = "".join(ch if ch.isprintable() else " " for ch in text)
    return _SPACES.sub(" ", text).strip()
