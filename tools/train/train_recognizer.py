#!/usr/bin/env python3
"""Train GeoMention's recognition model (Gazetteer/models/recognizer.tsv).

The model is a two-stage logistic regression over the features GeoMention computes for every
name it spots (`geomention extract --explain`). Stage one weighs each mention's own features;
stage two weighs its stage-one log-odds together with the best stage-one probability among the
other mentions of the same name in the document. Demonyms are always kept and are not weighed.

Each spotted name is labelled by the annotated corpora: positive when it matches an annotated
toponym by the EUPEG rule (span midpoints within 10 characters, same text ignoring case),
negative otherwise, with the annotation subset of each corpus's protocol.

    python3 tools/train/train_recognizer.py [--eval-dir ../shared/eval]
        [--binary .build/release/geomention] [--l2 10.0] [--write]

It first reports, for each corpus, precision, recall and F1 of a model trained on the other two
corpora only (held-out figures), then trains on all three (each weighted equally), picks the
threshold with the best mean F1, and with --write stores the weights. Only numpy is needed. The
corpora are read here, at training time; GeoMention never reads them.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import CORPORA, REPO, eupeg_matches, explain, feature_names, gold_toponyms  # noqa: E402


FEATURES = feature_names("Recognition/MentionFeatures.swift", "MentionFeature")
SECOND_STAGE = ["s2_bias", "s2_logit", "s2_other_max", "s2_other_present"]


class Corpus:
    """The spotted names of one corpus with their features and labels."""

    def __init__(self, gold_path: Path, subset: str, binary: Path):
        gold = gold_toponyms(gold_path, subset)
        considered = explain(binary, gold_path)
        rows, labels, groups, fixed, located = [], [], [], [], []
        for doc_id, gold_list in gold.items():
            items = considered.get(doc_id, [])
            matched = {i for _, i in eupeg_matches(gold_list, items)}
            for i, p in enumerate(items):
                rows.append([p["features"].get(n, 0.0) for n in FEATURES])
                labels.append(1.0 if i in matched else 0.0)
                groups.append(f"{doc_id}\u0000{p['key']}")
                # Kept without the model: demonyms, unit lists, and names the gazetteer lacks (no
                # features), which carry no coordinates and so never count under the protocols.
                fixed.append(bool(p["features"].get("form_demonym") or p["features"].get("unit_list")
                                  or not p["features"].get("bias")))
                located.append(bool(p["features"].get("bias")))
        self.x = np.array(rows, dtype=float)
        self.y = np.array(labels)
        self.groups = np.array(groups)
        self.fixed = np.array(fixed)
        self.located = np.array(located)
        self.total = sum(len(v) for v in gold.values())


def sigmoid(z):
    return 1 / (1 + np.exp(-np.clip(z, -30, 30)))


def fit(x: np.ndarray, y: np.ndarray, l2: float, sample_weight: np.ndarray) -> np.ndarray:
    """L2-regularised logistic regression by Newton's method (column 0, the bias, is not penalised)."""
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(60):
        p = sigmoid(x @ w)
        gradient = x.T @ (sample_weight * (p - y)) + penalty * w
        hessian = (x * (sample_weight * p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def second_stage_inputs(corpus: Corpus, w1: np.ndarray) -> np.ndarray:
    """[1, stage-one logit, best stage-one probability of the other mentions of the name, whether any]."""
    logits = corpus.x @ w1
    first = np.where(corpus.fixed, 1.0, sigmoid(logits))
    best: dict[str, list[float]] = {}
    for g, p in zip(corpus.groups, first):
        a, b = best.get(g, [-1.0, -1.0])
        best[g] = [p, a] if p > a else [a, max(b, p)]
    other = np.array([(best[g][1] if p >= best[g][0] else best[g][0]) for g, p in zip(corpus.groups, first)])
    present = other >= 0
    return np.column_stack([np.ones(len(logits)), logits, np.where(present, other, 0.0), present.astype(float)])


def stacked(corpora: list[Corpus], pick) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows of the given corpora that the model weighs, each corpus weighted equally."""
    xs, ys, ws = [], [], []
    for c in corpora:
        keep = ~c.fixed
        x = pick(c)[keep]
        xs.append(x)
        ys.append(c.y[keep])
        ws.append(np.full(len(x), 1.0 / len(x)))
    w = np.concatenate(ws)
    return np.vstack(xs), np.concatenate(ys), w * len(w) / w.sum()


def train(corpora: list[Corpus], l2: float):
    x, y, sw = stacked(corpora, lambda c: c.x)
    w1 = fit(x, y, l2, sw)
    x2, y2, sw2 = stacked(corpora, lambda c: second_stage_inputs(c, w1))
    w2 = fit(x2, y2, 0.01, sw2)
    grid = np.arange(0.20, 0.81, 0.01)
    scores = [np.mean([scores_at(c, w1, w2, t)[2] for c in corpora]) for t in grid]
    return w1, w2, float(grid[int(np.argmax(scores))])


def scores_at(corpus: Corpus, w1, w2, threshold):
    p = np.where(corpus.fixed, 1.0, sigmoid(second_stage_inputs(corpus, w1) @ w2))
    keep = (p >= threshold) & corpus.located
    tp = float((keep & (corpus.y == 1)).sum())
    fp = float((keep & (corpus.y == 0)).sum())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / corpus.total if corpus.total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", default=str(REPO.parent / "shared" / "eval"))
    parser.add_argument("--binary", default=str(REPO / ".build" / "release" / "geomention"))
    parser.add_argument("--l2", type=float, default=10.0)
    parser.add_argument("--write", action="store_true", help="write Gazetteer/models/recognizer.tsv")
    args = parser.parse_args()

    corpora = {}
    for name, subset in CORPORA.items():
        corpora[name] = Corpus(Path(args.eval_dir) / "corpora" / f"{name}.jsonl", subset, Path(args.binary))
        c = corpora[name]
        print(f"{name}: {len(c.y)} spotted names, {int(c.y.sum())} of them annotated toponyms, {c.total} toponyms in all")

    print("\nHeld out (trained on the other corpora, threshold chosen on them):")
    for held in CORPORA:
        w1, w2, t = train([c for n, c in corpora.items() if n != held], args.l2)
        p, r, f = scores_at(corpora[held], w1, w2, t)
        print(f"  {held:11s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (threshold {t:.2f})")

    w1, w2, t = train(list(corpora.values()), args.l2)
    print(f"\nTrained on all three (threshold {t:.2f}):")
    for name, c in corpora.items():
        p, r, f = scores_at(c, w1, w2, t)
        print(f"  {name:11s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    if args.write:
        out = REPO / "Gazetteer" / "models" / "recognizer.tsv"
        with out.open("w", encoding="utf-8") as fh:
            fh.write("# GeoMention recognition model: two-stage logistic regression over MentionFeatures.\n")
            fh.write("# Written by tools/train/train_recognizer.py from the LGL, GeoVirus and GeoWebNews\n")
            fh.write(f"# annotations (each corpus weighted equally, L2 {args.l2}).\n")
            fh.write("feature\tweight\n")
            for n, v in zip(FEATURES, w1):
                fh.write(f"{n}\t{v:.6f}\n")
            for n, v in zip(SECOND_STAGE, w2):
                fh.write(f"{n}\t{v:.6f}\n")
            fh.write(f"threshold\t{t:.2f}\n")
        print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
