"""The viewer without a browser: filters, paging, sorting, summaries and downloads of the JSON
endpoints, the one-file report, escaping, outlines."""

import csv
import io
import json
import re
import threading
import urllib.error
import urllib.request
from html.parser import HTMLParser

import pytest

from eventcoder.errors import UsageError
from eventcoder.io import export
from eventcoder.io.store import Store
from eventcoder.model import Count, DateSpan, Document, Event, Party, Place, Source
from eventcoder.viewer import outlines, report, summaries
from eventcoder.viewer import server as viewer

HOSTILE = "<script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=alert(1)>"
# an emoji before the evidence: offsets count code points, JavaScript counts UTF-16 units
EVIDENCE = f'Witnesses said gunmen wrote "{HOSTILE}" and {HOSTILE_IMG} on the wall & killed 3 people.'
TEXT_1 = f"Gwoza attack 😀\n\nGunmen attacked the market in Gwoza on Sunday. {EVIDENCE} Police said 5 died."
TEXT_2 = "Tbilisi protest\n\nThousands protested in Tbilisi on Tuesday against the bill.\n"


def _source(doc: Document, sentence: str, **kw) -> Source:
    start = doc.text.index(sentence)
    return Source(doc_id=doc.id, sentence=sentence, start=start, end=start + len(sentence), **kw)


def make_store(path, merged: bool = True) -> dict[str, Event]:
    """A small store by hand (no model): two documents, one of them hostile, three merged events."""
    d1 = Document(id="news/gwoza </script>", text=TEXT_1, published="2024-05-13")
    d2 = Document(id="news/tbilisi", text=TEXT_2, published="2024-05-01")
    police = "Police said 5 died."
    attack = Event(
        id="m-attack",
        type="ASSAULT",
        mode="firearms",
        date=DateSpan("2024-05-12", "2024-05-12", "day", "Sunday"),
        actor=Party(name=f"Gunmen {HOSTILE}", text="gunmen"),
        target=Party(name="Civilians", sector="civilians"),
        location=Place("Gwoza", "NG", 11.08, 13.69, "town", admin1="Borno"),
        fatalities=Count(3, 3, 5, disputed=True, spread=2),
        sources=[
            _source(d1, EVIDENCE, attributed_to=f"Witnesses {HOSTILE_IMG}", fatalities=3),
            _source(d1, police, attributed_to="Police", fatalities=5),
        ],
    )
    protest = Event(
        id="m-protest",
        type="PROTEST",
        mode="demo",
        date=DateSpan("2024-04-30", "2024-04-30", "day"),
        actor=Party(name="Demonstrators"),
        target=Party(name="Government of Georgia", country="GE"),
        location=Place("Tbilisi", "GE", 41.69, 44.83, "town"),
        sources=[_source(d2, "Thousands protested in Tbilisi on Tuesday against the bill.")],
    )
    undated = Event(
        id="m-undated",
        type="COERCE",
        sources=[_source(d1, "Gunmen attacked the market in Gwoza on Sunday.")],
        actor=Party(name="Gunmen"),
    )
    events = {e.id: e for e in (attack, protest, undated)}
    with Store(path) as store:
        store.replace_document(d1, [attack, undated], "test")
        store.replace_document(d2, [protest], "test")
        if merged:
            for e in events.values():
                e.extra["members"] = [e.id]
            store.replace_merged(list(events.values()))
    return events


MANY = 150
PLACES = [
    Place("Gwoza", "NG", 11.08, 13.69, "town"),
    Place("Tbilisi", "GE", 41.69, 44.83, "town"),
    Place("Kharkiv", "UA", 49.99, 36.23, "city"),
    Place("Sudan", "SD", None, None, "country"),
]


def make_many(path, n: int = MANY) -> dict[str, Event]:
    """A store of *n* merged events by hand: one a day from 2024-03-01 (every 10th undated), the
    first one in 1884 (an outlier of the timeline), killed ``i % 7`` (None for every 5th), every
    4th told as background only, four types and four places (one without coordinates)."""
    from datetime import date, timedelta

    lines = [f"Line {i}: gunmen {'looted' if i % 3 else 'burned'} the market in town {i}." for i in range(n)]
    doc = Document(id="many", text="\n".join(lines), published="2024-08-01")
    events = {}
    for i in range(n):
        day = "1884-06-01" if i == 0 else (date(2024, 3, 1) + timedelta(days=i)).isoformat()
        kind = ["ASSAULT", "PROTEST", "COERCE", "AGREE"][i % 4]
        events[f"m{i:03d}"] = Event(
            id=f"m{i:03d}",
            type=kind,
            date=None if i % 10 == 5 else DateSpan(day, day, "day"),
            actor=Party(name=f"Actor {i % 9}"),
            location=PLACES[i % len(PLACES)],
            fatalities=None if i % 5 == 1 else Count(i % 7, i % 7, i % 7),
            sources=[_source(doc, lines[i], telling="background" if i % 4 == 3 else "news")],
            extra={"members": [f"m{i:03d}"]},
        )
    with Store(path) as store:
        store.replace_document(doc, list(events.values()), "test")
        store.replace_merged(list(events.values()))
    return events


@pytest.fixture
def store(tmp_path):
    db = tmp_path / "v.db"
    make_store(db)
    return db


@pytest.fixture
def server(store):
    srv = viewer.make_server(store, "127.0.0.1", 0)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


def get(srv, path, headers=None):
    """(status, headers, body) of one request to the test server."""
    request = urllib.request.Request(srv.url.rstrip("/") + path, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def get_json(srv, path):
    status, _, body = get(srv, path)
    return status, json.loads(body)


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    """The events of :func:`make_many`, served."""
    db = tmp_path_factory.mktemp("many") / "many.db"
    events = make_many(db)
    srv = viewer.make_server(db, "127.0.0.1", 0)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield srv, events
    srv.shutdown()
    srv.server_close()


# -- filters ---------------------------------------------------------------------------------
def test_filters_from_query():
    f = viewer.Filters.from_query(
        {"type": ["assault,protest"], "country": ["ng"], "start": ["2024-05-01"], "disputed": ["1"]}
    )
    assert f.types == {"ASSAULT", "PROTEST"} and f.countries == {"NG"} and f.start == "2024-05-01"
    assert f.disputed and f.end is None and f.actor == ""
    with pytest.raises(UsageError, match="start must be a date"):
        viewer.Filters.from_query({"start": ["2024-13-01"]})


def test_filters_match_records(store):
    records = {e["id"]: e for e in viewer.Snapshot.read(store).events}

    def ids(**query):
        f = viewer.Filters.from_query({k: [v] for k, v in query.items()})
        return {i for i, r in records.items() if f.matches(r)}

    assert ids() == {"m-attack", "m-protest", "m-undated"}
    assert ids(type="PROTEST") == {"m-protest"}
    assert ids(country="GE,NG") == {"m-attack", "m-protest"}
    assert ids(start="2024-05-01") == {"m-attack"}  # undated events drop out of a date range
    assert ids(end="2024-05-01") == {"m-protest"}
    assert ids(start="2024-04-30", end="2024-05-12") == {"m-attack", "m-protest"}
    assert ids(actor="GEORGIA") == {"m-protest"}  # the target's name counts too
    assert ids(actor="gunmen") == {"m-attack", "m-undated"}
    assert ids(disputed="true") == {"m-attack"}


def test_snapshot_of_an_unmerged_store_shows_document_level_events(tmp_path):
    make_store(tmp_path / "u.db", merged=False)
    snapshot = viewer.Snapshot.read(tmp_path / "u.db")
    assert snapshot.level == "document" and len(snapshot.events) == 3
    assert snapshot.meta()["level"] == "document"


# -- the server --------------------------------------------------------------------------------
def test_events_endpoint_filters(server):
    status, body = get_json(server, "/api/events")
    assert status == 200 and body["count"] == body["total"] == 3
    assert [e["id"] for e in body["events"]] == ["m-protest", "m-attack", "m-undated"]  # by date
    assert get_json(server, "/api/events?type=ASSAULT")[1]["count"] == 1
    assert {e["id"] for e in get_json(server, "/api/events?country=ng,ge")[1]["events"]} == {
        "m-attack",
        "m-protest",
    }
    assert get_json(server, "/api/events?start=2024-05-01&end=2024-05-31")[1]["count"] == 1
    assert get_json(server, "/api/events?actor=demonstr")[1]["events"][0]["id"] == "m-protest"
    assert get_json(server, "/api/events?disputed=1")[1]["events"][0]["id"] == "m-attack"
    status, body = get_json(server, "/api/events?end=yesterday")
    assert status == 400 and "end must be a date" in body["error"]


def _ids(body):
    return [e["id"] for e in body["events"]]


def test_events_are_paged_with_their_total(many):
    srv, events = many
    status, body = get_json(srv, "/api/events")
    assert status == 200 and body["total"] == MANY and body["count"] == 100 == len(body["events"])
    assert body["offset"] == 0 and body["limit"] == 100 and "timeline" not in body
    status, rest = get_json(srv, "/api/events?offset=100&limit=100")
    assert rest["total"] == MANY and rest["count"] == MANY - 100
    assert set(_ids(body)).isdisjoint(_ids(rest)) and len(set(_ids(body) + _ids(rest))) == MANY
    assert get_json(srv, "/api/events?limit=7&offset=3")[1]["events"] == body["events"][3:10]
    assert get_json(srv, "/api/events?offset=1000")[1]["events"] == []
    for bad, message in (
        ("limit=5000", "at most 1000"),
        ("offset=-1", "whole number"),
        ("limit=x", "whole number"),
    ):
        status, body = get_json(srv, "/api/events?" + bad)
        assert status == 400 and message in body["error"], bad


def test_events_are_sorted_by_any_column_missing_values_last(many):
    srv, events = many

    def killed(direction):
        body = get_json(srv, f"/api/events?sort=killed&dir={direction}&limit=1000")[1]
        return [(e["fatalities"] or {}).get("best") for e in body["events"]]

    desc, asc = killed("desc"), killed("asc")
    known = sorted(e.fatalities.best for e in events.values() if e.fatalities)
    assert asc == known + [None] * (MANY - len(known))
    assert desc == known[::-1] + [None] * (MANY - len(known))
    dates = [
        (e["date"] or {}).get("start")
        for e in get_json(srv, "/api/events?sort=date&dir=desc&limit=1000")[1]["events"]
    ]
    assert dates[0] == "2024-07-28" and dates[-1] is None and "1884-06-01" in dates
    types = [
        e["type"] for e in get_json(srv, "/api/events?sort=type&type=agree,protest&limit=1000")[1]["events"]
    ]
    assert types == sorted(types) and set(types) == {"AGREE", "PROTEST"}
    page = get_json(srv, "/api/events?sort=actor&dir=desc&offset=10&limit=5")[1]
    assert page["sort"] == "actor" and page["dir"] == "desc" and page["total"] == MANY
    for bad in ("sort=colour", "dir=up"):
        status, body = get_json(srv, "/api/events?" + bad)
        assert status == 400 and bad.split("=")[0] in body["error"]


def test_text_and_telling_filters(many):
    srv, events = many
    burned = {k for k, e in events.items() if "burned" in e.sources[0].sentence}
    body = get_json(srv, "/api/events?q=BURNED&limit=1000")[1]
    assert set(_ids(body)) == burned and body["total"] == len(burned)
    assert get_json(srv, "/api/events?q=kharkiv")[1]["total"] == sum(
        1 for e in events.values() if e.location.name == "Kharkiv"
    )
    background = {k for k, e in events.items() if e.sources[0].telling == "background"}
    assert set(_ids(get_json(srv, "/api/events?telling=background&limit=1000")[1])) == background
    assert get_json(srv, "/api/events?telling=news")[1]["total"] == MANY - len(background)
    status, body = get_json(srv, "/api/events?telling=rumour")
    assert status == 400 and "telling" in body["error"]


def test_summary_timeline_groups_an_outlier_and_places_count_events(many):
    srv, events = many
    body = get_json(srv, "/api/events?summary=1&limit=1")[1]
    assert body["count"] == 1 and body["total"] == MANY
    timeline = body["timeline"]
    undated = sum(1 for e in events.values() if e.date is None)
    assert timeline["undated"] == undated
    assert timeline["before"] == {"n": 1, "first": "1884-06-01", "last": "1884-06-01"}
    assert timeline["after"] is None
    # the scale covers the 2024 events only: weeks, not years from 1884
    assert timeline["unit"] == "week" and timeline["bins"][0]["start"] == "2024-02-26"
    assert timeline["bins"][-1]["end"] >= "2024-07-28" > timeline["bins"][-1]["start"]
    assert sum(b["n"] for b in timeline["bins"]) == MANY - undated - 1
    first = timeline["bins"][0]
    assert first["n"] == sum(first["types"].values()) and first["end"] == "2024-03-03"
    places = body["map"]
    assert places["missing"] == sum(1 for e in events.values() if e.location.lat is None)
    assert {p["name"]: p["n"] for p in places["places"]} == {"Gwoza": 38, "Tbilisi": 38, "Kharkiv": 37}
    gwoza = next(p for p in places["places"] if p["name"] == "Gwoza")
    assert gwoza["id"] == "m148" and gwoza["type"] == "ASSAULT" and gwoza["country"] == "NG"
    assert places["countries"] == ["GE", "NG", "SD", "UA"]
    # filtered: the summaries follow the filters
    body = get_json(srv, "/api/events?summary=1&country=ge&start=2024-04-01")[1]
    assert body["timeline"]["before"] is None and body["map"]["countries"] == ["GE"]
    assert sum(b["n"] for b in body["timeline"]["bins"]) == body["total"]


def test_timeline_scale_follows_the_bulk_of_the_dates():
    from collections import Counter

    def tl(*days):
        return summaries.timeline(Counter((d, "ASSAULT") for d in days))

    t = tl("1884-01-01", "2024-04-30", "2024-05-12")
    assert t["unit"] == "day" and t["before"]["n"] == 1 and len(t["bins"]) == 13
    assert tl("2024-05-01")["bins"] == [
        {"start": "2024-05-01", "end": "2024-05-01", "n": 1, "types": {"ASSAULT": 1}}
    ]
    spread = tl(*[f"{y}-06-01" for y in range(1990, 2025)])  # evenly over 35 years: no outlier
    assert spread["unit"] == "year" and spread["before"] is None and spread["after"] is None
    t = tl("2023-01-05", "2023-11-20", "2031-02-01")
    assert t["unit"] == "week" and t["after"]["first"] == "2031-02-01"
    assert summaries.timeline(Counter({(None, "AGREE"): 4}))["undated"] == 4


def _download(srv, query):
    status, headers, body = get(srv, "/api/download?" + query)
    return status, headers, body.decode("utf-8")


def test_download_streams_the_filtered_events_in_their_sort(many):
    srv, events = many
    status, headers, text = _download(srv, "format=csv&type=ASSAULT&sort=killed&dir=desc")
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    assert headers["Content-Disposition"] == 'attachment; filename="events.csv"'
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == export.CSV_COLUMNS
    assaults = [e for e in events.values() if e.type == "ASSAULT"]
    assert len(rows) == len(assaults) > 20  # every one, not a page
    expected = export.flat_row(events[rows[0]["id"]])
    assert rows[0]["actor"] == expected["actor"] and rows[0]["evidence"] == expected["evidence"]
    killed = [int(r["fatalities_best"]) for r in rows if r["fatalities_best"]]
    assert killed == sorted(killed, reverse=True) and rows[-1]["fatalities_best"] == ""
    status, headers, text = _download(srv, "format=json&q=burned")
    assert status == 200 and headers["Content-Disposition"] == 'attachment; filename="events.json"'
    records = json.loads(text)
    assert {r["id"] for r in records} == {k for k, e in events.items() if "burned" in e.sources[0].sentence}
    assert records[0] == events[records[0]["id"]].to_json()
    assert json.loads(_download(srv, "format=json&country=XX")[2]) == []
    assert _download(srv, "format=xml")[0] == 400 and _download(srv, "format=csv&start=May")[0] == 400


def test_a_download_is_not_paged(many):
    srv, _ = many
    status, _, text = _download(srv, "format=csv&limit=5")  # paging does not cut a download
    assert status == 200 and text.count("\n") > MANY


def test_one_event_with_its_documents_text(server):
    status, record = get_json(server, "/api/events/m-attack")
    assert status == 200 and record["type"] == "ASSAULT" and len(record["sources"]) == 2
    for source in record["sources"]:
        assert source["document_text"] == TEXT_1
        assert source["document_text"][source["start"] : source["end"]] == source["sentence"]
    assert record["sources"][0]["sentence"] == EVIDENCE
    status, body = get_json(server, "/api/events/m-nothing")
    assert status == 404 and "m-nothing" in body["error"]


def test_meta_and_outlines(server):
    status, meta = get_json(server, "/api/meta")
    assert status == 200 and meta["level"] == "merged" and meta["n_events"] == 3
    assert {c["code"]: c["name"] for c in meta["countries"]} == {"NG": "Nigeria", "GE": "Georgia"}
    assert meta["date_min"] == "2024-04-30" and meta["date_max"] == "2024-05-12"
    status, collection = get_json(server, "/api/outlines")
    assert status == 200 and collection["type"] == "FeatureCollection"


def test_pages_and_security_headers(server):
    for path, ctype in (
        ("/", "text/html"),
        ("/viewer.js", "text/javascript"),
        ("/viewer.css", "text/css"),
        ("/api/events", "application/json"),
        ("/nothing", "application/json"),
    ):
        status, headers, _ = get(server, path)
        assert headers["Content-Type"].startswith(ctype), path
        assert "default-src 'self'" in headers["Content-Security-Policy"]
        assert headers["X-Content-Type-Options"] == "nosniff"
    assert get(server, "/")[0] == 200 and get(server, "/nothing")[0] == 404
    assert get(server, "/../pyproject.toml")[0] == 404
    assert get(server, "/viewer/../../pyproject.toml")[0] == 404
    # a page on another host name that resolves to this machine cannot read the store
    assert get(server, "/api/events", headers={"Host": "attacker.example"})[0] == 403
    assert get(server, "/api/events", headers={"Host": "localhost:1234"})[0] == 200


def test_port_in_use_and_missing_store_are_usage_errors(server, store, tmp_path):
    with pytest.raises(UsageError, match="in use"):
        viewer.make_server(store, "127.0.0.1", server.server_address[1])
    with pytest.raises(UsageError, match="no store"):
        viewer.make_server(tmp_path / "missing.db", "127.0.0.1", 0)


def test_error_pages_carry_the_security_headers(server):
    import http.client

    host, port = server.server_address[:2]
    for method, path in (("POST", "/api/events"), ("GET", "/" + "x" * 70000)):
        conn = http.client.HTTPConnection(host, port, timeout=10)
        conn.request(method, path)
        r = conn.getresponse()
        assert r.status in (501, 414), (method, r.status)
        assert "default-src 'self'" in r.getheader("Content-Security-Policy"), r.status
        assert r.getheader("X-Frame-Options") == "DENY"
        conn.close()


def test_a_burst_of_requests_is_queued_not_refused(server):
    from concurrent.futures import ThreadPoolExecutor

    assert server.request_queue_size >= 1024
    with ThreadPoolExecutor(100) as pool:
        statuses = list(pool.map(lambda _: get(server, "/api/events")[0], range(200)))
    assert statuses == [200] * 200


def test_a_store_deleted_while_serving_is_an_error_not_a_new_store(server, store):
    assert get(server, "/api/meta")[0] == 200
    for suffix in ("", "-wal", "-shm"):
        store.with_name(store.name + suffix).unlink(missing_ok=True)
    status, body = get_json(server, "/api/events")
    assert status == 500 and "no store" in body["error"]
    assert not store.exists()


def test_serve_on_a_missing_store_says_so(tmp_path, cli):
    r = cli("serve", "--db", tmp_path / "gone.db", "--port", "0")
    assert r.returncode == 2 and "no store at" in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "gone.db").exists()


# -- the report --------------------------------------------------------------------------------
class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _report(store) -> str:
    return viewer.report_html(viewer.report_data(store))


def test_report_is_self_contained(store):
    html = _report(store)
    parser = _Tags()
    parser.feed(html)
    for tag, attrs in parser.tags:
        assert tag != "link" and "src" not in attrs and "href" not in attrs, (tag, attrs)
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", html, re.I)
    assert "@import" not in html and "url(" not in html
    scripts = [attrs for tag, attrs in parser.tags if tag == "script"]
    assert scripts == [{"type": "application/json", "id": "eventcoder-data"}, {}]
    csp = next(a["content"] for t, a in parser.tags if a.get("http-equiv") == "Content-Security-Policy")
    assert csp.startswith("default-src 'none'; script-src 'sha256-")
    script = html.rsplit("<script>", 1)[1].split("</script>", 1)[0]
    assert report._csp_hash(script) in csp  # the one inline script is the one allowed


def test_report_embeds_hostile_text_escaped(store):
    html = _report(store)
    assert HOSTILE not in html and HOSTILE_IMG not in html and "</script> " not in html
    assert html.count("<script") == 2 and html.count("</script>") == 2
    block = html.split('<script type="application/json" id="eventcoder-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in block and ">" not in block and "&" not in block
    data = json.loads(block)
    assert data == json.loads(json.dumps(viewer.report_data(store)))  # nothing lost on the way
    attack = next(e for e in data["events"] if e["id"] == "m-attack")
    assert attack["sources"][0]["sentence"] == EVIDENCE and attack["actor"]["name"].endswith(HOSTILE)
    assert data["documents"]["news/gwoza </script>"] == TEXT_1


def test_embed_json_escapes_markup():
    text = viewer.embed_json({"a": "</script><!-- & -->"})
    assert text == '{"a":"\\u003c/script\\u003e\\u003c!-- \\u0026 --\\u003e"}'
    assert json.loads(text) == {"a": "</script><!-- & -->"}


def test_report_command(store, tmp_path, cli):
    out = tmp_path / "r.html"
    r = cli("report", "--db", store, "-o", out)
    assert r.returncode == 0, r.stderr
    assert "3 events" in r.stderr and out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    r = cli("report", "--db", tmp_path / "missing.db", "-o", tmp_path / "no.html")
    assert r.returncode == 2 and "no store" in r.stderr and not (tmp_path / "no.html").exists()


# -- outlines ------------------------------------------------------------------------------------
needs_outlines = pytest.mark.skipif(outlines.find_source() is None, reason="the 'web' extra is not installed")


@needs_outlines
def test_outlines_from_the_packaged_natural_earth(tmp_path, monkeypatch):
    collection = outlines.load(tmp_path)
    features = collection["features"]
    assert len(features) > 150 and "note" not in collection
    by_code = {f["properties"]["iso_a2"]: f for f in features}
    assert {"NG", "SD", "GE", "HT", "XK"} <= by_code.keys()
    points = [p for f in features for poly in f["geometry"]["coordinates"] for ring in poly for p in ring]
    assert all(round(v, 1) == v and -180 <= p[0] <= 180 for p in points for v in p)
    assert len(points) < 20_000
    # South Africa keeps its hole (Lesotho); exteriors counter-clockwise, holes clockwise
    (south_africa,) = by_code["ZA"]["geometry"]["coordinates"]
    assert len(south_africa) == 2
    assert outlines._area(south_africa[0]) > 0 > outlines._area(south_africa[1])
    # the second call reads the cache
    assert list(tmp_path.glob("outlines-*.geojson"))
    monkeypatch.setattr(outlines, "convert", lambda *a: pytest.fail("converted again"))
    assert outlines.load(tmp_path) == collection


def test_without_outlines_the_collection_says_how_to_get_them(tmp_path, monkeypatch):
    monkeypatch.setattr(outlines, "SOURCES", [("no_such_package_here", "x")])
    collection = outlines.load(tmp_path)
    assert collection["features"] == [] and "eventcoder[web]" in collection["note"]
