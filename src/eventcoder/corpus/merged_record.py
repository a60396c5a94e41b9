"""The record of a merged event, for :mod:`merge`: every report kept as a source with its own
figures and claimant; fatalities and injuries as low (the smallest figure), high (the largest) and
best (the most conservative figure two independent sources support, else the lowest), with
``disputed`` and ``spread`` when sources disagree; the most precise date and place consistent with
all sources, and the parties most reports name.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from ..model import Count, DateSpan, Event, Party, Place

PLACE_ORDER = ["site", "town", "admin2", "admin1", "country"]


DATE_ORDER = ["day", "week", "month", "range", "year"]


def merged_record(mid: str, members: list[Event]) -> Event:
    """One record for a cluster: every source, the span of the figures, the most precise
    date and place consistent with all."""
    first = min(members, key=lambda e: (e.sources[0].published or "", e.id))
    sources = [s for e in sorted(members, key=lambda e: e.id) for s in e.sources]
    types = Counter(e.type for e in members)
    ev = Event(
        id=mid,
        type=types.most_common(1)[0][0],
        mode=Counter(e.mode for e in members if e.mode).most_common(1)[0][0]
        if any(e.mode for e in members)
        else None,
        actor=_party(e.actor for e in members),
        target=_party(e.target for e in members),
        sources=sources,
        confidence=round(min(1.0, max(e.confidence for e in members) + 0.05 * (len(members) - 1)), 3),
        date=_date(members) or first.date,
        location=_place(members),
        fatalities=_figures([e.fatalities for e in members], [e.sources[0].attributed_to for e in members]),
        injuries=_figures([e.injuries for e in members], [e.sources[0].attributed_to for e in members]),
    )
    ev.extra["members"] = sorted(e.id for e in members)
    ev.extra["n_sources"] = len({s.doc_id for s in sources})
    return ev


def _party(parties: Iterable[Party | None]) -> Party | None:
    named = [p for p in parties if p is not None]
    if not named:
        return None
    counts = Counter(p.name for p in named)
    best = max(named, key=lambda p: (counts[p.name], p.country is not None, len(p.name)))
    return best


def _date(members: list[Event]) -> DateSpan | None:
    """The most precise date that lies within every other report's span."""
    spans = [e.date for e in members if e.date is not None and e.date.resolved]
    if not spans:
        return next((e.date for e in members if e.date is not None), None)
    lo = max(d.start for d in spans)
    hi = min(d.end for d in spans)
    for d in sorted(spans, key=lambda d: DATE_ORDER.index(d.precision) if d.precision in DATE_ORDER else 9):
        if lo <= d.start and d.end <= hi or lo > hi:
            return d
    return spans[0]


def _place(members: list[Event]) -> Place | None:
    places = [e.location for e in members if e.location is not None]
    if not places:
        return None
    countries = Counter(p.country for p in places if p.country)
    main = countries.most_common(1)[0][0] if countries else None
    ok = [p for p in places if p.country in (main, None)]
    return min(
        ok or places, key=lambda p: PLACE_ORDER.index(p.precision) if p.precision in PLACE_ORDER else 9
    )


def _figures(counts: list[Count | None], claimants: list[str | None]) -> Count | None:
    """low: the smallest figure; high: the largest; best: the most conservative figure that two
    independent sources support (two claimants, or two reports with no claimant), else the lowest.
    ``disputed`` when the sources' best figures differ."""
    given = [
        (c, who) for c, who in zip(counts, claimants, strict=True) if c is not None and c.best is not None
    ]
    if not given:
        return None
    bests = [c.best for c, _ in given]
    lows = [c.low if c.low is not None else c.best for c, _ in given]
    highs = [c.high for c, _ in given]
    support: dict[int, set] = defaultdict(set)
    for i, (c, who) in enumerate(given):
        for other in {c.best}:
            support[other].add(who or f"#{i}")
    backed = sorted(v for v, who in support.items() if len(who) >= 2)
    best = backed[0] if backed else min(bests)
    high = max([h for h in highs if h is not None] + bests)
    text = " / ".join(sorted({c.text or str(c.best) for c, _ in given}))
    disputed = len(set(bests)) > 1
    return Count(
        low=min(lows), best=best, high=high, text=text, disputed=disputed, spread=max(bests) - min(bests)
    )
