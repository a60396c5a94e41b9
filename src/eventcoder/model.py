"""The data model: one dataclass per object of ``event.schema.json``, and their JSON.

``Event.to_json()`` gives exactly the record of the schema (fields may be added, none
renamed); ``Event.from_json()`` reads one back.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

from .errors import DateError


def iso_date(value: Any, what: str = "publication date") -> str | None:
    """*value* as YYYY-MM-DD: a ``datetime.date``, a ``datetime.datetime`` (its own calendar day,
    whatever its time zone) or an ISO 8601 string (``2024-05-15``, ``20240515``,
    ``2024-05-15T08:30:00+02:00``); None or "" is no date. Anything else (``"15 May 2024"``, a
    number) is a :class:`~eventcoder.errors.DateError` naming *what* it was given for.

    >>> iso_date("2024-05-15T08:30:00Z"), iso_date(date(2024, 5, 15))
    ('2024-05-15', '2024-05-15')
    """
    if value is None or value == "":
        return None
    if isinstance(value, date):  # a datetime is a date too
        return (value.date() if isinstance(value, datetime) else value).isoformat()
    if isinstance(value, str):
        text = value.strip()
        for parse in (date.fromisoformat, datetime.fromisoformat):
            try:
                parsed = parse(text)
            except ValueError:
                continue
            return iso_date(parsed, what)
    raise DateError(f"{what} must be a datetime.date or an ISO 8601 date string (YYYY-MM-DD), not {value!r}")


@dataclass(frozen=True)
class Document:
    """One input document, as read by :mod:`eventcoder.ingest`."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    """Publication date, YYYY-MM-DD; a ``datetime.date``, a ``datetime`` or any ISO 8601 date string
    is taken and kept as YYYY-MM-DD, anything else is a :class:`~eventcoder.errors.DateError`."""
    origin: str | None = None
    """Where it was read from (path, path:line, or '-')."""
    encoding: str | None = None
    """How its bytes were decoded (``utf-8``, ``cp1252``, ...); None when it came as text."""
    encoding_confidence: float | None = None
    """How sure that decoding is, 0 to 1 (see :mod:`eventcoder.io.decoding`)."""
    language: str | None = None
    """The language it is written in ("en", "de", ...), told when it is read; None when unknown.
    A document in another language than English is stored, not coded."""

    def __post_init__(self) -> None:
        # a date, a datetime or an ISO string are kept as YYYY-MM-DD; anything else is refused
        object.__setattr__(self, "published", iso_date(self.published, f"published of document {self.id!r}"))

    @property
    def content_hash(self) -> str:
        h = hashlib.sha256()
        for part in (self.text, self.title or "", self.url or "", self.published or ""):
            h.update(part.encode("utf-8"))
            h.update(b"\x00")
        return h.hexdigest()


def _drop_none_extras(d: dict[str, Any], keep: tuple[str, ...]) -> dict[str, Any]:
    """Drop None-valued keys that are not in *keep* (the schema's required ones)."""
    return {k: v for k, v in d.items() if v is not None or k in keep}


@dataclass
class Party:
    name: str
    text: str | None = None
    country: str | None = None
    sector: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "name": self.name, "country": self.country, "sector": self.sector}


@dataclass
class Place:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    precision: str
    admin1: str | None = None
    text: str | None = None
    gazetteer_id: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "admin1": self.admin1,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "precision": self.precision,
            "gazetteer_id": self.gazetteer_id,
        }


@dataclass
class Count:
    low: int | None
    best: int | None
    high: int | None
    text: str | None = None
    disputed: bool | None = None
    """Merged events only (added field): do the sources' figures differ?"""
    spread: int | None = None
    """Merged events only (added field): the largest minus the smallest of the sources' figures."""

    def to_json(self) -> dict[str, Any]:
        out = {"low": self.low, "best": self.best, "high": self.high, "text": self.text}
        if self.disputed is not None:
            out.update(disputed=self.disputed, spread=self.spread)
        return out


@dataclass
class DateSpan:
    """When an event happened. A date the text gives but nothing anchors ("on Friday" in a
    report with no publication date) is kept unresolved: start, end and precision None, the
    words in *text*."""

    start: str | None
    end: str | None
    precision: str | None
    text: str | None = None

    @property
    def resolved(self) -> bool:
        return self.start is not None and self.end is not None

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "precision": self.precision, "text": self.text}


@dataclass
class Source:
    doc_id: str
    sentence: str
    start: int
    end: int
    title: str | None = None
    url: str | None = None
    published: str | None = None
    attributed_to: str | None = None
    fatalities: int | None = None
    injuries: int | None = None
    trigger: str | None = None
    """The words that made the extractor see an event (added field)."""
    claims: list[dict[str, Any]] | None = None
    """Competing figures this report gives for the event, each with its claimant (added field):
    ``[{"claimant": "hospital officials", "fatalities": 12, "injuries": null}, ...]``."""
    telling: str | None = None
    """Whether the report tells the event as its own news ("news") or recalls it as background
    ("background": years past, the past perfect, a "since" clause) (added field)."""
    tellings: list[dict[str, Any]] | None = None
    """The report's further tellings of the event, besides ``sentence`` (added field):
    ``[{"sentence": "The attack lasted four hours.", "start": 812, "end": 843}, ...]``."""

    def to_json(self) -> dict[str, Any]:
        extras = ("trigger", "claims", "telling", "tellings")
        return _drop_none_extras(
            asdict(self), keep=tuple(k for k in self.__dataclass_fields__ if k not in extras)
        )

    @property
    def background(self) -> bool:
        return self.telling == "background"


def _obj(cls, value):
    if value is None:
        return None
    return cls(**{k: v for k, v in value.items() if k in cls.__dataclass_fields__})


@dataclass
class Event:
    id: str
    type: str
    sources: list[Source]
    mode: str | None = None
    date: DateSpan | None = None
    actor: Party | None = None
    target: Party | None = None
    location: Place | None = None
    fatalities: Count | None = None
    injuries: Count | None = None
    confidence: float = 0.5
    extra: dict[str, Any] = field(default_factory=dict)
    """Added fields, written after the schema's own."""

    def to_json(self) -> dict[str, Any]:
        def j(x):
            return x.to_json() if x is not None else None

        out = {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "date": j(self.date),
            "actor": j(self.actor),
            "target": j(self.target),
            "location": j(self.location),
            "fatalities": j(self.fatalities),
            "injuries": j(self.injuries),
            "sources": [s.to_json() for s in self.sources],
            "confidence": round(self.confidence, 3),
        }
        out.update(self.extra)
        return out

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Event:
        known = {
            "id",
            "type",
            "mode",
            "date",
            "actor",
            "target",
            "location",
            "fatalities",
            "injuries",
            "sources",
            "confidence",
        }
        return cls(
            id=d["id"],
            type=d["type"],
            mode=d.get("mode"),
            date=_obj(DateSpan, d.get("date")),
            actor=_obj(Party, d.get("actor")),
            target=_obj(Party, d.get("target")),
            location=_obj(Place, d.get("location")),
            fatalities=_obj(Count, d.get("fatalities")),
            injuries=_obj(Count, d.get("injuries")),
            sources=[_obj(Source, s) for s in d.get("sources") or []],
            confidence=d.get("confidence", 0.5),
            extra={k: v for k, v in d.items() if k not in known},
        )


def event_id(doc_id: str, start: int, end: int, type_: str, anchor: int) -> str:
    """A stable id: the same document and evidence give the same id on every run."""
    key = f"{doc_id}\x00{start}\x00{end}\x00{type_}\x00{anchor}"
    return "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
