"""Write events as JSON Lines, CSV, GeoJSON, ACLED- or UCDP-style CSV, or Parquet.

The flat row of an event (:func:`flat_row`) is the one definition of the csv and parquet columns and of
the GeoJSON properties; the ACLED and UCDP tables are built in :mod:`.datasets`. Parquet needs pyarrow
(the ``parquet`` extra) and a file to write to. ``docs/exports.md`` describes every format.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from datetime import date
from pathlib import Path
from typing import IO, Any, BinaryIO, TextIO

from ..errors import UsageError
from ..model import Count, Document, Event, Party, Place
from .datasets import write_acled, write_ucdp
from .tables import ACLED_GEO_PRECISION, country_name, write_rows
from .world import country, located

FORMATS = ("jsonl", "csv", "geojson", "acled", "ucdp", "parquet")
BINARY_FORMATS = ("parquet",)
"""Formats written as bytes: to a file, never to a terminal or a text stream."""

CSV_COLUMNS = [
    "id",
    "type",
    "mode",
    "date_start",
    "date_end",
    "date_precision",
    "actor",
    "actor_country",
    "actor_sector",
    "target",
    "target_country",
    "target_sector",
    "location",
    "admin1",
    "country",
    "country_name",
    "iso3",
    "lat",
    "lon",
    "geo_precision",
    "geo_precision_code",
    "geo_source",
    "fatalities_low",
    "fatalities_best",
    "fatalities_high",
    "injuries_low",
    "injuries_best",
    "injuries_high",
    "disputed",
    "url",
    "title",
    "published",
    "claimant",
    "evidence",
    "telling",
    "n_sources",
    "doc_ids",
    "urls",
    "claimants",
    "confidence",
]
"""The columns of the flat table (csv, parquet, the GeoJSON properties): one row per event."""

LIST_SEPARATOR = "; "
"""How the list columns (doc_ids, urls, claimants) join their values."""


def write_jsonl(events: Iterable[Event], out: TextIO) -> int:
    n = 0
    for ev in events:
        out.write(json.dumps(ev.to_json(), ensure_ascii=False) + "\n")
        n += 1
    return n


def _lead(ev: Event, document: Document | None) -> dict[str, Any]:
    """The lead report's columns: the first source's link, title, date, claimant and sentence, its
    document's where the source lacks them."""
    src = ev.sources[0] if ev.sources else None
    doc = document if document is not None and (src is None or src.doc_id == document.id) else None

    def pick(field: str):
        value = getattr(src, field, None) if src else None
        return value if value is not None else getattr(doc, field, None)

    return {
        "url": pick("url"),
        "title": pick("title"),
        "published": pick("published"),
        "claimant": src.attributed_to if src else None,
        "evidence": src.sentence if src else None,
        "telling": src.telling if src else None,
    }


def _place(loc: Place | None) -> dict[str, Any]:
    point = located(loc)
    row = country(loc.country) if loc else None
    coarse = point.source not in (None, "place")
    return {
        "location": loc.name if loc else None,
        "admin1": loc.admin1 if loc else None,
        "country": loc.country if loc else None,
        "country_name": country_name(loc.country) if loc else None,
        "iso3": row.iso3 if row else None,
        "lat": point.lat,
        "lon": point.lon,
        "geo_precision": loc.precision if loc else None,
        "geo_precision_code": 3 if coarse else (ACLED_GEO_PRECISION.get(loc.precision) if loc else None),
        "geo_source": point.source,
    }


def _figures(name: str, c: Count | None) -> dict[str, Any]:
    return {
        f"{name}_low": c.low if c else None,
        f"{name}_best": c.best if c else None,
        f"{name}_high": c.high if c else None,
    }


def flat_row(ev: Event, document: Document | None = None) -> dict[str, Any]:
    """One flat row of an event (the columns :data:`CSV_COLUMNS`, every cell a scalar), for the csv,
    parquet and GeoJSON exports and for data frames. *document* (the event's report, if at hand) fills
    the lead report's ``url``, ``title`` and ``published`` where the source does not carry them. A
    place without coordinates gets its admin1 area's or its country's centroid (``geo_source`` says
    which; ``geo_precision_code`` is ACLED's 1/2/3)."""

    def party(p: Party | None, key: str):
        return getattr(p, key) if p else None

    f = ev.fatalities
    return {
        "id": ev.id,
        "type": ev.type,
        "mode": ev.mode,
        "date_start": ev.date.start if ev.date else None,
        "date_end": ev.date.end if ev.date else None,
        "date_precision": ev.date.precision if ev.date else None,
        "actor": party(ev.actor, "name"),
        "actor_country": party(ev.actor, "country"),
        "actor_sector": party(ev.actor, "sector"),
        "target": party(ev.target, "name"),
        "target_country": party(ev.target, "country"),
        "target_sector": party(ev.target, "sector"),
        **_place(ev.location),
        **_figures("fatalities", f),
        **_figures("injuries", ev.injuries),
        "disputed": f.disputed if f else None,
        **_lead(ev, document),
        "n_sources": len({s.doc_id for s in ev.sources}),
        "doc_ids": LIST_SEPARATOR.join(dict.fromkeys(s.doc_id for s in ev.sources)) or None,
        "urls": LIST_SEPARATOR.join(dict.fromkeys(s.url for s in ev.sources if s.url)) or None,
        "claimants": LIST_SEPARATOR.join(
            dict.fromkeys(s.attributed_to for s in ev.sources if s.attributed_to)
        )
        or None,
        "confidence": ev.confidence,
    }


def write_csv(events: Iterable[Event], out: TextIO) -> int:
    return write_rows(events, out, CSV_COLUMNS, flat_row)


def write_geojson(events: Iterable[Event], out: TextIO) -> int:
    """An RFC 7946 FeatureCollection: one Point feature per event, its properties the flat row
    (:func:`flat_row`, scalars only: GDAL, QGIS and geopandas read each as a column). An event placed
    no finer than an admin1 area or a country gets that area's or country's centroid (``geo_source``,
    ``geo_precision_code`` 3); an event with no place at all keeps a null geometry."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for ev in events:
        props = flat_row(ev)
        lat, lon = props["lat"], props["lon"]
        geom = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
        feature = {"type": "Feature", "id": ev.id, "geometry": geom, "properties": props}
        out.write((",\n" if n else "") + json.dumps(feature, ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


# Parquet column types of the flat rows; every other column is a string.
_INT_COLUMNS = (
    "fatalities_low",
    "fatalities_best",
    "fatalities_high",
    "injuries_low",
    "injuries_best",
    "injuries_high",
    "n_sources",
    "geo_precision_code",
)
_FLOAT_COLUMNS = ("lat", "lon", "confidence")
_DATE_COLUMNS = ("date_start", "date_end", "published")
_BOOL_COLUMNS = ("disputed",)
PARQUET_BATCH_ROWS = 10_000


def _pyarrow():
    """pyarrow and pyarrow.parquet, or a UsageError saying how to install them."""
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise UsageError("the parquet format needs pyarrow: pip install 'eventcoder[parquet]'") from None
    return pyarrow, pyarrow.parquet


def parquet_schema():
    """The Arrow schema of the Parquet export: the CSV columns, typed (nullable ints, float
    coordinates, date32 dates)."""
    pa, _ = _pyarrow()

    def kind(column: str):
        if column in _INT_COLUMNS:
            return pa.int64()
        if column in _FLOAT_COLUMNS:
            return pa.float64()
        if column in _DATE_COLUMNS:
            return pa.date32()
        if column in _BOOL_COLUMNS:
            return pa.bool_()
        return pa.string()

    return pa.schema([(c, kind(c)) for c in CSV_COLUMNS])


def _as_date(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def write_parquet(events: Iterable[Event], out: BinaryIO | str | Path) -> int:
    """One Parquet row per event with the columns of the CSV export, written in batches of
    :data:`PARQUET_BATCH_ROWS` rows; *out* is a path or a binary file. Returns how many were written."""
    pa, pq = _pyarrow()
    schema = parquet_schema()
    n = 0
    with pq.ParquetWriter(out, schema) as writer:
        rows: list[dict] = []

        def flush() -> None:
            columns = {
                c: [_as_date(r[c]) for r in rows] if c in _DATE_COLUMNS else [r[c] for r in rows]
                for c in CSV_COLUMNS
            }
            writer.write_table(pa.Table.from_pydict(columns, schema=schema))
            rows.clear()

        for ev in events:
            rows.append(flat_row(ev))
            n += 1
            if len(rows) >= PARQUET_BATCH_ROWS:
                flush()
        if rows or n == 0:
            flush()
    return n


WRITERS = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "geojson": write_geojson,
    "acled": write_acled,
    "ucdp": write_ucdp,
}


def check_format(fmt: str) -> None:
    """Raise UsageError unless *fmt* is a known format whose libraries are installed."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format '{fmt}' (choose from {', '.join(FORMATS)})")
    if fmt == "parquet":
        _pyarrow()


# the formats of the conflict datasets, which take the events reported as news only, unless asked
NEWS_FORMATS = ("acled", "ucdp")


def write(events: Iterable[Event], fmt: str, out: TextIO | BinaryIO, include_background: bool = False) -> int:
    """Write *events* to *out* in *fmt*; returns how many were written. A binary format (parquet)
    needs a binary file: a text stream such as stdout is a UsageError. The ACLED- and UCDP-style
    formats take the events told as news only, unless *include_background*; the others keep all."""
    check_format(fmt)
    if fmt in BINARY_FORMATS:
        if isinstance(out, io.TextIOBase):
            raise UsageError(
                f"{fmt} is a binary format: write it to a file with -o FILE, not to a text stream"
            )
        return write_parquet(events, out)
    if fmt in NEWS_FORMATS:
        return WRITERS[fmt](events, out, include_background=include_background)
    return WRITERS[fmt](events, out)


def write_file(events: Iterable[Event], fmt: str, path: str | Path, include_background: bool = False) -> int:
    """Write *events* in *fmt* to the file *path* (created or replaced, text or binary as *fmt*
    needs, atomically: see :func:`write_atomic`); the format is checked before the file is
    touched. Returns how many were written."""
    check_format(fmt)
    if fmt in BINARY_FORMATS:
        return write_atomic(path, lambda f: write(events, fmt, f), binary=True)
    return write_atomic(path, lambda f: write(events, fmt, f, include_background), newline="")


@contextmanager
def atomic_file(path: str | Path, binary: bool = False, newline: str | None = None) -> Iterator[IO]:
    """A file to write that becomes *path* only once it is complete: a temporary file beside it,
    renamed over *path* when the block ends without error (and removed when it fails), so a
    reader or a kill never finds *path* half written. An error of the file system is a
    :class:`UsageError`."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as e:
        raise UsageError(f"cannot write {path}: {e.strerror or e}") from e
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)  # the mode a plain open() would give, not mkstemp's 0600
        mode = "wb" if binary else "w"
        with open(fd, mode, **({} if binary else {"encoding": "utf-8", "newline": newline})) as f:
            yield f
        os.replace(tmp, path)
    except OSError as e:
        _remove(tmp)
        raise UsageError(f"cannot write {path}: {e.strerror or e}") from e
    except BaseException:
        _remove(tmp)
        raise


def _remove(tmp: str) -> None:
    with suppress(OSError):
        os.unlink(tmp)


def write_atomic(path: str | Path, write_to: Callable[[Any], int], binary: bool = False, newline=None) -> int:
    """Call *write_to* on a file that replaces *path* once complete (:func:`atomic_file`);
    returns what *write_to* returns."""
    with atomic_file(path, binary=binary, newline=newline) as f:
        return write_to(f)
