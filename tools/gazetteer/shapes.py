"""A small reader for ESRI shapefiles (.shp geometry + .dbf attributes) and plane geometry helpers.

Only what the gazetteer build needs: shape types 3/13/23 (polylines) and 5/15/25 (polygons),
read as lists of parts, each part a list of (lon, lat) tuples; Z and M values are ignored.
Attributes come from the dBASE III table beside the .shp, decoded as UTF-8 (Natural Earth's
encoding), with numeric fields converted to int or float.
"""
from __future__ import annotations

import math
import struct
from pathlib import Path

Point = tuple[float, float]
Ring = list[Point]


def read_dbf(path: Path, encoding: str = "utf-8") -> list[dict]:
    data = Path(path).read_bytes()
    count, header_len, record_len = struct.unpack("<IHH", data[4:12])
    fields = []
    pos = 32
    while data[pos] != 0x0D:
        raw = data[pos:pos + 32]
        name = raw[:11].split(b"\0")[0].decode("ascii")
        fields.append((name, chr(raw[11]), raw[16], raw[17]))
        pos += 32
    records = []
    for i in range(count):
        start = header_len + i * record_len
        rec = data[start:start + record_len]
        if rec[:1] == b"*":  # deleted record
            records.append(None)
            continue
        off = 1
        row = {}
        for name, ftype, length, decimals in fields:
            chunk = rec[off:off + length]
            off += length
            text = chunk.decode(encoding, errors="replace").strip().strip("\0")
            if ftype in "NF":
                if not text or set(text) <= {"*", "."}:
                    value = None
                else:
                    try:
                        value = float(text) if ("." in text or "e" in text.lower() or decimals) else int(text)
                    except ValueError:
                        value = None
            else:
                value = text
            row[name] = value
        records.append(row)
    return records


def read_shp(path: Path) -> list[list[Ring] | None]:
    """Return one entry per record: a list of parts (each a list of (lon, lat)), or None for a null shape."""
    data = Path(path).read_bytes()
    file_len = struct.unpack(">i", data[24:28])[0] * 2
    pos = 100
    shapes = []
    while pos < file_len:
        _num, content_len = struct.unpack(">ii", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + content_len * 2]
        pos += 8 + content_len * 2
        stype = struct.unpack("<i", body[:4])[0]
        if stype == 0:
            shapes.append(None)
            continue
        if stype not in (3, 5, 13, 15, 23, 25):
            raise ValueError(f"unsupported shape type {stype} in {path}")
        nparts, npoints = struct.unpack("<ii", body[36:44])
        parts = list(struct.unpack(f"<{nparts}i", body[44:44 + 4 * nparts]))
        pstart = 44 + 4 * nparts
        coords = struct.unpack(f"<{2 * npoints}d", body[pstart:pstart + 16 * npoints])
        points = list(zip(coords[0::2], coords[1::2]))
        bounds = parts + [npoints]
        shapes.append([points[bounds[k]:bounds[k + 1]] for k in range(nparts)])
    return shapes


def read_shapefile(stem: Path) -> list[tuple[dict, list[Ring]]]:
    """Records of ``stem``.shp/.dbf as (attributes, parts), skipping deleted and null records."""
    stem = Path(stem)
    shapes = read_shp(stem.with_suffix(".shp"))
    cpg = stem.with_suffix(".cpg")
    encoding = "utf-8"
    if cpg.exists():
        declared = cpg.read_text(encoding="ascii", errors="replace").strip().lower()
        encoding = {"1252": "cp1252", "ansi 1252": "cp1252", "iso-8859-1": "latin-1"}.get(declared, declared or "utf-8")
    records = read_dbf(stem.with_suffix(".dbf"), encoding)
    if len(shapes) != len(records):
        raise ValueError(f"{stem}: {len(shapes)} shapes but {len(records)} records")
    return [(r, s) for r, s in zip(records, shapes) if r is not None and s]


# ---- geometry -------------------------------------------------------------------------------

EARTH_RADIUS_KM = 6371.0088


def haversine_km(a: Point, b: Point) -> float:
    """Great-circle distance between two (lon, lat) points."""
    lon1, lat1, lon2, lat2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def ring_area_centroid(ring: Ring) -> tuple[float, Point]:
    """Signed area (degrees², positive counter-clockwise) and area centroid of a closed ring."""
    area2 = cx = cy = 0.0
    n = len(ring)
    for i in range(n):
        x0, y0 = ring[i]
        x1, y1 = ring[(i + 1) % n]
        cross = x0 * y1 - x1 * y0
        area2 += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area2) < 1e-15:
        xs = [p[0] for p in ring]
        ys = [p[1] for p in ring]
        return 0.0, (sum(xs) / n, sum(ys) / n)
    return area2 / 2, (cx / (3 * area2), cy / (3 * area2))


def point_in_ring(pt: Point, ring: Ring) -> bool:
    """Even-odd rule test of a point against one ring."""
    x, y = pt
    inside = False
    n = len(ring)
    j = n - 1
    for i in range(n):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > y) != (yj > y):
            xcross = (xj - xi) * (y - yi) / (yj - yi) + xi
            if x < xcross:
                inside = not inside
        j = i
    return inside


def point_in_rings(pt: Point, rings: list[Ring]) -> bool:
    """Even-odd test against all rings of a polygon or multipolygon (holes subtract)."""
    inside = False
    for ring in rings:
        if point_in_ring(pt, ring):
            inside = not inside
    return inside


def bbox(rings: list[Ring]) -> tuple[float, float, float, float]:
    xs = [p[0] for r in rings for p in r]
    ys = [p[1] for r in rings for p in r]
    return min(xs), min(ys), max(xs), max(ys)


def distance_to_segment_km(pt: Point, a: Point, b: Point) -> float:
    """Approximate distance from a point to a segment, in an equirectangular projection at the point."""
    k = math.cos(math.radians(pt[1]))

    def near(lon: float) -> float:  # the copy of a longitude closest to the point's
        return lon - 360 if lon - pt[0] > 180 else lon + 360 if pt[0] - lon > 180 else lon

    a = (near(a[0]), a[1])
    b = (near(b[0]), b[1])
    px, py = pt[0] * k, pt[1]
    ax, ay = a[0] * k, a[1]
    bx, by = b[0] * k, b[1]
    dx, dy = bx - ax, by - ay
    seg2 = dx * dx + dy * dy
    t = 0.0 if seg2 == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / seg2))
    qx, qy = ax + t * dx, ay + t * dy
    return math.hypot(px - qx, py - qy) * 111.195


def distance_to_rings_km(pt: Point, rings: list[Ring]) -> float:
    """0 inside the (multi)polygon, else the distance to its nearest edge."""
    if point_in_rings(pt, rings):
        return 0.0
    best = float("inf")
    for ring in rings:
        for i in range(len(ring) - 1):
            d = distance_to_segment_km(pt, ring[i], ring[i + 1])
            if d < best:
                best = d
    return best


def polyline_length_km(line: list[Point]) -> float:
    return sum(haversine_km(line[i], line[i + 1]) for i in range(len(line) - 1))


def point_along(line: list[Point], fraction: float) -> Point:
    """The point at ``fraction`` (0..1) of the polyline's great-circle length, interpolated linearly."""
    total = polyline_length_km(line)
    if total == 0:
        return line[0]
    target = total * fraction
    walked = 0.0
    for i in range(len(line) - 1):
        seg = haversine_km(line[i], line[i + 1])
        if walked + seg >= target and seg > 0:
            t = (target - walked) / seg
            a, b = line[i], line[i + 1]
            return (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))
        walked += seg
    return line[-1]
