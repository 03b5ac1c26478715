"""English word frequencies, given names and surnames for the recogniser's filters.

Sources (licences in Gazetteer/SOURCES-extra.md):
* ``wordfreq`` 3.1.1 wheel: ``wordfreq/data/large_en.msgpack.gz``, read with the pure-Python
  unpacker of the ``msgpack`` 1.2.4 wheel (wordfreq itself is not imported).
* Debian ``wamerican``: /usr/share/dict/american-english, which tells whether a word is written
  in lower case (a common word) or only capitalised (a proper noun) in a dictionary.
* ``names`` 0.3.0 (a source distribution only): the 1990 US Census lists ``dist.male.first``,
  ``dist.female.first`` and ``dist.all.last``.
"""
from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import fetch  # noqa: E402

WORDFREQ = ("wordfreq", "3.1.1")
MSGPACK = ("msgpack", "1.2.4")
NAMES = ("names", "0.3.0")
MIN_ENGLISH_WORDS = 50_000
ZIPF_FLOOR = 1.5          # keep every alphabetic word at or above this frequency
WORD_RE = re.compile(r"^[a-z][a-z'\-]*[a-z]$|^[a-z]$")


def _msgpack_unpackb(cache_dir: Path):
    root = fetch.pip_package(*MSGPACK, cache_dir=cache_dir)
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    from msgpack import fallback  # pure Python, no compiled extension needed
    return fallback.unpackb


def english_frequencies(cache_dir: Path) -> list[tuple[str, float]]:
    """(word, zipf) for lower-case alphabetic English words, most frequent first.

    wordfreq's "cB" lists group words by frequency: list i (from 1) holds the words whose
    frequency is 10^(-i/100), so their Zipf value is 9 - i/100.
    """
    root = fetch.pip_package(*WORDFREQ, cache_dir=cache_dir)
    unpackb = _msgpack_unpackb(cache_dir)
    data = unpackb(gzip.decompress((root / "wordfreq/data/large_en.msgpack.gz").read_bytes()), raw=False)
    header, buckets = data[0], data[1:]
    if header.get("format") != "cB":
        raise ValueError(f"unexpected wordfreq format {header!r}")
    out = []
    for i, bucket in enumerate(buckets, start=1):
        zipf = round(9 - i / 100, 2)
        for word in bucket:
            if WORD_RE.match(word):
                out.append((word, zipf))
    return out


def dictionary_cases(cache_dir: Path) -> dict[str, str]:
    """word (lower case) -> "lower" if the dictionary lists it in lower case, else "proper"."""
    root = fetch.debian_package("wamerican", cache_dir)
    cases: dict[str, str] = {}
    for line in (root / "usr/share/dict/american-english").read_text(encoding="utf-8").splitlines():
        word = line.strip()
        if not word or word.endswith("'s"):
            continue
        key = word.lower()
        if word == key:
            cases[key] = "lower"
        else:
            cases.setdefault(key, "proper")
    return cases


def _census(path: Path) -> list[tuple[str, float, int]]:
    rows = []
    for line in path.read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) == 4:
            rows.append((parts[0].lower(), float(parts[1]), int(parts[3])))
    return rows


def write_wordlists(cache_dir: Path, out_dir: Path) -> None:
    """Write english.tsv, given-names.tsv and surnames.tsv into ``out_dir`` (Gazetteer/words)."""
    cache_dir = Path(cache_dir)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)

    freqs = english_frequencies(cache_dir)
    cases = dictionary_cases(cache_dir)
    keep = [(w, z) for i, (w, z) in enumerate(freqs) if i < MIN_ENGLISH_WORDS or z >= ZIPF_FLOOR]
    with (out_dir / "english.tsv").open("w", encoding="utf-8") as fh:
        fh.write("word\tzipf\tdictionary\n")
        for word, zipf in keep:
            fh.write(f"{word}\t{zipf:.2f}\t{cases.get(word, '')}\n")

    root = fetch.pip_package(*NAMES, cache_dir=cache_dir, source=True) / f"{NAMES[0]}-{NAMES[1]}" / "names"
    male = {n: (p, r) for n, p, r in _census(root / "dist.male.first")}
    female = {n: (p, r) for n, p, r in _census(root / "dist.female.first")}
    given = []
    for name in set(male) | set(female):
        mp = male.get(name, (0.0, 0))[0]
        fp = female.get(name, (0.0, 0))[0]
        given.append((name, round((mp + fp) / 2, 4), mp, fp))
    given.sort(key=lambda g: (-g[1], g[0]))
    with (out_dir / "given-names.tsv").open("w", encoding="utf-8") as fh:
        fh.write("name\tpercent\tmale_percent\tfemale_percent\trank\n")
        for rank, (name, pct, mp, fp) in enumerate(given, start=1):
            fh.write(f"{name}\t{pct:.4f}\t{mp:.3f}\t{fp:.3f}\t{rank}\n")

    with (out_dir / "surnames.tsv").open("w", encoding="utf-8") as fh:
        fh.write("name\tpercent\trank\n")
        for name, pct, rank in _census(root / "dist.all.last"):
            fh.write(f"{name}\t{pct:.3f}\t{rank}\n")
