"""When: date expressions resolved to a start, an end and an honest precision.

Expressions are found with the named patterns of :mod:`date_patterns` (full dates, month and
year, year, parts of periods, weekdays, relative expressions, ranges) and resolved against the
publication date where they need an anchor. A month is never turned into its first day: "In
July 2009" is 2009-07-01..2009-07-31 with precision 'month'. A date the text cannot anchor is
left out. The words of dates are data (``data/en/dates.toml``, read by :mod:`date_words`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from .date_patterns import AGO, GATES, PATTERNS, DatePattern, Gate, Resolved, month_end
from .date_words import COUNT, MON, UNIT, UNIT_DAYS, WDAY, alternatives, count, words


@dataclass(frozen=True)
class DateExpr:
    """A resolved date expression found at [start_char, end_char) of the text searched."""

    start: date
    end: date
    precision: str
    text: str
    start_char: int
    end_char: int
    kind: str = "absolute"
    """absolute | relative | since | background"""


def scan(
    text: str, published: date | None, year_hint: int | None = None, gated: bool = True
) -> list[tuple[DatePattern, re.Match, Resolved]]:
    """The patterns in table order over *text*: each match that resolves, and does not overlap
    the text of one taken before, is taken with the pattern that read it. A pattern whose gates
    (:data:`date_patterns.GATES`) the text does not pass cannot match and is skipped, unless
    *gated* is False (for the test that the gates hide nothing)."""
    taken: list[tuple[DatePattern, re.Match, Resolved]] = []
    passed: list[bool | None] = [None] * len(_GATES)  # each gate tested once on the text
    lowered = text.lower() if text.isascii() else None
    for pattern, gates in _PLAN:
        if gated and gates and not _passes(gates, text, lowered, passed):
            continue
        for m in pattern.regex.finditer(text):
            a, b = m.span()
            if any(a < t.end() and t.start() < b for _, t, _ in taken):
                continue
            resolved = pattern.resolve(m, published, year_hint)
            if resolved is not None and resolved[0] <= resolved[1]:
                taken.append((pattern, m, resolved))
    return sorted(taken, key=lambda found: found[1].start())


def _passes(gates: tuple[int, ...], text: str, lowered: str | None, passed: list[bool | None]) -> bool:
    """Does *text* hold every one of *gates* (indices in :data:`_GATES`; each searched once per
    text, kept in *passed*)?"""
    for g in gates:
        hit = passed[g]
        if hit is None:
            hit = passed[g] = _GATES[g].holds(text, lowered)
        if not hit:
            return False
    return True


# the gates, each once, and each pattern with the indices of its gates (a Gate hashes by its
# expressions: an index is cheaper to look up than the gate itself)
_GATES: tuple[Gate, ...] = tuple(dict.fromkeys(g for gates in GATES.values() for g in gates))
_PLAN: tuple[tuple[DatePattern, tuple[int, ...]], ...] = tuple(
    (p, tuple(_GATES.index(g) for g in GATES.get(p.name, ()))) for p in PATTERNS
)


def find_dates(
    text: str, published: date | None, year_hint: int | None = None, offset: int = 0
) -> list[DateExpr]:
    """Every date expression in *text*, resolved; character offsets shifted by *offset*."""
    return [
        DateExpr(start, end, precision, m.group(0), m.start() + offset, m.end() + offset, how)
        for _, m, (start, end, precision, how) in scan(text, published, year_hint)
    ]


# -- year-less days after a full date -----------------------------------------------------------
# how many days after a full date a year-less day told just after it may lie and still be of its year
FOLLOW_DAYS: int = words("dating.follow_days")
_NAMES_A_MONTH = re.compile(rf"\b{MON}", re.I)


def follow_full_date(
    found: list[DateExpr], full: DateExpr | None, recent: date | None = None
) -> tuple[list[DateExpr], DateExpr | None]:
    """Year-less days ("on September 20") read in the publication's year that follow a full date
    of another year told in the same sentence or the one before (*full*: "On September 19, 2023,
    Azerbaijan launched ... the authorities agreed on September 20"): of that date's year, when
    they lie no more than :data:`FOLLOW_DAYS` after it, and when read so they did not fall in the
    report's recent past (from *recent* on), which is its news ("the general, killed on January
    3, 2020 ... On January 4 the minister gave new figures", in January 2024). Returns the
    expressions and the last full date of these."""
    out, last = [], None
    for e in found:
        if e.kind == "absolute" and e.precision == "day":
            full = last = e
        elif full is not None and _follows(e, full, recent):
            moved = _moved_to(e.start, full.start.year)
            if moved is not None and full.start <= moved <= full.start + timedelta(days=FOLLOW_DAYS):
                e = DateExpr(moved, moved, e.precision, e.text, e.start_char, e.end_char, e.kind)
        out.append(e)
    return out, last


def _follows(e: DateExpr, full: DateExpr, recent: date | None) -> bool:
    """May the year-less day *e* be of the year of the full date told before it?"""
    return (
        e.kind == "relative"
        and e.precision == "day"
        and e.start.year != full.start.year
        and (recent is None or e.start < recent)
        and _NAMES_A_MONTH.search(e.text) is not None
    )


def _moved_to(d: date, year: int) -> date | None:
    try:
        return d.replace(year=year)
    except ValueError:  # 29 February
        return None


# -- expressions nothing anchors ---------------------------------------------------------------
# the patterns that read a date from the day of writing ("on Friday", "two days ago", "on the 8th")
_NEEDS_ANCHOR = frozenset(
    {"ago", "night_into", "weekday_range", "last_weekday", "weekday", "relative", "ordinal_day", "in_month"}
    | {"part_month", "overnight_on", "weekday_pair", "part_relative", "last_month_named"}
    | {"month_day", "day_month"}
)
# of those, the ones an explicit date nearby anchors: a weekday is the nearest such day to it
_WEEKDAY_PATTERNS = frozenset({"weekday", "night_into", "weekday_range", "overnight_on", "weekday_pair"})
_BY_NAME = {p.name: p for p in PATTERNS}


@dataclass(frozen=True)
class Unresolved:
    """A date expression with nothing to anchor it (no publication date): its words are kept."""

    text: str
    start_char: int
    end_char: int
    pattern: str
    match: re.Match


def find_unresolved(
    text: str, taken: list[DateExpr], year_hint: int | None = None, offset: int = 0
) -> list[Unresolved]:
    """The relative expressions of *text* that no publication date anchors and that overlap none
    of the resolved expressions *taken* (offsets in the document)."""
    found: list[Unresolved] = []
    for pattern in PATTERNS:
        if pattern.name not in _NEEDS_ANCHOR:
            continue
        for m in pattern.regex.finditer(text):
            a, b = m.start() + offset, m.end() + offset
            if any(a < e.end_char and e.start_char < b for e in taken) or any(
                a < u.end_char and u.start_char < b for u in found
            ):
                continue
            if pattern.resolve(m, None, year_hint) is None:
                found.append(Unresolved(m.group(0), a, b, pattern.name, m))
    return sorted(found, key=lambda u: u.start_char)


def resolve_near(expr: Unresolved, near: date) -> tuple[date, date, str] | None:
    """A weekday resolved against an explicit date the report gives nearby ("on Friday" after
    "On 3 May ..."): the nearest such day, three days either side."""
    if expr.pattern not in _WEEKDAY_PATTERNS:
        return None
    resolved = _BY_NAME[expr.pattern].resolve(expr.match, near + timedelta(days=3), None)
    return None if resolved is None else resolved[:3]


def parse_iso(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


# -- expressions anchored to another event's date ---------------------------------------------
_DURATION = re.compile(
    rf"\bfor\s+(?:{alternatives(words('numbers.duration_hedges'))}\s+)?{COUNT}\s+{UNIT}s?\b",
    re.I,
)
# the days each group of [anchored] in dates.toml shifts from the earlier date
_SHIFT = {"same_day": 0, "next_day": 1, "previous_day": -1}
_ANCHORED_GROUP = {p: group for group in ("since", *_SHIFT) for p in words(f"anchored.{group}")}
_ANCHORED = re.compile(rf"\b{alternatives(_ANCHORED_GROUP, 'rel')}\b", re.I)
# "two weeks earlier", "three days later": so many units before or after the earlier date
_OFFSET_SIGN = {w: -1 for w in words("anchored.offset_back")} | {w: 1 for w in words("anchored.offset_ahead")}
_OFFSET = re.compile(rf"\b{COUNT}\s+{UNIT}s?\s+{alternatives(_OFFSET_SIGN, 'way')}\b", re.I)
# a unit's name ("day", "weeks"): a gate (see date_patterns.GATES) of both expressions above
_UNIT_NAME = Gate(re.compile(alternatives(UNIT_DAYS), re.I), re.compile(alternatives(UNIT_DAYS).lower()))


@dataclass(frozen=True)
class Anchored:
    """A date expression that needs the date of the event told before it ("for nearly two
    years", "since then", "the next day")."""

    text: str
    start_char: int
    end_char: int
    kind: str
    """duration | since | shift | offset"""
    days: int = 0
    unit: str = "day"
    """for an offset, the unit it counts ("two weeks earlier": week, -2 in *days*)"""


def find_anchored(text: str, offset: int = 0) -> list[Anchored]:
    """Durations and expressions relative to an earlier date, in *text*."""
    counted = _UNIT_NAME.holds(text, text.lower() if text.isascii() else None)
    found = [
        Anchored(
            m.group(0),
            m.start() + offset,
            m.end() + offset,
            "duration",
            count(m["n"]) * UNIT_DAYS[m["unit"].lower()],
        )
        for m in (_DURATION.finditer(text) if counted else ())
    ]
    for m in _OFFSET.finditer(text) if counted else ():
        n = count(m["n"]) * _OFFSET_SIGN[m["way"].lower()]
        found.append(
            Anchored(m.group(0), m.start() + offset, m.end() + offset, "offset", n, m["unit"].lower())
        )
    for m in _ANCHORED.finditer(text):
        if any(m.start() + offset < a.end_char and a.start_char < m.end() + offset for a in found):
            continue  # "a day later" read as an offset already
        group = _ANCHORED_GROUP.get(m["rel"].lower(), "same_day")
        kind = "since" if group == "since" else "shift"
        found.append(Anchored(m.group(0), m.start() + offset, m.end() + offset, kind, _SHIFT.get(group, 0)))
    return sorted(found, key=lambda a: a.start_char)


def anchor(expr: Anchored, prior: DateExpr, published: date | None) -> tuple[date, date, str]:
    """Resolve an anchored expression against the date of the event told before it."""
    if expr.kind == "duration":
        end = prior.start + timedelta(days=expr.days)
        if published is not None:
            end = min(end, published)
        return prior.start, max(end, prior.end), "range"
    if expr.kind == "since":  # from the day after
        start = prior.end + timedelta(days=1) if prior.precision == "day" else prior.start
        if published is not None:
            start = min(start, published)
        return start, max(published or prior.end, start), "range"
    if expr.kind == "offset":  # as "two weeks ago" is from publication, from the earlier date
        return AGO[expr.unit](prior.start, -expr.days)
    if prior.precision == "day":
        d = prior.start + timedelta(days=expr.days)
        return d, d, "day"
    return prior.start, prior.end, prior.precision


# -- dateparser, on spans the patterns above do not read --------------------------------------
_CONCRETE = re.compile(rf"\d|\b{MON}|{WDAY}", re.I)


@lru_cache(maxsize=64)
def _parser(base: date | None):
    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": False}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=4096)
def parse_span(text: str, published: date | None) -> tuple[date, date, str] | None:
    """A date span the patterns do not know ("Sept. 5th", "the 5th of September 2023"), read
    with dateparser and widened to the period it names. Only ever called on a span that the
    NER marked as a date: dateparser reads the word "we" as Wednesday. Kept for the spans read
    last (dateparser is slow, and "last week" or "Sept. 5" come back)."""
    if published is None and not re.search(r"(?:19|20)\d\d", text):
        return None  # a relative date needs the publication date as its anchor
    if not _CONCRETE.search(text):
        return None  # "the past decade", "years": no date to read
    data = _parser(published).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    if published is not None and d > published:
        return None
    years = {int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", text)}
    if years and d.year not in years:
        return None  # dateparser filled in what it could not read (from the day of the run)
    if data.period == "month":
        return d.replace(day=1), month_end(d.year, d.month), "month"
    if data.period == "year":
        return date(d.year, 1, 1), date(d.year, 12, 31), "year"
    if data.period == "week":
        start = d - timedelta(days=d.weekday())
        return start, start + timedelta(days=6), "week"
    return d, d, "day"
