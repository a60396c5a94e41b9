"""shouting.py: a headline in capitals is parsed as a title-case headline; the text is kept."""

import pytest

from eventcoder.nlp.shouting import parse_text

from ..helpers import code

pytestmark = pytest.mark.slow


def test_a_line_in_capitals_is_parsed_in_title_case_and_keeps_its_length():
    text = "RIOT POLICE DISPERSE MARCH IN ANKARA\n\nRiot police dispersed a march in Ankara."
    parsed = parse_text(text)
    assert parsed.startswith("Riot Police Disperse March In Ankara\n") and len(parsed) == len(text)


def test_a_dateline_or_a_short_line_in_capitals_stays_as_it_is():
    for line in ("KABUL, AFGHANISTAN (AP) \u2014", "UN", "SG/SM/22345"):
        assert parse_text(line) == line


def test_the_paragraph_under_a_headline_in_capitals_keeps_its_doer():
    text = (
        "GUNMEN KILL 12 VILLAGERS IN NORTHERN BURKINA FASO\n\n"
        "Gunmen killed 12 villagers in Djibo on Sunday, officials said."
    )
    [ev] = code(text)
    assert ev["actor"]["text"] == "Gunmen"
    assert ev["sources"][0]["sentence"].startswith("Gunmen killed")
