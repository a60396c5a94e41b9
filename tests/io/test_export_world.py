"""data/country_codes.csv and the PRIO-GRID cells: what the exports say about where."""

import pytest

from eventcoder.io import world
from eventcoder.lexicons.data import read_csv
from eventcoder.model import Place

ACLED_REGIONS = {
    "Western Africa",
    "Middle Africa",
    "Eastern Africa",
    "Southern Africa",
    "Northern Africa",
    "Middle East",
    "South Asia",
    "Southeast Asia",
    "East Asia",
    "Caucasus and Central Asia",
    "Europe",
    "North America",
    "Central America",
    "South America",
    "Caribbean",
    "Oceania",
}


def ucdp_region_of(gwno):
    """UCDP GED codebook: the region of a Gleditsch-Ward number."""
    return (
        "Americas"
        if gwno < 200
        else "Europe"
        if gwno < 400
        else "Africa"
        if gwno < 630
        else "Middle East"
        if gwno < 700
        else "Asia"
    )


def test_every_country_has_its_codes():
    ours = {row["iso2"] for row in read_csv("countries.csv")}
    assert set(world.countries()) == ours


def test_codes_agree_with_iso_and_the_rules_of_the_datasets():
    pycountry = pytest.importorskip("pycountry")
    gws = [c.gwno for c in world.countries().values() if c.gwno]
    assert len(gws) == len(set(gws))  # one state, one number
    for c in world.countries().values():
        iso = pycountry.countries.get(alpha_2=c.iso2)
        if iso is not None:
            assert (c.iso3, c.iso_numeric) == (iso.alpha_3, int(iso.numeric)), c
        assert c.ucdp_region == ucdp_region_of(c.ucdp_country_id), c
        assert c.acled_region in ACLED_REGIONS, c
        assert -90 <= c.lat <= 90 and -180 <= c.lon <= 180


@pytest.mark.parametrize(
    "iso2, gwno, ucdp_country, acled_region",
    [
        ("NG", 475, "Nigeria", "Western Africa"),
        ("DE", 260, "Germany", "Europe"),  # Gleditsch-Ward keep 260 for the united Germany
        ("YE", 678, "Yemen (North Yemen)", "Middle East"),
        ("RS", 345, "Serbia (Yugoslavia)", "Europe"),
        ("CD", 490, "DR Congo (Zaire)", "Middle Africa"),
        ("AM", 371, "Armenia", "Caucasus and Central Asia"),
        ("IR", 630, "Iran", "Middle East"),
        ("MZ", 541, "Mozambique", "Southern Africa"),
        ("US", 2, "United States of America", "North America"),
    ],
)
def test_known_codes(iso2, gwno, ucdp_country, acled_region):
    c = world.country(iso2)
    assert (c.gwno, c.ucdp_country, c.acled_region) == (gwno, ucdp_country, acled_region)


def test_places_that_are_no_state_are_filed_where_ucdp_files_them():
    gaza = world.country("PS")
    assert gaza.gwno is None and (gaza.ucdp_country, gaza.ucdp_country_id) == ("Israel", 666)


def test_country_centroids_lie_inside_their_country():
    # rough boxes of a few countries, by hand
    boxes = {
        "NG": (4, 14, 2.7, 14.7),
        "FR": (42, 51.2, -5, 8.3),
        "US": (24, 50, -125, -66),
        "CL": (-56, -17, -76, -66),
    }
    for iso2, (s, n, w, e) in boxes.items():
        c = world.country(iso2)
        assert s <= c.lat <= n and w <= c.lon <= e, iso2


@pytest.mark.parametrize(
    "lat, lon, gid",
    [
        (-90, -180, 1),  # the first cell, south-west
        (-89.9, -179.9, 1),
        (-89.9, -179.4, 2),  # the next one east
        (-89.4, -179.9, 721),  # the next one north
        (0, 0, 180 * 720 + 361),
        (89.9, 179.9, 259200),  # the last
        (90, 180, 259200),  # the pole and the antimeridian stay on the grid
        (36.34, 43.13, 252 * 720 + 447),  # Mosul
        (None, 1.0, None),
        (91, 0, None),
    ],
)
def test_priogrid_gid(lat, lon, gid):
    assert world.priogrid_gid(lat, lon) == gid


def test_located_says_what_the_point_is():
    assert world.located(Place("Mosul", "IQ", 36.34, 43.13, "town")) == world.Located(36.34, 43.13, "place")
    iraq = world.located(Place("Iraq", "IQ", None, None, "country"))
    assert iraq.source == "country centroid" and (iraq.lat, iraq.lon) == (
        world.country("IQ").lat,
        world.country("IQ").lon,
    )
    assert world.located(None) == world.NOWHERE
    assert world.located(Place("Atlantis", None, None, None, "country")) == world.NOWHERE
