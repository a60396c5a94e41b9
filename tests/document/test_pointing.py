"""Nouns that point back to a deed told before, and the deed a reaction points to
(eventcoder.document.pointing)."""

import pytest

from ..helpers import assaults, code, told

pytestmark = pytest.mark.slow


def test_a_noun_that_points_back_folds_whatever_doer_it_names():
    text = (
        "Russian forces shelled the central market of Kupiansk on Monday, killing six shoppers. "
        "Rescue teams searched the ruins for several hours and the regional governor declared a day of mourning. "
        "This was a deliberate attack on people buying food, the governor said."
    )
    [ev] = assaults(text)
    sentences = told(ev)
    assert len(sentences) == 2 and sentences[1].startswith("This was a deliberate attack")


def test_a_reaction_stays_its_own_record():
    text = (
        "Gunmen stormed the village of Kuda on Tuesday, killing seven people. "
        "The interior ministry condemned the raid."
    )
    events = code(text)
    assert sorted(e["type"] for e in events) == ["ACCUSE", "ASSAULT"]
    [raid] = [e for e in events if e["type"] == "ASSAULT"]
    assert [e.get("reacts_to") for e in events if e["type"] == "ACCUSE"] == [raid["id"]]


def test_the_deed_as_the_subject_of_a_verb_tells_it_again():
    text = (
        "Government jets bombed the market of Kafr Nabl on Sunday, local medics said. "
        "Rescue workers pulled survivors from the rubble for several hours. "
        "Opposition activists said the air strike killed 14 people."
    )
    [ev] = assaults(text)
    assert any(t.startswith("Opposition activists said the air strike") for t in told(ev))


def test_a_toll_told_in_the_deed_tells_it_again():
    text = (
        "Police clashed with striking dock workers at the port of Mombasa on Monday. "
        "The union said it would keep up the strike until its demands were met. "
        "A union leader was injured in the clash, his colleagues said."
    )
    assert len(assaults(text)) == 1


def test_a_toll_told_in_a_deed_named_anew_is_that_deed():
    text = (
        "Army jets bombed rebel positions near the town of Kidal on Saturday, the army said. "
        "Hospital officials said nine civilians were killed in crossfire near the market."
    )
    assert len(assaults(text)) == 2


def test_a_sentence_whose_subject_points_back_tells_the_deed_again():
    text = (
        "Gunmen killed 14 villagers in the village of Kuda in Borno state on Saturday, residents said. "
        "Rescue workers searched the bush for the missing and the governor visited the wounded in hospital. "
        "An official who confirmed the toll on Monday said no group had claimed responsibility, although the "
        "attack took place in an area where jihadists are fighting an insurgency."
    )
    [ev] = assaults(text)
    assert len(told(ev)) == 2
    assert ev["actor"]["name"] == "Gunmen"  # "no group had claimed responsibility" names no claimant


def test_a_toll_of_the_deed_named_among_the_mentions_words_points_back():
    from eventcoder.document.pointing import points_back

    from ..helpers import nlp

    doc = nlp()("The minister gave figures for the victims of the bombing: 52 dead and 90 injured.")
    [m] = [m for m in doc._.ec_mentions if m.type == "ASSAULT"]
    assert points_back(m)
    [other] = [
        m for m in nlp()("Gunmen killed 52 people and injured 90.")._.ec_mentions if m.type == "ASSAULT"
    ]
    assert not points_back(other)


def test_a_threat_the_attackers_make_in_the_deed_is_the_deed_told_again():
    text = (
        "Gunmen stormed the offices of a radio station in the city of Goma on Monday, wounding two guards. "
        "The attackers threatened the journalists with grenades and rifles."
    )
    events = code(text)
    assert [e["type"] for e in events] == ["ASSAULT"]
    assert len(told(events[0])) == 2


def test_a_deployment_that_names_who_a_deed_was_done_to_is_no_deployment_of_its_own():
    text = (
        "Gunmen attacked the town of Kuda in Zamfara state on Monday, killing five villagers. "
        "Two police units sent to the town were ambushed on the road by the gunmen."
    )
    assert [e["type"] for e in code(text)] == ["ASSAULT"]


def test_a_deployment_told_as_its_own_act_stays():
    text = (
        "Gunmen attacked the town of Kuda in Zamfara state on Monday, killing five villagers. "
        "The army sent two police units to the town on Tuesday."
    )
    assert sorted(e["type"] for e in code(text)) == ["ASSAULT", "MOBILIZE"]
