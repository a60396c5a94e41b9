"""Later tellings folded into the event told before (eventcoder.document.references)."""

import pytest

from eventcoder.document.references import Told
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
