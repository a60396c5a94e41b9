"""Benchmark of the gazetteer: how long an existing index takes to load, and look-ups a second.

Usage (from the repository root, in the project's virtualenv)::

    python bench/gazetteer_bench.py [--n 20000] [--seed 1]

The index is built first if it is not in the cache yet (``$EVENTCODER_CACHE`` or
``~/.cache/eventcoder``; about 20 s, reported separately). Then it prints:

* load: opening the existing index in a fresh ``Gazetteer`` (what a new process pays);
* cold look-ups a second: ``candidates()`` on N distinct names drawn at random from the index's
  own places (real names with their real ambiguity: "Paris", "San Jose" ...), each asked once,
  so that nothing comes from the in-memory cache;
* warm look-ups a second: the same names asked again (the cache, as in a corpus where names repeat);
* misses a second: words that name no place, as when every capitalised token is tried;
* the index's size on disk.

The numbers are for one process on one core. The issue asks for a load under 1 s and at least
50,000 look-ups a second.
"""

from __future__ import annotations

import argparse
import os
import random
import time

from eventcoder.lexicons import gazetteer as gz


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=20_000, help="number of distinct names to look up")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    t = time.perf_counter()
    path = gz.ensure_index()
    built = time.perf_counter() - t
    if built > 1:
        print(f"index built in {built:.1f} s")

    t = time.perf_counter()
    g = gz.Gazetteer(path)
    load = time.perf_counter() - t

    rng = random.Random(args.seed)
    names = sorted({p.name for p in g.places()})
    sample = rng.sample(names, min(args.n, len(names)))
    misses = [f"Zq{rng.randrange(10**6)}x" for _ in range(len(sample))]

    t = time.perf_counter()
    found = sum(1 for name in sample if g.candidates(name))
    cold = len(sample) / (time.perf_counter() - t)

    t = time.perf_counter()
    for _ in range(3):
        for name in sample:
            g.candidates(name)
    warm = 3 * len(sample) / (time.perf_counter() - t)

    t = time.perf_counter()
    for word in misses:
        g.candidates(word)
    miss = len(misses) / (time.perf_counter() - t)

    print(f"index: {path} ({os.path.getsize(path) / 1e6:.1f} MB, {len(g):,} places)")
    print(f"load of the existing index: {load * 1000:.1f} ms")
    print(f"cold look-ups: {cold:,.0f}/s ({len(sample):,} distinct names, {found:,} found)")
    print(f"warm look-ups: {warm:,.0f}/s")
    print(f"misses:        {miss:,.0f}/s")


if __name__ == "__main__":
    main()
