"""The single-sentence PLOVER set (tests/data/plover-sentences): its reader, its scoring on
hand-made records, and the floors the coder holds on it (slow: codes 246 sentences)."""

import json
from pathlib import Path

import pytest

from eventcoder.corpus.sentences import SentenceCase, read_sentences, score_sentences

SET = Path(__file__).parent.parent / "data" / "plover-sentences" / "sentences.jsonl"
TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip

# Floors: the figures measured, rounded down (first figures before any fix: 0.71 / 0.71; after
# the statements of intent and the reversal rows of issue 18: 0.8507 / 0.8507; with signing as
# SUPPORT and the missing words of issue 18, on 246 sentences: 0.8843 / 0.8802; with readiness,
# dated commitments and warnings of one's own act read as intent: 0.9339 / 0.9339). Statements of
# intent found and target (the unseen peer set asks target 0.75): 0.9146 and 0.9153; with a
# warning of another's attack no threat and a party's given name no call (session 9, helper s18):
# 0.938 / 0.938, intent 0.9268.
FOUND = 0.93
TOP1 = 0.93
INTENT = 0.92
TARGET = 0.91
#: Sentences that tell no event and must yield none: 0.75 -> 1.00 (session 9, helper s1: wishes,
#: prospects, a regard received, the page speaking to its reader).
SILENT = 1.0


def test_the_set_covers_every_type_and_a_third_is_intent():
    cases = read_sentences(SET)
    assert len(cases) >= 150
    assert {c.types[0] for c in cases if c.types} == TYPES
    assert sum(c.intent for c in cases) * 3 >= len(cases)
    assert len({c.id for c in cases}) == len(cases)


def test_found_and_top1_on_hand_made_records():
    cases = [
        SentenceCase("a", "Rebels vowed to fight on.", ("THREATEN",), None, "intent"),
        SentenceCase("b", "The army lifted the curfew.", ("CONCEDE",), None, ""),
        SentenceCase("c", "Police foiled a bomb plot.", (), None, ""),
    ]
    coded = {
        "a": [{"type": "ASSAULT", "confidence": 0.5}, {"type": "THREATEN", "confidence": 0.9}],
        "b": [{"type": "COERCE", "confidence": 0.9}, {"type": "CONCEDE", "confidence": 0.6}],
    }
    report = score_sentences(cases, coded)
    assert [(r.found, r.top1) for r in report.results] == [(True, True), (True, False), (True, True)]
    assert report.found == 1.0 and report.top1 == 0.5 and report.intent_found == 1.0


def test_target_words_must_be_in_the_coded_target():
    case = SentenceCase("a", "Kyiv accused Moscow.", ("ACCUSE",), "Russia", "")
    coded = {"a": [{"type": "ACCUSE", "target": {"text": "Moscow", "name": "Moscow", "country": "Russia"}}]}
    assert score_sentences([case], coded).target == 1.0


@pytest.mark.slow
def test_the_coder_holds_its_floors_on_the_set():
    from eventcoder import api

    report = api.evaluate_sentences(SET)
    figures = json.dumps(report.as_dict()["by_type"])
    assert report.found >= FOUND, figures
    assert report.top1 >= TOP1, figures
    assert report.intent_found >= INTENT, figures
    assert report.target >= TARGET, figures
    assert report.silent >= SILENT, figures
