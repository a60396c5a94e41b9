"""The Python API (eventcoder.extract, to_pandas, read_events; api.show, api.stats) and document
identity across runs (api.run)."""

import datetime
import logging
import sqlite3

import pytest

import eventcoder
from eventcoder import api
from eventcoder.errors import DateError, InputError, UsageError
from eventcoder.io import export
from eventcoder.io.store import Store
from eventcoder.model import Count, DateSpan, Document, Event, Party, Place, Source
from eventcoder.options import Options

REPORT = "Gunmen attacked a police post in Gwoza on Sunday, killing four officers, police said."


# -- dates --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "given",
    [
        datetime.date(2024, 5, 13),
        datetime.datetime(2024, 5, 13, 23, 59),
        datetime.datetime(2024, 5, 13, 1, 0, tzinfo=datetime.UTC),
        "2024-05-13",
        " 2024-05-13 ",
        "20240513",
        "2024-05-13T08:30:00Z",
        "2024-05-13 08:30:00+02:00",
    ],
)
def test_a_document_takes_a_date_or_an_iso_string(given):
    assert Document(id="d", text="x", published=given).published == "2024-05-13"


@pytest.mark.parametrize(
    "given", ["15 May 2024", "yesterday", "2024-13-01", 20240513, 2024.5, ["2024-05-13"]]
)
def test_anything_else_is_a_date_error(given):
    with pytest.raises(DateError, match="ISO 8601") as e:
        Document(id="d", text="x", published=given)
    assert isinstance(e.value, UsageError) and isinstance(e.value, ValueError)


def test_no_date_is_none():
    assert Document(id="d", text="x").published is None
    assert Document(id="d", text="x", published="").published is None


# -- what extract takes -------------------------------------------------------------------------
@pytest.mark.parametrize(
    "given, message",
    [
        (42, "not int"),
        ([Document(id="a", text="x"), 3.5], "not float"),
        ({"text": "x", "body": "y"}, "not body"),
        ({"id": "a"}, "string 'text'"),
    ],
)
def test_extract_refuses_what_is_no_text(given, message):
    with pytest.raises(UsageError, match=message):
        eventcoder.extract(given)


def test_extract_refuses_an_unknown_error_policy_and_a_bad_date():
    with pytest.raises(UsageError, match="errors"):
        eventcoder.extract("x", errors="ignore")
    with pytest.raises(DateError, match="15 May 2024"):
        eventcoder.extract("x", published="15 May 2024")
    with pytest.raises(DateError, match="Options.published"):
        eventcoder.extract("x", options=Options(published="May 2024"))


def test_a_document_over_max_chars_is_skipped_or_raised(caplog):
    long = "Troops shelled the town. " * 4
    with caplog.at_level(logging.WARNING, logger="eventcoder"):
        assert eventcoder.extract(long, options=Options(max_chars=10)) == []
    assert "too large" in caplog.text
    with pytest.raises(InputError, match="too large"):
        eventcoder.extract(long, options=Options(max_chars=10), errors="raise")


# -- DataFrames ---------------------------------------------------------------------------------
def event(eid="ev-1", doc_id="d1", killed=3, start="2024-05-12", claimant="police"):
    src = Source(
        doc_id=doc_id,
        sentence="Gunmen killed three people in Gwoza, police said.",
        start=0,
        end=49,
        attributed_to=claimant,
        fatalities=killed,
        title="Gwoza attack",
        url="https://example.org/gwoza",
        published="2024-05-13",
        telling="news",
    )
    return Event(
        id=eid,
        type="ASSAULT",
        sources=[src],
        date=DateSpan(start, start, "day", "on Sunday") if start else DateSpan(None, None, None, "on Sunday"),
        actor=Party(name="gunmen", text="Gunmen"),
        target=Party(name="civilians", text="people", country="NG", sector="civilians"),
        location=Place("Gwoza", "NG", 11.08, 13.69, "town", admin1="Borno"),
        fatalities=Count(killed, killed, killed) if killed is not None else None,
        confidence=0.9,
    )


def test_to_pandas_has_the_csv_columns_and_values():
    pd = pytest.importorskip("pandas")
    events = [event(), event("ev-2", killed=None, start=None)]
    frame = eventcoder.to_pandas(events)
    assert list(frame.columns) == list(export.CSV_COLUMNS)
    rows = [export.flat_row(e) for e in events]
    for i, row in enumerate(rows):
        for column, value in row.items():
            got = frame.loc[i, column]
            assert (pd.isna(got) and value is None) or got == value, (column, got, value)
    assert frame["fatalities_best"].dtype == "Int64" and frame["lat"].dtype == "Float64"
    assert eventcoder.to_pandas([e.to_json() for e in events]).equals(frame)  # records do too
    empty = eventcoder.to_pandas([])
    assert list(empty.columns) == list(export.CSV_COLUMNS) and len(empty) == 0


@pytest.fixture
def store(tmp_path):
    """A store of three documents: two reports of one attack (merged), one without events."""
    db = tmp_path / "s.db"
    d1 = Document(id="d1", text="x" * 60, title="Gwoza attack", published="2024-05-13", language="en")
    d2 = Document(id="d2", text="y" * 60, title="Toll rises", published="2024-05-14", language="en")
    d3 = Document(id="calm", text="The weather was fine.", language="en")
    with Store(db) as s:
        s.replace_document(d1, [event("ev-1", "d1", 3)], "v")
        s.replace_document(d2, [event("ev-2", "d2", 5, claimant="hospital officials")], "v")
        s.replace_document(d3, [], "v")
    api.merge(db)
    return db


def test_read_events_merged_and_by_report(store):
    pytest.importorskip("pandas")
    merged = eventcoder.read_events(store)
    reports = eventcoder.read_events(store, level="document")
    assert list(merged.columns) == list(reports.columns) == list(export.CSV_COLUMNS)
    assert len(merged) == 1 and len(reports) == 2
    assert merged.loc[0, "n_sources"] == 2 and {d.strip() for d in merged.loc[0, "doc_ids"].split(";")} == {
        "d1",
        "d2",
    }
    assert eventcoder.to_pandas(str(store)).equals(merged)
    with pytest.raises(UsageError, match="level"):
        eventcoder.read_events(store, level="sentence")
    with pytest.raises(UsageError, match="no store"):
        eventcoder.read_events(store.parent / "none.db")


# -- show and stats -----------------------------------------------------------------------------
def test_show_a_merged_event_with_its_sources(store):
    merged_id = next(iter(Store(store).merged_events())).id
    view = api.show(merged_id[:5], db=store)
    assert view.level == "merged" and view.event.id == merged_id
    text = view.format()
    assert "ASSAULT" in text and "2 reports" in text and "Gwoza, Borno, NG (town)" in text
    assert "claimant: police; killed 3" in text and "claimant: hospital officials; killed 5" in text
    assert '"Gunmen killed three people in Gwoza, police said." [0:49]' in text
    assert "disputed" in text and '"Gwoza attack", 2024-05-13' in text
    record = view.as_dict()
    assert record["level"] == "merged" and set(record["documents"]) == {"d1", "d2"}


def test_show_a_report_event_and_no_event(store):
    view = api.show("ev-2", db=store)
    assert view.level == "document" and "hospital officials" in view.format()
    with pytest.raises(UsageError, match="no event 'ev-9'"):
        api.show("ev-9", db=store)
    with pytest.raises(UsageError, match="no event 'ev-'"):  # two events start so
        api.show("ev-", db=store)


def test_stats_tell_what_the_store_holds(store):
    s = api.stats(store)
    assert (s["documents"], s["events"], s["merged"]) == (3, 2, 1)
    assert (s["date_first"], s["date_last"]) == ("2024-05-12", "2024-05-12")
    assert s["by_type"] == {"ASSAULT": 2} and s["documents_without_events"] == ["calm"]
    text = s.format()
    assert "1 without events" in text and "2024-05-12 to 2024-05-12" in text
    assert "documents without events (1):\n  calm" in text and "ASSAULT" in text


# -- with the model -----------------------------------------------------------------------------
@pytest.mark.slow
def test_options_published_is_honoured_by_process_document():
    doc = Document(id="r1", text=REPORT)
    events = eventcoder.process_document(doc, Options(published=datetime.date(2024, 5, 13)))
    assert events[0].date.start == "2024-05-12"
    own = eventcoder.process_document(
        Document(id="r1", text=REPORT, published="2024-06-12"), Options(published="2024-05-13")
    )
    assert own[0].date.start == "2024-06-09"  # the document's own date comes first


@pytest.mark.slow
def test_extract_dates_in_order_document_argument_options():
    texts = [Document(id="own", text=REPORT, published="2024-06-12"), {"id": "given", "text": REPORT}, REPORT]
    events = eventcoder.extract(texts, published="2024-05-13", options=Options(published="2030-01-01"))
    assert [(e.sources[0].doc_id, e.date.start) for e in events] == [
        ("own", "2024-06-09"),
        ("given", "2024-05-12"),
        (events[2].sources[0].doc_id, "2024-05-12"),
    ]
    assert events[2].sources[0].doc_id.startswith("text-")
    again = eventcoder.extract(REPORT, published="2024-05-13")
    assert [e.id for e in again] == [events[2].id]  # a text's id is its content's: stable


@pytest.mark.slow
def test_without_a_publication_date_a_warning_says_so_once(caplog):
    with caplog.at_level(logging.WARNING, logger="eventcoder"):
        events = eventcoder.extract([REPORT, REPORT.replace("four", "five")])
    warnings = [r for r in caplog.records if "publication date" in r.getMessage()]
    assert len(warnings) == 1 and "2 documents" in warnings[0].getMessage()
    assert "unresolved" in warnings[0].getMessage() and "2 events" in warnings[0].getMessage()
    assert all(e.date.start is None and e.date.text == "Sunday" for e in events)
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="eventcoder"):
        eventcoder.extract(REPORT, published="2024-05-13")
    assert "publication date" not in caplog.text


@pytest.mark.slow
def test_extract_honours_every_option():
    assert eventcoder.extract(REPORT, options=Options(min_confidence=1.01, processes=1)) == []
    events = eventcoder.extract(REPORT, options=Options(id_prefix="press/", processes=1))
    assert events[0].sources[0].doc_id.startswith("press/text-")
    assert eventcoder.extract("Die Soldaten griffen das Dorf am Sonntag an und töteten vier Menschen.") == []


# -- identity across runs -----------------------------------------------------------------------
def stored(db):
    with sqlite3.connect(db) as conn:
        return dict(conn.execute("SELECT doc_id, origin FROM documents"))


def notes(summary):
    return [n.message for n in summary.notes]


@pytest.mark.slow
def test_two_folders_report_txt_never_collide_across_runs(tmp_path, monkeypatch):
    """report.txt in a/, b/ and c/b/, each coded by a run of its own into one store, from two
    folders: three documents, each under an id of its own, on every run."""
    for folder, text in (
        ("a", REPORT),
        ("b", "Troops shelled Avdiivka on Monday."),
        ("c/b", "Rebels attacked a convoy."),
    ):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "report.txt").write_text(text)
    db, opts = tmp_path / "e.db", Options(published="2024-05-13", processes=1)

    def run(path, cwd=tmp_path):
        monkeypatch.chdir(cwd)
        return api.run([path], opts, db=db, out_dir=None, progress=False)

    assert run("a/report.txt").processed == 1
    second = run("b/report.txt")
    assert second.processed == 1 and "id 'report' is stored for" in notes(second)[0]
    third = run("b/report.txt", cwd=tmp_path / "c")  # the same relative path, another file
    assert third.processed == 1
    ids = stored(db)
    assert len(ids) == 3 and ids["report"] == str(tmp_path / "a" / "report.txt")
    assert ids["b/report.txt"] == str(tmp_path / "b" / "report.txt")
    hashed = next(i for i in ids if i.startswith("b/report.txt@"))
    assert ids[hashed] == str(tmp_path / "c" / "b" / "report.txt")
    for path, cwd in (
        ("a/report.txt", tmp_path),
        ("b/report.txt", tmp_path),
        ("b/report.txt", tmp_path / "c"),
    ):
        again = run(path, cwd)
        assert (again.processed, again.unchanged) == (0, 1)  # the same id every run
    (tmp_path / "c" / "b" / "report.txt").write_text("Rebels attacked a convoy near Goma.")
    changed = run("b/report.txt", cwd=tmp_path / "c")
    assert changed.processed == 1 and any("changed since it was stored" in m for m in notes(changed))
    assert set(stored(db)) == set(ids)  # replaced under its own id: nothing left behind


@pytest.mark.slow
def test_the_same_text_from_another_file_is_kept_once_and_said(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(REPORT)
    db, opts = tmp_path / "e.db", Options(published="2024-05-13", processes=1)
    api.run(["a/report.txt"], opts, db=db, out_dir=None, progress=False)
    second = api.run(["b/report.txt"], opts, db=db, out_dir=None, progress=False)
    assert second.unchanged == 1 and any("kept once" in m for m in notes(second))
    prefixed = api.run(
        ["b/report.txt"], Options(id_prefix="b:", processes=1), db=db, out_dir=None, progress=False
    )
    assert prefixed.processed == 1 and set(stored(db)) == {"report", "b:report"}
