"""How answers name tasks, filters and score gaps, said the same way everywhere."""

from __future__ import annotations

from bot.catalogue.cost import Mix, monthly_cost
from bot.catalogue.offers import Offer
from bot.catalogue.workload import Rates, monthly_at
from bot.contract.query import Query
from bot.render import fmt

TASK_NAMES = {"rag": "RAG", "long_context": "long context", None: "general use", "general": "general use"}


def task_name(task: str | None) -> str:
    """'RAG', 'long context', 'general use', 'classification'."""
    return TASK_NAMES.get(task, (task or "").replace("_", " "))


REGION_NAMES = {"eu": "the EU", "us": "the US", "uk": "the UK", "apac": "Asia-Pacific", "ca": "Canada",
                "au": "Australia", "jp": "Japan"}  # fmt: skip


def filters_text(query: Query) -> str:
    """The query's constraints in words: 'from anthropic, with image input, with 1M+ context'."""
    bits = []
    if query.providers:
        bits.append("from " + ", ".join(query.providers))
    if query.exclude_providers:
        bits.append("not from " + ", ".join(query.exclude_providers))
    if query.input_modalities:
        bits.append("with " + ", ".join(query.input_modalities) + " input")
    if query.capabilities:
        bits.append("with " + ", ".join(c.replace("_", " ") for c in query.capabilities))
    if query.min_context:
        bits.append(f"with {fmt.tokens(query.min_context)}+ context")
    if query.min_output:
        bits.append(f"with {fmt.tokens(query.min_output)}+ output")
    for cap, label in (
        (query.max_input_price, "input"),
        (query.max_output_price, "output"),
        (query.max_blended_price, "blended"),
    ):
        if cap is not None:
            bits.append(f"under {fmt.price(cap)}/M {label}")
    if query.max_monthly_cost is not None:
        bits.append(f"under {fmt.money(query.max_monthly_cost)}/month")
    if query.min_speed is not None:
        bits.append(f"at {query.min_speed:,.0f}+ tok/s")
    if query.max_latency is not None:
        bits.append(f"first token within {fmt.seconds(query.max_latency)}")
    if query.region is not None:
        bits.append(f"processed in {REGION_NAMES.get(query.region, query.region.upper())}")
    if query.batch:
        bits.append("at batch prices where sold")
    return ", ".join(bits)


def points(gap: float, task: str | None) -> str:
    """A score difference in words: '12 points higher on coding', 'the same score on chat'."""
    if abs(gap) < 0.5:
        return f"the same score on {task_name(task)}"
    return f"{n_points(gap)} {'higher' if gap > 0 else 'lower'} on {task_name(task)}"


def n_points(gap: float) -> str:
    """'1 point', '12 points' (the size of a score difference)."""
    n = round(abs(gap))
    return f"{n} point" if n == 1 else f"{n} points"


def mix_text(mix: Mix) -> str:
    """'75% input, the usual mix for classification'."""
    why = {
        "question": "as you said",
        "task": f"the usual mix for {mix.task}",
        "default": "the usual blended convention",
    }[mix.origin]
    return f"{fmt.share(mix.share)}, {why}"


def cost_sum(offer: Offer, tokens: float, share: float, context_tokens: int | None = None) -> str:
    """The cost sum written out: '100M x (50% x $0.40 + 50% x $1.60) / 1M = $100.00'."""
    inp, out = offer.prices_at(context_tokens)
    total = monthly_cost(offer, tokens, share, context_tokens)
    return (
        f"{fmt.tokens(tokens)} x ({share:.0%} x {fmt.price(inp)} + {1 - share:.0%} x {fmt.price(out)}) / 1M"
        f" = {fmt.money(total)}"
    )


def rates_sum(paid: Rates, tokens: float, share: float) -> str:
    """The cost sum at the rates a workload pays (batch, region, cache hits applied): '10M x (75% x $0.20 + ...'."""
    inp = paid.effective_input if paid.effective_input is not None else paid.input
    total = monthly_at(paid, tokens)
    return (
        f"{fmt.tokens(tokens)} x ({share:.0%} x {fmt.price(inp)} + {1 - share:.0%} x {fmt.price(paid.output)}) / 1M"
        f" = {fmt.money(total)}"
    )


def metric_text(unit: str, value: float) -> str:
    """A raw metric value in its own unit (fractions shown as percentages)."""
    if unit.startswith("fraction"):
        return f"{value * 100:.1f}%"
    if unit.startswith("percent") or unit == "%":
        return f"{value:.1f}%"
    if unit == "rating":
        return f"{value:,.0f}"
    return f"{value:,.1f}"
