"""Names that are no place, though the gazetteer knows a place of that name: a first name, a
people's word, a party's or a post's name, a thing's, a capital standing for its government; and the
places that are no scene: a destination ("flew to Paris"), an origin ("from Kabul"). Read by
:mod:`toponyms` (which names to look up) and :mod:`place_choice` (which places an event)."""

from __future__ import annotations

import re

from spacy.tokens import Span

from ..lexicons.actors import actor_index
from ..lexicons.data import cue, fold, word_lists
from ..nlp import deps
from ..nlp.syntax import doc_text
from ..nlp.syntax import ents as _ents
from .place_slots import in_place_slot, is_actor_name, place_nouns


def names_no_place(span: Span) -> bool:
    """Is the name another thing's, whatever the gazetteer says: a party's or an office's, a
    weapon's, or the first part of a longer name?"""
    return (
        _inside_party_name(span)
        or _names_a_thing(span)
        or _name_goes_on(span)
        or _names_an_owner(span)
        or _a_peoples_word(span)
        or _capital_by_position(span)
        or _names_a_post(span)
        or _a_first_name(span)
        or _a_persons_name_again(span)
        or _names_a_building(span)
        or _names_a_gang(span)
    )


def _a_persons_name_again(span: Span) -> bool:
    """Is the name, no country's and in no place slot, a later word of a person's name the
    report gives in full ("Guzman" after "Ovidio Guzman Lopez", "Chapo" of "Joaquin 'El Chapo'
    Guzman")? It is that person told again, not a village of that name. The object of a deed
    ("forced to free Guzman", "Guzman was arrested") is the slot of a place struck and of a person
    seized alike: a person's name there is the person."""
    slot = in_place_slot(span) and span.root.dep_ not in (deps.DIRECT_OBJECT, deps.SUBJECT_PASSIVE)
    if slot or actor_index().country_named(span.text) is not None:
        return False
    words = tuple(fold(t.text) for t in span)
    for ent in _ents(span.doc):
        if ent.label_ != "PERSON" or len(ent) < len(words) + 1 or ent.start == span.start:
            continue
        cut = next((t.i for t in ent if t.lower_ in ("of", ",", "in", "from")), ent.end)
        names = [fold(t.text) for t in span.doc[ent.start : cut] if t.is_alpha]  # not "X of Abu Dhabi"
        if any(tuple(names[i : i + len(words)]) == words for i in range(1, len(names))):
            return True
    return False


def _names_a_building(span: Span) -> bool:
    """Is the name that of a building, a capitalised noun of one following it ("the Planalto
    Palace", "the Alvorada Palace")? A palace named so stands in no town of that name."""
    doc, nouns = span.doc, word_lists("gazetteer.toml")["building_nouns"]
    words = ([doc[span.end]] if span.end < len(doc) else []) + ([span[-1]] if len(span) > 1 else [])
    return any(t.is_title and fold(t.text) in nouns for t in words)  # (or taken into the name)


def _names_a_gang(span: Span) -> bool:
    """Is the name that of a gang or a cartel, the noun it qualifies, maybe over other words
    ("the Sinaloa drug cartel", "the Sinaloa gang")? The place names the party."""
    tok = span.root
    while tok.dep_ == deps.COMPOUND and tok.head.i != tok.i and tok.head.i >= span.end:
        tok = tok.head
        if fold(tok.text) in word_lists("gazetteer.toml")["party_nouns"]:
            return True
    return False


def _a_first_name(span: Span) -> bool:
    """Is the name, no country's, right before a person's name the NER marks, its first part: the
    first name of "Carly Nzanzu Kasivita" (not Carly, in France), however the NER labels it?"""
    doc = span.doc
    return (
        span.end < len(doc)
        and doc[span.end].ent_type_ == "PERSON"
        and doc[span.end].ent_iob_ == "B"
        and doc[span.end - 1].whitespace_ != ""
        and doc[span.end - 1].is_alpha
        and actor_index().country_named(span.text) is None
    )


def _a_peoples_word(span: Span) -> bool:
    """Is the name a people's adjective, "Arab media", "Kurdish fighters" (not Arab, Alabama)? One
    the tagger takes for an adjective where no noun follows it, a predicate ("the cartel turned
    Culiacan into hell"), is a people's word only if the actor lists know it as a country's."""
    tok = span[0]
    if len(span) != 1 or tok.ent_type_ != "NORP" or tok.pos_ != "ADJ":
        return False
    return tok.dep_ in (deps.ADJ_MODIFIER, deps.COMPOUND) or actor_index().country_named(tok.text) is not None


def _capital_by_position(span: Span) -> bool:
    """Is the name a common word capitalised only as the first of its sentence ("Media reports
    say", "Police said"), which the tagger takes for a common word and the NER for no place?"""
    tok = span[0]
    first = tok.is_sent_start or (tok.i > 0 and tok.nbor(-1).is_sent_start and tok.nbor(-1).is_quote)
    return (
        len(span) == 1
        and first
        and tok.pos_ in ("NOUN", "ADJ", "VERB", "ADV")
        and tok.ent_type_ not in ("GPE", "LOC")
    )


def _names_an_owner(span: Span) -> bool:
    """Is the name the owner of what it qualifies: "the French and U.S. embassies", "Russia's
    ambassador"? Not where anything happened."""
    tok = span.root
    while tok.dep_ == deps.CONJUNCT and tok.head.i != tok.i:
        tok = tok.head  # "the French and U.S. embassies": the first of the pair
    modifying = (deps.ADJ_MODIFIER, deps.COMPOUND, deps.NOUN_MODIFIER, deps.POSSESSIVE)
    return tok.dep_ in modifying and fold(tok.head.text) in cue("places.owned_nouns")


def _names_a_post(span: Span) -> bool:
    """Is the name where an envoy is posted: "Italy's ambassador to the Democratic Republic of
    Congo was killed" (in Goma, not the country at large)?"""
    tok = span.root
    while tok.dep_ == deps.CONJUNCT and tok.head.i != tok.i:
        tok = tok.head
    return (
        tok.dep_ == deps.PREP_OBJECT
        and tok.head.lower_ == "to"
        and fold(tok.head.head.text) in cue("places.owned_nouns")
    )


_JOINED_NAME = re.compile(r"-[a-z]{1,3}-[A-Z]")


def _name_goes_on(span: Span) -> bool:
    """Is the name the first part of a longer one joined by a small word and hyphens: "Jaish"
    of "Jaish-e-Mohammad", "Lashkar" of "Lashkar-e-Taiba" (not a town called "Jaish")?"""
    doc = span.doc
    return bool(_JOINED_NAME.match(doc_text(doc), span.end_char)) or bool(
        span.start > 0
        and re.search(r"[A-Za-z]-[a-z]{1,3}-$", doc_text(doc)[max(0, span.start_char - 8) : span.start_char])
    )


def _is_code(text: str) -> bool:
    """A model code after a name: the "-" and "U" of "Tochka-U", "M" of "Grad-M"."""
    return text == "-" or (len(text) <= 3 and text.isalnum() and not text.islower())


def _names_a_thing(span: Span) -> bool:
    """Is the name a weapon's or a machine's, a noun of a thing following it (maybe after a
    model code): "Tochka-U missiles", "Grad rockets", "Shahed drones"?"""
    doc = span.doc
    end = span.end
    while end > span.start + 1 and _is_code(doc[end - 1].text):
        end -= 1  # "Tocha-U" taken as one name: the code is no part of it
    j = end
    while j < len(doc) and j < end + 3 and _is_code(doc[j].text) and doc[j - 1].whitespace_ == "":
        j += 1
    return j < len(doc) and fold(doc[j].text) in cue("places.thing_nouns")


def a_party_not_a_place(span: Span) -> bool:
    """Is a country's name a party's ("Ukraine denied any role", "blamed Israel", "Iran's
    envoy"), not a place's ("in Ukraine", "across Russia")? It says less of where the report is."""
    tok = span.root
    while tok.dep_ == deps.CONJUNCT and tok.head.i != tok.i:
        tok = tok.head
    return not (tok.dep_ == deps.PREP_OBJECT and fold(tok.head.text) in cue("places.place_preps"))


def is_destination(span: Span) -> bool:
    """Is the name where someone was taken or went, "was flown to the United States for
    treatment", "were heading towards the border", "on Sunday he landed in Madrid": no scene of
    the report's deeds?"""
    tok = span.root
    while tok.dep_ == deps.CONJUNCT and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ != deps.PREP_OBJECT or tok.head.head.pos_ not in ("VERB", "AUX"):
        return False
    lists = word_lists("gazetteer.toml")
    return fold(tok.head.text) in lists["destination_preps"] or (
        fold(tok.head.text) in lists["arrival_preps"] and fold(tok.head.head.lemma_) in lists["arrival_verbs"]
    )


def says_origin(span: Span) -> bool:
    """Is the name where a party or a vessel belongs, on a verb that says so describing a noun:
    "a ship flagged in X and owned in Y", "a company based in Z"; or where a party or its help
    comes from, a "from" phrase on a noun ("blamed on backing from Serbia", "fighters from Syria",
    not one of leaving: "the withdrawal from Mali" was done in Mali)?"""
    tok = span.root
    if _from_on_a_noun(tok):
        return True
    if tok.dep_ != deps.PREP_OBJECT or fold(tok.head.text) not in ("in", "at", "out", "from"):
        return False
    verb = tok.head.head
    if fold(verb.text) not in cue("places.origin_verbs") and fold(verb.lemma_) not in cue(
        "places.origin_verbs"
    ):
        return False
    while verb.dep_ == deps.CONJUNCT and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ in (deps.ACL, deps.ADJ_MODIFIER)


def _from_on_a_noun(tok) -> bool:
    """Is the word the object of "from" on a noun that is none of leaving ("support from X",
    "rockets from X"; not "the pullout from X")?"""
    while tok.dep_ == deps.CONJUNCT and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ != deps.PREP_OBJECT or fold(tok.head.text) != "from":
        return False
    noun = tok.head.head
    leaving = word_lists("gazetteer.toml")["leaving_nouns"]
    return noun.pos_ in ("NOUN", "PROPN") and fold(noun.lemma_) not in leaving


def country_before(span: Span) -> str | None:
    """The country named by the words just before a place name: a demonym or a country's name
    ahead of a kind of place ("the southern Ukrainian city of X", "Iraq's Diyala province"),
    or a country's possessive ("Nigeria's Borno State")."""
    doc, idx = span.doc, actor_index()
    i = span.start - 1
    if i >= 1 and doc[i].lower_ == "of" and fold(doc[i - 1].lemma_) in place_nouns():
        i -= 2  # "city of"
    elif i >= 0 and fold(doc[i].lemma_) in place_nouns():
        i -= 1  # "the Sudanese city El Fasher"
    elif i >= 1 and doc[i].text in ("'s", "\u2019s"):
        return idx.country_named(doc[i - 1].text)
    else:
        return None
    while i >= 0 and doc[i].pos_ == "ADJ" and idx.country_named(doc[i].text) is None:
        i -= 1  # "southern", "restive", "north-eastern"
    if i >= 1 and doc[i].text in ("'s", "\u2019s"):
        i -= 1
    return idx.country_named(doc[i].text) if i >= 0 else None


def _inside_party_name(span: Span) -> bool:
    """A place name inside an organisation's or office's name, or an organisation the actor
    lists know: "the Syrian Observatory for Human Rights", "Borno State Governor", "Rapid
    Support Forces"."""
    doc = span.doc
    if span.label_ != "GPE" and is_actor_name(span.text):
        return True
    if span.end < len(doc) and fold(doc[span.end].text) in cue("places.unit_nouns"):
        if fold(doc[span.end].text) in cue("places.institution_nouns") and in_place_slot(span):
            return False  # "outside the institute at Karachi University": in Karachi
        return True  # "the Vostok group", "the Majeed Brigade": a unit named after a place
    end = span.end
    if end < len(doc) and doc[end].ent_type_ == "ORG" and doc[end].ent_iob_ == "I":
        return True  # the ORG goes on after the place name
    nxt = fold(doc[end].text) if end < len(doc) else ""
    if nxt and actor_index().sector_of(nxt) is not None and actor_index().sector_of(nxt)[2] == "title":
        return True  # "Borno State Governor"
    ent = next((e for e in _ents(doc) if e.start <= span.start and span.end <= e.end), None)
    if ent is not None and ent.label_ == "ORG" and len(ent) > len(span):
        named = actor_index().named(ent.text)
        return named is not None and named.kind != "country"
    return False
