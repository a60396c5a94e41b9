"""Who acts, read off the dependency parse: the subject of a verb (through conjoined, controlled
and relative clauses), the agent of a passive, the owner of an event noun, the party behind a
weapon or a document."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from ..lexicons.data import cue, fold
from ..nlp import deps
from ..nlp.syntax import child, has_child, is_passive, passive_subject, prep_object
from .argument_words import words
from .party_words import is_partylike

BY = frozenset({"by"})


def _clause_subject(verb: Token) -> tuple[bool, Token | None]:
    """(found, subject) from *verb*'s own dependents; found is False when the subject is to be
    looked for higher up."""
    undergoer = passive_subject(verb)
    if undergoer is not None and undergoer.dep_ == deps.SUBJECT:
        return True, prep_object(verb, BY)  # "with 146 people wounded"
    subj = child(verb, (deps.SUBJECT, deps.CLAUSAL_SUBJECT))
    if subj is not None and subj.dep_ == deps.CLAUSAL_SUBJECT:
        subj = child(subj, (deps.SUBJECT,)) or subj  # "gunmen allegedly working for X opened fire"
    if subj is not None:
        if subj.tag_ in ("WP", "WDT") and verb.dep_ == deps.RELATIVE_CLAUSE:
            return True, verb.head
        return True, subj
    if child(verb, (deps.SUBJECT_PASSIVE,)) is not None:
        return True, prep_object(verb, BY)
    stranded = stranded_subject(verb)
    if stranded is not None:
        return True, stranded
    swallowed = _swallowed_subject(verb)
    if swallowed is not None:
        return True, swallowed
    return False, None


def stranded_subject(verb: Token) -> Token | None:
    """ "Protesters threw stones and police fired tear gas", parsed with "police" as one more
    thing thrown: a finite verb conjoined with no subject of its own, right after the last of
    the nouns conjoined under the verb before it ("... and police"), has that noun for subject."""
    if verb.dep_ != deps.CONJUNCT or verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i == 0:
        return None
    noun = verb.doc[verb.i - 1]
    for _ in range(4):  # from a closing bracket or a modifier up to the noun it ends
        if noun.dep_ == deps.CONJUNCT and noun.pos_ in ("NOUN", "PROPN"):
            break
        noun = noun.head
    else:
        return None
    before = noun.left_edge.i - 1
    if (
        noun.right_edge.i != verb.i - 1
        or before < 0
        or verb.doc[before].dep_ != deps.COORDINATION
        or noun.i not in {t.i for t in verb.head.subtree}
        or noun.is_ancestor(verb)
    ):
        return None
    return noun


_NAMED = ("PERSON", "ORG", "NORP", "GPE")


def _a_time(tok: Token) -> bool:
    return tok.ent_type_ in ("DATE", "TIME") or fold(tok.text) in _time_names()


@lru_cache(maxsize=1)
def _time_names() -> frozenset[str]:
    """The months' and weekdays' names: "in July" is a time the NER may not mark."""
    from .date_words import words as date_words

    months = {m for forms in date_words("calendar.months") for m in forms}
    return frozenset(months | set(date_words("calendar.weekdays")))


def _swallowed_subject(verb: Token) -> Token | None:
    """ "Earlier in July al-Sadr had vetoed ...": a name the parser took into the phrase of time
    before a finite verb with no subject of its own, as a second object of its preposition, is that
    verb's subject (only auxiliaries, adverbs and a short phrase of the verb's, "in effect", between
    them)."""
    finite = verb.tag_ in ("VBD", "VBZ", "VBP") or has_child(verb, (deps.AUX,), words("finite_auxiliaries"))
    if not finite or verb.dep_ in (deps.CONJUNCT, deps.OPEN_COMPLEMENT):
        return None
    doc, i = verb.doc, verb.i - 1
    start = verb.sent.start
    while i > start:
        tok = doc[i]
        if tok.head.i == verb.i and tok.dep_ in (deps.AUX, deps.NEGATION, deps.ADVERB_MODIFIER):
            i -= 1
        elif tok.dep_ == deps.PREP_OBJECT and doc[i - 1].dep_ == deps.PREP and doc[i - 1].head.i == verb.i:
            i -= 2  # "had in effect vetoed"
        else:
            break
    cand = doc[i]
    if _glued_to_a_time(cand):
        return cand
    if (
        cand.ent_type_ in _NAMED
        and cand.dep_ == deps.PREP_OBJECT
        and (i + 1 >= len(doc) or doc[i + 1].ent_iob_ != "I")
        and any(  # the preposition's own object is the time: "in July", and the name is one too many
            c.dep_ == deps.PREP_OBJECT and c.i < cand.i and _a_time(c) for c in cand.head.children
        )
    ):
        return cand
    return None


def _glued_to_a_time(cand: Token) -> bool:
    """ "On Friday gunmen opened fire", parsed with "Friday gunmen" the object of "on": a party
    noun glued to the day before it is the subject."""
    from .party_words import is_partylike

    return (
        cand.dep_ == deps.PREP_OBJECT
        and not _a_time(cand)
        and any(c.dep_ == deps.COMPOUND and _a_time(c) for c in cand.lefts)
        and is_partylike(cand)
    )


def _controller(verb: Token) -> Token | None:
    """ "ordered troops to attack": the object of a control verb does the controlled act."""
    if fold(verb.head.lemma_) in cue("arguments.object_control"):
        return child(verb.head, (deps.DIRECT_OBJECT,))
    return None


def _raised_subject(verb: Token) -> Token | None:
    """ "Youths were seen gathering", "the rebels were said to have attacked": the one a passive
    verb of perception or of saying is told of does the act of its complement."""
    if fold(verb.lemma_) in words("raising_passives") and is_passive(verb):
        return child(verb, (deps.SUBJECT_PASSIVE,))
    return None


def _same_doers(verb: Token) -> bool:
    """ "tied up their victims before shooting them": the same doers as the verb above."""
    return (
        verb.dep_ == deps.PREP_COMPLEMENT
        and fold(verb.head.lemma_) in cue("arguments.time_preps") | words("same_doer_preps")
        and verb.head.head.pos_ in ("VERB", "AUX")
    )


def _climb(verb: Token) -> tuple[bool, Token | None]:
    """(done, answer) or (False, the verb to look at next), from how *verb* hangs on its head."""
    if verb.dep_ == deps.CONJUNCT and verb.head.pos_ in ("VERB", "AUX"):
        return False, verb.head
    if verb.dep_ == deps.OPEN_COMPLEMENT:
        obj = _controller(verb) or _raised_subject(verb.head)
        return (True, obj) if obj is not None else (False, verb.head)
    if _same_doers(verb):
        return False, verb.head.head
    if verb.dep_ == deps.ADVERBIAL_CLAUSE and verb.tag_ == "VBG" and _raised_subject(verb.head) is not None:
        return True, _raised_subject(verb.head)  # "youths were seen gathering, calling for revenge"
    if verb.dep_ == deps.ADVERBIAL_CLAUSE and (
        verb.tag_ in ("VBG", "VBN") or has_child(verb, (deps.AUX,), frozenset({"to"}))
    ):
        return False, verb.head
    if verb.dep_ in (deps.RELATIVE_CLAUSE, deps.ACL) and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        if verb.dep_ == deps.ACL and verb.tag_ == "VBN":
            agent = prep_object(verb, BY)
            if agent is None and child(verb, (deps.DIRECT_OBJECT,)) is not None:
                return (
                    True,
                    verb.head,
                )  # "250 combatants handed over their firearms": no passive, it has its object
            return True, agent
        return True, verb.head
    return True, None


def subject_of(verb: Token) -> Token | None:
    """The subject of *verb*, looked for through conjunction, control and relative clauses."""
    seen = set()
    while verb.i not in seen:
        seen.add(verb.i)
        found, subj = _clause_subject(verb)
        if found:
            return subj
        done, nxt = _climb(verb)
        if done:
            return nxt
        verb = nxt
    return None


def _issuer(tok: Token | None) -> Token | None:
    """ "a statement that condemned X": the statement's issuer acts."""
    if tok is not None and fold(tok.lemma_) in cue("arguments.document_nouns"):
        if tok.dep_ in (deps.DIRECT_OBJECT, deps.ATTRIBUTE) and tok.head.pos_ == "VERB":
            subj = subject_of(tok.head)
            if subj is not None:
                return subj
    return tok


def _passive_actor(verb: Token) -> Token | None:
    """The agent of a passive verb, or the subject of an active verb it is joined to: "the rebels
    attacked and were repulsed"; not "two soldiers died and 26 were wounded" nor "the convoy came
    under fire and two soldiers were wounded"."""
    actor = prep_object(verb, BY)
    suffered = cue("casualties.died_verbs") | cue("light_verbs.victim_lemmas")
    if (
        actor is None
        and verb.dep_ == deps.CONJUNCT
        and fold(verb.head.lemma_) not in suffered
        and verb.head.pos_ != "AUX"  # "most of the victims were farmers, and most were killed"
    ):
        actor = subject_of(verb.head) if not is_passive(verb.head) else None
    if actor is None and _ordered_on_object(verb):
        actor = subject_of(verb.head.head)  # "the governor ordered the internet suspended"
    return actor


def _ordered_on_object(verb: Token) -> bool:
    """A participle on the object of a verb of command: "ordered the internet suspended"."""
    return (
        verb.dep_ == deps.ACL
        and verb.tag_ == "VBN"
        and verb.head.dep_ == deps.DIRECT_OBJECT
        and fold(verb.head.head.lemma_) in words("ordering_verbs")
    )


def _active_participle(verb: Token) -> bool:
    """ "250 combatants handed over their firearms", parsed as a participle on the noun: one with
    its own object and no "by" is the noun's own act, not done to it."""
    return (
        verb.dep_ == deps.ACL
        and verb.tag_ == "VBN"
        and verb.head.pos_ in ("NOUN", "PROPN")
        and child(verb, (deps.DIRECT_OBJECT,)) is not None
        and prep_object(verb, BY) is None
        and child(verb, (deps.SUBJECT,)) is None  # "confirmation that the authorities had cleared 131 trucks"
    )


def _agent_of_past(verb: Token) -> bool:
    """ "The three men shot dead by soldiers belonged to a clan", parsed with "shot" as a past
    tense: a verb with a "by" agent and no object is a participle, whatever its tag; its subject
    undergoes it and the agent does it."""
    return (
        verb.tag_ == "VBD"
        and fold(verb.lemma_) in cue("suppress.physical_verbs")  # not "stood by the police"
        and prep_object(verb, BY) is not None
        and is_partylike(prep_object(verb, BY))  # not "spoke by phone"
        and child(verb, (deps.DIRECT_OBJECT,)) is None
        and child(verb, (deps.SUBJECT,)) is not None
    )


def _content_clause(verb: Token) -> bool:
    """ "confirmation that the authorities had cleared 131 trucks": a clause on a noun with its own
    subject and auxiliary is told in the active, whatever the tag of its verb."""
    return (
        verb.dep_ == deps.ACL
        and child(verb, (deps.SUBJECT,)) is not None
        and has_child(verb, (deps.AUX,))
        and not has_child(verb, (deps.AUX_PASSIVE,))
    )


def verb_arguments(verb: Token) -> tuple[Token | None, Token | None]:
    """(actor, target) of a verb trigger, in active or passive voice."""
    if _active_participle(verb):
        return verb.head, child(verb, (deps.DIRECT_OBJECT,))
    if (is_passive(verb) or _agent_of_past(verb)) and not _content_clause(verb):
        target = passive_subject(verb) or (child(verb, (deps.SUBJECT,)) if _agent_of_past(verb) else None)
        if target is not None and target.tag_ in ("WP", "WDT") and verb.dep_ == deps.RELATIVE_CLAUSE:
            target = verb.head
        if target is None and verb.dep_ in (deps.ACL, deps.ADJ_MODIFIER):
            target = verb.head
        return _passive_actor(verb), target
    actor = _issuer(subject_of(verb))
    target = child(verb, (deps.DIRECT_OBJECT,)) or prep_object(verb, cue("arguments.target_preps"))
    if undergoes(verb):
        return None, actor  # "40 stalls burnt down": what burnt, not who burnt it
    return actor, target


def undergoes(verb: Token) -> bool:
    """Does the verb's subject undergo it: "40 stalls burnt down", "the bridge collapsed"?"""
    return (
        fold(verb.lemma_) in cue("arguments.ergative_verbs")
        and not has_child(verb, (deps.DIRECT_OBJECT,))
        and child(verb, (deps.SUBJECT,)) is not None
    )


def _modifier_actor(noun: Token) -> Token | None:
    """ "Israeli strikes", "an ISIS attack"; not "the Homs attack"."""
    for c in noun.children:
        if c.dep_ in (deps.COMPOUND, deps.ADJ_MODIFIER, deps.NOUN_MODIFIER) and (
            c.ent_type_ in ("NORP", "ORG", "PERSON")
            or (c.ent_type_ == "GPE" and names_country(c))
            or (c.pos_ == "PROPN" and c.ent_type_ not in ("GPE", "LOC", "FAC", "DATE"))
        ):
            return c
    return None


def _clause_arguments(noun: Token, actor: Token | None, target: Token | None) -> tuple:
    """Fill (actor, target) from the clauses on the noun: "the attack carried out yesterday by the
    ELN against the base", "the agreement that Baghdad and Erbil signed", "the drone strike that
    targeted a civilian vehicle"; not "attacks that have not been claimed by any group"."""
    for acl in (
        c
        for c in noun.children
        if c.dep_ in (deps.ACL, deps.RELATIVE_CLAUSE)
        and c.pos_ == "VERB"
        and not has_child(c, (deps.NEGATION,))
    ):
        subj = child(acl, (deps.SUBJECT,))
        if fold(acl.lemma_) in cue("suppress.accusing_heads"):
            # "the ambush that the army blamed on the rebels": the accused, not the accuser
            actor = actor or prep_object(acl, words("blamed_on_preps"))
            continue
        suffered = words("dying_verbs") | words("loss_verbs") | cue("casualties.died_verbs")
        if acl.dep_ == deps.RELATIVE_CLAUSE and fold(acl.lemma_) in suffered:
            continue  # "an attack in which eleven soldiers died": they suffered it
        agent = prep_object(acl, BY)
        if agent is None and acl.dep_ == deps.RELATIVE_CLAUSE:
            agent = subj if subj is not None and subj.tag_ not in ("WDT", "WP") else None
        actor = actor or agent
        target = target or prep_object(acl, cue("arguments.target_preps"))
        if (
            target is None
            and acl.dep_ == deps.RELATIVE_CLAUSE
            and subj is not None
            and subj.tag_ in ("WDT", "WP")
        ):
            target = child(acl, (deps.DIRECT_OBJECT,))
    return actor, target


def noun_arguments(noun: Token) -> tuple[Token | None, Token | None]:
    """(actor, target) of a nominal trigger from its own dependents."""
    poss = child(noun, (deps.POSSESSIVE,))
    if poss is not None and poss.ent_type_ in ("DATE", "TIME"):
        poss = None  # "last Tuesday's attack"
    actor = poss or prep_object(noun, cue("arguments.actor_preps"))
    if actor is None:
        actor = _modifier_actor(noun)
    target = prep_object(noun, cue("arguments.target_preps")) or prep_object(noun, frozenset({"of"}))
    return _clause_arguments(noun, actor, target)


def nearest_subject(tok: Token | None) -> Token | None:
    """ "Belgrade, Sep 24 - Armed men killed ...", "2022-04 The station came under attack": a verb
    parsed with two subjects has the one next to it; the first is a dateline's."""
    if tok is None or tok.dep_ != deps.SUBJECT:
        return tok
    verb = tok.head
    later = [c for c in verb.children if c.dep_ == deps.SUBJECT and tok.i < c.i < verb.i]
    return later[-1] if later else tok


def names_country(tok: Token) -> bool:
    from ..lexicons.actors import actor_index

    return (
        actor_index().is_country_or_people(tok.text)
        or actor_index().country_of(tok.text) is not None
        and tok.tag_ == "JJ"
    )


def _weapon_owner(tok: Token) -> Token | None:
    """ "its drones": whoever "its" points to; "Pakistani jets" are Pakistan's air force: the
    whole phrase names the party."""
    for c in tok.children:
        if c.dep_ == deps.POSSESSIVE and c.tag_ == "PRP$":
            return c
        if c.dep_ in (deps.POSSESSIVE, deps.COMPOUND, deps.ADJ_MODIFIER, deps.NOUN_MODIFIER) and (
            c.ent_type_ in ("NORP", "ORG", "GPE", "PERSON") or c.pos_ == "PROPN" or names_country(c)
        ):
            return tok if c.dep_ == deps.ADJ_MODIFIER and c.pos_ == "ADJ" else c
        if c.dep_ == deps.COMPOUND:
            body = _body_before(c)
            if body is not None:
                return body
    return None


def _body_before(word: Token) -> Token | None:
    """ "a junta fighter jet", "an army helicopter": a word for a state's body (a sector noun of an
    institution) before the weapon's name, or before a word of it ("fighter jet"), owns it."""
    from ..lexicons.actors import actor_index

    for w in (word, *(c for c in word.children if c.dep_ == deps.COMPOUND)):
        sector = actor_index().sector_of(w.text) if w.pos_ in ("NOUN", "ADJ") else None
        if sector is not None and sector[2] == "institution" and sector[1] and fold(w.text) == sector[0]:
            return w
    return None


def behind_instrument(tok: Token | None) -> Token | None:
    """ "shells fired by the RSF", "a Russian missile", "a fighter jet of the military": the
    party behind a weapon; a weapon with no party named is no actor."""
    if tok is None or fold(tok.lemma_) not in cue("arguments.instrument_nouns") | cue(
        "arguments.document_nouns"
    ):
        return tok  # (a document speaks for whoever issued it: "leaflets signed by the Clan del Golfo")
    for c in tok.children:
        if c.dep_ == deps.ACL:
            agent = prep_object(c, BY)
            if agent is not None:
                return agent
    owner = prep_object(tok, words("weapon_owner_preps"))
    if owner is not None and fold(owner.lemma_) not in cue("arguments.instrument_nouns"):
        return owner
    return _weapon_owner(tok)
