"""The shipped price snapshot, `knowledge/prices/`: LiteLLM's map and genai-prices in their live shapes.

LiteLLM's file is copied from ../shared/reference; genai-prices' data is written from the pinned package
(`genai_prices.data`, imported here only, never by an answer) in the shape of its live v2 `data.json`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gzip
import json
from decimal import Decimal
from pathlib import Path

LITELLM_FILE = "litellm/model_prices_and_context_window_1.110.2.json"
LITELLM = {"label": "LiteLLM price map 1.110.2", "as_of": "2026-11-05"}
GENAI = {"label": "genai-prices 0.2.3", "as_of": "2026-11-04"}


def _encode(o: object) -> object:  # noqa: PLR0911 - one branch per type
    from genai_prices import types as t

    if isinstance(o, t.ModelPrice):
        return {k: _encode(v) for k, v in o.__dict__.items() if v is not None and not k.startswith("_")}
    if isinstance(o, (t.ClauseOr, t.ClauseAnd)):
        key = "or" if isinstance(o, t.ClauseOr) else "and"
        return {key: [_encode(c) for c in (o.or_ if key == "or" else o.and_)]}
    if dataclasses.is_dataclass(o):
        return {
            f.name: _encode(getattr(o, f.name))
            for f in dataclasses.fields(o)
            if not f.name.startswith("_") and getattr(o, f.name) is not None
        }
    if isinstance(o, list):
        return [_encode(x) for x in o]
    if isinstance(o, dict):
        return {k: _encode(v) for k, v in o.items()}
    if isinstance(o, Decimal):
        return float(o) if o != o.to_integral_value() else int(o)
    if isinstance(o, dt.time):
        return o.isoformat().replace("+00:00", "Z")
    if isinstance(o, dt.date):
        return o.isoformat()
    return o


def genai_json() -> bytes:
    """The pinned genai-prices data as v2 JSON (extractors dropped)."""
    from genai_prices.data import providers

    raw = [_encode(p) for p in providers]
    for p in raw:
        p.pop("extractors", None)  # type: ignore[union-attr]
    return json.dumps(raw, separators=(",", ":"), sort_keys=True).encode()


def _gz(path: Path, data: bytes) -> None:
    path.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))


def write_prices(ref: Path, out: Path, snapshot_date: dt.date) -> None:
    """Write `out/prices/` from the reference folder and the pinned genai-prices package."""
    folder = out / "prices"
    folder.mkdir(parents=True, exist_ok=True)
    litellm = json.loads((ref / LITELLM_FILE).read_bytes())
    _gz(folder / "litellm.json.gz", json.dumps(litellm, separators=(",", ":"), sort_keys=True).encode())
    _gz(folder / "genai-prices.json.gz", genai_json())
    manifest = {
        "snapshot_date": snapshot_date.isoformat(),
        "note": "derived by python -m scripts.derive; prices with dated histories as on snapshot_date",
        "sources": {
            "litellm": {**LITELLM, "file": "litellm.json.gz"},
            "genai-prices": {**GENAI, "file": "genai-prices.json.gz"},
        },
    }
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
