"""The command line through its real entry point (python -m eventcoder), on temporary files."""

import csv
import io
import json
import re
import subprocess
import sys

import pytest

from .conftest import ROOT, SHARED

pytestmark = pytest.mark.slow

REPORT = (
    "Gunmen attack police post in Borno\n\n"
    "Gunmen attacked a police post in Gwoza on Sunday, killing four officers, police said.\n\n"
    "The army denied that it had shelled the town."
)


@pytest.fixture
def corpus(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "r1.txt").write_text(REPORT, encoding="utf-8")
    (d / "w.jsonl").write_text(
        json.dumps(
            {"id": "w1", "text": "Police arrested 12 protesters in Tbilisi.", "published": "2024-05-02"}
        )
        + "\n",
        encoding="utf-8",
    )
    return d


def records(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_extract_writes_schema_valid_records(cli, corpus, validate):
    r = cli("extract", corpus / "r1.txt", "--published", "2024-05-13")
    assert r.returncode == 0, r.stderr
    recs = records(r.stdout)
    assert recs, "the report holds an attack"
    for rec in recs:
        validate(rec)
        assert rec["sources"][0]["doc_id"] == "r1"
        s = rec["sources"][0]
        assert REPORT[s["start"] : s["end"]] == s["sentence"]


def test_extract_seed_document_id(cli, validate):
    seed = SHARED / "seed" / "000_dd6600ad609501c8.txt"
    if not seed.exists():
        pytest.skip("shared/ not beside the checkout")
    r = cli("extract", seed)
    assert r.returncode == 0, r.stderr
    recs = records(r.stdout)
    assert recs
    for rec in recs:
        validate(rec)
        assert rec["sources"][0]["doc_id"] == "000_dd6600ad609501c8"


def test_extract_to_file_and_from_stdin(cli, tmp_path):
    out = tmp_path / "o.jsonl"
    r = cli("extract", "-", "-o", out, "--quiet", stdin=REPORT)
    assert r.returncode == 0, r.stderr
    assert all(rec["sources"][0]["doc_id"].startswith("stdin-") for rec in records(out.read_text()))


def test_run_twice_leaves_stats_unchanged(cli, corpus, tmp_path):
    db, out = tmp_path / "e.db", tmp_path / "out"
    r1 = cli("run", corpus, "--db", db, "--out", out)
    assert r1.returncode == 0, r1.stderr
    assert "documents read" in r1.stdout
    s1 = cli("stats", "--db", db, "--json")
    r2 = cli("run", corpus, "--db", db, "--out", out)
    assert r2.returncode == 0, r2.stderr
    s2 = cli("stats", "--db", db, "--json")
    assert json.loads(s1.stdout) == json.loads(s2.stdout)
    assert json.loads(s1.stdout)["documents"] == 2
    assert re.search(r"unchanged\s+2\n", r2.stdout) and re.search(r"processed\s+0\n", r2.stdout)
    lines = (out / "events.jsonl").read_text().splitlines()
    assert len(lines) == json.loads(s2.stdout)["merged"]  # run writes merged events
    ids1 = {json.loads(x)["id"] for x in lines}
    m = cli("merge", "--db", db)
    assert m.returncode == 0 and "merged events" in m.stderr
    ids2 = {r["id"] for r in records(cli("export", "--db", db).stdout)}
    assert ids1 == ids2  # merged ids are stable from run to run


def test_run_reports_skipped_inputs_with_exit_1(cli, corpus, tmp_path):
    (corpus / "broken.jsonl").write_text('{"id": "ok", "text": "Troops shelled Avdiivka."}\n{oops\n')
    (corpus / "blob.txt").write_bytes(b"\x00\x00binary")
    r = cli("run", corpus, "--db", tmp_path / "e.db", "--out", tmp_path / "o")
    assert r.returncode == 1
    assert "broken.jsonl:2" in r.stdout and "malformed JSON" in r.stdout
    assert "blob.txt: binary file" in r.stdout
    assert "skipped" in r.stderr  # one line per skipped input on stderr (logging)


def test_usage_errors_exit_2(cli, tmp_path):
    assert cli("extract").returncode == 2
    r = cli("extract", "x.txt", "--published", "yesterday")
    assert r.returncode == 2 and "YYYY-MM-DD" in r.stderr
    r = cli("stats", "--db", tmp_path / "none.db")
    assert r.returncode == 2 and "no store" in r.stderr
    assert cli("export", "--format", "xml").returncode == 2


def test_export_formats(cli, corpus, tmp_path):
    db = tmp_path / "e.db"
    assert cli("run", corpus, "--db", db, "--out", tmp_path / "o", "-q").returncode == 0
    n = json.loads(cli("stats", "--db", db, "--json").stdout)["events"]
    merged = json.loads(cli("stats", "--db", db, "--json").stdout)["merged"]
    assert len(records(cli("export", "--db", db).stdout)) == merged
    j = cli("export", "--db", db, "--format", "jsonl", "--level", "document")
    assert len(records(j.stdout)) == n
    c = cli("export", "--db", db, "--format", "csv", "--level", "document")
    rows = list(csv.DictReader(io.StringIO(c.stdout)))
    assert len(rows) == n and {"type", "actor", "fatalities_best", "evidence"} <= set(rows[0])
    g = json.loads(cli("export", "--db", db, "--format", "geojson", "--level", "document").stdout)
    assert g["type"] == "FeatureCollection" and len(g["features"]) == n


def test_evaluate_matches_reference_scorer(cli, tmp_path):
    gold = SHARED / "gold" / "seed.gold.json"
    seed = SHARED / "seed" / "000_dd6600ad609501c8.txt"
    scorer = SHARED / "eval" / "score.py"
    if not (gold.exists() and scorer.exists()):
        pytest.skip("shared/ not beside the checkout")
    pred = tmp_path / "p.jsonl"
    assert cli("extract", seed, "-o", pred).returncode == 0
    ours = cli("evaluate", "--gold", gold, "--pred", pred)
    ref = subprocess.run([sys.executable, scorer, pred, gold], capture_output=True, text=True)
    assert ours.returncode == 0, ours.stderr
    assert ours.stdout == ref.stdout
    via_input = cli("evaluate", "--gold", gold, "--input", seed)
    assert via_input.stdout == ref.stdout


def test_make_run_command_in_readme():
    readme = (ROOT / "README.md").read_text()
    assert "make run" in readme and "make test" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_evaluate_takes_many_gold_files_after_one_option(cli):
    dev = ROOT / "tests" / "data" / "dev"
    golds = sorted((dev / "gold").glob("*.gold.json"))[:3]
    r = cli("evaluate", "--gold", *golds, "--input", dev / "docs")
    assert r.returncode == 0, r.stderr
    scored = [ln.split()[0] for ln in r.stdout.splitlines() if re.match(r"\s*dev_\d+\s+core", ln)]
    assert scored == ["dev_001", "dev_002", "dev_003"] and "F1=" in r.stdout


def test_merge_is_incremental_and_removal_takes_only_its_reports(cli, tmp_path, validate):
    one = "Gunmen stormed the town of Mafa in Borno State on Tuesday, killing 12 people, residents said."
    two = (
        "Islamist fighters attacked Mafa in Nigeria's Borno State on Tuesday, killing at least 11 villagers."
    )
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "r1.txt").write_text(one)
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "r2.txt").write_text(two)
    db = tmp_path / "e.db"
    assert cli("run", tmp_path / "a", "--db", db, "--published", "2024-03-14", "-q").returncode == 0
    [first] = records(cli("export", "--db", db).stdout)
    assert cli("run", tmp_path / "b", "--db", db, "--published", "2024-03-14", "-q").returncode == 0
    [merged] = records(cli("export", "--db", db).stdout)
    assert merged["id"] == first["id"] and len(merged["sources"]) == 2  # r1 was not coded again
    validate(merged)  # merged records follow the schema (with their added fields)
    assert (merged["fatalities"]["low"], merged["fatalities"]["high"]) == (11, 12)
    assert cli("remove", "r1", "--db", db).returncode == 0
    [left] = records(cli("export", "--db", db).stdout)
    assert left["id"] == first["id"] and [s["doc_id"] for s in left["sources"]] == ["r2"]


# -- hardening: no input stops a run, corrupts a text or replaces a document ---------------------
ATTACK = "Gunmen attacked a police post in Gwoza on Sunday, killing four officers, police said."


def test_one_bad_document_never_stops_a_run(cli, corpus, tmp_path):
    bad = corpus / "bad.jsonl"
    lines = [
        '{"id": "sur", "text": "Gunmen attacked Gwoza \\ud800 on Sunday, killing four, police said."}',
        "[" * 2000 + "]" * 2000,
        json.dumps({"id": "num", "text": ATTACK, "title": 12, "url": {"a": 1}}),
        json.dumps({"id": "long", "text": (ATTACK + " ") * 12_000}),  # past spaCy's 1,000,000
    ]
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "e.db"
    r = cli("run", corpus, "--db", db, "--out", tmp_path / "o", "--max-chars", "2000000")
    assert r.returncode == 1, r.stderr
    assert "Traceback" not in r.stderr
    assert f"{bad}:2: malformed JSON: nested too deeply" in r.stdout
    assert f"{bad}:4: extraction failed: too long for the spaCy model" in r.stdout
    assert "lone surrogate" in r.stdout and "'title' is a int" in r.stdout
    s = json.loads(cli("stats", "--db", db, "--json").stdout)
    assert s["documents"] == 4 and s["merged"] > 0  # r1, w1, sur, num: stored and merged
    out = records((tmp_path / "o" / "events.jsonl").read_text())
    assert {src["doc_id"] for rec in out for src in rec["sources"]} >= {"r1", "sur", "num"}


def test_run_dot_does_not_read_its_own_outputs(cli, tmp_path):
    (tmp_path / "r1.txt").write_text(REPORT, encoding="utf-8")
    for _ in range(2):
        r = cli("run", ".", cwd=tmp_path)
        assert r.returncode == 0, r.stdout + r.stderr
        assert re.search(r"documents read\s+1\n", r.stdout)
    assert (tmp_path / "out" / "events.jsonl").exists() and (tmp_path / "eventcoder.db").exists()
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["events.jsonl"]  # no temporary file left


def test_the_same_id_from_two_inputs_never_replaces_a_document(cli, tmp_path):
    db = tmp_path / "e.db"
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "report.txt").write_text(REPORT)
    (tmp_path / "a" / "report.md").write_text("Police arrested 12 protesters in Tbilisi.")
    r = cli("run", tmp_path / "a", "--db", db, "--out", tmp_path / "o")
    assert r.returncode == 0 and "already taken" in r.stdout
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "report.txt").write_text("Troops shelled Avdiivka on Monday.")
    r = cli("run", tmp_path / "b" / "report.txt", "--db", db, "--out", tmp_path / "o")
    assert r.returncode == 0 and "is stored for" in r.stdout
    for text in ("Troops shelled the town.", "Rebels attacked a convoy."):
        assert cli("run", "-", "--db", db, "--out", tmp_path / "o", stdin=text).returncode == 0
    assert json.loads(cli("stats", "--db", db, "--json").stdout)["documents"] == 5
    again = cli("run", tmp_path / "a", "--db", db, "--out", tmp_path / "o")
    assert re.search(r"unchanged\s+2\n", again.stdout)  # the same ids every run: nothing alternates


def test_extract_output_file_is_replaced_even_when_nothing_is_found(cli, tmp_path):
    out = tmp_path / "o.jsonl"
    out.write_text("an older file\n")
    (tmp_path / "calm.txt").write_text("The weather was fine.")
    r = cli("extract", tmp_path / "calm.txt", "-o", out, "-q")
    assert r.returncode == 0 and out.read_text() == ""


def test_a_bug_is_exit_3_in_one_line(monkeypatch, capsys):
    from eventcoder import api
    from eventcoder import cli as cli_module

    def broken(db):
        raise RuntimeError("boom")

    monkeypatch.setattr(api, "stats", broken)
    with pytest.raises(SystemExit) as e:
        cli_module.main(["stats"])
    assert e.value.code == 3
    err = capsys.readouterr().err
    assert err.startswith("eventcoder: internal error: RuntimeError: boom") and len(err.splitlines()) == 1


def test_kills_at_random_points_leave_a_store_a_rerun_makes_whole(tmp_path):
    """kill -9 `run` five times at seeded random moments (loading, coding, storing, merging,
    writing), then run once more: the store must hold a clean run's documents, events and merged
    events, and OUT/events.jsonl must never be found half written."""
    import random
    import sqlite3
    import time

    docs = tmp_path / "docs"
    docs.mkdir()
    for p in sorted((ROOT / "tests" / "data" / "dev" / "docs").glob("*.txt"))[:30]:
        (docs / p.name).write_bytes(p.read_bytes())

    def run(db, out):
        cmd = [sys.executable, "-m", "eventcoder", "run", docs, "--db", db, "--out", out, "-q"]
        return subprocess.Popen(list(map(str, cmd)), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def state(db):
        with sqlite3.connect(db) as c:
            assert c.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            events = sorted(r[0] for r in c.execute("SELECT event_id FROM events"))
            rows = c.execute("SELECT record FROM merged")
            merged = sorted(sorted(json.loads(r[0])["members"]) for r in rows)
            return c.execute("SELECT count(*) FROM documents").fetchone()[0], events, merged

    clean_db, clean_out = tmp_path / "clean.db", tmp_path / "clean"
    start = time.monotonic()
    assert run(clean_db, clean_out).wait(600) == 0
    took = time.monotonic() - start
    db, out = tmp_path / "k.db", tmp_path / "k"
    rng = random.Random(20)
    for _ in range(5):
        proc = run(db, out)
        time.sleep(rng.uniform(0.2, 1.0) * took)
        proc.kill()
        proc.wait()
        if (out / "events.jsonl").exists():  # whole or absent, never truncated
            lines = (out / "events.jsonl").read_text().splitlines()
            assert all(json.loads(line) for line in lines)
    assert run(db, out).wait(600) == 0
    assert state(db) == state(clean_db)
    assert without_ids(out / "events.jsonl") == without_ids(clean_out / "events.jsonl")


def without_ids(path):
    """The merged records of an events.jsonl, their ids left out (a merged id is kept from the
    merge before, so it depends on the history of the store; the members do not)."""
    return sorted(json.dumps({**r, "id": None}, sort_keys=True) for r in records(path.read_text()))


def test_run_names_the_documents_not_in_english_and_stores_them(cli, corpus, tmp_path):
    (corpus / "de.txt").write_text(
        "Die Polizei hat am Montag in der Stadt zwölf Demonstranten festgenommen, sagte ein Sprecher.",
        encoding="utf-8",
    )
    db = tmp_path / "e.db"
    r = cli("run", corpus, "--db", db, "--out", tmp_path / "out")
    assert r.returncode == 0, r.stderr
    assert "not coded: 1 document not in English: de 1" in r.stdout and "de: de" in r.stdout
    import sqlite3

    row = sqlite3.connect(db).execute("SELECT language, n_events FROM documents WHERE doc_id='de'").fetchone()
    assert row == ("de", 0)


def test_extract_with_two_processes_writes_what_one_process_writes(cli, tmp_path):
    examples = ROOT / "examples"
    outs = []
    for n in ("1", "2"):
        out = tmp_path / f"p{n}.jsonl"
        r = cli("extract", examples, "--published", "2024-06-15", "--processes", n, "-q", "-o", out)
        assert r.returncode == 0, r.stderr
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] and outs[0].count(b"\n") >= 10
    assert cli("extract", examples, "--processes", "0").returncode == 2


# -- start-up: a command that codes nothing imports nothing heavy ----------------------------------
HEAVY = ("spacy", "thinc", "torch", "dask", "distributed", "pandas", "pyarrow", "dateparser", "numpy")


def _heavy_modules_after(code: str) -> list[str]:
    probe = f"import sys\n{code}\nprint(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r})))"
    r = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout.strip().splitlines()[-1].replace("'", '"'))


def test_importing_the_command_line_imports_no_heavy_library():
    assert _heavy_modules_after("import eventcoder.cli") == []


def test_help_works_and_stats_and_export_import_nothing_heavy(cli, corpus, tmp_path):
    for args in (["--help"], ["stats", "--help"], ["export", "--help"]):
        r = cli(*args)
        assert r.returncode == 0 and "Usage: eventcoder" in r.stdout, r.stderr
    db = tmp_path / "s.db"
    assert cli("run", corpus, "--db", db, "--out", tmp_path / "o", "-q", "--processes", "1").returncode == 0
    for args in (["stats", "--db", str(db)], ["export", "--db", str(db), "-o", str(tmp_path / "e.csv")]):
        code = f"from eventcoder.cli import main\ntry:\n    main({args!r})\nexcept SystemExit:\n    pass"
        assert _heavy_modules_after(code) == [], args


def test_library_chatter_shows_only_with_v():
    code = (
        "import logging, sys\nfrom eventcoder.cli import _log_to_stderr\n_log_to_stderr(int(sys.argv[1]))\n"
        "logging.getLogger('distributed.scheduler').setLevel(logging.INFO)\n"
        "for name in ('distributed.scheduler', 'distributed.nanny', 'eventcoder.api'):\n"
        "    for level in (logging.INFO, logging.WARNING, logging.ERROR):\n"
        "        logging.getLogger(name).log(level, 'said at %s', logging.getLevelName(level))\n"
    )
    said = {}
    for v in (0, 1):
        r = subprocess.run([sys.executable, "-c", code, str(v)], capture_output=True, text=True, timeout=60)
        said[v] = r.stderr.splitlines()
    assert said[0] == [
        "ERROR distributed.scheduler: said at ERROR",
        "ERROR distributed.nanny: said at ERROR",
        "WARNING eventcoder.api: said at WARNING",
        "ERROR eventcoder.api: said at ERROR",
    ]
    assert "INFO distributed.scheduler: said at INFO" in said[1] and len(said[1]) == 9  # -v: every one
