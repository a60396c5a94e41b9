"""The words that name a party: its head, its words, whether they name a party at all."""

import pytest

from eventcoder.sentence.party_words import is_partylike, party_head, party_span

from ..helpers import hand_doc, nlp


@pytest.mark.slow
def test_party_heads():
    doc = nlp()("Dozens of RSF fighters and 26 soldiers met on Tuesday.")
    assert party_head(doc[0]).text == "fighters"  # a quantity names no party
    assert party_head(doc[5]) is None  # nor does a number
    assert party_head(doc[9]) is None  # nor a date


@pytest.mark.slow
def test_a_datelines_closing_mark_ends_the_words_before_the_party():
    doc = nlp()("Kabul, March 3 (AFP).- Armed men attacked a checkpoint on Monday.")
    [men] = [t for t in doc if t.text == "men"]
    assert party_span(men).text == "Armed men"


def test_a_count_is_in_the_words_but_not_the_name():
    doc = nlp()("Police detained 107 people overnight.")
    assert party_span(doc[3]).text == "people"
    assert party_span(doc[3], counted=True).text == "107 people"


@pytest.mark.slow
def test_money_and_places_are_no_parties():
    doc = nlp()("The gang demanded 30 million naira from the community in Zurmi.")
    assert is_partylike(doc[1]) and not is_partylike(doc[5])


@pytest.mark.slow
def test_a_party_head_worked_out_once_per_token_is_the_same_as_anew():
    from eventcoder.sentence.party_words import _party_head

    doc = nlp()("The army's spokesman said dozens of RSF fighters and the town of Sarmin were hit.")
    anew = [_party_head(t) for t in doc]
    for _ in range(2):  # the second time from the document's cache
        assert [party_head(t) for t in doc] == anew
    other = nlp()("Nobody was hurt.")
    assert party_head(other[0]) is None and party_head(doc[0]) == anew[0]


@pytest.mark.slow
def test_a_short_name_in_brackets_is_no_person_in_apposition():
    doc = nlp()("The French ambassador to the Central African Republic (CAR) was expelled on Monday.")
    [envoy] = [t for t in doc if t.text == "ambassador"]
    assert party_head(envoy).text == "ambassador"


def test_a_person_in_apposition_to_a_word_tagged_as_an_adjective_is_the_party():
    # "the candidacy of his rival Omar Hassan", "rival" tagged as an adjective
    doc = hand_doc(
        [
            ("candidacy", 0, "ROOT", "NN", "candidacy", "NOUN"),
            ("of", 0, "prep", "IN", "of", "ADP"),
            ("his", 3, "poss", "PRP$", "his", "PRON"),
            ("rival", 1, "pobj", "JJ", "rival", "ADJ"),
            ("Omar", 5, "compound", "NNP", "Omar", "PROPN"),
            ("Hassan", 3, "appos", "NNP", "Hassan", "PROPN"),
        ]
    )
    assert party_head(doc[3]).text == "Hassan"
