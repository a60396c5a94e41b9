"""Date expressions: resolution, precision, anchoring on the publication date."""

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventcoder.sentence.date_patterns import GATES, PATTERNS, RELATIVE_GROUP
from eventcoder.sentence.dates import find_dates, follow_full_date, parse_span, scan

PUB = date(2013, 2, 11)  # a Monday


def one(text, pub=PUB):
    found = find_dates(text, pub)
    assert len(found) == 1, found
    e = found[0]
    return e.start.isoformat(), e.end.isoformat(), e.precision


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Rockets hit the camp on Saturday.", ("2013-02-09", "2013-02-09", "day")),
        ("In July 2009, the army attacked the camp.", ("2009-07-01", "2009-07-31", "month")),
        ("It all began in 1986, when", ("1986-01-01", "1986-12-31", "year")),
        ("on July 28, 2009", ("2009-07-28", "2009-07-28", "day")),
        ("on 28 July 2009", ("2009-07-28", "2009-07-28", "day")),
        ("on 28/07/2009", ("2009-07-28", "2009-07-28", "day")),
        ("between 2009 and 2011", ("2009-01-01", "2011-12-31", "range")),
        ("in early 2013", ("2013-01-01", "2013-04-30", "range")),
        ("in late April", ("2012-04-21", "2012-04-30", "range")),
        ("by mid-September", ("2012-09-11", "2012-09-20", "range")),
        ("two days ago", ("2013-02-09", "2013-02-09", "day")),
        ("yesterday", ("2013-02-10", "2013-02-10", "day")),
        ("last Tuesday", ("2013-02-05", "2013-02-05", "day")),
        ("last week", ("2013-02-04", "2013-02-10", "week")),
        ("earlier this month", ("2013-02-01", "2013-02-11", "month")),
        ("on April 8", ("2012-04-08", "2012-04-08", "day")),
        ("on February 8", ("2013-02-08", "2013-02-08", "day")),
        # the night before the day named
        ("shot dead five people overnight into Sunday", ("2013-02-09", "2013-02-10", "range")),
        ("fighting on Friday night into Saturday", ("2013-02-08", "2013-02-09", "range")),
        # a span of weekdays, the latest that ends by publication
        ("the raids went on from Saturday to Monday", ("2013-02-09", "2013-02-11", "range")),
        # a weekday of the week before the week of publication
        ("troops fired on the crowd on Friday last week", ("2013-02-08", "2013-02-08", "day")),
        # a span of days in one month; two days joined by "and" are two days, not a span
        ("clashes on January 29-30 left 12 dead", ("2013-01-29", "2013-01-30", "range")),
        ("the talks ran from 4 to 6 February", ("2013-02-04", "2013-02-06", "range")),
        ("a fortnight ago", ("2013-01-25", "2013-01-31", "week")),
        ("this past weekend", ("2013-02-09", "2013-02-10", "range")),
    ],
)
def test_expressions(text, expected):
    assert one(text) == expected


# what each pattern's example resolves to against PUB (every pattern of the table needs one)
PATTERN_SPANS = {
    "ordinal_day": ("2013-02-08", "2013-02-08", "day"),
    "decade": ("1990-01-01", "1993-12-31", "decade"),
    "iso": ("2009-07-28", "2009-07-28", "day"),
    "numeric": ("2009-07-28", "2009-07-28", "day"),
    "between_years": ("2009-01-01", "2011-12-31", "range"),
    "year_span": ("2009-01-01", "2011-12-31", "range"),
    "iso_month": ("2012-04-01", "2012-04-30", "month"),
    "month_day_year": ("2009-07-28", "2009-07-28", "day"),
    "month_day_range": ("2009-07-28", "2009-07-29", "range"),
    "day_range_month": ("2012-06-03", "2012-06-05", "range"),
    "weekday_last_week": ("2013-02-05", "2013-02-05", "day"),
    "day_month_year": ("2009-07-28", "2009-07-28", "day"),
    "part_month_year": ("2009-07-21", "2009-07-31", "range"),
    "part_month": ("2012-09-11", "2012-09-20", "range"),
    "part_year": ("2013-01-01", "2013-04-30", "range"),
    "month_year": ("2009-07-01", "2009-07-31", "month"),
    "month_day": ("2012-04-08", "2012-04-08", "day"),
    "day_month": ("2013-02-08", "2013-02-08", "day"),
    "ago": ("2013-02-09", "2013-02-09", "day"),
    "night_into": ("2013-02-09", "2013-02-10", "range"),
    "overnight_on": ("2013-02-09", "2013-02-10", "range"),
    "weekday_pair": ("2013-02-09", "2013-02-10", "range"),
    "part_relative": ("2013-01-21", "2013-01-31", "range"),
    "last_month_named": ("2012-12-01", "2012-12-31", "month"),
    "weekday_range": ("2013-02-07", "2013-02-09", "range"),
    "last_weekday": ("2013-02-05", "2013-02-05", "day"),
    "weekday": ("2013-02-09", "2013-02-09", "day"),
    "relative": ("2013-02-10", "2013-02-10", "day"),
    "since": ("2003-01-01", "2013-02-11", "range"),
    "in_month": ("2012-03-01", "2012-03-31", "month"),
    "year": ("2011-01-01", "2011-12-31", "year"),
}


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.name)
def test_each_pattern_reads_its_example(pattern):
    [(by, m, (start, end, precision, _))] = scan(pattern.example, PUB)
    assert by.name == pattern.name and m.group(0) == pattern.example
    assert (start.isoformat(), end.isoformat(), precision) == PATTERN_SPANS[pattern.name]


# the span each group of [relative] phrases in dates.toml names, against PUB (a Monday)
RELATIVE_SPANS = {
    "today": ("2013-02-11", "2013-02-11", "day"),
    "yesterday": ("2013-02-10", "2013-02-10", "day"),
    "past_day": ("2013-02-10", "2013-02-11", "range"),
    "last_week": ("2013-02-04", "2013-02-10", "week"),
    "this_week": ("2013-02-11", "2013-02-11", "week"),
    "weekend": ("2013-02-09", "2013-02-10", "range"),
    "past_week": ("2013-02-04", "2013-02-11", "range"),
    "past_weeks": ("2013-01-12", "2013-02-11", "range"),
    "last_month": ("2013-01-01", "2013-01-31", "month"),
    "this_month": ("2013-02-01", "2013-02-11", "month"),
    "earlier_this_year": ("2013-01-01", "2013-02-11", "range"),
    "this_year": ("2013-01-01", "2013-02-11", "year"),
    "last_year": ("2012-01-01", "2012-12-31", "year"),
}


@pytest.mark.parametrize("phrase, group", sorted(RELATIVE_GROUP.items()))
def test_each_relative_phrase_names_its_span(phrase, group):
    [(by, m, (start, end, precision, kind))] = scan(phrase.capitalize(), PUB)
    assert by.name == "relative" and m.group(0).lower() == phrase and kind == "relative"
    assert (start.isoformat(), end.isoformat(), precision) == RELATIVE_SPANS[group]


def test_numbers_are_not_years():
    assert find_dates("The fighting killed 2,000 people and 1990 soldiers.", PUB)[:1] == [] or all(
        e.text != "2,000" for e in find_dates("The fighting killed 2,000 people.", PUB)
    )


def test_relative_dates_need_an_anchor():
    assert find_dates("on Saturday", None) == []
    assert one("In July 2009", None) == ("2009-07-01", "2009-07-31", "month")


def test_offsets_point_at_the_words():
    text = "Police said that on Saturday gunmen attacked."
    [e] = find_dates(text, PUB, offset=100)
    assert text[e.start_char - 100 : e.end_char - 100] == "Saturday"


@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)),
    st.sampled_from(
        [
            "on Monday",
            "last Friday",
            "yesterday",
            "last week",
            "last month",
            "in March",
            "in late May",
            "two weeks ago",
            "earlier this year",
            "in 2001",
            "on 3 June",
            "since 2003",
            "between 2009 and 2011",
        ]
    ),
)
def test_start_never_after_end_and_precision_fits(pub, text):
    for e in find_dates(text, pub):
        assert e.start <= e.end
        span = (e.end - e.start).days
        limit = {"day": 0, "week": 6, "month": 30, "year": 365}.get(e.precision)
        if limit is not None:
            assert span <= limit


def test_anchored_expressions():
    from eventcoder.sentence.dates import anchor, find_anchored

    prior = find_dates("In July 2009 the army attacked the camp.", None)[0]
    [dur] = find_anchored("For nearly two years the residents were under siege.")
    assert anchor(dur, prior, date(2013, 2, 11)) == (date(2009, 7, 1), date(2011, 7, 1), "range")
    day = find_dates("on 12 March 2024", None)[0]
    [nxt] = find_anchored("The next day, police arrested three men.")
    assert anchor(nxt, day, None) == (date(2024, 3, 13), date(2024, 3, 13), "day")
    [since] = find_anchored("Since then, police have arrested 40 people.")
    assert anchor(since, day, date(2024, 3, 20)) == (date(2024, 3, 13), date(2024, 3, 20), "range")
    [same] = find_anchored("Earlier in the day, troops had sealed off the square.")
    assert anchor(same, day, None) == (date(2024, 3, 12), date(2024, 3, 12), "day")


def test_so_many_units_earlier_or_later_counts_from_the_earlier_date():
    from eventcoder.sentence.dates import anchor, find_anchored

    day = find_dates("on 24 July 2025", None)[0]
    [back] = find_anchored("Two weeks earlier, the ministers had met in the capital.")
    assert (back.kind, back.unit) == ("offset", "week")
    assert anchor(back, day, None) == (date(2025, 7, 7), date(2025, 7, 13), "week")
    [ahead] = find_anchored("Three days later, rebels shelled the town.")
    assert anchor(ahead, day, None) == (date(2025, 7, 27), date(2025, 7, 27), "day")
    [one] = find_anchored("A day later, police arrested two men.")
    assert anchor(one, day, None) == (date(2025, 7, 25), date(2025, 7, 25), "day")


def test_past_day_and_overnight():
    assert one("over the past day") == ("2013-02-10", "2013-02-11", "range")
    assert one("Overnight, drones struck") == ("2013-02-10", "2013-02-10", "day")
    assert one("Drones struck the depot last night") == ("2013-02-10", "2013-02-10", "day")


def test_with_no_publication_date_a_weekday_is_kept_unresolved():
    from eventcoder.sentence.dates import find_unresolved, resolve_near

    assert find_dates("Troops shelled the hills on Friday.", None) == []
    [friday] = find_unresolved("Troops shelled the hills on Friday.", [])
    assert friday.text == "Friday"
    assert resolve_near(friday, date(2021, 3, 3)) == (date(2021, 3, 5), date(2021, 3, 5), "day")
    [ago] = find_unresolved("Troops shelled the hills two days ago.", [])
    assert ago.text == "two days ago" and resolve_near(ago, date(2021, 3, 3)) is None


def test_a_year_in_a_name_is_no_date():
    assert find_dates("They marched against the Finance Act 2019 in the capital.", PUB) == []
    assert one("In 2009, they marched.")[0] == "2009-01-01"


def test_a_year_hyphened_to_a_word_describes_a_thing():
    assert find_dates("The 1999-built tanker was hit by a missile.", PUB) == []
    assert find_dates("They revived 2011-era rules.", PUB) == []
    assert one("The 2009-11 drought hit the north.")[:2] == ("2009-01-01", "2011-12-31")


def test_dateparser_reads_what_the_patterns_do_not():
    from eventcoder.sentence.dates import parse_span

    assert parse_span("Sept. 5th", date(2024, 3, 14)) == (date(2023, 9, 5), date(2023, 9, 5), "day")
    assert parse_span("September 2023", None) == (date(2023, 9, 1), date(2023, 9, 30), "month")
    assert parse_span("the past decade", date(2024, 3, 14)) is None
    assert parse_span("Tuesday night", None) is None  # nothing to anchor it to


@pytest.mark.parametrize(
    "text, span",
    [
        ("in the 1980s", ("1980-01-01", "1989-12-31", "decade")),
        ("since the 1970s", ("1970-01-01", "1979-12-31", "decade")),
        ("in the late 1990s", ("1997-01-01", "1999-12-31", "decade")),
        ("in the mid-2000s", ("2003-01-01", "2006-12-31", "decade")),
        ("the 1990's", ("1990-01-01", "1999-12-31", "decade")),
    ],
)
def test_a_decade_is_a_decade(text, span):
    """A decade is read as its ten years (or the part named), precision decade, with or
    without a publication date."""
    for pub in (PUB, None):
        [d] = find_dates(text, pub)
        assert (d.start.isoformat(), d.end.isoformat(), d.precision) == span


def test_a_decade_after_publication_is_no_date():
    assert find_dates("in the 2020s", date(2013, 2, 11)) == []


def test_dateparser_never_fills_in_the_day_of_the_run():
    """A span dateparser cannot read in full ("the 1980s" once came out as the day of the run,
    precision day) gives nothing rather than a date of another year than the text names."""
    assert parse_span("the 1980s", None) is None
    assert parse_span("the 5th of September 2023", None)[0] == date(2023, 9, 5)


def test_an_ordinal_day_is_the_latest_such_day():
    assert [d.start for d in find_dates("clashes on the 8th", date(2024, 5, 9))] == [date(2024, 5, 8)]
    assert [d.start for d in find_dates("clashes on the 20th", date(2024, 5, 9))] == [date(2024, 4, 20)]
    assert [d.start for d in find_dates("clashes on the 31st", date(2024, 3, 9))] == []  # no 31 February
    assert find_dates("clashes on the 8th", None) == []


# -- the prefilter (date_patterns.GATES) hides no match ----------------------------------------
DATA = Path(__file__).resolve().parents[1] / "data"


def _found(text, gated):
    return [(p.name, m.span(), r) for p, m, r in scan(text, PUB, 2013, gated=gated)]


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.name)
def test_each_pattern_passes_its_gates_and_holds_them(pattern):
    gates = GATES.get(pattern.name, ())
    assert all(g.holds(pattern.example, pattern.example.lower()) for g in gates)
    assert all(g.holds(pattern.example, None) for g in gates)
    for gate in gates:  # every gate is a piece of the pattern's own expression
        piece = gate.full.pattern.removeprefix("(?:").removesuffix(")")
        assert piece in pattern.regex.pattern, (pattern.name, gate.full.pattern)
        assert gate.full.flags & re.I == pattern.regex.flags & re.I or gate.full.pattern == r"\d"
        assert gate.folded.pattern == gate.full.pattern.lower()


def _data_lines() -> list[str]:
    """Every non-empty line of the corpora's documents (never real-heldout's)."""
    return [
        line
        for folder in ("dev", "heldout", "real", "merge")
        for path in sorted((DATA / folder / "docs").glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def test_the_gates_hide_no_date_in_the_sentences_of_the_data():
    lines = _data_lines()
    assert len(lines) > 500
    made = [
        "Shelling resumed overnight into Sunday, two weeks ago.",
        "He spoke of the 1990s, late May 2024, on the 3rd and mid-June.",
        "It has rained since 2003 and in March, last Tuesday and yesterday.",
        "No date at all in this one.",
        "IN MARCH, ON SUNDAY NIGHT, THREE DAYS AGO, MID-JULY.",
        "Caf\u00e9 owners met on Monday, 3 March.",
    ]
    with_dates = 0
    for text in lines + made + [p.example for p in PATTERNS]:
        found = _found(text, gated=True)
        assert found == _found(text, gated=False), text
        with_dates += bool(found)
    assert with_dates > 100


def test_what_the_patterns_match_without_case_their_tables_read_too():
    # re.IGNORECASE folds "ſ" (long s) to "s": the look-ups fold the same way, never a KeyError
    found = find_dates("Fighting broke out in early ſeptember and again on ſunday, two dayſ ago.", PUB)
    assert [e.precision for e in found] == ["range", "day", "day"]


def test_the_unit_gate_of_anchored_expressions_is_a_piece_of_both_and_hides_nothing():
    from eventcoder.sentence import dates

    piece = dates._UNIT_NAME.full.pattern.removeprefix("(?:").removesuffix(")")
    assert piece in dates._DURATION.pattern and piece in dates._OFFSET.pattern
    found = dates.find_anchored("The siege went on for three Weeks; two days later the town fell.")
    assert [a.kind for a in found] == ["duration", "offset"]
    lines = _data_lines()
    for text in [*lines, "Caf\u00e9 owners waited for two DAYS.", "F\u00eate: three weeks later."]:
        if not dates._UNIT_NAME.holds(text, text.lower() if text.isascii() else None):
            assert dates._DURATION.search(text) is None and dates._OFFSET.search(text) is None, text


def test_a_day_shortly_after_publication_is_of_its_year():
    # a day planned ("talks are due on 20 February") lies ahead, not a year back
    assert one("the talks are due to resume on 20 February") == ("2013-02-20", "2013-02-20", "day")
    assert one("the vote was held on December 30") == ("2012-12-30", "2012-12-30", "day")


def test_since_a_year_with_no_publication_date_is_a_bound_not_a_year_of_events():
    (expr,) = find_dates("the general, in power since 1987, won again", None)
    assert (expr.kind, expr.start.isoformat()) == ("since", "1987-01-01")


def test_a_day_after_publication_is_not_taken_ahead_after_a_date_of_another_year():
    found = find_dates("On 3 January 2011 rebels took the port, and on 20 February they left", PUB, 2011)
    assert [e.start.isoformat() for e in found] == ["2011-01-03", "2012-02-20"]


def test_a_year_less_day_just_after_a_full_date_of_another_year_is_of_that_year():
    text = "On 14 March 2022 rebels seized the dam. Troops took it back on 2 April and on 9 July."
    found, last = follow_full_date(find_dates(text, date(2025, 1, 10)), None)
    assert [(e.text, e.start.isoformat()) for e in found] == [
        ("14 March 2022", "2022-03-14"),
        ("2 April", "2022-04-02"),
        ("9 July", "2024-07-09"),  # too long after it to be told as its sequel
    ]
    assert last is found[0]


def test_a_year_less_day_of_the_recent_past_stays_news_after_a_full_date_of_another_year():
    text = "The general, killed on 3 January 2020, was mourned. On 4 January the minister gave new figures."
    pub = date(2024, 1, 5)
    found, _ = follow_full_date(find_dates(text, pub), None, date(2023, 12, 5))
    assert [e.start.isoformat() for e in found] == ["2020-01-03", "2024-01-04"]
