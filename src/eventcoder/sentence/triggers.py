"""Trigger look-up: which word of a sentence names an event, of which PLOVER type and mode.

Entries come from ``data/event_lexicon.csv``: a lemma (or a phrase), its part of speech, the
type and mode, and words the sentence must or must not hold.
"""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Token

from ..lexicons.data import Trigger, cue, event_lexicon, fold, word_lists
from ..nlp import deps
from ..nlp.syntax import NAME_ENTS, PHRASE_DEPS, has_child, lemma_forms, pos_of, sentence


def _child_lemmas(tok: Token) -> frozenset[str]:
    """Lemmas that can complete a verb phrase: its particles, prepositions, objects and
    complements, and the object of a preposition ("take to the streets"); never its subject,
    another clause, or "according" ("struck ..., according to officials" is no accord). Worked
    out once per token of a document."""
    known = tok.doc.user_data.get(_CHILD_LEMMAS)
    if known is None:
        known = tok.doc.user_data[_CHILD_LEMMAS] = {}
    found = known.get(tok.i)
    if found is None:
        found = known[tok.i] = frozenset(_completing_lemmas(tok))
    return found


_CHILD_LEMMAS = "eventcoder.child_lemmas"  # the document's user_data: token index -> _child_lemmas


def _completing_lemmas(tok: Token) -> set[str]:
    out = set()
    for c in tok.children:
        if (
            c.dep_ == deps.SUBJECT_PASSIVE
            and tok.tag_ == "VBN"
            and fold(c.lemma_) not in word_lists("triggers.toml")["predicate_nouns"]
        ):
            out.add(fold(c.lemma_))  # "a criminal case was opened", "fire was opened": the object, moved up
        if c.dep_ in (deps.ADVERBIAL_CLAUSE, deps.CLAUSE_COMPLEMENT):
            # "called for order to be restored": the clause's "for" completes the verb
            out.update(fold(m.lemma_) for m in c.children if m.dep_ == deps.MARKER and m.i > tok.i)
            if c.dep_ == deps.CLAUSE_COMPLEMENT and c.pos_ == "ADJ" and c.i > tok.i:
                out.add(fold(c.lemma_))  # "holds Israel responsible": a small clause completes it
            if (
                c.dep_ == deps.CLAUSE_COMPLEMENT
                and c.tag_ in ("VB", "VBP")
                and c.i > tok.i
                and not _has_aux(c)
            ):
                out.add(fold(c.lemma_))  # "let the suspect go": a bare verb after the object completes it
        if c.dep_ not in PHRASE_DEPS or fold(c.text) in cue("reporting.according"):
            continue
        if c.dep_ == deps.PREP and any(
            g.ent_type_ in ("DATE", "TIME") for g in c.children if g.dep_ == deps.PREP_OBJECT
        ):
            continue  # "called ... on Thursday" is no "call on"
        if c.dep_ in (deps.PREP, deps.PARTICLE) and c.i < tok.i:
            continue  # "In New York, a spokesman called ..." is no "call in"
        out.add(fold(c.lemma_))
        if c.dep_ in (deps.PREP, deps.PARTICLE, deps.DATIVE):
            out.update(
                fold(g.lemma_) for g in c.children if g.dep_ in (deps.PREP_OBJECT, deps.PREP_COMPLEMENT)
            )
        elif c.dep_ in (deps.DIRECT_OBJECT, deps.ADJ_COMPLEMENT, deps.OBJECT_PREDICATE, deps.OPEN_COMPLEMENT):
            out.update(
                fold(g.lemma_)
                for g in c.children
                if g.dep_ in (deps.PARTICLE, deps.ADJ_MODIFIER, deps.COMPOUND)
            )
    return out


def _has_aux(verb: Token) -> bool:
    return any(c.dep_ in (deps.AUX, deps.AUX_PASSIVE) or c.tag_ == "TO" for c in verb.children)


def _preceding(tok: Token, n: int) -> list[str]:
    out, i = [], tok.i - 1
    start = sentence(tok).start
    while i >= start and len(out) < n:
        t = tok.doc[i]
        if t.text not in ("-", "\u2010", "\u2011"):
            out.append(fold(t.lemma_))
        i -= 1
    return out[::-1]


def _fits(trig: Trigger, tok: Token, sent_lemmas: set[str]) -> bool:
    if trig.others:
        if trig.pos == "VERB":
            if not set(trig.others) <= _child_lemmas(tok):
                return False
        elif _preceding(tok, len(trig.others)) != list(trig.others):
            return False
    if trig.needs and not trig.needs & sent_lemmas:
        return False
    # function words ("stormed out") are looked for among the trigger's own dependents
    local = {w for w in trig.blocks if w in STOP_WORDS}
    if local and local & {fold(c.lemma_) for c in tok.children}:
        return False
    blocking = (trig.blocks - local) & sent_lemmas
    if blocking and trig.needs:
        blocking -= _modifiers_only(tok, blocking)
    return not blocking


def _modifiers_only(tok: Token, words: set[str]) -> set[str]:
    """Of *words*, those the sentence holds only as a noun's modifier: "broke through police
    barricades" names barricades, not the police as a party (a row's needs and blocks tell parties
    apart: protesters storm, police storm)."""
    sent = sentence(tok)
    used = {}
    for t in sent:
        w = fold(t.lemma_)
        if w in words:
            modifier = (  # a common noun on a common noun: not "the European Union"
                t.dep_ == deps.COMPOUND and t.head.i > t.i and {t.tag_, t.head.tag_} <= {"NN", "NNS"}
            )
            used[w] = used.get(w, True) and modifier
    return {w for w, only in used.items() if only}


def _other_frame(tok: Token) -> bool:
    """The verb is used in a frame that names no act: without what it acts on ("the crowd
    dispersed"), with what it acts on ("the captives were marched into the bush") or with a clause
    of what is said ("conceding that ...") or a name given ("a militia called the FDLR"), or a bare
    participle that says who a party is ("fighters tied to al-Qaeda")."""
    lemma = fold(tok.lemma_)
    if (
        tok.dep_ == deps.ACL
        and lemma in word_lists("triggers.toml")["naming_verbs"]
        and has_child(tok, (deps.OBJECT_PREDICATE,))
    ):
        return True
    if (
        lemma in word_lists("triggers.toml")["describing_participles"]
        and tok.tag_ in ("VBN", "VBD")
        and not has_child(tok, (deps.AUX, deps.AUX_PASSIVE, deps.DIRECT_OBJECT, deps.MARKER))
    ):
        return True  # "fighters tied to al-Qaeda", "militants linked to ISIS": who they are, not a charge
    acted_on = (deps.DIRECT_OBJECT, deps.SUBJECT_PASSIVE, deps.AGENT)
    if lemma in cue("senses.transitive") and pos_of(tok) == "VERB":
        return tok.dep_ != deps.ACL and not has_child(tok, acted_on)
    if lemma in cue("senses.intransitive") and pos_of(tok) == "VERB":
        shared_passive = (  # "were abducted and marched into the bush": the passive's undergoers
            tok.dep_ == deps.CONJUNCT
            and has_child(tok.head, (deps.AUX_PASSIVE,))
            and not has_child(tok, (deps.SUBJECT,))
        )
        return has_child(tok, (*acted_on, deps.AUX_PASSIVE)) or shared_passive
    return lemma in cue("senses.saying") and has_child(tok, (deps.CLAUSE_COMPLEMENT,))


def _in_quotes(tok: Token) -> bool:
    """*tok* stands between double quotation marks: an odd number of them before it in its sentence."""
    sent = sentence(tok)
    marks = word_lists("triggers.toml")["quotation_marks"]
    return sum(t.text in marks for t in tok.doc[sent.start : tok.i]) % 2 == 1


def _reported_judgement(noun: Token, sent_lemmas: set[str]) -> bool:
    """ "The riots were a senseless coup, the senator said": a deed named as what something was, in
    a sentence someone says, is the speaker's judgement, as if in quotation marks."""
    return (
        noun.dep_ == deps.ATTRIBUTE
        and fold(noun.head.lemma_) in word_lists("triggers.toml")["judging_copulas"]
        and bool(sent_lemmas & cue("reporting.lemmas"))
    )


def _condemning(tok: Token, sent_lemmas: set[str]) -> Trigger | None:
    """An adjective of condemnation on a deed: "the Houthis' reckless attacks", "this terrible
    attack" condemn it (ACCUSE), while the noun tells the deed."""
    lists = word_lists("triggers.toml")
    modifiers = (deps.ADJ_MODIFIER, deps.ADVERB_MODIFIER)  # "cowardly" is tagged either way
    modifier = tok.head if tok.dep_ == deps.CONJUNCT else tok  # "the reckless and brutal attack"
    if modifier.dep_ not in modifiers or fold(tok.lemma_) not in lists["condemning_adjectives"]:
        return None
    noun = modifier.head
    if not (_in_quotes(tok) or _reported_judgement(noun, sent_lemmas)):
        return None  # a reporter's "brutal attack" tells the attack, a speaker's condemns it
    deed = find_trigger(noun, sent_lemmas) if pos_of(noun) == "NOUN" else None
    if deed is None or deed.type not in lists["condemned_types"]:
        return None
    return Trigger((fold(tok.lemma_),), "NOUN", "ACCUSE", "disapprove", frozenset(), frozenset())


def is_insult(tok: Token) -> bool:
    """*tok* is a noun that insults a party ("Nazis", "monsters"): its speaker accuses, the party it
    names is accused (the actor and target rules read it)."""
    insults = word_lists("triggers.toml")["insulting_nouns"]
    return pos_of(tok) == "NOUN" and any(f in insults for f in lemma_forms(tok))


def _insult(tok: Token) -> Trigger | None:
    """A speaker's insult for a party: "the station was struck by Russian Nazis", "the monsters are
    sticking to their methods", in quotation marks, accuses those it names (ACCUSE), beside whatever
    deed the sentence tells of them."""
    if not is_insult(tok) or not _in_quoted_line(tok):
        return None
    return Trigger((fold(tok.lemma_),), "NOUN", "ACCUSE", "disapprove", frozenset(), frozenset())


def _in_quoted_line(tok: Token) -> bool:
    """*tok* stands between double quotation marks of its line (a quotation may run over several
    sentences of a paragraph)."""
    marks = word_lists("triggers.toml")["quotation_marks"]
    count = 0
    for t in reversed(tok.doc[: tok.i]):
        if "\n" in t.text:
            break
        count += t.text in marks
    return count % 2 == 1


def _in_name(tok: Token) -> bool:
    """*tok* is a word of a name, not an event: a proper noun after the sentence's first word, or a
    word of a named entity, but for a lowercase verb the model's entity ran over ("the prime
    minister blamed" read as a person's name: names are written with capitals), and for the head of
    a meeting's name, which names the meeting."""
    if tok.dep_ != deps.COMPOUND and fold(tok.lemma_) in word_lists("triggers.toml")["meeting_names"]:
        return False  # "the Extraordinary Summit on the situation in Niger": a meeting's name is the meeting
    if tok.tag_ in ("NNP", "NNPS") and tok.i > sentence(tok).start:
        return True
    return tok.ent_type_ in NAME_ENTS and not (tok.tag_.startswith("VB") and tok.is_lower)


def _undertaking(tok: Token) -> bool:
    """A noun of an event on a noun of an undertaking names the event: "mediation efforts", "a
    bombing campaign", "the evacuation operation" (but "attack helicopters", "protest leaders")."""
    return (
        tok.dep_ == deps.COMPOUND
        and tok.tag_ in ("NN", "NNS")
        and fold(tok.head.lemma_) in word_lists("triggers.toml")["undertaking_heads"]
    )


def anchor(tok: Token) -> Token:
    """The token a trigger's mention stands on: the noun of the undertaking for an event noun on one
    ("Lukashenko's mediation efforts were carried out": the efforts are Lukashenko's and carried out),
    else the trigger itself."""
    return tok.head if pos_of(tok) == "NOUN" and _undertaking(tok) else tok


def _branding(tok: Token) -> Trigger | None:
    """A verb of naming whose predicate condemns: "called the attack horrific", "described the
    raid as barbaric", "deemed it a crime": the namer condemns the deed or its doers (ACCUSE),
    whatever else the sentence holds."""
    lists = word_lists("triggers.toml")
    if fold(tok.lemma_) not in lists["branding_verbs"]:
        return None
    preds = [c for c in tok.children if c.dep_ in (deps.OBJECT_PREDICATE, deps.OPEN_COMPLEMENT)]
    heads = [tok, *(c for c in tok.children if c.dep_ == deps.DIRECT_OBJECT)]
    preds += [  # "described the raid as a crime": the "as" on the verb or on its object
        g
        for h in heads
        for p in h.children
        if p.dep_ == deps.PREP and p.lower_ in lists["branding_preps"]
        for g in p.children
        if g.dep_ == deps.PREP_OBJECT
    ]
    said = [x for p in preds for x in (p, *p.conjuncts)]
    words = {fold(x.lemma_) for x in said} & (lists["condemning_adjectives"] | lists["condemning_nouns"])
    adjectives = {fold(c.lemma_) for x in said for c in x.children if c.dep_ == deps.ADJ_MODIFIER}
    if not words and not adjectives & lists["condemning_adjectives"]:
        return None  # ("what it called anti-terrorist measures": a name, no condemnation)
    return Trigger((fold(tok.lemma_),), "VERB", "ACCUSE", "disapprove", frozenset(), frozenset())


def find_trigger(tok: Token, sent_lemmas: set[str]) -> Trigger | None:
    """The lexicon entry that *tok* triggers in its sentence, if any."""
    pos = pos_of(tok)
    if pos is None:
        return _condemning(tok, sent_lemmas)
    lex = event_lexicon()
    entries = [trig for lemma in lemma_forms(tok) for trig in lex.get((lemma, pos), ())]
    if tok.is_stop and tok.lemma_ not in word_lists("triggers.toml")["stop_word_events"]:
        # a stop word names an event only in its phrase: "take power", "gives the envoy 48 hours"
        entries = [trig for trig in entries if trig.others]
    if not entries:  # most words: no look at the parse needed
        return _insult(tok) if pos == "NOUN" else None
    if _in_name(tok):
        return None  # "the UN Support Mission", "the Alliance of Sahel States"
    if (
        tok.dep_ in (deps.ADJ_MODIFIER, deps.COMPOUND, deps.NOUN_MODIFIER)
        and tok.head.i > tok.i
        and pos_of(tok.head) == "NOUN"
        and not _undertaking(tok)
    ):
        return None  # "allied fighters", "jailed drug lord", "attack helicopter"
    if (
        tok.tag_ == "VBN"
        and tok.dep_ in (deps.ADJ_COMPLEMENT, deps.OBJECT_PREDICATE)
        and not any(c.dep_ == deps.AGENT for c in tok.children)
    ):
        return None  # "schools remained closed": a state, not an act
    if _other_frame(tok):
        return None
    for trig in entries:
        if _fits(trig, tok, sent_lemmas):
            return trig
    return _branding(tok) if pos == "VERB" else None


# -- is it asserted? ----------------------------------------------------------------------
