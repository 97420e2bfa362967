"""The contract's vocabularies, one list each: intents, tasks, what to optimise, modalities, capabilities, regions, kinds.

Each is a `Literal` type for pydantic and a tuple of its values (`typing.get_args`) for code that loops over them.
"""

from __future__ import annotations

from typing import Literal, get_args

Intent = Literal["recommend", "compare", "cost", "info", "list", "alternatives", "changes", "help", "unknown"]
Task = Literal[
    "classification",
    "extraction",
    "summarization",
    "coding",
    "math",
    "reasoning",
    "writing",
    "chat",
    "translation",
    "agents",
    "long_context",
    "rag",
]
SortBy = Literal["cost", "quality", "speed", "latency", "context", "value"]
Modality = Literal["image", "audio", "video", "pdf"]
Capability = Literal["tool_calling", "structured_output", "reasoning", "open_weights"]
Region = Literal["eu", "us", "uk", "apac", "ca", "au", "jp"]
Kind = Literal["embedding", "image_generation", "speech", "transcription"]
# beyond the contract: a service tier asked for by name ("on the flex tier", "priority processing")
ServiceTier = Literal["flex", "priority"]
# beyond the contract: the one fact a direct question asks for ("knowledge cutoff of gpt-5", "is X on bedrock?")
Facet = Literal[
    "knowledge_cutoff", "context", "max_output", "release_date", "availability", "speed", "price", "open_weights",
    "batch", "cache",
]

INTENTS: tuple[str, ...] = get_args(Intent)
TASKS: tuple[str, ...] = get_args(Task)
SORTS: tuple[str, ...] = get_args(SortBy)
MODALITIES: tuple[str, ...] = get_args(Modality)
CAPABILITIES: tuple[str, ...] = get_args(Capability)
REGIONS: tuple[str, ...] = get_args(Region)
KINDS: tuple[str, ...] = get_args(Kind)
FACETS: tuple[str, ...] = get_args(Facet)

# the longest question read, after platform syntax, links and emoji are removed
MAX_QUESTION_CHARS = 1000
# intents whose answer a follow-up cannot refine: a follow-up after them is read as a new question
UNREFINABLE_INTENTS: tuple[str, ...] = ("changes", "help", "unknown")

# Compliance regimes: no source in the data says which provider meets them (words as typed, lower-case)
COMPLIANCE = {"hipaa": "HIPAA", "baa": "HIPAA", "soc 2": "SOC 2", "soc2": "SOC 2", "fedramp": "FedRAMP",
              "pci": "PCI DSS", "pci dss": "PCI DSS", "iso 27001": "ISO 27001", "hitrust": "HITRUST"}  # fmt: skip
