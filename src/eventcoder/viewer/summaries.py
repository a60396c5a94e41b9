"""The summaries of a filtered set of events that the page draws: the timeline's histogram, whose
scale follows the dates most events have (a few far older or newer ones are grouped at its ends
rather than squeezing the rest), and the map's places."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

MAX_PLACES = 4000
"""The map's marks at most: the places with the most events first."""
OUTLIER_MADS = 8
"""The timeline's scale covers the dates within this many median absolute deviations of the median
start (the deviation counted as at least :data:`MIN_MAD_DAYS`); dates beyond are grouped at its ends."""
MIN_MAD_DAYS = 30


# -- the timeline --------------------------------------------------------------------------------
def _bin_floor(day: date, unit: str) -> date:
    if unit == "week":
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    if unit == "year":
        return day.replace(month=1, day=1)
    return day


def _bin_next(day: date, unit: str) -> date:
    if unit == "week":
        return day + timedelta(days=7)
    if unit == "month":
        return date(day.year + day.month // 12, day.month % 12 + 1, 1)
    if unit == "year":
        return date(day.year + 1, 1, 1)
    return day + timedelta(days=1)


def _unit(span_days: int) -> str:
    if span_days <= 92:
        return "day"
    if span_days <= 2 * 366:
        return "week"
    if span_days <= 15 * 366:
        return "month"
    return "year"


def _weighted_median(values: list[tuple[float, int]]) -> float:
    """The median of *values*, (value, how many times) pairs."""
    values = sorted(values)
    half, seen = sum(n for _, n in values) / 2, 0
    for value, n in values:
        seen += n
        if seen >= half:
            return value
    return values[-1][0]


def scale_range(days: Counter[int]) -> tuple[int, int]:
    """The first and last day (ordinals) of the timeline's scale over the events' start *days*
    (ordinal: how many events): the days within :data:`OUTLIER_MADS` median absolute deviations of
    the median start."""
    mid = _weighted_median(list(days.items()))
    mad = _weighted_median([(abs(d - mid), n) for d, n in days.items()])
    spread = max(mad, MIN_MAD_DAYS) * OUTLIER_MADS
    inside = [d for d in days if abs(d - mid) <= spread]
    return min(inside), max(inside)


def _outside(days: list[date]) -> dict[str, Any] | None:
    if not days:
        return None
    return {"n": len(days), "first": min(days).isoformat(), "last": max(days).isoformat()}


def timeline(dated: Counter[tuple[str | None, str]]) -> dict[str, Any]:
    """A histogram of the events' start dates, *dated* counting them by (start, type): bins of a
    day, week, month or year over the scale of :func:`scale_range`, each with its count by type,
    and the dates beyond that scale grouped at its ends (``before``, ``after``)."""
    counts = Counter({(start, kind): n for (start, kind), n in dated.items() if start})
    out: dict[str, Any] = {"undated": dated.total() - counts.total(), "unit": None, "bins": []}
    out["before"] = out["after"] = None
    if not counts:
        return out
    by_day = {s: date.fromisoformat(s) for s, _ in counts}
    days: Counter[int] = Counter()
    for (start, _), n in counts.items():
        days[by_day[start].toordinal()] += n
    lo, hi = scale_range(days)
    unit = out["unit"] = _unit(hi - lo + 1)
    first, last = _bin_floor(date.fromordinal(lo), unit), date.fromordinal(hi)
    bins: dict[date, dict[str, Any]] = {}
    at = first
    while at <= last:
        following = _bin_next(at, unit)
        bins[at] = {
            "start": at.isoformat(),
            "end": (following - timedelta(days=1)).isoformat(),
            "n": 0,
            "types": {},
        }
        at = following
    before, after = [], []
    for (start, kind), n in counts.items():
        day = by_day[start]
        if day.toordinal() < lo:
            before += [day] * n
        elif day.toordinal() > hi:
            after += [day] * n
        else:
            b = bins[_bin_floor(day, unit)]
            b["n"] += n
            b["types"][kind] = b["types"].get(kind, 0) + n
    out.update(bins=list(bins.values()), before=_outside(before), after=_outside(after))
    return out


# -- the map -------------------------------------------------------------------------------------
PlaceKey = tuple[float, float, str, str]
"""A place with coordinates: latitude and longitude (3 decimals), name, country."""


def place_key(record: dict[str, Any]) -> PlaceKey | None:
    """The :data:`PlaceKey` of an event record, None when its place has no coordinates."""
    loc = record.get("location") or {}
    lat, lon = loc.get("lat"), loc.get("lon")
    if not isinstance(lat, (int, float)) or not isinstance(lon, (int, float)):
        return None
    return (round(lat, 3), round(lon, 3), loc.get("name") or "", loc.get("country") or "")


def places(
    counts: Counter[tuple[PlaceKey | None, str]],
    latest: dict[PlaceKey | None, str],
    countries: Iterable[str],
    limit: int = MAX_PLACES,
) -> dict[str, Any]:
    """The map's marks: one per place with coordinates, from the events' *counts* by (place, type)
    and the *latest* event's id at each place: its count, the type most of its events have and
    that id; the *limit* places with most events first. With them, how many events have no
    coordinates and the *countries* of every event (placed or not)."""
    by_place: dict[PlaceKey, Counter[str]] = {}
    missing = 0
    for (key, kind), n in counts.items():
        if key is None:
            missing += n
        else:
            by_place.setdefault(key, Counter())[kind] += n
    totals = sorted(((sum(c.values()), key) for key, c in by_place.items()), key=lambda t: (-t[0], t[1][:2]))
    shown = [
        {
            "lat": key[0],
            "lon": key[1],
            "name": key[2],
            "country": key[3] or None,
            "n": n,
            "type": by_place[key].most_common(1)[0][0],
            "id": latest[key],
        }
        for n, key in totals[:limit]
    ]
    return {
        "places": shown,
        "n_places": len(by_place),
        "located": sum(n for n, _ in totals),
        "missing": missing,
        "countries": sorted(c for c in set(countries) if c),
    }
