"""The ACLED and UCDP rows: one event one row, actor1 never empty, labels, names and codes of today."""

import csv
import io
import logging

import pytest

from eventcoder.io import aggregate, datasets, export, world
from eventcoder.io import tables as ff
from eventcoder.lexicons.data import read_csv
from eventcoder.model import Count, DateSpan, Event, Party, Place, Source

MOSUL = Place("Mosul", "IQ", 36.34, 43.13, "town", admin1="Nineveh")
TAL_AFAR = Place("Tal Afar", "IQ", 36.37, 42.45, "town", admin1="Nineveh")
NINEVEH = Place("Nineveh", "IQ", None, None, "admin1", admin1="Nineveh")
IRAQ = Place("Iraq", "IQ", None, None, "country")
ISIS = Party("Islamic State", country="IQ", sector="rebels")
GUNMEN = Party("gunmen")
CIVILIANS = Party("Civilians (Iraq)", country="IQ", sector="civilians")
POLICE = Party("police", country="IQ", sector="police")
IRAQI_ARMY = Party("Military Forces of Iraq", country="IQ", sector="military")
TURKISH_ARMY = Party("Military Forces of Turkey", country="TR", sector="military")
SENTENCE = "Gunmen attacked a checkpoint in Mosul on Monday, and Islamic State said its fighters killed five policemen."
END = len(SENTENCE)


def record(
    id_,
    type_="ASSAULT",
    mode=None,
    actor=None,
    target=None,
    place=MOSUL,
    day="2024-02-05",
    doc="r1",
    start=0,
    end=END,
    killed=None,
    said=None,
):
    src = Source(doc_id=doc, sentence=SENTENCE, start=start, end=end, attributed_to=said)
    return Event(
        id=id_,
        type=type_,
        mode=mode,
        sources=[src],
        actor=actor,
        target=target,
        location=place,
        date=DateSpan(day, day, "day") if day else None,
        fatalities=Count(*killed) if killed else None,
    )


def rows(fmt, events):
    out = io.StringIO()
    n = export.write(events, fmt, out)
    table = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(table) == n
    return table


# -- one event, one row ------------------------------------------------------------------------------


def test_two_readings_of_one_sentence_are_one_row():
    attack = record("a", actor=GUNMEN, target=Party("checkpoint"), killed=(5, 5, 5))
    claim = record("b", actor=ISIS, target=POLICE, killed=(5, 5, 7), said="Islamic State")
    (row,) = rows("acled", [attack, claim])
    assert (row["actor1"], row["inter1"], row["assoc_actor_1"]) == ("Islamic State", "Rebel group", "gunmen")
    assert (row["actor2"], row["assoc_actor_2"]) == ("police", "checkpoint")
    assert (row["sub_event_type"], row["interaction"]) == ("Armed clash", "State forces-Rebel group")
    assert row["folded"] and row["fatalities"] == "5" and row["fatalities_high"] == "7"
    (ucdp,) = rows("ucdp", [attack, claim])
    assert (ucdp["side_a"], ucdp["side_b"], ucdp["gwnoa"]) == ("Government of Iraq", "Islamic State", "645")


@pytest.mark.parametrize(
    "other, why",
    [
        (record("b", "MOBILIZE", "troops", actor=IRAQI_ARMY), "another type, with an actor of its own"),
        (
            record("b", actor=ISIS, target=CIVILIANS, place=Place("Basra", "IQ", 30.5, 47.8, "town")),
            "elsewhere",
        ),
        (record("b", actor=ISIS, target=CIVILIANS, day="2021-06-01"), "years apart"),
        (record("b", actor=ISIS, target=CIVILIANS, start=200, end=260), "another sentence"),
        (record("b", actor=ISIS, target=CIVILIANS, doc="r2"), "another report"),
    ],
)
def test_what_is_not_one_event_stays_apart(other, why):
    attack = record("a", actor=GUNMEN, target=POLICE)
    assert len(rows("acled", [attack, other])) == 2, why


@pytest.mark.parametrize(
    "other",
    [
        record("b", "CONCEDE", target=Party("checkpoint")),  # no actor: a reading of the same happening
        record("b", actor=ISIS, target=POLICE, place=NINEVEH),  # the area that holds Mosul
        record("b", actor=ISIS, target=POLICE, place=IRAQ, day="2024-02-06"),  # the country, a day later
        record("b", actor=ISIS, target=POLICE, place=None, day=None),  # nothing to disagree with
    ],
)
def test_what_is_one_event_folds(other):
    attack = record("a", actor=GUNMEN, target=POLICE)
    (row,) = rows("acled", [attack, other])
    assert row["location"] == "Mosul" and row["folded"] == "b"


def test_the_head_of_an_event_is_the_highest_acled_type():
    clash = record("a", actor=IRAQI_ARMY, target=ISIS)
    strike = record("b", mode="aerial", actor=IRAQI_ARMY, target=ISIS)
    folded = aggregate.fold([strike, clash])  # a battle with air strikes is a battle (ACLED's hierarchy)
    assert folded.id == "a" and folded.extra["folded"] == ["b"]
    assert aggregate.hierarchy()["Armed clash"] < aggregate.hierarchy()["Air/drone strike"]


def test_folding_keeps_a_window_and_the_order():
    first = record("a", actor=GUNMEN, target=POLICE)
    between = [record(f"x{i}", actor=ISIS, target=POLICE, start=100 + i, end=150 + i) for i in range(3)]
    again = record("b", actor=ISIS, target=POLICE)
    ids = [e.id for e in aggregate.one_row_per_event([first, *between, again])]
    assert ids == ["a", "x0", "x1", "x2"]
    ids = [e.id for e in aggregate.one_row_per_event([first, *between, again], window=2)]
    assert ids == ["a", "x0", "x1", "x2", "b"]  # too far apart to be compared


def test_hierarchy_lists_every_acled_sub_event_type_once():
    ranks = read_csv("acled_hierarchy.csv")
    assert len({r["sub_event_type"] for r in ranks}) == len(ranks) == 25
    assert sorted(int(r["rank"]) for r in ranks) == list(range(1, 26))
    assert all(rule.sub_event_type in aggregate.hierarchy() for rule in ff.event_type_rules())


# -- actor1 is never empty ---------------------------------------------------------------------------


def test_an_unknown_attacker_is_acleds_unidentified_armed_group():
    (row,) = rows("acled", [record("a", target=CIVILIANS)])
    assert (row["actor1"], row["inter1"]) == ("Unidentified Armed Group (Iraq)", "Political militia")
    assert (row["interaction"], row["actor1_placeholder"]) == ("Political militia-Civilians", "generic actor")


def test_unnamed_demonstrators_are_protesters_of_the_country():
    (row,) = rows(
        "acled", [record("a", "PROTEST", "demo", target=Party("Government of Iraq", sector="government"))]
    )
    assert (row["actor1"], row["inter1"], row["actor2"]) == (
        "Protesters (Iraq)",
        "Protesters",
        "Government of Iraq",
    )


def test_a_development_without_actor_takes_its_target_else_is_left_out(caplog):
    lone = record("a", "COERCE", "seize", target=Party("weapons depot"))
    nobody = record("b", "AGREE", start=300, end=350)
    with caplog.at_level(logging.WARNING):
        table = rows("acled", [lone, nobody])
    assert [(r["actor1"], r["actor2"], r["actor1_placeholder"]) for r in table] == [
        ("weapons depot", "", "target")
    ]
    assert "1 events without actor or target left out" in caplog.text
    assert len(rows("ucdp", [lone, nobody])) == 2  # UCDP's sides may be empty: nothing is left out there


# -- codes, labels and names -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "inter1, inter2, label",
    [
        (1, 2, "State forces-Rebel group"),
        (2, 1, "State forces-Rebel group"),
        (3, 7, "Political militia-Civilians"),
        (8, 7, "Civilians-External/Other forces"),
        (4, 4, "Identity militia-Identity militia"),
        (6, 0, "Protesters only"),
        (0, 5, "Rioters only"),
        (1, None, None),
    ],
)
def test_interaction_labels(inter1, inter2, label):
    assert ff.interaction_label(inter1, inter2) == label


def test_inter_labels_are_acleds_eight():
    assert [ff.inter_label(i) for i in range(9)] == [
        None,
        "State forces",
        "Rebel group",
        "Political militia",
        "Identity militia",
        "Rioters",
        "Protesters",
        "Civilians",
        "External/Other forces",
    ]


@pytest.mark.parametrize(
    "party, country, side, gwno",
    [
        (IRAQI_ARMY, "IQ", "Government of Iraq", 645),
        (POLICE, "IQ", "Government of Iraq", 645),
        (TURKISH_ARMY, "IQ", "Government of Turkey", 640),  # a foreign army is its own state's government
        (Party("army", sector="military"), "MM", "Government of Myanmar (Burma)", 775),  # UCDP's own name
        (
            Party("Houthis' opponents", country="YE", sector="government"),
            "YE",
            "Government of Yemen (North Yemen)",
            678,
        ),
        (ISIS, "IQ", "Islamic State", None),
        (None, "IQ", None, None),
    ],
)
def test_ucdp_sides(party, country, side, gwno):
    assert datasets.ucdp_side(party, "actor", country) == (side, gwno)


def test_outlet_is_the_site_else_the_document():
    assert datasets.outlet(Source("d", "s", 0, 1, url="https://www.example.org/a/b")) == "example.org"
    assert datasets.outlet(Source("d9", "s", 0, 1)) == "d9"


def test_acled_row_places_an_admin1_event_at_its_area(monkeypatch):
    monkeypatch.setattr(world, "_admin1_point", lambda country, name: (36.2, 42.9))
    row = datasets.acled_row(record("a", actor=ISIS, target=CIVILIANS, place=NINEVEH))
    assert (row["admin1"], row["latitude"], row["longitude"], row["geo_precision"]) == (
        "Nineveh",
        36.2,
        42.9,
        3,
    )
    ucdp = datasets.ucdp_row(record("a", actor=ISIS, target=CIVILIANS, place=NINEVEH))
    assert (ucdp["where_prec"], ucdp["adm_1"], ucdp["geom_wkt"]) == (4, "Nineveh", "POINT (42.9 36.2)")
    assert export.flat_row(record("a", place=NINEVEH))["geo_source"] == "admin1 centroid"


@pytest.mark.parametrize(
    "span, event_date",
    [
        (("2024-02-05", "2024-02-05", "day"), "2024-02-05"),
        (("2024-02-05", "2024-02-11", "week"), "2024-02-08"),  # a week's Thursday
        (("2024-02-01", "2024-02-29", "month"), "2024-02-15"),
        (("2024-02-04", "2024-02-05", "range"), "2024-02-04"),  # "last night"
        ((None, None, None), None),
    ],
)
def test_acled_dates_a_span_at_its_middle(span, event_date):
    ev = record("a", actor=ISIS, target=CIVILIANS)
    ev.date = DateSpan(*span)
    assert datasets.acled_date(ev) == event_date
