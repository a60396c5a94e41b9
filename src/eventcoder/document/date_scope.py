"""Whose a date expression is, for :mod:`dating`: the report's own (a dateline or byline, a
heading, the one year an undated report names), another clause's ("the mayor, who spoke on
Monday"), a thing's ("last year's rallies", "the April 1 strike"), a period's ("the chair for
2025"), a length ("after 40 days of war"), what the news follows ("in the wake of last week's
coup"); and the tenses that recall the past (the past perfect, a "since" clause) or tell the
recent past (the present perfect). Each is a test :mod:`dating`'s rules ask; none dates an event.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from ..lexicons.data import cue, fold
from ..lexicons.ontology import types_with
from ..nlp import deps
from ..nlp.syntax import doc_text, sent_ents, span_text, subtree_indices
from ..sentence.date_patterns import hyphened_to_a_word
from ..sentence.date_words import COUNT, UNIT, YEAR, alternatives, words
from ..sentence.dates import (
    DateExpr,
    find_dates,
    parse_span,
)

if TYPE_CHECKING:
    from ..sentence.mention import Mention


def last_day(exprs: list[DateExpr]) -> DateExpr:
    """The last expression that names a day, else the last ("on 15 December 2022 during the
    2022-2023 protests": the day)."""
    days = [e for e in exprs if e.precision == "day"]
    return (days or exprs)[-1]


# words a dateline or byline may hold besides its date, a clock time and names ("Published",
# "Updated", "Written by Jane Doe on"), and the small words of its place's name ("GOMA, Democratic
# Republic of Congo, May 13 (Reuters) -")
_DATELINE_WORDS = frozenset(words("dating.dateline_words")) | frozenset(words("dating.dateline_name_joiners"))
_CLOCK = re.compile(r"^(?:\d{1,2}(?:[:.]\d{2})?|[ap]\.?m\.?|gmt|utc)$", re.I)


def is_dateline(sent, found: list[DateExpr]) -> bool:
    """Does the line give nothing but a date, the page's own ("• 2024-05-03 07:47 AM",
    "Written by Jane Doe on May 3, 2024")? Its date is when the report was written."""
    if not found:
        return False
    for tok in sent:
        if any(e.start_char <= tok.idx < e.end_char for e in found):
            continue
        if not any(c.isalnum() for c in tok.text) or tok.pos_ == "PROPN" or _CLOCK.match(tok.text):
            continue
        if fold(tok.text) not in _DATELINE_WORDS:
            return False
    return True


# the marks a sentence of the body ends with; a heading or a standfirst ends with none
_SENTENCE_ENDS = tuple(words("dating.sentence_ends"))


def is_heading(sent) -> bool:
    """Is the sentence a line of its own that ends with no full stop, a heading or a standfirst
    ("Govt shuts schools, suspends Thursday's exams")?"""
    text = doc_text(sent.doc)
    raw = text[sent.start_char : sent.end_char]
    before = (text[: sent.start_char] + raw[: len(raw) - len(raw.lstrip())]).rstrip(" \t")
    after = (raw[len(raw.rstrip()) :] + text[sent.end_char :]).lstrip(" \t")
    whole_line = (not before or before.endswith("\n")) and (not after or after.startswith("\n"))
    return whole_line and not raw.rstrip().endswith(_SENTENCE_ENDS)


def dateline_day(sdoc: Doc) -> date | None:
    """The day a dateline gives, for a report that comes with no publication date."""
    for sent in sdoc.sents:
        found = find_dates(span_text(sent), None, None, offset=sent.start_char)
        days = [e for e in found if e.precision == "day"]
        if days and is_dateline(sent, found):
            return days[0].start
    return None


_BARE_YEAR = re.compile(YEAR)


_BOUND_YEAR = re.compile(rf"\b{alternatives(words('ranges.bounds'))}\b[^.;!?]{{0,60}}?{YEAR}", re.I)


def the_only_year(text: str) -> int | None:
    """The one year an undated report names, if it names one only ("the Finance Bill 2024" and
    "on June 25"): the year of its year-less days. A year that bounds a "since" clause ("the worst
    since the war broke out in April 2023") is no year of the report's events."""
    text = _BOUND_YEAR.sub(" ", text)
    years = {int(m["year"]) for m in re.finditer(rf"(?<![\d,.])\b{YEAR}\b", text)}
    return years.pop() if len(years) == 1 else None


def other_dates(sent, found: list[DateExpr], published) -> list[DateExpr]:
    """Dates the NER sees and the patterns do not read, parsed with dateparser."""
    out = []
    for ent in sent_ents(sent):
        if (
            ent.label_ != "DATE"
            or any(e.start_char < ent.end_char and ent.start_char < e.end_char for e in found)
            or hyphened_to_a_word(doc_text(ent.doc)[ent.end_char : ent.end_char + 40])
            or _BARE_YEAR.fullmatch(ent.text.strip())  # the year pattern has judged it ("Bill 2024")
            or _an_age(ent)
            or _a_bare_count(ent.text)
            or _a_length(ent.text, doc_text(ent.doc)[ent.end_char : ent.end_char + 20])
        ):
            continue
        parsed = parse_span(ent.text, published)
        if parsed is not None:
            start, end, precision = parsed
            out.append(DateExpr(start, end, precision, ent.text, ent.start_char, ent.end_char, "relative"))
    return out


def _an_age(ent) -> bool:
    """Is the span a bare number said of someone ("whose mother, Ada, is 72", "aged 72"): an age,
    no year?"""
    if not ent.text.strip().isdigit():
        return False
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    said_of = ent.root.dep_ in (deps.ATTRIBUTE, deps.ADJ_COMPLEMENT) and fold(ent.root.head.lemma_) == "be"
    return said_of or (before is not None and fold(before.text) in ("aged", "age"))


def _a_bare_count(text: str) -> bool:
    """Is the span a number of fewer digits than a year, alone ("Ada Obi, 43, was shot", "a
    count of 70", "39 prisoners walk free")? It names no date by itself: an age, a count, a house
    number; dateparser would read it as a year of the last century or a day of the month of
    publication. A day the text gives ("on the 8th", "May 3") the patterns read."""
    digits = text.strip()
    return digits.isdigit() and len(digits) < 4


_COUNTED_UNITS = re.compile(
    rf"^(?:{alternatives(words('numbers.duration_hedges'))}\s+)?{COUNT}\s+{UNIT}s?$", re.I
)
_OFFSET_WORD = re.compile(rf"^\s+{alternatives(words('dating.offset_words'))}\b", re.I)


def _a_length(text: str, following: str) -> bool:
    """Is the span a length of time ("following 47 days of war"), not a point in it? A count of
    units is a point only when it places one thing before or after another ("came 12 days after
    the bombing")."""
    return _COUNTED_UNITS.match(text.strip()) is not None and _OFFSET_WORD.match(following) is None


# prepositions that make a clause on the event's noun its own vehicle ("in a statement issued on ...")
_VEHICLE = frozenset(words("dating.vehicle_prepositions"))


def nested_elsewhere(doc: Doc, expr: DateExpr, governor: Token, mine: set[int]) -> bool:
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


def in_another_conjunct(doc: Doc, expr, governor: Token) -> bool:
    """Does the expression hang in a clause coordinated below the event's verb ("X urged the crowd
    to leave, and they came back a week later")? It times that clause only."""
    span = doc.char_span(expr.start_char, expr.end_char, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    while tok.i != governor.i and tok.head.i != tok.i:
        if tok.dep_ == deps.CONJUNCT and tok.pos_ in ("VERB", "AUX"):
            return not tok.is_ancestor(governor)  # ("they came back a week later when al-Sadr urged")
        tok = tok.head
    return False


def tokens_of(m: Mention) -> set[int]:
    """The tokens that tell the event itself: its verb, its trigger and the words merged in."""
    return {m.governor.i, m.trigger.i, *(t.i for t in m.merged)}


def said_content(m: Mention, expr: DateExpr) -> bool:
    """Is the date one that words said name ("called on the groups to respect the 2019 agreement",
    "warned that rebels would attack on Friday", "accused the army of detaining four men on 29
    September"), not the day a statement was made?"""
    if m.type not in types_with("spoken"):
        return False
    span = m.sent.doc.char_span(expr.start_char, expr.end_char, alignment_mode="expand")
    g = m.governor
    tok = span.root if span is not None else g
    while tok.head.i != tok.i and tok.i != g.i:
        clause = tok.dep_ in deps.CLAUSES or tok.dep_ == deps.PREP_COMPLEMENT
        if clause and tok.pos_ in ("VERB", "AUX") and g.i not in subtree_indices(tok):
            return True  # a clause of what is said that does not hold the statement itself
        tok = tok.head
    return False


def day_of_saying(doc: Doc, expr: DateExpr) -> bool:
    """Does the date hang from a verb of saying ("confirmed the toll on Tuesday")?"""
    span = doc.char_span(expr.start_char, expr.end_char, alignment_mode="expand")
    if span is None:
        return False
    verb = next((t for t in (span.root, *span.root.ancestors) if t.pos_ == "VERB"), None)
    return verb is not None and fold(verb.lemma_) in cue("reporting.lemmas")


def owned_elsewhere(doc: Doc, expr: DateExpr, mine: set[int]) -> bool:
    """Is the date the possessive of another noun ("condemned Wednesday's bombing on
    Thursday": the bombing's day, not the condemnation's)?"""
    span = doc.char_span(expr.start_char, expr.end_char, alignment_mode="expand")
    return span is not None and span.root.dep_ == deps.POSSESSIVE and span.root.head.i not in mine


# prepositions whose object is a period something is for, not when it happened ("holds the chair for 2025")
_TERM = frozenset(words("dating.term_prepositions"))


def is_recalled(doc: Doc, expr) -> bool:
    """Is the date told in a clause that recalls the past ("one of the worst since the war broke
    out in April 2023")? It dates that past, and never passes to the news told after it."""
    span = doc.char_span(expr.start_char, expr.end_char, alignment_mode="expand")
    return span is not None and any(told_as_past(t) for t in (span.root, *span.root.ancestors))


# words that make what they govern an event the news follows, not the news ("held in the wake of last
# week's coup", "after Tuesday's raid")
_ANTECEDENT = frozenset(words("dating.antecedent_words"))


def antecedent(doc: Doc, expr) -> bool:
    """Is the date inside a phrase that names what the news follows ("the summit held in the wake
    of last week's coup")? It dates that earlier event, not the story."""
    span = doc.char_span(expr.start_char, expr.end_char, alignment_mode="expand")
    if span is None:
        return False
    for tok in span.root.ancestors:
        if fold(tok.text) in _ANTECEDENT or fold(tok.lemma_) in _ANTECEDENT:
            return True
        if tok.pos_ in ("VERB", "AUX"):
            return False
    return False


def flashback(doc: Doc, expr) -> bool:
    """Is the date told in the past perfect in the report's own voice ("Earlier in July the
    cleric had vetoed his rival")? It dates a step back, and the story goes on from the date
    told before it."""
    span = doc.char_span(expr.start_char, expr.end_char, alignment_mode="expand")
    verb = (
        None
        if span is None
        else next((t for t in (span.root, *span.root.ancestors) if t.pos_ == "VERB"), None)
    )
    return verb is not None and any(
        c.dep_ == deps.AUX and c.tag_ == "VBD" and fold(c.lemma_) == "have" for c in verb.children
    )  # the verb itself may be tagged a simple past ("had in effect vetoed")


# words that tell an event as one of a kind with the news, not the news itself ("fired a similar
# missile at Donetsk on March 14", "another attack in May")
_LIKENESS = frozenset(words("dating.likeness_words"))


def of_another_like_it(doc: Doc, expr) -> bool:
    """Is the date told of an event the report sets beside its news as another of the kind ("A
    unit fired a similar missile at Donetsk on March 14")? It dates that other event, and never
    passes to the news told after it."""
    span = doc.char_span(expr.start_char, expr.end_char, alignment_mode="expand")
    verb = (
        None
        if span is None
        else next((t for t in (span.root, *span.root.ancestors) if t.pos_ in ("VERB", "AUX")), None)
    )
    if verb is None:
        return False
    return any(
        fold(t.lower_) in _LIKENESS and t.dep_ in (deps.ADJ_MODIFIER, deps.DETERMINER)
        for c in verb.children
        if c.dep_ in (deps.SUBJECT, deps.SUBJECT_PASSIVE, deps.DIRECT_OBJECT)
        for t in c.subtree
    )


def names_a_thing(doc: Doc, expr) -> bool:
    """Does the date only name a thing ("the April 1 strike", "Wednesday's talks")? Not one right
    after a preposition ("On April 10 Iran's leader warned", the date parsed as a modifier of the
    leader): it is the preposition's object."""
    span = doc.char_span(expr.start_char, expr.end_char, alignment_mode="expand")
    if span is None or span.root.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if span.root.dep_ == deps.POSSESSIVE:
        return True
    after_prep = span.start > 0 and span.doc[span.start - 1].dep_ == deps.PREP
    return span.root.dep_ in (deps.COMPOUND, deps.NOUN_MODIFIER) and not after_prep


def of_a_noun_clause(doc: Doc, expr) -> Token | None:
    """The verb of a clause on a noun the date is told in ("the presidential election held on April
    11", "the mayor, who spoke on Monday"), if it is."""
    span = doc.char_span(expr.start_char, expr.end_char, alignment_mode="expand")
    verb = (
        None
        if span is None
        else next((t for t in (span.root, *span.root.ancestors) if t.pos_ in ("VERB", "AUX")), None)
    )
    on_a_noun = (
        verb is not None
        and verb.dep_ in (deps.RELATIVE_CLAUSE, deps.ACL)
        and verb.head.pos_ in ("NOUN", "PROPN")
    )
    return verb if on_a_noun else None


def in_the_present(doc: Doc, expr) -> bool:
    """Is the date told of a deed in the simple present ("Crowds protest in the square on 9 May",
    a photo caption's; "The truce takes effect on Friday", a plan)? Not the story's date: the
    lead's past is."""
    span = doc.char_span(expr.start_char, expr.end_char, alignment_mode="expand")
    verb = (
        None
        if span is None
        else next((t for t in (span.root, *span.root.ancestors) if t.pos_ == "VERB"), None)
    )
    return verb is not None and speaks_now(verb) and fold(verb.lemma_) not in cue("reporting.lemmas")


def a_term(doc: Doc, expr) -> bool:
    """Is the date the period something is for ("as Malaysia holds the chair for 2025", "the
    budget for 2024")? It is not when the event happened."""
    span = doc.char_span(expr.start_char, expr.end_char, alignment_mode="expand")
    return span is not None and span.root.dep_ == deps.PREP_OBJECT and fold(span.root.head.lemma_) in _TERM


def hops(doc: Doc, expr: DateExpr, governor: Token) -> int:
    """How far up the parse the date is from the verb (10 when it is not below it)."""
    span = doc.char_span(expr.start_char, expr.end_char, alignment_mode="expand")
    if span is None:
        return 10
    tok, n = span.root, 0
    while tok.i != governor.i and tok.head.i != tok.i and n < 10:
        tok, n = tok.head, n + 1
    return n if tok.i == governor.i else 10


def is_recent_perfect(verb: Token) -> bool:
    """A present perfect ("has ordered"): news of the last day or so."""
    return verb.tag_ == "VBN" and any(c.dep_ == deps.AUX and c.tag_ in ("VBZ", "VBP") for c in verb.children)


# words that open a clause about the past the report recalls ("the worst violence since rebels seized the town")
_RECALLING = frozenset(words("dating.recalling_markers"))


def told_as_past(verb: Token) -> bool:
    """Is the event recalled in a "since" clause ("the worst violence since rebels seized the
    town")?"""
    return verb.dep_ == deps.ADVERBIAL_CLAUSE and any(
        c.dep_ == deps.MARKER and fold(c.lemma_) in _RECALLING for c in verb.children
    )


def past_perfect(verb: Token) -> bool:
    """Is the event told in the past perfect in the report's own voice ("the town had been
    struck on Thursday"; not "said that 50 people had died")?"""
    head = verb
    while head.dep_ == deps.CONJUNCT and head.head.i != head.i:
        head = head.head
    if head.dep_ != deps.ROOT:
        return False
    return verb.tag_ == "VBN" and any(
        c.dep_ == deps.AUX and c.tag_ == "VBD" and fold(c.lemma_) == "have" for c in verb.children
    )


def voice_of(m: Mention) -> Token:
    """The verb whose tense tells when a statement was made: for a statement told by the words
    said ("Putin has hinted that Ukraine had a hand in it", the accusation's trigger "had"), the
    verb of saying that holds them; else the mention's own verb."""
    g = m.governor
    if m.type not in types_with("spoken"):
        return g
    tok = g
    while tok.dep_ == deps.CLAUSE_COMPLEMENT and tok.head.i != tok.i:
        tok = tok.head
        if tok.pos_ == "VERB" and fold(tok.lemma_) in cue("reporting.lemmas"):
            return tok
    return g


def speaks_now(verb: Token) -> bool:
    """A statement in the simple present: the report is where it is made."""
    return verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ == deps.AUX for c in verb.children)
