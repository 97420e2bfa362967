"""Score and speed rows that match no catalogue model yet, kept keyed by source and source name
(`knowledge/unmatched.yaml`), so a catalogue that gains the model (a refresh of the price maps) can match them
at run time (`bot.catalogue.unmatched`). Rows on the ignore list are not kept: they are deliberately unmatched."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path

import yaml

from .rows import Row
from .write import HEADER, _Dumper, write


def unmatched_rows(
    unmatched: dict[str, set[str]], scores: list[Row], speeds: list[Row]
) -> dict[str, dict[str, dict[str, list[dict[str, object]]]]]:
    """Source -> source name -> {"scores": [...], "speeds": [...]} for every name that matched nothing."""
    out: dict[str, dict[str, dict[str, list[dict[str, object]]]]] = defaultdict(lambda: defaultdict(dict))
    for row in scores:
        if row.name in unmatched.get(row.source, ()):
            entry = {"metric": row.metric, "value": round(row.value, 4), "vendor_reported": row.vendor_reported}
            if row.variant:
                entry["variant"] = row.variant
            out[row.source][row.name].setdefault("scores", []).append(entry)
    for row in speeds:
        if row.name in unmatched.get(row.source, ()) and row.value:
            entry = {"metric": row.metric, "value": round(row.value, 3), "provider": row.provider}
            if row.variant:
                entry["variant"] = row.variant
            out[row.source][row.name].setdefault("speeds", []).append(entry)
    return {s: {n: dict(v) for n, v in sorted(names.items())} for s, names in sorted(out.items())}


def write_unmatched(out: Path, rows: dict, dates: dict[str, date]) -> None:
    """`unmatched.yaml`: each source's unmatched names with their rows and the source's date."""
    body = {
        "note": "rows whose source name matches no catalogue model; bot.catalogue.unmatched matches them against a newer catalogue",
        "as_of": {s: dates[s] for s in rows},
        "rows": rows,
    }
    text = yaml.dump(body, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=120, default_flow_style=None)
    write(out / "unmatched.yaml", HEADER + text)  # leaf rows in flow style: a third of the block-style size
