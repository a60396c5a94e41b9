"""The two sides of a report: "the two countries", "each other" stand for its two parties
(eventcoder.document.two_sides)."""

import pytest

from ..helpers import code

pytestmark = pytest.mark.slow


def test_two_sides_that_accuse_each_other_are_two_accusations_each_at_home():
    text = (
        "Ethiopian troops shelled Eritrean positions near Badme on Monday, killing four soldiers. "
        "Eritrea and Ethiopia blamed each other for the fighting. "
        "The two countries accused each other of starting the clash, diplomats said."
    )
    accusations = [e for e in code(text) if e["type"] == "ACCUSE"]
    sides = {(e["actor"]["name"], e["target"]["name"]) for e in accusations}
    assert sides == {("Eritrea", "Ethiopia"), ("Ethiopia", "Eritrea")}
    assert all(e["location"]["country"] == e["actor"]["country"] for e in accusations)
    assert len(accusations) == 2  # the second telling is a telling of the first


def test_each_side_accusing_the_other_takes_the_states_of_the_fighting():
    text = (
        "Indian artillery fired on Pakistani posts in Kashmir on Friday, and Pakistani troops returned fire. "
        "A UN envoy met officials of both governments in Geneva. "
        "Each side has accused the other of breaking the truce."
    )
    accusations = [e for e in code(text) if e["type"] == "ACCUSE"]
    assert {(e["actor"]["name"], e["target"]["name"]) for e in accusations} == {
        ("India", "Pakistan"),
        ("Pakistan", "India"),
    }


def test_the_two_sides_are_two_parties_not_one_named():
    from eventcoder.document.two_sides import is_two_sides, two_sides

    from ..helpers import nlp

    doc = nlp()("Both sides traded fire, and Armenia and Azerbaijan later accused the two armies of lying.")
    both = next(t for t in doc if t.text == "sides")
    armies = next(t for t in doc if t.text == "armies")
    armenia = next(t for t in doc if t.text == "Armenia")
    assert is_two_sides(both) and is_two_sides(armies) and not is_two_sides(armenia)
    a, b = two_sides(armenia, [])
    assert {a.name, b.name} == {"Armenia", "Azerbaijan"}
    assert two_sides(both, [], (a, b)) == (a, b)  # the two sides named last
