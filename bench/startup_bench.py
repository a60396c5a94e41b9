"""Start-up time of commands that code nothing: the median wall time of 5 runs of each, in fresh
processes, and what ``import eventcoder.cli`` costs and pulls in.

    python bench/startup_bench.py [--db STORE] [--runs 5]

Without --db, the example corpus is coded once into a temporary store (not timed) so that
``stats`` and ``export`` have something to read. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("spacy", "thinc", "torch", "dask", "distributed", "pandas", "pyarrow", "dateparser", "numpy")


def wall(argv: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def import_time() -> tuple[float, list[str]]:
    """Cumulative microseconds of ``import eventcoder.cli`` (-X importtime), and the heavy
    libraries it imported."""
    code = f"import sys, eventcoder.cli; print(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r})))"
    r = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True, check=True
    )
    line = next(x for x in r.stderr.splitlines() if re.search(r"\|\s*eventcoder\.cli$", x))
    return int(line.split("|")[1]) / 1e6, eval(r.stdout.strip())  # noqa: S307 (our own print)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    ec = [sys.executable, "-m", "eventcoder"]
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or os.path.join(tmp, "ex.db")
        if not args.db:
            subprocess.run([*ec, "run", str(ROOT / "examples"), "--db", db, "--out", tmp, "-q"], check=True)
        seconds, heavy = import_time()
        print(f"load average {os.getloadavg()[0]:.1f}; median of {args.runs} runs\n")
        print("| command | seconds |\n| --- | ---: |")
        print(
            f"| `import eventcoder.cli` (-X importtime; heavy: {', '.join(heavy) or 'none'}) | {seconds:.2f} |"
        )
        print(
            f"| `python -c pass` (the interpreter alone) | {wall([sys.executable, '-c', 'pass'], args.runs):.2f} |"
        )
        for cmd in (
            ["--help"],
            ["stats", "--help"],
            ["stats", "--db", db],
            ["export", "--db", db, "-o", os.devnull],
        ):
            shown = " ".join("STORE" if c == db else c for c in cmd)
            print(f"| `eventcoder {shown}` | {wall([*ec, *cmd], args.runs):.2f} |")
        env = {
            **os.environ,
            "_EVENTCODER_COMPLETE": "bash_complete",
            "COMP_WORDS": "eventcoder st",
            "COMP_CWORD": "1",
        }
        times = []
        for _ in range(args.runs):
            t = time.perf_counter()
            subprocess.run(ec, env=env, capture_output=True)
            times.append(time.perf_counter() - t)
        print(f"| tab completion (`eventcoder st<TAB>`) | {statistics.median(times):.2f} |")


if __name__ == "__main__":
    main()
