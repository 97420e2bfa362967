"""Discord's limits and the text helpers every Discord renderer uses: lengths as Discord counts them, escaping,
clipping and splitting. Pure functions, no client.

Limits are counted in UTF-16 code units, which is never less than what Discord counts.
"""

from __future__ import annotations

import re

import discord

# Discord's limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits)
TITLE = 256
DESCRIPTION = 4096
FIELDS = 25
FIELD_NAME = 256
FIELD_VALUE = 1024
FOOTER = 2048
TOTAL = 6000
CONTENT = 2000
CUSTOM_ID = 100
BUTTON_LABEL = 80

TABLE_WIDTH = 60  # monospace columns that fit an embed on desktop without wrapping

COLOR = discord.Colour(0x5865F2)
ERROR_COLOR = discord.Colour(0xED4245)
HELP_COLOR = discord.Colour(0x99AAB5)


def dlen(text: str | None) -> int:
    """Length as Discord may count it (UTF-16 code units: an emoji counts two)."""
    return len(text.encode("utf-16-le")) // 2 if text else 0


# ------------------------------------------------------------------------------------------------------- escaping

_CODE_SPAN = re.compile(r"(`[^`\n]+`)")
_MD_CHARS = re.compile(r"([\\*_~|>\[\]<`])")
_LINE_START = re.compile(r"(?m)^(\s*)([#-])")


def escape(text: str) -> str:
    """Text safe in an embed: no stray bold, italics, links, headings, quotes or mention syntax; `code` spans
    written by the core stay code."""
    parts = _CODE_SPAN.split(text)
    out = []
    for i, part in enumerate(parts):
        if i % 2:  # a code span
            out.append(part)
        else:
            out.append(_LINE_START.sub(r"\1\\\2", _MD_CHARS.sub(r"\\\1", part)))
    return "".join(out)


def plain(text: str) -> str:
    """Text for places Discord shows raw (the footer, button labels): `code` spans become quotes."""
    return _CODE_SPAN.sub(lambda m: f'"{m.group(1)[1:-1]}"', text).replace("\n", " ")


def code_safe(text: str) -> str:
    """Text inside a code block: a backtick would end the block."""
    return text.replace("`", "'")


def clip(text: str, limit: int) -> str:
    """Shorten with a visible ellipsis (used only for titles and names, whose full text appears elsewhere)."""
    if dlen(text) <= limit:
        return text
    out = text[: limit - 1]
    while dlen(out) > limit - 1:
        out = out[:-1]
    return out.rstrip() + "…"


def split_text(text: str, limit: int) -> list[str]:
    """Pieces of at most `limit`, broken at line ends, then spaces, then anywhere (a giant word)."""
    pieces: list[str] = []
    for line in text.split("\n"):
        current = ""
        for word in line.split(" "):
            while dlen(word) > limit:
                if current:
                    pieces.append(current)
                    current = ""
                head = word[:limit]
                while dlen(head) > limit:
                    head = head[:-1]
                pieces.append(head)
                word = word[len(head) :]
            candidate = f"{current} {word}" if current else word
            if dlen(candidate) <= limit:
                current = candidate
            else:
                pieces.append(current)
                current = word
        pieces.append(current)
    # merge back lines that fit together
    merged: list[str] = []
    for piece in pieces:
        if merged and dlen(merged[-1]) + 1 + dlen(piece) <= limit:
            merged[-1] = f"{merged[-1]}\n{piece}"
        else:
            merged.append(piece)
    return [m for m in merged if m.strip()] or [""]
