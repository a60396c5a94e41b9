"""Merging benchmark: how long eventcoder takes to merge N document-level events.

    python bench/merge_bench.py            # 200,000 events (issue 7's target: under 2 minutes)
    python bench/merge_bench.py -n 20000   # a quicker look

It generates a synthetic corpus of document-level events, as the extractor writes them: real
events in ~70 countries over three years, each reported by one to four documents with their own
dates (day, week or month precision), places (town or province), figures and wording; then times
``eventcoder.merge.cluster`` over all of them (blocking, scoring, clustering and the merged
records) in one process, and reports events a second and how many merged events came out against
how many real events were generated. Speed is measured here, never in a test.
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import date, timedelta

from eventcoder.corpus.merge import cluster
from eventcoder.model import Count, DateSpan, Event, Party, Place, Source

TYPES = ["ASSAULT"] * 6 + ["COERCE", "PROTEST", "MOBILIZE", "ACCUSE", "AGREE"]
VERBS = ["attacked", "stormed", "shelled", "raided", "bombed", "struck", "ambushed"]
NOUNS = ["village", "market", "checkpoint", "camp", "convoy", "base", "school", "mosque", "hospital"]


def corpus(n: int, seed: int = 7) -> tuple[list[Event], int]:
    rng = random.Random(seed)
    countries = [f"C{i:02d}" for i in range(70)]
    towns = [
        (c, f"Town{c}{j}", rng.uniform(-30, 50), rng.uniform(-20, 120)) for c in countries for j in range(40)
    ]
    actors = [f"Group {i}" for i in range(300)]
    events, real, doc = [], 0, 0
    day0 = date(2022, 1, 1)
    while len(events) < n:
        real += 1
        country, town, lat, lon = rng.choice(towns)
        when = day0 + timedelta(days=rng.randrange(3 * 365))
        kind, actor = rng.choice(TYPES), rng.choice(actors)
        killed = rng.choice([None, rng.randrange(1, 60)])
        verb, noun = rng.choice(VERBS), rng.choice(NOUNS)
        for _ in range(rng.choice([1, 1, 2, 3, 4])):
            doc += 1
            prec = rng.choice(["day", "day", "day", "week", "month"])
            start, end = when, when
            if prec == "week":
                start, end = when - timedelta(days=rng.randrange(7)), when + timedelta(days=6)
            elif prec == "month":
                start, end = (
                    when.replace(day=1),
                    (when.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1),
                )
            k = killed if killed is None else max(1, killed + rng.randrange(-3, 4))
            words = (
                f"{actor} fighters {verb} a {noun} in {town} killing {k or 'several'} people witnesses said"
            )
            src = Source(doc_id=f"d{doc}", sentence=words, start=0, end=len(words), fatalities=k)
            at_town = rng.random() < 0.8
            place = Place(
                town if at_town else f"Province {country}",
                country,
                lat if at_town else lat + 0.5,
                lon if at_town else lon + 0.5,
                "town" if at_town else "admin1",
            )
            events.append(
                Event(
                    id=f"ev-{doc}",
                    type=kind,
                    sources=[src],
                    date=DateSpan(start.isoformat(), end.isoformat(), prec),
                    actor=Party(actor),
                    target=Party("Civilians"),
                    location=place,
                    fatalities=Count(k, k, k) if k else None,
                    confidence=0.8,
                )
            )
    return events[:n], real


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=200_000, help="document-level events (default 200,000)")
    args = ap.parse_args()
    t0 = time.perf_counter()
    events, real = corpus(args.n)
    t1 = time.perf_counter()
    clusters = cluster(events)
    t2 = time.perf_counter()
    print(f"generated {len(events):,} document-level events of {real:,} real events in {t1 - t0:.1f} s")
    print(
        f"merged into {len(clusters):,} events in {t2 - t1:.1f} s ({len(events) / (t2 - t1):,.0f} events/s)"
    )
    print(
        f"target (issue 7): 200,000 events under 120 s -> {'met' if t2 - t1 < 120 or args.n < 200_000 else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
