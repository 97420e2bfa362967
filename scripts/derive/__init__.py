"""Derive whichmodel's knowledge files from the public reference data in ../shared/reference.

    python -m scripts.derive [--reference ../shared/reference] [--out knowledge]

The hand-kept tables (sources, metrics, names, the ignore list) live in `knowledge/curated/*.yaml`; this
package only reads the sources, matches their names to catalogue models and writes the derived files
(`sources.yaml`, `metrics.yaml`, `scores.yaml`, `speeds.yaml`, `source_names.yaml`), deterministically.
The reference files are read here only: the product ships the derived files and never reads ../shared.

- `readers/`: one module per leaderboard source, each with `read(ref) -> Readings`; a new score source is
  one reader here and one entry in `knowledge/curated/sources.yaml`.
- `match.py`: source name -> (catalogue model, variant), never silent.
- `write.py`: the derived YAML.
- `main.py`: the command line.
"""
