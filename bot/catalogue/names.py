"""Model names: one normal form for offer ids, aliases and what people type.

`model_key("anthropic.claude-sonnet-4-5-20250929-v1:0") == model_key("claude-sonnet-4.5") == "claude-sonnet-4-5"`.
The key drops provider paths and region prefixes, dates, `-latest`, `-instruct`, quantisation tags and
Bedrock version tags, and spells every separator as '-'. A thinking/non-thinking mode suffix is dropped only
for lines where the mode is a switch on one model (Claude, Gemini, GPT-5, DeepSeek V3.x): `qwen3-...-thinking`
and `kimi-k2-thinking` are separate models and keep it. Keys are for matching only; ids shown to people keep
the maker's spelling.
"""

from __future__ import annotations

import re
from functools import lru_cache

_REGION = re.compile(r"^(?:us|eu|apac|au|jp|global|ca|us-gov)\.")
_VENDOR = re.compile(r"^(?:anthropic|meta|amazon|mistral|cohere|qwen|openai|google|ai21|writer|moonshotai|minimax|zai)\.")
# Bedrock spells DeepSeek's models `deepseek.r1-v1:0`: keep the maker's name in front.
_DEEPSEEK = re.compile(r"^deepseek\.(?!deepseek)")
# A few hosts put their own name in front of the maker's id (`azure-gpt-4o`, `openai-gpt-4o`).
_HOST = re.compile(r"^(?:azure|openai)-(?=gpt-|o\d)")
_SEPARATORS = re.compile(r"[\s_.]+")
# One pass for Fireworks' `v3p1` points, letter-digit boundaries and repeated dashes.
_FIREWORKS_POINT = re.compile(r"(?<=\d)p(?=\d)")
_LETTER_DIGIT = re.compile(r"(?<=[a-z])(?=\d)")
_DASHES = re.compile(r"-{2,}")
_SUFFIX = re.compile(
    r"(?:-(?:\d{8}|\d{4}-\d{2}-\d{2}|latest|instruct|versatile|it|fp-?8|fp-?4|bf-?16|int-?4|int-?8|awq|tput|"
    r"instruct-turbo|v-?1|00\d|maas|tee))+$"
)
_MODE = re.compile(
    r"^((?:claude|gemini|gpt-5|deepseek-v-3)-.*?)-(?:thinking|think|nothink|nothinking|non-thinking|reasoner)$"
)
# Bedrock's API version after a dated id ("claude-3-5-sonnet-20241022-v2:0") or a plain "-v1:0"; "titan-embed-text-v2:0"
# names the model's own version 2, another model than v1
_BEDROCK_VERSION = re.compile(r"(?<=\d{8})-v\d+(?::\d+)?$|-v1(?::\d+)?$")


def _plain(name: str) -> str:
    """A name with provider path, prefixes and separators normalised, suffixes kept."""
    s = name.strip().lower().rsplit("/", 1)[-1].split("@", 1)[0]
    if ":" in s:
        head, tail = s.split(":", 1)
        s = _BEDROCK_VERSION.sub("", s) if tail.isdigit() and _BEDROCK_VERSION.search(s) else head
    s = _VENDOR.sub("", _REGION.sub("", s))
    if s.startswith("deepseek."):
        s = _DEEPSEEK.sub("deepseek-", s)
    s = _HOST.sub("", s)
    s = _SEPARATORS.sub("-", s)
    s = _FIREWORKS_POINT.sub("-", s)
    s = _LETTER_DIGIT.sub("-", s)
    if "--" in s:
        s = _DASHES.sub("-", s)
    return s.strip("-")


@lru_cache(maxsize=16384)
def model_key(name: str) -> str:
    """The normal form used to match model ids, aliases and mentions."""
    s = _SUFFIX.sub("", _plain(name))
    mode = _MODE.match(s)
    if mode:
        s = _SUFFIX.sub("", mode.group(1))
    return s


@lru_cache(maxsize=16384)
def clean_id(offer_id: str) -> str:
    """An offer id without provider path, region/vendor prefix or ':' tag, in lower case."""
    s = offer_id.strip().lower().rsplit("/", 1)[-1].split(":", 1)[0].split("@", 1)[0]
    return _VENDOR.sub("", _REGION.sub("", s))


_LOSSY = re.compile(r"\d{8}|\d{4}-\d{2}-\d{2}|latest|-v-?\d|-00\d|think|reason")


def key_is_lossy(name: str) -> bool:
    """Whether `model_key(name)` drops something that tells models apart (a date, `-latest`, a Bedrock
    version tag, a thinking mode), so the name may only be matched exactly: `chatgpt-4o-latest-20250326`
    must not claim every `chatgpt-4o` offer, nor Bedrock's `deepseek.v3-v1:0` (V3.1) every `deepseek-v3` one.
    Dropping `-instruct` or a quantisation tag is not lossy."""
    if _BEDROCK_VERSION.search(name.strip().lower()):
        return True  # `deepseek.v3-v1:0`: the version tag is dropped before anything else
    plain, key = _plain(name), model_key(name)
    if plain == key:
        return False
    dropped = plain[len(key) :] if plain.startswith(key) else plain
    return bool(_LOSSY.search(dropped))


_LATEST_MARK = re.compile(r"\s*\((?:latest)\)\s*$", re.I)


def clean_name(name: str) -> str:
    """A display name without models.dev's ' (latest)' marker."""
    return _LATEST_MARK.sub("", name).strip()
