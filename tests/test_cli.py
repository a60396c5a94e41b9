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
    assert all(rec["sources"][0]["doc_id"] == "stdin" for rec in records(out.read_text()))


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
