"""The viewer in a real browser: Debian's headless Chromium driven by Playwright.

Set EVENTCODER_SCREENSHOT=docs/viewer.png to write the README's screenshot (a copy always goes to
the test's tmp_path).
"""

import json
import os
import shutil
import threading
import urllib.request
from pathlib import Path

import pytest

from eventcoder.viewer import server as viewer

from .test_viewer import EVIDENCE, HOSTILE, HOSTILE_IMG, make_store

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


def test_timeline_map_filter_and_evidence(example_server, page, tmp_path):
    srv = example_server
    events = _api(srv, "/api/events")["events"]
    page.goto(srv.url)
    page.wait_for_selector("body[data-ready]")

    dated = [e for e in events if (e.get("date") or {}).get("start")]  # unresolved dates keep only words
    located = [e for e in events if (e.get("location") or {}).get("lat") is not None]
    assert page.locator("#timeline rect.mark").count() == len(dated) > 0
    assert page.locator("#map circle.dot").count() == len(located) > 0
    assert page.locator("#events tbody tr").count() == len(events)
    if _api(srv, "/api/outlines")["features"]:
        assert page.locator("#map path.country").count() > 150

    # a filter: the table, timeline and map show what the endpoint gives for the same filter
    assaults = _api(srv, "/api/events?type=ASSAULT")["events"]
    page.select_option("select[name=type]", "ASSAULT")
    rows = page.locator("#events tbody tr")
    assert rows.count() == len(assaults) < len(events)
    assert all("ASSAULT" in t for t in rows.locator("td:nth-child(2)").all_inner_texts())
    assert page.locator("#timeline rect.mark").count() == sum(
        1 for e in assaults if (e.get("date") or {}).get("start")
    )
    nigeria = _api(srv, "/api/events?type=ASSAULT&country=NG")["events"]
    page.select_option("select[name=country]", "NG")
    assert rows.count() == len(nigeria) > 0

    # one event, reported by several sources: each one's evidence is marked in its document
    page.select_option("select[name=country]", "")
    chosen = max((e for e in assaults if e in located), key=lambda e: len(e["sources"]))
    assert len(chosen["sources"]) > 1
    page.locator(f'#events tbody tr[data-id="{chosen["id"]}"]').click()
    page.wait_for_selector("#event mark")
    marks = page.locator("#event .doc-text mark")
    assert marks.all_text_contents() == [s["sentence"] for s in chosen["sources"]]
    claims = page.locator("#event table.claims").inner_text()
    for s in chosen["sources"]:
        assert (s.get("attributed_to") or "not said") in claims
    assert page.locator("#events tbody tr.selected").count() == 1
    assert page.locator("#map circle.dot.selected").count() == 1
    page.screenshot(path=tmp_path / "viewer.png", full_page=True)
    if os.environ.get("EVENTCODER_SCREENSHOT"):
        target = ROOT / os.environ["EVENTCODER_SCREENSHOT"]
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(tmp_path / "viewer.png", target)

    # the timeline and the map open events too
    page.locator("#timeline rect.mark").first.click()
    page.wait_for_function("document.querySelector('#timeline rect.mark.selected') !== null")
    page.locator("#map circle.dot").last.click()
    page.wait_for_selector("#event mark")

    assert not page.errors, page.errors
    assert all(u.startswith(srv.url) for u in page.requests), page.requests  # nothing from outside


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
