#!/usr/bin/env python3
"""Train GeoMention's resolution model (Gazetteer/models/resolver.tsv).

For every mention GeoMention keeps, `geomention extract --explain` lists its candidate places with
the features the resolver weighs (ResolverFeatures). The model is a conditional logit: a linear
score per candidate, trained so that the softmax over a mention's candidates gives the annotated
place the highest probability.

Labels come from the annotated corpora: a kept mention that matches an annotated toponym (EUPEG
rule) is labelled with the candidate carrying the annotated GeoNames id, or, where the corpus gives
only coordinates (GeoVirus) or no candidate has that id, with the candidate nearest to the
annotated point if it lies within 50 km. Mentions without such a candidate teach nothing.

    python3 tools/train/train_resolver.py [--eval-dir ../shared/eval]
        [--binary .build/release/geomention] [--l2 1.0] [--write]

It reports, per corpus, the share of labelled mentions whose best candidate is the annotated one
and the share within 161 km, for a model trained on the other corpora (held out) and for one
trained on all three; --write stores the latter. Only numpy is needed. The corpora are read
here, at training time; GeoMention never reads them.
"""
from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import CORPORA, REPO, eupeg_matches, explain, feature_names, gold_toponyms  # noqa: E402


FEATURES = feature_names("Resolution/ResolverFeatures.swift", "ResolverFeature")


def distance(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


class Corpus:
    """Labelled mentions of one corpus: a feature matrix per mention and the annotated candidate."""

    def __init__(self, gold_path: Path, subset: str, binary: Path):
        gold = gold_toponyms(gold_path, subset)
        considered = explain(binary, gold_path)
        self.groups = []  # (features matrix, label index, candidate distances to the annotated point)
        for doc_id, items in considered.items():
            kept = [c for c in items if c["kept"]]
            for g, i in eupeg_matches(gold.get(doc_id, []), kept):
                cands = kept[i]["candidates"]
                if not cands:
                    continue
                dists = np.array([distance(g["lat"], g["lon"], c["lat"], c["lon"]) for c in cands])
                label = next((j for j, c in enumerate(cands)
                              if g.get("geonameid") is not None and c["geonameid"] == g["geonameid"]), None)
                if label is None and dists.min() <= 50:
                    label = int(dists.argmin())
                if label is not None:
                    x = np.array([[c["features"].get(n, 0.0) for n in FEATURES] for c in cands])
                    self.groups.append((x, label, dists))


def fit(groups, l2: float, weights: np.ndarray) -> np.ndarray:
    """Conditional logit with L2, by Newton's method."""
    w = np.zeros(len(FEATURES))
    for _ in range(40):
        gradient = l2 * w
        hessian = l2 * np.eye(len(w))
        for (x, label, _), sw in zip(groups, weights):
            s = x @ w
            s -= s.max()
            p = np.exp(s)
            p /= p.sum()
            mean = p @ x
            gradient += sw * (mean - x[label])
            centred = x - mean
            hessian += sw * (centred.T * p) @ centred
        step = np.linalg.solve(hessian + 1e-6 * np.eye(len(w)), gradient)
        w -= step
        if np.abs(step).max() < 1e-7:
            break
    return w


def evaluate(groups, w):
    right = near = 0
    for x, label, dists in groups:
        best = int(np.argmax(x @ w))
        right += best == label
        near += dists[best] < 161
    n = len(groups)
    return right / n, near / n


def balanced(corpora):
    groups, weights = [], []
    for c in corpora:
        groups += c.groups
        weights += [1.0 / len(c.groups)] * len(c.groups)
    weights = np.array(weights)
    return groups, weights * len(weights) / weights.sum()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", default=str(REPO.parent / "shared" / "eval"))
    parser.add_argument("--binary", default=str(REPO / ".build" / "release" / "geomention"))
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--write", action="store_true", help="write Gazetteer/models/resolver.tsv")
    args = parser.parse_args()

    corpora = {n: Corpus(Path(args.eval_dir) / "corpora" / f"{n}.jsonl", s, Path(args.binary)) for n, s in CORPORA.items()}
    current = np.zeros(len(FEATURES))
    model_path = REPO / "Gazetteer" / "models" / "resolver.tsv"
    for line in model_path.read_text().splitlines():
        parts = line.split("\t")
        if len(parts) == 2 and parts[0] in FEATURES:
            current[FEATURES.index(parts[0])] = float(parts[1])
    print("Labelled mentions and the current model's choices (right place / within 161 km):")
    for n, c in corpora.items():
        r, a = evaluate(c.groups, current)
        print(f"  {n:11s} {len(c.groups)} mentions  right {r:.3f}  within 161 km {a:.3f}")

    print("\nHeld out (trained on the other corpora):")
    for held in CORPORA:
        groups, weights = balanced([c for n, c in corpora.items() if n != held])
        w = fit(groups, args.l2, weights)
        r, a = evaluate(corpora[held].groups, w)
        print(f"  {held:11s} right {r:.3f}  within 161 km {a:.3f}")

    groups, weights = balanced(list(corpora.values()))
    w = fit(groups, args.l2, weights)
    print("\nTrained on all three:")
    for n, c in corpora.items():
        r, a = evaluate(c.groups, w)
        print(f"  {n:11s} right {r:.3f}  within 161 km {a:.3f}")
    if args.write:
        with model_path.open("w", encoding="utf-8") as fh:
            fh.write("# GeoMention resolution model: conditional logit over ResolverFeatures.\n")
            fh.write("# Written by tools/train/train_resolver.py from the LGL, GeoVirus and GeoWebNews\n")
            fh.write(f"# annotations (each corpus weighted equally, L2 {args.l2}).\n")
            fh.write("feature\tweight\n")
            for n, v in zip(FEATURES, w):
                fh.write(f"{n}\t{v:.6f}\n")
        print(f"wrote {model_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
