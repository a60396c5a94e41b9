"""When: date expressions resolved to a start, an end and an honest precision.

Expressions are found with patterns over the text (full dates, month and year, year, parts
of periods, weekdays, relative expressions, ranges) and resolved against the publication
date where they need an anchor. A month is never turned into its first day: "In July 2009"
is 2009-07-01..2009-07-31 with precision 'month'. A date the text cannot anchor is left out.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "several": 3,
    "a few": 3,
}

MON = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
YEAR = r"(?P<year>(?:19|20)\d{2})(?!\d|,\d)"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
PART = r"(?P<part>early|mid|late|the (?:end|beginning|start|middle) of|the (?:first|second|third|last) (?:week|half) of)"
WDAY = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
WDAY_PLAIN = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"


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


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _year_for(month: int, day: int | None, published: date | None, year_hint: int | None) -> int | None:
    """The year that makes a year-less date the latest such day not after publication."""
    if published is None:
        return year_hint
    y = published.year
    probe = date(y, month, min(day or 1, calendar.monthrange(y, month)[1]))
    return y if probe <= published else y - 1


def _part_of_month(part: str, y: int, m: int) -> tuple[date, date]:
    last = calendar.monthrange(y, m)[1]
    spans = {
        "early": (1, 10),
        "the beginning of": (1, 10),
        "the start of": (1, 10),
        "mid": (11, 20),
        "the middle of": (11, 20),
        "late": (21, last),
        "the end of": (21, last),
        "the first week of": (1, 7),
        "the second week of": (8, 14),
        "the third week of": (15, 21),
        "the last week of": (last - 6, last),
        "the first half of": (1, 15),
        "the second half of": (16, last),
    }
    a, b = spans.get(part, (1, last))
    return date(y, m, a), date(y, m, b)


def _part_of_year(part: str, y: int) -> tuple[date, date]:
    spans = {
        "early": ((1, 1), (4, 30)),
        "the beginning of": ((1, 1), (3, 31)),
        "the start of": ((1, 1), (3, 31)),
        "mid": ((5, 1), (8, 31)),
        "the middle of": ((5, 1), (8, 31)),
        "late": ((9, 1), (12, 31)),
        "the end of": ((10, 1), (12, 31)),
        "the first half of": ((1, 1), (6, 30)),
        "the second half of": ((7, 1), (12, 31)),
    }
    (m1, d1), (m2, d2) = spans.get(part, ((1, 1), (12, 31)))
    return date(y, m1, d1), date(y, m2, d2)


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


# Patterns, most specific first; each match consumes its text so that shorter patterns do not
# match inside it again.
_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d{2})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    ("numeric", re.compile(r"\b(?P<d>[0-3]?\d)[/.](?P<m>[01]?\d)[/.](?P<y>(?:19|20)\d{2})\b")),
    (
        "between_years",
        re.compile(
            r"\b(?:between|from) (?P<y1>(?:19|20)\d{2}) (?:and|to|until|till) "
            r"(?P<y2>(?:19|20)\d{2})\b",
            re.I,
        ),
    ),
    ("year_span", re.compile(r"\b(?P<y1>(?:19|20)\d{2})\s?[-\u2013]\s?(?P<y2>(?:19|20)?\d{2})\b")),
    ("month_day_year", re.compile(rf"\b{MON}\s+{DAY},?\s+{YEAR}", re.I)),
    ("day_month_year", re.compile(rf"\b{DAY}\s+(?:of\s+)?{MON},?\s+{YEAR}", re.I)),
    ("part_month_year", re.compile(rf"\b{PART}[-\s]+{MON}\s+{YEAR}", re.I)),
    ("part_month", re.compile(rf"\b{PART}[-\s]+{MON}(?!\s*\d)", re.I)),
    ("part_year", re.compile(rf"\b{PART}[-\s]+{YEAR}", re.I)),
    ("month_year", re.compile(rf"\b{MON}\s+(?:of\s+)?{YEAR}", re.I)),
    ("month_day", re.compile(rf"\b{MON}\s+{DAY}\b(?!\s*(?:,\s*)?(?:19|20)\d\d)(?![:.]\d)", re.I)),
    ("day_month", re.compile(rf"\b{DAY}\s+(?:of\s+)?{MON}\b(?!\s*,?\s*(?:19|20)\d\d)", re.I)),
    (
        "ago",
        re.compile(
            r"\b(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few)"
            r"\s+(?P<unit>day|week|month|year)s?\s+ago\b",
            re.I,
        ),
    ),
    # "overnight into Sunday", "on Saturday night into Sunday": the night before that day
    (
        "night_into",
        re.compile(rf"\b(?:overnight|(?:on\s+)?{WDAY_PLAIN}\s+night)\s+(?:into|to)\s+{WDAY}\b", re.I),
    ),
    ("last_weekday", re.compile(rf"\blast\s+{WDAY}\b", re.I)),
    ("weekday", re.compile(rf"\b{WDAY}(?:'s|\u2019s)?(?:\s+(?:night|morning|evening|afternoon))?\b", re.I)),
    (
        "relative",
        re.compile(
            r"\b(?P<rel>yesterday|today|tonight|this morning|this afternoon|this evening|"
            r"last night|overnight|last week|this week|last month|this month|earlier this month|"
            r"earlier this week|earlier this year|last year|this year|in recent days|"
            r"in recent weeks|on the same day|the previous day|the day before|the next day|"
            r"the following day|over the past day|in the past day|over the past 24 hours|"
            r"in the past 24 hours|over the past week|in the past week|at the weekend|over the weekend|"
            r"last weekend|this weekend|on the weekend)\b",
            re.I,
        ),
    ),
    ("since", re.compile(rf"\bsince\s+(?:{MON}\s+)?{YEAR}", re.I)),
    ("in_month", re.compile(rf"\b(?:in|during|since|by|until|of)\s+{MON}(?!\s*\d)\b", re.I)),
    (
        "year",
        re.compile(
            rf"(?<![\d,.$£€])\b{YEAR}\b(?!\s*(?:people|troops|soldiers|fighters|members|protesters|km|"
            r"kilometres|miles|%|percent|metres|tonnes|dollars))",
            re.I,
        ),
    ),
]


def _weekend(pub: date) -> tuple[date, date, str]:
    """The last Saturday and Sunday up to *pub* ("at the weekend"), as a range."""
    sunday = pub - timedelta(days=(pub.weekday() + 1) % 7)
    return sunday - timedelta(days=1), sunday, "range"


def find_dates(
    text: str, published: date | None, year_hint: int | None = None, offset: int = 0
) -> list[DateExpr]:
    """Every date expression in *text*, resolved; character offsets shifted by *offset*."""
    taken: list[tuple[int, int]] = []
    found: list[DateExpr] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            a, b = m.span()
            if any(a < y and x < b for x, y in taken):
                continue
            resolved = _resolve(kind, m, published, year_hint)
            if resolved is None:
                continue
            start, end, precision, how = resolved
            if start > end:
                continue
            taken.append((a, b))
            found.append(DateExpr(start, end, precision, m.group(0), a + offset, b + offset, how))
    return sorted(found, key=lambda e: e.start_char)


def _g(m: re.Match, name: str) -> str | None:
    try:
        return m.group(name)
    except IndexError:
        return None


def _resolve(kind: str, m: re.Match, pub: date | None, hint: int | None):  # noqa: C901 (a flat table)
    low = m.group(0).lower()
    if kind == "iso":
        d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
        return (d, d, "day", "absolute") if d else None
    if kind == "numeric":
        a, b, y = int(m["d"]), int(m["m"]), int(m["y"])
        d = _safe_date(y, b, a) if b <= 12 else _safe_date(y, a, b)
        return (d, d, "day", "absolute") if d else None
    if kind in ("between_years", "year_span"):
        y1, y2 = int(m["y1"]), m["y2"]
        y2 = int(y2) if len(y2) == 4 else (y1 // 100) * 100 + int(y2)
        if not y1 < y2 <= y1 + 100:
            return None
        return date(y1, 1, 1), date(y2, 12, 31), "range", "absolute"
    month = MONTHS.get((_g(m, "mon") or "").lower().rstrip("."))
    year = int(m["year"]) if _g(m, "year") else None
    day = int(m["day"]) if _g(m, "day") else None
    if kind in ("month_day_year", "day_month_year"):
        d = _safe_date(year, month, day)
        return (d, d, "day", "absolute") if d else None
    if kind in ("part_month_year", "part_month"):
        y = year or _year_for(month, 1, pub, hint)
        if y is None:
            return None
        a, b = _part_of_month(m["part"].lower(), y, month)
        return a, b, "range", "absolute" if year else "relative"
    if kind == "part_year":
        a, b = _part_of_year(m["part"].lower(), year)
        return a, b, "range", "absolute"
    if kind == "month_year":
        return date(year, month, 1), _month_end(year, month), "month", "absolute"
    if kind in ("month_day", "day_month"):
        if month == 5 and kind == "month_day" and low.startswith("may") and day and day > 31:
            return None
        y = _year_for(month, day, pub, hint)
        d = _safe_date(y, month, day) if y else None
        return (d, d, "day", "relative") if d else None
    if kind == "in_month":
        y = _year_for(month, None, pub, hint)
        if y is None:
            return None
        if pub is not None and y == pub.year and month == pub.month:
            return date(y, month, 1), pub, "month", "relative"
        return date(y, month, 1), _month_end(y, month), "month", "relative"
    if kind == "since":
        if pub is None:
            return None
        start = date(year, month or 1, 1)
        return start, pub, "range", "since"
    if kind == "year":
        y = year
        if pub is not None and y > pub.year:
            return None
        return date(y, 1, 1), date(y, 12, 31), "year", "absolute"
    if pub is None:
        return None
    if kind == "ago":
        n = (
            NUMBERS.get(m["n"].lower()) or int(m["n"])
            if m["n"].isdigit() or m["n"].lower() in NUMBERS
            else None
        )
        if n is None:
            return None
        unit = m["unit"].lower()
        if unit == "day":
            d = pub - timedelta(days=n)
            return d, d, "day", "relative"
        if unit == "week":
            d = pub - timedelta(weeks=n)
            return d - timedelta(days=3), d + timedelta(days=3), "week", "relative"
        if unit == "month":
            y, mo = divmod(pub.year * 12 + pub.month - 1 - n, 12)
            return date(y, mo + 1, 1), _month_end(y, mo + 1), "month", "relative"
        return date(pub.year - n, 1, 1), date(pub.year - n, 12, 31), "year", "relative"
    if kind in ("weekday", "last_weekday", "night_into"):
        wd = WEEKDAYS[m["wd"].lower()]
        back = (pub.weekday() - wd) % 7
        if kind == "last_weekday" and back == 0:
            back = 7
        d = pub - timedelta(days=back)
        if kind == "night_into":
            return d - timedelta(days=1), d, "range", "relative"
        return d, d, "day", "relative"
    rel = m["rel"].lower()
    monday = pub - timedelta(days=pub.weekday())
    table = {
        "yesterday": (pub - timedelta(days=1), pub - timedelta(days=1), "day"),
        "today": (pub, pub, "day"),
        "tonight": (pub, pub, "day"),
        "this morning": (pub, pub, "day"),
        "this afternoon": (pub, pub, "day"),
        "this evening": (pub, pub, "day"),
        "last night": (pub - timedelta(days=1), pub, "range"),
        "overnight": (pub - timedelta(days=1), pub, "range"),
        "last week": (monday - timedelta(days=7), monday - timedelta(days=1), "week"),
        # the Saturday and Sunday before publication (or of its week, if it is a weekend day)
        **dict.fromkeys(
            ("at the weekend", "over the weekend", "last weekend", "this weekend", "on the weekend"),
            _weekend(pub),
        ),
        "this week": (monday, pub, "week"),
        "earlier this week": (monday, pub, "week"),
        "last month": (*_last_month(pub), "month"),
        "this month": (pub.replace(day=1), pub, "month"),
        "earlier this month": (pub.replace(day=1), pub, "month"),
        "earlier this year": (date(pub.year, 1, 1), pub, "range"),
        "this year": (date(pub.year, 1, 1), pub, "year"),
        "last year": (date(pub.year - 1, 1, 1), date(pub.year - 1, 12, 31), "year"),
        "in recent days": (pub - timedelta(days=7), pub, "range"),
        "in recent weeks": (pub - timedelta(days=30), pub, "range"),
        "over the past day": (pub - timedelta(days=1), pub, "range"),
        "in the past day": (pub - timedelta(days=1), pub, "range"),
        "over the past 24 hours": (pub - timedelta(days=1), pub, "range"),
        "in the past 24 hours": (pub - timedelta(days=1), pub, "range"),
        "over the past week": (pub - timedelta(days=7), pub, "range"),
        "in the past week": (pub - timedelta(days=7), pub, "range"),
    }
    if rel not in table:
        return None  # "the next day" and the like: relative to another event, handled by the caller
    a, b, prec = table[rel]
    return a, b, prec, "relative"


def _last_month(pub: date) -> tuple[date, date]:
    end = pub.replace(day=1) - timedelta(days=1)
    return end.replace(day=1), end


def parse_iso(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


# -- expressions anchored to another event's date ---------------------------------------------
_UNITS = {"day": 1, "week": 7, "month": 30, "year": 365}
_DURATION = re.compile(
    r"\bfor\s+(?:(?:nearly|almost|about|around|over|more than|some|roughly|close to|at least)\s+)?"
    r"(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few)\s+"
    r"(?P<unit>day|week|month|year)s?\b",
    re.I,
)
_ANCHORED = re.compile(
    r"\b(?P<rel>since then|on the same day|the same day|that day|later that day|the next day|the following day|"
    r"the previous day|the day before|a day later|a day earlier|hours later|minutes later)\b",
    re.I,
)
_SHIFT = {
    "the next day": 1,
    "the following day": 1,
    "a day later": 1,
    "the previous day": -1,
    "the day before": -1,
    "a day earlier": -1,
}


@dataclass(frozen=True)
class Anchored:
    """A date expression that needs the date of the event told before it ("for nearly two
    years", "since then", "the next day")."""

    text: str
    start_char: int
    end_char: int
    kind: str
    """duration | since | shift"""
    days: int = 0


def find_anchored(text: str, offset: int = 0) -> list[Anchored]:
    """Durations and expressions relative to an earlier date, in *text*."""
    found = []
    for m in _DURATION.finditer(text):
        n = m["n"].lower()
        count = int(n) if n.isdigit() else NUMBERS.get(n, 1)
        found.append(
            Anchored(
                m.group(0),
                m.start() + offset,
                m.end() + offset,
                "duration",
                count * _UNITS[m["unit"].lower()],
            )
        )
    for m in _ANCHORED.finditer(text):
        rel = m["rel"].lower()
        kind = "since" if rel == "since then" else "shift"
        found.append(Anchored(m.group(0), m.start() + offset, m.end() + offset, kind, _SHIFT.get(rel, 0)))
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


def parse_span(text: str, published: date | None) -> tuple[date, date, str] | None:
    """A date span the patterns do not know ("Sept. 5th", "the 5th of September 2023"), read
    with dateparser and widened to the period it names. Only ever called on a span that the
    NER marked as a date: dateparser reads the word "we" as Wednesday."""
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
    if data.period == "month":
        return d.replace(day=1), _month_end(d.year, d.month), "month"
    if data.period == "year":
        return date(d.year, 1, 1), date(d.year, 12, 31), "year"
    if data.period == "week":
        start = d - timedelta(days=d.weekday())
        return start, start + timedelta(days=6), "week"
    return d, d, "day"
