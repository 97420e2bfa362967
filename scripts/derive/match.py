"""Source name -> (catalogue model id, variant): never silent.

Each row's name is split into a base name and a variant (thinking budget, reasoning effort, BFCL's FC/Prompt
mode); the name is looked up with `Catalogue.model()` (normalised ids, offer ids, and the curated source
names). A name that matches nothing is recorded as ignored (the curated ignore list) or unmatched.
"""

from __future__ import annotations

import re
from collections import defaultdict

BIG_MAKERS = re.compile(
    r"gpt|o[134]\b|o[134]-|chatgpt|claude|gemini|gemma|grok|llama|mistral|ministral|magistral|codestral|devstral|"
    r"pixtral|deepseek|qwen|qwq|nova|command|cohere",
    re.I,
)

_VARIANT_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\s*\((FC|Prompt)(?: \+ Thinking| thinking)?\)$", re.I), r"\1"),
    (re.compile(r"\s*\(([^)]*)\)$"), r"\1"),
    (re.compile(r"_(\d+K)$", re.I), r"\1 thinking budget"),
    (re.compile(r"_(high|medium|low|xhigh|minimal|max|none|auto|unknown)$", re.I), r"\1 effort"),
    (re.compile(r"-(high|medium|low|xhigh)-(\d+k)$", re.I), r"\1 effort, \2 thinking"),
    (re.compile(r"-(no-thinking|non-thinking|web-?app)$", re.I), r"\1"),
    (re.compile(r"-thinking-(\d+k)(?:-(high|medium|low)-effort)?$", re.I), r"thinking \1"),
    (re.compile(r"-thinking-auto-(high|medium|low)-effort$", re.I), r"adaptive thinking, \1 effort"),
    (re.compile(r"-(high|medium|low|xhigh|max)-effort$", re.I), r"\1 effort"),
    (re.compile(r"-(highthinking|nothinking|minimal|xhigh|high|medium|low)$", re.I), r"\1"),
    (re.compile(r"-(thinking|reasoning|non-reasoning|base)$", re.I), r"\1"),
    (re.compile(r"-(search)$", re.I), r"\1"),
]


def split_variant(name: str) -> tuple[str, str | None]:
    """`('claude-opus-4-7', 'xhigh effort')` from `claude-opus-4-7_xhigh`; repeated until nothing is left."""
    base, parts = name.strip(), []
    for _ in range(3):
        for pattern, template in _VARIANT_PATTERNS:
            m = pattern.search(base)
            if m and m.start() > 0:
                parts.append(m.expand(template).strip())
                base = base[: m.start()].strip()
                break
        else:
            break
    return base, ", ".join(reversed(parts)) or None


class Matcher:
    """Source name -> (catalogue model id, variant), remembering what did not match."""

    def __init__(self, catalogue, ignore: list[str], not_this_model: frozenset[str]) -> None:  # type: ignore[no-untyped-def]
        self.catalogue = catalogue
        self.ignore = [re.compile(p, re.I) for p in ignore]
        self.not_this_model = not_this_model
        self.unmatched: dict[str, set[str]] = defaultdict(set)
        self.ignored: dict[str, set[str]] = defaultdict(set)
        self.matches: dict[tuple[str, str], tuple[str, str | None]] = {}

    def _lookup(self, name: str):  # type: ignore[no-untyped-def]
        model = self.catalogue.model(name) or self.catalogue.model(name.replace(" ", "-"))
        return model if model is not None and model.kind == "chat" else None

    def match(self, source: str, name: str) -> tuple[str | None, str | None]:
        """The model a source row names and the variant it measured; (None, variant) if none."""
        base, variant = split_variant(name)
        if base.lower() in self.not_this_model or name.lower() in self.not_this_model:
            self.ignored[source].add(name)
            return None, variant
        whole, part = self._lookup(name), self._lookup(base) if base != name else None
        model = whole or part
        if model is None:
            if any(p.search(base) for p in self.ignore):
                self.ignored[source].add(name)
            else:
                self.unmatched[source].add(name)
            return None, variant
        if whole is not None and (part is None or part.id != whole.id):
            variant = None  # the variant marker is part of the model's own name (`magistral-medium`)
        self.matches[(source, name)] = (model.id, variant)
        return model.id, variant

    def big_makers_unmatched(self) -> dict[str, list[str]]:
        """Source -> the unmatched names that look like a big maker's model."""
        return {s: sorted(n for n in names if BIG_MAKERS.search(n)) for s, names in self.unmatched.items()}
