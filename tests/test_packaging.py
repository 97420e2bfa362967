"""The wheel ships every package and the knowledge files (CI installs editable, so a missing one would hide)."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_python_package_is_listed_for_the_wheel() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(config["packages"])
    on_disk = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for top in ("bot", "adapters")
        for p in (ROOT / top).rglob("__init__.py")
    }
    assert on_disk <= listed, f"not shipped: {sorted(on_disk - listed)}"
    assert config["package-dir"]["bot.knowledge"] == "knowledge"
    assert config["package-data"]["bot.knowledge"] == ["*.yaml", "prices/*.json", "prices/*.json.gz"]
    shipped = {p.name for p in (ROOT / "knowledge" / "prices").iterdir()}
    assert shipped >= {"manifest.json", "litellm.json.gz", "genai-prices.json.gz"}
    assert {p.name for p in (ROOT / "knowledge").glob("*.yaml")} >= {"scores.yaml", "tasks.yaml", "aliases.yaml"}
