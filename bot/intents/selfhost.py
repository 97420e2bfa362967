"""Self-hosting: each model's size (total and active parameters), whether it fits the GPUs asked, and the notes.

Memory is estimated as parameters x bytes per parameter at the stated precision (else FP8 on data-centre cards and
INT4 on consumer cards), plus ~20% for activations and the KV cache of short requests (a long one gets its own
estimate). A mixture-of-experts model needs all its parameters in memory, though only the active ones run per token. A model too big is left out of the ranking and
named in a note; a model no source sizes is shown as "size: no data" after those that fit, and never said to fit.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from bot.catalogue.cost import Mix
from bot.catalogue.grouping import Model
from bot.catalogue.store import Catalogue
from bot.contract.answer import Note
from bot.contract.policy import Policy
from bot.contract.query import Query
from bot.intents.notes import cite
from bot.intents.ranking import rank
from bot.intents.selection import Candidate, candidate_for, offered
from bot.render import fmt
from bot.render.wording import task_name

OVERHEAD = 1.2  # KV cache and activations on top of the weights
LONG_CONTEXT = 128_000  # from here one request's KV cache outgrows the 20% allowance
# KV cache per token at FP8 (2 x layers x KV heads x head size): ~30 KB with latent attention, ~160 KB for a
# 70B-class model with grouped-query attention; my sources give no layer counts, so answers give the range
KV_KB_PER_TOKEN = (30, 160)
BYTES = {"fp16": 2.0, "fp8": 1.0, "int8": 1.0, "int4": 0.5}
NO_FP8 = ("A100", "A10", "A40", "A6000", "V100", "T4", "MI250", "MI210")  # cards before FP8 (Ampere, Volta, CDNA2)
LABELS = {"fp16": "FP16", "fp8": "FP8", "int8": "INT8", "int4": "INT4"}
CONSUMER_GB = 32  # an unnamed card this small, or an RTX card, is a consumer card: INT4 by default
NO_SIZE = "size: no data"
NAMED = 3  # models named in each left-out note
TIP = "Name your GPUs ('on a single H100', '2x A100 80GB') or a size ('under 10B params') to keep only models that fit."


@dataclass(frozen=True, slots=True)
class Size:
    """A model's parameters (billions), the memory it needs on the hardware asked, and whether that fits."""

    total: float
    active: float | None
    source: str
    need_gb: float | None = None
    fits: bool | None = None


def asked(query: Query) -> bool:
    """Whether the question is about self-hosting or size: hardware, a parameter cap, or open weights."""
    return query.hardware is not None or query.max_params is not None or "open_weights" in query.capabilities


def constrained(query: Query) -> bool:
    """Whether the question sets a size limit the rows must meet: hardware or a parameter cap."""
    return query.hardware is not None or query.max_params is not None


def precision(query: Query) -> tuple[str, str]:
    """The precision memory is estimated at, and why: ('fp8', 'the default for data-centre GPUs')."""
    if query.precision is not None:
        return query.precision, "as asked"
    hw = query.hardware
    consumer = hw is not None and ((hw.gpu or "").startswith("RTX") or (hw.gpu is None and hw.memory_gb <= CONSUMER_GB))
    if consumer:
        return "int4", "the usual 4-bit quantisation on consumer GPUs"
    if hw is not None and (hw.gpu or "").upper().startswith(NO_FP8):
        return "int8", f"8-bit integers: the {hw.gpu} has no FP8 support"
    return "fp8", "the default for data-centre GPUs"


def hardware_text(query: Query) -> str:
    """'1x H100 80 GB', '2x A100 80 GB (160 GB)', 'a 24 GB GPU'."""
    hw = query.hardware
    if hw is None:
        return ""
    card = f"{hw.gpu} {hw.memory_gb:g} GB" if hw.gpu else f"{hw.memory_gb:g} GB GPU"
    return f"{hw.count}x {card}" + (f" ({hw.total_gb:,.0f} GB)" if hw.count > 1 else "")


def billions(value: float) -> str:
    """'1.6T', '117B', '5.1B', '500M'."""
    if value >= 1000:
        return f"{value / 1000:.3g}T"
    if value < 1:
        return f"{value * 1000:.3g}M"
    return f"{value:.3g}B"


def params_text(size: Size | None) -> str:
    """'117B (5.1B)' (total, and active per token where a mixture of experts), '27B', or 'size: no data'."""
    if size is None:
        return NO_SIZE
    return billions(size.total) + (f" ({billions(size.active)})" if size.active else "")


def size_of(cand: Candidate, query: Query, catalogue: Catalogue) -> Size | None:
    """The candidate's size and fit for the query's hardware (None when no source gives its parameters)."""
    found = catalogue.parameters(cand.model)
    if found is None:
        return None
    need = fits = None
    if query.hardware is not None:
        need = found.total * BYTES[precision(query)[0]] * OVERHEAD
        fits = need <= query.hardware.total_gb
    return Size(found.total, found.active, found.source, need, fits)


@dataclass
class Fitted:
    """Candidates sorted by size: those that fit (in rank order), those with no size, and those left out."""

    fit: list[Candidate]
    unknown: list[Candidate]
    too_big: list[Candidate]
    over_cap: list[Candidate]

    @property
    def shown(self) -> list[Candidate]:
        """What the ranking shows: every model that fits, then the ones with no size data."""
        return self.fit + self.unknown


def sized(cands: list[Candidate], query: Query, catalogue: Catalogue) -> Fitted:
    """Each candidate with its size attached, sorted into fits, no size data, too big and over the cap."""
    out = Fitted([], [], [], [])
    for cand in cands:
        size = size_of(cand, query, catalogue)
        if size is not None:
            cand = replace(cand, size=size)
        if not constrained(query):
            out.fit.append(cand)
        elif size is None:
            out.unknown.append(cand)
        elif query.max_params is not None and size.total > query.max_params:
            out.over_cap.append(cand)
        elif size.fits is False:
            out.too_big.append(cand)
        else:
            out.fit.append(cand)
    return out


def _need(cand: Candidate, query: Query) -> str:
    size = cand.size
    return (
        ""
        if size is None or size.need_gb is None
        else f", needs ~{size.need_gb:,.0f} GB at {LABELS[precision(query)[0]]}"
    )


def _named(cands: list[Candidate], query: Query) -> str:
    shown = [f"{c.model.id} ({billions(c.size.total)} parameters{_need(c, query)})" for c in cands[:NAMED] if c.size]
    more = len(cands) - len(shown)
    return ", ".join(shown) + (f", and {more} more" if more > 0 else "")


def notes(fitted: Fitted, query: Query, catalogue: Catalogue) -> list[Note]:
    """How memory is estimated, what was left out as too big or over the cap, what has no size, and the sources."""
    out: list[Note] = []
    if query.hardware is not None:
        name, why = precision(query)
        out.append(
            Note(
                kind="assumption",
                text=(
                    f"Memory: weights at {LABELS[name]} ({BYTES[name]:g} byte{'s' if BYTES[name] > 1 else ''} per parameter; {why}; say 'at fp16' or '4-bit' "
                    "to change it) plus ~20% for activations and the KV cache of short requests. A mixture-of-experts model needs all its "
                    "parameters in memory, though only the active ones run per token."
                ),
            )
        )
    if query.hardware is not None and long_context(query):
        out.append(Note(kind="caveat", text=kv_cache_text(query.min_context or 0)))
    if fitted.too_big:
        out.append(
            Note(kind="caveat", text=f"Left out, too big for {hardware_text(query)}: {_named(fitted.too_big, query)}.")
        )
    if fitted.over_cap:
        out.append(
            Note(
                kind="caveat",
                text=f"Left out, over {billions(query.max_params or 0)} total parameters: "
                f"{_named(fitted.over_cap, query)}.",
            )
        )
    if fitted.unknown and constrained(query):
        names = ", ".join(c.model.id for c in fitted.unknown[:NAMED])
        out.append(
            Note(
                kind="caveat",
                text=f"{NO_SIZE} for {len(fitted.unknown)} open-weights models ({names}): no "
                "parameter count in my sources, so they are listed after the models that fit and never "
                "claimed to fit.",
            )
        )
    sources = dict.fromkeys(c.size.source for c in fitted.shown + fitted.too_big if c.size)
    if sources:
        out.append(Note(kind="source", text="Parameter counts: " + cite(catalogue, sources) + "."))
    if not constrained(query):
        out.append(Note(kind="tip", text=TIP))
    else:
        out.append(
            Note(
                kind="assumption",
                text="Prices are hosted APIs serving the same open weights; on your own "
                "GPUs you pay for the hardware instead.",
            )
        )
    return out


def verdict_line(fitted: Fitted, query: Query) -> str | None:
    """What the pick's size means for the question: 'Size: 117B (5.1B active); ~70 GB at FP8 fits 1x H100 80 GB.'"""
    if not constrained(query) or not fitted.fit:
        return None
    size = fitted.fit[0].size
    if size is None:
        return None
    active = f", {billions(size.active)} active" if size.active else ""
    line = f"Size: {billions(size.total)} parameters{active}"
    if size.need_gb is not None:
        line += f"; ~{size.need_gb:,.0f} GB at {LABELS[precision(query)[0]]} fits {hardware_text(query)}"
        if long_context(query):
            line += f" for the weights, but a {fmt.tokens(query.min_context)}-token request's KV cache comes on top"
    return line + "."


def long_context(query: Query) -> bool:
    """Whether the question's context is long enough that one request's KV cache decides the fit."""
    return (query.min_context or 0) >= LONG_CONTEXT


def kv_cache_text(tokens: int) -> str:
    """The KV cache one request of `tokens` needs, as a range, and what it means for the fit."""
    low, high = (tokens * kb / 1e6 for kb in KV_KB_PER_TOKEN)
    return (
        f"KV cache: one {fmt.tokens(tokens)}-token request needs roughly {low:,.0f}-{high:,.0f} GB more at FP8 "
        f"({KV_KB_PER_TOKEN[0]}-{KV_KB_PER_TOKEN[1]} KB a token, by the model's layers and KV heads, which my "
        "sources do not give), on top of the weights: check the model card, or plan for more GPUs or a shorter context."
    )


def limit_text(query: Query) -> str:
    """'fits 1x RTX 4090 24 GB at INT4', 'has 10B parameters or fewer', or both."""
    parts = []
    if query.hardware is not None:
        parts.append(f"fits {hardware_text(query)} at {LABELS[precision(query)[0]]}")
    if query.max_params is not None:
        parts.append(f"has {billions(query.max_params)} parameters or fewer")
    return " and ".join(parts)


def nothing_fits(fitted: Fitted, query: Query) -> str | None:
    """When no model with a known size fits: say so, and name the nearest (the smallest of those left out)."""
    if not constrained(query) or fitted.fit:
        return None
    text = f"No open-weights model with a known size {limit_text(query)}."
    missed = [c for c in fitted.too_big + fitted.over_cap if c.size]
    if missed:
        near = min(missed, key=lambda c: c.size.total if c.size else 0.0)
        text += f" Nearest: {near.model.id} ({billions(near.size.total if near.size else 0)} parameters{_need(near, query)})."
    if fitted.unknown:
        text += f" The rows below have no parameter count ({NO_SIZE}): check their size before you rely on them."
    return text


def ranking_query(query: Query) -> Query:
    """The query to rank with: on hardware you run, the hosted price does not apply, so 'best' is the default."""
    if constrained(query) and query.sort_by is None:
        return query.model_copy(update={"sort_by": "quality"})
    return query


def _sized_candidates(query: Query, catalogue: Catalogue, policy: Policy, mix: Mix) -> list[Candidate]:
    """Every model a source sizes that meets the query and has a task score, whatever its tier."""
    out = []
    for model, offers in offered(query, catalogue, policy):
        if catalogue.parameters(model) is None:
            continue
        cand = candidate_for(model, query, catalogue, policy, mix, offers=offers)
        if cand is not None and cand.score.known and not cand.offer.deprecated:
            out.append(cand)
    return out


def fit_ranked(
    ranked: list[Candidate], query: Query, catalogue: Catalogue, policy: Policy, mix: Mix
) -> tuple[Fitted, list[Note]]:
    """The ranked candidates sized; when none that clears the task's quality floor fits, the scored models that
    fit, ranked the same way, with a caveat saying so."""
    fitted = sized(ranked, query, catalogue)
    if fitted.fit or not constrained(query):
        return fitted, notes(fitted, query, catalogue)
    loose = _sized_candidates(query, catalogue, policy, mix)
    again = sized(rank(loose, query.sort_by or "quality"), query, catalogue)
    if not again.fit:  # nothing fits at all: the nearest is the smallest model any source sizes
        fitted.too_big, fitted.over_cap = again.too_big, again.over_cap
        return fitted, notes(fitted, query, catalogue)
    again.unknown = [c for c in again.unknown if c.model.id in {u.model.id for u in fitted.unknown}]
    caveat = Note(
        kind="caveat",
        text=f"No model that fits is rated good enough for {task_name(query.task)}; "
        "these fit, ranked on the scores they have (tiers shown beside each score).",
    )
    return again, [caveat, *notes(again, query, catalogue)]


def title_part(query: Query) -> str:
    """', fitting 1x H100 80 GB' or ', up to 10B parameters' for a title, '' when the question sets no size."""
    parts = []
    if query.hardware is not None:
        parts.append(f"fitting {hardware_text(query)}")
    if query.max_params is not None:
        parts.append(f"up to {billions(query.max_params)} parameters")
    return "".join(f", {p}" for p in parts)


def model_line(model: Model, query: Query, catalogue: Catalogue) -> str:
    """One named model's size, and on hardware asked, whether it fits: 'No: llama-3.3-70b-instruct has 70B
    parameters and needs ~42 GB at INT4; it does not fit 1x RTX 4090 24 GB; about 2x RTX 4090 would hold it.'"""
    found = catalogue.parameters(model)
    where = hardware_text(query)
    if where and not catalogue.open_weights(model):
        return f"No: {model.id}'s weights are not published, so it cannot run on {where}."
    if found is None:
        tail = f", so I cannot say whether it fits {where}" if where else ""
        return f"{NO_SIZE}: no source in my data gives {model.id}'s parameter count{tail}."
    src = catalogue.source(found.source)
    active = f", {billions(found.active)} active per token" if found.active else ""
    size = f"{model.id} has {billions(found.total)} parameters{active} ({src.name if src else found.source}, "
    size += f"{found.as_of.isoformat()})"
    if query.hardware is None:
        return f"{size}; it {_needs(found.total)}, with ~20% for activations and KV cache." if query.asks_size and catalogue.open_weights(model) else size + "."
    name = precision(query)[0]
    need = found.total * BYTES[name] * OVERHEAD
    memory = f"needs ~{need:,.0f} GB at {LABELS[name]} with ~20% for activations and a short request's KV cache"
    if need <= query.hardware.total_gb:
        return f"Yes: {size} and {memory}; it fits {where}."
    cards = math.ceil(need / query.hardware.memory_gb)
    line = (
        f"No: {size} and {memory}; it does not fit {where}; about {cards}x {query.hardware.gpu or 'such GPUs'} would."
    )
    small = found.total * BYTES["int4"] * OVERHEAD
    if name != "int4" and query.precision is None and small <= query.hardware.total_gb:
        line += f" Quantised to 4-bit it needs ~{small:,.0f} GB and fits."
    return line


def _clause(model: Model, query: Query, catalogue: Catalogue) -> str:
    """'gpt-oss-120b (117B, 5.1B active) needs ~140 GB: does not fit (~70 GB at 4-bit would)'."""
    found = catalogue.parameters(model)
    if query.hardware is not None and not catalogue.open_weights(model):
        return f"{model.id}: weights not published"
    if found is None:
        return f"{model.id}: {NO_SIZE}"
    active = f", {billions(found.active)} active" if found.active else ""
    size = f"{model.id} ({billions(found.total)}{active})"
    if query.hardware is None:
        return f"{size} {_needs(found.total)}" if query.asks_size and catalogue.open_weights(model) else size
    name = precision(query)[0]
    need = found.total * BYTES[name] * OVERHEAD
    if need <= query.hardware.total_gb:
        return f"{size} needs ~{need:,.0f} GB: fits"
    small = found.total * BYTES["int4"] * OVERHEAD
    hint = f" (~{small:,.0f} GB at 4-bit would)" if name != "int4" and small <= query.hardware.total_gb else ""
    return f"{size} needs ~{need:,.0f} GB: does not fit{hint}"


GPU_GB, NODE = 80, 8  # an H100 (or A100) 80GB, eight to a server


def _needs(total_b: float) -> str:
    """'needs ~3,360 GB at FP8 (42x H100 80GB, 6 servers of 8) or ~1,680 GB at INT4 (21x, 3 servers)': the weights
    with the KV-cache allowance, in the cards most self-hosters rent."""
    said = []
    for name in ("fp8", "int4"):
        need = total_b * BYTES[name] * OVERHEAD
        cards = max(1, math.ceil(need / GPU_GB))
        servers = math.ceil(cards / NODE)
        where = "one card" if cards == 1 else f"{cards}x H100 80GB" + (f", {servers} servers of {NODE}" if servers > 1 else ", one server")
        said.append(f"~{need:,.0f} GB at {LABELS[name]} ({where})")
    return "needs " + " or ".join(said)


def sizes_sentence(models: list[Model], query: Query, catalogue: Catalogue) -> str:
    """The named models' sizes, and on hardware asked whether each fits, in one sentence with its sources."""
    clauses = "; ".join(_clause(m, query, catalogue) for m in models)
    found = [p for p in (catalogue.parameters(m) for m in models) if p is not None]
    where = f"On {hardware_text(query)} at {LABELS[precision(query)[0]]}: " if query.hardware else "Size: "
    cited = f" (parameters: {cite(catalogue, dict.fromkeys(p.source for p in found))})" if found else ""
    return f"{where}{clauses}{cited}."
