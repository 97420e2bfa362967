"""One module per leaderboard source, each with `read(ref: Path) -> Readings`.

`all_readings` finds them by name, so a new source is a new module here (plus its entry in
`knowledge/curated/sources.yaml`), with no list to update.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

from ..rows import Readings


def reader_names() -> list[str]:
    """The reader modules in this package, sorted."""
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))


def all_readings(ref: Path) -> dict[str, Readings]:
    """Reader name -> what it read from the reference folder `ref`."""
    return {name: importlib.import_module(f"{__name__}.{name}").read(ref) for name in reader_names()}
