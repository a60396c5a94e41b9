"""The date patterns: one ordered table of named patterns, each with the expression it reads
and the function that resolves a match to (start, end, precision, kind).

Most specific first: each match consumes its text, so that shorter patterns do not match
inside it again. A resolver returns None when the match is no date it can anchor.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from .date_words import (
    COUNT,
    DAY,
    DAY_PART,
    MON,
    MONTHS,
    PART,
    UNIT,
    WDAY,
    WDAY_PLAIN,
    WEEKDAYS,
    YEAR,
    alternatives,
    count,
    words,
)

Resolved = tuple[date, date, str, str]
"""start, end, precision, kind (absolute | relative | since)"""
Resolver = Callable[[re.Match, date | None, int | None], Resolved | None]


@dataclass(frozen=True)
class DatePattern:
    name: str
    example: str  # an expression this pattern reads: it is the pattern's test
    regex: re.Pattern
    resolve: Resolver


# -- calendar arithmetic ---------------------------------------------------------------------
def month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _year_for(
    month: int, day: int | None, published: date | None, year_hint: int | None, ahead: int = 0
) -> int | None:
    """The year that makes a year-less date the latest such day not after publication, or not
    more than *ahead* days after it while the report tells of publication's year (not after "On
    September 19, 2023, ..." in a report of August 2025)."""
    if published is None:
        return year_hint
    y = published.year
    ahead = ahead if year_hint in (None, y) else 0
    probe = date(y, month, min(day or 1, calendar.monthrange(y, month)[1]))
    return y if probe <= published + timedelta(days=ahead) else y - 1


# how many days after publication a year-less day is still of publication's year ("talks on 20 June"
# in a report of 12 June: a day planned, or told by a report dated a little before it), read from
# data/en/dates.toml
AHEAD_DAYS: int = words("dating.ahead_days")


def _part_of_month(part: str, y: int, m: int) -> tuple[date, date]:
    last = calendar.monthrange(y, m)[1]
    a, b = words("parts.of_month").get(part, (1, -1))
    return date(y, m, a if a > 0 else last + 1 + a), date(y, m, b if b > 0 else last + 1 + b)


def _part_of_year(part: str, y: int) -> tuple[date, date]:
    (m1, d1), (m2, d2) = words("parts.of_year").get(part, ((1, 1), (12, 31)))
    return date(y, m1, d1), date(y, m2, d2)


def _weekend(pub: date) -> tuple[date, date, str]:
    """The last Saturday and Sunday up to *pub* ("at the weekend"), as a range."""
    sunday = pub - timedelta(days=(pub.weekday() + 1) % 7)
    return sunday - timedelta(days=1), sunday, "range"


def _last_month(pub: date) -> tuple[date, date]:
    end = pub.replace(day=1) - timedelta(days=1)
    return end.replace(day=1), end


def _one_day(d: date | None, kind: str) -> Resolved | None:
    return (d, d, "day", kind) if d else None


def _month(m: re.Match) -> int | None:
    return MONTHS.get((m.groupdict().get("mon") or "").casefold().rstrip("."))


def _int(m: re.Match, group: str) -> int | None:
    value = m.groupdict().get(group)
    return int(value) if value else None


# -- resolvers -------------------------------------------------------------------------------
def _iso(m: re.Match, pub: date | None, hint: int | None) -> Resolved | None:
    return _one_day(_safe_date(int(m["y"]), int(m["m"]), int(m["d"])), "absolute")


def _iso_month(m: re.Match, pub: date | None, hint: int | None) -> Resolved | None:
    """ "2022-04": April 2022 (a span of years such as "2009-11" is read before this)."""
    y, mo = int(m["y"]), int(m["m"])
    if pub is not None and date(y, mo, 1) > pub:
        return None
    return date(y, mo, 1), month_end(y, mo), "month", "absolute"


def _numeric(m: re.Match, pub: date | None, hint: int | None) -> Resolved | None:
    a, b, y = int(m["d"]), int(m["m"]), int(m["y"])
    return _one_day(_safe_date(y, b, a) if b <= 12 else _safe_date(y, a, b), "absolute")


def _years(m: re.Match, pub: date | None, hint: int | None) -> Resolved | None:
    y1, y2 = int(m["y1"]), m["y2"]
    y2 = int(y2) if len(y2) == 4 else (y1 // 100) * 100 + int(y2)
    if not y1 < y2 <= y1 + 100:
        return None
    return date(y1, 1, 1), date(y2, 12, 31), "range", "absolute"


def _decade(m: re.Match, pub: date | None, hint: int | None) -> Resolved | None:
    """ "the 1980s" is 1980-01-01 to 1989-12-31; "the early 1990s" the years of that part."""
    start = int(m["decade"])
    if pub is not None and start > pub.year:
        return None
    first, last = words("parts.of_decade").get((m["part"] or "").casefold(), [0, 9])
    return date(start + first, 1, 1), date(start + last, 12, 31), "decade", "absolute"


def _full_date(m: re.Match, pub: date | None, hint: int | None) -> Resolved | None:
    return _one_day(_safe_date(int(m["year"]), _month(m), int(m["day"])), "absolute")


def _part_month(m: re.Match, pub: date | None, hint: int | None) -> Resolved | None:
    month, year = _month(m), _int(m, "year")
    y = year or _year_for(month, 1, pub, hint)
    if y is None:
        return None
    a, b = _part_of_month(m["part"].casefold(), y, month)
    return a, b, "range", "absolute" if year else "relative"


def _part_year(m: re.Match, pub: date | None, hint: int | None) -> Resolved | None:
    a, b = _part_of_year(m["part"].casefold(), int(m["year"]))
    return a, b, "range", "absolute"


def _month_year(m: re.Match, pub: date | None, hint: int | None) -> Resolved | None:
    year, month = int(m["year"]), _month(m)
    return date(year, month, 1), month_end(year, month), "month", "absolute"


def _day_of_month(m: re.Match, pub: date | None, hint: int | None) -> Resolved | None:
    month, day = _month(m), int(m["day"])
    y = _year_for(month, day, pub, hint, AHEAD_DAYS)
    return _one_day(_safe_date(y, month, day) if y else None, "relative")


def _in_month(m: re.Match, pub: date | None, hint: int | None) -> Resolved | None:
    month = _month(m)
    y = _year_for(month, None, pub, hint)
    if y is None:
        return None
    if pub is not None and y == pub.year and month == pub.month:
        return date(y, month, 1), pub, "month", "relative"
    return date(y, month, 1), month_end(y, month), "month", "relative"


def _since(m: re.Match, pub: date | None, hint: int | None) -> Resolved | None:
    """ "since 2003": from then to publication; with no publication date, that year only (a bound
    that dates no event, never the year of one: "in power since 1990")."""
    y = int(m["year"])
    return date(y, _month(m) or 1, 1), pub or date(y, 12, 31), "range", "since"


def _names_a_thing(m: re.Match) -> bool:
    """Is the year part of a name ("the Finance Bill 2024", "Vision 2030")? It follows a
    capitalised word that is neither the sentence's first nor a preposition."""
    before = re.search(r"(\S+)\s+(\S+)\s+$", m.string[: m.start()])
    if before is None:
        return False
    word = before[2]
    return word[:1].isupper() and word.isalpha() and word.lower() not in _NOT_A_NAME


def hyphened_to_a_word(following: str) -> bool:
    """Does the text after a year join it to a word ("-built ship", "-era rules")? Then the year
    describes a thing and dates nothing."""
    return re.match(_ATTRIBUTE, following) is None


def _year(m: re.Match, pub: date | None, hint: int | None) -> Resolved | None:
    y = int(m["year"])
    if pub is not None and y > pub.year or _names_a_thing(m):
        return None
    return date(y, 1, 1), date(y, 12, 31), "year", "absolute"


def _months_back(pub: date, n: int) -> tuple[date, date, str]:
    y, mo = divmod(pub.year * 12 + pub.month - 1 - n, 12)
    return date(y, mo + 1, 1), month_end(y, mo + 1), "month"


# what "n units ago" names, by unit
AGO: dict[str, Callable[[date, int], tuple[date, date, str]]] = {
    "day": lambda pub, n: (pub - timedelta(days=n), pub - timedelta(days=n), "day"),
    "week": lambda pub, n: (pub - timedelta(days=7 * n + 3), pub - timedelta(days=7 * n - 3), "week"),
    "fortnight": lambda pub, n: (pub - timedelta(days=14 * n + 3), pub - timedelta(days=14 * n - 3), "week"),
    "month": _months_back,
    "year": lambda pub, n: (date(pub.year - n, 1, 1), date(pub.year - n, 12, 31), "year"),
}


def _ago(m: re.Match, pub: date | None, hint: int | None) -> Resolved | None:
    if pub is None:
        return None
    return *AGO[m["unit"].casefold()](pub, count(m["n"])), "relative"


def _weekday_before(m: re.Match, pub: date, at_least_a_week: bool = False) -> date:
    """The day named, the latest not after publication (with *at_least_a_week*, before it)."""
    back = (pub.weekday() - WEEKDAYS[m["wd"].casefold()]) % 7
    return pub - timedelta(days=back or (7 if at_least_a_week else 0))


def _weekday(m: re.Match, pub: date | None, hint: int | None) -> Resolved | None:
    return None if pub is None else _one_day(_weekday_before(m, pub), "relative")


def _ordinal_day(m: re.Match, pub: date | None, hint: int | None) -> Resolved | None:
    """ "on the 8th": that day of the month of publication, or of the month before if the 8th
    is still to come."""
    if pub is None:
        return None
    day = int(m["day"])
    year, month = (pub.year, pub.month) if day <= pub.day else divmod(pub.year * 12 + pub.month - 2, 12)
    if day > pub.day:
        month += 1
    return None if day > month_end(year, month).day else _one_day(date(year, month, day), "relative")


def _last_weekday(m: re.Match, pub: date | None, hint: int | None) -> Resolved | None:
    return None if pub is None else _one_day(_weekday_before(m, pub, at_least_a_week=True), "relative")


def _weekday_last_week(m: re.Match, pub: date | None, hint: int | None) -> Resolved | None:
    """ "on Tuesday last week": that day of the week before the week of publication."""
    if pub is None:
        return None
    monday = pub - timedelta(days=pub.weekday() + 7)
    return _one_day(monday + timedelta(days=WEEKDAYS[m["wd"].casefold()]), "relative")


def _day_range(m: re.Match, pub: date | None, hint: int | None) -> Resolved | None:
    """ "June 3-4", "3 to 5 June": the days from the first to the last, of the year given or the
    latest such span not after publication."""
    month, first, last, year = _month(m), int(m["day"]), int(m["day2"]), _int(m, "year")
    y = year or _year_for(month, first, pub, hint)
    if y is None or last <= first:
        return None
    a, b = _safe_date(y, month, first), _safe_date(y, month, last)
    if a is None or b is None:
        return None
    return a, b, "range", "absolute" if year else "relative"


def _weekday_range(m: re.Match, pub: date | None, hint: int | None) -> Resolved | None:
    """ "between Thursday and Saturday": the latest such span of days that ends by publication."""
    if pub is None:
        return None
    first, last = WEEKDAYS[m["wd"].casefold()], WEEKDAYS[m["wd2"].casefold()]
    end = pub - timedelta(days=(pub.weekday() - last) % 7)
    return end - timedelta(days=(last - first) % 7), end, "range", "relative"


def _weekday_pair(m: re.Match, pub: date | None, hint: int | None) -> Resolved | None:
    """ "last Saturday and Sunday", "Friday-Saturday night": two days in a row, the latest such
    pair that ends by publication ("last": not the day of publication itself). Two days not in a
    row ("on Monday and Thursday") are two dates, each read on its own."""
    if pub is None:
        return None
    first, last = WEEKDAYS[m["wd"].casefold()], WEEKDAYS[m["wd2"].casefold()]
    if (last - first) % 7 != 1:
        return None
    back = (pub.weekday() - last) % 7
    if m["last"] and back == 0:
        back = 7
    end = pub - timedelta(days=back)
    return end - timedelta(days=1), end, "range", "relative"


def _overnight_on(m: re.Match, pub: date | None, hint: int | None) -> Resolved | None:
    """ "overnight Saturday", "overnight from Saturday to Sunday": the night of the day named
    (into the next one when it is named too), not the night before publication."""
    if pub is None:
        return None
    d = _weekday_before(m, pub)
    if m["wd2"] is None:
        return _one_day(d, "relative")
    if (WEEKDAYS[m["wd2"].casefold()] - WEEKDAYS[m["wd"].casefold()]) % 7 != 1:
        return None
    if d + timedelta(days=1) > pub:
        d -= timedelta(days=7)
    return d, d + timedelta(days=1), "range", "relative"


def _part_relative(m: re.Match, pub: date | None, hint: int | None) -> Resolved | None:
    """ "late last month", "early last year", "earlier this month": that part of the month or
    the year the relative words name, never after publication."""
    if pub is None:
        return None
    group = RELATIVE_GROUP.get(m["rel"].casefold())
    start, end, precision = _RELATIVE[group](pub)
    part = m["part"].casefold()
    if precision == "month":
        a, b = _part_of_month(part, start.year, start.month)
    else:
        a, b = _part_of_year(part, start.year)
    b = min(b, pub)
    return (a, b, "range", "relative") if a <= b else None


def _last_month_named(m: re.Match, pub: date | None, hint: int | None) -> Resolved | None:
    """ "last December": the latest such month before the month of publication."""
    if pub is None:
        return None
    month = _month(m)
    y = pub.year if month < pub.month else pub.year - 1
    return date(y, month, 1), month_end(y, month), "month", "relative"


def _night_into(m: re.Match, pub: date | None, hint: int | None) -> Resolved | None:
    if pub is None:
        return None
    d = _weekday_before(m, pub)
    return d - timedelta(days=1), d, "range", "relative"


# the spans the phrases of [relative] in dates.toml name, by group, from the publication date
_RELATIVE: dict[str, Callable[[date], tuple[date, date, str]]] = {
    "today": lambda pub: (pub, pub, "day"),
    "yesterday": lambda pub: (pub - timedelta(days=1), pub - timedelta(days=1), "day"),
    "past_day": lambda pub: (pub - timedelta(days=1), pub, "range"),
    "last_week": lambda pub: (
        pub - timedelta(days=pub.weekday() + 7),
        pub - timedelta(days=pub.weekday() + 1),
        "week",
    ),
    "this_week": lambda pub: (pub - timedelta(days=pub.weekday()), pub, "week"),
    "weekend": _weekend,
    "past_week": lambda pub: (pub - timedelta(days=7), pub, "range"),
    "past_weeks": lambda pub: (pub - timedelta(days=30), pub, "range"),
    "last_month": lambda pub: (*_last_month(pub), "month"),
    "this_month": lambda pub: (pub.replace(day=1), pub, "month"),
    "earlier_this_year": lambda pub: (date(pub.year, 1, 1), pub, "range"),
    "this_year": lambda pub: (date(pub.year, 1, 1), pub, "year"),
    "last_year": lambda pub: (date(pub.year - 1, 1, 1), date(pub.year - 1, 12, 31), "year"),
}
RELATIVE_GROUP: dict[str, str] = {p: group for group in _RELATIVE for p in words(f"relative.{group}")}


def _relative(m: re.Match, pub: date | None, hint: int | None) -> Resolved | None:
    group = RELATIVE_GROUP.get(m["rel"].casefold())
    if pub is None or group is None:
        return None
    return *_RELATIVE[group](pub), "relative"


# -- the table -------------------------------------------------------------------------------
def _p(name: str, example: str, regex: str, resolve: Resolver, flags: int = re.I) -> DatePattern:
    return DatePattern(name, example, re.compile(regex, flags), resolve)


_RANGE = rf"\b{alternatives(words('ranges.opening'))} (?P<y1>(?:19|20)\d{{2}}) "
_RANGE += rf"{alternatives(words('ranges.joining'))} (?P<y2>(?:19|20)\d{{2}})\b"
# capitalised words a year may follow without being part of a name ("In 2024", "Since 2019")
_NOT_A_NAME = frozenset(words("ranges.before_year")) | frozenset(MONTHS) | frozenset(WEEKDAYS)
_NOT_A_YEAR_AFTER = alternatives(words("numbers.not_a_year_after"))
# "the 1999-built ship": a year hyphened to a word describes a thing
_ATTRIBUTE = rf"(?!-(?!{alternatives(words('ranges.hyphen_ends'))}\b)[A-Za-z])"
_ISO = r"\b(?P<y>(?:19|20)\d{2})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"
_NUMERIC = r"\b(?P<d>[0-3]?\d)[/.](?P<m>[01]?\d)[/.](?P<y>(?:19|20)\d{2})\b"
_YEAR_SPAN = r"\b(?P<y1>(?:19|20)\d{2})\s?[-\u2013]\s?(?P<y2>(?:19|20)?\d{2})\b"
_NIGHT_INTO = rf"\b(?:overnight|(?:on\s+)?{WDAY_PLAIN}\s+night)\s+"
_NIGHT_INTO += rf"{alternatives(words('ranges.night_into'))}\s+{WDAY}\b"
_WEEKDAY_RANGE = rf"\b{alternatives(words('ranges.opening'))}\s+{WDAY}\s+"
_WEEKDAY_RANGE += rf"{alternatives(words('ranges.joining'))}\s+(?P<wd2>{WDAY_PLAIN})\b"
_IN_MONTH = rf"\b{alternatives(words('ranges.before_month'))}\s+{MON}(?!\s*\d)\b"
_WEEKDAY_PAIR = (
    rf"\b(?P<last>last\s+)?{WDAY}(?:\s+{alternatives(words('ranges.pair_joining'))}\s+|\s?[-\u2013]\s?)"
)
_WEEKDAY_PAIR += rf"(?P<wd2>{WDAY_PLAIN})(?:\s+{DAY_PART})?\b"
_OVERNIGHT_ON = rf"\bovernight\s+(?:{alternatives(words('ranges.overnight_opening'))}\s+)?{WDAY}"
_OVERNIGHT_ON += rf"(?:\s+{alternatives(words('ranges.night_into'))}\s+(?P<wd2>{WDAY_PLAIN}))?\b"
_RELATIVE_PERIODS = [
    p for p, g in RELATIVE_GROUP.items() if g in ("last_month", "this_month", "last_year", "this_year")
]
_PART_RELATIVE = rf"\b{PART}[-\s]+{alternatives(_RELATIVE_PERIODS, 'rel')}\b"
_SUFFIX = "|".join(words("calendar.day_suffixes"))
# the second day of a span of days in one month ("June 3-4", "3 to 5 June"); not "5 and 7 May", two days
_DAY2 = (
    rf"(?:\s?[-\u2013]\s?|\s+{alternatives(words('ranges.day_joining'))}\s+)(?P<day2>[0-3]?\d)(?:{_SUFFIX})?"
)
_AND_YEAR = rf"(?:,?\s+{YEAR})?"
_DECADE = (
    rf"\b(?:the\s+)?(?:(?P<part>{alternatives(words('parts.names'))})[-\s]+)?(?P<decade>(?:1[89]|20)\d0)'?s\b"
)

PATTERNS: tuple[DatePattern, ...] = (
    _p("decade", "the early 1990s", _DECADE, _decade),
    _p("iso", "2009-07-28", _ISO, _iso, 0),
    _p("numeric", "28/07/2009", _NUMERIC, _numeric, 0),
    _p("between_years", "between 2009 and 2011", _RANGE, _years),
    _p("year_span", "2009-11", _YEAR_SPAN, _years, 0),
    _p("iso_month", "2012-04", r"\b(?P<y>(?:19|20)\d{2})-(?P<m>0[1-9]|1[0-2])\b(?!-\d)", _iso_month, 0),
    _p("month_day_range", "July 28-29, 2009", rf"\b{MON}\s+{DAY}{_DAY2}\b{_AND_YEAR}", _day_range),
    _p("day_range_month", "3 to 5 June", rf"\b{DAY}{_DAY2}\s+(?:of\s+)?{MON}{_AND_YEAR}", _day_range),
    _p("month_day_year", "July 28, 2009", rf"\b{MON}\s+{DAY},?\s+{YEAR}", _full_date),
    _p("day_month_year", "28 July 2009", rf"\b{DAY}\s+(?:of\s+)?{MON},?\s+{YEAR}", _full_date),
    _p("part_month_year", "late July 2009", rf"\b{PART}[-\s]+{MON}\s+{YEAR}", _part_month),
    _p("part_month", "mid-September", rf"\b{PART}[-\s]+{MON}(?!\s*\d)", _part_month),
    _p("part_year", "early 2013", rf"\b{PART}[-\s]+{YEAR}", _part_year),
    _p("month_year", "July 2009", rf"\b{MON}\s+(?:of\s+)?{YEAR}", _month_year),
    _p("month_day", "April 8", rf"\b{MON}\s+{DAY}\b(?!\s*(?:,\s*)?(?:19|20)\d\d)(?![:.]\d)", _day_of_month),
    _p("day_month", "8 February", rf"\b{DAY}\s+(?:of\s+)?{MON}\b(?!\s*,?\s*(?:19|20)\d\d)", _day_of_month),
    _p("ago", "two days ago", rf"\b{COUNT}\s+{UNIT}s?\s+ago\b", _ago),
    # the night before the day named
    _p("night_into", "overnight into Sunday", _NIGHT_INTO, _night_into),
    _p("overnight_on", "overnight from Saturday to Sunday", _OVERNIGHT_ON, _overnight_on),
    _p("weekday_pair", "last Saturday and Sunday night", _WEEKDAY_PAIR, _weekday_pair),
    _p("weekday_range", "between Thursday and Saturday", _WEEKDAY_RANGE, _weekday_range),
    _p(
        "weekday_last_week",
        "Tuesday last week",
        rf"\b{WDAY}\s+(?:of\s+)?last\s+week\b",
        _weekday_last_week,
    ),
    _p("last_weekday", "last Tuesday", rf"\blast\s+{WDAY}\b", _last_weekday),
    _p("weekday", "Saturday night", rf"\b{WDAY}(?:'s|\u2019s)?(?:\s+{DAY_PART})?\b", _weekday),
    _p("part_relative", "late last month", _PART_RELATIVE, _part_relative),
    _p("last_month_named", "last December", rf"\blast\s+{MON}\b(?!\s*\d)", _last_month_named),
    _p("relative", "yesterday", rf"\b{alternatives(RELATIVE_GROUP, 'rel')}\b", _relative),
    _p("since", "since 2003", rf"\bsince\s+(?:{MON}\s+)?{YEAR}", _since),
    _p("in_month", "in March", _IN_MONTH, _in_month),
    _p(
        "ordinal_day",
        "on the 8th",
        rf"\bon\s+the\s+(?P<day>[0-3]?\d)(?:{_SUFFIX})\b(?!\s+of\b)",
        _ordinal_day,
    ),
    _p("year", "2011", rf"(?<![\d,.$£€])\b{YEAR}\b{_ATTRIBUTE}(?!\s*{_NOT_A_YEAR_AFTER})", _year),
)


# -- the prefilter ---------------------------------------------------------------------------
# A gate is a piece every match of a pattern holds (a digit, a month's, a weekday's or a part's name,
# "ago"): where a text lacks one of a pattern's gates, the pattern cannot match and is not run. Each
# gate is a part every branch of the pattern's expression requires, under the same flags, so it hides no
# match (tests/sentence/test_dates.py runs the table with and without the gates).
@dataclass(frozen=True)
class Gate:
    full: re.Pattern  # the piece, under the patterns' flags (case-insensitive)
    folded: re.Pattern  # the same piece in lower case, matched case-sensitively on lower-cased ASCII text

    def holds(self, text: str, lowered: str | None) -> bool:
        """Does *text* hold the piece? *lowered* is the text in lower case when it is ASCII, where
        ASCII letters fold alike (a case-insensitive search of a long alternation is ten times
        slower); else None, and the full expression is searched."""
        return (self.folded.search(lowered) if lowered is not None else self.full.search(text)) is not None


def _gate(piece: str) -> Gate:
    return Gate(re.compile(piece, re.I), re.compile(piece.lower()))


_DIGIT = _gate(r"\d")
_MONTH_NAME = _gate(alternatives(MONTHS))
_WEEKDAY_NAME = _gate(alternatives(WEEKDAYS))
_AGO = _gate("ago")
_PART_NAME = _gate(alternatives(words("parts.names")))
_YEAR_DIGITS = _gate(r"(?:19|20)\d")  # the first three digits of every year the patterns read
_YEAR_DIGITS_CASED = Gate(
    re.compile(r"(?:19|20)\d"), re.compile(r"(?:19|20)\d")
)  # (for the patterns without re.I)
_DECADE_DIGITS = _gate(r"(?:1[89]|20)\d0")
_ON_THE = _gate(r"on\s+the\s+")
GATES: dict[str, tuple[Gate, ...]] = {
    **{name: (_DIGIT, _YEAR_DIGITS_CASED) for name in ("iso", "numeric", "year_span", "iso_month")},
    **{name: (_DIGIT, _YEAR_DIGITS) for name in ("between_years", "since", "year")},
    **{
        name: (_DIGIT, _YEAR_DIGITS, _MONTH_NAME)
        for name in ("month_day_year", "day_month_year", "month_year")
    },
    "part_month_year": (_DIGIT, _YEAR_DIGITS, _PART_NAME, _MONTH_NAME),
    "part_year": (_DIGIT, _YEAR_DIGITS, _PART_NAME),
    "month_day": (_DIGIT, _MONTH_NAME),
    "month_day_range": (_DIGIT, _MONTH_NAME),
    "day_range_month": (_DIGIT, _MONTH_NAME),
    "weekday_last_week": (_WEEKDAY_NAME,),
    "day_month": (_DIGIT, _MONTH_NAME),
    "decade": (_DIGIT, _DECADE_DIGITS),
    "ordinal_day": (_DIGIT, _ON_THE),
    "part_month": (_PART_NAME, _MONTH_NAME),
    "in_month": (_MONTH_NAME,),
    "night_into": (_WEEKDAY_NAME,),
    "overnight_on": (_WEEKDAY_NAME,),
    "weekday_pair": (_WEEKDAY_NAME,),
    "part_relative": (_PART_NAME,),
    "last_month_named": (_MONTH_NAME,),
    "weekday_range": (_WEEKDAY_NAME,),
    "last_weekday": (_WEEKDAY_NAME,),
    "weekday": (_WEEKDAY_NAME,),
    "ago": (_AGO,),
}
"""Pattern name -> the gates a text must pass (all of them) for the pattern to be run on it; a
pattern not named here ("relative") is always run."""
