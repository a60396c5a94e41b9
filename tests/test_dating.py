"""Which date each event gets: governing expression, statements, nested clauses, carry-over."""

import pytest

from .test_coding import code

pytestmark = pytest.mark.slow


def test_statement_in_the_present_is_dated_to_publication():
    text = (
        "The Ministry of Foreign Affairs condemns in the strongest terms the drone strike that hit a car "
        "near Sinjar on 10 June."
    )
    [accuse] = [e for e in code(text, "2024-06-12") if e["type"] == "ACCUSE"]
    assert accuse["date"]["start"] == accuse["date"]["end"] == "2024-06-12"


def test_date_of_a_nested_clause_is_not_the_event_date():
    text = "On Sunday the government rejected the declaration that the two sides signed in May 2023."
    [reject] = [e for e in code(text, "2024-12-09") if e["type"] == "REJECT"]
    assert reject["date"]["start"] == "2024-12-08"


def test_anchored_duration_after_a_dated_event():
    text = (
        "In July 2009, soldiers attacked the camp.\n\nFor nearly two years the residents were subject to a "
        "ban on imports of food and medicine."
    )
    ban = [e for e in code(text, None) if e["type"] in ("COERCE", "SANCTION")]
    assert ban and ban[0]["date"]["start"] == "2009-07-01" and ban[0]["date"]["precision"] == "range"


def test_report_with_no_date_gets_the_week_before_publication():
    [ev] = code("Gunmen attacked a police station in the town, killing two officers.", "2024-03-14")
    assert (ev["date"]["start"], ev["date"]["end"], ev["date"]["precision"]) == (
        "2024-03-08",
        "2024-03-14",
        "week",
    )


def test_announced_events_are_not_reported():
    assert code("Opposition parties will hold a rally on 20 March.", "2024-03-14") == []
