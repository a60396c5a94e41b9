"""Who says so: the claimant of each event."""

import pytest

from ..helpers import code

pytestmark = pytest.mark.slow


def claimants(text, published="2024-03-14"):
    return [(e["type"], e["sources"][0].get("attributed_to")) for e in code(text, published)]


@pytest.mark.parametrize(
    "text, claimant",
    [
        (
            "The fighting killed at least 11 people on Monday, according to the Palestinian Red Crescent.",
            "Palestinian Red Crescent",
        ),
        # the claimant as the report names it, not the actor lists' canonical name
        ("Two sailors died when the missile hit the tanker, according to the US military.", "US military"),
        (
            "The strike destroyed a depot near the port, the spokesman of the Iraqi Armed Forces announced.",
            "Iraqi Armed Forces",
        ),
        ("Gunmen killed 12 people in Mafa on Tuesday, hospital officials said.", "hospital officials"),
        (
            "A drone strike hit a vehicle near Sinjar on Monday, killing three people, two Iraqi security sources "
            "told Reuters.",
            "Iraqi security sources",
        ),
        (
            "Police said on Monday that they had arrested two men in Derry.",
            "police",
        ),  # the doer reports its own act
        ("A pipe bomb was thrown at a house in Derry late on Sunday, police have said.", "police"),
        (
            "State officials put the number of people killed in the city since Monday at between 30 and 36.",
            "State officials",
        ),
        # one who speaks for a named person is not that person
        (
            "Foreign Minister Ana Duarte met her Chilean counterpart in Lima on Friday, her spokeswoman said.",
            "spokeswoman",
        ),
        # a count is whoever counted
        (
            "Eleven people were killed in Tuesday's police raid, according to a count by residents' associations.",
            "residents' associations",
        ),
    ],
)
def test_claimant_of_the_sentence(text, claimant):
    found = dict(claimants(text))
    got = next(iter(found.values()))
    assert got is not None and claimant.lower() in got.lower()


def test_the_reports_own_voice_has_no_claimant():
    assert claimants("Gunmen killed 12 people in the town of Mafa on Tuesday.")[0][1] is None


def test_a_statement_is_its_authors_claim_but_not_its_own_words():
    text = (
        "Statement by the Haitian Collective for Human Rights, Port-au-Prince, 7 October 2024\n\n"
        "On Thursday, members of the Gran Grif gang raided the town of Pont-Sondé, killing at least 115 people.\n\n"
        "We condemn the failure of the State to protect the people of Pont-Sondé."
    )
    found = claimants(text, "2024-10-07")
    assert ("ASSAULT", "Haitian Collective for Human Rights") in found
    assert ("ACCUSE", None) in found


def test_a_heading_names_the_issuer():
    text = (
        "Russian Defence Ministry: strike destroys drone workshop\n\n"
        "Over the past day the Armed Forces of the Russian Federation struck a workshop in Zaporozhye."
    )
    [(kind, who)] = claimants(text, "2024-11-10")
    assert kind == "ASSAULT" and who is not None and "Defence" in who


def test_a_press_release_names_its_issuer():
    text = (
        "Press release - Civic Rights Monitoring Network (CRMN), Abuja, 19 June 2025\n\n"
        "At least 19 people were killed when armed bandits attacked the town of Moriki on Sunday, according "
        "to testimonies gathered by our field monitors."
    )
    [(kind, who)] = claimants(text, "2025-06-19")
    assert kind == "ASSAULT" and who == "Civic Rights Monitoring Network"


def test_a_quotation_of_its_own_is_the_speaker_of_the_sentence_before():
    text = (
        "The interior minister, Omar Haddad, described the standoff as grave and said talks had failed.\n\n"
        '"Soldiers fired on the crowd outside the prison in Tessalit this morning."'
    )
    found = claimants(text)
    assert ("ASSAULT", "Omar Haddad") in found


def test_a_quotation_running_on_is_the_speaker_named_where_it_closes():
    text = (
        '"Militants shelled the hospital in Kuda overnight. Rescuers are still digging," '
        "said Amina Bello, the governor of the state.\n\n"
    )
    found = claimants(text)
    assert found and found[0][1] == "Amina Bello"


def test_a_speakers_own_threat_has_no_claimant():
    text = (
        "Defence Minister Karim Aziz threatened to punish those who fired on the soldiers, he said on Sunday."
    )
    assert ("THREATEN", None) in claimants(text)


def test_underlining_is_saying():
    text = "Gunmen killed four farmers near Bama on Sunday, the governor of the state underlined."
    found = claimants(text)
    assert found and found[0][1] == "governor of the state"


def test_a_past_act_its_doer_reports_is_its_claim():
    text = "The Government of Chad said that in March it had expelled the French ambassador."
    found = claimants(text)
    assert found and found[0][1] == "Government of Chad"


def test_a_spokesmans_word_is_not_the_speakers_own():
    text = "The UN envoy, Maria Lund, condemned the shelling of Kuda on Monday, her spokesman said."
    found = claimants(text)
    assert ("ACCUSE", "spokesman") in found


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


# The rules of SAYER_RULES and the cues of [attribution] in cues.toml, each on a sentence of our own.


def test_an_appositive_name_closes_the_sentence():
    found = claimants("Rebels burned the market in Goma, the mayor of the city, Jean Mbala, told AFP.")
    assert found and found[0][1] == "Jean Mbala"


def test_a_title_is_its_words_when_no_holder_was_named():
    # not the institution the title belongs to ("Military Forces of Nigeria")
    found = claimants("Nigeria's army chief says soldiers have arrested twenty gunmen in Kaduna.")
    assert ("COERCE", "Nigeria's army chief") in found


def test_a_title_is_the_holder_named_before():
    text = "President Mohamed Bazoum visited Niamey on Monday. The president said soldiers had arrested twenty gunmen."
    assert ("COERCE", "Mohamed Bazoum") in claimants(text)


def test_a_sentence_going_on_with_the_account_before_keeps_its_teller():
    text = (
        "According to a government spokesman, the rebels agreed to free the hostages. "
        "In return, the army pulled its troops out of the town."
    )
    assert ("RETREAT", "government spokesman") in claimants(text)


def test_without_a_teller_before_a_going_on_sentence_is_the_reports_own_voice():
    text = "The rebels agreed to free the hostages. In return, the army withdrew its troops from the town."
    assert ("RETREAT", None) in claimants(text)


def test_an_attack_that_claimed_lives_is_not_a_claimant():
    text = (
        "The United Nations condemned the bombing that claimed many lives and urged the authorities to act."
    )
    assert all(who is None for _, who in claimants(text))


def test_hearsay_is_on_the_word_of_the_one_who_confirms_its_toll():
    text = (
        "Gunmen reportedly killed at least 40 villagers in Djibo in northern Burkina Faso. "
        "The attackers burned houses. "
        "A police source who confirmed the death toll on Monday said no group had claimed the attack."
    )
    found = [r for r in _records(text) if r[0] == "ASSAULT"]
    assert found and found[0][1] == "police source"


def test_reports_are_a_claimant():
    """ "according to reports", "reports say": the report credits reports (as "sources told Y"
    credits sources), not its own voice."""
    assert claimants("According to reports, soldiers fired on the crowd in Bamako on Friday.") == [
        ("ASSAULT", "reports")
    ]
    text = "Reports say the police fired rubber bullets at the marchers in Lomé on Friday."
    assert [c for t, c in claimants(text) if t == "ASSAULT"] == ["Reports"]


def test_an_alert_put_out_or_an_instruction_is_no_saying():
    """ "put out an alert" is no figure put; "telling people not to travel" is an instruction: the
    figure of the clause before it is in the report's own voice."""
    text = (
        "After the blasts, which killed at least 13 people, the embassy put out an alert telling "
        "citizens not to travel to the airport on Friday."
    )
    assert [c for t, c in claimants(text) if t == "ASSAULT"] == [None]


def test_a_sentence_cut_short_by_a_stray_full_stop_is_credited_where_it_ends():
    text = (
        "A complaint was lodged against the soldiers with prosecutors in Huamanga. "
        "to establish the facts, but the office of the ombudsman said in a statement."
    )
    found = claimants(text)
    assert found and found[0][1] == "office of the ombudsman"


def test_who_speaks_of_an_event_tells_it():
    assert ("ASSAULT", "minister") in claimants("The minister mentioned the shelling of Kharkiv on Sunday.")


def test_who_condemns_a_deed_reports_it():
    text = (
        "The Foreign Ministry of Iraq condemns in the strongest terms the Turkish drone strike that "
        "targeted a civilian vehicle near Sinjar on Monday, killing two Iraqi citizens."
    )
    found = claimants(text)
    assert ("ASSAULT", "Foreign Ministry of Iraq") in found and ("ACCUSE", None) in found


def test_a_clause_of_condition_is_not_the_telling():
    text = "The president suspended the talks with the rebels until the guerrilla shows a real commitment to peace."
    assert all(who is None for _, who in claimants(text))


def test_as_officials_said_is_the_telling():
    found = claimants("Gunmen killed 12 people in Mafa on Tuesday, as hospital officials said.")
    assert found == [("ASSAULT", "hospital officials")]


def test_a_spoken_act_in_the_first_person_is_the_speakers_own_words():
    text = '"We will retaliate against the army," the rebel commander said on Sunday.'
    assert claimants(text) == [("THREATEN", None)]


def test_a_threat_to_come_is_not_a_past_act_its_doer_recalls():
    text = "The group said it would keep fighting and added that the enemy will certainly be punished for the attack."
    assert ("THREATEN", None) in claimants(text)


def test_a_source_telling_reporters_closes_the_sentence():
    text = (
        "Gunmen burned the market in Goma on Monday, killing three traders, a police officer told reporters."
    )
    assert claimants(text) == [("ASSAULT", "police officer")]


def test_we_in_a_quotation_is_its_speaker():
    """'"We know that 12 soldiers have died ...," General Omar Lee told reporters': the "we" who
    knows is the quotation's speaker, not the photo credit or a statement's issuer."""
    text = (
        "Photo: AFP via Getty Images\n\n"
        "Militants stormed the base near Kabul on Thursday.\n\n"
        '"We know that 12 soldiers have died in the attack. A number of civilians were hurt," '
        "General Omar Lee told reporters."
    )
    assert claimants(text) == [("ASSAULT", "Omar Lee")]
