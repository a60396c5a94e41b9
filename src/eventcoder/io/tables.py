"""The field's codes: how a PLOVER record maps to ACLED's and UCDP's, and the CSV tables they fill.

The PLOVER type, mode and the parties' sectors become ACLED event types and 'inter' codes through
two data tables, ``data/acled_event_types.csv`` and ``data/acled_inter.csv`` (first matching row
wins); the codes' labels and ACLED's generic actors are ``data/acled_actor_types.csv``; UCDP's type of
violence is derived from the inter codes. Precision codes follow the two codebooks. The rows
themselves are built in :mod:`.datasets`; ``docs/exports.md`` explains every column and what the
mappings cannot see.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any, TextIO

from ..errors import ModelError
from ..lexicons.data import read_csv, split
from ..lexicons.ontology import ontology, types_with
from ..model import Event, Party

ACLED_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
    # eventcoder's own, after ACLED's
    "plover_type",
    "plover_mode",
    "fatalities_low",
    "fatalities_best",
    "fatalities_high",
    "disputed",
    "actor1_placeholder",
    "folded",
]
"""ACLED's columns, in the order of its exports today (ACLED Codebook, Table 1; docs/exports.md),
then eventcoder's own."""

UCDP_COLUMNS = [
    "id",
    "relid",
    "year",
    "active_year",
    "code_status",
    "type_of_violence",
    "conflict_dset_id",
    "conflict_new_id",
    "conflict_name",
    "dyad_dset_id",
    "dyad_new_id",
    "dyad_name",
    "side_a_dset_id",
    "side_a_new_id",
    "side_a",
    "side_b_dset_id",
    "side_b_new_id",
    "side_b",
    "number_of_sources",
    "source_article",
    "source_office",
    "source_date",
    "source_headline",
    "source_original",
    "where_prec",
    "where_coordinates",
    "where_description",
    "adm_1",
    "adm_2",
    "latitude",
    "longitude",
    "geom_wkt",
    "priogrid_gid",
    "country",
    "country_id",
    "region",
    "event_clarity",
    "date_prec",
    "date_start",
    "date_end",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "best",
    "high",
    "low",
    "gwnoa",
    "gwnob",
    # eventcoder's own
    "plover_type",
    "folded",
]
"""UCDP GED's columns, in the order of its releases and API (docs/exports.md), then eventcoder's own."""

# Precision codes, fixed by the codebooks (docs/exports.md): our place precision -> ACLED geo_precision
# (1 town or exact, 2 part of a region or near a town, 3 admin1 or larger) and UCDP where_prec (1 exact
# location, 3 admin2, 4 admin1, 6 country); our date precision -> ACLED time_precision (1 day, 2 week
# or a few days, 3 month or coarser) and UCDP date_prec (1 day, 2 two to six days, 3 week, 4 month,
# 5 year). A 'range' is coded by its length in days.
ACLED_GEO_PRECISION = {"site": 1, "town": 1, "admin2": 2, "admin1": 3, "country": 3}
UCDP_WHERE_PREC = {"site": 1, "town": 1, "admin2": 3, "admin1": 4, "country": 6}
ACLED_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
UCDP_DATE_PREC = {"day": 1, "week": 3, "month": 4, "year": 5}

STATE_SIDE = frozenset({1, 8})
"""ACLED inter codes of state forces and external (foreign state or international) forces."""
ARMED_GROUPS = frozenset({2, 3, 4})
"""ACLED inter codes of organised non-state armed groups."""
UNARMED = frozenset({5, 6, 7})
"""ACLED inter codes of rioters, protesters and civilians."""


# -- the data tables ----------------------------------------------------------------------------


def _condition(cell: str) -> frozenset[str] | None:
    """A condition cell: None when empty (any value), else the values it accepts ('none': no value)."""
    values = split(cell)
    return frozenset(values) if values else None


def _holds(condition: frozenset[str] | None, value: str | None) -> bool:
    return condition is None or (value or "none") in condition


@dataclass(frozen=True)
class EventTypeRule:
    """One row of ``data/acled_event_types.csv``."""

    plover_type: frozenset[str]
    plover_mode: frozenset[str] | None
    actor_sector: frozenset[str] | None
    target_sector: frozenset[str] | None
    event_type: str
    sub_event_type: str
    disorder_type: str
    note: str = ""

    def matches(self, ev: Event) -> bool:
        return self.holds(ev.type, ev.mode, _sector(ev.actor), _sector(ev.target))

    def holds(
        self, type_: str, mode: str | None, actor_sector: str | None, target_sector: str | None
    ) -> bool:
        return (
            type_ in self.plover_type
            and _holds(self.plover_mode, mode)
            and _holds(self.actor_sector, actor_sector)
            and _holds(self.target_sector, target_sector)
        )


@dataclass(frozen=True)
class InterRule:
    """One row of ``data/acled_inter.csv``."""

    sector: frozenset[str] | None
    role: str | None
    event_type: frozenset[str] | None
    inter: int
    foreign_inter: int

    def matches(self, sector: str | None, role: str, event_type: str | None) -> bool:
        return (
            _holds(self.sector, sector)
            and self.role in (None, role)
            and (self.event_type is None or event_type in self.event_type)
        )


@lru_cache(maxsize=1)
def event_type_rules() -> tuple[EventTypeRule, ...]:
    """The rules of ``data/acled_event_types.csv``, in file order."""
    rules = []
    for n, row in enumerate(read_csv("acled_event_types.csv"), start=1):
        types = _condition(row.get("plover_type", ""))
        if types is None or not row.get("event_type") or not row.get("sub_event_type"):
            raise ModelError(
                f"acled_event_types.csv rule {n}: plover_type, event_type and sub_event_type needed"
            )
        onto = ontology()
        for t in types:
            onto.check_type(t, f"acled_event_types.csv rule {n}")
            for mode in _condition(row.get("plover_mode", "")) or ():
                if mode != "none":
                    onto.check_mode(t, mode, f"acled_event_types.csv rule {n}") if len(types) == 1 else None
        rules.append(
            EventTypeRule(
                plover_type=types,
                plover_mode=_condition(row.get("plover_mode", "")),
                actor_sector=_condition(row.get("actor_sector", "")),
                target_sector=_condition(row.get("target_sector", "")),
                event_type=row["event_type"],
                sub_event_type=row["sub_event_type"],
                disorder_type=row.get("disorder_type", ""),
                note=row.get("note", ""),
            )
        )
    return tuple(rules)


@lru_cache(maxsize=1)
def inter_rules() -> tuple[InterRule, ...]:
    """The rules of ``data/acled_inter.csv``, in file order."""
    rules = []
    for n, row in enumerate(read_csv("acled_inter.csv"), start=1):
        try:
            inter = int(row["inter"])
            foreign = int(row["foreign_inter"]) if row.get("foreign_inter") else inter
        except (KeyError, ValueError) as e:
            raise ModelError(f"acled_inter.csv rule {n}: inter codes must be numbers ({e})") from None
        rules.append(
            InterRule(
                sector=_condition(row.get("sector", "")),
                role=row.get("role") or None,
                event_type=_condition(row.get("event_type", "")),
                inter=inter,
                foreign_inter=foreign,
            )
        )
    return tuple(rules)


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO 3166-1 alpha-2 -> common English name, from ``data/countries.csv``."""
    return {row["iso2"]: row["name"] for row in read_csv("countries.csv") if row.get("iso2")}


def country_name(iso2: str | None) -> str | None:
    """The full name of a country code (data/countries.csv, then pycountry); the code itself if unknown."""
    if not iso2:
        return None
    name = country_names().get(iso2.upper())
    if name:
        return name
    import pycountry

    found = pycountry.countries.get(alpha_2=iso2.upper())
    return found.name if found else iso2


# -- the mappings -------------------------------------------------------------------------------


def _sector(party: Party | None) -> str | None:
    return party.sector if party else None


def acled_event_type(ev: Event) -> EventTypeRule | None:
    """The first rule of ``acled_event_types.csv`` that *ev* matches, or None."""
    return _event_type(ev.type, ev.mode, _sector(ev.actor), _sector(ev.target))


@lru_cache(maxsize=4096)
def _event_type(type_: str, mode: str | None, actor: str | None, target: str | None) -> EventTypeRule | None:
    return next((rule for rule in event_type_rules() if rule.holds(type_, mode, actor, target)), None)


def acled_inter(party: Party | None, role: str, event_type: str | None, country: str | None) -> int | None:
    """ACLED inter code of the actor (*role* "actor") or target ("target") of an event exported as
    *event_type* that happened in *country* (ISO2): 0 when there is no such party, None when no rule
    of ``acled_inter.csv`` covers its sector."""
    if party is None:
        return 0
    rule = _inter_rule(party.sector, role, event_type)
    if rule is None:
        return None
    foreign = bool(country and party.country and party.country.upper() != country.upper())
    return rule.foreign_inter if foreign else rule.inter


@lru_cache(maxsize=4096)
def _inter_rule(sector: str | None, role: str, event_type: str | None) -> InterRule | None:
    return next((rule for rule in inter_rules() if rule.matches(sector, role, event_type)), None)


def acled_interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's two-digit interaction code: the two inter codes, lower first; a lone actor's code
    followed by 0 (e.g. 60 for protesters alone). None when a code is unknown or both are 0."""
    if inter1 is None or inter2 is None or (inter1 == 0 and inter2 == 0):
        return None
    if 0 in (inter1, inter2):
        return max(inter1, inter2) * 10
    return min(inter1, inter2) * 10 + max(inter1, inter2)


@dataclass(frozen=True)
class ActorType:
    """One row of ``data/acled_actor_types.csv``."""

    inter: int
    label: str
    placeholder: str | None
    placeholder_for: frozenset[str]


@lru_cache(maxsize=1)
def actor_types() -> dict[int, ActorType]:
    """ACLED inter code -> its label and generic actor (``data/acled_actor_types.csv``)."""
    return {
        int(row["inter"]): ActorType(
            int(row["inter"]),
            row["label"],
            row.get("placeholder") or None,
            frozenset(split(row.get("placeholder_for", ""))),
        )
        for row in read_csv("acled_actor_types.csv")
    }


def inter_label(code: int | None) -> str | None:
    """The label ACLED's exports write for an inter code ("Rebel group"); None for 0 (no such party)
    and unknown codes."""
    found = actor_types().get(code) if code else None
    return found.label if found else None


def interaction_label(inter1: int | None, inter2: int | None) -> str | None:
    """ACLED's interaction as its exports write it: the two labels, the lower code first, joined by
    '-' ("State forces-Rebel group"); a lone actor's label and "only" ("Protesters only")."""
    code = acled_interaction(inter1, inter2)
    if code is None:
        return None
    first, second = inter_label(code // 10), inter_label(code % 10)
    if first is None:
        return None
    return f"{first} only" if code % 10 == 0 else f"{first}-{second}"


def placeholder_actor(event_type: str | None) -> tuple[str, int] | None:
    """The generic actor ACLED names for an event of *event_type* whose actor is not identified, and
    its inter code ("Unidentified Armed Group", 3 for an attack); None when ACLED has none."""
    for t in actor_types().values():
        if t.placeholder and event_type in t.placeholder_for:
            return t.placeholder, t.inter
    return None


def _span_days(ev: Event) -> int | None:
    if ev.date is None:
        return None
    try:
        return (date.fromisoformat(ev.date.end) - date.fromisoformat(ev.date.start)).days + 1
    except (TypeError, ValueError):
        return None


def _date_code(
    ev: Event, by_precision: dict[str, int], by_days: Callable[[int], int], unknown: int
) -> int | None:
    """A dataset's code for how exactly an event is dated: from its precision, or for a 'range'
    from its length in days."""
    if ev.date is None:
        return None
    if ev.date.precision in by_precision:
        return by_precision[ev.date.precision]
    days = _span_days(ev)
    return unknown if days is None else by_days(days)


def acled_time_precision(ev: Event) -> int | None:
    """1 a day, 2 a week or a few days, 3 a month or more; a 'range' by its length."""
    return _date_code(ev, ACLED_TIME_PRECISION, lambda d: 1 if d <= 1 else 2 if d <= 7 else 3, 3)


def ucdp_date_prec(ev: Event) -> int | None:
    """1 a day, 2 two to six days, 3 a week, 4 a month, 5 a year or more; a 'range' by its length."""
    return _date_code(
        ev,
        UCDP_DATE_PREC,
        lambda d: 1 if d <= 1 else 2 if d <= 6 else 3 if d <= 7 else 4 if d <= 31 else 5,
        5,
    )


def ucdp_type_of_violence(ev: Event, inter1: int | None, inter2: int | None) -> int | None:
    """UCDP's type of violence of a type that plays the ontology's ``violence`` role: 1 state-based (a state's or foreign forces
    against an armed group, or two states' forces), 2 non-state (two armed groups), 3 one-sided (an
    armed side against civilians, protesters or rioters); None for other types, when a party or its
    sector is missing, and for violence by unarmed people (riots, mobs), which UCDP does not count."""
    if ev.type not in types_with("violence") or ev.actor is None or ev.target is None:
        return None
    if not ev.actor.sector or not ev.target.sector or inter1 is None or inter2 is None:
        return None
    a, b = inter1, inter2
    if a in STATE_SIDE and b in STATE_SIDE:
        countries = (ev.actor.country, ev.target.country)
        return 1 if all(countries) and countries[0] != countries[1] else None
    if (a in STATE_SIDE and b in ARMED_GROUPS) or (a in ARMED_GROUPS and b in STATE_SIDE):
        return 1
    if a in ARMED_GROUPS and b in ARMED_GROUPS:
        return 2
    if (a in STATE_SIDE or a in ARMED_GROUPS) and b in UNARMED:
        return 3
    return None


#: What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutralise(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula, made inert the way OWASP recommends: a
    single quote before it (the cell is then quoted by the CSV writer as needed). Numbers and
    other text go out as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_rows(
    events: Iterable[Event], out: TextIO, columns: list[str], row: Callable[[Event], dict[str, Any] | None]
) -> int:
    """A CSV table of *events*, one *row* each (an event whose row is None is left out), every text
    cell :func:`neutralise`-d. Returns how many rows were written."""
    w = csv.DictWriter(out, fieldnames=columns)
    w.writeheader()
    n = 0
    for ev in events:
        cells = row(ev)
        if cells is not None:
            w.writerow({k: neutralise(v) for k, v in cells.items()})
            n += 1
    return n


def is_news(ev: Event) -> bool:
    """Does some report tell the event as its own news (not only recall it as background)? A
    source that does not say (stored before the field existed) counts as news."""
    return any(not s.background for s in ev.sources)


def news_only(events: Iterable[Event], include_background: bool = False) -> Iterable[Event]:
    """The events some report tells as news; all of them with *include_background*."""
    return events if include_background else (ev for ev in events if is_news(ev))
