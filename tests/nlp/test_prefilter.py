"""prefilter.py: documents without a trigger word skip the parse, and no event is lost."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from eventcoder.lexicons.data import fold
from eventcoder.nlp.prefilter import ContextWords, TriggerWords, bases

DATA = Path(__file__).parent.parent / "data"


def test_bases_undo_regular_inflection():
    assert "attack" in bases("attacks")
    assert "seize" in bases("seized") and "seize" in bases("seizing")
    assert "stab" in bases("stabbed")
    assert "casualty" in bases("casualties")
    assert "clash" in bases("clashes")
    assert bases("rain") == {"rain"}
    assert bases("attacks") is bases("attacks")  # remembered: asked for every word of every document


def test_trigger_words_find_regular_and_irregular_forms():
    words = TriggerWords({"attack", "fight", "seize"}, {"fought": ["fight"], "went": ["go"]})
    assert words.in_text("Gunmen ATTACKED a convoy.")
    assert words.in_text("Rebels fought the army.")
    assert words.in_text("Soldiers seized the town.")
    assert not words.in_text("The team went home after the match.")  # "go" is no trigger here
    assert not words.in_text("")


@pytest.mark.slow
def test_every_dev_mention_is_in_a_sentence_the_filter_keeps():
    from eventcoder.nlp.prefilter import trigger_words
    from eventcoder.options import Options
    from eventcoder.pipeline import get_nlp

    nlp = get_nlp(Options().model)
    words = trigger_words(nlp)
    texts = [p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*/docs/*.txt"))]
    n = 0
    for sdoc in nlp.pipe(texts):
        for m in sdoc._.ec_mentions or []:
            assert words.has_trigger(set(re.findall("[a-z]+", fold(m.sent.text)))), m.sent.text
            n += 1
    assert n > 500


@pytest.mark.slow
def test_a_document_without_trigger_words_is_not_parsed(monkeypatch):
    from eventcoder import pipeline
    from eventcoder.model import Document
    from eventcoder.options import Options

    docs = [
        Document(id="weather", text="Heavy rain is expected over the weekend, forecasters said."),
        Document(id="raid", text="Gunmen attacked a police post in Kano on Monday, killing two officers."),
    ]
    seen = []
    real = pipeline._code_one
    monkeypatch.setattr(pipeline, "_code_one", lambda sdoc, d, o: seen.append(d.id) or real(sdoc, d, o))
    out = list(pipeline.process_documents(docs, Options()))
    assert [d.id for d, _events, _err in out] == ["weather", "raid"]  # input order kept
    assert out[0][1] == [] and out[0][2] is None
    assert out[1][1]
    assert seen == ["raid"]
    unfiltered = list(pipeline.process_documents(docs, Options(prefilter=False)))
    assert [e.to_json() for e in unfiltered[1][1]] == [e.to_json() for e in out[1][1]]
    assert seen == ["raid", "weather", "raid"]


def test_a_document_naming_no_party_institution_weapon_or_state_is_not_coded():
    words = TriggerWords(
        {"attack", "kill", "fire"}, {}, ContextWords({"police", "rebel", "mortar"}, {"Mali"})
    )
    assert not words.in_text("Our striker fired a low shot past the keeper after a long attack.")
    assert not words.in_text("Use the kill command to end a process that hangs.")
    assert words.in_text("Rebels attacked the town at dawn.")  # a party, in a regular form
    assert words.in_text("Two soldiers were killed in Mali on Sunday.")  # a state
    assert words.in_text("Mortars fired at the base killed three.")  # a weapon of war
    assert not words.in_text("Gunmen killed three.\nLa police malienne a dit que les rebelles sont partis.")


def test_abbreviations_of_states_are_no_context():
    from eventcoder.nlp.prefilter import context_words

    ctx = context_words()
    assert {"niger", "nigerians", "hamas", "taliban"} <= ctx.names  # an armed group named alone
    assert ctx.names.isdisjoint({"us", "car", "fact", "care", "reuters"})


def test_a_text_too_short_to_show_its_subject_needs_no_context_word():
    words = TriggerWords({"kill"}, {}, ContextWords({"police"}, set(), min_words=10))
    assert words.in_text("Unknown men killed two herders near the well.")  # one sentence: coded
    page = "Use the kill command to end a process that hangs, or send it another signal first."
    assert not words.in_text(page)


def test_relevance_counts_distinct_context_words_and_states():
    from eventcoder.nlp.prefilter import relevance

    context = ContextWords({"police", "rebel", "mortar"}, {"Mali"}, min_words=10, relevant_at=4)
    page = "The rebels fired mortars at police posts in Mali, and rebel leaders said the police fled."
    assert relevance(page, context) == 1.0  # rebel, mortar, police, mali
    club = "Our chess club meets on Thursday evenings in the library; the police station is next door."
    assert relevance(club, context) == 0.25
    assert relevance("Police fled.", context) == 1.0  # too short to show its subject
