"""Derive whichmodel's knowledge files from the public reference data in ../shared/reference.

    python -m scripts.derive [--reference ../shared/reference] [--out knowledge]

The hand-kept tables (sources, metrics, names, the ignore list) live in `knowledge/curated/*.yaml`; this
package only reads the sources, matches their names to catalogue models and writes the derived files
(`sources.yaml`, `metrics.yaml` with each snapshot's range per metric, `scores.yaml`, `speeds.yaml` at the
default effort with the others beside, `source_names.yaml`, `release_dates.yaml`, `unmatched.yaml` and the
price snapshot in `prices/`), deterministically.
The reference files are read here only: the product ships the derived files and never reads ../shared.

- `readers/`: one module per leaderboard source, each with `read(ref) -> Readings`; a new score source is
  one reader here and one entry in `knowledge/curated/sources.yaml`.
- `match.py`: source name -> (catalogue model, variant), never silent.
- `write.py`: the derived YAML; `speeds.py`: efforts and implausible figures; `ranges.py`: snapshot ranges;
  `release.py`: Artificial Analysis's release dates where models.dev is missing or 45+ days off;
  `unmatched.py`: rows that match no model, kept by source name; `prices.py`: the price snapshot.
- `main.py`: the command line.
"""
