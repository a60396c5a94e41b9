"""The data files: every row well formed, every type and mode one the schema allows."""

import re

import pytest

from eventcoder.lexicons.data import cues, event_lexicon, read_csv
from eventcoder.lexicons.ontology import ontology


def allowed_modes(schema):
    text = schema["properties"]["mode"]["description"]
    out = {}
    for part in text.split(";"):
        m = re.search(
            r"(ASSAULT|COERCE|PROTEST|MOBILIZE|SANCTION|THREATEN|RETREAT|CONSULT|REQUEST and REJECT|"
            r"ACCUSE): (.*)",
            part,
        )
        if m:
            modes = {x.strip().rstrip(".") for x in m.group(2).split(",")}
            for t in m.group(1).split(" and "):
                out[t] = modes
    return out


def test_event_lexicon_rows(schema):
    modes = allowed_modes(schema)
    lex = event_lexicon()
    rows = [t for ts in lex.values() for t in ts]
    assert len(rows) > 1000
    for t in rows:
        assert t.type in ontology().names
        assert t.mode is None or t.mode in modes.get(t.type, set()), (t.words, t.type, t.mode)


def test_every_type_has_triggers():
    lex = event_lexicon()
    assert {t.type for ts in lex.values() for t in ts} == set(ontology().names)


def test_actor_files():
    countries = read_csv("countries.csv")
    isos = {r["iso2"] for r in countries}
    assert {"IQ", "IR", "SY", "UA", "NG"} <= isos and all(r["demonyms"] for r in countries)
    for row in read_csv("actors.csv"):
        assert row["name"] and (not row["country"] or row["country"] in isos), row["name"]
    assert all(r["kind"] in ("institution", "people", "title") for r in read_csv("sector_nouns.csv"))


def test_cue_lists_load():
    c = cues()
    assert "light_verbs.lemmas" in c and "suppress.modals" in c and "reference.casualty_verbs" in c


@pytest.mark.slow
def test_condition_words_are_lemmas():
    """Every `needs` and `blocks` word is a lemma as the model reads it, or stands beside its
    lemma ("wounded|wound": the adjective and the verb); the rules are tools/lemma_conditions.py's."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "tools" / "lemma_conditions.py"
    spec = importlib.util.spec_from_file_location("lemma_conditions", path)
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    lemma = tool.lemmatizer()
    assert tool.required("fled", lemma) == {"flee"} and tool.required("bodies", lemma) == {"body"}
    assert tool.required("wounded", lemma) == {"wound"} and tool.required("meeting", lemma) == set()
    lines = tool.LEXICON.read_text(encoding="utf-8").split("\n")
    assert tool.problems(lines, lemma) == []
