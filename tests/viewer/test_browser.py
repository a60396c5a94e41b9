"""The viewer in a real browser: Debian's headless Chromium driven by Playwright.

Set EVENTCODER_SCREENSHOT=docs/viewer.png to write the README's screenshot (a copy always goes to
the test's tmp_path).
"""

import csv
import json
import os
import shutil
import threading
import urllib.request
from pathlib import Path

import pytest

from eventcoder.viewer import server as viewer

from .test_viewer import EVIDENCE, HOSTILE, HOSTILE_IMG, make_many, make_store

pytestmark = [pytest.mark.slow, pytest.mark.browser]

ROOT = Path(__file__).resolve().parent.parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _unavailable(reason: str):
    # CI installs Chromium and Playwright (make test): there, a missing browser is a failure
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install -e '.[dev]')")
    if not os.access(CHROMIUM, os.X_OK):
        _unavailable(f"no {CHROMIUM} (make chromium installs it)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A page that records its console errors, dialogs and every address it asked for."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    pg.errors, pg.dialogs, pg.requests = [], [], []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("console", lambda m: m.type == "error" and pg.errors.append(m.text))
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("request", lambda r: pg.requests.append(r.url))
    yield pg
    context.close()


def _serve(db):
    srv = viewer.make_server(db, "127.0.0.1", 0)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv


def _api(srv, path):
    with urllib.request.urlopen(srv.url.rstrip("/") + path, timeout=10) as r:
        return json.loads(r.read())


@pytest.fixture(scope="module")
def example_server(tmp_path_factory):
    """The example corpus (examples/) coded into a store, served on a free port."""
    from eventcoder import api

    db = tmp_path_factory.mktemp("examples") / "examples.db"
    summary = api.run([str(ROOT / "examples")], db=db, out_dir=None, progress=False)
    assert summary.merged > 20
    srv = _serve(db)
    yield srv
    srv.shutdown()
    srv.server_close()


def _after(page, act, *args):
    """Do *act* and wait for the page to show the server's answer."""
    before = page.evaluate("window.eventcoderRenders")
    act(*args)
    page.wait_for_function("(n) => window.eventcoderRenders > n", arg=before, timeout=20_000)


def test_timeline_map_filter_and_evidence(example_server, page, tmp_path):
    srv = example_server
    everything = _api(srv, "/api/events?summary=1&limit=1000")
    events = everything["events"]
    page.goto(srv.url)
    page.wait_for_selector("body[data-ready]")

    # one page of the table; the timeline's bars and the map's places of every event
    assert page.locator("#events tbody tr").count() == min(len(events), 100)
    assert page.locator("#timeline g.bin:not(.outlier)").count() == len(everything["timeline"]["bins"]) > 0
    assert page.locator("#map circle.dot").count() == len(everything["map"]["places"]) > 0
    if _api(srv, "/api/outlines")["features"]:
        assert page.locator("#map path.country").count() > 150

    # a filter: the table, timeline and map show what the endpoint gives for the same filter
    assaults = _api(srv, "/api/events?type=ASSAULT&summary=1&limit=1000")
    _after(page, page.select_option, "select[name=type]", "ASSAULT")
    rows = page.locator("#events tbody tr")
    assert rows.count() == assaults["total"] < len(events)
    assert page.locator("#summary").inner_text().startswith(f"{assaults['total']} of {len(events)}")
    assert all("ASSAULT" in t for t in rows.locator("td:nth-child(2)").all_inner_texts())
    assert page.locator("#timeline g.bin:not(.outlier)").count() == len(assaults["timeline"]["bins"])
    assert page.locator("#map circle.dot").count() == len(assaults["map"]["places"])
    nigeria = _api(srv, "/api/events?type=ASSAULT&country=NG")
    _after(page, page.select_option, "select[name=country]", "NG")
    assert rows.count() == nigeria["total"] > 0

    # one event, reported by several sources: each one's evidence is marked in its document
    _after(page, page.select_option, "select[name=country]", "")
    located = [e for e in assaults["events"] if (e.get("location") or {}).get("lat") is not None]
    chosen = max(located, key=lambda e: len(e["sources"]))
    assert len(chosen["sources"]) > 1
    page.locator(f'#events tbody tr[data-id="{chosen["id"]}"]').click()
    page.wait_for_selector("#event mark")
    marks = page.locator("#event .doc-text mark")
    assert marks.all_text_contents() == [s["sentence"] for s in chosen["sources"]]
    claims = page.locator("#event table.claims").inner_text()
    for s in chosen["sources"]:
        assert (s.get("attributed_to") or "not said") in claims
    assert page.locator("#events tbody tr.selected").count() == 1
    page.screenshot(path=tmp_path / "viewer.png", full_page=True)
    if os.environ.get("EVENTCODER_SCREENSHOT"):
        target = ROOT / os.environ["EVENTCODER_SCREENSHOT"]
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(tmp_path / "viewer.png", target)

    # the map opens events too; a bar of the timeline sets the dates to its own
    page.locator("#event .close").click()
    page.locator("#map circle.dot").last.click()
    page.wait_for_selector("#event mark")
    bar = page.locator("#timeline g.bin:not(.outlier)").last
    start, end = bar.get_attribute("data-start"), bar.get_attribute("data-end")
    _after(page, bar.click)
    assert page.input_value("input[name=start]") == start and page.input_value("input[name=end]") == end
    total = _api(srv, f"/api/events?type=ASSAULT&start={start}&end={end}")["total"]
    assert page.locator("#events tbody tr").count() == total > 0

    assert not page.errors, page.errors
    assert all(u.startswith(srv.url) for u in page.requests), page.requests  # nothing from outside


@pytest.fixture(scope="module")
def many_server(tmp_path_factory):
    """150 events made by hand (test_viewer.make_many): one in 1884, the others in 2024."""
    db = tmp_path_factory.mktemp("many") / "many.db"
    make_many(db)
    srv = _serve(db)
    yield srv
    srv.shutdown()
    srv.server_close()


def _open(page, srv):
    page.goto(srv.url)
    page.wait_for_selector("body[data-ready]")


def test_timeline_scale_is_not_squeezed_by_an_outlier(many_server, page):
    _open(page, many_server)
    chart = page.locator("#timeline svg")
    assert chart.get_attribute("data-unit") == "week"  # 2024's months, not 140 years
    assert chart.get_attribute("data-first") == "2024-02-26"
    outlier = page.locator("#timeline g.outlier.before")
    assert outlier.get_attribute("data-start") == "1884-06-01" and "1884" in outlier.text_content()
    assert "1 event(s) far earlier (1884-06-01 to 1884-06-01)" in page.inner_text("#timeline-note")
    # the 2024 bars spread over the width, each one several pixels wide
    bars = page.locator("#timeline g.bin:not(.outlier) rect.hit")
    width = chart.bounding_box()["width"]
    first, last = bars.first.bounding_box(), bars.last.bounding_box()
    assert last["x"] + last["width"] - first["x"] > 0.8 * width and first["width"] > 20
    # the outlier's group sets the dates to it
    _after(page, outlier.click)
    assert page.input_value("input[name=start]") == "1884-06-01"
    assert page.locator("#events tbody tr").count() == 1
    assert page.locator("#timeline svg").get_attribute("data-unit") == "day"
    # a drag across the bars sets a date range
    _after(page, page.click, "button[type=reset]")
    box = page.locator("#timeline g.bin:not(.outlier) rect.hit").nth(2).bounding_box()
    end = page.locator("#timeline g.bin:not(.outlier) rect.hit").nth(6).bounding_box()
    page.mouse.move(box["x"] + 2, box["y"] + 20)
    page.mouse.down()
    page.mouse.move(end["x"] + 5, box["y"] + 25, steps=5)
    _after(page, page.mouse.up)
    start, stop = page.input_value("input[name=start]"), page.input_value("input[name=end]")
    assert "2024-03-04" <= start < stop <= "2024-04-14"
    assert not page.errors, page.errors


def test_table_sorts_and_pages_on_the_server(many_server, page):
    _open(page, many_server)
    rows = page.locator("#events tbody tr")
    date_th, killed_th = (
        page.locator("#events th[data-sort=date]"),
        page.locator("#events th[data-sort=killed]"),
    )
    assert date_th.get_attribute("aria-sort") == "descending"  # the latest first
    assert rows.first.locator("td").first.inner_text() == "2024-07-28"
    _after(page, killed_th.click)
    assert killed_th.get_attribute("aria-sort") == "descending" and date_th.get_attribute("aria-sort") is None
    assert rows.first.locator("td.num").first.inner_text() == "6"
    _after(page, killed_th.click)
    assert killed_th.get_attribute("aria-sort") == "ascending"
    assert rows.first.locator("td.num").first.inner_text() == "0"
    assert page.inner_text("#page-note") == "1–100 of 150" and rows.count() == 100
    assert page.locator("#page-prev").is_disabled()
    _after(page, page.click, "#page-next")
    assert page.inner_text("#page-note") == "101–150 of 150" and rows.count() == 50
    assert page.locator("#page-next").is_disabled()
    assert rows.last.locator("td.num").first.inner_text() == ""  # no toll: last either way
    # a filter keeps the sort and goes back to the first page
    _after(page, page.select_option, "select[name=type]", "PROTEST")
    assert page.inner_text("#page-note").startswith("1–")
    killed = [t for t in rows.locator("td:nth-child(5)").all_inner_texts() if t]
    assert killed == sorted(killed, key=int)
    assert not page.errors, page.errors


def _view(page):
    return [float(v) for v in page.locator("#map svg").get_attribute("viewBox").split()]


def test_map_zooms_with_the_wheel_and_pans_with_a_drag(many_server, page):
    _open(page, many_server)
    fitted = _view(page)
    box = page.locator("#map svg").bounding_box()
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    radius = float(page.locator("#map circle.dot").first.get_attribute("r"))
    page.mouse.move(cx + 40, cy)
    page.mouse.wheel(0, -400)
    page.wait_for_function(
        "(w) => document.querySelector('#map svg').viewBox.baseVal.width < w", arg=fitted[2]
    )
    x, y, w, h = _view(page)
    assert w < fitted[2] * 0.7 and abs(w / h - 2) < 1e-6
    # the point under the pointer stays under it
    under = fitted[0] + (40 / box["width"] + 0.5) * fitted[2]
    assert abs(x + (40 / box["width"] + 0.5) * w - under) < 0.01 * fitted[2]
    assert (
        float(page.locator("#map circle.dot").first.get_attribute("r")) < radius
    )  # dots keep their size on screen
    page.mouse.move(cx, cy)
    page.mouse.down()
    page.mouse.move(cx + 100, cy + 50, steps=5)
    page.mouse.up()
    x2, y2, w2, _ = _view(page)
    assert w2 == w and abs((x - x2) - 100 / box["width"] * w) < 0.02 * w and y2 < y
    page.click("#map-out")
    assert _view(page)[2] > w
    page.click("#map-fit")
    assert _view(page) == pytest.approx(fitted)
    page.click("#map-world")
    assert _view(page) == [-180, -84, 360, 180]
    # after a pan, a dot still opens its event
    page.locator("#map circle.dot").first.click()
    page.wait_for_selector("#event mark")
    assert not page.errors, page.errors


def test_download_the_filtered_events(many_server, page):
    _open(page, many_server)
    _after(page, page.select_option, "select[name=type]", "PROTEST")
    _after(page, page.click, "#events th[data-sort=killed]")
    with page.expect_download() as info:
        page.click("#download-csv")
    download = info.value
    assert download.suggested_filename == "events.csv"
    rows = list(csv.DictReader(open(download.path(), encoding="utf-8", newline="")))
    expected = _api(many_server, "/api/events?type=PROTEST&sort=killed&dir=desc&limit=1000")
    assert [r["id"] for r in rows] == [e["id"] for e in expected["events"]] and len(rows) == expected[
        "total"
    ] > 30
    with page.expect_download() as info:
        page.click("#download-json")
    records = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert records == expected["events"]
    assert not page.errors, page.errors


def _hostile_shows_as_text(page, url):
    page.goto(url)
    page.wait_for_selector("body[data-ready]")
    page.locator('#events tbody tr[data-id="m-attack"]').click()
    page.wait_for_selector("#event mark")
    page.wait_for_timeout(300)  # time for an injected onerror to fire, were there one
    assert page.dialogs == []
    assert page.locator("img").count() == 0 and page.locator("body script").count() <= 2
    assert page.locator("#event .doc-text mark").first.text_content() == EVIDENCE
    shown = page.locator("#event").inner_text()
    assert HOSTILE in shown and HOSTILE_IMG in shown
    assert HOSTILE in page.locator("#events tbody").inner_text()  # the actor's name, in the table
    assert not page.errors, page.errors


def test_hostile_text_is_shown_as_text(page, tmp_path):
    db = tmp_path / "hostile.db"
    make_store(db)
    srv = _serve(db)
    try:
        _hostile_shows_as_text(page, srv.url)
    finally:
        srv.shutdown()
        srv.server_close()
    report = tmp_path / "report.html"
    with open(report, "w", encoding="utf-8") as f:
        viewer.write_report(db, f)
    _hostile_shows_as_text(page, report.as_uri())


def test_the_report_answers_as_the_server_does(many_server, page, tmp_path):
    """The one-file report filters, sorts, pages and summarises its embedded events itself
    (viewer.js, localQuery): the same answers as the server's."""
    report = tmp_path / "many.html"
    with open(report, "w", encoding="utf-8") as f:
        viewer.write_report(Path(many_server.data.db), f)
    page.goto(report.as_uri())
    page.wait_for_selector("body[data-ready]")
    assert page.locator("#downloads").is_hidden()
    for query, act in (
        ("", None),
        ("type=PROTEST", lambda: page.select_option("select[name=type]", "PROTEST")),
        ("type=PROTEST&q=burned", lambda: page.fill("input[name=q]", "burned")),
        ("type=PROTEST&q=burned&telling=news", lambda: page.select_option("select[name=telling]", "news")),
    ):
        if act:
            _after(page, act)
        answer = _api(many_server, f"/api/events?summary=1&sort=date&dir=desc&{query}")
        starts = page.locator("#timeline g.bin:not(.outlier)").evaluate_all(
            "gs => gs.map(g => g.dataset.start)"
        )
        assert starts == [b["start"] for b in answer["timeline"]["bins"]], query
        assert page.locator("#timeline g.outlier").count() == (answer["timeline"]["before"] is not None), (
            query
        )
        dots = page.locator("#map circle.dot").evaluate_all("cs => cs.map(c => [c.dataset.id, +c.dataset.n])")
        assert sorted(dots) == sorted([p["id"], p["n"]] for p in answer["map"]["places"]), query
        ids = page.locator("#events tbody tr").evaluate_all("rs => rs.map(r => r.dataset.id)")
        assert ids == [e["id"] for e in answer["events"]], query
    for column, direction in (("actor", "asc"), ("killed", "desc"), ("killed", "asc")):
        _after(page, page.click, f"#events th[data-sort={column}]")
        answer = _api(
            many_server, f"/api/events?sort={column}&dir={direction}&type=PROTEST&q=burned&telling=news"
        )
        ids = page.locator("#events tbody tr").evaluate_all("rs => rs.map(r => r.dataset.id)")
        assert ids == [e["id"] for e in answer["events"]], (column, direction)
    assert not page.errors, page.errors
