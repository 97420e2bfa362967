"""help and off-topic: what the bot does, with example questions."""

from __future__ import annotations

from bot.catalogue.store import Catalogue
from bot.contract.answer import Answer, Note
from bot.contract.query import Query
from bot.render import fmt

EXAMPLES = [
    "cheapest for 50M tokens of classification",
    "gpt-4.1 mini vs nano",
    "should I upgrade from gpt-4.1 mini to gpt-5.1?",
    "best model for coding under $5 per million output tokens",
    "cheaper alternative to claude sonnet 4.5",
]


def help_answer(query: Query, catalogue: Catalogue, lead: str | None = None) -> Answer:
    snap = catalogue.snapshot
    text = (
        "I tell you which LLM to use: the cost at your volume and input/output mix, per-provider prices, "
        "task scores, speed and latency, with a verdict and my sources. Ask in plain words."
    )
    return Answer(
        intent="help",
        title="whichmodel: which LLM should you use?",
        verdict=f"{lead} {text}" if lead else text,
        notes=[
            Note(
                kind="tip",
                text="Follow up to refine: `what about 100M tokens?`, `only anthropic`, `with 1:1 input/output`.",
            ),
            Note(
                kind="data",
                text=f"{len(catalogue.chat_models())} chat models; prices from {snap.label}, as of {fmt.day(snap.as_of)}.",
            ),
        ],
        suggestions=EXAMPLES,
        query=query,
        error=True,
    )


def off_topic(query: Query) -> Answer:
    return Answer(
        intent="unknown",
        title="That's not one for me",
        verdict="I only answer questions about choosing and pricing LLMs. Try one of these:",
        suggestions=EXAMPLES,
        query=query,
        error=True,
    )
