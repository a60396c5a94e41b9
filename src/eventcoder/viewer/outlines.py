"""Country outlines for the viewer's map, offline.

The outlines are Natural Earth's 1:110m admin-0 countries (public domain), read from the copy
that a PyPI package ships inside its wheel: ``pyogrio`` (the ``web`` extra) has it among its test
fixtures, and geopandas before 1.0 among its datasets. Nothing is downloaded. At first use the
shapefile is read (a small reader below: polygons and the attribute table, nothing else) and
turned into a compact GeoJSON FeatureCollection, coordinates rounded to 0.1 degree and islands
under :data:`MIN_AREA` square degrees dropped, which is cached in the gazetteer's cache directory
(``$EVENTCODER_CACHE`` or ``~/.cache/eventcoder``). Without such a package the collection is
empty and says how to get outlines (``note``); the map then draws a graticule only.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import os
import struct
from pathlib import Path
from typing import Any

from ..lexicons.gazetteer import cache_dir

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
"""Bumped whenever the conversion changes, so that a cached file from another version is redone."""
DIGITS = 1
"""Coordinates are rounded to this many decimals (0.1 degree)."""
MIN_AREA = 0.5
"""Rings smaller than this (square degrees) are dropped, except a country's largest."""
INSTALL_NOTE = "no country outlines: pip install 'eventcoder[web]' to draw them"

# (package, path of the shapefile inside it, without extension)
SOURCES: list[tuple[str, str]] = [
    ("pyogrio", "tests/fixtures/naturalearth_lowres/naturalearth_lowres"),
    ("geopandas", "datasets/naturalearth_lowres/naturalearth_lowres"),
]

Ring = list[tuple[float, float]]


def find_source() -> Path | None:
    """The first Natural Earth shapefile (path without extension) that an installed package ships,
    found without importing the package."""
    for package, rel in SOURCES:
        try:
            spec = importlib.util.find_spec(package)
        except (ImportError, ValueError):
            continue
        if spec is None or not spec.submodule_search_locations:
            continue
        for location in spec.submodule_search_locations:
            base = Path(location) / rel
            if base.with_suffix(".shp").is_file() and base.with_suffix(".dbf").is_file():
                return base
    return None


def load(directory: Path | None = None) -> dict[str, Any]:
    """The country outlines as a GeoJSON FeatureCollection (cached after the first call); empty,
    with a ``note``, when no package ships them."""
    base = find_source()
    if base is None:
        return {"type": "FeatureCollection", "features": [], "note": INSTALL_NOTE}
    shp, dbf = base.with_suffix(".shp").read_bytes(), base.with_suffix(".dbf").read_bytes()
    key = hashlib.sha256(shp + dbf + f"v{FORMAT_VERSION}".encode()).hexdigest()[:12]
    path = (directory or cache_dir()) / f"outlines-{key}.geojson"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    collection = convert(shp, dbf)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(collection, separators=(",", ":")), encoding="utf-8")
        tmp.replace(path)
    except OSError as e:
        log.warning("cannot cache the country outlines in %s: %s", path.parent, e)
    return collection


def convert(shp: bytes, dbf: bytes) -> dict[str, Any]:
    """A shapefile of countries (its .shp and .dbf bytes) as a simplified FeatureCollection,
    each feature a MultiPolygon with properties ``name`` and ``iso_a2``."""
    features = []
    for rings, row in zip(read_polygons(shp), read_dbf(dbf), strict=False):
        polygons = simplify(rings)
        if not polygons:
            continue
        name = row.get("name") or row.get("NAME") or ""
        features.append(
            {
                "type": "Feature",
                "properties": {"name": name, "iso_a2": _alpha2(row.get("iso_a3") or row.get("ISO_A3"), name)},
                "geometry": {"type": "MultiPolygon", "coordinates": polygons},
            }
        )
    return {"type": "FeatureCollection", "features": features}


def read_polygons(shp: bytes) -> list[list[Ring]]:
    """The rings of each record of a polygon shapefile (shape types 5, 15, 25; null shapes give
    no rings)."""
    out: list[list[Ring]] = []
    pos = 100  # the file header
    while pos + 8 <= len(shp):
        _num, words = struct.unpack(">ii", shp[pos : pos + 8])
        content = shp[pos + 8 : pos + 8 + 2 * words]
        pos += 8 + 2 * words
        shape_type = struct.unpack("<i", content[:4])[0] if len(content) >= 4 else 0
        if shape_type not in (5, 15, 25):
            out.append([])
            continue
        n_parts, n_points = struct.unpack("<ii", content[36:44])
        parts = list(struct.unpack(f"<{n_parts}i", content[44 : 44 + 4 * n_parts]))
        start = 44 + 4 * n_parts
        xy = struct.unpack(f"<{2 * n_points}d", content[start : start + 16 * n_points])
        points = list(zip(xy[0::2], xy[1::2], strict=True))
        bounds = [*parts, n_points]
        out.append([points[bounds[i] : bounds[i + 1]] for i in range(n_parts)])
    return out


def read_dbf(dbf: bytes, encoding: str = "utf-8") -> list[dict[str, str]]:
    """The rows of a dBase III table, every value as stripped text."""
    n_records, header_len, record_len = struct.unpack("<IHH", dbf[4:12])
    fields = []
    pos = 32
    while dbf[pos] != 0x0D:
        name = dbf[pos : pos + 11].split(b"\0", 1)[0].decode("ascii")
        fields.append((name, dbf[pos + 16]))
        pos += 32
    rows = []
    for i in range(n_records):
        record = dbf[header_len + i * record_len : header_len + (i + 1) * record_len]
        if record[:1] == b"*":  # deleted
            continue
        row, at = {}, 1
        for name, length in fields:
            row[name] = record[at : at + length].decode(encoding, "replace").strip()
            at += length
        rows.append(row)
    return rows


def _area(ring: Ring) -> float:
    """Signed area (shoelace): negative for clockwise rings, the outer rings of a shapefile."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False)) / 2


def _inside(point: tuple[float, float], ring: Ring) -> bool:
    x, y = point
    inside = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def _round(ring: Ring) -> Ring:
    out: Ring = []
    for x, y in ring:
        p = (round(x, DIGITS), round(y, DIGITS))
        if not out or out[-1] != p:
            out.append(p)
    if out and out[0] != out[-1]:
        out.append(out[0])
    return out


def simplify(rings: list[Ring]) -> list[list[Ring]]:
    """Rings rounded and grouped as GeoJSON polygons (exterior counter-clockwise, then its holes),
    tiny islands and holes dropped."""
    rounded = [r for r in (_round(ring) for ring in rings) if len(r) >= 4 and _area(r) != 0]
    outers = [r for r in rounded if _area(r) < 0]
    holes = [r for r in rounded if _area(r) > 0]
    if not outers:
        return []
    largest = max(outers, key=lambda r: -_area(r))
    polygons = [[r[::-1]] for r in outers if r is largest or -_area(r) >= MIN_AREA]
    for hole in holes:
        if _area(hole) < MIN_AREA:
            continue
        for polygon in polygons:
            if _inside(hole[0], polygon[0]):
                polygon.append(hole[::-1])
                break
    return [[[list(p) for p in ring] for ring in polygon] for polygon in polygons]


_UNLISTED = {"Kosovo": "XK"}
"""Countries that ISO 3166 does not list, with the code the gazetteer gives them."""


def _alpha2(iso_a3: str | None, name: str) -> str | None:
    import pycountry

    if name in _UNLISTED:
        return _UNLISTED[name]
    country = pycountry.countries.get(alpha_3=iso_a3) if iso_a3 and iso_a3 != "-99" else None
    if country is None and name:
        try:
            country = pycountry.countries.lookup(name)
        except LookupError:
            country = None
    return country.alpha_2 if country else None
