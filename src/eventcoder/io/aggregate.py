"""One event, one row: the records the dataset exports fold into one ACLED or UCDP event.

eventcoder can make two records of one happening: one sentence with two trigger words ("claimed
responsibility for Sunday's *attack* ..., saying its fighters *killed* 17") gives two records with two
actor pairs, and merging never joins two records of one report. ACLED's codebook ("Event aggregation")
records such a happening once, at the type highest in its hierarchy (``data/acled_hierarchy.csv``), the
other actors as associated actors. The rule here: **records that stand on the same evidence sentence of
the same report, at places that agree, are one event**. Records are compared within a window of
:data:`WINDOW` records of the export's order (date order for merged events, report order for
document-level ones), so memory stays flat.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date
from functools import lru_cache

from ..lexicons.data import read_csv
from ..model import Count, DateSpan, Event, Party, Place
from .tables import acled_event_type

WINDOW = 10_000
"""How many records apart two records sharing a sentence may come and still be folded."""

Key = tuple[str, int, int]


def evidence(ev: Event) -> set[Key]:
    """The sentences an event stands on: (document, start, end) of each source."""
    return {(s.doc_id, s.start, s.end) for s in ev.sources}


def places_agree(a: Place | None, b: Place | None) -> bool:
    """Two places that can be one event's: either unknown, the same name, or one a country or admin1
    area that holds the other."""
    if a is None or b is None or a.name.casefold() == b.name.casefold():
        return True
    if a.country and b.country and a.country != b.country:
        return False
    coarse, fine = (a, b) if _rank(a) >= _rank(b) else (b, a)
    if coarse.precision == "country":
        return True
    return coarse.precision == "admin1" and (fine.admin1 or "").casefold() == coarse.name.casefold()


DAYS_APART = 7
"""How far apart the start dates of two records of one event may be."""


def dates_agree(a: DateSpan | None, b: DateSpan | None) -> bool:
    """Either date unknown, the spans overlapping, or their starts at most :data:`DAYS_APART` days apart."""
    if a is None or b is None or not a.resolved or not b.resolved:
        return True
    try:
        sa, ea, sb, eb = (date.fromisoformat(d) for d in (a.start, a.end, b.start, b.end))
    except ValueError:
        return True
    return (sa <= eb and sb <= ea) or abs((sa - sb).days) <= DAYS_APART


def tell_one_event(a: Event, b: Event) -> bool:
    """Two records sharing a sentence tell one event: places and dates agree, and they are of one
    type or one of them has no actor (what different actors did stays apart, as in ACLED)."""
    same_kind = a.type == b.type or a.actor is None or b.actor is None
    return same_kind and places_agree(a.location, b.location) and dates_agree(a.date, b.date)


def _rank(place: Place) -> int:
    return {"country": 3, "admin1": 2}.get(place.precision, 1)


@lru_cache(maxsize=1)
def hierarchy() -> dict[str, int]:
    """ACLED sub-event type -> its rank in ``data/acled_hierarchy.csv`` (1 the highest)."""
    return {row["sub_event_type"]: int(row["rank"]) for row in read_csv("acled_hierarchy.csv")}


def precedence(ev: Event) -> tuple:
    """How a record ranks as the head of its event: ACLED's hierarchy of its type, then the most
    sources, then a known actor, then its id."""
    rule = acled_event_type(ev)
    rank = hierarchy().get(rule.sub_event_type, 99) if rule else 99
    return (rank, -len(ev.sources), ev.actor is None, ev.id)


def fold(records: list[Event]) -> Event:
    """One event of records that tell the same happening: the head's (:func:`precedence`) type, date
    and place; the first actor and target of known sector (else the head's); every source once; the
    figures spanning theirs. The others' actors and targets go to ``extra['assoc_actor_1']`` and
    ``['assoc_actor_2']``, their ids to ``extra['folded']``."""
    if len(records) == 1:
        return records[0]
    ordered = sorted(records, key=precedence)
    head = ordered[0]
    actor = _party([r.actor for r in ordered])
    target = _party([r.target for r in ordered])
    seen: set[Key] = set()
    sources = []
    for r in ordered:
        for s in r.sources:
            if (s.doc_id, s.start, s.end) not in seen:
                seen.add((s.doc_id, s.start, s.end))
                sources.append(s)
    extra = dict(head.extra)
    extra["assoc_actor_1"] = _others([r.actor for r in ordered], actor, target)
    extra["assoc_actor_2"] = _others([r.target for r in ordered], target, actor)
    extra["folded"] = [r.id for r in ordered[1:]]
    return replace(
        head,
        actor=actor,
        target=target,
        sources=sources,
        location=head.location or next((r.location for r in ordered if r.location), None),
        date=head.date or next((r.date for r in ordered if r.date), None),
        fatalities=_span([r.fatalities for r in ordered]),
        injuries=_span([r.injuries for r in ordered]),
        extra=extra,
    )


def _party(parties: list[Party | None]) -> Party | None:
    known = [p for p in parties if p is not None and p.sector]
    return known[0] if known else next((p for p in parties if p is not None), None)


def _others(parties: list[Party | None], chosen: Party | None, other_side: Party | None) -> list[str]:
    taken = {p.name for p in (chosen, other_side) if p is not None}
    return list(dict.fromkeys(p.name for p in parties if p is not None and p.name not in taken))


def _span(counts: list[Count | None]) -> Count | None:
    """The head's best figure, the lowest low and the highest high of the records'."""
    known = [c for c in counts if c is not None]
    if not known:
        return None
    lows = [c.low for c in known if c.low is not None]
    highs = [c.high for c in known if c.high is not None]
    bests = [c.best for c in known if c.best is not None]
    best = known[0].best if known[0].best is not None else (bests[0] if bests else None)
    disputed = len(set(bests)) > 1 or any(c.disputed for c in known)
    return Count(
        low=min(lows) if lows else None,
        best=best,
        high=max(highs) if highs else None,
        text=known[0].text,
        disputed=disputed or None,
        spread=(max(bests) - min(bests)) if disputed and bests else known[0].spread,
    )


class _Groups:
    """Records grouped by shared evidence, oldest group first."""

    def __init__(self) -> None:
        self.groups: dict[int, list[Event]] = {}
        self.by_key: dict[Key, int] = {}
        self.next_id = 0

    def add(self, ev: Event) -> None:
        keys = evidence(ev)
        found = sorted({g for k in keys if (g := self.by_key.get(k)) is not None and self._agrees(g, ev)})
        if not found:
            gid, self.next_id = self.next_id, self.next_id + 1
            self.groups[gid] = []
        else:
            gid = found[0]
            for other in found[1:]:  # the record joins two groups: they are one
                for member in self.groups.pop(other):
                    self._place(gid, member)
        self._place(gid, ev)

    def _agrees(self, gid: int, ev: Event) -> bool:
        return all(tell_one_event(m, ev) for m in self.groups[gid])

    def _place(self, gid: int, ev: Event) -> None:
        self.groups[gid].append(ev)
        for k in evidence(ev):
            self.by_key[k] = gid

    def pop_oldest(self) -> list[Event]:
        gid = next(iter(self.groups))
        members = self.groups.pop(gid)
        for m in members:
            for k in evidence(m):
                if self.by_key.get(k) == gid:
                    del self.by_key[k]
        return members

    def __len__(self) -> int:
        return len(self.groups)


def one_row_per_event(events: Iterable[Event], window: int = WINDOW) -> Iterator[Event]:
    """The events with every set of records that share an evidence sentence and tell one event
    (:func:`tell_one_event`) folded into one (:func:`fold`), in the order of each set's first record."""
    groups = _Groups()
    for ev in events:
        groups.add(ev)
        while len(groups) > window:
            yield fold(groups.pop_oldest())
    while len(groups):
        yield fold(groups.pop_oldest())
