"""Write events as JSON Lines, CSV or GeoJSON."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TextIO

from .errors import UsageError
from .model import Event

FORMATS = ("jsonl", "csv", "geojson")

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
    w = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    w.writeheader()
    n = 0
    for ev in events:
        w.writerow(flat_row(ev))
        n += 1
    return n


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


WRITERS = {"jsonl": write_jsonl, "csv": write_csv, "geojson": write_geojson}


def write(events: Iterable[Event], fmt: str, out: TextIO) -> int:
    """Write *events* to *out* in *fmt*; returns how many were written."""
    try:
        writer = WRITERS[fmt]
    except KeyError:
        raise UsageError(f"unknown export format '{fmt}' (choose from {', '.join(FORMATS)})") from None
    return writer(events, out)
