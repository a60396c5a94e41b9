"""Later tellings folded into the event told before (eventcoder.document.references)."""

import pytest

from eventcoder.document.references import ANOTHER_EVENT, Told
from eventcoder.sentence.mention import Mention

from ..helpers import nlp

pytestmark = pytest.mark.slow


def _told(text):
    sent = next(iter(nlp()(text).sents))
    return Told(
        event=None, mention=Mention(trigger=sent.root, words="", type="ASSAULT", mode=None, sent=sent)
    )


def test_a_deed_told_as_lasting_months_is_a_state_of_things():
    assert _told("Heavy fighting has raged around the dam for months.").lasting
    assert _told("Clashes between the two militias have continued over the past three years.").lasting


def test_a_deed_of_one_day_is_not_lasting():
    assert not _told("Gunmen stormed the market for the second time on Friday.").lasting
    assert not _told("The siege lasted four hours.").lasting


@pytest.mark.parametrize(
    "later, best",
    [
        ("The attack left 30 people dead.", 9),  # a larger figure with no word of a total: another group's
        ("In all, 30 people were killed in the attack.", 30),  # a recap: the whole toll
        ("The attack killed 30 people in all.", 30),
        ("The death toll from the attack later rose to 14.", 14),  # a toll that rose
    ],
)
def test_a_later_larger_toll_replaces_the_first_only_when_it_rose_or_recaps(later, best):
    from ..helpers import code

    text = f"Gunmen attacked a police post in Tandou on Monday, killing nine officers. {later}"
    raid = [e for e in code(text) if e["type"] == "ASSAULT"]
    assert len(raid) == 1 and raid[0]["fatalities"]["best"] == best


@pytest.mark.parametrize("sign", ANOTHER_EVENT, ids=lambda s: s.name)
def test_each_sign_of_another_event_keeps_its_example_two(sign, monkeypatch):
    """The second sentence of each example would go on telling the first event; its sign, and
    that sign alone, keeps it an event of its own."""
    from eventcoder.document import references

    from ..helpers import code

    def records():
        events = code(sign.example, "2024-06-15")
        return [e for e in events if e["type"] == events[0]["type"]]

    assert len(records()) == 2, sign.name
    monkeypatch.setattr(
        references, "ANOTHER_EVENT", tuple(s for s in references.ANOTHER_EVENT if s is not sign)
    )
    assert len(records()) == 1, sign.name


def test_a_back_reference_points_to_the_event_just_told_again_not_the_last_record_made():
    from ..helpers import assaults, told

    text = (
        "The tanker Sea Star was targeted by the Houthis on Tuesday, who fired a drone that hit the vessel. "
        "The ship was sailing to Jeddah with a cargo of fuel. "
        "Yahya Saree, a spokesman, said that an enemy ship was targeted in the Red Sea by the naval forces of "
        "the Yemeni Armed Forces with a number of drones. "
        "The Houthis fired two drones at the Sea Star, a security firm said. "
        "The US Navy confirmed the attack."
    )
    [first] = [e for e in assaults(text) if e["sources"][0]["sentence"].startswith("The tanker")]
    assert "The US Navy confirmed the attack." in told(first)


def test_a_victim_counted_by_his_noun_and_told_again_by_name_adds_no_one():
    from ..helpers import assaults

    text = (
        "The governor of Borno was killed on Monday together with his bodyguard and a driver when gunmen "
        "ambushed his convoy near Mafa. "
        "Officials said the governor's bodyguard, Ali Umar, 30, was also killed in the ambush."
    )
    [ev] = assaults(text)
    assert ev["fatalities"]["best"] == 3


def test_the_wounded_of_a_protest_with_no_assault_told_are_its_toll():
    from ..helpers import code, told

    text = (
        "Thousands of supporters of the cleric marched into the parliament building in Baghdad on Saturday to "
        "protest against the new cabinet. A health ministry statement said at least 60 people, police among "
        "them, were wounded."
    )
    events = code(text)
    assert [e["type"] for e in events] == ["PROTEST"] and len(told(events[0])) == 2


def test_the_wounded_after_an_assault_and_a_protest_are_the_assaults():
    from ..helpers import code, told

    text = (
        "Police fired tear gas at students in Dhaka on Monday. Thousands of students marched to the ministry to "
        "protest against the quotas. At least 40 people were wounded."
    )
    [assault] = [e for e in code(text) if e["type"] == "ASSAULT"]
    assert len(told(assault)) == 2


def test_who_gave_the_figures_of_a_toll_told_again_claims_them():
    from ..helpers import code

    text = (
        "A bomb exploded at a market in the city of Kerman on Monday. Shops in the old town stayed closed for "
        "most of the day and the streets were almost empty by the afternoon. On Tuesday Interior Minister Ali "
        "Karimi gave revised figures for the victims of the bombing: 45 dead and 120 injured."
    )
    [ev] = [e for e in code(text) if e["type"] == "ASSAULT"]
    assert ev["fatalities"]["best"] == 45 and "Karimi" in (ev["sources"][0]["attributed_to"] or "")


def test_the_wounded_after_a_riot_are_the_riots_toll_no_assault():
    from ..helpers import code

    text = (
        "Thousands of loyalists of the cleric forced their way into the fortified government compound in Basra "
        "on Saturday and took over the governor's office. A health ministry statement said at least 60 people, "
        "demonstrators and police among them, were wounded."
    )
    assert [e["type"] for e in code(text)] == ["PROTEST"]
