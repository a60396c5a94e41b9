"""The viewer's page in Chromium on a store of 100,000 merged events: first paint and filter response.

    python bench/viewer_page.py [--events 100000] [--db /tmp/viewer-100k.db] [--runs 5]

Builds (or reuses, with --db) a store of EVENTS merged events made up by hand (no model: 1,000
documents of 100 events each; dates over 2023-2025 with a tail of older ones and one in 1884;
600 places in 25 countries; 5 % undated, 3 % without coordinates), serves it with the viewer's
server on a free port and drives Debian's headless Chromium (as tests/viewer/test_browser.py
does). It prints the server's start (reading the store), the page's first paint (navigation to the
table's first rows, the timeline and the map drawn), and the median response to a filter change
(a type, a country, a text search) and to a sort by a column, over RUNS runs.
"""

from __future__ import annotations

import argparse
import random
import statistics
import threading
import time
from pathlib import Path

from eventcoder.io.store import Store
from eventcoder.model import Count, DateSpan, Document, Event, Party, Place, Source
from eventcoder.viewer import server as viewer

CHROMIUM = "/usr/bin/chromium"
TYPES = ["ASSAULT"] * 6 + ["PROTEST"] * 4 + ["COERCE"] * 2 + ["AGREE", "MOBILIZE", "THREATEN", "ACCUSE"]
COUNTRIES = {
    "NG": (9, 8), "ML": (17, -4), "BF": (12, -2), "SD": (15, 30), "ET": (9, 39), "SO": (5, 46),
    "CD": (-3, 23), "UA": (49, 32), "RU": (56, 38), "GE": (42, 44), "SY": (35, 38), "IQ": (33, 44),
    "YE": (15, 48), "AF": (34, 66), "PK": (30, 70), "IN": (22, 79), "MM": (21, 96), "PH": (12, 122),
    "MX": (23, -102), "CO": (4, -73), "VE": (7, -66), "BR": (-10, -52), "HT": (19, -72),
    "FR": (46, 2), "US": (39, -98),
}  # fmt: skip
ACTORS = ["Gunmen", "Police", "Soldiers", "Protesters", "Militants", "Government", "Rebels", "Students"]


def _date(rng: random.Random, i: int) -> DateSpan | None:
    if i == 7:
        return DateSpan("1884-03-02", "1884-03-02", "day")
    roll = rng.random()
    if roll < 0.05:
        return None
    if roll < 0.06:
        year = rng.randint(1990, 2015)
        return DateSpan(f"{year}-01-01", f"{year}-12-31", "year")
    day = 738521 + int(rng.triangular(0, 900, 700))  # 2023-01-01 onwards, more of them lately
    from datetime import date

    iso = date.fromordinal(day).isoformat()
    return DateSpan(iso, iso, "day")


def _event(rng: random.Random, i: int, doc: Document, places: list[Place]) -> Event:
    text = doc.text.split("\n")[i % 100]
    place = places[rng.randrange(len(places))]
    killed = rng.choice([None, None, 0, 1, 2, 3, 5, 8, 12, 40])
    return Event(
        id=f"m{i:06d}",
        type=rng.choice(TYPES),
        date=_date(rng, i),
        actor=Party(name=rng.choice(ACTORS), text="gunmen"),
        target=Party(name=rng.choice(ACTORS[::-1])),
        location=place,
        fatalities=Count(killed, killed, killed) if killed is not None else None,
        sources=[
            Source(
                doc_id=doc.id,
                sentence=text,
                start=doc.text.index(text),
                end=doc.text.index(text) + len(text),
                telling="background" if rng.random() < 0.05 else "news",
            )
        ],
        extra={"members": [f"e{i:06d}"]},
    )


def build(db: Path, n: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    places = []
    for k in range(600):
        code = list(COUNTRIES)[k % len(COUNTRIES)]
        lat, lon = COUNTRIES[code]
        located = rng.random() > 0.03
        places.append(
            Place(
                f"Place {k}",
                code,
                round(lat + rng.uniform(-3, 3), 3) if located else None,
                round(lon + rng.uniform(-3, 3), 3) if located else None,
                "town" if located else "country",
            )
        )
    merged = []
    with Store(db) as store:
        store.db.execute("PRAGMA synchronous=OFF")
        for d in range(0, n, 100):
            lines = [
                f"Report {d + k}: {rng.choice(ACTORS)} attacked a market, police said." for k in range(100)
            ]
            doc = Document(id=f"doc{d // 100:05d}", text="\n".join(lines), published="2025-06-30")
            events = [_event(rng, d + k, doc, places) for k in range(min(100, n - d))]
            store.replace_document(doc, events, "bench")
            merged += events
        store.replace_merged(merged)


def measure(url: str, runs: int, screenshot: Path | None = None) -> dict[str, list[float]]:
    from playwright.sync_api import sync_playwright

    out: dict[str, list[float]] = {"first paint": [], "filter": [], "text": [], "sort": []}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            t = time.perf_counter()
            page.goto(url)
            page.wait_for_selector("body[data-ready]", timeout=120_000)
            out["first paint"].append(time.perf_counter() - t)
            if screenshot:
                page.screenshot(path=screenshot, full_page=True)
            for key, act in (
                ("filter", lambda pg: pg.select_option("select[name=type]", "PROTEST")),
                ("filter", lambda pg: pg.select_option("select[name=country]", "NG")),
                ("text", lambda pg: pg.fill("input[name=q]", "market")),
                ("sort", lambda pg: pg.click("#events th[data-sort=killed]")),
            ):
                out[key].append(_timed(page, act))
            page.close()
        browser.close()
    return out


def _timed(page, act) -> float:
    before = page.evaluate("window.eventcoderRenders || 0")
    t = time.perf_counter()
    act(page)
    page.wait_for_function("(n) => (window.eventcoderRenders || 0) > n", arg=before, timeout=60_000)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--db", type=Path, default=Path("/tmp/viewer-100k.db"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--build-only", action="store_true")
    ap.add_argument("--screenshot", type=Path, help="write the page as first painted to this PNG")
    args = ap.parse_args()
    if not args.db.exists():
        t = time.perf_counter()
        build(args.db, args.events)
        print(f"store of {args.events:,} merged events built in {time.perf_counter() - t:.0f} s")
    if args.build_only:
        return
    t = time.perf_counter()
    srv = viewer.make_server(args.db, "127.0.0.1", 0)
    import resource

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"server ready in {time.perf_counter() - t:.1f} s (reads the store), peak memory {rss:.0f} MB")
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        times = measure(srv.url, args.runs, args.screenshot)
    finally:
        srv.shutdown()
        srv.server_close()
    for name, values in times.items():
        print(
            f"{name}: median {statistics.median(values):.2f} s, max {max(values):.2f} s ({len(values)} runs)"
        )


if __name__ == "__main__":
    main()
