"""Parameter counts: derived from Artificial Analysis and llm-stats, shipped in `knowledge/parameters.yaml`, and read
through `Catalogue.parameters` with their source and date; a source listing the weights makes a model open."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from bot.catalogue.knowledge import KnowledgeError, ParametersFile, load_file
from bot.catalogue.store import Catalogue
from scripts.derive.match import Matcher
from scripts.derive.parameters import parameter_counts

DATES = {"artificial-analysis": date(2026, 8, 22), "llm-stats": date(2025, 10, 16)}


def _reference(tmp_path: Path) -> Path:
    aa = tmp_path / "artificial-analysis"
    aa.mkdir()
    rows = [
        {"slug": "gpt-oss-120b", "params": 117, "active": 5.1, "open": True},
        {"slug": "gpt-oss-120b-low", "params": 120, "active": 5.1, "open": True},
        {"slug": "llama-3-3-instruct-70b", "params": 70, "active": None, "open": True},
        {"slug": "no-such-model-xyz", "params": 5, "active": None, "open": True},
        {"slug": "gpt-4o", "params": None, "active": None, "open": False},
    ]
    (aa / "japhba_aa_models_20260822.json").write_text(json.dumps(rows))
    for model_id, count, weights in (
        ("gpt-oss-120b", 1.2e11, "https://hf.co/x"),
        ("gemma-3-4b-it", 4.3e9, "https://hf.co/y"),
    ):
        folder = tmp_path / "llm-stats/data/organizations/org/models" / model_id
        folder.mkdir(parents=True)
        data = {"model_id": model_id, "param_count": count, "license_id": "apache_2_0", "source_weights_link": weights}
        (folder / "model.json").write_text(json.dumps(data))
    return tmp_path


def test_artificial_analysis_counts_come_first_and_llm_stats_fills_the_rest(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    matcher = Matcher(catalogue, [], frozenset())
    counts = parameter_counts(matcher, _reference(tmp_path), DATES)
    oss = counts["gpt-oss-120b"]
    assert (oss["total"], oss["active"], oss["source"], oss["source_name"]) == (
        117,
        5.1,
        "artificial-analysis",
        "gpt-oss-120b",
    )
    assert counts["llama-3.3-70b-instruct"]["active"] is None
    gemma = counts["gemma-3-4b-it"]
    assert (gemma["total"], gemma["source"], gemma["as_of"], gemma["open_weights"]) == (
        4.3,
        "llm-stats",
        DATES["llm-stats"],
        True,
    )
    assert "no-such-model-xyz" in matcher.unmatched["artificial-analysis"] and "gpt-4o" not in counts


def test_the_shipped_counts_carry_source_and_date(catalogue: Catalogue) -> None:
    pro = catalogue.model("deepseek-v4-pro")
    assert pro is not None
    size = catalogue.parameters(pro)
    assert size is not None and (size.total, size.active, size.source, size.as_of) == (
        1600,
        49,
        "artificial-analysis",
        date(2026, 8, 22),
    )
    assert catalogue.source(size.source) is not None


def test_a_model_no_source_sizes_has_no_parameters(catalogue: Catalogue) -> None:
    model = catalogue.model("gpt-4o")
    assert model is not None and catalogue.parameters(model) is None


def test_weights_a_source_lists_make_a_model_open(catalogue: Catalogue) -> None:
    oss = catalogue.model("gpt-oss-120b")
    closed = catalogue.model("gpt-4o")
    assert oss is not None and closed is not None
    assert catalogue.open_weights(oss) and not catalogue.open_weights(closed)


def test_a_bad_count_names_the_file_entry_and_field(tmp_path: Path) -> None:
    path = tmp_path / "parameters.yaml"
    path.write_text("parameters:\n  x:\n    total: -3\n    source: llm-stats\n    as_of: 2025-10-16\n")
    with pytest.raises(KnowledgeError, match=r"parameters\.yaml: entry parameters\.x: field 'total'"):
        load_file(path, ParametersFile)
