"""How alike two records' slots are: the checks that two records of one report share."""

import pytest

from eventcoder.corpus.likeness import TWIN_CHECKS, twin_check_failed
from eventcoder.model import DateSpan, Event, Party, Source


def _record(sentence, **slots):
    slots = {
        "type": "SANCTION",
        "mode": "expel",
        "date": DateSpan("2024-02-05", "2024-02-05", "day"),
        "actor": Party("Government of Chad", country="TD", sector="government"),
        "target": Party("Government of Germany", country="DE", sector="government"),
        **slots,
    }
    return Event(
        id=f"ev-{abs(hash(sentence)) % 10_000}", sources=[Source("r", sentence, 0, len(sentence))], **slots
    )


FIRST = _record("Chad expelled the German ambassador on Monday.")
# for each check, the slot that the second record of the check's example has of its own
SECOND = {
    "one type": {"type": "ACCUSE", "mode": "expel"},
    "one mode, told": {"mode": None},
    "one date": {"date": DateSpan("2024-02-07", "2024-02-07", "day")},
    "one target": {"target": Party("Government of Sudan", country="SD", sector="rebels")},
    "actors not apart": {"actor": Party("rebels", sector="rebels")},
}


def test_two_tellings_of_one_expulsion_share_every_slot():
    told_again = _record(
        '"The ambassador has 72 hours to leave," the government said on Monday.',
        target=Party("German ambassador", country="DE", sector="government"),
    )
    assert twin_check_failed(FIRST, told_again) is None


@pytest.mark.parametrize("check", TWIN_CHECKS, ids=lambda c: c.name)
def test_each_check_keeps_its_example_apart(check):
    second = _record(check.example[1], **SECOND[check.name])
    assert twin_check_failed(FIRST, second) == check.name
    assert check.example[0] != check.example[1]


def test_parties_of_two_countries_are_apart_though_their_names_share_a_word():
    from eventcoder.corpus.likeness import party_score, weights

    chad = Party("Government of Chad", country="TD", sector="government")
    germany = Party("Government of Germany", country="DE", sector="government")
    assert party_score(chad, germany) == weights()["parties"]["other_country"] < 0
    assert party_score(Party("Chadian troops", country="TD"), Party("Chad", country="TD")) > 0
