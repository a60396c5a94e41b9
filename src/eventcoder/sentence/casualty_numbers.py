"""How many: the figures of counts of people, read in digits and words ("eleven", "three
dozen", "5.2 million") and vague words coded as ACLED and UCDP code them ("dozens": best 12, up
to 99), with the qualifiers that bound them ("at least 7", "up to 15", "between 30 and 36").

The English words are in ``data/en/casualties.toml``; the vague quantities' values in
``data/quantities.csv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from ..lexicons.data import cue, fold, read_csv, read_toml, word_lists
from ..model import Count
from ..nlp.syntax import ents as _ents
from ..nlp.syntax import folded_texts


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str] | tuple[str, ...]]:
    """The English words of ``data/en/casualties.toml``: each list as a tuple (its order may
    matter) and as a frozenset, under ``key`` and ``key:set``."""
    raw = read_toml("casualties.toml")
    out: dict = {}
    for key, listed in raw.items():
        out[key] = tuple(listed)
        out[f"{key}:set"] = frozenset(listed)
    return out


def words(key: str) -> frozenset[str]:
    """The words of *key* in ``data/en/casualties.toml``."""
    return _words()[f"{key}:set"]


def _articles() -> frozenset[str]:
    """Articles that count one before a multiplier ("a dozen"), never a count by themselves."""
    return word_lists("numbers.toml")["articles"]


@lru_cache(maxsize=1)
def word_numbers() -> dict[str, int]:
    """The value of each number word: "eleven" 11, "forty" 40, "a" 1."""
    numbers = read_toml("numbers.toml")
    out = {w: i for i, w in enumerate(numbers["units"])}
    out.update({w: 30 + 10 * i for i, w in enumerate(numbers["tens"])})
    out.update({w: 1 for w in numbers["articles"]})
    return out


@dataclass(frozen=True)
class Quantity:
    word: str
    low: int
    best: int
    high: int | None
    multiplier: int


@lru_cache(maxsize=1)
def quantities() -> dict[str, Quantity]:
    out = {}
    for row in read_csv("quantities.csv"):
        high = int(row["high"]) if row.get("high") else None
        out[row["word"]] = Quantity(
            row["word"], int(row["low"]), int(row["best"]), high, int(row["multiplier"])
        )
    return out


# -- numbers ----------------------------------------------------------------------------------


def number_value(tok: Token) -> float | None:
    """The value of one number word or numeral: "11", "1,200", "5.2", "eleven", "twenty-one" (the
    "one" of a "twenty-one" the tokenizer split is 21)."""
    value = _word_value(tok)
    return value + _tens_before(tok) if value is not None else None


def _word_value(tok: Token) -> float | None:
    return _text_value(tok.text)


def _text_value(raw: str) -> float | None:
    return _folded_value(fold(raw))


@lru_cache(maxsize=65536)  # (a word's value is its text's: asked of every word of a sentence, often again)
def _folded_value(word: str) -> float | None:
    text = word.replace(",", "")
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return float(text)
    numbers = word_numbers()
    if text in numbers and text not in _articles():
        return float(numbers[text])
    parts = text.split("-")
    if len(parts) == 2 and all(p in numbers for p in parts):
        return float(numbers[parts[0]] + numbers[parts[1]])
    return None


def read_number(tok: Token) -> Count | None:
    """The figure a number token (with the words around it) gives: "at least 12", "three
    dozen", "5.2 million", "dozens", "between 30 and 36"."""
    doc, q = tok.doc, quantities()
    word, value = fold(tok.text), number_value(tok)
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    multiplier = (
        q[fold(nxt.text)].multiplier if value is not None and nxt is not None and fold(nxt.text) in q else 1
    )
    end = tok.i + 1 + (multiplier > 1)  # "three dozen", "5.2 million"
    if value is not None:
        low = best = high = int(value * multiplier)
    elif word in q:
        prev = fold(doc[tok.i - 1].text) if tok.i > 0 else ""
        if prev in word_numbers() and prev not in _articles():  # "two dozen"
            low = best = high = word_numbers()[prev] * q[word].multiplier
        else:
            low, best, high = q[word].low, q[word].best, q[word].high
        times, step = _times(tok)  # "several hundred": 300, up to 1,000; "tens of thousands"
        low, best, high, end = low * times, best * times, high and high * times, end + step
    else:
        return None
    start, ranged = tok.i - _after_an_article(tok) - 2 * bool(_tens_before(tok)), False
    after = doc[tok.i + 1 : tok.i + 3]
    if (
        len(after) == 2
        and fold(after[0].text) in words("range_joiners")
        and (number_value(after[1]) or 0) > best
    ):
        high, end, ranged = (
            int(number_value(after[1]) or 0),
            after[1].i + 1,
            True,
        )  # read from "30" of "30 and 36"
    if (
        tok.i >= 2
        and not _tens_before(tok)
        and fold(doc[tok.i - 1].text) in words("range_joiners")
        and number_value(doc[tok.i - 2]) is not None
    ):
        lo = int(number_value(doc[tok.i - 2]) or 0)
        if lo < best:  # read from "36" of "30 and 36"
            low, best, start, ranged = lo, lo, tok.i - 2, True
    if start > 0 and fold(doc[start - 1].text) in words("range_openers"):
        start -= 1
    lead = start
    if not ranged:
        for marks in ("at_least", "at_most", "about"):
            found = _qualifier(doc, start, cue(f"casualties.{marks}"))
            if found is not None:
                lead = found
                if marks == "at_least":
                    high = None  # "at least 7": no upper bound
                elif marks == "at_most":
                    low = None  # "up to 15"
                else:
                    low, high = None, None  # "about 40"
                break
    return Count(low=low, best=best, high=high, text=doc[lead:end].text)


def _qualifier(doc, start: int, marks: frozenset) -> int | None:
    """Where a qualifier ("at least", "up to", "about") right before the number begins."""
    for i in range(max(0, start - 3), start):
        if " ".join(fold(t.text) for t in doc[i:start]) in marks:
            return i
    return None


def _in_a_date(tok: Token) -> bool:
    """A number of a date ("on 7 December", "in 2014"), not a count the NER calls a date."""
    if tok.ent_type_ != "DATE":
        return False
    ent = next((e for e in _ents(tok.doc) if e.start <= tok.i < e.end), None)
    text = fold(ent.text) if ent is not None else ""
    return (
        bool(re.search(r"\b(1[89]|20)\d\d\b", text))
        or any(m in text.split() for m in _words()["months"])
        or any(w in text for w in _words()["time_words"])
    )


def _tens_before(tok: Token) -> int:
    """The tens of a number word the tokenizer split off: 20 for the "one" of "twenty-one"."""
    doc = tok.doc
    if tok.i < 2 or doc[tok.i - 1].text != "-" or (_word_value(tok) or 10) >= 10:
        return 0
    tens = fold(doc[tok.i - 2].text)
    return word_numbers().get(tens, 0) if tens in _tens_words() else 0


def _tens_words() -> frozenset[str]:
    numbers = read_toml("numbers.toml")
    return frozenset(numbers["tens"]) | {numbers["units"][20]}


def _times(tok: Token) -> tuple[int, int]:
    """(the multiplier after a vague word, the words it takes): "several hundred" (100, 1),
    "tens of thousands" (1,000, 2)."""
    q, doc = quantities(), tok.doc
    after = [fold(t.text) for t in doc[tok.i + 1 : tok.i + 3]]
    if q[fold(tok.text)].multiplier != 1 and fold(tok.text) not in words("plural_counts"):
        return 1, 0
    if after and after[0] in q and q[after[0]].multiplier > 1 and after[0] not in words("plural_counts"):
        return q[after[0]].multiplier, 1
    if len(after) == 2 and after[0] in words("of_words") and after[1] in words("plural_counts"):
        return q[after[1]].multiplier, 2
    return 1, 0


def _part_of_a_number(tok: Token) -> bool:
    """ "Twenty" of "twenty-one", "thousands" of "tens of thousands": read with the other word."""
    doc = tok.doc
    if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and _tens_before(doc[tok.i + 2]):
        return True
    before = [fold(t.text) for t in doc[max(0, tok.i - 2) : tok.i]]
    return (
        fold(tok.text) in words("plural_counts")
        and len(before) == 2
        and before[1] in words("of_words")
        and before[0] in words("plural_counts")
    )


def _after_an_article(tok: Token) -> bool:
    """ "a number of passengers": a vague noun that counts people only after an article."""
    return (
        fold(tok.text) in words("article_counts")
        and tok.i > 0
        and fold(tok.doc[tok.i - 1].text) in _articles()
    )


def number_tokens(sent: Span) -> list[Token]:
    """The tokens of *sent* that give a count: a number, a vague count ("dozens"), a plural count
    ("hundreds"), an article's count ("a number of"); not a time, sum, share, rank or date, nor a
    word read with the number before it. The cheap test (is it a count word?) comes first: most
    tokens are not."""
    doc, texts = sent.doc, folded_texts(sent.doc)
    out = []
    for i in range(sent.start, sent.end):
        if not _may_count(texts[i], texts[i - 1] if i > 0 else None):
            continue  # (read from the document's list of words: no Token made)
        tok = doc[i]
        if (
            tok.ent_type_ in ("TIME", "MONEY", "PERCENT", "ORDINAL")
            or _in_a_date(tok)
            or _part_of_a_number(tok)
            or _compared(tok)
        ):
            continue
        out.append(tok)
    return out


def _may_count(word: str, before: str | None) -> bool:
    """The cheap test of :func:`number_tokens` on a word (folded) and the one *before* it: a
    number, a vague count, a plural count, or an article's count ("a number of")."""
    q = quantities()
    return (
        _folded_value(word) is not None
        or (word in q and q[word].multiplier == 1 and word in words("vague_counts"))
        or word in words("plural_counts")
        or (word in words("article_counts") and before is not None and before in _articles())
    )


def _compared(tok: Token) -> bool:
    """ "kill as many people as possible", "how many died": a vague word compared or asked, no count."""
    return (
        tok.i > 0 and fold(tok.doc[tok.i - 1].text) in words("comparing_words") and number_value(tok) is None
    )
