"""The derive command line: read every source, match, write, report what did not match."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from .curated import ROOT, load_curated
from .match import Matcher
from .parameters import parameter_counts, write_parameters
from .prices import write_prices
from .ranges import snapshot_ranges, with_ranges
from .readers import all_readings
from .release import corrections, write_release_dates
from .rows import Row
from .speeds import speed_entries
from .unmatched import unmatched_rows, write_unmatched
from .write import HEADER, Matched, best_rows, dump, write, write_curated_copies


def _match_all(matcher: Matcher, rows: list[Row]) -> Matched:
    matched = []
    for row in rows:
        model_id, variant = matcher.match(row.source, row.name)
        if model_id:
            matched.append((model_id, row.variant or variant, row))
    return matched


def _match_speeds(matcher: Matcher, rows: list[Row], providers) -> tuple[Matched, Counter]:  # type: ignore[no-untyped-def]
    """Speed rows matched, and the count of rows dropped per provider the catalogue lacks."""
    dropped: Counter = Counter()
    kept = []
    for row in rows:
        if row.provider is not None and row.provider not in providers:
            dropped[row.provider] += 1
        else:
            kept.append(row)
    return _match_all(matcher, kept), dropped


def _report(matcher: Matcher, scores: dict, speeds: dict, n_rows: int, dropped: Counter, quiet: bool) -> None:
    unmatched = matcher.big_makers_unmatched()
    others = sum(len(names) for names in matcher.unmatched.values()) - sum(len(v) for v in unmatched.values())
    print(f"scores: {sum(len(v) for v in scores.values())} entries for {len(scores)} models from {n_rows} source rows")
    print(f"speeds: {sum(len(v) for v in speeds.values())} entries for {len(speeds)} models")
    print(
        f"ignored (IGNORE list): {sum(len(v) for v in matcher.ignored.values())} names; "
        f"unmatched, not a big maker's: {others} names"
    )
    if dropped:
        print(
            "provider speeds for providers the catalogue lacks, dropped: "
            + ", ".join(f"{p} ({n // 2})" for p, n in sorted(dropped.items()))
        )
    for source in sorted(unmatched):
        if unmatched[source]:
            print(f"UNMATCHED {source} ({len(unmatched[source])}): " + "; ".join(unmatched[source]))
    if not quiet:
        for source in sorted(matcher.ignored):
            print(f"ignored {source}: " + "; ".join(sorted(matcher.ignored[source])))


def _args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Derive whichmodel's knowledge files from ../shared/reference.")
    parser.add_argument("--reference", type=Path, default=ROOT.parent / "shared" / "reference")
    parser.add_argument("--out", type=Path, default=ROOT / "knowledge")
    parser.add_argument("--as-of", type=date.fromisoformat, default=date(2026, 12, 2), help="the snapshot's date")
    parser.add_argument("--quiet", action="store_true", help="print only the summary and unmatched rows")
    parser.add_argument("--matches", type=Path, help="also write every source name -> model match to this file")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Derive the knowledge files; print counts and every unmatched big maker's name."""
    args = _args(argv)
    curated = load_curated()
    dates = curated.source_dates
    write_prices(args.reference, args.out, args.as_of)
    write_curated_copies(curated, args.out)  # names first: the catalogue groups offers and matches with them
    for name in ("scores", "speeds", "parameters"):  # outputs of this run: the catalogue that matches names needs none
        write(args.out / f"{name}.yaml", HEADER + dump({name: {}}))
    write_release_dates(args.out, {}, args.as_of)  # models.dev's own dates, to compare with

    sys.path.insert(0, str(ROOT))
    from bot.catalogue.store import load_catalogue  # after source_names.yaml is written

    catalogue = load_catalogue(knowledge_path=args.out, use_cache=False)
    matcher = Matcher(catalogue, curated.ignore, curated.not_this_model)
    readings = all_readings(args.reference).values()
    score_rows = [row for r in readings for row in r.scores]
    scores = best_rows(_match_all(matcher, score_rows), dates)
    speed_matched, dropped = _match_speeds(matcher, [row for r in readings for row in r.speeds], catalogue.providers)
    speeds = speed_entries(speed_matched, dates, lambda mid: catalogue.by_id[mid].maker)
    write_release_dates(args.out, corrections(catalogue, matcher.matches, args.reference), args.as_of)
    write_parameters(args.out, parameter_counts(matcher, args.reference, dates))
    speed_rows = [row for r in readings for row in r.speeds]
    write_unmatched(args.out, unmatched_rows(dict(matcher.unmatched), score_rows, speed_rows), dates)
    ranges = snapshot_ranges(score_rows, {str(m["id"]): float(m["low"]) for m in curated.metrics})  # type: ignore[arg-type]
    write(args.out / "metrics.yaml", HEADER + dump({"metrics": with_ranges(curated.metrics, ranges)}))

    write(args.out / "scores.yaml", HEADER + dump({"scores": scores}))
    write(args.out / "speeds.yaml", HEADER + dump({"speeds": speeds}))
    if args.matches:
        lines = [f"{src}\t{name}\t{mid}\t{var or ''}" for (src, name), (mid, var) in sorted(matcher.matches.items())]
        args.matches.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _report(matcher, scores, speeds, len(score_rows), dropped, args.quiet)
    return 0
