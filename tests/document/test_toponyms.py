"""Place names of a document: which words, which candidates, which one chosen; the dateline."""

import pytest

from eventcoder.document.place_choice import resolve
from eventcoder.document.toponyms import dateline_of, find_toponyms, place_spans
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


def _names(text):
    doc = nlp()(text)
    toponyms = find_toponyms(doc, gz.gazetteer(), place_spans(doc))
    resolve(doc, toponyms)
    return {t.text: (t.chosen.country if t.chosen else None) for t in toponyms}


def test_a_town_and_its_country_taken_as_one_entity_are_two_names():
    found = _names("The ministers met in Dakar, Senegal, on Monday.")
    assert found.get("Dakar") == "SN" and found.get("Senegal") == "SN"


@pytest.mark.parametrize(
    "text, not_a_place",
    [
        ("Grad rockets hit the market in Donetsk on Monday.", "Grad"),  # a weapon
        ("Two Tochka-U missiles hit the station in Donetsk on Monday.", "Tochka"),  # a model code between
        ("Lashkar-e-Taiba fighters attacked a post near Srinagar.", "Lashkar"),  # a longer name's first part
    ],
)
def test_a_weapons_or_a_longer_names_words_are_no_place(text, not_a_place):
    assert not any(not_a_place in name for name in _names(text))


def test_a_city_by_its_own_name_before_one_that_is_also_called_so():
    found = _names(
        "Indian jets struck targets across the border, India said. Indian officials said the raid hit a camp. "
        "Pakistan's foreign office in Islamabad protested."
    )
    assert found.get("Islamabad") == "PK"


@pytest.mark.parametrize(
    ("text", "name", "owner"),
    [
        ("Police fired tear gas near the French and U.S. embassies.", "French", True),
        ("Russia's ambassador was summoned on Monday.", "Russia", True),
        ("Protesters gathered outside the embassy in Kyiv on Monday.", "Kyiv", False),
    ],
)
def test_a_country_word_that_owns_an_embassy_names_no_place(text, name, owner):
    from eventcoder.document.not_places import names_no_place

    doc = nlp()(text)
    start = next(t.i for t in doc if t.text == name)
    assert names_no_place(doc[start : start + 1]) is owner


def test_the_name_a_place_noun_is_given_after_a_comma_is_a_place():
    found = _names("On Friday soldiers blocked the roads into the capital, Niamey, and closed the airport.")
    assert found.get("Niamey") == "NE"


def test_a_name_followed_by_the_state_it_lies_in_is_a_place():
    found = _names("A relief convoy finally got through to Kereneik, West Darfur, late on Monday.")
    assert found.get("Kereneik") == "SD"


def test_a_name_given_as_a_district_is_no_town_of_another_province():
    found = _names(
        "Gunmen fired on farmers near Moirang in Bishnupur district on Monday, police in Imphal said. "
        "Shops stayed shut in Bishnupur."
    )
    assert found.get("Moirang") == "IN" and found.get("Bishnupur district") is None
    assert found.get("Bishnupur") is None  # the district named alone, not the town of West Bengal


def test_a_world_city_by_its_name_before_a_small_town_known_by_it_however_often_a_party_is_named():
    found = _names(
        "The US said US troops would stay. A US official said the US embassy was closed. "
        "A suicide bomber struck a crowd in Kabul on Thursday."
    )
    assert found.get("Kabul") == "AF"


def test_a_curated_spelling_of_a_supplement_place_counts_as_its_name():
    found = _names(
        "The US and the US allies said the US would help. Two blasts hit the crowds outside Kabul airport."
    )
    assert found.get("Kabul airport") == "AF"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Media reports say gunfire was heard near the stadium in Lagos.", "Media"),  # capital at the start
        ("Arab media reported that 13 people died in the blast in Mosul.", "Arab"),  # a people's word
        (
            "Fuel prices rise again in Kandy (English)\n\nProtesters marched in Kandy.",
            "English",
        ),  # a language
        (
            "Police fired tear gas at crowds on Chatham Street in Kandy on Monday.",
            "Chatham",
        ),  # a street's namesake
        ("Crowds gathered at the Abbey Gate of the airport in Kandy.", "Abbey"),  # a gate's namesake
    ],
)
def test_a_common_word_or_a_namesake_is_no_place(text, word):
    assert word not in _names(text)


def test_where_an_envoy_is_posted_is_no_place():
    found = _names("Spain's ambassador to Mali was shot dead in Gao on Monday, Malian officials said.")
    assert "Mali" not in found and found.get("Gao") == "ML"


def test_a_country_named_as_a_party_says_less_of_where_the_report_is_than_one_named_as_a_place():
    doc = nlp()(
        "Pagers exploded across Lebanon on Tuesday. Hezbollah blamed Israel. Israel declined to comment, "
        "and Israel's allies kept silent. In Lebanon, hospitals filled with the wounded."
    )
    focus = resolve(doc, find_toponyms(doc, gz.gazetteer(), place_spans(doc)))
    assert focus.most_common(1)[0][0] == "LB"


def test_two_names_joined_by_and_that_are_one_places_name_stay_one():
    names = _names("Soldiers searched houses in Jammu and Kashmir's Baramulla district on Friday.")
    assert "Jammu and Kashmir" in names and "Jammu" not in names


def test_the_first_name_of_a_person_the_ner_marks_is_no_place():
    names = _names(
        "Gunmen ambushed a bus near Tera on Monday, the regional governor, Carly Issoufou Kane, said."
    )
    assert "Tera" in names and "Carly" not in names


@pytest.mark.parametrize(
    "text, name, country",
    [
        (
            "Georgian police detained protesters in Tbilisi, and officials in Washington said Georgia's "
            "government must respect the right to protest.",
            "Washington",
            "US",
        ),
        (
            "Ukraine said Russian drones struck Zaporizhzhia overnight; Russian officials, Russian troops "
            "and Russian media said nothing.",
            "Zaporizhzhia",
            "UA",
        ),
        ("The rebels claimed to control Kanem province on Monday.", "Kanem province", "TD"),
    ],
)
def test_a_big_city_or_a_province_the_gazetteer_knows_is_found(text, name, country):
    assert _names(text).get(name) == country


def test_a_quarter_and_the_district_it_lies_in_taken_as_one_entity_are_two_names():
    # toponyms._split_in: the name after "in" is found though the NER joined the two
    doc = nlp()(
        "Agitated youths were seen gathering at Canchipur in Imphal West district, the official said."
    )
    names = [t.text for t in find_toponyms(doc, gz.gazetteer(), place_spans(doc))]
    assert "Imphal West district" in names
