"""What the two training scripts share: the corpora and their protocols, the feature names as
GeoMention computes them, and the EUPEG matching of spotted names to annotated toponyms."""
from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# Corpus name -> which annotated toponyms count (the evaluation protocol of each corpus).
CORPORA = {"lgl": "coords", "geovirus": "coords", "geowebnews": "geonameid"}


def feature_names(source: str, enum: str) -> list[str]:
    """The feature names in the order GeoMention computes them: the cases of `enum` in the Swift
    file `source` (relative to Sources/GeoMention), each capital turned into "_" and a lower-case
    letter, as the SnakeCaseNamed protocol does."""
    text = (REPO / "Sources" / "GeoMention" / source).read_text(encoding="utf-8")
    body = re.search(r"enum " + enum + r"\b[^{]*\{(.*?)\n\}", text, re.S).group(1)
    cases = [c.strip() for line in body.splitlines() if line.strip().startswith("case ")
             for c in line.strip()[5:].split(",") if c.strip()]
    return [re.sub(r"([A-Z])", lambda m: "_" + m.group(1).lower(), c) for c in cases]


def gold_toponyms(path: Path, subset: str) -> dict[str, list[dict]]:
    """Per document id, the annotated toponyms the corpus's protocol counts."""
    gold = {}
    for line in path.open(encoding="utf-8"):
        doc = json.loads(line)
        gold[doc["id"]] = [t for t in doc["toponyms"]
                           if (t.get("geonameid") is not None if subset == "geonameid" else t.get("lat") is not None)]
    return gold


def explain(binary: Path, corpus: Path) -> dict[str, list[dict]]:
    """Per document id, every name GeoMention weighed (`extract --explain`)."""
    out = subprocess.run([str(binary), "extract", "--explain", str(corpus)], check=True,
                         capture_output=True, text=True).stdout
    return {doc["id"]: doc["considered"] for doc in map(json.loads, out.splitlines())}


def eupeg_matches(gold_list: list[dict], items: list[dict]) -> list[tuple[dict, int]]:
    """Pairs (annotated toponym, index into `items`) by the EUPEG rule, as the scorer pairs them:
    annotations in order, each item used once, span midpoints within 10 characters and the same
    text ignoring case."""
    used, pairs = set(), []
    for g in gold_list:
        mid = (g["start"] + g["end"]) / 2
        for i, p in enumerate(items):
            if i not in used and abs(mid - (p["start"] + p["end"]) / 2) < 10 and p["name"].lower() == g["name"].lower():
                used.add(i)
                pairs.append((g, i))
                break
    return pairs
