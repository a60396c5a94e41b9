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


def test_an_event_is_found_by_its_id_or_the_start_of_it(tmp_path):
    d1 = Document(id="d1", text="Gunmen attacked the village.", title="Attack", url="https://x.org/1")
    with Store(tmp_path / "s.db") as s:
        s.replace_document(d1, [make_event(d1), make_event(d1, 1, "COERCE")], "v")
        merged = Event(
            id="m-abc", type="ASSAULT", sources=make_event(d1).sources, extra={"members": ["ev-d1-0"]}
        )
        s.replace_merged([merged])
        assert s.event("m-abc")[0] == "merged" and s.event("m-a")[1].id == "m-abc"
        level, ev = s.event("ev-d1-1")
        assert level == "document" and ev.type == "COERCE"
        assert s.event("ev-d1") is None  # two events start so: none is chosen
        assert s.event("nothing") is None and s.event("%") is None and s.event("ev_d1") is None
        assert s.document_info(["d1", "gone"]) == {
            "d1": {
                "title": "Attack",
                "url": "https://x.org/1",
                "published": None,
                "origin": None,
                "language": None,
            }
        }


def test_ids_from_an_origin(tmp_path):
    with Store(tmp_path / "s.db") as s:
        for i, origin in (("b/r.txt", "/x/b/r.txt"), ("b/r.txt@12", "/y/b/r.txt"), ("r", "/z/r.txt")):
            s.replace_document(Document(id=i, text=i, origin=origin), [], "v")
        assert s.ids_from("/y/b/r.txt") == ["b/r.txt@12"] and s.ids_from("/nowhere") == []


def test_stats_tell_dates_and_documents_without_events(tmp_path):
    from eventcoder.model import DateSpan

    d1 = Document(id="d1", text="Gunmen attacked the village.", language="en")
    quiet = Document(id="quiet", text="The weather was fine.", language="en")
    german = Document(id="de1", text="Das Wetter war schön.", language="de")
    ev1, ev2, ev3 = make_event(d1), make_event(d1, 1), make_event(d1, 2)
    ev1.date = DateSpan("2024-05-01", "2024-05-02", "range")
    ev2.date = DateSpan("2023-12-30", "2023-12-30", "day")
    with Store(tmp_path / "s.db") as s:
        s.replace_document(d1, [ev1, ev2, ev3], "v")
        s.replace_document(quiet, [], "v")
        s.replace_document(german, [], "v")
        st = s.stats()
    assert (st["date_first"], st["date_last"], st["events_undated"]) == ("2023-12-30", "2024-05-02", 1)
    assert st["documents_without_events"] == ["quiet"] and st["not_coded"] == {"de": ["de1"]}
