#!/usr/bin/env python3
"""Train GeoMention's recognition model (Gazetteer/models/recognizer.tsv).

The model is a logistic regression over the features GeoMention computes for every name it
spots (`geomention extract --explain`). Each spotted name is labelled by the annotated corpora:
positive when it matches an annotated toponym by the EUPEG rule (span midpoints within 10
characters, same text ignoring case), negative otherwise.

    python3 tools/train/train_recognizer.py [--eval-dir ../shared/eval] [--binary .build/release/geomention]
                                            [--write] [--l2 1.0]

It first reports, for each corpus, the F1 of a model trained on the other corpora only
(held-out figures), then trains on all of them, picks the threshold with the best mean F1, and
with --write stores the weights. Only numpy is needed. The corpora are read here, at training
time; GeoMention never reads them.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[2]
# Corpus name -> which annotated toponyms count (the evaluation protocol of each corpus).
CORPORA = {"lgl": "coords", "geovirus": "coords", "geowebnews": "geonameid"}


def gold_toponyms(path: Path, subset: str) -> dict[str, list[dict]]:
    gold = {}
    for line in path.open(encoding="utf-8"):
        doc = json.loads(line)
        keep = [t for t in doc["toponyms"]
                if (t.get("geonameid") is not None if subset == "geonameid" else t.get("lat") is not None)]
        gold[doc["id"]] = keep
    return gold


def spotted(binary: Path, corpus: Path) -> dict[str, list[dict]]:
    out = subprocess.run([str(binary), "extract", "--explain", str(corpus)], check=True,
                         capture_output=True, text=True).stdout
    return {doc["id"]: doc["considered"] for doc in map(json.loads, out.splitlines())}


def label(gold: dict, considered: dict, names: list[str]):
    """Feature matrix, labels, and per corpus the number of annotated toponyms."""
    rows, labels = [], []
    for doc_id, gold_list in gold.items():
        items = considered.get(doc_id, [])
        used = set()
        matched = [False] * len(items)
        for g in gold_list:
            mid = (g["start"] + g["end"]) / 2
            for i, p in enumerate(items):
                if i in used:
                    continue
                if abs(mid - (p["start"] + p["end"]) / 2) < 10 and p["name"].lower() == g["name"].lower():
                    used.add(i)
                    matched[i] = True
                    break
        for i, p in enumerate(items):
            if p["features"].get("form_demonym"):
                continue  # demonyms are always kept; the model does not weigh them
            rows.append([p["features"].get(n, 0.0) for n in names])
            labels.append(1.0 if matched[i] else 0.0)
    total = sum(len(v) for v in gold.values())
    return np.array(rows, dtype=float), np.array(labels), total


def fit(x: np.ndarray, y: np.ndarray, l2: float, sample_weight: np.ndarray) -> np.ndarray:
    """L2-regularised logistic regression by Newton's method (the bias, column 0, is not penalised)."""
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(50):
        z = np.clip(x @ w, -30, 30)
        p = 1 / (1 + np.exp(-z))
        gradient = x.T @ (sample_weight * (p - y)) + penalty * w
        hessian = (x * (sample_weight * p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-7:
            break
    return w


def f1_at(w: np.ndarray, x: np.ndarray, y: np.ndarray, total: int, threshold: float):
    p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
    keep = p >= threshold
    tp = float((keep & (y == 1)).sum())
    fp = float((keep & (y == 0)).sum())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / total if total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def balanced_weights(parts: list[str], data: dict) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Stack the corpora, each weighted so that every corpus counts equally."""
    xs, ys, ws = [], [], []
    for name in parts:
        x, y, _ = data[name]
        xs.append(x)
        ys.append(y)
        ws.append(np.full(len(y), 1.0 / len(y)))
    w = np.concatenate(ws)
    return np.vstack(xs), np.concatenate(ys), w * len(w) / w.sum()


def best_threshold(w: np.ndarray, parts: list[str], data: dict) -> float:
    grid = np.arange(0.20, 0.81, 0.01)
    scores = [np.mean([f1_at(w, *data[n], t)[2] for n in parts]) for t in grid]
    return float(grid[int(np.argmax(scores))])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", default=str(REPO.parent / "shared" / "eval"))
    parser.add_argument("--binary", default=str(REPO / ".build" / "release" / "geomention"))
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--write", action="store_true", help="write Gazetteer/models/recognizer.tsv")
    args = parser.parse_args()

    data = {}
    for name, subset in CORPORA.items():
        path = Path(args.eval_dir) / "corpora" / f"{name}.jsonl"
        considered = spotted(Path(args.binary), path)
        data[name] = label(gold_toponyms(path, subset), considered, FEATURES)
        x, y, total = data[name]
        print(f"{name}: {len(y)} spotted names, {int(y.sum())} of them annotated toponyms, {total} toponyms in all")

    print("\nHeld out (trained on the other corpora, threshold chosen on them):")
    for held in CORPORA:
        parts = [n for n in CORPORA if n != held]
        x, y, sw = balanced_weights(parts, data)
        w = fit(x, y, args.l2, sw)
        t = best_threshold(w, parts, data)
        p, r, f = f1_at(w, *data[held], t)
        print(f"  {held:11s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (threshold {t:.2f})")

    x, y, sw = balanced_weights(list(CORPORA), data)
    w = fit(x, y, args.l2, sw)
    t = best_threshold(w, list(CORPORA), data)
    print(f"\nTrained on all three (threshold {t:.2f}):")
    for name in CORPORA:
        p, r, f = f1_at(w, *data[name], t)
        print(f"  {name:11s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    if args.write:
        out = REPO / "Gazetteer" / "models" / "recognizer.tsv"
        with out.open("w", encoding="utf-8") as fh:
            fh.write("# GeoMention recognition model: logistic regression over MentionFeatures.\n")
            fh.write("# Written by tools/train/train_recognizer.py from the LGL, GeoVirus and GeoWebNews\n")
            fh.write(f"# annotations (each corpus weighted equally, L2 {args.l2}).\n")
            fh.write("feature\tweight\n")
            for n, v in zip(FEATURES, w):
                fh.write(f"{n}\t{v:.6f}\n")
            fh.write(f"threshold\t{t:.2f}\n")
        print(f"wrote {out}")
    return 0


def feature_names() -> list[str]:
    """The feature names in the order GeoMention computes them, read from its source."""
    source = (REPO / "Sources" / "GeoMention" / "Recognition" / "MentionFeatures.swift").read_text(encoding="utf-8")
    block = source.split("static let names: [String] = [", 1)[1].split("]", 1)[0]
    return [part.strip().strip('"') for part in block.replace("\n", " ").split(",") if part.strip()]


FEATURES = feature_names()

if __name__ == "__main__":
    sys.exit(main())
