"""Regenerate the files derived by curated.py, natural_earth.py and wordlists.py and print counts.

    python3 tools/gazetteer/make_extras.py

Writes Gazetteer/world-110m.tsv and Gazetteer/words/*.tsv; validates curated_regions.tsv and
prints the plausibility warnings of its points (small islands and sea-centred regions are
expected to be far from the coarse 1:110m outlines).
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import curated  # noqa: E402
import fetch  # noqa: E402
import natural_earth  # noqa: E402
import wordlists  # noqa: E402

REPO = HERE.parent.parent
GAZ = REPO / "Gazetteer"


def main() -> None:
    cache = fetch.CACHE
    cur = curated.curated_features(HERE)
    print(f"curated rows: {len(cur)} ({dict(Counter(f['kind'] for f in cur))})")
    for warning in curated.check_points(cur, cache):
        print("  check:", warning)
    phys = natural_earth.physical_features(cache)
    print(f"natural earth features: {dict(Counter(f['feature'] for f in phys))}")
    out = GAZ / "world-110m.tsv"
    natural_earth.write_world_outlines(cache, out)
    print(f"{out.relative_to(REPO)}: {sum(1 for _ in out.open()) - 1} countries, {out.stat().st_size:,} bytes")
    wordlists.write_wordlists(cache, GAZ / "words")
    for path in sorted((GAZ / "words").glob("*.tsv")):
        print(f"{path.relative_to(REPO)}: {sum(1 for _ in path.open()) - 1} rows, {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
