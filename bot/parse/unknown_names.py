"""Names shaped like a model id that no model in the catalogue has: "foobar-ultra-9", "acme-llm-3b", "zorblax-7".

A name with a known family word ("gpt-9000-ultra") is found by `model_names`; this rule finds the rest, so a made-up
or too-new id gets "did you mean" or "newer than my data" rather than an answer about something else. A token is
model-shaped when it joins an alphabetic part of three or more letters to a part with a digit (or a model-line word
such as 'ultra' or 'instruct') with hyphens, and is none of the other hyphenated things a question says: cloud
regions, sizes, standards, dates, GPUs or rankings.
"""

from __future__ import annotations

from bot.parse import pattern_cache
from bot.parse.model_names import Mention

_SHAPED = pattern_cache.compile(r"(?<![\w$/.@-])[a-z][a-z0-9]*(?:-[a-z0-9][a-z0-9.]*){1,4}(?![\w/@-])")
_LINE_WORDS = frozenset(
    {"ultra", "pro", "mini", "max", "turbo", "flash", "lite", "instruct", "chat", "llm", "nano", "plus", "preview",
     "large", "small", "medium", "base", "coder", "vision", "reasoner", "thinking", "exp", "beta", "alpha"}
)  # fmt: skip
# hyphenated things that are not model names: regions, sizes, standards, GPUs, rankings, time
_NOT_NAMES = pattern_cache.compile(
    r"^(?:[a-z]{2,3}-(?:north|south|east|west|central|northeast|southeast|northwest|southwest)\w*-?\d*"
    r"|(?:europe|asia|us|eu|me|af|sa|ap|ca|uk|jp|au)-[a-z]+\d*(?:-\d+)?"
    r"|(?:top|first|last|step|tier|level|phase|round|day|week|month|year|gen|type|class|part|page|item|line|row"
    r"|utf|iso|cve|covid|soc|pci|rfc|sha|md|aes|rsa|ipv|http|tls|ssl|icd|hl7|fhir|cpt|nist|owasp|cwe|iec|ieee|ansi|din|ean|isbn|mp|h|a|b|l|p|v|x|fp|int|bf|q|nf|gguf|awq"
    r"|gptq|exl|k|m|n|t|rtx|gtx|nvidia|amd|apple|mac|macbook|m|in|out|per|non|pre|post|multi|single|zero|one|two"
    r"|few|co|re|e|self|well|high|low|real|long|short|near|state|end|open|closed|best|worst|sub|over|under|all"
    r"|python|py|node|nodejs|ubuntu|debian|windows|win|macos|ios|android|iphone|pixel|java|jdk|react|vue|angular"
    r"|django|rails|postgres|postgresql|mysql|redis|kafka|chrome|firefox|safari|office|excel|jira|k8s|kubernetes"
    r"|docker|terraform|ec2|lambda|log4j|openssl|php|ruby|go|rust|swift|kotlin|scala|dotnet|net|cuda|pytorch|torch"
    r"|tensorflow|transformers|vllm|tgi|ollama|sglang|llamacpp|wave|sprint|release|version|build|stage|prod|dev"
    r"|apache|mit|gpl|agpl|lgpl|bsd|mpl|cc|epl)-"  # licences: "apache-2.0", "cc-by-4.0"
    r"|.*\b\d+(?:k|m|b|x|gb|tb|mb|ms|s|h|d)?-(?:tokens?|token|context|ctx|page|pages|word|words|line|lines|day|days"
    r"|hour|hours|minute|minutes|second|seconds|week|weeks|month|months|year|years|shot|way|step|steps|turn|turns"
    r"|bit|bits|core|cores|gpu|gpus|node|nodes|person|people|user|users|seat|seats|char|chars|character|characters"
    r"|doc|docs|document|documents|request|requests|call|calls|language|languages|param|params|parameter)\b)"
)


def shaped_unknowns(text: str, found: list[Mention], vocab: frozenset[str] | set[str]) -> list[Mention]:
    """Model-shaped names in `text` (lower case) outside the mentions already `found`, as unknown mentions."""
    if "-" not in text:
        return []
    taken = [(m.start, m.end) for m in found]
    out = []
    for m in _SHAPED.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken) or not _model_shaped(m.group(), vocab):
            continue
        out.append(Mention(m.start(), m.end(), m.group(), None))
    return out


def _model_shaped(token: str, vocab: frozenset[str] | set[str]) -> bool:
    if _NOT_NAMES.match(token):
        return False
    parts = token.split("-")
    named = any(len(p) >= 3 and p.isalpha() and p not in _LINE_WORDS for p in parts)
    marked = any(any(ch.isdigit() for ch in p) or p in _LINE_WORDS for p in parts[1:])
    return named and marked and not all(p in vocab for p in parts if p.isalpha())
