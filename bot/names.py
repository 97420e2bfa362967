"""Model names: one normal form for offer ids, aliases and what people type.

`model_key("anthropic.claude-sonnet-4-5-20250929-v1:0") == model_key("claude-sonnet-4.5") == "claude-sonnet-4-5"`.
The key drops provider paths and region prefixes, dates, `-latest`, `-instruct`, quantisation tags and
Bedrock version tags, and spells every separator as '-'. Keys are for matching only; ids shown to
people keep the maker's spelling.
"""

from __future__ import annotations

import re
from functools import lru_cache

_REGION = re.compile(r"^(?:us|eu|apac|au|jp|global|ca|us-gov)\.")
_VENDOR = re.compile(
    r"^(?:anthropic|meta|amazon|mistral|cohere|deepseek|qwen|openai|google|ai21|writer|moonshotai|minimax)\."
)
_SEPARATORS = re.compile(r"[\s_.]+")
_FIREWORKS_POINT = re.compile(r"(?<=\d)p(?=\d)")
_LETTER_DIGIT = re.compile(r"(?<=[a-z])(?=\d)")
_SUFFIX = re.compile(
    r"-(?:\d{8}|\d{4}-\d{2}-\d{2}|latest|instruct|versatile|it|fp-?8|fp-?4|bf-?16|int-?4|int-?8|awq|tput|"
    r"instruct-turbo|v-?1|00\d|maas|tee)$"
)
_BEDROCK_VERSION = re.compile(r"-v\d+(?::\d+)?$")


@lru_cache(maxsize=16384)
def model_key(name: str) -> str:
    """The normal form used to match model ids, aliases and mentions."""
    s = name.strip().lower().rsplit("/", 1)[-1].split("@", 1)[0]
    if ":" in s:
        head, tail = s.split(":", 1)
        s = head if not tail.isdigit() else _BEDROCK_VERSION.sub("", s)
    s = _VENDOR.sub("", _REGION.sub("", s))
    s = _SEPARATORS.sub("-", s)
    s = _FIREWORKS_POINT.sub("-", s)
    s = _LETTER_DIGIT.sub("-", s)
    s = re.sub(r"-{2,}", "-", s).strip("-")
    previous = None
    while previous != s:
        previous = s
        s = _SUFFIX.sub("", s)
    return s


@lru_cache(maxsize=16384)
def clean_id(offer_id: str) -> str:
    """An offer id without provider path, region/vendor prefix or ':' tag, in lower case."""
    s = offer_id.strip().lower().rsplit("/", 1)[-1].split(":", 1)[0].split("@", 1)[0]
    return _VENDOR.sub("", _REGION.sub("", s))


def clean_name(name: str) -> str:
    """A display name without models.dev's ' (latest)' marker."""
    return re.sub(r"\s*\((?:latest)\)\s*$", "", name, flags=re.I).strip()
