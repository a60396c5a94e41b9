"""When each event happened: the date expression that governs its clause, else the day of a
statement in the present, else the story's date carried from the paragraph before, else the
week up to publication.

Date expressions themselves are read by :mod:`dates`; this module attaches them to events.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import timedelta
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from ..lexicons.data import fold
from ..model import DateSpan
from ..nlp.syntax import doc_text, sent_ents, span_text
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

    def _earlier_date(self, m: Mention) -> DateExpr | None:
        """The last date told before the mention's sentence."""
        for start in sorted((s for s in self.by_sent if s < m.sent.start), reverse=True):
            exprs = [e for e in self.by_sent[start] if e.kind != "since"]
            if exprs:
                return exprs[-1]
        return None

    def for_mention(self, m: Mention) -> DateSpan | None:
        """The date that governs the event's clause; else, for a statement in the present
        tense, the day of publication; else the nearest earlier date of its paragraph or the one
        before (the story goes on); else the week up to publication; else None."""
        g = m.governor
        if self.published is not None and _speaks_now(g):
            # "The ministry condemns ... the strike on 10 June": said on the day of the report
            day = self.published.isoformat()
            return DateSpan(day, day, "day", None)
        own = self.own(m)
        if own:
            lo, hi = g.left_edge.idx, g.right_edge.idx + len(g.right_edge)
            inside = [e for e in own if lo <= e.start_char and e.end_char <= hi] or own
            # the date hanging closest to the verb: "condemned Wednesday's bombing on Thursday"
            best = min(inside, key=lambda e: (_hops(m.sent.doc, e, g), abs(e.start_char - m.trigger.idx)))
            return DateSpan(best.start.isoformat(), best.end.isoformat(), best.precision, best.text)
        prior = self._earlier_date(m)
        for rel in self.anchored.get(m.sent.start, []):
            if prior is not None:
                start, end, precision = anchor(rel, prior, self.published)
                return DateSpan(start.isoformat(), end.isoformat(), precision, rel.text)
        if self.published is not None and _recent_perfect(g):
            # "the ministry has ordered ...": just before the report
            return DateSpan(
                (self.published - timedelta(days=1)).isoformat(), self.published.isoformat(), "range", None
            )
        para = self.paragraph(m.sent.start_char)
        for start in sorted((s for s in self.by_sent if s < m.sent.start), reverse=True):
            exprs = [e for e in self.by_sent[start] if e.kind != "since"]
            if exprs and self.paragraph(exprs[-1].start_char) >= para - 1:
                e = exprs[-1]
                return DateSpan(e.start.isoformat(), e.end.isoformat(), e.precision, e.text)
        if self.published is not None:
            return DateSpan(
                (self.published - timedelta(days=6)).isoformat(), self.published.isoformat(), "week", None
            )
        return None


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


def _nested_elsewhere(doc: Doc, expr: DateExpr, governor: Token, mine: set[int]) -> bool:
    """Does the date belong to another clause inside this one ("the declaration that the two
    sides signed in May 2023")? Not when that clause describes the event itself ("the deal
    signed in Pretoria on November 2")."""
    span = doc.char_span(expr.start_char, expr.end_char, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    while tok.i != governor.i and tok.head.i != tok.i:
        vehicle = tok.head.dep_ == "pobj" and fold(tok.head.head.lemma_) in (
            "in",
            "through",
            "via",
            "at",
            "during",
        )
        if tok.dep_ in ("relcl", "acl") and tok.head.i not in mine and not vehicle:
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
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in verb.children)


def _speaks_now(verb: Token) -> bool:
    """A statement in the simple present: the report is where it is made."""
    return verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ == "aux" for c in verb.children)
