"""evidence.py: headlines and subheadings, and the lines that are paragraphs though they end in no stop."""

import pytest

from ..helpers import code

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("end", [" https://t.co/Qx81Lm", " \U0001f622"])
def test_a_post_ending_in_a_link_or_a_pictograph_is_no_subheading(end):
    text = (
        "Clashes in the capital\n\nThe ministry said the city was calm.\n\n"
        f"Soldiers shot dead four students near the university in Conakry on Friday{end}\n\n"
        "The ministry said schools would reopen."
    )
    [ev] = [e for e in code(text) if e["type"] == "ASSAULT"]
    assert ev["sources"][0]["sentence"].startswith("Soldiers shot dead")
