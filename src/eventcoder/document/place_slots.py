"""Where a name sits: the words around it that make it a place's name ("in X", "the town of X",
"Kech district", "Mafa, Borno State") or a party's ("Rapid Support Forces"), and the nouns that name a
kind of place ("the town", "the camp"). Read by :mod:`toponyms`, :mod:`not_places` and :mod:`places`."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span

from ..lexicons import gazetteer as gz
from ..lexicons.actors import actor_index
from ..lexicons.data import cue, cues, fold
from ..nlp import deps
from ..nlp.syntax import ents as _ents
from ..sentence.triggers import find_trigger


@lru_cache(maxsize=1)
def place_nouns() -> dict[str, frozenset[str]]:
    """Nouns that name a kind of place, each with the gazetteer kinds it may point back to
    ("the town", "the camp"), from ``[place_nouns]`` in cues.toml."""
    return {key.split(".", 1)[1]: kinds for key, kinds in cues().items() if key.startswith("place_nouns.")}


def in_place_slot(span: Span) -> bool:
    """Is the name where a place goes: "in X", "attack on X", "the town of X"?"""
    doc = span.doc
    if span.start == 0:
        return False
    i = span.start - 1
    while i > 0 and (fold(doc[i].text) in cue("places.direction_words") or doc[i].text == "-"):
        i -= 1  # "in northern Burkina Faso", "in north-central Burkina Faso"
    prev = fold(doc[i].text)
    if prev in cue("places.place_preps") or prev in place_nouns():
        return True  # "in X", "the capital Sanaa"
    if prev == "," and i > 0 and fold(doc[i - 1].lemma_) in place_nouns() and hangs_on(span, i - 1):
        return True  # "in the capital, Niamey,": the place noun's own name
    root = span.root
    if root.dep_ in (deps.DIRECT_OBJECT, deps.SUBJECT_PASSIVE) and find_trigger(root.head, set()) is not None:
        return True  # "gunmen stormed Mafa", "Mafa was attacked"
    if prev != "of" or span.start < 2:
        return False
    before = fold(doc[span.start - 2].text)  # "the town of X", "the outskirts of X"
    return (
        before in place_nouns()
        or before in cue("places.part_nouns")
        or fold(doc[span.start - 2].lemma_) in place_nouns()
    )


def hangs_on(span: Span, i: int) -> bool:
    """Is the name set beside the word at *i* (its apposition, or a conjunct the parse makes of
    one)?"""
    return span.root.head.i == i and span.root.dep_ in (deps.APPOSITION, deps.CONJUNCT)


def area_after(span: Span, gaz: gz.Gazetteer) -> bool:
    """Is the name followed, after a comma, by the province, state or country it lies in
    ("reached Kereneik, West Darfur", "in Mafa, Borno State")? Then it is a place's name."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return False
    ent = next((e for e in _ents(doc) if e.start == span.end + 1 and e.label_ in ("GPE", "LOC")), None)
    if ent is None or not gaz.is_place_name(ent.text):
        return False
    if ent.end < len(doc) and doc[ent.end].text in ("'s", "\u2019s"):
        return False  # "Bazoum, Niger's president": a person and his country
    return any(c.kind in ("admin1", "region", "country") for c in gaz.candidates(ent.text)[:2])


def named_as_place(span: Span) -> bool:
    """Is the name followed by a word that makes it a place: "Zamzam displacement camp", "Kech district"?"""
    doc = span.doc
    nxt = [fold(t.text) for t in doc[span.end : span.end + 2]]
    return bool(nxt) and (
        nxt[0] in cue("places.admin_words") or (nxt[0] in cue("places.camp_words") and nxt[1:] == ["camp"])
    )


def is_actor_name(text: str) -> bool:
    """Are the words, as a whole, a name the actor lists know ("Rapid Support Forces", "Hamas";
    not "the Homs Military Academy", which merely contains a word of one)?"""
    from ..lexicons.actors import _words, clean_mention

    idx = actor_index()
    named = idx.named(text)
    return named is not None and named.kind != "country" and tuple(_words(clean_mention(text))) in idx.aliases
