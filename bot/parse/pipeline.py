"""Questions to queries: `parse(text, catalogue)` fills the `Query` of the parse contract.

The text is cleaned of platform syntax (`bot.parse.text`), lower-cased, spell-repaired for key words
(`bot.parse.spelling`); model names are found and masked (`bot.parse.model_names`), then providers
(`bot.parse.provider_names`), numbers (`bot.parse.quantities`) and words (`bot.parse.lexicon`) are read from what is
left, and the intent is decided from all of it. Offline, deterministic, and it never raises.

Input limit: a question longer than `MAX_QUESTION_CHARS` (1,000) characters once platform syntax, URLs
and emoji are removed is refused politely (`refusal` set, intent `unknown`); so is raw input over
`MAX_INPUT_CHARS` (50,000), which is not even cleaned. An empty question is a request for help.
"""

from __future__ import annotations

import logging
import math
import re

from bot.catalogue.store import Catalogue
from bot.contract.query import NUMERIC_FIELDS, Query
from bot.contract.vocab import MAX_QUESTION_CHARS
from bot.parse.lexicon import (
    ALTERNATIVE,
    ALTERNATIVE_STRONG,
    CAP_FILTER_AFTER,
    CAP_FILTER_CUES,
    CAP_TASK_CUES,
    CAPABILITIES,
    COMPARE,
    COST,
    DOMAIN,
    FREE,
    HELP_ANYWHERE,
    HELP_LINE,
    LIST_STRONG,
    LIST_WEAK,
    MODALITIES,
    MODALITY_NOT_INPUT,
    MODEL_MARK,
    OFF_TOPIC_COMMAND,
    RECOMMEND,
    SORT_CONTEXT,
    SORT_COST,
    SORT_LATENCY,
    SORT_QUALITY,
    SORT_SPEED,
    SORT_VALUE,
    TASKS,
)
from bot.parse.model_names import Mention, find_mentions, name_index
from bot.parse.numbers import words_to_digits
from bot.parse.provider_names import find_providers
from bot.parse.quantities import Quantities, extract_quantities
from bot.parse.spelling import correct_spelling
from bot.parse.text import plain_text

log = logging.getLogger("whichmodel.parse")

MAX_INPUT_CHARS = 50_000

_WORDS = re.compile(r"[\w$%.:/+-]+")
_BARE_NUMBER_OK = re.compile(r"\bvs\.?\b|\bversus\b|\bcompar\w*|\bor\b|\bthan\b|\bover\b|\bupgrad\w*|\bswitch\w*")
_UPGRADE = re.compile(
    rf"\b(?:upgrad\w*|switch\w*|mov\w*|migrat\w*|go(?:ing)?|jump\w*|transition\w*)\s+(?:up\s+)?from\s+{MODEL_MARK}\s+(?:to|for)\s+{MODEL_MARK}"
    rf"|\bfrom\s+{MODEL_MARK}\s+to\s+{MODEL_MARK}"
)
_UPGRADE_OVER = re.compile(
    rf"{MODEL_MARK}\s+(?:\w+\s+){{0,2}}worth\s+(?:it\s+|the\s+\w+\s+|paying\s+)?(?:over|vs\.?|compared to)\s+{MODEL_MARK}"
)
_FOLLOWUP_START = re.compile(
    r"^(?:(?:so|ok|okay|cool|great|thanks|hmm+|right|nice)[,!.]?\s+)?(?:what|how) about\b|^(?:and|also|plus|but|or|now|then|ok and)\b"
    r"|^what if\b|^(?:only|just)\b|^(?:with|without|excluding|except|exclude|minus|not)\b|^instead\b|^same\b"
    r"|^(?:make it|switch to|change (?:it )?to|try|drop|remove|add)\b"
)
_FOLLOWUP_PREP = re.compile(r"^(?:for|at|on|via|under|over|below|above|using|in|from|through)\b")
_SPACES = re.compile(r"\s{2,}")
_AGENT_WORK = re.compile(
    r"\bagent(?:s|ic)?\b|\bmulti-?step\b|\bplann\w*|\bworkflows?\b|\borchestrat\w*|\bautonomous\w*"
)
_LIST_WORD = re.compile(r"\b(?:list|all|every|enumerate|how many)\b")
_INSTEAD = re.compile(r"\binstead\b")
_MODEL_WORD = re.compile(r"\b(?:models?|llms?)\b")
_CHANGES = re.compile(r"^\W*(?:what(?:'s|\s+has|\s+have|\s+is)?\s+(?:changed|new)|(?:price\s+)?changes)\b", re.I)
_SPEED_NUMBER = re.compile(r"\bspeed\b\s*(?:of|at least|above|over|>=?|:)?\s*\d|\d[^a-z]{0,12}\bspeed\b")


def parse(text: str, catalogue: Catalogue) -> Query:
    """The structured query for one question. Never raises: a failure becomes a polite refusal."""
    try:
        return parse_strict(text, catalogue)
    except Exception:  # noqa: BLE001 - the parser's contract is to always return a Query
        log.exception("parse failed on a %d-character question", len(text) if isinstance(text, str) else -1)
        return Query(intent="unknown", refusal="Sorry, I could not read that question. Could you rephrase it?")


def _too_long(n: int) -> Query:
    return Query(
        intent="unknown",
        refusal=(
            f"That message is {n:,} characters long; I read questions of up to {MAX_QUESTION_CHARS:,} characters. "
            "Could you ask it in a sentence or two (e.g. 'cheapest model for 50M tokens of classification')?"
        ),
    )


def parse_strict(text: str, catalogue: Catalogue) -> Query:
    """`parse` without the safety net (tests use it to find real failures)."""
    if not isinstance(text, str):
        text = str(text)
    if len(text) > MAX_INPUT_CHARS:
        return _too_long(len(text))
    plain = plain_text(text)
    if not plain:
        return Query(intent="help")
    if len(plain) > MAX_QUESTION_CHARS:
        return _too_long(len(plain))
    if _CHANGES.search(plain):
        return Query(intent="changes")
    lower = plain.lower()
    index = name_index(catalogue)
    corrected = correct_spelling(lower, keep=index.vocab)
    mentions = _usable(find_mentions(corrected, catalogue), corrected)
    masked = _mask(corrected, mentions)
    providers = find_providers(masked, catalogue)
    quantities = _sane(extract_quantities(words_to_digits(masked)))

    capabilities, cap_tasks, rest = _capabilities(masked)
    task = _task(rest, cap_tasks)
    sort_by = _sort(masked)
    modalities = _modalities(masked)
    include_free = bool(FREE.search(masked))

    models = list(dict.fromkeys(m.model_id for m in mentions if m.model_id))
    unknown = list(dict.fromkeys(m.text for m in mentions if m.model_id is None))
    assumptions = [m.assumption for m in mentions if m.assumption] + quantities.assumptions
    has_constraints = bool(
        providers.providers
        or providers.excluded
        or modalities
        or capabilities
        or include_free
        or any(getattr(quantities, f) is not None for f in NUMERIC_FIELDS)
    )
    intent = _intent(masked, len(models) + len(unknown), task, sort_by, has_constraints, quantities)
    followup = _is_followup(masked, models, task, sort_by, has_constraints, intent)
    upgrade = False
    if intent == "compare" and len(models) >= 2:
        if _UPGRADE.search(masked):
            upgrade = True
        elif _UPGRADE_OVER.search(masked):
            upgrade = True
            models[0], models[1] = models[1], models[0]

    if intent in ("help", "unknown"):
        return Query(intent=intent, unknown_models=unknown, assumptions=[], followup=followup)
    if intent == "info":  # the contract keeps only the model; a modality asked about is answered yes/no
        return Query(
            intent="info",
            models=models,
            input_modalities=modalities,
            unknown_models=unknown,
            assumptions=assumptions,
            followup=followup,
        )
    fields = {name: getattr(quantities, name) for name in NUMERIC_FIELDS}
    query = Query(
        intent=intent,
        task=task,
        models=models,
        sort_by=sort_by,
        input_modalities=modalities,
        capabilities=capabilities,
        providers=providers.providers,
        exclude_providers=providers.excluded,
        include_free=include_free,
        unknown_models=unknown,
        assumptions=assumptions,
        followup=followup,
        **fields,
    )
    if upgrade:
        query = query.model_copy(update={"upgrade": True})
    return query


def _sane(q: Quantities) -> Quantities:
    """Drop numbers no query can hold (infinite, negative, a share outside 0-1, a zero limit). A huge volume stays:
    the answer says it looks off rather than silently ignoring it."""
    for name in NUMERIC_FIELDS:
        value = getattr(q, name)
        if value is None:
            continue
        if not math.isfinite(value) or value < 0 or (value > 1e15 and name != "tokens_per_month"):
            setattr(q, name, None)
    if q.input_share is not None and not 0 <= q.input_share <= 1:
        q.input_share = None
    if q.limit is not None and q.limit < 1:
        q.limit = None
    for name in ("min_context", "min_output", "limit"):
        value = getattr(q, name)
        if value is not None:
            setattr(q, name, int(value))
    return q


def _usable(mentions: list[Mention], text: str) -> list[Mention]:
    """Bare version numbers ("4.1") count as names only beside another name or a comparison word."""
    if not any(m.bare_number for m in mentions):
        return mentions
    others = any(not m.bare_number and m.model_id for m in mentions)
    ok = others or bool(_BARE_NUMBER_OK.search(text)) and sum(1 for m in mentions if m.model_id) >= 2
    return [m for m in mentions if not m.bare_number or ok]


def _mask(text: str, mentions: list[Mention]) -> str:
    out = []
    last = 0
    for m in sorted(mentions, key=lambda m: m.start):
        out.append(text[last : m.start])
        out.append(f" {MODEL_MARK} ")
        last = m.end
    out.append(text[last:])
    return _SPACES.sub(" ", "".join(out))


def _capabilities(text: str) -> tuple[list[str], list[tuple[str, int]], str]:
    """Capabilities asked for as filters, capability phrases that name a task ("for tool calling"), and the
    text with every capability phrase blanked out."""
    caps: list[str] = []
    tasks: list[tuple[str, int]] = []
    blanked = text
    for cap, task, pattern in CAPABILITIES:
        for m in pattern.finditer(text):
            role = _cap_role(text, m.start(), m.end(), cap, m.group())
            if role == "filter" and cap not in caps:
                caps.append(cap)
            elif role == "task" and task:
                tasks.append((task, m.start()))
            if role is not None:
                blanked = blanked[: m.start()] + " " * (m.end() - m.start()) + blanked[m.end() :]
    return caps, tasks, blanked


def _cap_role(text: str, start: int, end: int, cap: str, phrase: str) -> str | None:
    if cap == "open_weights":
        return "filter"
    if phrase == "tools" and _AGENT_WORK.search(text):
        return "task"  # "an agent that plans with tools": the workload, not a filter
    if CAP_FILTER_AFTER.match(text[end : end + 20]):
        return "filter"
    for word in reversed(re.findall(r"[\w/]+", text[max(0, start - 40) : start])[-4:]):
        if word == "in" and phrase.endswith(("mode", "modes")):
            return "filter"  # "extraction in JSON mode": a feature to have, not a task
        if word in CAP_TASK_CUES:
            return "task"
        if word in CAP_FILTER_CUES:
            return "filter"
    if phrase == "thinking":
        return None  # "I'm thinking of using ..."
    return "task" if cap == "reasoning" else "filter"


def _task(text: str, cap_tasks: list[tuple[str, int]]) -> str | None:
    best: tuple[int, int, str] | None = None
    for task, prio, pattern in TASKS:
        m = pattern.search(text)
        if m is not None and (best is None or (prio, -m.start()) > (best[0], -best[1])):
            best = (prio, m.start(), task)
    for task, pos in cap_tasks:
        prio = next(p for t, p, _ in TASKS if t == task)
        if best is None or (prio, -pos) > (best[0], -best[1]):
            best = (prio, pos, task)
    return best[2] if best else None


def _sort(text: str) -> str | None:
    for name, pattern in (("value", SORT_VALUE), ("context", SORT_CONTEXT), ("latency", SORT_LATENCY)):
        if pattern.search(text):
            return name
    speed = SORT_SPEED.search(text)
    if speed is not None and speed.group() == "speed" and _SPEED_NUMBER.search(text):
        speed = None  # "output speed at least 100 tok/s" is a floor, not an objective
    cost = SORT_COST.search(text)
    if speed and cost:
        return "speed" if speed.start() < cost.start() else "cost"
    if speed:
        return "speed"
    if cost:
        return "cost"
    if SORT_QUALITY.search(text):
        return "quality"
    return None


def _modalities(text: str) -> list[str]:
    text = MODALITY_NOT_INPUT.sub(" ", text)
    return [name for name, pattern in MODALITIES if pattern.search(text)]


def _intent(text: str, n_models: int, task: str | None, sort_by: str | None, constrained: bool, q: Quantities) -> str:
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


def _is_followup(
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
