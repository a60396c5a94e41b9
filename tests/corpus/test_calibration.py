"""calibration.py: records by confidence bucket, each true when matched to a gold event."""

from eventcoder.corpus.calibration import Calibration, truth


def _record(doc, type_, sentence, confidence):
    return {"id": sentence, "type": type_, "confidence": confidence,
            "sources": [{"doc_id": doc, "sentence": sentence}]}  # fmt: skip


GOLD = {
    "doc_id": "d1",
    "events": [{"types": ["ASSAULT"], "evidence": "Gunmen attacked the village of Kuda", "core": True}],
}


def test_a_record_is_true_when_matched_to_a_gold_event_of_its_document():
    preds = [
        _record("d1", "ASSAULT", "Gunmen attacked the village of Kuda at dawn.", 0.95),
        _record("d1", "PROTEST", "Gunmen attacked the village of Kuda at dawn.", 0.85),  # wrong type
        _record("d2", "ASSAULT", "Gunmen attacked the village of Kuda at dawn.", 0.9),  # no gold here
    ]
    assert truth(preds, [GOLD]) == [True, False, False]


def test_the_table_gives_each_bucket_its_share_true():
    cal = Calibration([(0.95, True), (0.85, False), (0.85, True), (0.55, False)])
    assert cal.above() == (3, 2 / 3)
    rows = {label: (n, share) for label, n, share in cal.rows()}
    assert rows["0.8-0.9"] == (2, 0.5) and rows["0.9-1.0"] == (1, 1.0) and rows["0.6-0.7"] == (0, None)
    assert "above 0.8: 3 records, share true 0.667" in cal.format("toy")
