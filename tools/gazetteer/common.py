"""Shared helpers for the gazetteer build: name normalisation, script tests, distances, points."""
from __future__ import annotations

import math
import re
import unicodedata

_STRIP = re.compile(r"[\s'’‘`´.\-‐‑–—]+")


def norm(text: str) -> str:
    """The matching key GeoMention uses for `ci` names: case, diacritics, apostrophes, hyphens,
    periods and whitespace removed."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _STRIP.sub("", plain)


def is_latin(text: str) -> bool:
    """True when every letter of ``text`` is a Latin letter."""
    for ch in text:
        if ch.isalpha():
            try:
                if not unicodedata.name(ch).startswith("LATIN"):
                    return False
            except ValueError:
                return False
    return True


def clean(text: str) -> str:
    """One-line, tab-free, trimmed text."""
    return " ".join(text.replace("\t", " ").split())


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = math.radians
    dlat = r(lat2 - lat1)
    dlon = r(lon2 - lon1)
    h = math.sin(dlat / 2) ** 2 + math.cos(r(lat1)) * math.cos(r(lat2)) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def bbox_midpoint(points: list[tuple[float, float]]) -> tuple[float, float, float]:
    """Midpoint of the bounding box of ``points`` and the half-diagonal in km (a rough radius).
    Longitudes are taken on the side of the antimeridian that gives the narrower box."""
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    lo, hi = min(lons), max(lons)
    shifted = [x + 360 if x < 0 else x for x in lons]
    if max(shifted) - min(shifted) < hi - lo:
        lo, hi = min(shifted), max(shifted)
    mid_lon = (lo + hi) / 2
    if mid_lon > 180:
        mid_lon -= 360
    mid_lat = (min(lats) + max(lats)) / 2
    radius = haversine_km(min(lats), lo if lo <= 180 else lo - 360, max(lats), hi if hi <= 180 else hi - 360) / 2
    return mid_lat, mid_lon, radius


def coord(value: float) -> str:
    """At most five decimals, no trailing zeros, no negative zero."""
    text = f"{value:.5f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
