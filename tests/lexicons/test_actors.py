"""Actor normalisation: named actors, generic state institutions, titles, unknown parties."""

import pytest

from eventcoder.lexicons.actors import actor_index, clean_mention

MEK = "People's Mojahedin Organization of Iran"


@pytest.fixture(scope="module")
def idx():
    return actor_index()


@pytest.mark.parametrize(
    "text, name, country, sector",
    [
        ("PMOI", MEK, "IR", None),
        ("the People's Mojahedin Organization of Iran", MEK, "IR", None),
        ("Mujahedin-e Khalq", MEK, "IR", None),
        ("11 MEK members", MEK, "IR", None),
        ("the MEK's", MEK, "IR", None),
        ("Russian troops", "Military Forces of Russia", "RU", "military"),
        ("Assad forces", "Military Forces of Syria", "SY", "military"),
        ("Syrian security forces", "Military Forces of Syria", "SY", "military"),
        ("Iranian surveillance planes", "Military Forces of Iran", "IR", "military"),  # military aircraft
        ("the Iranian regime", "Government of Iran", "IR", "government"),
        ("Malian gendarmes", "Police Forces of Mali", "ML", "police"),
        ("Prime Minister Nuri al-Maliki", "Nuri al-Maliki", "IQ", "government"),
        ("al-Maliki", "Nuri al-Maliki", "IQ", "government"),
        ("the Islamic State", "ISIS", None, None),
        ("Daesh fighters", "ISIS", None, None),
        ("Iraqis", "Civilians (Iraq)", "IQ", "civilians"),
        ("Iraq", "Iraq", "IQ", "government"),
        ("the world body", "United Nations", None, None),  # the wires' name for the UN
    ],
)
def test_known_parties(idx, text, name, country, sector):
    p = idx.resolve(text)
    assert p.name == name and p.text == text
    if country:
        assert p.country == country
    if sector:
        assert p.sector == sector


def test_unknown_party_keeps_its_words(idx):
    p = idx.resolve("the Zarqa Valley Farmers' Committee")
    assert p.name == "Zarqa Valley Farmers' Committee"


def test_title_without_name_falls_back_to_the_state(idx):
    p = idx.resolve("the Iraqi prime minister")
    assert p.country == "IQ" and p.sector == "government"


def test_short_uppercase_aliases_are_case_sensitive(idx):
    assert idx.named("what is said") is None
    assert idx.named("IS") is not None


def test_clean_mention():
    assert clean_mention("over 5.2 million Iraqi") == "Iraqi"
    assert clean_mention("the MEK's") == "MEK"
    assert clean_mention("the People's Mojahedin") == "People's Mojahedin"
    assert clean_mention("then-US Senator John Kerry") == "US Senator John Kerry"


def test_numbered_units_keep_their_number():
    assert clean_mention("the 444 Brigade") == "444 Brigade"
    assert clean_mention("30 soldiers") == "soldiers"


def test_short_capitalised_aliases_with_digits_and_dots():
    idx = actor_index()
    assert idx.resolve("M23").name == "March 23 Movement"
    assert idx.resolve("U.S.").name == "United States"
    assert idx.resolve("the US").name == "United States"


@pytest.mark.parametrize(
    "text, name, country",
    [
        ("Sudan's army", "Military Forces of Sudan", "SD"),
        ("Nigeria\u2019s police", "Police Forces of Nigeria", "NG"),
        ("Pakistan's foreign ministry", "Government of Pakistan", "PK"),
    ],
)
def test_a_countrys_possessive_names_its_institution(idx, text, name, country):
    party = idx.resolve(text)
    assert (party.name, party.country, party.text) == (name, country, text)


@pytest.mark.parametrize(
    "text, name",
    [
        ("jihadist", "jihadists"),  # "a jihadist attack": a word for one member, used of the group
        ("rebel", "rebels"),
        ("gunman", "gunmen"),
        ("a gunman", "gunman"),  # one gunman, told as such
        ("the rebels", "rebels"),
    ],
)
def test_a_members_word_used_of_the_group_names_the_group(idx, text, name):
    p = idx.resolve(text)
    assert p.name == name and p.text == text


@pytest.mark.parametrize(
    "text, name",
    [
        ("his own Presidential Guard", "Military Forces of Niger"),  # a guard is a state's forces
        ("the Republican Guard", "Military Forces of Niger"),
        ("a regime jet fighter", "Military Forces of Niger"),  # a warplane, not a fighter of a group
        ("the fighter jets", "Military Forces of Niger"),
    ],
)
def test_guards_and_warplanes_are_a_states_forces(idx, text, name):
    p = idx.resolve(text, context_country="NE")
    assert p.name == name and p.sector == "military"


def test_own_is_no_part_of_a_name():
    assert clean_mention("their own militia") == "militia"
