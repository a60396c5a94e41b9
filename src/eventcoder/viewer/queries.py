"""What the viewer's endpoints ask of the events: filter, sort and page them, and summarise the
filtered set for the page's timeline (a histogram) and map (one mark per place).

The events are JSON records in date order (undated last). :class:`Index` keeps one compact
:class:`Row` per record for the filters and, once asked, each column's sort order, so a request
over 100,000 events filters in tens of milliseconds and never sends them all. The page's script
applies the same rules to the one-file report's embedded events (``localQuery`` in viewer.js).
"""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..errors import UsageError
from .summaries import place_key, places, timeline

_TRUE = {"1", "true", "yes", "on"}
TELLINGS = ("", "news", "background")
DEFAULT_LIMIT = 100
MAX_LIMIT = 1000


def _date(value: str | None, name: str) -> str | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise UsageError(f"{name} must be a date YYYY-MM-DD, not {value!r}") from None


def _split(values: Iterable[str]) -> frozenset[str]:
    return frozenset(v.strip().upper() for value in values for v in value.split(",") if v.strip())


def _one(query: dict[str, list[str]], name: str) -> str:
    return (query.get(name) or [""])[-1].strip()


def _folded(*texts: str | None) -> str:
    return "\n".join(t for t in texts if t).casefold()


@dataclass(frozen=True, slots=True)
class Row:
    """What the filters read of one event record."""

    type: str
    country: str
    start: str | None
    end: str | None
    parties: str
    """The actor's and the target's names and words, case-folded."""
    words: str
    """The parties, the place and every source's evidence sentence, case-folded."""
    disputed: bool
    news: bool
    """Some source tells the event as news (a source that does not say counts as news)."""

    @classmethod
    def of(cls, record: dict[str, Any]) -> Row:
        when = record.get("date") or {}
        loc = record.get("location") or {}
        parties = [(p or {}) for p in (record.get("actor"), record.get("target"))]
        party_words = _folded(*(p.get(k) for p in parties for k in ("name", "text")))
        sources = record.get("sources") or []
        return cls(
            type=record.get("type") or "",
            country=loc.get("country") or "",
            start=when.get("start"),
            end=when.get("end"),
            parties=party_words,
            words=_folded(
                party_words, loc.get("name"), loc.get("admin1"), *(s.get("sentence") for s in sources)
            ),
            disputed=any((record.get(k) or {}).get("disputed") for k in ("fatalities", "injuries")),
            news=not sources or any(s.get("telling") != "background" for s in sources),
        )


@dataclass(frozen=True)
class Filters:
    """Which events to show (the page's filter form, as URL query parameters)."""

    types: frozenset[str] = frozenset()
    """PLOVER types; empty: all."""
    countries: frozenset[str] = frozenset()
    """ISO 3166-1 alpha-2 codes of the event's place; empty: all."""
    start: str | None = None
    """Only dated events that end on or after this day."""
    end: str | None = None
    """Only dated events that start on or before this day."""
    actor: str = ""
    """Words the actor's or the target's name or text contains (case-insensitive)."""
    text: str = ""
    """Words the parties, the place or an evidence sentence contain (case-insensitive)."""
    disputed: bool = False
    """Only events whose sources disagree on the killed or the injured."""
    telling: str = ""
    """``news``: only events some report tells as news; ``background``: only events every report
    recalls as background; empty: both."""

    @classmethod
    def from_query(cls, query: dict[str, list[str]]) -> Filters:
        """Filters from URL query parameters (as :func:`urllib.parse.parse_qs` gives them); a bad
        date or telling is a :class:`UsageError`."""
        telling = _one(query, "telling").lower()
        if telling not in TELLINGS:
            raise UsageError(f"telling must be news or background, not {telling!r}")
        return cls(
            types=_split(query.get("type", [])),
            countries=_split(query.get("country", [])),
            start=_date(_one(query, "start"), "start"),
            end=_date(_one(query, "end"), "end"),
            actor=_one(query, "actor"),
            text=_one(query, "q") or _one(query, "text"),
            disputed=_one(query, "disputed").lower() in _TRUE,
            telling=telling,
        )

    def matches(self, record: dict[str, Any]) -> bool:
        """True when the event record passes every filter."""
        return self.keeps(Row.of(record))

    def keeps(self, row: Row) -> bool:
        """True when the event whose :class:`Row` this is passes every filter."""
        return all(test(row) for test in self.tests())

    def tests(self) -> list[Callable[[Row], bool]]:
        """One test per filter that is set (the types and countries included)."""
        out: list[Callable[[Row], bool]] = []
        if self.types:
            out.append(lambda r: r.type in self.types)
        if self.countries:
            out.append(lambda r: r.country in self.countries)
        if self.start:
            out.append(lambda r: r.end is not None and r.end >= self.start)
        if self.end:
            out.append(lambda r: r.start is not None and r.start <= self.end)
        if self.actor:
            needle = self.actor.casefold()
            out.append(lambda r: needle in r.parties)
        if self.text:
            words = self.text.casefold()
            out.append(lambda r: words in r.words)
        if self.disputed:
            out.append(lambda r: r.disputed)
        if self.telling:
            news = self.telling == "news"
            out.append(lambda r: r.news == news)
        return out


# -- sorting ------------------------------------------------------------------------------------
def _party(key: str) -> Callable[[dict[str, Any]], Any]:
    return lambda e: ((e.get(key) or {}).get("name") or "").casefold() or None


def _count(key: str) -> Callable[[dict[str, Any]], Any]:
    return lambda e: (e.get(key) or {}).get("best")


SORTS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "date": lambda e: (e.get("date") or {}).get("start"),
    "type": lambda e: e.get("type"),
    "actor": _party("actor"),
    "target": _party("target"),
    "place": lambda e: ((e.get("location") or {}).get("name") or "").casefold() or None,
    "country": lambda e: (e.get("location") or {}).get("country"),
    "killed": _count("fatalities"),
    "injured": _count("injuries"),
    "sources": lambda e: len(e.get("sources") or []),
    "confidence": lambda e: e.get("confidence"),
}
"""The columns the table sorts by: each record's key (None: last, in either direction)."""


@dataclass(frozen=True)
class Query:
    """One request to ``/api/events``: the filters, the sort, the page, and whether to add the
    timeline and map summaries of the whole filtered set."""

    filters: Filters = Filters()
    sort: str = "date"
    desc: bool = False
    limit: int = DEFAULT_LIMIT
    offset: int = 0
    summary: bool = False

    @classmethod
    def from_query(cls, query: dict[str, list[str]], max_limit: int | None = MAX_LIMIT) -> Query:
        """A query from URL parameters ``sort`` (a column of :data:`SORTS`), ``dir`` (asc or
        desc), ``limit``, ``offset`` and ``summary``, besides the filters; bad ones are a
        :class:`UsageError`."""
        sort = _one(query, "sort").lower() or "date"
        if sort not in SORTS:
            raise UsageError(f"sort must be one of {', '.join(SORTS)}, not {sort!r}")
        direction = _one(query, "dir").lower() or "asc"
        if direction not in ("asc", "desc"):
            raise UsageError(f"dir must be asc or desc, not {direction!r}")
        limit = _number(query, "limit", DEFAULT_LIMIT)
        if max_limit is not None and limit > max_limit:
            raise UsageError(f"limit must be at most {max_limit} (page with offset)")
        return cls(
            filters=Filters.from_query(query),
            sort=sort,
            desc=direction == "desc",
            limit=limit,
            offset=_number(query, "offset", 0),
            summary=_one(query, "summary").lower() in _TRUE,
        )


def _number(query: dict[str, list[str]], name: str, default: int) -> int:
    value = _one(query, name)
    if not value:
        return default
    if not value.isdigit():
        raise UsageError(f"{name} must be a whole number, not {value!r}")
    return int(value)


def _codes(values: Iterable[Any]) -> tuple[list[int], list[Any]]:
    """(a whole number for each value, the values those numbers stand for)."""
    seen: dict[Any, int] = {}
    codes = [seen.setdefault(v, len(seen)) for v in values]
    return codes, list(seen)


class Index:
    """The records of a snapshot with their :class:`Row`, sort orders and the last few filtered
    selections (paging through one filter does not filter again)."""

    CACHED = 16

    def __init__(self, records: list[dict[str, Any]]):
        self.records = records
        self.rows = [Row.of(r) for r in records]
        self.ids = [r["id"] for r in records]
        self.country = [row.country for row in self.rows]
        # what the summaries count, as small whole numbers (counted fast) standing for tuples
        self.when, self.when_keys = _codes((row.start, row.type) for row in self.rows)
        self.place, self.place_keys = _codes(place_key(r) for r in records)
        self.where, self.where_keys = _codes(
            (key, row.type) for key, row in zip(self.place, self.rows, strict=True)
        )
        self._orders: dict[str, tuple[list[int], list[int]]] = {}
        self._selections: OrderedDict[tuple, tuple[list[int], list[int]]] = OrderedDict()
        self._lock = threading.Lock()

    def order(self, column: str, desc: bool = False) -> list[int]:
        """The records' positions sorted by *column*; records without a value last."""
        with self._lock:
            if column not in self._orders:
                key = SORTS[column]
                keys = [key(r) for r in self.records]
                valued = sorted((i for i, k in enumerate(keys) if k is not None), key=keys.__getitem__)
                self._orders[column] = (valued, [i for i, k in enumerate(keys) if k is None])
            valued, missing = self._orders[column]
        return (valued[::-1] if desc else valued) + missing

    def select(self, filters: Filters) -> list[int]:
        """The positions of the records that pass *filters*, in date order."""
        tests = filters.tests()
        if not tests:
            return list(range(len(self.rows)))
        rows = self.rows
        return [i for i, row in enumerate(rows) if all(test(row) for test in tests)]

    def sorted_selection(self, query: Query) -> tuple[list[int], list[int]]:
        """(the filtered positions in date order, the same in the query's sort order)."""
        key = (query.filters, query.sort, query.desc)
        with self._lock:
            if key in self._selections:
                self._selections.move_to_end(key)
                return self._selections[key]
        selected = self.select(query.filters)
        if query.sort == "date" and not query.desc:
            ordered = selected
        elif len(selected) == len(self.rows):
            ordered = self.order(query.sort, query.desc)
        else:
            chosen = set(selected)
            ordered = [i for i in self.order(query.sort, query.desc) if i in chosen]
        with self._lock:
            self._selections[key] = (selected, ordered)
            while len(self._selections) > self.CACHED:
                self._selections.popitem(last=False)
        return selected, ordered

    def run(self, query: Query) -> dict[str, Any]:
        """The answer of ``/api/events``: the total, one page of records and, when asked, the
        timeline and map summaries of every filtered record."""
        selected, ordered = self.sorted_selection(query)
        page = ordered[query.offset : query.offset + query.limit]
        out: dict[str, Any] = {
            "total": len(ordered),
            "offset": query.offset,
            "limit": query.limit,
            "sort": query.sort,
            "dir": "desc" if query.desc else "asc",
            "count": len(page),
            "events": [self.records[i] for i in page],
        }
        if query.summary:
            out.update(self.summary(selected))
        return out

    def summary(self, selected: list[int]) -> dict[str, Any]:
        """The timeline's histogram and the map's places of the records at *selected*."""
        when = Counter(map(self.when.__getitem__, selected))
        where: Counter[tuple[Any, str]] = Counter()
        for code, n in Counter(map(self.where.__getitem__, selected)).items():
            place, kind = self.where_keys[code]
            where[self.place_keys[place], kind] = n
        latest = dict(zip(map(self.place.__getitem__, selected), selected, strict=True))
        return {
            "timeline": timeline(Counter({self.when_keys[k]: n for k, n in when.items()})),
            "map": places(
                where,
                {self.place_keys[p]: self.ids[i] for p, i in latest.items()},
                set(map(self.country.__getitem__, selected)),
            ),
        }

    def stream(self, query: Query) -> Iterable[dict[str, Any]]:
        """Every filtered record in the query's sort order (a download)."""
        _, ordered = self.sorted_selection(query)
        return (self.records[i] for i in ordered)
