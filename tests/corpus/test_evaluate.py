"""eventcoder's scorer gives the reference scorer's figures on the same input."""

import json
import subprocess
import sys

import pytest

from eventcoder.corpus import evaluate as ev

from ..conftest import SHARED

GOLD = {
    "doc_id": "g1",
    "file": "docs/r1.txt",
    "published": "2024-05-13",
    "events": [
        {
            "core": True,
            "types": ["ASSAULT"],
            "mode": None,
            "date_start": "2024-05-12",
            "date_end": "2024-05-12",
            "date_precision": "day",
            "actor": "Boko Haram",
            "actor_aliases": ["jihadists"],
            "target": "civilians",
            "target_aliases": [],
            "location": "Gwoza",
            "admin1": "Borno",
            "country": "NG",
            "lat": 11.08,
            "lon": 13.69,
            "fatalities": 9,
            "injuries": {"low": 12, "high": 99, "text": "dozens"},
            "evidence": "Gunmen attacked a market in Gwoza on Sunday, killing nine people.",
        },
        {
            "core": True,
            "types": ["COERCE"],
            "mode": "arrest",
            "date_start": "2024-05-01",
            "date_end": "2024-05-31",
            "date_precision": "month",
            "actor": "police",
            "actor_aliases": [],
            "target": None,
            "target_aliases": [],
            "location": "Nigeria",
            "admin1": None,
            "country": "NG",
            "lat": None,
            "lon": None,
            "fatalities": None,
            "injuries": None,
            "evidence": "Police arrested twelve suspects in May.",
        },
        {
            "core": False,
            "types": ["ACCUSE"],
            "mode": None,
            "date_start": "2024-05-13",
            "date_end": "2024-05-13",
            "date_precision": "day",
            "actor": "UN",
            "actor_aliases": [],
            "target": None,
            "target_aliases": [],
            "location": None,
            "admin1": None,
            "country": None,
            "lat": None,
            "lon": None,
            "fatalities": None,
            "injuries": None,
            "evidence": "The UN condemned the killings.",
        },
    ],
}


def pred(type_, sentence, doc_id="r1", **kw):
    rec = {
        "id": "x",
        "type": type_,
        "date": kw.get("date"),
        "actor": kw.get("actor"),
        "target": kw.get("target"),
        "location": kw.get("location"),
        "fatalities": kw.get("fatalities"),
        "injuries": kw.get("injuries"),
        "sources": [{"doc_id": doc_id, "sentence": sentence, "start": 0, "end": len(sentence)}],
    }
    return rec


PREDS = [
    pred(
        "ASSAULT",
        "Gunmen attacked a market in Gwoza on Sunday, killing nine people.",
        date={"start": "2024-05-12", "end": "2024-05-12", "precision": "day"},
        actor={"name": "Boko Haram", "text": "jihadists"},
        target={"name": "Civilians (Nigeria)"},
        location={"name": "Gwoza", "country": "NG", "lat": 11.1, "lon": 13.7, "precision": "town"},
        fatalities={"low": 9, "best": 9, "high": 9},
        injuries={"low": 12, "best": 20, "high": None},
    ),
    pred(
        "COERCE",
        "Something unrelated entirely here.",
        date={"start": "2024-05-03", "end": "2024-05-03", "precision": "day"},
        location={"name": "Nigeria", "country": "NG", "lat": None, "lon": None, "precision": "country"},
    ),
    pred("ACCUSE", "The UN condemned the killings."),
    pred("PROTEST", "A protest nobody reported."),
    pred("ASSAULT", "Not in this document.", doc_id="other"),
]


def test_figures(tmp_path):
    report = ev.score(PREDS, [GOLD])
    assert (report.total("tp"), report.total("fp"), report.total("fn")) == (2, 1, 0)
    assert report.precision == pytest.approx(2 / 3) and report.recall == 1.0
    assert report.slot_accuracy["fatalities"] == 1.0 and report.slot_accuracy["actor"] == 0.5


@pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(), reason="shared/ not beside the checkout")
def test_same_output_as_reference_scorer(tmp_path):
    gold = tmp_path / "g.json"
    gold.write_text(json.dumps(GOLD))
    p = tmp_path / "p.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in PREDS) + "\n")
    ref = subprocess.run(
        [sys.executable, SHARED / "eval" / "score.py", p, gold, "--verbose", "--json", tmp_path / "ref.json"],
        capture_output=True,
        text=True,
        check=True,
    )
    report = ev.score(ev.read_predictions(p), ev.load_gold([gold]))
    ours = [ln for ln in report.format(verbose=True).splitlines() if "wrong " not in ln]
    assert ours == ref.stdout.splitlines()
    ref_json = json.loads((tmp_path / "ref.json").read_text())
    assert report.as_dict() == ref_json


FRAGMENTED = {
    "doc_id": "g2",
    "events": [
        {
            "core": True,
            "types": ["AID"],
            "evidence": "WFP trucks loaded with sorghum reached Kereneik on Tuesday evening. | "
            "the first food supplies from the World Food Programme to cross since the border reopened",
        }
    ],
}


def test_gold_evidence_in_fragments_matches_its_best_fragment(tmp_path):
    p = pred(
        "AID",
        "They brought the first food supplies from the World Food Programme to cross since the border reopened.",
    )
    p["sources"][0]["doc_id"] = "g2"
    assert ev.evidence_overlap(FRAGMENTED["events"][0], p) == 1.0
    report = ev.score([p], [FRAGMENTED])
    assert report.total("tp") == 1
    if (SHARED / "eval" / "score.py").exists():
        gold = tmp_path / "g.json"
        gold.write_text(json.dumps(FRAGMENTED))
        pf = tmp_path / "p.jsonl"
        pf.write_text(json.dumps(p) + "\n")
        ref = subprocess.run(
            [sys.executable, SHARED / "eval" / "score.py", pf, gold], capture_output=True, text=True
        )
        assert "tp  1" in ref.stdout
