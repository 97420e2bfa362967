"""Speed and TTFT entries: one per model, source and provider, with the reasoning effort each figure was measured at.

A source that measures a model at several efforts (Artificial Analysis: "GPT-5.4 (xhigh)", "(low)", ...) gives one
headline entry, at the maker's default effort, and lists the other efforts beside it. Where the default effort was
not measured the headline has no figure ("no data"), and the efforts measured are still listed. Implausible
figures are dropped: under 5 tok/s for a served model, or a first token after more than 5 minutes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from datetime import date

from bot.catalogue.knowledge import MAX_TTFT_S, MIN_TPS

from .rows import Row

Matched = list[tuple[str, str | None, Row]]
# the effort a maker's API uses when a request names none
DEFAULT_EFFORT = {"openai": "medium", "anthropic": "high", "google": "high"}
# makers whose API thinks only when asked (Claude's extended thinking): there the non-reasoning figure is the default
THINKING_OPT_IN = frozenset({"anthropic"})
NOT_MEASURED = "default effort: not measured"
_EFFORTS = ("non-reasoning", "reasoning", "adaptive", "minimal", "xhigh", "max", "high", "medium", "low", "none")
_NON_DEFAULT_MODES = ("non-reasoning", "minimal", "none", "thinking budget", "no-thinking", "nothinking")


def effort_of(variant: str | None) -> str | None:
    """The reasoning effort or mode a variant names ('xhigh', 'non-reasoning', ...), None when it names none."""
    text = (variant or "").lower()
    return next((e for e in _EFFORTS if re.search(rf"(?<![a-z-]){re.escape(e)}(?![a-z])", text)), None)


def is_default(variant: str | None, maker: str | None) -> bool:
    """The figure was measured at the maker's default effort (or the source names no effort)."""
    effort = effort_of(variant)
    opt_in = maker in THINKING_OPT_IN
    if effort == "non-reasoning":
        return opt_in
    if effort is None:
        return not any(m in (variant or "").lower() for m in _NON_DEFAULT_MODES)
    return (effort in ("reasoning", "adaptive") and not opt_in) or effort == DEFAULT_EFFORT.get(maker or "", "medium")


def plausible(figures: dict[str, float]) -> tuple[float | None, float | None]:
    """(tok/s, TTFT s) with implausible figures dropped."""
    tps, ttft = figures.get("speed") or None, figures.get("ttft") or None
    return (
        round(tps, 1) if tps and tps >= MIN_TPS else None,
        round(ttft, 3) if ttft and ttft <= MAX_TTFT_S else None,
    )


def _measured(matched: Matched) -> dict[tuple[str, str, str | None], list[tuple[str, str | None, dict[str, float]]]]:
    """(model, source, provider) -> [(source name, variant, figures)], one per source name measured."""
    figures: dict[tuple[str, str, str | None, str], dict[str, float]] = defaultdict(dict)
    variants: dict[tuple[str, str, str | None, str], str | None] = {}
    for model_id, variant, row in matched:
        key = (model_id, row.source, row.provider, row.name)
        figures[key][row.metric] = row.value
        variants[key] = variant
    out: dict[tuple[str, str, str | None], list[tuple[str, str | None, dict[str, float]]]] = defaultdict(list)
    for (model_id, source, provider, name), found in figures.items():
        out[(model_id, source, provider)].append((name, variants[(model_id, source, provider, name)], found))
    return out


def _entry(
    measured: list[tuple[str, str | None, dict[str, float]]], maker: str | None
) -> tuple[str, str | None, tuple[float | None, float | None], list[dict[str, object]]] | None:
    """(headline source name, its variant, its figures, the other efforts), or None when nothing is plausible."""
    kept = [(n, v, plausible(f)) for n, v, f in sorted(measured, key=lambda m: (len(m[0]), m[0]))]
    kept = [k for k in kept if k[2] != (None, None)]
    if not kept:
        return None
    defaults = [k for k in kept if is_default(k[1], maker)]
    if defaults:
        name, variant, head = defaults[0]
    else:
        name, variant, head = kept[0][0], NOT_MEASURED, (None, None)
    others, seen = [], {variant}
    for n, v, (tps, ttft) in kept:
        label = v or "default"
        if (n, v) == (name, variant) or label in seen:
            continue
        seen.add(label)
        others.append({"variant": label, "output_tps": tps, "ttft_s": ttft})
    return name, variant, head, others


def speed_entries(
    matched: Matched, dates: dict[str, date], maker_of: Callable[[str], str | None]
) -> dict[str, list[dict[str, object]]]:
    """Speed and TTFT per model, source and provider: the headline at the default effort, other efforts beside."""
    out: dict[str, list[dict[str, object]]] = defaultdict(list)
    measured = _measured(matched)
    for (model_id, source, provider), rows in sorted(measured.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2] or "")):
        found = _entry(rows, maker_of(model_id))
        if found is None:
            continue
        name, variant, (tps, ttft), others = found
        entry: dict[str, object] = {
            "provider": provider,
            "output_tps": tps,
            "ttft_s": ttft,
            "source": source,
            "as_of": dates[source],
            "source_name": name,
            "variant": variant,
        }
        if others:
            entry["others"] = others
        out[model_id].append(entry)
    return dict(sorted(out.items()))
