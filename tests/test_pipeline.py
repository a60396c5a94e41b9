"""process_document: pure, picklable, schema-valid; the same output in a loop and a process pool."""

import pickle
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from eventcoder import Document, Options, process_document
from eventcoder.pipeline import extractor_version

pytestmark = pytest.mark.slow

DOCS = sorted((Path(__file__).parent / "data" / "dev" / "docs").glob("*.txt"))[:6]


def documents():
    return [Document(id=p.stem, text=p.read_text(encoding="utf-8"), published="2024-06-01") for p in DOCS]


def test_records_validate_and_carry_verbatim_evidence(validate):
    for doc in documents():
        for ev in process_document(doc, Options()):
            rec = ev.to_json()
            validate(rec)
            src = rec["sources"][0]
            assert doc.text[src["start"] : src["end"]] == src["sentence"]
            assert src["doc_id"] == doc.id


def test_pure_and_stable_ids():
    doc = documents()[0]
    a = [e.to_json() for e in process_document(doc, Options())]
    b = [e.to_json() for e in process_document(doc, Options())]
    assert a == b and len({r["id"] for r in a}) == len(a)


def test_picklable_and_same_in_a_process_pool():
    docs = documents()[:3]
    opts = Options()
    assert pickle.loads(pickle.dumps(opts)) == opts
    pickle.dumps(process_document)
    pickle.dumps(docs)
    local = [[e.to_json() for e in process_document(d, opts)] for d in docs]
    with ProcessPoolExecutor(max_workers=1) as pool:
        remote = [[e.to_json() for e in evs] for evs in pool.map(process_document, docs, [opts] * len(docs))]
    assert remote == local


def test_extractor_version_is_stable():
    assert extractor_version() == extractor_version()
    assert extractor_version().startswith("0.")
