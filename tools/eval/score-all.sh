#!/usr/bin/env bash
# Scores the release build on the shared evaluation corpora with the EUPEG protocol.
# Development aid only: nothing in GeoMention reads the corpora at run time.
#   tools/eval/score-all.sh [extra extract options...]
set -euo pipefail
cd "$(dirname "$0")/../.."
eval_dir=${EVAL_DIR:-../shared/eval}
bin=.build/release/geomention
out=${OUT_DIR:-/tmp/geomention-eval}
mkdir -p "$out"
for spec in lgl:coords geovirus:coords geowebnews:geonameid; do
  name=${spec%%:*}; subset=${spec##*:}
  "$bin" extract --format jsonl "$@" "$eval_dir/corpora/$name.jsonl" > "$out/$name.jsonl"
  python3 "$eval_dir/score.py" "$eval_dir/corpora/$name.jsonl" "$out/$name.jsonl" --match eupeg --gold-subset "$subset" --json |
    python3 -c 'import json,sys; r=json.load(sys.stdin); n=sys.argv[1]
f=lambda k: "%.3f" % r[k] if r.get(k) is not None else "-"
print("%-11s P %s  R %s  F1 %s  Acc@161 %s  AUC %s  median %s km  gid %s  (tp %d fp %d fn %d)" % (n, f("precision"), f("recall"), f("f1"), f("acc161"), f("auc"), f("median_km"), f("geonameid_acc"), r["tp"], r["fp"], r["fn"]))' "$name"
done
