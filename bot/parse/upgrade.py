"""A comparison asked as a move from one model to another: "should we upgrade from X to Y?", "thinking of moving
from 4o to 5.1, good idea?", "we're on X, worth jumping to Y?", "is Y a good upgrade over X?".

Each rule is a pattern over the question with model names masked (`MODEL_MARK`) and the order its two names are
typed in: `from_first` when the model left comes first ("from X to Y", "replace X with Y"), `to_first` when the
target comes first ("switch to Y from X", "Y worth it over X"). `upgrade_order(text)` gives the order, or None
when the question is no move. The rules hold their examples; `tests/parse/test_upgrade.py` runs them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from bot.parse import pattern_cache
from bot.parse.lexicon import MODEL_MARK

_M = MODEL_MARK
# verbs of moving from one model to another
_MOVE = r"(?:upgrad\w*|switch\w*|mov\w*|migrat\w*|go|goes|going|gone|jump\w*|transition\w*|port\w*|chang\w*|swap\w*|bump\w*|hop\w*)"
# saying the model is the one in use now
_IN_USE = (
    r"(?:on|using|use|used|run(?:s|ning)?|have|has|with|stuck (?:on|with)|currently (?:on|using|with)?|today(?:'s)?|"
    r"(?:our|my) (?:current|existing) (?:model )?(?:is|=)?)"
)
Order = Literal["from_first", "to_first"]


@dataclass(frozen=True)
class UpgradeRule:
    name: str
    order: Order
    pattern: re.Pattern[str]
    examples: tuple[str, ...]


RULES: tuple[UpgradeRule, ...] = (
    UpgradeRule(
        "from_to",
        "from_first",
        pattern_cache.compile(rf"\bfrom\s+{_M}\s+(?:\w+\s+){{0,3}}?(?:to|for|onto|into)\s+(?:the\s+)?(?:new\s+)?{_M}"),
        ("should I upgrade from ¤ to ¤?", "thinking of moving from ¤ to ¤, good idea?", "from ¤ over to ¤"),
    ),
    UpgradeRule(
        "move_to",
        "from_first",
        pattern_cache.compile(
            rf"\b{_MOVE}\s+(?:(?:our|my|the)\s+\w+\s+)?{_M}\s+(?:\w+\s+){{0,2}}?(?:to|for|onto|into|->|=>)\s+{_M}"
        ),
        ("moving ¤ to ¤: good idea?", "swap ¤ for ¤?", "migrate our app ¤ over to ¤"),
    ),
    UpgradeRule(
        "replace_with",
        "from_first",
        pattern_cache.compile(
            rf"\b(?:replac\w*|swap\w*(?: out)?|substitut\w*|ditch\w*|drop\w*|dump\w*)\s+{_M}\s+(?:with|by|for)\s+{_M}"
        ),
        ("planning to replace ¤ with ¤ next sprint, thoughts?", "swap out ¤ for ¤"),
    ),
    UpgradeRule(
        "on_then_move",
        "from_first",
        pattern_cache.compile(
            rf"\b{_IN_USE}\s+{_M}.{{0,80}}?\b(?:{_MOVE}|worth|try\w*|adopt\w*|consider\w*)\s+(?:\w+\s+){{0,2}}?(?:to|onto|with)\s+{_M}"
            rf"|\b{_IN_USE}\s+{_M}.{{0,60}}?\b(?:upgrad\w*|{_MOVE}) (?:to|onto) {_M}"
        ),
        (
            "we use ¤ today, should we jump to ¤?",
            "we're on ¤, does it make sense to go to ¤?",
            "any reason to stay on ¤ rather than move to ¤?",
        ),
    ),
    UpgradeRule(
        "arrow",
        "from_first",
        pattern_cache.compile(rf"{_M}\s*(?:->|=>|-->|>)\s*{_M}"),
        ("¤ -> ¤ worth it?",),
    ),
    UpgradeRule(
        "to_from",
        "to_first",
        pattern_cache.compile(
            rf"\b(?:{_MOVE}|upgrade)\s+(?:\w+\s+){{0,2}}?to\s+{_M}\s+(?:\w+\s+){{0,3}}?(?:from|instead of|over)\s+{_M}"
        ),
        ("would switching to ¤ from ¤ make sense?", "is it worth moving to ¤ from ¤"),
    ),
    UpgradeRule(
        "to_then_on",
        "to_first",
        pattern_cache.compile(
            rf"\b(?:{_MOVE}|upgrade)\s+(?:\w+\s+){{0,2}}?to\s+{_M}.{{0,40}}?\b(?:currently|today|now|right now|at the moment)\s+(?:on|using|with|we use|use)\s+{_M}"
        ),
        ("considering an upgrade to ¤, currently on ¤",),
    ),
    UpgradeRule(
        "worth_over",
        "to_first",
        pattern_cache.compile(
            rf"{_M}\s+(?:\w+\s+){{0,2}}worth\s+(?:it\s+|the\s+\w+\s+|paying\s+|switching\s+|moving\s+)?(?:over|vs\.?|compared to|for us over)\s+{_M}"
            rf"|{_M}\s+(?:\w+\s+){{0,3}}?(?:a |an )?(?:good|worthwhile|real|big|worthy|sensible|solid) (?:upgrade|step up|replacement|successor) (?:over|from|to|for)\s+{_M}"
        ),
        ("is ¤ worth it over ¤?", "is ¤ a good upgrade over ¤?"),
    ),
)


def upgrade_order(text: str) -> Order | None:
    """How a question moving from one model to another orders the two, or None when it is no move."""
    for rule in RULES:
        if rule.pattern.search(text):
            return rule.order
    return None
