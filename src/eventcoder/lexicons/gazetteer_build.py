"""Building the gazetteer index: GeoNames data from PyPI packages and eventcoder's supplement
into the SQLite file that :mod:`gazetteer` reads. Run once, at first use (see
:func:`eventcoder.gazetteer.ensure_index`); the sources and rules are described there.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import marshal
import os
import sqlite3
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

from ..errors import ModelError
from .gazetteer_sources import SUPPLEMENT, _build_entries, _data_bytes, _Entry, _versions  # noqa: F401
from .place_names import _fold_parts

log = logging.getLogger(__name__)

#: Part of the index key, with the package versions, the data files and this module's source.
INDEX_VERSION = "3"


# ---------------------------------------------------------------------------------------------
# Where the index lives and what it is keyed on


def cache_dir() -> Path:
    """``$EVENTCODER_CACHE`` if set, else ``~/.cache/eventcoder``."""
    env = os.environ.get("EVENTCODER_CACHE")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "eventcoder"


def index_key(supplement: bytes | None = None) -> str:
    """The hash an index file is named after: package and Python versions, the supplement, the
    country list and this module's source (an edited build never reads a stale index)."""
    h = hashlib.sha256()
    h.update(f"{INDEX_VERSION}|python{sys.version_info[0]}.{sys.version_info[1]}".encode())
    for name, version in sorted(_versions().items()):
        h.update(f"|{name}={version}".encode())
    h.update(hashlib.sha256(_data_bytes(SUPPLEMENT) if supplement is None else supplement).digest())
    h.update(hashlib.sha256(_data_bytes("countries.csv")).digest())
    for code in (
        Path(__file__),
        Path(__file__).with_name("gazetteer.py"),
        Path(__file__).with_name("place_names.py"),
        Path(__file__).with_name("gazetteer_sources.py"),
    ):
        h.update(
            hashlib.sha256(code.read_bytes()).digest()
        )  # the code itself: an edited build never reads a stale index
    return h.hexdigest()[:16]


def index_path(directory: Path | None = None) -> Path:
    """The index file for the installed packages and data (it may not exist yet)."""
    return (directory or cache_dir()) / f"gazetteer-{index_key()}.sqlite"


def ensure_index(directory: Path | None = None) -> Path:
    """The index file, built first if it does not exist. Safe to call from many processes."""
    path = index_path(directory)
    if path.exists():
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ModelError(
            f"cannot create the gazetteer cache {path.parent} (set EVENTCODER_CACHE): {e}"
        ) from e
    with _build_lock(path.with_suffix(".lock")):
        if path.exists():  # another process built it while this one waited
            return path
        t0 = time.perf_counter()
        # said on stderr by default: the first run stops here for a while (issue 21)
        log.warning("building the place index %s, once for this installation (20 to 60 s)", path.name)
        fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
        os.close(fd)
        try:
            from .gazetteer_build import build_index

            stats = build_index(Path(tmp))
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        log.info("built the gazetteer %s in %.1f s: %s", path, time.perf_counter() - t0, _describe(stats))
        _remove_stale(path)
    return path


# an index of other package versions or data unused this long is removed (rebuilt if ever needed);
# a younger one may be another installation's, in use now (a second venv sharing the cache)
STALE_SECONDS = 7 * 24 * 3600


def _remove_stale(path: Path) -> None:
    now = time.time()
    for old in path.parent.glob("gazetteer-*.sqlite"):
        with contextlib.suppress(OSError):
            seen = old.stat()
            if old != path and now - max(seen.st_mtime, seen.st_atime) > STALE_SECONDS:
                old.unlink()
                old.with_suffix(".lock").unlink(missing_ok=True)


@contextlib.contextmanager
def _build_lock(lock_path: Path) -> Iterator[None]:
    """An exclusive advisory lock where the platform has one; the rename keeps builds atomic anyway."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    with open(lock_path, "a") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def _describe(stats: dict[str, int]) -> str:
    return ", ".join(f"{k} {v:,}" for k, v in stats.items())


_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places(
    pid INTEGER PRIMARY KEY,
    gid TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    country TEXT NOT NULL,
    admin1 TEXT,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    population INTEGER NOT NULL
);
-- One row a look-up key (fold_place of a name): the places found under it, already in their
-- order of prior, as a marshal-ed tuple of (forms, (gid, name, kind, country, admin1, lat, lon,
-- population)), forms being the fold_basic spellings that led to the place ('' = the key itself).
CREATE TABLE lookup(key TEXT PRIMARY KEY, data BLOB NOT NULL) WITHOUT ROWID;
-- The look-up key of each place's name (fold_place), folded once here, not at each run, with the
-- place's country and the key's first letter: a country's names of one initial, read at once.
CREATE TABLE place_keys(pid INTEGER PRIMARY KEY, key TEXT NOT NULL, country TEXT NOT NULL, initial TEXT NOT NULL);
"""

#: A city at least this large outranks the admin1 area of the same name in its country
#: ("Baghdad", "Kandahar", "Idlib" name the city more often than the province).
_CAPITAL_POPULATION = 50_000


def _prior(cands: list[tuple]) -> list[tuple]:
    """Candidates under one key in their order of prior (see :meth:`Gazetteer.candidates`)."""
    admin_countries = {c[4] for c in cands if c[3] == "admin1"}

    def rank(c: tuple) -> tuple:
        _, gid, _, kind, cc, _, _, _, pop, tier = c
        r = float(tier)
        if kind == "city" and cc in admin_countries and pop >= _CAPITAL_POPULATION:
            r = 2.5
        return (-r, -pop, gid)

    return sorted(cands, key=rank)


def build_index(path: Path) -> dict[str, int]:
    """Write a complete index to ``path`` (overwritten); returns counts of what went in."""
    entries = _build_entries()
    by_key: dict[str, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    memo: dict[str, tuple[str, str]] = {}
    for pid, e in enumerate(entries):
        for n in e.names:
            folded = memo.get(n)
            if folded is None:
                basic, key, _ = _fold_parts(n)
                folded = memo[n] = (key, "" if basic == key else basic)
            if len(folded[0]) >= 2:
                by_key[folded[0]][pid].add(folded[1])
    path.unlink(missing_ok=True)
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA journal_mode=OFF")
        con.execute("PRAGMA synchronous=OFF")
        con.executescript(_SCHEMA)
        con.executemany(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?)",
            (
                (pid, e.gid, e.name, e.kind, e.country, e.admin1, e.lat, e.lon, e.population)
                for pid, e in enumerate(entries)
            ),
        )

        keys = ((memo.get(e.name) or _fold_parts(e.name)[1:2])[0] for e in entries)
        con.executemany(
            "INSERT INTO place_keys VALUES (?,?,?,?)",
            ((pid, key, e.country, key[:1]) for pid, (e, key) in enumerate(zip(entries, keys, strict=True))),
        )

        def rows() -> Iterator[tuple[str, bytes]]:
            for key in sorted(by_key):
                cands = []
                for pid, forms in by_key[key].items():
                    e = entries[pid]
                    f = tuple(sorted(forms))
                    cands.append(
                        (f, e.gid, e.name, e.kind, e.country, e.admin1, e.lat, e.lon, e.population, e.tier)
                    )
                yield key, marshal.dumps(tuple((c[0], c[1:9]) for c in _prior(cands)))

        con.executemany("INSERT INTO lookup VALUES (?,?)", rows())
        con.execute("CREATE INDEX places_gid ON places(gid)")
        con.execute("CREATE INDEX places_kind ON places(kind, country)")
        con.execute("CREATE INDEX place_keys_initial ON place_keys(country, initial)")
        meta = {"index_version": INDEX_VERSION, "built": time.strftime("%Y-%m-%dT%H:%M:%S"), **_versions()}
        con.executemany("INSERT INTO meta VALUES (?,?)", meta.items())
        con.commit()
    finally:
        con.close()
    kinds = Counter(e.kind for e in entries)
    return {"places": len(entries), "keys": len(by_key), **{f"kind {k}": v for k, v in kinds.most_common()}}
