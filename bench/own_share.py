"""Eventcoder's own Python as a share of a run, by a sampling profiler (issue 19).

    python bench/own_share.py .bench/distinct-sample.jsonl [--py-spy PATH] [--rate 250]

Runs ``api.extract`` in one process under py-spy (``pip install py-spy``; not a dependency of the
project), after a warm-up (model, gazetteer, language identifier loaded: outside the figures),
and counts the samples taken inside ``extract`` by the innermost frame that is eventcoder's or
spaCy's/thinc's: a sample in a library that eventcoder calls (re, dateparser, py3langid, sqlite3)
counts as eventcoder's, and so does the work of spaCy's token attributes that eventcoder's rules
read (Cython properties show no frame of their own). Unlike cProfile, sampling does not slow
Python more than compiled code. Prints the shares, the stages and eventcoder's costliest functions.
"""

from __future__ import annotations

import argparse
import collections
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STAGES = (
    ("find_mentions (", "sentence stage (eventcoder_events)"),
    ("build_events (", "document stage (build_events)"),
    ("read_inputs (", "read and decode"),
    ("write_jsonl (", "write JSON Lines"),
    ("FastAttributes.__call__ (", "eventcoder_attributes"),
)


def child(path: str) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    import speed_bench

    from eventcoder import api
    from eventcoder.nlp.language import identify_language
    from eventcoder.options import Options

    options = Options(processes=1)
    speed_bench._warm_eventcoder(options)
    identify_language(speed_bench.WARM_TEXT * 3)
    with open(os.devnull, "w") as out:
        api.extract([path], options, out=out, progress=False)


def _owner(frame: str) -> tuple[str, str]:
    m = re.match(r"(.*) \((.*?):\d+\)$", frame)
    if not m:
        return "other", frame
    path = m.group(2)
    top = path.split("/")[0]
    if top == "eventcoder":
        return "eventcoder", f"{path.split('/', 1)[1]}:{m.group(1)}"
    if top in ("spacy", "thinc", "numpy", "blis", "srsly"):
        return "spaCy", path
    return "other", path


def summarise(raw: str) -> dict:
    owners: collections.Counter[str] = collections.Counter()
    stages: collections.Counter[str] = collections.Counter()
    functions: collections.Counter[str] = collections.Counter()
    total = 0
    for line in raw.splitlines():
        stack, _, n = line.rpartition(" ")
        frames = stack.split(";")
        if not any(f.startswith("extract (eventcoder/api.py") for f in frames):
            continue
        total += int(n)
        who, name = next(
            (_owner(f) for f in reversed(frames) if _owner(f)[0] != "other"), ("other", frames[-1])
        )
        owners[who] += int(n)
        if who == "eventcoder":
            functions[name] += int(n)
        for key, stage in STAGES:
            if any(f.startswith(key) for f in frames):
                stages[stage] += int(n)
    return {"total": total, "owners": owners, "stages": stages, "functions": functions.most_common(15)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus")
    ap.add_argument("--py-spy", default=shutil.which("py-spy") or "py-spy")
    ap.add_argument("--rate", type=int, default=250, help="samples a second")
    ap.add_argument("--raw", help="keep py-spy's raw samples in this file")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.corpus)
        return
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "raw.txt"
        cmd = [args.py_spy, "record", "-r", str(args.rate), "--format", "raw", "-o", str(out), "--"]
        subprocess.run([*cmd, sys.executable, __file__, args.corpus, "--child"], check=True)
        found = summarise(out.read_text(encoding="utf-8"))
        if args.raw:
            shutil.copyfile(out, args.raw)
    total = found["total"]
    print(f"{total} samples in extract ({total / args.rate:.1f} s)")
    for name, n in found["owners"].most_common():
        print(f"  {name}: {n / total:.1%}")
    for name, n in found["stages"].most_common():
        print(f"  {name} (inclusive): {n / total:.1%}")
    for name, n in found["functions"]:
        print(f"    {n / total:.2%} {name}")


if __name__ == "__main__":
    main()
