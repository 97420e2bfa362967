"""The intent of a question: what it asks the bot to do, from its cues, the models it names and what else it says.

`intent(...)` decides among the contract's intents; `is_followup(...)` tells a refinement of the previous
question ("what about 100M?", "only anthropic") from a new one.
"""

from __future__ import annotations

import re

from bot.parse.lexicon import (
    ALTERNATIVE,
    ALTERNATIVE_STRONG,
    COMPARE,
    COST,
    DOMAIN,
    HELP_ANYWHERE,
    HELP_LINE,
    LIST_STRONG,
    LIST_WEAK,
    OFF_TOPIC_COMMAND,
    RECOMMEND,
)
from bot.parse.quantities import Quantities

_WORDS = re.compile(r"[\w$%.:/+-]+")
_FOLLOWUP_START = re.compile(
    r"^(?:(?:so|ok|okay|cool|great|thanks|hmm+|right|nice)[,!.]?\s+)?(?:what|how) about\b|^(?:and|also|plus|but|or|now|then|ok and)\b"
    r"|^what if\b|^(?:only|just)\b|^(?:with|without|excluding|except|exclude|minus|not)\b|^instead\b|^same\b"
    r"|^(?:make it|switch to|change (?:it )?to|try|drop|remove|add)\b"
)
_FOLLOWUP_PREP = re.compile(r"^(?:for|at|on|via|under|over|below|above|using|in|from|through)\b")
_LIST_WORD = re.compile(r"\b(?:list|all|every|enumerate|how many)\b")
_INSTEAD = re.compile(r"\binstead\b")
_MODEL_WORD = re.compile(r"\b(?:models?|llms?)\b")


def intent(text: str, n_models: int, task: str | None, sort_by: str | None, constrained: bool, q: Quantities) -> str:
    if n_models >= 2:
        if ALTERNATIVE_STRONG.search(text):
            return "alternatives"
        if COST.search(text) and not COMPARE.search(text):
            return "cost"
        return "compare"
    if n_models == 1:
        if ALTERNATIVE.search(text):
            return "alternatives"
        if re.search(r"\bvs\.?\b|\bversus\b|\bcompar\w*", text):
            return "compare"
        if COST.search(text) or q.tokens_per_month is not None or q.max_monthly_cost is not None:
            return "cost"
        return "info"
    if HELP_LINE.match(text):
        return "help"
    if LIST_STRONG.search(text) and not (sort_by and not _LIST_WORD.search(text)):
        return "list"  # "what are the 3 best models for X" asks for a pick, not an inventory
    if HELP_ANYWHERE.search(text) and not (task or constrained):
        return "help"
    if LIST_WEAK.search(text) and not sort_by and not task:
        return "list"
    domain = bool(DOMAIN.search(text))
    if OFF_TOPIC_COMMAND.match(text) and not domain and not constrained:
        return "unknown"
    if task or constrained or RECOMMEND.search(text) or (sort_by and domain):
        return "recommend"
    return "unknown"


def is_followup(
    text: str, models: list[str], task: str | None, sort_by: str | None, constrained: bool, intent: str
) -> bool:
    """Whether the text refines an earlier question rather than asking a new one."""
    words = len(_WORDS.findall(text))
    if words == 0:
        return False
    if _FOLLOWUP_START.search(text) and words <= 12:
        return True
    if _FOLLOWUP_PREP.search(text) and words <= 6:
        return True
    if _INSTEAD.search(text) and words <= 15:
        return True
    if words <= 8 and not models and not task and constrained and intent in ("recommend", "list"):
        return not (RECOMMEND.search(text) or LIST_STRONG.search(text) or _MODEL_WORD.search(text) or sort_by)
    if words <= 4 and sort_by and not models and not task and not _MODEL_WORD.search(text) and not constrained:
        return True  # "cheaper?", "and faster?"
    return False
