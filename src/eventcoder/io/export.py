"""Write events as JSON Lines, CSV, GeoJSON, ACLED- or UCDP-style CSV, or Parquet.

The ACLED and UCDP tables are built in :mod:`eventcoder.field_formats`; Parquet needs pyarrow (the
``parquet`` extra) and a file to write to. ``docs/exports.md`` describes every format.
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
from ..model import Event
from .tables import write_acled, write_rows, write_ucdp

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
    "lat",
    "lon",
    "geo_precision",
    "fatalities_low",
    "fatalities_best",
    "fatalities_high",
    "injuries_low",
    "injuries_best",
    "injuries_high",
    "n_sources",
    "doc_ids",
    "attributed_to",
    "evidence",
    "confidence",
]


def write_jsonl(events: Iterable[Event], out: TextIO) -> int:
    n = 0
    for ev in events:
        out.write(json.dumps(ev.to_json(), ensure_ascii=False) + "\n")
        n += 1
    return n


def flat_row(ev: Event) -> dict:
    """One flat row of an event, for tables."""

    def party(p, key):
        return getattr(p, key) if p else None

    def count(c, key):
        return getattr(c, key) if c else None

    loc = ev.location
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
        "location": loc.name if loc else None,
        "admin1": loc.admin1 if loc else None,
        "country": loc.country if loc else None,
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "geo_precision": loc.precision if loc else None,
        "fatalities_low": count(ev.fatalities, "low"),
        "fatalities_best": count(ev.fatalities, "best"),
        "fatalities_high": count(ev.fatalities, "high"),
        "injuries_low": count(ev.injuries, "low"),
        "injuries_best": count(ev.injuries, "best"),
        "injuries_high": count(ev.injuries, "high"),
        "n_sources": len(ev.sources),
        "doc_ids": ";".join(dict.fromkeys(s.doc_id for s in ev.sources)),
        "attributed_to": ";".join(dict.fromkeys(s.attributed_to for s in ev.sources if s.attributed_to)),
        "evidence": ev.sources[0].sentence if ev.sources else None,
        "confidence": ev.confidence,
    }


def write_csv(events: Iterable[Event], out: TextIO) -> int:
    return write_rows(events, out, CSV_COLUMNS, flat_row)


def write_geojson(events: Iterable[Event], out: TextIO) -> int:
    """A FeatureCollection; events without coordinates get a null geometry."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for ev in events:
        loc = ev.location
        geom = (
            {"type": "Point", "coordinates": [loc.lon, loc.lat]}
            if loc and loc.lat is not None and loc.lon is not None
            else None
        )
        feature = {"type": "Feature", "id": ev.id, "geometry": geom, "properties": ev.to_json()}
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
)
_FLOAT_COLUMNS = ("lat", "lon", "confidence")
_DATE_COLUMNS = ("date_start", "date_end")
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
