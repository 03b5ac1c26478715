"""Curated regions and physical features that no package carries (curated_regions.tsv).

The table is written by hand; each row states how its representative point was chosen in its
``note`` column. ``curated_features`` reads it and validates it strictly: any problem raises
``ValueError`` listing every bad row, so a broken table never reaches the gazetteer.
``check_points`` is an extra plausibility check against the 1:110m country outlines.
"""
from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import fetch  # noqa: E402

TABLE = "curated_regions.tsv"
COLUMNS = ["slug", "name", "kind", "feature", "lat", "lon", "radius_km", "countries", "aliases", "demonyms", "note"]
KINDS = {"region", "physical"}
# GeoNames-style feature codes used in the table.
FEATURES = {
    "RGN", "CONT", "SEA", "OCN", "GULF", "BAY", "SD", "STRT", "CHN", "PEN", "CAPE", "MTS", "DSRT",
    "VAL", "PLN", "BSN", "ISL", "ISLS", "LK", "LKS", "FRST", "SWMP", "PRK", "DLTA", "STM",
}
# Codes in use that ISO 3166-1 has not assigned (user-assigned range).
EXTRA_COUNTRY_CODES = {"XK"}
SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
PYCOUNTRY_VERSION = "26.2.16"


def _iso_codes() -> set[str]:
    root = fetch.pip_package("pycountry", PYCOUNTRY_VERSION)
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    import pycountry  # noqa: WPS433
    return {c.alpha_2 for c in pycountry.countries} | EXTRA_COUNTRY_CODES


def _split(value: str, sep: str) -> list[str]:
    return [v.strip() for v in value.split(sep) if v.strip()]


def curated_features(tools_dir: Path) -> list[dict]:
    """Rows of tools_dir/curated_regions.tsv as feature dicts (id "cur:<slug>")."""
    path = Path(tools_dir) / TABLE
    codes = _iso_codes()
    errors: list[str] = []
    features: list[dict] = []
    slugs: set[str] = set()
    forms: dict[str, str] = {}  # casefolded name/alias -> slug that owns it
    demonyms: dict[str, str] = {}

    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        if header != COLUMNS:
            raise ValueError(f"{path}: header {header} != {COLUMNS}")
        for lineno, row in enumerate(reader, start=2):
            where = f"{path.name}:{lineno}"
            if len(row) != len(COLUMNS):
                errors.append(f"{where}: {len(row)} fields, expected {len(COLUMNS)}")
                continue
            rec = dict(zip(COLUMNS, row))
            for key in ("slug", "name", "kind", "feature", "lat", "lon", "radius_km", "note"):
                if not rec[key].strip():
                    errors.append(f"{where}: empty {key}")
            slug = rec["slug"]
            if not SLUG_RE.match(slug):
                errors.append(f"{where}: bad slug {slug!r}")
            if slug in slugs:
                errors.append(f"{where}: duplicate slug {slug!r}")
            slugs.add(slug)
            if rec["kind"] not in KINDS:
                errors.append(f"{where}: kind {rec['kind']!r} not in {sorted(KINDS)}")
            if rec["feature"] not in FEATURES:
                errors.append(f"{where}: unknown feature code {rec['feature']!r}")
            try:
                lat, lon, radius = float(rec["lat"]), float(rec["lon"]), float(rec["radius_km"])
            except ValueError:
                errors.append(f"{where}: lat/lon/radius_km not numbers")
                continue
            if not -90 <= lat <= 90:
                errors.append(f"{where}: lat {lat} out of range")
            if not -180 <= lon <= 180:
                errors.append(f"{where}: lon {lon} out of range")
            if not 0 <= radius <= 20000:
                errors.append(f"{where}: radius_km {radius} out of range")
            countries = _split(rec["countries"], " ")
            for cc in countries:
                if cc not in codes:
                    errors.append(f"{where}: unknown ISO 3166-1 alpha-2 code {cc!r}")
            if len(set(countries)) != len(countries):
                errors.append(f"{where}: repeated country code")
            aliases = _split(rec["aliases"], "|")
            dems = _split(rec["demonyms"], "|")
            for form in [rec["name"]] + aliases:
                key = form.casefold()
                if key in forms:
                    errors.append(f"{where}: name/alias {form!r} already used by {forms[key]!r}")
                forms[key] = slug
            for d in dems:
                key = d.casefold()
                if key in demonyms:
                    errors.append(f"{where}: demonym {d!r} already used by {demonyms[key]!r}")
                demonyms[key] = slug
            for text in row:
                if text != text.strip() or "  " in text:
                    errors.append(f"{where}: stray whitespace in {text!r}")
            features.append({
                "id": f"cur:{slug}", "name": rec["name"], "kind": rec["kind"], "feature": rec["feature"],
                "lat": lat, "lon": lon, "radius_km": radius, "countries": countries,
                "aliases": aliases, "demonyms": dems,
            })
    if errors:
        raise ValueError(f"{len(errors)} problem(s) in {path}:\n" + "\n".join(errors))
    return features


WATER = {"OCN", "SEA", "GULF", "BAY", "SD", "STRT", "CHN", "LK", "LKS"}


def check_points(features: list[dict], cache_dir: Path) -> list[str]:
    """Plausibility warnings against the 1:110m outlines: a sea's point should not lie inside a
    country outline (more than 15 km from its coast), and a land feature's point should lie in
    or within 100 km of one of its countries."""
    import natural_earth  # local module; needs the geopandas wheel
    import shapes

    outlines = natural_earth.load_outlines(cache_dir)
    by_iso = {c["iso2"]: c for c in outlines}
    warnings = []
    for f in features:
        pt = (f["lon"], f["lat"])
        if f["feature"] in WATER and f["feature"] not in ("LK", "LKS"):
            for c in outlines:
                if shapes.point_in_rings(pt, c["rings"]):
                    # Allow points just inside a coarse coastline.
                    coast = min(
                        shapes.distance_to_segment_km(pt, r[i], r[i + 1])
                        for r in c["rings"] for i in range(len(r) - 1)
                    )
                    if coast > 15:
                        warnings.append(f"{f['id']}: water point lies {coast:.0f} km inside {c['iso2']}")
        elif f["countries"] and f["feature"] not in WATER | {"ISL", "ISLS"}:  # small islands: not in 1:110m
            known = [by_iso[cc] for cc in f["countries"] if cc in by_iso]
            if known:
                d = min(shapes.distance_to_rings_km(pt, c["rings"]) for c in known)
                if d > 100:
                    warnings.append(f"{f['id']}: point is {d:.0f} km from its countries {f['countries']}")
    return warnings
