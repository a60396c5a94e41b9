"""Claims: who claims an attack, and whose word a record's figures are."""

import pytest

from ..helpers import code

pytestmark = pytest.mark.slow


def _records(text, published="2024-03-14"):
    return [
        (e["type"], e["sources"][0].get("attributed_to"), e.get("fatalities")) for e in code(text, published)
    ]


def test_a_figure_taken_from_a_later_telling_brings_its_claimant():
    text = (
        "A rocket reportedly struck a fuel depot in Kharkiv on Monday.\n\n"
        "Regional officials put the death toll from the strike at seven."
    )
    found = [r for r in _records(text) if r[0] == "ASSAULT"]
    assert len(found) == 1 and found[0][1] == "Regional officials"


def test_a_later_telling_without_a_figure_leaves_the_reports_own_voice():
    text = (
        "Gunmen killed five people in an attack on a market in Kuda on Monday.\n\n"
        "The governor said the attack was carried out by bandits from the forest."
    )
    found = [r for r in _records(text) if r[0] == "ASSAULT"]
    assert found and found[0][1] is None
