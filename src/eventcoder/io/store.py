"""The embedded event store: SQLite in WAL mode.

Documents are kept with a content hash and the version of the extractor that coded
them, so that running twice on the same input adds nothing and a changed document
replaces only its own events. The schema version lives in ``PRAGMA user_version`` and
is migrated forward on open.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from ..errors import InputError, StoreError
from ..model import Document, Event

log = logging.getLogger(__name__)

DEFAULT_DB = "eventcoder.db"

# Each entry moves the schema from version i to i+1. Never edit one that has shipped:
# add a new one.
MIGRATIONS: list[str] = [
    """
    CREATE TABLE documents (
        doc_id       TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL,
        extractor    TEXT NOT NULL,
        title        TEXT,
        url          TEXT,
        published    TEXT,
        origin       TEXT,
        text         TEXT NOT NULL,
        n_events     INTEGER NOT NULL DEFAULT 0,
        updated_at   TEXT NOT NULL
    );
    CREATE TABLE events (
        event_id   TEXT PRIMARY KEY,
        doc_id     TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        type       TEXT NOT NULL,
        mode       TEXT,
        date_start TEXT,
        date_end   TEXT,
        country    TEXT,
        record     TEXT NOT NULL
    );
    CREATE INDEX events_doc ON events(doc_id);
    CREATE INDEX events_type_date ON events(type, date_start);
    CREATE TABLE sources (
        event_id      TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
        idx           INTEGER NOT NULL,
        doc_id        TEXT NOT NULL,
        sentence      TEXT NOT NULL,
        start         INTEGER NOT NULL,
        end           INTEGER NOT NULL,
        attributed_to TEXT,
        fatalities    INTEGER,
        injuries      INTEGER,
        PRIMARY KEY (event_id, idx)
    );
    CREATE INDEX sources_doc ON sources(doc_id);
    """,
    """
    CREATE TABLE merged (
        merged_id  TEXT PRIMARY KEY,
        type       TEXT NOT NULL,
        date_start TEXT,
        country    TEXT,
        n_members  INTEGER NOT NULL,
        record     TEXT NOT NULL
    );
    CREATE TABLE membership (
        event_id  TEXT PRIMARY KEY,
        merged_id TEXT NOT NULL
    );
    CREATE INDEX membership_merged ON membership(merged_id);
    """,
    """
    ALTER TABLE documents ADD COLUMN encoding TEXT;
    ALTER TABLE documents ADD COLUMN encoding_confidence REAL;
    """,
    """
    ALTER TABLE documents ADD COLUMN language TEXT;
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


class Store:
    """A SQLite event store. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | Path = DEFAULT_DB, readonly: bool = False):
        """Open (or create and migrate) the store at *path*; with *readonly*, open an existing
        store for reading only (``mode=ro``): a missing store is a :class:`StoreError`, never
        created."""
        self.path = str(path)
        try:
            if readonly:
                self.db = self._open_readonly()
                return
            self.db = sqlite3.connect(self.path)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except sqlite3.Error as e:
            raise StoreError(f"cannot open store {self.path}: {e}") from e

    def _open_readonly(self) -> sqlite3.Connection:
        if not Path(self.path).is_file():
            raise StoreError(f"no store at {self.path} (run 'eventcoder run PATH...' first, or pass --db)")
        db = sqlite3.connect(f"{Path(self.path).resolve().as_uri()}?mode=ro", uri=True)
        current = db.execute("PRAGMA user_version").fetchone()[0]
        if current != SCHEMA_VERSION:
            db.close()
            raise StoreError(
                f"store {self.path} has schema version {current}, not {SCHEMA_VERSION}: "
                "run 'eventcoder merge' on it once to migrate it"
            )
        return db

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    # -- schema ---------------------------------------------------------------------------
    @property
    def version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> None:
        current = self.version
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"store {self.path} has schema version {current}, newer than this "
                f"eventcoder understands ({SCHEMA_VERSION}); upgrade eventcoder"
            )
        for v in range(current, SCHEMA_VERSION):
            log.info("migrating %s from schema %d to %d", self.path, v, v + 1)
            with self.db:
                self.db.executescript("BEGIN;" + MIGRATIONS[v] + f";PRAGMA user_version={v + 1};COMMIT;")

    # -- documents ------------------------------------------------------------------------
    def is_current(self, doc: Document, extractor: str) -> bool:
        """True when *doc* is stored with the same content, coded by the same extractor."""
        row = self.db.execute(
            "SELECT content_hash, extractor FROM documents WHERE doc_id=?", (doc.id,)
        ).fetchone()
        return row is not None and row == (doc.content_hash, extractor)

    def stored_origin(self, doc_id: str) -> tuple[str | None, str] | None:
        """(origin, content hash) of the stored document *doc_id*, or None if there is none."""
        return self.db.execute(
            "SELECT origin, content_hash FROM documents WHERE doc_id=?", (doc_id,)
        ).fetchone()

    def ids_from(self, origin: str | None) -> list[str]:
        """The ids of the documents stored from *origin* (a file, or a line of one), in order."""
        return [
            r[0] for r in self.db.execute("SELECT doc_id FROM documents WHERE origin=? ORDER BY 1", (origin,))
        ]

    def replace_document(self, doc: Document, events: list[Event], extractor: str) -> None:
        """Store *doc* and its events, replacing whatever the store had for that document. A
        document whose values SQLite cannot take is an :class:`InputError` (the store is
        unchanged); a store that cannot be written, a :class:`StoreError`."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        try:
            with self.db:
                self.db.execute("DELETE FROM events WHERE doc_id=?", (doc.id,))
                self.db.execute(
                    "INSERT INTO documents(doc_id, content_hash, extractor, title, url, published, origin,"
                    " text, n_events, updated_at, encoding, encoding_confidence, language)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
                    " ON CONFLICT(doc_id) DO UPDATE SET content_hash=excluded.content_hash,"
                    " extractor=excluded.extractor, title=excluded.title, url=excluded.url,"
                    " published=excluded.published, origin=excluded.origin, text=excluded.text,"
                    " n_events=excluded.n_events, updated_at=excluded.updated_at,"
                    " encoding=excluded.encoding, encoding_confidence=excluded.encoding_confidence,"
                    " language=excluded.language",
                    (
                        doc.id,
                        doc.content_hash,
                        extractor,
                        doc.title,
                        doc.url,
                        doc.published,
                        doc.origin,
                        doc.text,
                        len(events),
                        now,
                        doc.encoding,
                        doc.encoding_confidence,
                        doc.language,
                    ),
                )
                for ev in events:
                    self._insert_event(doc.id, ev)
        except (UnicodeError, ValueError, OverflowError, sqlite3.InterfaceError) as e:
            raise InputError(f"cannot store document {doc.id}: {type(e).__name__}: {e}") from e
        except sqlite3.Error as e:
            raise StoreError(f"cannot write document {doc.id} to {self.path}: {e}") from e

    def _insert_event(self, doc_id: str, ev: Event) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO events(event_id, doc_id, type, mode, date_start, date_end, country, record)"
            " VALUES (?,?,?,?,?,?,?,?)",
            (
                ev.id,
                doc_id,
                ev.type,
                ev.mode,
                ev.date.start if ev.date else None,
                ev.date.end if ev.date else None,
                ev.location.country if ev.location else None,
                json.dumps(ev.to_json(), ensure_ascii=False),
            ),
        )
        self.db.executemany(
            "INSERT INTO sources(event_id, idx, doc_id, sentence, start, end, attributed_to, fatalities,"
            " injuries) VALUES (?,?,?,?,?,?,?,?,?)",
            [
                (ev.id, i, s.doc_id, s.sentence, s.start, s.end, s.attributed_to, s.fatalities, s.injuries)
                for i, s in enumerate(ev.sources)
            ],
        )

    def remove_document(self, doc_id: str) -> bool:
        """Remove a document and its events; True if it was there."""
        with self.db:
            cur = self.db.execute("DELETE FROM documents WHERE doc_id=?", (doc_id,))
        return cur.rowcount > 0

    def document_text(self, doc_id: str) -> str | None:
        row = self.db.execute("SELECT text FROM documents WHERE doc_id=?", (doc_id,)).fetchone()
        return row[0] if row else None

    # -- reading --------------------------------------------------------------------------
    def events(self) -> Iterator[Event]:
        """Every stored document-level event, in document then offset order."""
        rows = self.db.execute(
            "SELECT e.record FROM events e JOIN sources s ON s.event_id=e.event_id AND s.idx=0"
            " ORDER BY e.doc_id, s.start, e.event_id"
        )
        for (record,) in rows:
            yield Event.from_json(json.loads(record))

    # -- merged events ----------------------------------------------------------------------
    def membership(self) -> dict[str, str]:
        """Which merged event each document-level event belonged to at the last merge."""
        return dict(self.db.execute("SELECT event_id, merged_id FROM membership"))

    def replace_merged(self, merged: list[Event]) -> None:
        """Store the merged events (each with its ``members``), replacing the previous merge."""
        try:
            with self.db:
                self.db.execute("DELETE FROM merged")
                self.db.execute("DELETE FROM membership")
                self.db.executemany(
                    "INSERT INTO merged(merged_id, type, date_start, country, n_members, record)"
                    " VALUES (?,?,?,?,?,?)",
                    [
                        (
                            ev.id,
                            ev.type,
                            ev.date.start if ev.date else None,
                            ev.location.country if ev.location else None,
                            len(ev.extra.get("members", [])),
                            json.dumps(ev.to_json(), ensure_ascii=False),
                        )
                        for ev in merged
                    ],
                )
                self.db.executemany(
                    "INSERT INTO membership(event_id, merged_id) VALUES (?,?)",
                    [(m, ev.id) for ev in merged for m in ev.extra.get("members", [])],
                )
        except sqlite3.Error as e:
            raise StoreError(f"cannot write merged events to {self.path}: {e}") from e

    def unmerged(self) -> int:
        """How many stored events belong to no merged event: the merge is behind the events
        (a run stopped between coding and merging)."""
        return self.db.execute(
            "SELECT count(*) FROM events WHERE event_id NOT IN (SELECT event_id FROM membership)"
        ).fetchone()[0]

    def merged_events(self) -> Iterator[Event]:
        """Every merged event, in date order."""
        rows = self.db.execute("SELECT record FROM merged ORDER BY date_start, merged_id")
        for (record,) in rows:
            yield Event.from_json(json.loads(record))

    def event(self, event_id: str) -> tuple[str, Event] | None:
        """("merged", the merged event) or ("document", the document-level event) whose id is
        *event_id*, or whose id alone starts with it; None when there is none (or more than one)."""
        for level, table, key in (("merged", "merged", "merged_id"), ("document", "events", "event_id")):
            rows = self.db.execute(
                f"SELECT record FROM {table} WHERE {key}=? OR {key} LIKE ? ESCAPE '\\'"
                f" ORDER BY {key}<>? LIMIT 2",  # the exact id first
                (event_id, _like_prefix(event_id), event_id),
            ).fetchall()
            if len(rows) == 1 or (rows and json.loads(rows[0][0])["id"] == event_id):
                return level, Event.from_json(json.loads(rows[0][0]))
        return None

    def document_info(self, doc_ids: list[str]) -> dict[str, dict]:
        """Title, url, publication date, origin and language of each stored document of *doc_ids*."""
        keys = ("title", "url", "published", "origin", "language")
        rows = self.db.execute(
            f"SELECT doc_id, {', '.join(keys)} FROM documents WHERE doc_id IN ({','.join('?' * len(doc_ids))})",
            list(doc_ids),
        )
        return {row[0]: dict(zip(keys, row[1:], strict=True)) for row in rows}

    def stats(self) -> dict:
        """Counts of what the store holds: documents, events (by type, by country), sources,
        merged events; the span of the events' dates and how many have none; the documents in
        which no event was found (coded, in English) and those not coded (by language)."""
        one = self.db.execute
        first, last, undated = one(
            "SELECT min(date_start), max(coalesce(date_end, date_start)), sum(date_start IS NULL) FROM events"
        ).fetchone()
        not_coded: dict[str, list[str]] = {}
        for doc_id, language in one(
            "SELECT doc_id, language FROM documents WHERE language IS NOT NULL AND language<>'en' ORDER BY 2, 1"
        ):
            not_coded.setdefault(language, []).append(doc_id)
        return {
            "documents": one("SELECT count(*) FROM documents").fetchone()[0],
            "events": one("SELECT count(*) FROM events").fetchone()[0],
            "sources": one("SELECT count(*) FROM sources").fetchone()[0],
            "merged": one("SELECT count(*) FROM merged").fetchone()[0],
            "date_first": first,
            "date_last": last,
            "events_undated": undated or 0,
            "by_type": dict(one("SELECT type, count(*) FROM events GROUP BY type ORDER BY 2 DESC, 1")),
            "by_country": dict(
                one("SELECT coalesce(country, '?'), count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1")
            ),
            "documents_without_events": [
                r[0]
                for r in one(
                    "SELECT doc_id FROM documents WHERE n_events=0 AND coalesce(language, 'en')='en' ORDER BY 1"
                )
            ],
            "not_coded": not_coded,
            "schema_version": self.version,
        }


def _like_prefix(text: str) -> str:
    """A LIKE pattern of the strings that start with *text* (its own % and _ escaped)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
