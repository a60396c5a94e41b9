import sqlite3

import pytest

from eventcoder.errors import StoreError
from eventcoder.io.store import SCHEMA_VERSION, Store
from eventcoder.model import Count, Document, Event, Party, Source


def make_event(doc, n=0, type_="ASSAULT"):
    src = Source(doc_id=doc.id, sentence=doc.text[:10], start=0, end=10, attributed_to="police", fatalities=3)
    return Event(
        id=f"ev-{doc.id}-{n}", type=type_, sources=[src], actor=Party(name="A"), fatalities=Count(3, 3, 3)
    )


def test_round_trip_and_idempotence(tmp_path):
    db = tmp_path / "s.db"
    d1 = Document(id="d1", text="Gunmen attacked the village.", published="2024-01-02")
    with Store(db) as s:
        assert not s.is_current(d1, "v1")
        s.replace_document(d1, [make_event(d1), make_event(d1, 1, "COERCE")], "v1")
        assert s.is_current(d1, "v1") and not s.is_current(d1, "v2")
        first = s.stats()
        s.replace_document(d1, [make_event(d1), make_event(d1, 1, "COERCE")], "v1")
        assert s.stats() == first
        events = list(s.events())
    assert first["documents"] == 1 and first["events"] == 2 and first["sources"] == 2
    assert events[0].to_json() == make_event(d1).to_json()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_changed_document_replaces_only_its_own_events(tmp_path):
    d1 = Document(id="d1", text="First report.")
    d2 = Document(id="d2", text="Second report.")
    with Store(tmp_path / "s.db") as s:
        s.replace_document(d1, [make_event(d1)], "v")
        s.replace_document(d2, [make_event(d2), make_event(d2, 1)], "v")
        changed = Document(id="d1", text="First report, corrected.")
        assert not s.is_current(changed, "v")
        s.replace_document(changed, [], "v")
        ids = sorted(e.id for e in s.events())
        assert ids == ["ev-d2-0", "ev-d2-1"]
        assert s.document_text("d1") == "First report, corrected."
        assert s.remove_document("d2") and s.stats()["events"] == 0


def test_newer_schema_is_refused(tmp_path):
    db = tmp_path / "s.db"
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        Store(db)


def test_unopenable_store_is_a_store_error(tmp_path):
    with pytest.raises(StoreError):
        Store(tmp_path / "no" / "such" / "dir" / "s.db")


def test_documents_keep_their_encoding(tmp_path):
    db = tmp_path / "e.db"
    with Store(db) as st:
        doc = Document(id="d", text="Un café.", encoding="cp1252", encoding_confidence=0.97)
        st.replace_document(doc, [], "x")
    row = sqlite3.connect(db).execute("SELECT encoding, encoding_confidence FROM documents").fetchone()
    assert row == ("cp1252", 0.97)


def test_a_store_of_the_first_schema_is_migrated_to_keep_encodings(tmp_path):
    from eventcoder.io.store import MIGRATIONS

    db = tmp_path / "old.db"
    conn = sqlite3.connect(db)
    conn.executescript(MIGRATIONS[0] + ";PRAGMA user_version=1;")
    conn.close()
    with Store(db) as st:
        st.replace_document(Document(id="d", text="x", encoding="utf-8", encoding_confidence=1.0), [], "x")
    assert sqlite3.connect(db).execute("SELECT encoding FROM documents").fetchone() == ("utf-8",)


def test_documents_keep_their_language(tmp_path):
    db = tmp_path / "e.db"
    with Store(db) as st:
        st.replace_document(Document(id="d", text="Die Regierung tagte.", language="de"), [], "x")
    assert sqlite3.connect(db).execute("SELECT language FROM documents").fetchone() == ("de",)
