"""The evaluation suite: every corpus scored in one run, printed side by side."""

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from eventcoder import api
from eventcoder.corpus.evaluate import MergeReport, score
from eventcoder.corpus.suite import SETS, SetResult, SuiteReport, read_set
from eventcoder.errors import UsageError

from ..conftest import run_cli

DATA = Path(__file__).parent.parent / "data"


def test_every_set_of_the_table_is_a_folder_of_this_repository():
    names = [s.name for s in SETS]
    assert names[:5] == ["real", "real-heldout", "dev", "heldout", "merge"]
    for spec in SETS:
        assert (DATA / spec.docs).is_dir(), spec.name


def test_read_set_takes_dates_from_gold_and_manifest(tmp_path):
    (tmp_path / "dev" / "docs").mkdir(parents=True)
    (tmp_path / "dev" / "gold").mkdir()
    (tmp_path / "dev" / "docs" / "r1.txt").write_text("x")
    gold = {"doc_id": "r1", "file": "docs/r1.txt", "published": "2024-05-02", "events": []}
    (tmp_path / "dev" / "gold" / "r1.gold.json").write_text(json.dumps(gold))
    s = read_set(tmp_path, next(x for x in SETS if x.name == "dev"))
    assert s.published == {"r1": "2024-05-02"} and len(s.paths) == 1
    assert read_set(tmp_path, next(x for x in SETS if x.name == "real")) is None


def test_table_puts_sets_side_by_side_and_counts_offtopic_events():
    gold = {"doc_id": "d", "events": [{"core": True, "types": ["ASSAULT"], "evidence": "x"}]}
    report = score([], [gold])
    merge = MergeReport(
        1.0, 0.5, 4, 4, pairs=3, pairs_joined=1, lookalikes=2, lookalikes_apart=2, pairs_predicted=2
    )
    table = SuiteReport(
        [
            SetResult("real", 1, report=report, merge=merge),
            SetResult("dev", 2, report=report),
            SetResult("offtopic", 40, offtopic_events=Counter({"ASSAULT": 2, "COERCE": 1})),
        ]
    ).format()
    lines = table.splitlines()
    assert lines[0].split() == ["real", "dev"]
    assert lines[1].split() == ["reports", "1", "2"]
    assert "same-event pairs" in table and "1/3" in table and "2/2" in table
    assert "merge pairwise F1" in table and "0.40" in table  # precision 1/2, recall 1/3
    assert "offtopic: 40 pages, 3 events coded (all false): ASSAULT 2, COERCE 1" in table


def test_missing_suite_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError):
        api.evaluate_suite(tmp_path / "nowhere")
    with pytest.raises(UsageError):
        api.evaluate_suite(tmp_path)


@pytest.mark.slow
def test_cli_prints_the_table_and_the_offtopic_count(tmp_path):
    """A small suite: two dev reports, the merge set's first event, two off-topic pages."""
    root = tmp_path / "data"
    for sub in ("dev/docs", "dev/gold", "offtopic"):
        (root / sub).mkdir(parents=True)
    for doc in sorted((DATA / "dev" / "docs").glob("*.txt"))[:2]:
        shutil.copy(doc, root / "dev" / "docs")
        shutil.copy(DATA / "dev" / "gold" / f"{doc.stem}.gold.json", root / "dev" / "gold")
    (root / "offtopic" / "p1.html").write_text(
        "<html><head><title>Recipes</title></head><body><p>Beat the eggs with the sugar.</p></body></html>"
    )
    (root / "offtopic" / "README.md").write_text("Gunmen killed four soldiers on Monday.")
    out = tmp_path / "figures.json"
    r = run_cli("evaluate", "--suite", root, "--quiet", "--json", out)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[0].split() == ["dev"]
    assert "F1" in r.stdout and "offtopic: 1 pages, 0 events coded" in r.stdout
    figures = json.loads(out.read_text())
    assert figures["dev"]["documents"] == 2 and figures["offtopic"]["offtopic_events"] == {}
