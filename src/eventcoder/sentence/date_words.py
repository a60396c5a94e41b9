"""The English words of dates, read once from ``data/en/dates.toml``, and the pieces of the
date patterns made from them (months, weekdays, counting words, parts of periods)."""

from __future__ import annotations

import re

from ..lexicons.data import read_toml


def _date_words() -> dict:
    return read_toml("dates.toml")


def words(name: str):
    """The value of *name* ("section.key", or "section.sub.key") in ``dates.toml``."""
    value = _date_words()
    for part in name.split("."):
        value = value[part]
    return value


def alternatives(phrases, group: str | None = None) -> str:
    """A regex alternation of *phrases*, longest first, so that no phrase stops short inside a
    longer one; named *group* when given."""
    body = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return f"(?P<{group}>{body})" if group else f"(?:{body})"


MONTHS: dict[str, int] = {s: i for i, spellings in enumerate(words("calendar.months"), 1) for s in spellings}
WEEKDAYS: dict[str, int] = {d: i for i, d in enumerate(words("calendar.weekdays"))}


def _counting_words() -> dict[str, int]:
    """The number words of ``numbers.toml`` up to ``numbers.largest``, then the vague ones."""
    numbers = read_toml("numbers.toml")
    out = {w: i for i, w in enumerate(numbers["units"]) if 0 < i <= words("numbers.largest")}
    ordered = {**{a: 1 for a in numbers["articles"]}, **out}
    return {**ordered, **dict(words("numbers.vague"))}


NUMBERS: dict[str, int] = _counting_words()
UNIT_DAYS: dict[str, int] = dict(words("calendar.units"))


def count(word: str) -> int:
    """The number a counted word stands for: "3", "three", "a few"."""
    return int(word) if word.isdigit() else NUMBERS[word.lower()]


# -- pieces of the patterns ------------------------------------------------------------------
MON = alternatives(MONTHS, "mon") + r"\.?"
YEAR = r"(?P<year>(?:19|20)\d{2})(?!\d|,\d)"
DAY = r"(?P<day>[0-3]?\d)" + alternatives(words("calendar.day_suffixes")) + "?"
PART = alternatives(words("parts.names"), "part")
WDAY = alternatives(WEEKDAYS, "wd")
WDAY_PLAIN = alternatives(WEEKDAYS)
DAY_PART = alternatives(words("calendar.day_parts"))
COUNT = r"(?P<n>\d+|" + alternatives(NUMBERS) + ")"
UNIT = alternatives(UNIT_DAYS, "unit")
