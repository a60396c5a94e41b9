"""The world as the conflict datasets number it: country codes, regions, centroids and grid cells.

Everything here is read from ``data/country_codes.csv`` (ISO codes, Gleditsch-Ward numbers, UCDP's
country names and regions, ACLED's regions, country centroids); ``docs/exports.md`` names the sources
of each column. :func:`located` gives an event a point where its place has none: an admin1 area's
point from the gazetteer, else the country's centroid, and says which (``geo_source``).
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from functools import lru_cache

from ..errors import ModelError
from ..lexicons.data import read_csv
from ..model import Place

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Country:
    """One row of ``data/country_codes.csv``."""

    iso2: str
    iso3: str
    iso_numeric: int | None
    gwno: int | None
    ucdp_country: str
    ucdp_country_id: int | None
    ucdp_region: str
    acled_region: str
    lat: float
    lon: float


def _int(cell: str | None) -> int | None:
    return int(cell) if cell else None


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """ISO 3166-1 alpha-2 code -> its row of ``data/country_codes.csv``."""
    out = {}
    for n, row in enumerate(read_csv("country_codes.csv"), start=1):
        try:
            out[row["iso2"]] = Country(
                iso2=row["iso2"],
                iso3=row["iso3"],
                iso_numeric=_int(row.get("iso_numeric")),
                gwno=_int(row.get("gwno")),
                ucdp_country=row["ucdp_country"],
                ucdp_country_id=_int(row.get("ucdp_country_id")),
                ucdp_region=row["ucdp_region"],
                acled_region=row["acled_region"],
                lat=float(row["lat"]),
                lon=float(row["lon"]),
            )
        except (KeyError, ValueError) as e:
            raise ModelError(f"country_codes.csv row {n}: {e}") from None
    return out


def country(iso2: str | None) -> Country | None:
    """The row of a country code (any case), or None."""
    return countries().get(iso2.upper()) if iso2 else None


@dataclass(frozen=True)
class Located:
    """Where an event is drawn: coordinates and what they are the point of."""

    lat: float | None
    lon: float | None
    source: str | None
    """``place`` (the place's own coordinates), ``admin1 centroid``, ``country centroid``, or None."""


NOWHERE = Located(None, None, None)


def located(place: Place | None) -> Located:
    """The point of a place: its own coordinates; for an admin1 area without them the gazetteer's point
    of that area (the mean of its cities); for a country (or an area the gazetteer does not know) the
    country's centroid from ``data/country_codes.csv``."""
    if place is None:
        return NOWHERE
    if place.lat is not None and place.lon is not None:
        return Located(place.lat, place.lon, "place")
    if place.precision != "country" and place.admin1 and place.country:
        area = _admin1_point(place.country, place.admin1)
        if area is not None:
            return Located(area[0], area[1], "admin1 centroid")
    row = country(place.country)
    return Located(row.lat, row.lon, "country centroid") if row else NOWHERE


@lru_cache(maxsize=4096)
def _admin1_point(country_code: str, name: str) -> tuple[float, float] | None:
    from ..lexicons.gazetteer import gazetteer

    try:
        area = gazetteer().admin1(country_code, name)
    except ModelError as e:  # no index and no data to build it: the country's centroid will do
        log.warning("no admin1 centroid for %s (%s): %s", name, country_code, e)
        return None
    if area is None or area.lat is None or area.lon is None:
        return None
    return area.lat, area.lon


def priogrid_gid(lat: float | None, lon: float | None) -> int | None:
    """The PRIO-GRID cell (0.5 x 0.5 degrees, numbered from 1 at -90, -180 row by row eastwards, 720 a
    row) that holds a point: ``(row - 1) * 720 + col``, ``row = floor((lat + 90) * 2) + 1``,
    ``col = floor((lon + 180) * 2) + 1``. The north pole and the antimeridian fall in the last row
    and column. None without coordinates or outside the globe."""
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    row = min(math.floor((lat + 90) * 2) + 1, 360)
    col = min(math.floor((lon + 180) * 2) + 1, 720)
    return (row - 1) * 720 + col
