"""Whose a date expression is: the report's own year, a name's year."""

import datetime

import pytest

from eventcoder.document.date_scope import other_dates, the_only_year

from ..helpers import nlp


def test_an_undated_report_that_names_one_year_dates_its_days_in_it():
    assert the_only_year("Protests against the Finance Bill 2024 ... a press conference on June 25.") == 2024
    assert the_only_year("In 2019 and again in 2021 ...") is None
    assert the_only_year("Police said 2,000 people marched on June 25.") is None


@pytest.mark.slow
def test_a_year_in_a_name_is_no_date_from_the_ner_either():
    sent = next(nlp()("Thousands marched against the Finance Bill 2024 in Nairobi.").sents)
    assert other_dates(sent, [], datetime.date(2024, 6, 30)) == []


@pytest.mark.slow
def test_a_date_right_after_a_preposition_times_the_clause_whatever_the_parse():
    from eventcoder.document.date_scope import names_a_thing
    from eventcoder.sentence.dates import find_dates

    doc = nlp()("On March 3 Kenya's interior minister Kithure Kindiki banned all protests in Nairobi.")
    (expr,) = find_dates(doc.text, datetime.date(2024, 3, 5), 2024)
    assert not names_a_thing(doc, expr)
    doc = nlp()("Officials said the March 3 bombing killed nine.")
    (expr,) = find_dates(doc.text, datetime.date(2024, 3, 5), 2024)
    assert names_a_thing(doc, expr)


@pytest.mark.slow
def test_an_age_the_ner_marks_as_a_date_is_no_year():
    sent = next(nlp()("Her grandfather, Amos Levi, is 84, his son said on Monday.").sents)
    assert "84" not in [e.text for e in other_dates(sent, [], datetime.date(2024, 6, 30))]


@pytest.mark.slow
def test_a_bare_number_after_a_name_is_an_age_not_a_year():
    sent = next(nlp()("Grace Mwangi, 37, a nurse at the clinic, was wounded by a stray bullet.").sents)
    assert all(e.start.year > 2000 for e in other_dates(sent, [], datetime.date(2024, 6, 30)))
    text = "The ministry put the toll at 64, above its first count of 40, on Tuesday."
    sent = next(nlp()(text).sents)
    assert [e.text for e in other_dates(sent, [], datetime.date(2024, 6, 30))] in ([], ["Tuesday"])
