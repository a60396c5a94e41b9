"""Place names of a document: which words, which candidates, which one chosen; the dateline."""

import pytest

from eventcoder.document.toponyms import dateline_of, find_toponyms, place_spans, resolve
from eventcoder.lexicons import gazetteer as gz

from ..helpers import nlp

pytestmark = pytest.mark.slow


def test_names_are_found_resolved_in_context_and_the_dateline_is_told_apart():
    doc = nlp()(
        "Statement by the Haitian Collective for Human Rights, Port-au-Prince, 7 October 2024\n\n"
        "Gangs attacked Pont-Sondé in the Artibonite department on Thursday."
    )
    toponyms = find_toponyms(doc, gz.gazetteer(), place_spans(doc))
    focus = resolve(doc, toponyms)
    chosen = {t.text: t.chosen.country for t in toponyms if t.chosen is not None}
    assert chosen.get("Port-au-Prince") == "HT" and chosen.get("Pont-Sondé") == "HT"
    assert focus.most_common(1)[0][0] == "HT"
    line, kind = dateline_of(doc, toponyms)
    assert line is not None and line.text == "Port-au-Prince" and kind == "heading"


def test_an_organisation_named_after_a_place_is_no_place():
    doc = nlp()("The Syrian Observatory for Human Rights said the Iraqi Army shelled Idlib.")
    names = {t.text for t in find_toponyms(doc, gz.gazetteer(), place_spans(doc))}
    assert "Idlib" in names and not any("Observatory" in n or "Iraqi" in n for n in names)
