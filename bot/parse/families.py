"""Model families and makers named where a model belongs: "is claude better than gpt?", "what would deepseek cost?"."""

from __future__ import annotations

import re

from bot.parse import pattern_cache

_FAMILY_WORD = pattern_cache.compile(
    r"\b(?:gpt|chatgpt|claude|gemini|gemma|llama|qwen|grok|kimi|glm|phi|nemotron|sonnet|opus|haiku|deepseek|mistral)\b(?![-.]?\d)"
)
# makers whose names are families too, named as sellers: "on deepseek or mistral", "isn't from deepseek"
_MAKER_FAMILY = ("deepseek", "mistral")
_AS_SELLER = pattern_cache.compile(r"\b(?:from|on|via|at|through|by|off)\s+(?:deepseek|mistral)\b")


def families(text: str) -> list[str]:
    """Model families named without a model; DeepSeek and Mistral only where no sentence names them as sellers."""
    found = list(dict.fromkeys(_FAMILY_WORD.findall(text)))
    return [f for f in found if f not in _MAKER_FAMILY] if _AS_SELLER.search(text) else found


def maker_as_model(provider: str, text: str) -> bool:
    """Whether a provider id stands where a model would ("what would deepseek cost", "¤, ¤ and deepseek")."""
    p = re.escape(provider)
    return bool(
        re.search(rf"\bwhat (?:would|does|will|might) {p} (?:cost|charge|run us)\b|(?:¤|\w),?\s+(?:and|or|vs\.?|versus)\s+{p}\b(?!\s+(?:api|models?|'s))"
                  rf"|^\W*{p}\s+(?:vs\.?|versus)\b|\bcompare\s+{p}\s+(?:and|with|to|vs)\b", text)
    )
