"""When each event happened, by the first of a table of named rules (:data:`DATE_RULES`): the
day of a statement in the present, else the date expression that governs its clause, else an
expression anchored to the date told before ("the next day"), else the day before the report
for a present perfect, else the story's date carried from the paragraph before, else the week
up to publication.

Date expressions themselves are read by :mod:`dates`; this module attaches them to events.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from ..lexicons.data import fold
from ..model import DateSpan
from ..nlp import deps
from ..nlp.syntax import doc_text, sent_ents, span_text
from ..sentence.date_words import words
from ..sentence.dates import DateExpr, anchor, find_anchored, find_dates, parse_span

if TYPE_CHECKING:
    from ..sentence.mention import Mention


class DocDates:
    """The date expressions of a document, sentence by sentence, and the paragraphs."""

    def __init__(self, sdoc: Doc, published):
        self.published = published
        self.by_sent: dict[int, list[DateExpr]] = {}
        self.anchored: dict[int, list] = {}
        year_hint = published.year if published else None
        for sent in sdoc.sents:
            found = find_dates(span_text(sent), published, year_hint, offset=sent.start_char)
            found += _other_dates(sent, found, published)
            self.by_sent[sent.start] = found
            self.anchored[sent.start] = find_anchored(span_text(sent), offset=sent.start_char)
            for e in found:
                if e.kind == "absolute":
                    year_hint = e.end.year
        text = doc_text(sdoc)
        self.paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n\n", text)]

    def paragraph(self, char: int) -> int:
        return bisect_right(self.paragraph_starts, char) - 1

    def own(self, m: Mention, inside: bool = False) -> list[DateExpr]:
        """The date expressions of the mention's sentence that may govern it; with *inside*,
        only those that modify its own words ("the September 17 attack", "the raid on Monday")."""
        mine = {m.governor.i, m.trigger.i, *(t.i for t in m.merged)}
        g = m.governor
        lo, hi = g.left_edge.idx, g.right_edge.idx + len(g.right_edge)
        return [
            e
            for e in self.by_sent.get(m.sent.start, [])
            if e.kind != "since"
            and not _nested_elsewhere(m.sent.doc, e, g, mine)
            and (not inside or lo <= e.start_char and e.end_char <= hi and _hops(m.sent.doc, e, g) <= 2)
        ]

    def earlier_date(self, m: Mention) -> DateExpr | None:
        """The last date told before the mention's sentence."""
        for start in sorted((s for s in self.by_sent if s < m.sent.start), reverse=True):
            exprs = [e for e in self.by_sent[start] if e.kind != "since"]
            if exprs:
                return exprs[-1]
        return None

    def for_mention(self, m: Mention) -> DateSpan | None:
        """The date of the event: that of the first rule of :data:`DATE_RULES` that dates it."""
        dated = self.dated_by(m)
        return dated[1] if dated is not None else None

    def dated_by(self, m: Mention) -> tuple[str, DateSpan] | None:
        """The first rule of :data:`DATE_RULES` that dates the event (its name) and the date."""
        for rule in DATE_RULES:
            span = rule.applies(self, m)
            if span is not None:
                return rule.name, span
        return None


def _span(e: DateExpr) -> DateSpan:
    return DateSpan(e.start.isoformat(), e.end.isoformat(), e.precision, e.text)


def _statement_now(dates: DocDates, m: Mention) -> DateSpan | None:
    """A statement in the present tense: said on the day of the report."""
    if dates.published is None or not _speaks_now(m.governor):
        return None
    day = dates.published.isoformat()
    return DateSpan(day, day, "day", None)


def _own_date(dates: DocDates, m: Mention) -> DateSpan | None:
    """The date that governs the event's clause: the one hanging closest to the verb
    ("condemned Wednesday's bombing on Thursday")."""
    own = dates.own(m)
    if not own:
        return None
    g = m.governor
    lo, hi = g.left_edge.idx, g.right_edge.idx + len(g.right_edge)
    inside = [e for e in own if lo <= e.start_char and e.end_char <= hi] or own
    return _span(min(inside, key=lambda e: (_hops(m.sent.doc, e, g), abs(e.start_char - m.trigger.idx))))


def _anchored(dates: DocDates, m: Mention) -> DateSpan | None:
    """An expression of the sentence anchored to the last date told before it ("the next day")."""
    prior = dates.earlier_date(m)
    for rel in dates.anchored.get(m.sent.start, []):
        if prior is not None:
            start, end, precision = anchor(rel, prior, dates.published)
            return DateSpan(start.isoformat(), end.isoformat(), precision, rel.text)
    return None


def _recent_perfect_span(dates: DocDates, m: Mention) -> DateSpan | None:
    """A present perfect: the day before the report to the day of it."""
    if dates.published is None or not _recent_perfect(m.governor):
        return None
    return DateSpan(
        (dates.published - timedelta(days=1)).isoformat(), dates.published.isoformat(), "range", None
    )


def _carried(dates: DocDates, m: Mention) -> DateSpan | None:
    """The nearest earlier date of the event's paragraph or the one before (the story goes on)."""
    para = dates.paragraph(m.sent.start_char)
    for start in sorted((s for s in dates.by_sent if s < m.sent.start), reverse=True):
        exprs = [e for e in dates.by_sent[start] if e.kind != "since"]
        if exprs and dates.paragraph(exprs[-1].start_char) >= para - 1:
            return _span(exprs[-1])
    return None


def _week_before(dates: DocDates, m: Mention) -> DateSpan | None:
    """No date told: the week up to publication."""
    if dates.published is None:
        return None
    return DateSpan(
        (dates.published - timedelta(days=6)).isoformat(), dates.published.isoformat(), "week", None
    )


@dataclass(frozen=True)
class DateRule:
    name: str
    example: str  # a report with an event this rule dates: it is the rule's test
    applies: Callable[[DocDates, Mention], DateSpan | None]


# Checked in order; the first that dates the event gives its date.
DATE_RULES: tuple[DateRule, ...] = (
    DateRule(
        "statement_now",
        "The Ministry of Foreign Affairs condemns in the strongest terms the drone strike that hit a car "
        "near Sinjar on 10 June.",
        _statement_now,
    ),
    DateRule("own_date", "Rockets hit the camp on Saturday, killing two residents.", _own_date),
    DateRule(
        "anchored",
        "In July 2009, soldiers attacked the camp.\n\nFor nearly two years the residents were subject to a "
        "ban on imports of food and medicine.",
        _anchored,
    ),
    DateRule("recent_perfect", "The ministry has banned all protests in the capital.", _recent_perfect_span),
    DateRule(
        "carried",
        "Police arrested three protesters in Lagos on Monday.\n\nSoldiers later shot dead two men in Abuja.",
        _carried,
    ),
    DateRule(
        "week_before", "Gunmen attacked a police station in the town, killing two officers.", _week_before
    ),
)


def _other_dates(sent, found: list[DateExpr], published) -> list[DateExpr]:
    """Dates the NER sees and the patterns do not read, parsed with dateparser."""
    out = []
    for ent in sent_ents(sent):
        if ent.label_ != "DATE" or any(
            e.start_char < ent.end_char and ent.start_char < e.end_char for e in found
        ):
            continue
        parsed = parse_span(ent.text, published)
        if parsed is not None:
            start, end, precision = parsed
            out.append(DateExpr(start, end, precision, ent.text, ent.start_char, ent.end_char, "relative"))
    return out


# prepositions that make a clause on the event's noun its own vehicle ("in a statement issued on ...")
_VEHICLE = frozenset(words("dating.vehicle_prepositions"))


def _nested_elsewhere(doc: Doc, expr: DateExpr, governor: Token, mine: set[int]) -> bool:
    """Does the date belong to another clause inside this one ("the declaration that the two
    sides signed in May 2023")? Not when that clause describes the event itself ("the deal
    signed in Pretoria on November 2")."""
    span = doc.char_span(expr.start_char, expr.end_char, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    while tok.i != governor.i and tok.head.i != tok.i:
        vehicle = tok.head.dep_ == deps.PREP_OBJECT and fold(tok.head.head.lemma_) in _VEHICLE
        if tok.dep_ in (deps.RELATIVE_CLAUSE, deps.ACL) and tok.head.i not in mine and not vehicle:
            return True  # ("in a statement issued on Wednesday, X condemned" is the act's own date)
        tok = tok.head
    return False


def _hops(doc: Doc, expr: DateExpr, governor: Token) -> int:
    """How far up the parse the date is from the verb (10 when it is not below it)."""
    span = doc.char_span(expr.start_char, expr.end_char, alignment_mode="expand")
    if span is None:
        return 10
    tok, n = span.root, 0
    while tok.i != governor.i and tok.head.i != tok.i and n < 10:
        tok, n = tok.head, n + 1
    return n if tok.i == governor.i else 10


def _recent_perfect(verb: Token) -> bool:
    """A present perfect ("has ordered"): news of the last day or so."""
    return verb.tag_ == "VBN" and any(c.dep_ == deps.AUX and c.tag_ in ("VBZ", "VBP") for c in verb.children)


def _speaks_now(verb: Token) -> bool:
    """A statement in the simple present: the report is where it is made."""
    return verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ == deps.AUX for c in verb.children)
