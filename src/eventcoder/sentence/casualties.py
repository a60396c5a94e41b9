"""How many: the people killed and wounded that a sentence counts, as low, best and high.

Numbers are read (:mod:`casualty_numbers`) in digits and words ("eleven", "three dozen", "5.2
million"); vague words are coded as ACLED and UCDP code them ("dozens": best 12, up to 99;
"hundreds": best 100), from the data file ``quantities.csv``. Qualifiers bound the figure: "at least 7" is low 7, best 7, no high;
"up to 15" is best 15, high 15; "between 30 and 36" is low 30, best 30, high 36. Best is always the
conservative reading.

Each count gets its fate (:mod:`fates`, three rule tables) from the grammar around it: the object
of "killing" or the subject of "were killed" or "died" is killed; "11 dead and 500 wounded", "left
11 dead", "the death toll rose to 34". Arrested, abducted, displaced people and crowds are no casualties, and a count of a
part ("including four children") is not counted again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..lexicons.data import cue, fold
from ..model import Count
from ..nlp import deps
from ..nlp.syntax import folded_texts, sentence, subtree_indices
from .casualty_numbers import (
    number_tokens,
    number_value,
    read_number,
    words,
)
from .fates import KILLED, WOUNDED, count_noun, fate, fate_word, said_fate, to_hospital


@dataclass
class Casualties:
    """One count of people with a fate, as read from the text."""

    role: str
    count: Count
    anchor: Token
    """The word that says the fate ("killing", "dead", "toll")."""
    number: Token


def _is_subset(number: Token) -> bool:
    """Is the count a part of another: "including four children", "among them 11 children",
    "three people, two of them students"?"""
    if _part_in_apposition(number):
        return True
    tok = number
    for _ in range(4):
        if fold(tok.text) in cue("casualties.subset_marks") or fold(tok.lemma_) in words("subset_lemmas"):
            return not _the_whole(tok)
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return False


def _the_whole(mark: Token) -> bool:
    """ "Two generals were among the seven killed": after a copula, the count "among" names is the
    whole, its subject the part."""
    return mark.dep_ == deps.PREP and fold(mark.head.lemma_) in words("copulas")


def _part_in_apposition(number: Token) -> bool:
    """ "three people, two of them students": a count "of them" in apposition to the count before."""
    of_them = any(
        fold(g.text) in words("subset_pronouns")
        for c in number.children
        if c.dep_ == deps.PREP
        for g in c.children
    )
    return of_them and deps.APPOSITION in (number.dep_, count_noun(number).dep_)


def _joint_fate(anchor: Token) -> bool:
    """ "15 officers were killed or wounded", "dozens were killed and wounded": the fate word is
    joined to the other fate, which has no count of its own, so the count is of neither."""
    role, shared = fate_word(anchor), _sharing_head(anchor)  # ("killed or wounded": the subject shared)
    for other in anchor.conjuncts:
        if fate_word(other) in (None, role) or (
            other != shared
            and any(c.dep_ in (*deps.SUBJECTS, deps.DIRECT_OBJECT) or c.like_num for c in other.children)
        ):
            continue
        between = anchor.doc[min(anchor.i, other.i) + 1 : max(anchor.i, other.i)]
        if any(fold(t.text) in words("joint_fate_joiners") for t in between) and all(
            t.pos_ in ("CCONJ", "ADV", "PUNCT") for t in between
        ):
            return True
    return False


def _unharmed(sent: Span) -> list[Casualties]:
    """ "The whole crew is safe", "all passengers were unharmed": none killed, none wounded."""
    out, texts, unharmed = [], folded_texts(sent.doc), words("unharmed_words")
    for tok in (sent.doc[i] for i in range(sent.start, sent.end) if texts[i] in unharmed):
        if tok.dep_ != deps.ADJ_COMPLEMENT:
            continue
        subject = next((c for c in tok.head.children if c.dep_ in deps.SUBJECTS), None)
        if subject is None or not any(
            fold(w.text) in words("whole_words") for w in (subject, *subject.children)
        ):
            continue
        none = Count(low=0, best=0, high=0, text=sent.doc[subject.left_edge.i : tok.i + 1].text)
        out += [Casualties(KILLED, none, tok, subject), Casualties(WOUNDED, none, tok, subject)]
    return out


def find_casualties(sent: Span) -> list[Casualties]:
    """Every count of killed or wounded people in the sentence, in text order (read once per
    sentence of a document: a sentence that tells several events is asked once for each)."""
    memory = sent.doc.user_data.setdefault(_FOUND, {})
    key = (sent.start, sent.end)
    found = memory.get(key)
    if found is None:
        found = memory[key] = _find_casualties(sent)
    return list(found)


_FOUND = "eventcoder.casualties"


def _find_casualties(sent: Span) -> list[Casualties]:
    out: list[Casualties] = []
    seen: set[int] = set()
    for tok in number_tokens(sent):
        if tok.i in seen or _is_subset(tok):
            continue
        found = fate(tok)
        if found is None or _joint_fate(found[1]):
            continue
        count = read_number(tok)
        if count is None or count.best is None:
            continue
        if _no_one(tok):  # "no one was killed": a count of none
            count = Count(low=0, best=0, high=0, text=f"{tok.doc[tok.i - 1].text} {tok.text}")
        count = _with_conjuncts(tok, count, found[1])
        out.append(Casualties(found[0], count, found[1], tok))
        seen.update(c.i for c in tok.doc[tok.i : tok.i + 3] if c.dep_ == deps.CONJUNCT and c.head.i == tok.i)
        seen.add(tok.i)
    return sorted(out + _unharmed(sent), key=lambda c: c.number.i)


def _no_one(number: Token) -> bool:
    """ "No one", "no two": the number counts none."""
    nobody = words("no_one_words")
    return number.i > 0 and fold(number.doc[number.i - 1].text) in nobody


def for_event(found: list[Casualties], clause: set[int]) -> tuple[Count | None, Count | None]:
    """(fatalities, injuries) among *found* whose fate word is in the event's clause: the first
    of each (the headline figure comes first in news style)."""
    killed = next((c.count for c in found if c.role == KILLED and c.anchor.i in clause), None)
    wounded = next((c.count for c in found if c.role == WOUNDED and c.anchor.i in clause), None)
    return killed, wounded


def _implied_role(verb: Token) -> tuple[str, str] | None:
    """(the fate, the dependency of the victim) a verb gives the people it names: the object of
    "killed", the passive subject of "was killed", the subject of "died"."""
    lemma = fold(verb.lemma_)
    shared = _sharing_head(verb)  # "was shot and killed": the passive of the verb it is joined to
    passive = any(c.dep_ == deps.AUX_PASSIVE for c in (*verb.children, *(shared.children if shared else ())))
    victim = deps.SUBJECT_PASSIVE if passive else deps.DIRECT_OBJECT
    if said_fate(verb):
        return KILLED, victim
    if lemma in cue("casualties.killed_verbs") - words("claim_verbs"):
        return KILLED, victim
    if lemma in cue("casualties.wounded_verbs"):
        return WOUNDED, victim
    if lemma in cue("casualties.died_verbs"):
        return KILLED, deps.SUBJECT  # "Luca Attanasio succumbed to his wounds"
    if _tells_a_death(sentence(verb)):
        return None  # "was shot in the head and died on the way to hospital"
    if any(to_hospital(v) for v in (verb, *verb.conjuncts)):
        return WOUNDED, victim  # "she was shot and taken to hospital"
    if (
        lemma in words("hitting_verbs")
        and passive
        and not any(c.dep_ == deps.PARTICLE for c in verb.children)
    ):
        return WOUNDED, victim  # "the detective was shot several times", no death told (not "shot down")
    return None


def _sharing_head(verb: Token) -> Token | None:
    """The verb a conjunct with no subject or auxiliary of its own shares them with: "shot" of "a
    policeman was shot and killed"."""
    if verb.dep_ != deps.CONJUNCT or verb.head.pos_ != "VERB":
        return None
    own = any(c.dep_ in (*deps.SUBJECTS, deps.AUX, deps.AUX_PASSIVE) for c in verb.children)
    return None if own else verb.head


def _victim(verb: Token, dep: str) -> Token | None:
    """The first victim a verb names, the nearest to it when the parser gave it several subjects
    ("Port-au-Prince (Haiti): President X was assassinated"); for "who was killed", the person the
    clause is about."""
    obj = min((c for c in verb.children if c.dep_ == dep), key=lambda c: abs(c.i - verb.i), default=None)
    if obj is None and _sharing_head(verb) is not None and dep == deps.SUBJECT_PASSIVE:
        obj = _victim(verb.head, dep)  # "a policeman was shot and killed"
    if obj is None and said_fate(verb):  # "shot dead Abu Sayed", parsed loosely
        obj = next(
            (
                c
                for c in verb.children
                if c.i > verb.i + 1 and (c.pos_ in ("PROPN", "NOUN") or c.ent_type_ == "PERSON")
            ),
            None,
        )
    if obj is not None and obj.tag_ in ("WP", "WDT") and verb.dep_ == deps.RELATIVE_CLAUSE:
        obj = verb.head  # "Soleimani, who was killed in 2020"
    return obj


def _victims(obj: Token, verb: Token) -> list[Token]:
    """Every victim named beside *obj*: its conjuncts; conjuncts the parser joined to the verb
    ("killing him and four of his bodyguards"); a list going on past an apposition ("the
    ambassador, a staff member and an official": a name in apposition is the same person); and
    companions ("killed, together with his bodyguard and a driver")."""
    parts = [obj, *obj.conjuncts]
    parts += [
        c
        for c in verb.children
        if c.dep_ == deps.CONJUNCT and c.pos_ in ("NUM", "NOUN", "PROPN", "PRON") and not _fated(c)
    ]
    for app in (c for c in obj.children if c.dep_ == deps.APPOSITION and c.conjuncts):
        parts += ([] if app.pos_ == "PROPN" else [app]) + list(app.conjuncts)
    for prep in (c for c in verb.children if c.dep_ == deps.PREP):
        if any(fold(a.text) in words("companion_words") for a in prep.children):
            parts += [g for c in prep.children if c.dep_ == deps.PREP_OBJECT for g in (c, *c.conjuncts)]
    return parts


def _tells_a_death(sent: Span) -> bool:
    """Does a word of *sent* say that someone was killed or died? (Asked once per sentence of a
    document.)"""
    memory = sent.doc.user_data.setdefault(_DEATHS, {})
    told = memory.get(sent.start)
    if told is None:
        died = cue("casualties.died_verbs")
        told = memory[sent.start] = any(fate_word(t) == KILLED or fold(t.lemma_) in died for t in sent)
    return told


_DEATHS = "eventcoder.deaths_told"


def implied(verb: Token) -> tuple[str, Count] | None:
    """Victims counted by their names: "killed a 62-year-old man" (1), "killing him and four of
    his bodyguards" (5), "shot dead Abu Sayed" (1), "a soldier and four members were killed" (5),
    "nobody was hurt" (0). None when a victim is an uncounted plural ("killed civilians"), or
    when the fate is joined to the other ("killed or wounded")."""
    found = _implied_role(verb)
    if found is None or verb.pos_ != "VERB" or _joint_fate(verb):
        return None
    obj = _victim(verb, found[1])
    if obj is None:
        return None
    total, named = 0, []
    for part in _victims(obj, verb):
        n = _named_count(part)
        if n is None:
            return None
        total += n
        named.append(part)
    ends = [w.i if w.left_edge.i <= verb.i <= w.right_edge.i else w.right_edge.i for w in named]
    span = obj.doc[min(w.left_edge.i for w in named) : max(ends) + 1]  # "Soleimani, who was killed"
    return found[0], Count(low=total, best=total, high=total, text=span.text)


def _named_count(tok: Token) -> int | None:
    """How many people one conjunct names: its number, or 1 for a singular person; 0 for "no one",
    "nobody", "none of them"."""
    nobody = words("no_one_words")
    if fold(tok.text) in nobody or any(
        c.dep_ == deps.DETERMINER and fold(c.lemma_) in nobody for c in tok.children
    ):
        return 0
    for c in tok.children:
        if c.dep_ == deps.NUMBER_MODIFIER and number_value(c) is not None:
            return int(number_value(c) or 0)
    if tok.like_num and number_value(tok) is not None:
        return int(number_value(tok) or 0)  # "four of his bodyguards"
    if tok.tag_ == "PRP" and fold(tok.text) in words("one_person_pronouns"):
        return 1
    if (tok.tag_ in ("NN", "NNP") or tok.ent_type_ == "PERSON") and tok.ent_type_ not in (
        "GPE",
        "LOC",
        "FAC",
        "ORG",
        "NORP",
    ):
        if fold(tok.text) in words("uncounted_nouns"):
            return None
        return 1
    return None


def _fated(tok: Token) -> bool:
    """Does a word carry a fate of its own: "a second one wounded"?"""
    return any(fate_word(c) is not None for c in tok.children)


def _with_conjuncts(number: Token, count: Count, anchor: Token) -> Count:
    """ "four patients and a nurse", "a soldier and four members", "killing one soldier and at
    least 11 civilians" (the second joined to the verb): the other people counted with the number's
    noun. A conjunct past the count's own fate word counts people of another fate ("ten dead and
    61 injured", "two fatalities, six injuries and damage")."""
    noun = number.head if number.dep_ == deps.NUMBER_MODIFIER else number
    joined = list(noun.conjuncts)
    if noun.dep_ == deps.DIRECT_OBJECT:
        joined += [
            c
            for c in noun.head.children
            if c.dep_ == deps.CONJUNCT and c.i > noun.i and c.pos_ in ("NUM", "NOUN") and not _fated(c)
        ]
    extra = 0
    for conj in joined:
        if conj.i == number.i or any(c.i == number.i for c in conj.children) or _range_end(conj, count):
            continue
        if number.i < anchor.i < conj.i:
            break  # "ten dead and 61 injured"
        if fate_word(conj) is not None:
            continue  # "two fatalities, six injuries": a count of its own
        n = _named_count(conj)
        if n is None:
            return count
        extra += n
    if not extra:
        return count
    add = lambda v: None if v is None else v + extra  # noqa: E731
    return Count(low=add(count.low), best=add(count.best), high=add(count.high), text=count.text)


def _range_end(conj: Token, count: Count) -> bool:
    """ "at between 30 and 36": the conjunct is the other end of the count's range, not more people."""
    return (
        count.high is not None
        and count.high != count.low
        and number_value(conj) == count.high
        and fold(conj.doc[conj.i - 1].text) in words("range_joiners")
    )


def _of_another_time(anchor: Token, trigger: Token) -> bool:
    """Is the count's fate told in a clause on a date ("the deadliest since March 3, when 20
    people died"; "since 2019, when gunmen killed 35"), which the event's own trigger is not in?"""
    tok = anchor
    for _ in range(6):
        if (
            tok.dep_ in (deps.RELATIVE_CLAUSE, deps.ADVERBIAL_CLAUSE)
            and tok.head.ent_type_ == "DATE"
            and any(fold(c.text) in words("then_words") for c in tok.children)
        ):
            return trigger.i not in subtree_indices(tok)
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return False


@dataclass(frozen=True)
class Counted:
    """What one mention's sentence counts for it."""

    killed: Count | None
    wounded: Count | None
    rising: bool
    """A toll that rose ("rose to 34") or a recap ("in all"): the figure replaces a smaller one."""
    added: bool
    """ "A driver was also killed": more victims beside those counted before."""
    named: frozenset[str]
    """The fates whose count is of victims named one by one ("killed the driver")."""


def counts_for(m) -> tuple[Count | None, Count | None, bool]:
    """(killed, wounded, a rising toll?) that mention *m*'s sentence gives for it (``counts_told``)."""
    told = counts_told(m)
    return told.killed, told.wounded, told.rising


def counts_told(m) -> Counted:
    """What mention *m*'s sentence counts for it: the counts in its own clause first, else the
    sentence's only count of each fate, or the one figure all its counts of that fate give (or
    its toll), else the victims its verbs name."""
    found = [c for c in find_casualties(m.sent) if not _of_another_time(c.anchor, m.trigger)]
    clause = set().union(*(subtree_indices(w) for w in (m.governor, m.trigger, *m.merged)))
    killed, wounded = for_event(found, clause)
    whole = for_event(
        found, set(range(m.sent.start, m.sent.end))
    )  # "Two soldiers died ... when the base came under attack"
    tolls = [c for c in found if c.role == KILLED and fold(c.anchor.text) in cue("casualties.toll_words")]
    if killed is None and len({c.count.best for c in found if c.role == KILLED}) == 1:
        killed = whole[0]  # "leaving ten dead ... the wounds of nine of the ten dead"
    elif killed is None and len(tolls) == 1:
        killed = tolls[0].count  # "the death toll has risen to 19, after seven of the wounded died"
    if wounded is None and len({c.count.best for c in found if c.role == WOUNDED}) == 1:
        wounded = whole[1]
    named = set()
    joined = [  # "stormed the house and killed the mayor" (not "killed or wounded": a count of neither)
        v
        for v in m.governor.conjuncts
        if v.pos_ == "VERB" and fate_word(m.governor) is None and _implied_role(v) is not None
    ]
    for verb in (m.governor, m.trigger, *m.merged, _fate_above(m.governor), *joined):
        victims = implied(verb) if verb is not None and (killed is None or wounded is None) else None
        if victims is not None and victims[0] == KILLED and killed is None:
            killed = victims[1]
            named.add(KILLED)
        elif victims is not None and victims[0] == WOUNDED and wounded is None:
            wounded = victims[1]
            named.add(WOUNDED)
    rising = any(fold(t.head.lemma_) in cue("casualties.rising_verbs") for t in (c.anchor for c in tolls))
    return Counted(killed, wounded, rising or _a_recap(m.sent), _more_victims(m), frozenset(named))


def _more_victims(m) -> bool:
    """ "An Italian policeman and a driver were also killed": the fate verb of the event says its
    victims are more, beside those counted before (``casualties.also_words``)."""
    return any(
        c.dep_ == deps.ADVERB_MODIFIER and fold(c.text) in words("also_words")
        for verb in (m.governor, m.trigger, *m.merged)
        if fate_word(verb) is not None
        for c in verb.children
    )


def added_to(count: Count, more: Count) -> Count:
    """A toll with more victims counted beside it ("... were also killed")."""
    add = lambda a, b: None if a is None or b is None else a + b  # noqa: E731
    return Count(
        low=add(count.low, more.low),
        best=add(count.best, more.best),
        high=add(count.high, more.high),
        text=f"{count.text} + {more.text}",
    )


def _fate_above(governor: Token) -> Token | None:
    """ "The envoy succumbed to his wounds after the convoy came under fire": the verb the event's
    clause hangs from as its time or cause ("after", "when", "in"), whose victims it names."""
    tok = governor
    for _ in range(4):
        if tok.dep_ not in (deps.ADVERBIAL_CLAUSE, deps.PREP_COMPLEMENT, deps.PREP_OBJECT, deps.PREP):
            return None
        tok = tok.head
        if tok.pos_ == "VERB" and _implied_role(tok) is not None:
            return tok
    return None


def _a_recap(sent) -> bool:
    """ "In all, 30 people were killed": the sentence gives the whole toll."""
    text = f" {re.sub(r'[^0-9a-z]+', ' ', fold(sent.text.lower()))} "
    return any(f" {p} " in text for p in cue("casualties.total_phrases"))
