"""FAQ channels: is an un-addressed channel message a question about choosing, pricing or comparing models?

The bot answers only what it is confident about: the parse must find an answerable intent with a confidence at
or above the threshold, and the message must ask something (a question mark, a question word or a request),
not state it ("we switched to sonnet last week"). Chatter, stand-ups, links and questions about other tools stay
unanswered.
"""

from __future__ import annotations

import re

from bot.contract.query import Query

ANSWERABLE = frozenset({"recommend", "compare", "cost", "info", "list", "alternatives", "changes"})
_ASKS = re.compile(
    r"\?|^\s*(?:@\w+\s+)?(?:what|which|who|whats|what's|how|is|are|does|do|did|can|could|should|shall|would|will|"
    r"any|anyone|anybody|recommend|suggest|compare|best|cheapest|fastest|thoughts|worth|vs)\b"
    r"|\b(?:recommend|suggest|compare|thoughts on|worth it|vs\.?|versus|or should we|which one|any (?:cheaper|better|good))\b",
    re.I | re.M,
)
_HOW_TO = re.compile(
    r"\bhow (?:do|can|should) (?:i|we|you) (?:stream|call|use|set ?up|install|fix|debug|configure|prompt|get .* to)\b"
    r"|\b(?:error|exception|traceback|stack ?trace|bug|sdk|api key|rate limit error|status code|timeout)\b",
    re.I,
)


def asks(text: str) -> bool:
    """The message asks something (rather than tells), and not how to use an API or fix an error."""
    return bool(_ASKS.search(text)) and not _HOW_TO.search(text)


def worth_answering(query: Query, text: str, threshold: float) -> bool:
    """Answer this channel message: a confident parse of an answerable intent, and a message that asks."""
    if query.refusal or query.intent not in ANSWERABLE or query.followup:
        return False
    return query.confidence >= threshold and asks(text)
