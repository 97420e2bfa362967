"""Where the user wants to buy: providers named in a question, kept or excluded.

"on Bedrock", "via OpenRouter", "from Anthropic" keep a provider; "not from OpenAI", "excluding Google",
"no Azure", "non-OpenAI" exclude one, and a list after an exclusion ("not Google or OpenAI") is
excluded whole. Ids are models.dev provider ids, checked against the catalogue's. Common names
(`openai`, `bedrock`, `vertex`...) count anywhere; a provider id that is also an ordinary word
("together", "inference", "nova") counts only after a cue such as "on" or "via". A provider word right
before a model name ("OpenAI's gpt-4o") names the maker, not where to buy.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bot.catalogue.store import Catalogue
from bot.parse import pattern_cache
from bot.parse.lexicon import MODEL_MARK

# spoken names -> provider id; True: counts without a cue
NAMES: dict[str, tuple[str, bool]] = {
    "openai": ("openai", True),
    "open ai": ("openai", True),
    "openai api": ("openai", True),
    "anthropic": ("anthropic", True),
    "anthropic api": ("anthropic", True),
    "google ai studio": ("google", True),
    "ai studio": ("google", True),
    "gemini api": ("google", True),
    "google": ("google", True),
    "google ai": ("google", True),
    "vertex ai": ("google-vertex", True),
    "google vertex": ("google-vertex", True),
    "vertex": ("google-vertex", True),
    "gcp": ("google-vertex", True),
    "google cloud": ("google-vertex", True),
    "azure openai": ("azure", True),
    "microsoft azure": ("azure", True),
    "azure ai foundry": ("azure", True),
    "azure ai": ("azure", True),
    "azure": ("azure", True),
    "microsoft": ("azure", False),
    "amazon bedrock": ("amazon-bedrock", True),
    "aws bedrock": ("amazon-bedrock", True),
    "bedrock": ("amazon-bedrock", True),
    "aws": ("amazon-bedrock", True),
    "amazon": ("amazon-bedrock", False),
    "mistral ai": ("mistral", True),
    "la plateforme": ("mistral", True),
    "mistral": ("mistral", True),
    "deepseek": ("deepseek", True),
    "deepseek api": ("deepseek", True),
    "xai": ("xai", True),
    "x.ai": ("xai", True),
    "x ai": ("xai", False),
    "groq": ("groq", True),
    "groqcloud": ("groq", True),
    "cerebras": ("cerebras", True),
    "together ai": ("togetherai", True),
    "together.ai": ("togetherai", True),
    "togetherai": ("togetherai", True),
    "together": ("togetherai", False),
    "fireworks ai": ("fireworks-ai", True),
    "fireworks.ai": ("fireworks-ai", True),
    "fireworks": ("fireworks-ai", True),
    "openrouter": ("openrouter", True),
    "open router": ("openrouter", True),
    "deepinfra": ("deepinfra", True),
    "deep infra": ("deepinfra", True),
    "perplexity": ("perplexity", False),
    "perplexity api": ("perplexity", True),
    "cohere": ("cohere", True),
    "hugging face": ("huggingface", True),
    "huggingface": ("huggingface", True),
    "hf inference": ("huggingface", True),
    "nvidia nim": ("nvidia", True),
    "nvidia": ("nvidia", True),
    "nim": ("nvidia", False),
    "cloudflare workers ai": ("cloudflare-workers-ai", True),
    "workers ai": ("cloudflare-workers-ai", True),
    "cloudflare": ("cloudflare-workers-ai", True),
    "github models": ("github-models", True),
    "github copilot": ("github-copilot", True),
    "vercel ai gateway": ("vercel", True),
    "vercel": ("vercel", True),
    "baseten": ("baseten", True),
    "nebius": ("nebius", True),
    "novita": ("novita-ai", True),
    "novita ai": ("novita-ai", True),
    "scaleway": ("scaleway", True),
    "ovhcloud": ("ovhcloud", True),
    "ovh": ("ovhcloud", True),
    "databricks": ("databricks", True),
    "alibaba cloud": ("alibaba", True),
    "dashscope": ("alibaba", True),
    "alibaba": ("alibaba", True),
    "moonshot": ("moonshotai", True),
    "moonshot ai": ("moonshotai", True),
    "minimax": ("minimax", True),
    "zhipu": ("zhipuai", True),
    "z.ai": ("zai", True),
    "llama api": ("llama", True),
    "meta llama api": ("llama", True),
    "meta api": ("llama", True),
    "sambanova": ("sambanova", True),
    "chutes": ("chutes", True),
    "venice": ("venice", False),
    "requesty": ("requesty", True),
    "friendli": ("friendli", True),
    "digitalocean": ("digitalocean", True),
}

# provider ids and names that are ordinary words: never read as a provider from the catalogue's list
_ORDINARY = frozenset(
    "inference synthetic lilac morph kilo nova llama ambient inception abacus upstage bailing poe helicone vercel "
    "v0 opencode auto default router gateway cloud api".split()
)
_CUE_BEFORE = pattern_cache.compile(
    r"(?:\b(?:from|on|via|through|thru|using|use|at|by|in|with|hosted (?:on|by)|served (?:on|by)|available (?:on|from|in|via|through)"
    r"|sold by|offered by|provided by|only|just|stick to|limit(?:ed)? to|restricted to|within|inside|buy from|buying from|deploy(?:ed)? on)"
    r"\s+(?:the\s+|an?\s+)?(?:(?:api|platform|cloud|endpoint)s?\s+(?:of\s+)?)?)$"
)
_CUE_AFTER = pattern_cache.compile(
    r"^\s*(?:'s\s+)?(?:only|api|apis|models?|platform|endpoints?|hosted|cloud|catalog(?:ue)?|offers?|offerings"
    r"|hosts?|serves?|sells?|provides?|runs?|has available)\b"
)
_EXCLUDE_BEFORE = pattern_cache.compile(
    r"(?:\b(?:not|no|(?:is|are|was|were)n'?t|(?:does|do)n'?t come|excluding|exclude|excluded|except|without|avoid(?:ing)?|other than|besides|but not|minus|apart from"
    r"|outside(?: of)?|anything but|never|nothing (?:from|on)|skip(?:ping)?|ban(?:ning)?|drop(?:ping)?|leave out|leaving out|rule out"
    r"|none (?:from|on|of)"
    # a seller being left: "our CTO wants to get off OpenAI", "moving away from azure", "ditch aws"
    r"|get off|getting off|move off|moving off|migrat\w* off|away from|ditch(?:ing)?|quit(?:ting)?|stop using|leav(?:e|ing)"
    # a use ruled out: "if we can't use openai or google", "we're not allowed to touch aws", "legal won't let us use x"
    r"|(?:can'?t|cannot|can not|could ?n'?t|mustn'?t|must not|won'?t|shouldn'?t|should not|not allowed to|(?:are|is)n'?t allowed to"
    r"|not permitted to|banned from|forbidden (?:to|from)|won'?t let (?:us|me)) (?:use|using|touch|go with|send (?:data|anything) to|buy from|rely on)"
    # "isn't served by deepseek", "not hosted on azure": the seller ruled out by a participle
    r")\s+(?:(?:from|on|via|through|using|in|at|by|any|the|of|anything|served|hosted|sold|offered|provided|run|running)\s+){0,3}|\bnon[\s-]?)$"
)
_LIST_JOIN = pattern_cache.compile(r"^\s*(?:,|/|&|\+|or|and|nor|vs\.?|versus|,\s*or|,\s*and|,\s*nor)\s*(?:from\s+|on\s+|via\s+)?$")


@dataclass(frozen=True, slots=True)
class ProviderFilter:
    providers: list[str]
    excluded: list[str]


_TOKEN = pattern_cache.compile(r"\w+(?:\.\w+)*")
_SEP = pattern_cache.compile(r"[\s-]+")


@dataclass(frozen=True, slots=True)
class _Table:
    names: dict[str, tuple[str, bool]]  # words joined by one space -> (provider id, counts without a cue)
    longest: int  # words in the longest name
    first_words: frozenset[str] = frozenset()  # the first word of every name: no other word starts a match


_ACCOUNT_AFTER = pattern_cache.compile(r"^(?:'s)?\s+(?:bill|bills|invoice|invoices|spend|spending|costs|account|usage|contract)\b")


_SPEND_BEFORE = pattern_cache.compile(
    # not past a model: "estimate monthly spend for ¤ on together ai" is where that model runs
    r"\b(?:spend|spends|spending|spent|pay|pays|paying|paid|bill|billed)\b[^.?!;¤]{0,30}\b(?:on|to|with)\s+$|\b(?:pay|pays|paying|paid)\s+$"
)


def _norm(name: str) -> str:
    return " ".join(w for w in _SEP.split(name.strip()) if w)


def provider_table(catalogue: Catalogue) -> _Table:
    """Every name a provider goes by, for the providers the catalogue has."""
    known = catalogue.providers
    names = {_norm(k): v for k, v in NAMES.items() if v[0] in known}
    for pid, display in known.items():
        for name in {pid, pid.replace("-", " "), display.lower()}:
            key = _norm(name)
            if len(key) >= 3 and key not in names and key not in _ORDINARY:
                names[key] = (pid, False)
    return _Table(names, max(len(n.split()) for n in names), frozenset(n.split()[0] for n in names))


def _matches(text: str, table: _Table) -> Iterator[tuple[int, int, str]]:
    """(start, end, name) of each provider name in `text`, longest first, not inside a hyphenated word."""
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    first = table.first_words
    i = 0
    while i < len(tokens):
        if tokens[i][2] not in first:
            i += 1
            continue
        for n in range(min(table.longest, len(tokens) - i), 0, -1):
            start, end = tokens[i][0], tokens[i + n - 1][1]
            if not all(_SEP.fullmatch(text[tokens[k][1] : tokens[k + 1][0]]) for k in range(i, i + n - 1)):
                continue
            key = " ".join(t[2] for t in tokens[i : i + n])
            if key not in table.names:
                continue
            if start > 0 and text[start - 1] == "-" and not text[:start].endswith("non-"):
                continue  # "x-openai": part of another word
            if end < len(text) and text[end] == "-":
                continue  # "openai-compatible"
            yield start, end, key
            i += n - 1
            break
        i += 1


def find_providers(text: str, catalogue: Catalogue) -> ProviderFilter:
    """Providers kept and excluded in `text` (lower case, model names masked)."""
    table: _Table = catalogue.index(provider_table)
    keep: list[str] = []
    drop: list[str] = []
    previous_end = -1
    previous_excluded = False
    for start, end, name in _matches(text, table):
        pid, bare = table.names[name]
        before = text[max(0, start - 40) : start]
        after = text[end : end + 24]
        if after.lstrip().startswith(MODEL_MARK) or re.match(rf"^'s\s+{MODEL_MARK}", after):
            continue  # "OpenAI's gpt-4o": the maker of a named model
        if _ACCOUNT_AFTER.match(after) or _SPEND_BEFORE.search(before):
            continue  # "our openai bill is $3k", "we spend $15k a month on openai": where the team pays now
        joined = previous_end >= 0 and _LIST_JOIN.match(text[previous_end:start]) is not None
        if _EXCLUDE_BEFORE.search(before) or (joined and previous_excluded):
            excluded = True
        elif bare or _CUE_BEFORE.search(before) or _CUE_AFTER.match(after) or joined:
            excluded = False
        else:
            continue
        (drop if excluded else keep).append(pid)
        previous_end, previous_excluded = end, excluded
    drop = list(dict.fromkeys(drop))
    keep = [p for p in dict.fromkeys(keep) if p not in drop]
    return ProviderFilter(keep, drop)
