"""What the words of a question ask for: the task, what to optimise, input modalities and capabilities.

Patterns come from `bot.parse.lexicon`; this module weighs them: a capability after "for" names the task
("best model for tool calling"), after "with" it is a filter ("cheapest model with tool calling"); the task
of highest priority wins, then the earliest; "speed of at least 100 tok/s" is a floor, not an objective.
"""

from __future__ import annotations

import re

from bot.parse import pattern_cache
from bot.parse.lexicon import (
    CAP_FILTER_AFTER,
    CAP_FILTER_CUES,
    CAP_TASK_CUES,
    CAPABILITIES,
    MODALITIES,
    MODALITY_NOT_INPUT,
    SORT_CONTEXT,
    SORT_COST,
    SORT_LATENCY,
    SORT_QUALITY,
    SORT_SPEED,
    SORT_VALUE,
    TASKS,
)

_AGENT_WORK = pattern_cache.compile(
    r"\bagent(?:s|ic)?\b|\bmulti-?step\b|\bplann\w*|\bworkflows?\b|\borchestrat\w*|\bautonomous\w*"
)
_SPEED_NUMBER = pattern_cache.compile(r"\bspeed\b\s*(?:of|at least|above|over|>=?|:)?\s*\d|\d[^a-z]{0,12}\bspeed\b")


def capabilities(text: str) -> tuple[list[str], list[tuple[str, int]], str]:
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
    clause = re.split(r"[.?!;]", text[max(0, start - 40) : start])[-1]  # the cue words of its own sentence
    cues = re.findall(r"[\w/]+", clause)
    if cues and cues[-1] in ("and", "plus") and _names_task_of(cap, clause):
        return "task"  # "for multi-step planning and tool use": more words for the same workload
    for word in reversed(cues[-4:]):
        if word == "in" and phrase.endswith(("mode", "modes")):
            return "filter"  # "extraction in JSON mode": a feature to have, not a task
        if word in CAP_TASK_CUES:
            return "task"
        if word in CAP_FILTER_CUES:
            return "filter"
    if phrase == "thinking":
        return None  # "I'm thinking of using ..."
    return "task" if cap == "reasoning" else "filter"


def _names_task_of(cap: str, clause: str) -> bool:
    """Whether the words before a capability ask for the task it names ("for multi-step planning and")."""
    named = next((t for c, t, _ in CAPABILITIES if c == cap), None)
    return any(t == named and "for " in clause and pattern.search(clause) for t, _, pattern in TASKS)


def task(text: str, cap_tasks: list[tuple[str, int]]) -> str | None:
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


# a comparative against a number is a cap or a floor, not what to optimise: "cheaper than $1/M", "faster than 100 tok/s"
_AGAINST_A_NUMBER = pattern_cache.compile(
    r"\b(?:cheaper|less expensive|lower[- ]priced|pricier|faster|quicker|snappier|bigger|larger|longer|more) than\s*"
    r"(?:~|about|around|roughly)?\s*(?:\$|€|£|usd\s*)?\d"
)


def sort(text: str) -> str | None:
    """What the question optimises: value, context, latency, speed, cost or quality (None when it says none)."""
    text = _AGAINST_A_NUMBER.sub(" ", text)
    for name, pattern in (("value", SORT_VALUE), ("context", SORT_CONTEXT)):
        if pattern.search(text):
            return name
    if SORT_LATENCY.search(text):
        # "need real-time responses, cheapest model": a latency need beside another superlative is a filter
        other = None if SORT_LATENCY.search(_LATENCY_NEED.sub(" ", text)) else _speed_cost_quality(text)
        if other is None and not SORT_LATENCY.search(_REAL_TIME.sub(" ", text)):
            return None  # "moderate comments in realtime, $50 a day max": a need, and nothing said to optimise
        if other in ("cost", "speed") or other == "quality" and not _LATENCY_WORD.search(text):
            return other  # "best model for real-time chat" is quality; "best tts with low latency" stays latency
        return "latency"
    return _speed_cost_quality(text)


# latency said as a requirement rather than as what to optimise
_LATENCY_NEED = pattern_cache.compile(
    r"\breal[- ]?time\b|\blatency[- ](?:sensitive|critical)\b|\blow[- ]latency\b|\blatency (?:really )?(?:matters|is (?:key|important|critical))\b"
)


_LATENCY_WORD = pattern_cache.compile(r"\blatency\b")
_REAL_TIME = pattern_cache.compile(r"\breal[- ]?time\b")


def _speed_cost_quality(text: str) -> str | None:
    """Speed or cost, whichever is said first ("speed" with a number is a floor), else quality, else None."""
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


# what a PDF holds, not an image input beside it: "scanned contracts (PDF)", "handwritten forms we scan to pdf"
_SCANNED = pattern_cache.compile(r"\bscan(?:ned|s)\b|\bhandwrit\w*|\bocr\b")


_SPOKEN_OUTPUT = pattern_cache.compile(r"\b(?:speech|voice|audio|spoken|sound)\b(?! (?:input|in|notes?|messages?|recordings?|files?)\b)")


_IMAGE_IN = pattern_cache.compile(
    r"\b(?:edit\w*|from (?:an? |the |our |my )?(?:image|photo|picture|sketch)|reference (?:image|photo)|image[- ]to[- ]image|inpaint\w*)\b"
)
_IMAGES = pattern_cache.compile(r"\b(?:images?|pictures?|photos?|pics|renders?)\b")
_WRITTEN_FOR = pattern_cache.compile(
    r"\b(?:videos?|youtube|tiktok|podcasts?|audio)[- ](?:scripts?|descriptions?|titles?|captions? (?:copy|text)|outlines?|ideas?)\b"
)


def modalities(text: str, kind: str | None = None) -> list[str]:
    """The input modalities the words ask for; "scanned contracts (PDF)" is a PDF, not an image too. A
    transcription model takes audio by what it is, so no question for one asks for audio ("speech-to-text for
    call recordings"); another modality it is asked to read (video) is kept."""
    text = MODALITY_NOT_INPUT.sub(" ", text)
    if kind == "speech":
        text = _SPOKEN_OUTPUT.sub(" ", text)  # "turn text into speech": speech is what comes out
    elif kind == "image_generation" and not _IMAGE_IN.search(text):
        text = _IMAGES.sub(" ", text)  # "10k images a month" from an image model: images are what comes out
    text = _WRITTEN_FOR.sub(" ", text)  # "video scripts", "youtube descriptions": text written for a medium
    found = [name for name, pattern in MODALITIES if pattern.search(text)]
    if kind == "transcription" and "audio" in found:
        found.remove("audio")  # audio is what a transcription model takes: "speech-to-text for call recordings"
    if kind == "speech" and "audio" in found and "clon" not in text:
        found.remove("audio")  # "tts for my podcast intros": the podcast is what comes out (a voice to clone goes in)
    if "pdf" in found and "image" in found:
        image = next(pattern for name, pattern in MODALITIES if name == "image")
        if not image.search(_SCANNED.sub(" ", text)):
            found.remove("image")
    return found
