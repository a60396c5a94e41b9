"""Event records made from the mentions of new events (eventcoder.document.records)."""

import pytest

from ..helpers import code

pytestmark = pytest.mark.slow


def test_a_statement_is_not_placed_where_the_deed_it_speaks_of_was_done():
    text = (
        "Mali's defence minister addressed soldiers at a base in Kati on Tuesday.\n\n"
        'The rebels "must be punished" for their attack on the army garrison in Gao, according to the minister.'
    )
    [threat] = [e for e in code(text) if e["type"] == "THREATEN"]
    assert threat["location"]["name"] != "Gao"


@pytest.mark.slow
def test_a_quoted_statement_with_no_speaker_in_its_clause_is_the_quotations_speakers():
    text = (
        '"Our port was shelled again last night. The fascists stop at nothing," '
        "the regional governor Oleh Marchenko said on Monday."
    )
    [accuse] = [e for e in code(text) if e["type"] == "ACCUSE"]
    assert accuse["actor"] is not None and "Marchenko" in accuse["actor"]["name"]
