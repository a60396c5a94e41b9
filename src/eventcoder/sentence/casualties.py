"""How many: the people killed and wounded that a sentence counts, as low, best and high.

Numbers are read in digits and words ("eleven", "three dozen", "5.2 million"); vague words are
coded as ACLED and UCDP code them ("dozens": best 12, up to 99; "hundreds": best 100), from the
data file ``quantities.csv``. Qualifiers bound the figure: "at least 7" is low 7, best 7, no high;
"up to 15" is best 15, high 15; "between 30 and 36" is low 30, best 30, high 36. Best is always the
conservative reading.

Each count gets its fate from the grammar around it: the object of "killing" or the subject of
"were killed" or "died" is killed; "11 dead and 500 wounded", "left 11 dead", "the death toll
rose to 34". Arrested, abducted, displaced people and crowds are no casualties, and a count of a
part ("including four children") is not counted again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from ..lexicons.data import cue, fold, read_csv
from ..model import Count
from ..nlp.syntax import ents as _ents

KILLED, WOUNDED = "killed", "wounded"

WORD_NUMBERS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
WORD_NUMBERS.update(
    {
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
        "a": 1,
        "an": 1,
    }
)


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


@dataclass
class Casualties:
    """One count of people with a fate, as read from the text."""

    role: str
    count: Count
    anchor: Token
    """The word that says the fate ("killing", "dead", "toll")."""
    number: Token


# -- numbers ----------------------------------------------------------------------------------


def _value(tok: Token) -> float | None:
    """The value of one number word or numeral: "11", "1,200", "5.2", "eleven", "twenty-one"."""
    text = fold(tok.text).replace(",", "")
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return float(text)
    if text in WORD_NUMBERS and text not in ("a", "an"):
        return float(WORD_NUMBERS[text])
    parts = text.split("-")
    if len(parts) == 2 and all(p in WORD_NUMBERS for p in parts):
        return float(WORD_NUMBERS[parts[0]] + WORD_NUMBERS[parts[1]])
    return None


def read_number(tok: Token) -> Count | None:
    """The figure a number token (with the words around it) gives: "at least 12", "three
    dozen", "5.2 million", "dozens", "between 30 and 36"."""
    doc, q = tok.doc, quantities()
    word, value = fold(tok.text), _value(tok)
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    multiplier = (
        q[fold(nxt.text)].multiplier if value is not None and nxt is not None and fold(nxt.text) in q else 1
    )
    end = tok.i + 1 + (multiplier > 1)  # "three dozen", "5.2 million"
    if value is not None:
        low = best = high = int(value * multiplier)
    elif word in q:
        prev = fold(doc[tok.i - 1].text) if tok.i > 0 else ""
        if prev in WORD_NUMBERS and prev not in ("a", "an"):  # "two dozen"
            low = best = high = WORD_NUMBERS[prev] * q[word].multiplier
        else:
            low, best, high = q[word].low, q[word].best, q[word].high
    else:
        return None
    start, ranged = tok.i, False
    after = doc[tok.i + 1 : tok.i + 3]
    if len(after) == 2 and fold(after[0].text) in _RANGE_JOINERS and (_value(after[1]) or 0) > best:
        high, end, ranged = int(_value(after[1]) or 0), after[1].i + 1, True  # read from "30" of "30 and 36"
    if tok.i >= 2 and fold(doc[tok.i - 1].text) in _RANGE_JOINERS and _value(doc[tok.i - 2]) is not None:
        lo = int(_value(doc[tok.i - 2]) or 0)
        if lo < best:  # read from "36" of "30 and 36"
            low, best, start, ranged = lo, lo, tok.i - 2, True
    if start > 0 and fold(doc[start - 1].text) == "between":
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


_RANGE_JOINERS = ("and", "to", "-")


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
    months = "january february march april may june july august september october november december"
    return (
        bool(re.search(r"\b(1[89]|20)\d\d\b", text))
        or any(m in text.split() for m in months.split())
        or any(w in text for w in ("day", "week", "month", "year", "night", "morning", "hour"))
    )


def _number_tokens(sent: Span) -> list[Token]:
    q = quantities()
    out = []
    for tok in sent:
        word = fold(tok.text)
        if tok.ent_type_ in ("TIME", "MONEY", "PERCENT", "ORDINAL") or _in_a_date(tok):
            continue
        if (
            _value(tok) is not None
            or (
                word in q
                and q[word].multiplier == 1
                and word in ("several", "few", "handful", "dozens", "scores", "hundreds", "thousands")
            )
            or word in ("dozens", "scores", "hundreds", "thousands")
        ):
            out.append(tok)
    return out


# -- fates ------------------------------------------------------------------------------------


def _fate_word(tok: Token) -> str | None:
    word, lemma = fold(tok.text), fold(tok.lemma_)
    if word in cue("casualties.dead_words"):
        return KILLED
    if word in cue("casualties.wounded_words"):
        return WOUNDED
    if lemma in cue("casualties.killed_verbs") and tok.pos_ == "VERB":
        return KILLED
    if lemma in cue("casualties.wounded_verbs") and tok.pos_ == "VERB":
        return WOUNDED
    return None


def fate(number: Token) -> tuple[str, Token] | None:
    """(killed or wounded, the word that says so) for the count *number*, or None."""
    head = number
    if number.dep_ in ("nummod", "quantmod", "amod", "compound") and number.head.pos_ in (
        "NOUN",
        "PROPN",
        "NUM",
        "ADJ",
    ):
        head = number.head
    if fold(head.text) in ("dozen", "hundred", "thousand", "million") and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head
    # "11 dead", "500 wounded", "11 deaths"
    role = _fate_word(head) if head.i != number.i and head.pos_ != "VERB" else None
    if role:
        return role, head
    for c in head.children:
        if c.dep_ in ("amod", "acomp", "appos", "conj") and c.i > head.i:
            role = _fate_word(c)
            if role and c.pos_ != "VERB" or (role and c.tag_ == "VBN" and c.dep_ == "amod"):
                return role, c
        if c.dep_ == "acl" and c.tag_ == "VBN" and _fate_word(c):  # "19 people killed in the attack"
            return _fate_word(c), c
    h, via = head, head.dep_
    for _ in range(3):
        gov = h.head
        if gov.i == h.i:
            break
        lemma = fold(gov.lemma_)
        if via in ("dobj", "nsubjpass") and gov.pos_ in ("VERB", "AUX"):
            said = _said_fate(gov)
            if said is not None:  # "shooting dead four", "shot and wounded two"
                return said, gov
            if lemma in cue("casualties.killed_verbs"):
                if lemma == "claim" and not any(fold(t.text) == "lives" for t in gov.subtree):
                    return None
                return KILLED, gov
            if lemma in cue("casualties.wounded_verbs"):
                return WOUNDED, gov
            if lemma == "leave":  # "left 11 dead and 500 wounded"
                for c in gov.children:
                    if c.dep_ in ("oprd", "xcomp", "acomp", "ccomp", "advcl", "amod") and _fate_word(c):
                        return _fate_word(c), c
        if via == "nsubj" and lemma in cue("casualties.died_verbs"):
            return KILLED, gov
        if via == "nsubj" and gov.tag_ == "VBN" and _fate_word(gov):  # "... and dozens wounded"
            return _fate_word(gov), gov
        if via == "nsubj" and lemma == "be":  # "11 are dead"
            for c in gov.children:
                if c.dep_ in ("acomp", "attr") and _fate_word(c):
                    return _fate_word(c), c
        if via == "pobj" and fold(gov.text) in ("to", "at", "of"):
            # "the toll rose to 34", "a toll of 12", "stands at 55"
            verb = gov.head
            for _ in range(4):  # "the toll rose to 34"; "put the number of people killed at 30"
                for noun in (verb, *(c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj"))):
                    role = _toll_role(noun)
                    if role is not None:
                        return role, noun
                if verb.head.i == verb.i:
                    break
                verb = verb.head
            return None
        if via == "conj":
            h, via = gov, gov.dep_  # "killed 11 soldiers and 4 civilians"
            continue
        break
    return None


def _is_subset(number: Token) -> bool:
    """Is the count a part of another: "including four children", "among them 11 children"?"""
    tok = number
    for _ in range(4):
        if fold(tok.text) in cue("casualties.subset_marks") or fold(tok.lemma_) in ("include",):
            return True
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return False


def find_casualties(sent: Span) -> list[Casualties]:
    """Every count of killed or wounded people in the sentence, in text order."""
    out: list[Casualties] = []
    seen: set[int] = set()
    for tok in _number_tokens(sent):
        if tok.i in seen or _is_subset(tok):
            continue
        found = fate(tok)
        if found is None:
            continue
        count = read_number(tok)
        if count is None or count.best is None:
            continue
        count = _with_conjuncts(tok, count)
        out.append(Casualties(found[0], count, found[1], tok))
        seen.update(c.i for c in tok.doc[tok.i : tok.i + 3] if c.dep_ == "conj" and c.head.i == tok.i)
        seen.add(tok.i)
    return out


def for_event(found: list[Casualties], clause: set[int]) -> tuple[Count | None, Count | None]:
    """(fatalities, injuries) among *found* whose fate word is in the event's clause: the first
    of each (the headline figure comes first in news style)."""
    killed = next((c.count for c in found if c.role == KILLED and c.anchor.i in clause), None)
    wounded = next((c.count for c in found if c.role == WOUNDED and c.anchor.i in clause), None)
    return killed, wounded


def _toll_role(noun: Token) -> str | None:
    """ "the death toll", "the number of people killed", "the number of wounded": whose count."""
    if fold(noun.text) in cue("casualties.toll_words"):
        return KILLED
    if fold(noun.lemma_) in ("number", "figure", "count", "tally"):
        for t in noun.subtree:
            if t.i != noun.i and _fate_word(t) is not None and t.dep_ in ("acl", "amod", "pobj", "relcl"):
                return _fate_word(t)
    return None


def _said_fate(verb: Token) -> str | None:
    """The fate a verb's own modifiers give: "shot dead", "shot dead Abu Sayed" (which the
    parser may hang on the name)."""
    for c in verb.children:
        if c.dep_ in ("oprd", "acomp", "advmod", "xcomp", "amod", "dep") and fold(c.text) == "dead":
            return KILLED
        if c.dep_ == "dobj" and any(fold(g.text) == "dead" and g.i == verb.i + 1 for g in c.children):
            return KILLED
    return None


def implied(verb: Token) -> tuple[str, Count] | None:
    """Victims counted by their names: "killed a 62-year-old man" (1), "killing him and four of
    his bodyguards" (5), "shot dead Abu Sayed" (1), "a soldier and four members were killed" (5).
    None when a victim is an uncounted plural ("killed civilians")."""
    lemma = fold(verb.lemma_)
    role = _said_fate(verb) or (
        KILLED
        if lemma in cue("casualties.killed_verbs") - {"claim"}
        else WOUNDED
        if lemma in cue("casualties.wounded_verbs")
        else None
    )
    if role is None or verb.pos_ != "VERB":
        return None
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    obj = next((c for c in verb.children if c.dep_ == ("nsubjpass" if passive else "dobj")), None)
    if obj is None and _said_fate(verb):  # "shot dead Abu Sayed", parsed loosely
        obj = next(
            (
                c
                for c in verb.children
                if c.i > verb.i + 1 and (c.pos_ in ("PROPN", "NOUN") or c.ent_type_ == "PERSON")
            ),
            None,
        )
    if obj is None:
        return None
    total, words = 0, []
    # "killing him and four of his bodyguards": the parser may join the second to the verb
    extra = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("NUM", "NOUN", "PROPN", "PRON")]
    for part in [obj, *obj.conjuncts, *extra]:
        n = _named_count(part)
        if n is None:
            return None
        total += n
        words.append(part)
    if total == 0:
        return None
    span = obj.doc[min(w.left_edge.i for w in words) : max(w.right_edge.i for w in words) + 1]
    return role, Count(low=total, best=total, high=total, text=span.text)


def _named_count(tok: Token) -> int | None:
    """How many people one conjunct names: its number, or 1 for a singular person."""
    for c in tok.children:
        if c.dep_ == "nummod" and _value(c) is not None:
            return int(_value(c) or 0)
    if tok.like_num and _value(tok) is not None:
        return int(_value(tok) or 0)  # "four of his bodyguards"
    if tok.tag_ == "PRP" and fold(tok.text) in ("him", "her", "he", "she"):
        return 1
    if (tok.tag_ in ("NN", "NNP") or tok.ent_type_ == "PERSON") and tok.ent_type_ not in (
        "GPE",
        "LOC",
        "FAC",
        "ORG",
        "NORP",
    ):
        if fold(tok.text) in ("people", "civilians", "group", "family", "crowd", "number", "dozens"):
            return None
        return 1
    return None


def _with_conjuncts(number: Token, count: Count) -> Count:
    """ "four patients and a nurse", "a soldier and four members": the other people counted
    with the number's noun."""
    noun = number.head if number.dep_ == "nummod" else number
    extra = 0
    for conj in noun.conjuncts:
        if conj.i == number.i or any(c.i == number.i for c in conj.children):
            continue
        n = _named_count(conj)
        if n is None:
            return count
        extra += n
    if not extra:
        return count
    add = lambda v: None if v is None else v + extra  # noqa: E731
    return Count(low=add(count.low), best=add(count.best), high=add(count.high), text=count.text)


def counts_for(m) -> tuple[Count | None, Count | None, bool]:
    """(killed, wounded, a rising toll?) that mention *m*'s sentence gives for it: the counts in
    its own clause first, else the sentence's only count of each fate (or its toll), else the
    victims its verbs name."""
    found = find_casualties(m.sent)
    clause = {t.i for w in (m.governor, m.trigger, *m.merged) for t in w.subtree}
    killed, wounded = for_event(found, clause)
    whole = for_event(found, {t.i for t in m.sent})  # "Two soldiers died ... when the base came under attack"
    tolls = [c for c in found if c.role == KILLED and fold(c.anchor.text) in cue("casualties.toll_words")]
    if killed is None and sum(c.role == KILLED for c in found) == 1:
        killed = whole[0]
    elif killed is None and len(tolls) == 1:
        killed = tolls[0].count  # "the death toll has risen to 19, after seven of the wounded died"
    if wounded is None and sum(c.role == WOUNDED for c in found) == 1:
        wounded = whole[1]
    for verb in (m.governor, m.trigger, *m.merged):
        named = implied(verb) if killed is None or wounded is None else None
        if named is not None and named[0] == KILLED and killed is None:
            killed = named[1]
        elif named is not None and named[0] == WOUNDED and wounded is None:
            wounded = named[1]
    rising = any(fold(t.head.lemma_) in cue("casualties.rising_verbs") for t in (c.anchor for c in tolls))
    return killed, wounded, rising
