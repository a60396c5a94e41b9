"""Events as ACLED and UCDP GED publish theirs: one row per event, with their columns, codes and names.

The mappings (event types, inter codes and their labels, precision codes, type of violence) are
:mod:`.tables`' and its data files; the countries' codes, regions and centroids are :mod:`.world`'s;
records that tell one happening are folded into one row first (:mod:`.aggregate`). Each column and
its source is in ``docs/exports.md``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any, TextIO
from urllib.parse import urlsplit

from ..model import Event, Party, Place, Source
from . import world
from .aggregate import one_row_per_event
from .tables import (
    ACLED_COLUMNS,
    ACLED_GEO_PRECISION,
    STATE_SIDE,
    UCDP_COLUMNS,
    UCDP_WHERE_PREC,
    acled_event_type,
    acled_inter,
    acled_time_precision,
    country_name,
    inter_label,
    interaction_label,
    news_only,
    placeholder_actor,
    ucdp_date_prec,
    ucdp_type_of_violence,
    write_rows,
)

log = logging.getLogger(__name__)

CIVILIAN_TARGETING = "Civilians targeted"
"""ACLED's value of ``civilian_targeting`` (empty otherwise)."""
TARGETING_TYPES = frozenset({"Violence against civilians", "Explosions/Remote violence", "Riots"})
"""The event types in which ACLED marks civilians as the main target (ACLED Codebook, "Civilian
targeting"); and the sub-event type Excessive force against protesters, whatever its target."""
CIVILIANS = 7
"""ACLED's inter code of civilians."""
CROWD_TYPES = frozenset({"Protests", "Riots"})
CROWD_TAG = "crowd size=no report"
"""ACLED tags every Protests and Riots event with its crowd size (ACLED Codebook, "Tags"); eventcoder
does not read crowd sizes, so its tag is ACLED's "no report"."""


def outlet(source: Source) -> str:
    """Who published a report: its web site (the URL's host, without ``www.``), else its document id."""
    host = urlsplit(source.url).hostname if source.url else None
    return host.removeprefix("www.") if host else source.doc_id


def _join(values: Iterable[str | None]) -> str | None:
    return "; ".join(dict.fromkeys(v for v in values if v)) or None


@dataclass
class Classified:
    """An event seen as ACLED sees it."""

    event_type: str | None
    sub_event_type: str | None
    disorder_type: str | None
    place: Place | None
    country: str | None
    inter1: int | None
    inter2: int | None


def classify(ev: Event) -> Classified:
    """The event's ACLED type (``data/acled_event_types.csv``), its place and country, and its two
    parties' inter codes (``data/acled_inter.csv``)."""
    rule = acled_event_type(ev)
    event_type = rule.event_type if rule else None
    loc = ev.location
    country = loc.country if loc else None
    return Classified(
        event_type,
        rule.sub_event_type if rule else None,
        rule.disorder_type if rule else None,
        loc,
        country,
        acled_inter(ev.actor, "actor", event_type, country),
        acled_inter(ev.target, "target", event_type, country),
    )


# -- ACLED -------------------------------------------------------------------------------------------


def acled_parties(
    ev: Event, c: Classified
) -> tuple[Party | None, int | None, Party | None, int | None, str | None]:
    """actor1, inter1, actor2, inter2 and how actor1 was found: the event's actor (None); for an event
    without one, ACLED's generic actor of its type ("Unidentified Armed Group (Nigeria)", "generic
    actor"), else its target moved to actor1 ("target"), as ACLED's order of actors has no meaning
    outside violence against civilians. None for actor1 when the event has no party at all."""
    if ev.actor is not None:
        return ev.actor, c.inter1, ev.target, c.inter2, None
    generic = placeholder_actor(c.event_type)
    if generic is not None:
        name, code = generic
        where = country_name(c.country)
        return Party(f"{name} ({where})" if where else name), code, ev.target, c.inter2, "generic actor"
    if ev.target is not None:
        return ev.target, c.inter2, None, 0, "target"
    return None, None, None, None, None


def civilian_targeting(c: Classified, inter2: int | None) -> str | None:
    targeted = c.event_type in TARGETING_TYPES and inter2 == CIVILIANS
    return (
        CIVILIAN_TARGETING if targeted or c.sub_event_type == "Excessive force against protesters" else None
    )


def _place_columns(loc: Place | None, country: str | None) -> dict[str, Any]:
    point = world.located(loc)
    row = world.country(country)
    coarse = point.source not in (None, "place")
    return {
        "iso": row.iso_numeric if row else None,
        "region": row.acled_region if row else None,
        "country": country_name(country),
        "admin1": (loc.admin1 or (loc.name if loc.precision == "admin1" else None)) if loc else None,
        "admin2": None,
        "admin3": None,
        "location": loc.name if loc else None,
        "latitude": round(point.lat, 4) if point.lat is not None else None,
        "longitude": round(point.lon, 4) if point.lon is not None else None,
        "geo_precision": 3 if coarse else (ACLED_GEO_PRECISION.get(loc.precision) if loc else None),
    }


def acled_date(ev: Event) -> str | None:
    """ACLED's ``event_date``: the day; for an event known to a week, a month or a few days, the
    middle of that span, as ACLED records it (ACLED Codebook, "Time precision codes")."""
    if ev.date is None or not ev.date.resolved:
        return None
    try:
        first, last = date.fromisoformat(ev.date.start), date.fromisoformat(ev.date.end)
    except ValueError:
        return ev.date.start
    return (first + (last - first) / 2).isoformat() if last > first else ev.date.start


def acled_row(ev: Event, timestamp: int | None = None) -> dict[str, Any] | None:
    """One ACLED-style row of an event (columns :data:`ACLED_COLUMNS`), or None when the event has
    neither actor nor target (ACLED has no event without an actor1)."""
    c = classify(ev)
    actor1, inter1, actor2, inter2, placeholder = acled_parties(ev, c)
    if actor1 is None:
        return None
    start = acled_date(ev)
    f = ev.fatalities
    lowest = next((v for v in ((f.low, f.best) if f else ()) if v is not None), None)
    return {
        "event_id_cnty": ev.id,
        "event_date": start,
        "year": int(start[:4]) if start else None,
        "time_precision": acled_time_precision(ev),
        "disorder_type": c.disorder_type,
        "event_type": c.event_type,
        "sub_event_type": c.sub_event_type,
        "actor1": actor1.name,
        "assoc_actor_1": _join(ev.extra.get("assoc_actor_1") or ()),
        "inter1": inter_label(inter1),
        "actor2": actor2.name if actor2 else None,
        "assoc_actor_2": _join(ev.extra.get("assoc_actor_2") or ()),
        "inter2": inter_label(inter2),
        "interaction": interaction_label(inter1, inter2),
        "civilian_targeting": civilian_targeting(c, inter2),
        **_place_columns(c.place, c.country),
        "source": _join(
            f"{s.attributed_to} ({outlet(s)})" if s.attributed_to else outlet(s) for s in ev.sources
        ),
        "source_scale": None,
        "notes": ev.sources[0].sentence if ev.sources else None,
        "fatalities": lowest if lowest is not None else 0,
        "tags": CROWD_TAG if c.event_type in CROWD_TYPES else None,
        "timestamp": timestamp,
        "plover_type": ev.type,
        "plover_mode": ev.mode,
        "fatalities_low": f.low if f else None,
        "fatalities_best": f.best if f else None,
        "fatalities_high": f.high if f else None,
        "disputed": f.disputed if f else None,
        "actor1_placeholder": placeholder,
        "folded": _join(ev.extra.get("folded") or ()),
    }


# -- UCDP --------------------------------------------------------------------------------------------


def ucdp_side(party: Party | None, role: str, event_country: str | None) -> tuple[str | None, int | None]:
    """A side named the UCDP way and its Gleditsch-Ward number: a state's forces or organs (those
    ``data/acled_inter.csv`` codes as state forces at home) are "Government of <UCDP's country
    name>" ("Government of Nigeria", "Government of Myanmar (Burma)"); anyone else keeps its name."""
    if party is None:
        return None, None
    home = party.country or event_country
    if acled_inter(party, role, None, home) == 1:
        row = world.country(home)
        if row is not None:
            return f"Government of {row.ucdp_country}", row.gwno
    return party.name, None


def _sides(ev: Event, c: Classified, violence: int | None):
    a, b, role_a, role_b = ev.actor, ev.target, "actor", "target"
    if violence == 1 and c.inter1 not in STATE_SIDE:  # UCDP: side A is the state
        a, b, role_a, role_b = b, a, role_b, role_a
    side_a, gwnoa = ucdp_side(a, role_a, c.country)
    side_b, gwnob = ucdp_side(b, role_b, c.country)
    if violence == 3:  # one-sided violence: side B is always the civilians
        side_b, gwnob = "Civilians", None
    return side_a, side_b, gwnoa, gwnob


def _deaths(ev: Event, violence: int | None) -> dict[str, int]:
    f = ev.fatalities
    best = f.best if f and f.best is not None else (f.low if f else None)
    best = best if best is not None else 0
    civilians = best if violence == 3 else 0
    return {
        "deaths_a": 0,
        "deaths_b": 0,
        "deaths_civilians": civilians,
        "deaths_unknown": best - civilians,
        "best": best,
        "high": f.high if f and f.high is not None else best,
        "low": f.low if f and f.low is not None else best,
    }


def _ucdp_place(loc: Place | None, country: str | None) -> dict[str, Any]:
    point = world.located(loc)
    row = world.country(country)
    coarse = point.source not in (None, "place")
    where_prec = (6 if loc.precision == "country" else 4) if loc and coarse else None
    lat = round(point.lat, 4) if point.lat is not None else None
    lon = round(point.lon, 4) if point.lon is not None else None
    return {
        "where_prec": where_prec or (UCDP_WHERE_PREC.get(loc.precision) if loc else None),
        "where_coordinates": loc.name if loc else None,
        "where_description": loc.text if loc else None,
        "adm_1": (loc.admin1 or (loc.name if loc.precision == "admin1" else None)) if loc else None,
        "adm_2": None,
        "latitude": lat,
        "longitude": lon,
        "geom_wkt": f"POINT ({lon} {lat})" if lat is not None else None,
        "priogrid_gid": world.priogrid_gid(lat, lon),
        "country": row.ucdp_country if row else country_name(country),
        "country_id": row.ucdp_country_id if row else None,
        "region": row.ucdp_region if row else None,
    }


def ucdp_row(ev: Event) -> dict[str, Any]:
    """One UCDP GED-style row of an event (columns :data:`UCDP_COLUMNS`)."""
    c = classify(ev)
    violence = ucdp_type_of_violence(ev, c.inter1, c.inter2)
    side_a, side_b, gwnoa, gwnob = _sides(ev, c, violence)
    start = ev.date.start if ev.date else None
    dyad = f"{side_a} - {side_b}" if side_a and side_b else None
    iso3 = row.iso3 if (row := world.country(c.country)) else "XXX"
    precise = ev.date is not None and ev.date.precision == "day" and c.place is not None
    return {
        "id": ev.id,
        "relid": f"{iso3}-{start[:4] if start else 'NA'}-{violence or 0}-{ev.id}",
        "year": int(start[:4]) if start else None,
        "active_year": None,
        "code_status": None,
        "type_of_violence": violence,
        **dict.fromkeys(("conflict_dset_id", "conflict_new_id", "dyad_dset_id", "dyad_new_id"), None),
        "conflict_name": dyad if violence in (2, 3) else None,
        "dyad_name": dyad,
        **dict.fromkeys(("side_a_dset_id", "side_a_new_id", "side_b_dset_id", "side_b_new_id"), None),
        "side_a": side_a,
        "side_b": side_b,
        "number_of_sources": len({s.doc_id for s in ev.sources}),
        "source_article": _join(s.url or s.doc_id for s in ev.sources),
        "source_office": _join(outlet(s) for s in ev.sources),
        "source_date": _join(s.published for s in ev.sources),
        "source_headline": _join(s.title for s in ev.sources),
        "source_original": _join(s.attributed_to for s in ev.sources),
        **_ucdp_place(c.place, c.country),
        "event_clarity": 1 if precise and c.place.precision in ("site", "town") else 2,
        "date_prec": ucdp_date_prec(ev),
        "date_start": start,
        "date_end": ev.date.end if ev.date else None,
        **_deaths(ev, violence),
        "gwnoa": str(gwnoa) if gwnoa else None,
        "gwnob": str(gwnob) if gwnob else None,
        "plover_type": ev.type,
        "folded": _join(ev.extra.get("folded") or ()),
    }


# -- writing -----------------------------------------------------------------------------------------


def write_acled(events: Iterable[Event], out: TextIO, include_background: bool = False) -> int:
    """ACLED-style CSV, one row per event (:func:`one_row_per_event`; news only unless
    *include_background*); an event with neither actor nor target is left out, and a warning says
    how many. Returns how many rows were written."""
    left_out = [0]

    def row(ev: Event, stamp: int) -> dict[str, Any] | None:
        r = acled_row(ev, stamp)
        left_out[0] += r is None
        return r

    events = one_row_per_event(news_only(events, include_background))
    n = write_rows(events, out, ACLED_COLUMNS, partial(row, stamp=int(time.time())))
    if left_out[0]:
        log.warning("acled: %d events without actor or target left out (ACLED needs an actor1)", left_out[0])
    return n


def write_ucdp(events: Iterable[Event], out: TextIO, include_background: bool = False) -> int:
    """UCDP GED-style CSV, one row per event (:func:`one_row_per_event`; news only unless
    *include_background*); returns how many rows were written."""
    return write_rows(one_row_per_event(news_only(events, include_background)), out, UCDP_COLUMNS, ucdp_row)
