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


def test_an_encyclopedias_reference_marks_neither_hide_an_event_nor_leave_the_evidence():
    text = (
        "Gunmen[a] stormed the governor's residence in Kandi on 3 March 2021, killing two guards.[4][5]\n\n"
        "The attack was condemned by the regional council,[6] which called it cowardly."
    )
    doc = Document(id="wiki", text=text, published="2024-06-01")
    records = [e.to_json() for e in process_document(doc, Options())]
    assault = next(r for r in records if r["type"] == "ASSAULT")
    assert assault["fatalities"]["best"] == 2 and assault["actor"]["name"] == "Gunmen"
    for r in records:
        src = r["sources"][0]
        assert text[src["start"] : src["end"]] == src["sentence"]
    assert assault["sources"][0]["sentence"].startswith("Gunmen[a] stormed")


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


# -- the per-document guard ------------------------------------------------------------------------
ATTACK = "Gunmen attacked a police post in Gwoza on Sunday, killing four officers, police said."


def test_a_document_spacy_cannot_take_never_stops_the_others():
    from eventcoder.pipeline import get_nlp, process_documents

    limit = get_nlp(Options().model).max_length
    docs = [
        Document(id="good1", text=ATTACK, published="2024-05-13"),
        Document(id="surrogate", text="Gunmen attacked Gwoza \ud800 on Sunday.", published="2024-05-13"),
        Document(id="long", text="attacked " * (limit // 9 + 1), published="2024-05-13"),
        Document(id="good2", text=ATTACK, published="2024-05-13"),
    ]
    results = {d.id: (events, error) for d, events, error in process_documents(docs, Options())}
    assert list(results) == ["good1", "surrogate", "long", "good2"]  # input order kept
    assert results["good1"][0] and results["good2"][0] and not results["good1"][1]
    assert results["surrogate"][1].startswith("parse failed: UnicodeEncodeError")
    assert results["long"][1].startswith("too long for the spaCy model")


def test_a_batch_that_fails_after_coding_some_recodes_only_the_rest():
    from eventcoder.pipeline import process_documents

    docs = [
        Document(id="good1", text=ATTACK, published="2024-05-13"),
        Document(id="surrogate", text="Gunmen attacked Gwoza \ud800 on Sunday.", published="2024-05-13"),
        Document(id="good2", text=ATTACK, published="2024-05-13"),
    ]
    one_by_one = Options(batch_size=1)  # good1's batch is coded and handed on before the failure
    results = [(d.id, [e.type for e in evs], err) for d, evs, err in process_documents(docs, one_by_one)]
    assert [r[0] for r in results] == ["good1", "surrogate", "good2"]
    assert results[0][1] == results[2][1] == ["ASSAULT"]
    assert results[1][2].startswith("parse failed")


def test_the_texts_of_a_chunk_stay_in_the_caches_its_stages_share():
    """The pre-filter reads every document of a chunk before the first is parsed; the line marker
    and the relevance read them again from the caches of their words and foreign spans."""
    from eventcoder import pipeline
    from eventcoder.nlp import language, prefilter

    assert pipeline.CHUNK < prefilter.TEXTS_KEPT and pipeline.CHUNK < language.TEXTS_KEPT


# -- progress: each document handed on as soon as it is coded ---------------------------------------
def test_documents_come_out_one_by_one_as_they_are_coded(monkeypatch):
    from eventcoder import pipeline

    coded = []
    real = pipeline._code_one

    def counting(sdoc, document, options):
        coded.append(document.id)
        return real(sdoc, document, options)

    monkeypatch.setattr(pipeline, "_code_one", counting)
    docs = [Document(id=f"d{i}", text=ATTACK, published="2024-05-13") for i in range(5)]
    results = pipeline.process_documents(docs, Options())
    first = next(results)
    assert first[0].id == "d0" and coded == ["d0"]  # not the whole chunk first: a bar moves per document
    assert [d.id for d, _e, _err in results] == ["d1", "d2", "d3", "d4"]
    assert coded == ["d0", "d1", "d2", "d3", "d4"]


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

WORDS = st.sampled_from(
    [
        "Gunmen",
        "attacked",
        "killed",
        "12",
        "people",
        "in",
        "Gwoza",
        "on",
        "Sunday",
        ",",
        ".",
        "police",
        "said",
        "\u2028",
        "\u2029",
        "\n\n",
        "\u05d0\u05d1",
        "\u202e",
        "e\u0301",
        "\U0001f600",
        "\x85",
        "\t",
    ]
)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.one_of(WORDS, st.text(max_size=8)), min_size=1, max_size=40))
def test_random_text_never_raises_and_evidence_slices_the_text(words):
    text = " ".join(words).strip() or "x"
    doc = Document(id="h", text=text, published="2024-05-13")
    try:
        events = process_document(doc, Options())
    except Exception as e:  # only the documented error, for text spaCy cannot take
        from eventcoder.errors import InputError

        assert isinstance(e, InputError)
        return
    for ev in events:
        for s in ev.sources:
            assert text[s.start : s.end] == s.sentence
