"""When each event happened, by the first of a table of named rules (:data:`DATE_RULES`): the
day of a statement in the present, else the date expression that governs its clause (one that
nothing anchors stays unresolved, its words kept), else an expression anchored to the date told
before ("the next day"; only in its own clause), else the date a later sentence gives the deed named
again as a noun of the same doer ("X condemned Y. ... X's condemnation came on Saturday"), else for
a present perfect the day the report
tells within the day before it and the day of it (never the day a statement was made, for a deed),
or those two days, else for a reaction to a deed its sentence dates ("condemned Thursday's
shelling") no day before the deed, else the story's date carried from the paragraph before, else
the date of the story's lead, else for a deed named inside a dated reaction the last date told
before the reaction, else, in a report that tells no date at all, the day of publication for news
told in the simple past, else the week up to publication. A sentence's date never passes to an event
whose own sentence has one of its own; a date that only names another thing ("last year's
rallies"), one of another clause ("the mayor, who spoke on Monday"), or the period something is
for ("the chair for 2025") is not the event's own.

A dateline or byline ("Published 3 May 2024, 10:42 GMT") gives the day the report was written:
no event takes it, and with no publication date it anchors the report's relative words. A
heading's date is the story's only when the body tells none, and is not carried into the body;
a date told in a clause that recalls the past ("since the war broke out in April 2023"), in the
past perfect ("Earlier in July he had vetoed"), or of what the news follows ("in the wake of last
week's coup") is not carried either, nor the story's. The story's date is the first that times a
clause rather than names a thing ("the April 1 strike"); in a report with no publication date, a
day its lead tells in full. A count of units the NER marks is a length ("after 40 days of war"),
no date, unless it places one event before another ("12 days after the bombing").

Whether the report tells the event as its own news or recalls it as background
(:meth:`DocDates.telling`): an event of the past perfect or of a "since" clause, or dated more
than about a month before publication in a report about something recent, is background; it
keeps its own date and never takes the publication's.

Date expressions themselves are read by :mod:`dates`; whose each one is (a dateline's, another
clause's, a thing's) is told by :mod:`date_scope`; this module attaches them to events.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from ..lexicons.data import fold, word_lists
from ..lexicons.ontology import types_with
from ..model import DateSpan
from ..nlp import deps
from ..nlp.syntax import doc_text, span_text
from ..sentence.date_words import NUMBERS, UNIT_DAYS, count, words
from ..sentence.dates import (
    DateExpr,
    Unresolved,
    anchor,
    find_anchored,
    find_dates,
    find_unresolved,
    follow_full_date,
    resolve_near,
)
from ..sentence.triggers import find_trigger

if TYPE_CHECKING:
    from ..sentence.mention import Mention


from .date_scope import (
    a_term,
    antecedent,
    dateline_day,
    day_of_saying,
    flashback,
    hops,
    in_another_conjunct,
    in_the_present,
    is_dateline,
    is_heading,
    is_recalled,
    is_recent_perfect,
    last_day,
    names_a_thing,
    nested_elsewhere,
    of_a_noun_clause,
    of_another_like_it,
    other_dates,
    owned_elsewhere,
    past_perfect,
    said_content,
    speaks_now,
    the_only_year,
    tokens_of,
    told_as_past,
    voice_of,
)


class DocDates:
    """The date expressions of a document, sentence by sentence, and the paragraphs."""

    def __init__(self, sdoc: Doc, published):
        published = published or dateline_day(sdoc)
        self.published = published
        self.by_sent: dict[int, list[DateExpr]] = {}
        self.anchored: dict[int, list] = {}
        self.unresolved: dict[int, list[Unresolved]] = {}
        self.only_year = None if published else the_only_year(doc_text(sdoc))
        """The one year an undated report names, if only one."""
        year_hint = published.year if published else self.only_year
        self.undated = True
        """Does the report tell no date at all, not even on a dateline?"""
        full = None  # the last full date of the sentence before
        recent = published - timedelta(days=BACKGROUND_DAYS) if published else None
        for sent in sdoc.sents:
            found = find_dates(span_text(sent), published, year_hint, offset=sent.start_char)
            found, full = follow_full_date(found + other_dates(sent, found, published), full, recent)
            self.undated = self.undated and not found
            if is_dateline(sent, found):
                found = []  # the page's date, not an event's
            self.by_sent[sent.start] = found
            self.anchored[sent.start] = find_anchored(span_text(sent), offset=sent.start_char)
            if published is None:
                self.unresolved[sent.start] = find_unresolved(
                    span_text(sent), found, year_hint, sent.start_char
                )
            for e in found:
                if e.kind == "absolute":
                    year_hint = e.end.year
        self.undated = self.undated and not any(self.anchored.values())
        text = doc_text(sdoc)
        self.paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n\n", text)]
        told = [e for start in sorted(self.by_sent) for e in self.by_sent[start] if e.kind != "since"]
        self.recent = published is None or not told or any(not self.is_old(e.end) for e in told)
        """Is the report about something recent (a date of it within about a month of publication)?"""
        self.heads = heads = {s.start for s in sdoc.sents if is_heading(s)}
        news = [
            (start, e) for start in sorted(self.by_sent) for e in self.by_sent[start] if e.kind != "since"
        ]
        news = [(start, e) for start, e in news if not self.is_old(e.end) and not antecedent(sdoc, e)]
        body = [e for start, e in news if start not in heads and not in_the_present(sdoc, e)]
        self.story = (
            next((e for e in body if not names_a_thing(sdoc, e) and not _of_an_occasion(sdoc, e)), None)
            or next((e for e in body if not names_a_thing(sdoc, e)), None)
            or next((e for e in [*body, *(e for _, e in news)]), None)
        )
        """The date of the story's lead: the first date told that is not background nor what the
        story follows ("in the wake of last week's coup"), in the body rather than in a heading,
        one that times a clause rather than names a thing ("the April 1 strike") nor an occasion the news is set beside ("the election held on April 11") ("... suspends Thursday's exams" over the lead's "yesterday"), and not a deed's in the present (a photo caption's)."""

    def is_ahead(self, e: DateExpr) -> bool:
        """Does the date lie after publication ("reopen the bridge from November 1")? It names a
        plan, and never passes to the news told after it."""
        return self.published is not None and e.start > self.published

    def is_old(self, end) -> bool:
        """Does a span ending on *end* lie well before publication (more than about a month)?"""
        return self.published is not None and end < self.published - timedelta(days=BACKGROUND_DAYS)

    def has_own(self, m: Mention) -> bool:
        """Does the mention's sentence have a date expression of its own? Not one that only
        dates another thing it names ("families of those killed in last year's rallies"), nor one
        of another clause ("the mayor, who spoke late on Monday, said"), nor one that words said
        name ("warned that rebels would attack on Friday")."""
        mine = tokens_of(m)
        exprs = [*self.by_sent.get(m.sent.start, []), *self.unresolved.get(m.sent.start, [])]
        return any(
            not owned_elsewhere(m.sent.doc, e, mine)
            and not nested_elsewhere(m.sent.doc, e, m.governor, mine)
            and not a_term(m.sent.doc, e)
            and not said_content(m, e)
            for e in exprs
        )

    def telling(self, m: Mention, span: DateSpan | None) -> str:
        """ "background" for an event the report recalls (the past perfect, a "since" clause, a
        date well before publication in a report about something recent), else "news"."""
        if told_as_past(m.governor):
            return "background"
        if span is None or span.end is None:
            return "news"
        end = date.fromisoformat(span.end)
        if self.recent and self.is_old(end):
            return "background"
        before_story = self.story is not None and end < self.story.start
        return "background" if before_story and past_perfect(m.governor) else "news"

    def paragraph(self, char: int) -> int:
        return bisect_right(self.paragraph_starts, char) - 1

    def own(self, m: Mention, inside: bool = False) -> list[DateExpr]:
        """The date expressions of the mention's sentence that may govern it; with *inside*,
        only those that modify its own words ("the September 17 attack", "the raid on Monday")."""
        mine = {m.governor.i, m.trigger.i, *(t.i for t in m.merged)}
        g = m.governor
        lo, hi = g.left_edge.idx, g.right_edge.idx + len(g.right_edge)
        inside = inside or _within_a_reaction(g)
        return [
            e
            for e in self.by_sent.get(m.sent.start, [])
            if e.kind != "since"
            and not nested_elsewhere(m.sent.doc, e, g, mine)
            and not owned_elsewhere(m.sent.doc, e, mine)
            and not a_term(m.sent.doc, e)
            and not said_content(m, e)
            and (not inside or lo <= e.start_char and e.end_char <= hi and hops(m.sent.doc, e, g) <= 2)
        ]

    def earlier_date(self, m: Mention, day: bool = False) -> DateExpr | None:
        """The last date told before the mention's sentence (with *day*, its last day if it
        tells one: "that day" is a day)."""
        for start in sorted((s for s in self.by_sent if s < m.sent.start), reverse=True):
            exprs = [e for e in self.by_sent[start] if e.kind != "since"]
            if exprs:
                return last_day(exprs) if day else exprs[-1]
        return None

    def last_day_before(self, m: Mention) -> DateExpr | None:
        """The last day told before the mention's sentence, past any month or year told since
        ("on 27 July ... Earlier in July ... a week later": 27 July); else the last date told."""
        for start in sorted((s for s in self.by_sent if s < m.sent.start), reverse=True):
            days = [e for e in self.by_sent[start] if e.kind != "since" and e.precision == "day"]
            if days:
                return days[-1]
        return self.earlier_date(m)

    def days_told(self, first: date, last: date) -> list[DateExpr]:
        """The days between *first* and *last* the report's body tells (not a heading's, not a
        "since" clause's), latest last."""
        told = [
            e
            for start in self.by_sent
            if start not in self.heads
            for e in self.by_sent[start]
            if e.kind != "since" and e.precision == "day" and first <= e.start <= last
        ]
        return sorted(told, key=lambda e: (e.start, e.start_char))

    def explicit_near(self, m: Mention) -> DateExpr | None:
        """The last full date ("On 3 May 2024", or "on June 25" in a report that names its year)
        told in or before the mention's sentence; else the first told in the next sentence
        ("Ruto branded Tuesday's protests treason. Addressing the press on June 25, ...")."""
        starts = sorted(self.by_sent)
        before = [s for s in starts if s <= m.sent.start]
        for start in reversed(before):
            days = [e for e in self.by_sent[start] if e.kind != "since" and e.precision == "day"]
            if days:
                return days[-1]
        after = starts[len(before) : len(before) + 1]
        days = [e for s in after for e in self.by_sent[s] if e.kind != "since" and e.precision == "day"]
        return days[0] if days else None

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


def _of_an_occasion(doc: Doc, expr) -> bool:
    """Is the date told in a clause on the noun of an occasion the news is set beside (``dating.occasions``
    in dates.toml: "the results of the election held on April 11")? It dates that occasion, not the
    story."""
    verb = of_a_noun_clause(doc, expr)
    return verb is not None and fold(verb.head.lemma_) in _OCCASIONS


_OCCASIONS = frozenset(words("dating.occasions"))


def _within_a_reaction(g: Token) -> bool:
    """Is the deed a noun inside a reaction's clause ("warned on April 10 that Israel will be
    punished for a Damascus air strike", "On Monday the ministry condemned the bombing")? Then the
    reaction's date is not the deed's: only a date of the noun's own phrase is."""
    if g.pos_ == "VERB" and g.dep_ in (deps.RELATIVE_CLAUSE, deps.ACL):
        g = g.head  # "condemned an air strike that killed 12": the strike's clause
    if g.pos_ == "VERB":
        return False
    reactions = word_lists("references.toml")["reaction_types"]
    for verb in (a for a in g.ancestors if a.pos_ == "VERB"):
        trig = find_trigger(verb, set())
        if trig is not None and trig.type in reactions:
            return True
    return False


def _span(e: DateExpr) -> DateSpan:
    return DateSpan(e.start.isoformat(), e.end.isoformat(), e.precision, e.text)


def _statement_now(dates: DocDates, m: Mention) -> DateSpan | None:
    """A statement in the present tense: said on the day of the report (told by the words said,
    "the minister says that Kyiv had a hand in it", the tense of their saying). A deed told in the present
    with a date of its own is a photo caption's ("Crowds protest in the square on 9 May"): it takes
    that date (rule "own_date")."""
    if dates.published is None or not speaks_now(m.governor if dates.own(m) else voice_of(m)):
        return None
    if m.type not in types_with("spoken") and dates.own(m):
        return None  # a deed in the present with a date of its own: a caption
    day = dates.published.isoformat()
    return DateSpan(day, day, "day", None)


def _measured_off(dates: DocDates, m: Mention) -> DateSpan | None:
    """A deed in a clause that a count of units measures from the clause it hangs on ("the massacre
    on 15 December came one day after the president gave the army wider powers"): that clause's
    date, less (after) or more (before) the count (``dating.measured_clause`` in dates.toml)."""
    g = m.governor
    way = next(
        (c for c in g.children if c.dep_ in (deps.MARKER, deps.PREP) and fold(c.text) in _MEASURED), None
    )
    if way is None or g.dep_ != deps.ADVERBIAL_CLAUSE:
        return None
    head = g.head
    unit = next((c for c in (*head.children, *way.children) if fold(c.lemma_) in UNIT_DAYS), None)
    n = next((c for c in unit.children if c.dep_ == deps.NUMBER_MODIFIER), None) if unit is not None else None
    if n is None or fold(n.text) not in NUMBERS and not n.text.isdigit():
        return None
    inner = {t.i for t in g.subtree}
    doc = m.sent.doc
    base = [
        e
        for e in dates.by_sent.get(m.sent.start, [])
        if e.kind != "since" and e.precision == "day" and not _covers(doc, e, inner)
    ]
    if not base:
        return None
    days = count(n.text) * UNIT_DAYS[fold(unit.lemma_)] * _MEASURED[fold(way.text)]
    day = base[0].start + timedelta(days=days)
    return DateSpan(day.isoformat(), day.isoformat(), "day", None)


_MEASURED = {w: int(n) for w, n in dict(words("dating.measured_clause")).items()}


def _own_date(dates: DocDates, m: Mention) -> DateSpan | None:
    """The date that governs the event's clause: the one hanging closest to the verb
    ("condemned Wednesday's bombing on Thursday")."""
    own = _finest(dates.own(m))
    if not own:
        return None
    g = m.governor
    lo, hi = g.left_edge.idx, g.right_edge.idx + len(g.right_edge)
    inside = [e for e in own if lo <= e.start_char and e.end_char <= hi] or own
    mine = {g.i, m.trigger.i, *(t.i for t in m.merged)}
    return _span(
        min(
            inside,
            key=lambda e: (
                owned_elsewhere(m.sent.doc, e, mine),
                hops(m.sent.doc, e, g),
                abs(e.start_char - m.trigger.idx),
            ),
        )
    )


def _finest(exprs: list[DateExpr]) -> list[DateExpr]:
    """The expressions no finer one of the same clause lies within: an event named by its year
    ("the 2024 Djibo massacre", an encyclopedia's name) on a day the clause tells ("on 9 June
    2024") is of that day."""
    return [
        e
        for e in exprs
        if not any(
            o.start >= e.start and o.end <= e.end and (o.end - o.start) < (e.end - e.start) for o in exprs
        )
    ]


def _unresolved_own(dates: DocDates, m: Mention) -> DateSpan | None:
    """A date of the event's clause that no publication date anchors ("on Friday"): resolved
    against an explicit date the report gives nearby, else kept unresolved, its words kept."""
    g = m.governor
    mine = {g.i, m.trigger.i, *(t.i for t in m.merged)}
    own = [u for u in dates.unresolved.get(m.sent.start, []) if not nested_elsewhere(m.sent.doc, u, g, mine)]
    if not own:
        return None
    expr = min(own, key=lambda u: (hops(m.sent.doc, u, g), abs(u.start_char - m.trigger.idx)))
    near = dates.explicit_near(m)
    resolved = resolve_near(expr, near.start) if near is not None else None
    if resolved is None:
        return _year_of_report(dates, expr.text) or DateSpan(None, None, None, expr.text)
    start, end, precision = resolved
    return DateSpan(start.isoformat(), end.isoformat(), precision, expr.text)


def _anchored(dates: DocDates, m: Mention) -> DateSpan | None:
    """An expression of the sentence anchored to the last date told before it ("the next day")."""
    for rel in dates.anchored.get(m.sent.start, []):
        if in_another_conjunct(m.sent.doc, rel, m.governor):
            continue  # "urged them to leave, but they came back a week later": the return's date
        prior = (
            dates.last_day_before(m)
            if rel.kind == "offset"
            else dates.earlier_date(m, day=rel.kind == "shift")
        )
        if prior is not None:
            start, end, precision = anchor(rel, prior, dates.published)
            return DateSpan(start.isoformat(), end.isoformat(), precision, rel.text)
    return None


def _told_again_later(dates: DocDates, m: Mention) -> DateSpan | None:
    """A deed with no date of its own that a later sentence names again as a noun of the same
    doer, with a date ("Zelenskyy condemned Putin. ... Zelenskyy's condemnation of Putin came in
    his own address on Saturday"): the date that sentence gives it."""
    if m.actor is None or m.actor.pos_ != "PROPN" or dates.has_own(m):
        return None
    doc, doer = m.sent.doc, fold(m.actor.text)
    for start in sorted(s for s in dates.by_sent if s > m.sent.start):
        exprs = [e for e in dates.by_sent[start] if e.kind != "since"]
        if not exprs:
            continue
        sent = doc[start].sent
        for noun in (t for t in sent if t.pos_ == "NOUN"):
            owner = next((c for c in noun.children if c.dep_ == deps.POSSESSIVE), None)
            if owner is None or fold(owner.text) != doer:
                continue
            trig = find_trigger(noun, set())
            if trig is None or trig.type != m.type:
                continue
            verb = noun.head if noun.dep_ in (deps.SUBJECT, deps.SUBJECT_PASSIVE) else noun
            near = [e for e in exprs if hops(doc, e, verb) < 10]
            if near:
                return _span(min(near, key=lambda e: hops(doc, e, verb)))
    return None


def _recent_perfect_span(dates: DocDates, m: Mention) -> DateSpan | None:
    """A present perfect: from the year or month its clause says it runs since ("Since 2019 the army
    has arrested hundreds") to publication; else the day before the report to the day of it, or the day of those two the
    report tells last ("Soldiers have toppled the president. Yesterday the guard sealed off the
    palace": yesterday)."""
    if dates.published is None or not is_recent_perfect(m.governor if dates.own(m) else voice_of(m)):
        return None
    since = [
        e
        for e in dates.by_sent.get(m.sent.start, [])
        if e.kind == "since" and hops(m.sent.doc, e, m.governor) < 10
    ]
    if since:  # "Since 2012 Mali has gone through three coups": from then to publication
        return _span(since[0])
    told = dates.days_told(dates.published - timedelta(days=1), dates.published)
    if m.type not in types_with("spoken"):  # the day a toll was confirmed is not the killing's
        told = [e for e in told if not day_of_saying(m.sent.doc, e)]
    para = dates.paragraph(m.sent.start_char)
    if told and all(dates.paragraph(e.start_char) != para for e in told):
        # a day told in another paragraph, over the date the event's own paragraph carries ("broke out
        # on Wednesday ... Troops have been deployed", a paragraph after one of Friday's killings)
        here = _carried_expr(dates, m)
        here = here if here is not None and dates.paragraph(here.start_char) == para else None
        return _span(here or told[-1])
    if told:
        return _span(told[-1])
    return DateSpan(
        (dates.published - timedelta(days=1)).isoformat(), dates.published.isoformat(), "range", None
    )


def _carried(dates: DocDates, m: Mention) -> DateSpan | None:
    """The nearest earlier date of the event's paragraph or the one before (the story goes on);
    not into a sentence with a date of its own, nor a background date into the news, nor a date
    after publication (a plan: "to reopen the bridge from November 1"), nor the day something is
    set for ("a state funeral was scheduled for Friday"), nor the date of a past thing named in
    passing ("relatives of those killed in last year's riots gathered")."""
    expr = _carried_expr(dates, m)
    return _span(expr) if expr is not None else None


def _carried_expr(dates: DocDates, m: Mention) -> DateExpr | None:
    """The date expression rule "carried" gives the event."""
    if dates.has_own(m) or told_as_past(m.governor):
        return None
    para = dates.paragraph(m.sent.start_char)
    doc = m.sent.doc
    for start in sorted((s for s in dates.by_sent if s < m.sent.start), reverse=True):
        if start in dates.heads:
            continue  # a heading's date passes to the body only as the story's (rule "story")
        exprs = [e for e in dates.by_sent[start] if e.kind != "since"]
        # a date of a clause that recalls the past, or of what the news follows, does not move the story
        exprs = [
            e
            for e in exprs
            if not is_recalled(doc, e)
            and not antecedent(doc, e)
            and not flashback(doc, e)
            and not of_another_like_it(doc, e)
            and not a_term(doc, e)
            and not (dates.is_old(e.end) and names_a_thing(doc, e))
            and not dates.is_ahead(e)
        ]
        if not exprs:
            continue
        last = last_day(exprs)
        if dates.paragraph(last.start_char) < para - 1:
            return None
        if dates.recent and dates.is_old(last.end) and dates.paragraph(last.start_char) < para:
            continue  # a paragraph of background before: the story's date is further up
        return last
    return None


def _after_its_deed(dates: DocDates, m: Mention) -> DateSpan | None:
    """A reaction to a deed its sentence dates ("The ministry condemned Thursday's strikes"),
    with no date of its own, came no earlier than the deed: the date the story carries to it if
    that is not before the deed, else the deed's day to publication."""
    if dates.published is None or dates.own(m):
        return None
    doc, g = m.sent.doc, m.governor
    deeds = [
        e
        for e in dates.by_sent.get(m.sent.start, [])
        if e.kind != "since"
        and owned_elsewhere(doc, e, tokens_of(m))
        and _covers(doc, e, {t.i for t in g.subtree})
    ]
    if not deeds:
        return None
    deed = max(deeds, key=lambda e: e.start)
    told = _carried(dates, m) or _story(dates, m)
    if told is not None and told.start is not None and date.fromisoformat(told.start) >= deed.start:
        return told
    return DateSpan(deed.start.isoformat(), dates.published.isoformat(), "range", deed.text)


def _covers(doc: Doc, expr, tokens: set[int]) -> bool:
    """Does the date's head word lie among *tokens*?"""
    span = doc.char_span(expr.start_char, expr.end_char, alignment_mode="expand")
    return span is not None and span.root.i in tokens


def _story(dates: DocDates, m: Mention) -> DateSpan | None:
    """No date in the paragraph: the date of the story's lead ("On 3 May, ..."); in a report with
    no publication date, only a day the lead tells in full."""
    if dates.story is None or dates.has_own(m) or told_as_past(m.governor):
        return None
    if dates.published is None and dates.story.precision != "day":
        return None  # with no publication date, only a day the lead tells is known to be the story's
    return _span(dates.story)


def _reacted_deed(dates: DocDates, m: Mention) -> DateSpan | None:
    """A deed named inside a dated reaction ("On April 10 the leader warned that Israel will be
    punished for the strike in which seven officers were killed"), with no date of its own phrase,
    came before the reaction: the last date the report told before it that lies before the
    reaction's day ("the April 1 strike")."""
    if not _within_a_reaction(m.governor) or dates.own(m, inside=True):
        return None
    said = [e for e in dates.by_sent.get(m.sent.start, []) if e.kind != "since"]
    if not said:
        return None
    day = min(e.start for e in said)
    for start in sorted((s for s in dates.by_sent if s < m.sent.start), reverse=True):
        before = [e for e in dates.by_sent[start] if e.kind != "since" and e.end < day]
        if before:
            return _span(last_day(before))
    return None


def _day_of_an_undated_report(dates: DocDates, m: Mention) -> DateSpan | None:
    """A report that tells no date at all, not even "yesterday" or "last week" ("Hamas frees 24
    hostages on opening day of truce"): the news it tells in the simple past ("freed", "were
    killed") is of the day it was published."""
    if dates.published is None or told_as_past(m.governor) or not dates.undated:
        return None
    g = m.governor
    passive_past = g.tag_ == "VBN" and any(c.dep_ == deps.AUX_PASSIVE and c.tag_ == "VBD" for c in g.children)
    if g.tag_ != "VBD" and not passive_past:
        return None  # ("were killed" is a simple past too; "has attacked" is not)
    day = dates.published.isoformat()
    return DateSpan(day, day, "day", None)


def _week_before(dates: DocDates, m: Mention) -> DateSpan | None:
    """No date told: the week up to publication (never for an event recalled as background)."""
    if dates.published is None or told_as_past(m.governor):
        return None
    return DateSpan(
        (dates.published - timedelta(days=6)).isoformat(), dates.published.isoformat(), "week", None
    )


def _year_of_report(dates: DocDates, text: str | None = None) -> DateSpan | None:
    """An undated report that names one year only ("the Finance Bill 2024"): its events, told
    "on Tuesday" or with no date, are of that year, and no finer."""
    y = dates.only_year
    return None if y is None else DateSpan(f"{y}-01-01", f"{y}-12-31", "year", text)


def _report_year(dates: DocDates, m: Mention) -> DateSpan | None:
    return None if told_as_past(m.governor) else _year_of_report(dates)


@dataclass(frozen=True)
class DateRule:
    name: str
    example: str  # a report with an event this rule dates: it is the rule's test
    applies: Callable[[DocDates, Mention], DateSpan | None]
    published: str | None = "2024-06-12"  # the publication date the example is coded with


# Checked in order; the first that dates the event gives its date.
DATE_RULES: tuple[DateRule, ...] = (
    DateRule(
        "statement_now",
        "The Ministry of Foreign Affairs condemns in the strongest terms the drone strike that hit a car "
        "near Sinjar on 10 June.",
        _statement_now,
    ),
    DateRule(
        "measured_off",
        "Soldiers shot dead ten protesters in the town on 15 March; it came one day after the president gave "
        "the army wider powers.",
        _measured_off,
    ),
    DateRule("own_date", "Rockets hit the camp on Saturday, killing two residents.", _own_date),
    DateRule(
        "unresolved_own",
        "Rebels ambushed a convoy near the river crossing on Friday.",
        _unresolved_own,
        published=None,
    ),
    DateRule(
        "anchored",
        "In July 2009, soldiers attacked the camp.\n\nFor nearly two years the residents were subject to a "
        "ban on imports of food and medicine.",
        _anchored,
    ),
    DateRule(
        "told_again_later",
        "Mayor Osei condemned the shelling of the port.\n\nOsei's condemnation came in a speech on Thursday.",
        _told_again_later,
    ),
    DateRule("recent_perfect", "The ministry has banned all protests in the capital.", _recent_perfect_span),
    DateRule(
        "after_its_deed",
        "On Tuesday talks between the two sides collapsed.\n\nThe ministry condemned Thursday's shelling of the port.",
        _after_its_deed,
    ),
    DateRule(
        "carried",
        "Police arrested three protesters in Lagos on Monday.\n\nSoldiers later shot dead two men in Abuja.",
        _carried,
    ),
    DateRule(
        "story",
        "Militias shelled the market on Thursday, witnesses said.\n\nThe town's mayor urged calm.\n\n"
        "Aid workers counted the dead.\n\nThe army sent troops to the town.",
        _story,
    ),
    DateRule(
        "reacted_deed",
        "Rockets struck the April 1 rally in the capital.\n\n"
        "On April 10 the minister condemned the attack in which seven guards were killed.",
        _reacted_deed,
    ),
    DateRule(
        "undated_report",
        "Gunmen attacked a police station in the town, killing two officers.",
        _day_of_an_undated_report,
    ),
    DateRule(
        "week_before", "Gunmen were attacking a police station in the town when troops arrived.", _week_before
    ),
    DateRule(
        "report_year",
        "Protesters against the Finance Bill 2024 marched to parliament.",
        _report_year,
        published=None,
    ),
)

# how many days before publication a date must end for a report about something recent to tell
# it as background
BACKGROUND_DAYS = 31
