"""confidence.py: weak types and doerless events need a document about politics or conflict; a
natural hazard does no deed; the confidence is a logistic of the record's features."""

import pytest

from eventcoder.document import confidence as C

from ..helpers import code

pytestmark = pytest.mark.slow

CLUB_PAGE = """Our chess club meets every Thursday evening in the back room of the old library on Elm Street.
The mayor agreed to let the club use the room for free until the end of the year.
Last week Anna beat her brother in the final round after a long endgame with rooks and pawns.
The club asked new members to bring their own boards, clocks and a notebook for recording games.
We also support beginners: every month a volunteer teaches openings, tactics and simple checkmates.
Coffee, tea and biscuits are served during the break, and children are welcome with their parents.
Tournaments are rated, and results appear on the notice board near the entrance a few days later.
The library closes at ten, so games that run late are adjourned and finished the following week.
The highway to the library was closed on Sunday for repairs."""


def test_a_page_about_something_else_codes_no_weak_type_and_no_doerless_event(monkeypatch):
    assert code(CLUB_PAGE) == []
    relaxed = {**C._context(), "weak_below": 0.0}
    monkeypatch.setattr(C, "_context", lambda: relaxed)
    kinds = {(e["type"], e["actor"] is None) for e in code(CLUB_PAGE)}
    # without the rule: the club "meets" (CONSULT), the mayor "agreed" (AGREE), the road "was closed"
    assert {("CONSULT", False), ("AGREE", False), ("COERCE", True)} <= kinds


def test_a_report_about_politics_codes_its_weak_types():
    text = "Rebels agreed to a ceasefire with the government of Mali on Monday, officials said."
    assert [e["type"] for e in code(text)] == ["AGREE"]


@pytest.mark.parametrize(
    "text",
    [
        "The town lies near the Mill Fire, which killed three people and destroyed dozens of homes.",
        "The Camp Fire killed 85 people in 2018.",
    ],
)
def test_a_natural_hazard_does_no_deed(text):
    assert [e["type"] for e in code(text)] == []


@pytest.mark.parametrize(
    "text",
    [
        "Artillery fire killed five civilians in the village on Monday.",
        "Israeli fire killed three people in Gaza on Monday.",
    ],
)
def test_fire_of_a_party_or_a_weapon_is_an_attack(text):
    assert [e["type"] for e in code(text)] == ["ASSAULT"]


def test_every_feature_has_a_weight_and_every_weight_a_feature():
    _bias, weights = C.weights()
    assert set(weights) == {name for name, _f in C.FEATURES}


def test_confidence_is_the_logistic_of_the_weighted_features():
    bias, weights = C.weights()
    none = dict.fromkeys(weights, 0.0)
    assert C.confidence(none) == pytest.approx(1 / (1 + 2.718281828**-bias), abs=1e-3)
    told = {**none, "actor": 1.0, "target": 1.0, "date": 1.0, "verb": 1.0}
    assert (
        C.confidence({**told, "hedged": 1.0}) < C.confidence(told) < C.confidence({**told, "casualties": 1.0})
    )


def test_a_full_report_is_rated_above_a_bare_noun():
    full = code("Gunmen killed 12 villagers in Mafa, Nigeria, on Tuesday, police said.")
    bare = code("The attack was condemned.")
    assert full and full[0]["confidence"] > 0.8
    assert all(e["confidence"] < full[0]["confidence"] for e in bare)
