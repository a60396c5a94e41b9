"""The store behind the viewer: its events read once per change of the store's files into a
:class:`Snapshot` (the JSON records, their :class:`~eventcoder.viewer.queries.Index`, the meta),
and the page's own files."""

from __future__ import annotations

import json
import os
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ..io.store import Store
from . import outlines as _outlines
from .queries import Filters, Index


def asset(name: str) -> str:
    """The text of one of the page's files (``index.html``, ``viewer.js``, ``viewer.css``)."""
    return (resources.files("eventcoder") / "viewer" / "static" / name).read_text(encoding="utf-8")


# -- the data -------------------------------------------------------------------------------
def _sort_key(record: dict[str, Any]) -> tuple[int, str, str]:
    start = (record.get("date") or {}).get("start")
    return (start is None, start or "", record["id"])


def country_name(code: str) -> str:
    """The short English name of an ISO 3166-1 alpha-2 code (the code itself if unknown)."""
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name


def _merged_records(store: Store) -> list[dict[str, Any]]:
    """The merged events' records as the store holds them (the JSON :meth:`Store.merged_events`
    reads): not made into events and back, which takes two thirds of the reading at 100,000."""
    rows = store.db.execute("SELECT record FROM merged ORDER BY date_start, merged_id")
    return [json.loads(record) for (record,) in rows]


@dataclass
class Snapshot:
    """The events of a store as JSON records, read once per change of the store's files."""

    db: str
    level: str
    events: list[dict[str, Any]]
    by_id: dict[str, dict[str, Any]] = field(default_factory=dict)
    _index: Index | None = field(default=None, repr=False)
    _meta: dict[str, Any] | None = field(default=None, repr=False)

    @classmethod
    def read(cls, db: str | Path) -> Snapshot:
        """The merged events of the store at *db* in date order; its document-level events when it
        has not been merged."""
        with Store(db, readonly=True) as store:
            events = _merged_records(store)
            level = "merged"
            if not events:
                events, level = [e.to_json() for e in store.events()], "document"
        events.sort(key=_sort_key)
        return cls(str(db), level, events, {e["id"]: e for e in events})

    @property
    def index(self) -> Index:
        """The records' :class:`Index` (filters, sort orders), built on first use."""
        if self._index is None:
            self._index = Index(self.events)
        return self._index

    def meta(self) -> dict[str, Any]:
        """What the page needs to lay out its filters: the types and countries present, the dates
        (worked out once)."""
        if self._meta is None:
            self._meta = self._count()
        return self._meta

    def _count(self) -> dict[str, Any]:
        types = Counter(e["type"] for e in self.events)
        countries = Counter(((e.get("location") or {}).get("country")) for e in self.events)
        starts = [e["date"]["start"] for e in self.events if (e.get("date") or {}).get("start")]
        ends = [e["date"]["end"] for e in self.events if (e.get("date") or {}).get("end")]
        return {
            "db": Path(self.db).name,
            "level": self.level,
            "n_events": len(self.events),
            "types": [{"type": t, "n": n} for t, n in sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))],
            "countries": sorted(
                ({"code": c, "name": country_name(c), "n": n} for c, n in countries.items() if c),
                key=lambda c: c["name"],
            ),
            "date_min": min(starts, default=None),
            "date_max": max(ends, default=None),
        }

    def filtered(self, filters: Filters) -> list[dict[str, Any]]:
        """The records that pass *filters*, in date order (undated last)."""
        return [self.events[i] for i in self.index.select(filters)]

    def detail(self, event_id: str, text: Callable[[str], str | None]) -> dict[str, Any] | None:
        """One record with each source's document text (``sources[].document_text``, from *text*),
        or None if there is no such event."""
        record = self.by_id.get(event_id)
        if record is None:
            return None
        return {**record, "sources": [{**s, "document_text": text(s["doc_id"])} for s in record["sources"]]}


class Data:
    """The store behind the server: a :class:`Snapshot` read again whenever the store's files
    change, and the outlines read once."""

    def __init__(self, db: str | Path, snapshot: Snapshot | None = None):
        self.db = str(db)
        self._lock = threading.Lock()
        self._snapshot: Snapshot | None = snapshot
        self._signature: tuple | None = self._files_signature() if snapshot else None
        self._outlines: dict[str, Any] | None = None

    def _files_signature(self) -> tuple:
        out = []
        for suffix in ("", "-wal"):
            try:
                st = os.stat(self.db + suffix)
                out.append((st.st_mtime_ns, st.st_size))
            except OSError:
                out.append(None)
        return tuple(out)

    def snapshot(self) -> Snapshot:
        with self._lock:
            signature = self._files_signature()
            if self._snapshot is None or signature != self._signature:
                self._snapshot, self._signature = Snapshot.read(self.db), signature
                self._snapshot.index  # noqa: B018 -- built now, once, not by the first requests at once
            return self._snapshot

    def document_text(self, doc_id: str) -> str | None:
        with Store(self.db, readonly=True) as store:
            return store.document_text(doc_id)

    def outlines(self) -> dict[str, Any]:
        with self._lock:
            if self._outlines is None:
                self._outlines = _outlines.load()
            return self._outlines
