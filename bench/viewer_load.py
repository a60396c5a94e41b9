"""Load test of the viewer: N concurrent requests to ``/api/events`` on a synthetic store.

    python bench/viewer_load.py [--events 100000] [--requests 200] [--concurrency 200]

Builds a store of EVENTS document-level events by hand (no model needed; one document per
event), serves it with the viewer's server on a free port, fires REQUESTS requests from
CONCURRENCY threads at once (each asks one type and country, as the page's filters do; ``--all``
asks every event: the first page of 100 and their total) and prints the error count and the p50/p90/p99 latencies.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from eventcoder.io.store import Store
from eventcoder.model import DateSpan, Document, Event, Party, Place, Source
from eventcoder.viewer import server as viewer

TYPES = ["ASSAULT", "PROTEST", "COERCE", "AGREE"]
PLACES = [Place("Gwoza", "NG", 11.08, 13.69, "town"), Place("Tbilisi", "GE", 41.69, 44.83, "town")]


def build(db: Path, n: int) -> None:
    with Store(db) as store:
        store.db.execute("PRAGMA synchronous=OFF")
        for i in range(n):
            text = f"Report {i}: gunmen attacked the town on Sunday, police said."
            doc = Document(id=f"d{i}", text=text, published="2024-05-13")
            ev = Event(
                id=f"e{i}",
                type=TYPES[i % len(TYPES)],
                date=DateSpan(
                    f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
                    f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
                    "day",
                ),
                actor=Party(name="Gunmen"),
                location=PLACES[i % len(PLACES)],
                sources=[Source(doc_id=doc.id, sentence=text, start=0, end=len(text))],
            )
            store.replace_document(doc, [ev], "bench")


def fire(url: str, requests: int, concurrency: int) -> tuple[int, list[float]]:
    def one(i: int) -> float | None:
        t = time.perf_counter()
        try:
            with urllib.request.urlopen(url, timeout=300) as r:
                r.read()
                return time.perf_counter() - t if r.status == 200 else None
        except OSError:
            return None

    with ThreadPoolExecutor(concurrency) as pool:
        times = list(pool.map(one, range(requests)))
    ok = [t for t in times if t is not None]
    return len(times) - len(ok), ok


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--concurrency", type=int, default=200)
    ap.add_argument("--all", action="store_true", help="ask for every event, not one type and country")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "load.db"
        t = time.perf_counter()
        build(db, args.events)
        print(f"store of {args.events:,} events built in {time.perf_counter() - t:.0f} s")
        srv = viewer.make_server(db, "127.0.0.1", 0)
        threading.Thread(target=srv.serve_forever, daemon=True).start()
        query = "" if args.all else "?type=PROTEST&country=GE&start=2024-03-01&end=2024-03-31"
        url = srv.url + "api/events" + query
        urllib.request.urlopen(url, timeout=600).read()  # the snapshot is read once, before the burst
        t = time.perf_counter()
        errors, ok = fire(url, args.requests, args.concurrency)
        wall = time.perf_counter() - t
        srv.shutdown()
        srv.server_close()
    q = statistics.quantiles(ok, n=100) if len(ok) > 1 else [0.0] * 99
    print(
        f"{args.requests} requests, {args.concurrency} at once: {errors} errors; "
        f"p50 {q[49]:.2f} s, p90 {q[89]:.2f} s, p99 {q[98]:.2f} s; {wall:.1f} s in all"
    )


if __name__ == "__main__":
    main()
