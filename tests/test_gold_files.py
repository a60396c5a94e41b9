"""Every gold file of every corpus is well formed: tests/data/check_gold.py finds nothing wrong."""

import json
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
sys.path.insert(0, str(DATA))
import check_gold  # noqa: E402

GOLDS = sorted(DATA.glob("*/gold/*.gold.json"))


def test_every_corpus_has_gold():
    assert {p.parent.parent.name for p in GOLDS} >= {"real", "real-heldout", "dev", "heldout"}


@pytest.mark.parametrize("path", GOLDS, ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_gold_file_is_sound(path):
    assert check_gold.check_file(path) == []


def test_the_checker_catches_what_it_should(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "docs" / "r.txt").write_text("Gunmen killed four soldiers on Monday.")
    bad = {"core": True, "types": ["FIGHT"], "mode": "artillery", "date_start": "2024-13-01", "date_end": None,
           "date_precision": "day", "actor": "gunmen", "target": None, "location": None, "country": "Nigeria",
           "fatalities": "four", "injuries": None, "evidence": "Gunmen killed five soldiers."}  # fmt: skip
    path = tmp_path / "gold" / "r.gold.json"
    path.write_text(json.dumps({"doc_id": "r", "file": "docs/r.txt", "published": "May 5", "events": [bad]}))
    problems = " ".join(check_gold.check_file(path))
    for what in ("published", "PLOVER types", "mode", "ISO dates", "alpha-2", "fatalities", "verbatim"):
        assert what in problems, what


@pytest.mark.parametrize("name", ["real", "real-heldout"])
def test_clusters_point_at_gold_evidence(name):
    """Each mention of a real event is told, word for word, by its report."""
    clusters = json.loads((DATA / name / "clusters.json").read_text())
    ids = {e["id"] for e in clusters["events"]}
    for event in clusters["events"]:
        for m in event["mentions"]:
            text = (DATA / name / "docs" / f"{m['doc_id']}.txt").read_text()
            assert all(f in text for f in m["evidence"].split(" | ")), (event["id"], m["doc_id"])
    assert all(a in ids and b in ids for a, b in clusters["lookalikes"])
    assert sum(len({m["doc_id"] for m in e["mentions"]}) >= 2 for e in clusters["events"]) >= 10
