"""Place names in a document: which words name a place (the gazetteer's call, not only the
NER's), their candidates, and the one chosen for each from the document's own context (the
admin area or country named beside it, the country the document is mostly about, kind and
population); and the dateline the report was filed from."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span

from ..lexicons import gazetteer as gz
from ..lexicons.actors import actor_index
from ..lexicons.data import cue, cues, fold, read_toml, word_lists
from ..nlp import deps
from ..nlp.syntax import coarse_tags, doc_text
from ..nlp.syntax import ents as _ents
from ..sentence.triggers import find_trigger

PRECISION_OF_KIND = {
    "country": "country",
    "admin1": "admin1",
    "region": "admin1",
    "admin2": "admin2",
    "district": "admin2",
    "area": "admin2",
    "city": "town",
    "town": "town",
}
ORDER = ["site", "town", "admin2", "admin1", "country"]
_PLACE_LABELS = ("GPE", "LOC", "FAC", "ORG", "NORP", "PERSON")
# what the NER calls a language is none of the proper nouns left to look up ("(English)" after a
# headline: no town in Indiana)
_NO_PLACE_LABELS = ("LANGUAGE",)


def precision_of(place: gz.Place, relative: bool = False) -> str:
    """How exactly the coordinates of *place* locate an event there: a camp or a base is a
    site, a city a town, a district admin2 ...; one step coarser for "near X", "north of X"."""
    p = PRECISION_OF_KIND.get(place.kind, "site")
    if relative and p in ("site", "town", "admin2"):
        p = ORDER[ORDER.index(p) + 1]
    return p


@dataclass
class Toponym:
    """One place name in the text, with its candidates and the one chosen."""

    span: Span
    candidates: list[gz.Place]
    name: str = ""
    """The words looked up, when not the span's own ("Zamzam camp" for "Zamzam displacement camp")."""
    relative: bool = False
    chosen: gz.Place | None = None
    within: list[Toponym] = field(default_factory=list)
    """The names beside it that say where it is ("in Diyala Province", ", Lebanon")."""
    country_hint: str | None = None
    """The country a word just before it names: "the Ukrainian city of X", "Nigeria's X"."""
    locates: list[Toponym] = field(default_factory=list)
    """The names it says where they are: it is in their ``within``, so it is an area."""
    offset: tuple[float, float] | None = None
    """(kilometres, bearing) when the place meant is measured from this one ("50 km south of X")."""

    @property
    def says_where(self) -> bool:
        return bool(self.locates)

    @property
    def text(self) -> str:
        return self.span.text


# -- finding place names ---------------------------------------------------------------------


def place_spans(doc: Doc) -> list[Span]:
    """Word spans that may name a place: entities of the place-ish labels and runs of proper
    nouns the NER left alone, split at "and", stretched over an admin word that follows
    ("Diyala Province", "Zamzam camp")."""
    out: list[Span] = []
    covered: set[int] = set()
    for ent in _ents(doc):
        if ent.label_ in _PLACE_LABELS:
            out += [part for piece in _split_comma(ent) for part in _split_and(piece)]
        if ent.label_ in _PLACE_LABELS or ent.label_ in _NO_PLACE_LABELS:
            covered.update(range(ent.start, ent.end))
    out = _joined(out)
    i, pos = 0, coarse_tags(doc)
    while i < len(doc):
        if pos[i] == "PROPN" and i not in covered:
            j = i
            while (
                j + 1 < len(doc)
                and j + 1 not in covered
                and (
                    pos[j + 1] == "PROPN"
                    or (doc[j + 1].text == "-" and doc[j + 1].whitespace_ == "")
                    or _hyphen_joined(doc, j + 1)
                )
            ):
                j += 1
            out.append(doc[i : j + 1])
            i = j + 1
        else:
            i += 1
    return [_stretch(s) for s in out]


def _hyphen_joined(doc: Doc, i: int) -> bool:
    """A small word inside a hyphenated name: the "au" of "Port-au-Prince"."""
    return (
        0 < i < len(doc) - 2
        and doc[i - 1].text == "-"
        and doc[i - 1].whitespace_ == ""
        and doc[i].is_alpha
        and doc[i].whitespace_ == ""
        and doc[i + 1].text == "-"
        and doc[i + 2].is_title
    )


def _named(span: Span) -> bool:
    """Is the span, capitalised as a whole, the very name of a place ("North West", "South
    Kivu"), not a direction before one ("northern Burkina Faso")?"""
    return span[0].is_title and gz.gazetteer().is_place_name(span.text)


def _joined(spans: list[Span]) -> list[Span]:
    """Entities the NER cut in two that together name a place: "Sultan" + "Kudarat"; and two
    joined by "and" that are one place's very name ("Jammu" and "Kashmir" of "Jammu and
    Kashmir's Pulwama district": one state, not the town of Jammu)."""
    out: list[Span] = []
    for span in spans:
        prev = out[-1] if out else None
        if prev is not None and doc_text(prev.doc)[prev.start_char : span.end_char].find("\n") < 0:
            both = span.doc[prev.start : span.end]
            if prev.end == span.start and (
                gz.gazetteer().is_place_name(both.text) and not gz.gazetteer().is_place_name(span.text)
            ):
                out[-1] = both
                continue
            if _one_name_with_and(prev, span):
                out[-1] = both
                continue
        out.append(span)
    return out


def _one_name_with_and(first: Span, second: Span) -> bool:
    """Are the two names, with the "and" between them, the very name of one place ("Jammu and
    Kashmir", "Trinidad and Tobago")?"""
    doc = first.doc
    if second.start != first.end + 1 or doc[first.end].lower_ != "and":
        return False
    return bool(gz.gazetteer().named_exactly(doc[first.start : second.end].text))


def _split_comma(span: Span) -> list[Span]:
    """ "Abuja, Nigeria" taken as one entity is a place and the country it is in, unless the
    whole is a place's name."""
    cuts = [t.i for t in span if t.text == "," and t.i not in (span.start, span.end - 1)]
    if not cuts or gz.gazetteer().is_place_name(span.text):
        return [span]
    return _cut_at(span, cuts)


def _split_and(span: Span) -> list[Span]:
    """ "Camp Ashraf And Camp Liberty" is two names."""
    cuts = [t.i for t in span if t.lower_ in ("and", "&") and t.i not in (span.start, span.end - 1)]
    if not cuts:
        return [span]
    return _cut_at(span, cuts)


def _cut_at(span: Span, cuts: list[int]) -> list[Span]:
    """The non-empty pieces of *span* between the tokens at *cuts* (which are dropped)."""
    doc, parts, start = span.doc, [], span.start
    for c in cuts:
        parts.append(doc[start:c])
        start = c + 1
    parts.append(doc[start : span.end])
    return [p for p in parts if len(p)]


def _stretch(span: Span) -> Span:
    doc = span.doc
    start, end = span.start, span.end
    while start < end and (
        doc[start].lower_ in ("the", "'s")
        or (
            fold(doc[start].text) in cue("places.direction_words")
            and end - start > 1
            and not _named(doc[start:end])
        )
        or (doc[start].text in ("-", "central") and end - start > 1)
    ):
        start += 1  # "the", "northern Burkina Faso", "north-central Burkina Faso"; not "North West"
    while end > start and doc[end - 1].text in ("'s", "\u2019s", "'", ",", "."):
        end -= 1
    if end < len(doc) and fold(doc[end].text) in cue("places.admin_words"):
        end += 1
    if start > 0 and fold(doc[start - 1].text) in cue("places.leading_words") and doc[start - 1].is_title:
        start -= 1  # "Camp Ashraf" when the NER took only "Ashraf"
    return doc[start:end]


def is_relative(span: Span) -> bool:
    """Is the name the anchor of a relative description ("north of X", "near X", "40 km from X")?"""
    doc = span.doc
    before = [fold(t.text) for t in doc[max(0, span.start - 4) : span.start]]
    if not before:
        return False
    if before[-1] in cue("places.near_words"):
        return True
    if (
        len(before) >= 2
        and before[-1] in ("of", "from")
        and (
            before[-2] in cue("places.direction_words")
            or before[-2] in cue("places.distance_units")
            or before[-2] in cue("places.near_words")
        )
    ):
        return True
    return False


@lru_cache(maxsize=1)
def _offset_words() -> tuple[dict[str, float], dict[str, float], re.Pattern]:
    table = read_toml("gazetteer.toml")["offsets"]
    units, bearings = table["unit_km"], table["bearing"]
    alt = lambda words: "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # noqa: E731
    pattern = re.compile(
        rf"(?P<n>\d+(?:[.,]\d+)?)\s*(?P<unit>{alt(units)})\b\s*(?:\([^)]{{0,20}}\)\s*)?"
        rf"(?P<dir>{alt(bearings)})\s+of\s+(?:the\s+)?$",
        re.I,
    )
    return units, bearings, pattern


def measured_offset(span: Span) -> tuple[float, float] | None:
    """How far and which way the place meant lies from the name: "about 50 km south of Qandala",
    "some 50 nautical miles (93km) southwest of Aden"; None if no measure is given."""
    units, bearings, pattern = _offset_words()
    before = doc_text(span.doc)[max(0, span.start_char - 60) : span.start_char]
    m = pattern.search(before)
    if m is None:
        return None
    km = float(m["n"].replace(",", ".")) * units[m["unit"].lower()]
    return km, float(bearings[m["dir"].lower()])


def _forms(span: Span) -> list[tuple[Span, str]]:
    """The (span, words to look up) a name may be known by, longest first: "Zamzam displacement
    camp" as "Zamzam camp", "Diyala Province" as itself then as "Diyala", "the Homs Military
    Academy" as "Homs"."""
    doc = span.doc
    out = [(span, span.text)]
    end = span.end
    if (
        end + 1 < len(doc)
        and fold(doc[end].text) in cue("places.camp_words")
        and fold(doc[end + 1].text)
        in (
            "camp",
            "camps",
            "settlement",
            "base",
        )
    ):
        out.insert(0, (doc[span.start : end + 2], f"{span.text} {doc[end + 1].text}"))
    if len(span) > 1 and fold(span[-1].text) in cue("places.admin_words"):
        out.append((span[:-1], span[:-1].text))
    if (
        len(span) > 1
        and span[-1].ent_type_ in ("FAC", "ORG")
        and not _is_actor_name(span.text)
        and fold(span[-1].text) not in word_lists("gazetteer.toml")["namesake_nouns"]
    ):
        head = span[:1] if span[0].lower_ not in cue("places.leading_words") else span[:2]
        out.append((head, head.text))  # "the Homs Military Academy": in Homs
    return out


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
    if prev == "," and i > 0 and fold(doc[i - 1].lemma_) in place_nouns() and _hangs_on(span, i - 1):
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


def find_toponyms(doc: Doc, gaz: gz.Gazetteer, spans: list[Span] | None = None) -> list[Toponym]:
    """The place names of *doc* (among *spans*, by default :func:`place_spans`), each with its
    candidates, in text order."""
    found: dict[tuple[int, int], Toponym] = {}
    for whole in spans if spans is not None else place_spans(doc):
        if not len(whole):
            continue
        if actor_index().country_named(whole.text) is not None:
            pass  # a country's name is a place, whatever the NER says
        elif whole[0].ent_type_ in ("PERSON", "DATE", "TIME") and not (
            in_place_slot(whole) or _named_as_place(whole) or _area_after(whole, gaz)
        ):
            continue  # (the NER calls some towns people or dates: "attack on Mafa", "in Turbat")
        if names_no_place(whole):
            continue
        loose_ok = whole[0].ent_type_ in ("GPE", "LOC", "FAC") or in_place_slot(whole)
        for span, name in _forms(whole):
            if gaz.is_place_name(name):
                cands = gaz.candidates(name)
                if not loose_ok:  # a proper noun the NER left alone: only a place by its very name
                    exact = {c.gazetteer_id for c in gaz.named_exactly(name)}
                    cands = [c for c in cands if c.gazetteer_id in exact]
                if cands:
                    found[(span.start, span.end)] = Toponym(
                        span, cands, relative=is_relative(whole), name=name, offset=measured_offset(whole)
                    )
                    break
    toponyms = sorted(found.values(), key=lambda t: t.span.start)
    for t in toponyms:
        t.country_hint = _country_before(t.span)
    for i, t in enumerate(toponyms):  # "Al-Khalis in Diyala Province", "Tripoli, Lebanon"
        for u in toponyms[i + 1 : i + 3]:
            gap = doc[t.span.end : u.span.start]
            if len(gap) <= 2 and all(fold(w.text) in ("in", ",", "of", "province", "state") for w in gap):
                t.within.append(u)
                u.locates.append(t)
    return toponyms


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
    )


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
    """Is the name a people's adjective, "Arab media", "Kurdish fighters" (not Arab, Alabama)?"""
    return len(span) == 1 and span[0].ent_type_ == "NORP" and span[0].pos_ == "ADJ"


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


def _a_party_not_a_place(span: Span) -> bool:
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
    "a ship flagged in X and owned in Y", "a company based in Z"?"""
    tok = span.root
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


def _country_before(span: Span) -> str | None:
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
    if span.label_ != "GPE" and _is_actor_name(span.text):
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


# -- choosing among candidates ---------------------------------------------------------------


def _focus(doc: Doc, toponyms: list[Toponym]) -> Counter:
    """How often each country is named, by place names and demonyms."""
    counts: Counter = Counter()
    idx = actor_index()
    for ent in _ents(doc):
        if ent.label_ in ("NORP", "GPE") and not says_origin(ent) and not is_destination(ent):
            iso = idx.country_named(ent.text)
            if iso:
                counts[iso] += 0.5 if ent.label_ == "GPE" and _a_party_not_a_place(ent) else 1
    for t in toponyms:  # a country, or a place only one country has by that very name
        if says_origin(t.span) or is_destination(t.span):
            continue  # "a carrier flagged in Liberia", "flown to Germany": no scene
        first = t.candidates[0]
        exact = _by_its_name(first, t)
        if first.kind == "country":
            counts[first.country] += 0.5 if _a_party_not_a_place(t.span) else 1
        elif exact and len({c.country for c in t.candidates}) == 1:
            counts[first.country] += 1
    if not counts:  # no country named: the big places named say which ("Mogadishu")
        for t in toponyms:
            first = t.candidates[0]
            if says_origin(t.span):
                continue
            if gz.fold_basic(first.name) == gz.fold_basic(t.name or t.text) and first.population >= 100_000:
                counts[first.country] += 1
    return counts


#: A region that is no first-level division ("Darfur", over five states) holds the places of its
#: country within this many kilometres of its centre.
REGION_KM = 300.0


def lies_in(t: Toponym, area: gz.Place) -> bool:
    """Could a place named *t* lie in *area* (a country, a first-level division, or a region that
    spans several: "a camp in the Darfur region" and Zamzam camp, in Northern Darfur)?"""
    return any(
        c.country == area.country
        and (
            area.kind == "country"
            or (c.admin1 and gz.fold_place(c.admin1) == gz.fold_place(area.name))
            or (area.kind == "region" and area.admin1 is None and _km(c, area) <= REGION_KM)
        )
        for c in t.candidates
    )


def _km(a: gz.Place, b: gz.Place) -> float:
    p = math.pi / 180
    h = (
        math.sin((b.lat - a.lat) * p / 2) ** 2
        + math.cos(a.lat * p) * math.cos(b.lat * p) * math.sin((b.lon - a.lon) * p / 2) ** 2
    )
    return 12742 * math.asin(math.sqrt(min(1.0, h)))


# A city this big, named by its very name, is itself wherever the report is from ("In New York, a
# UN spokesman said"; "he landed in Madrid").
_WORLD_CITY = 1_000_000
# A place this big called by a name is what the name means before the places that only go by it.
_CITY = 500_000


def _by_its_name(c: gz.Place, t: Toponym) -> bool:
    """Is *c* called by the name *t* gives, its own or a spelling of the curated supplement ("Kabul
    airport" for Hamid Karzai International Airport), not only an alternate name GeoNames lists?"""
    return c.gazetteer_id.startswith("sup:") or gz.fold_basic(c.name) == gz.fold_basic(t.name or t.text)


def _called_so(t: Toponym) -> list[gz.Place]:
    """The candidates of *t*; only those called by its very name (or bigger) when the first is a
    city so called and no name beside it says where ("Kabul" is the capital, not Cabool, Missouri,
    which also goes by it, however often the report names the US; "Islamabad" is not Anantnag;
    "Paris, Texas" is Texan)."""
    first = t.candidates[0]
    if t.within or t.country_hint or first.population < _CITY or not _by_its_name(first, t):
        return t.candidates
    return [c for c in t.candidates if _by_its_name(c, t) or c.population > first.population]


def _score(c: gz.Place, rank: int, t: Toponym, focus: Counter, admins: set[str]) -> float:
    total = max(sum(focus.values()), 1)
    s = -0.3 * rank + 4.0 * focus.get(c.country, 0) / total
    s += 0.4 * math.log10(c.population + 1) / 7
    if gz.fold_basic(c.name) == gz.fold_basic(t.name or t.text):
        s += 0.5  # "Islamabad" is the city called so, before one that also goes by that name (Anantnag)
    if c.admin1 and gz.fold_place(c.admin1) in admins:
        s += 1.0
    if t.country_hint and c.country == t.country_hint:
        s += 3.0
    if t.says_where and c.kind in ("admin1", "country"):
        s += 1.5  # "El Paso, Texas": the name after the comma is the state, not a town called Texas
        if any(lies_in(v, c) for v in t.locates):
            s += 3.0  # ... and the state that has an El Paso in it
    for w in t.within:
        if w.chosen is None:
            continue
        if w.chosen.kind == "country" and c.country == w.chosen.country:
            s += 3.0
        elif w.chosen.kind in ("admin1", "region") and c.country == w.chosen.country:
            s += 2.0 + (2.0 if c.admin1 and gz.fold_place(c.admin1) == gz.fold_place(w.chosen.name) else 0.0)
    return s


def resolve(doc: Doc, toponyms: list[Toponym]) -> Counter:
    """Choose a candidate for every toponym; returns the country counts used as focus."""
    focus = _focus(doc, toponyms)
    admins = {
        gz.fold_place(c.name) for t in toponyms for c in t.candidates[:1] if c.kind in ("admin1", "region")
    }
    areas: set[str] = set()  # the towns found for a name the report gives as an area
    for t in reversed(toponyms):  # the names that say where come after: resolve them first
        ranked = sorted(enumerate(_called_so(t)), key=lambda rc: -_score(rc[1], rc[0], t, focus, admins))
        best = ranked[0][1]
        exact = _by_its_name(best, t)
        top = max(focus.values()) if focus else 0
        if best.country == t.country_hint:
            pass  # "the Ukrainian city of Zaporizhzhia" says which country
        elif not focus and not exact and best.kind not in ("country", "admin1"):
            continue  # nothing says which country: only a place by its very name
        elif (
            focus
            and best.kind not in ("country", "admin1")
            and (best.country not in focus or (not exact and focus[best.country] < top))
            and not _a_big_city(best, exact, ranked[0][0] == 0, focus)
        ):
            continue  # "the settlement of Eli" is no town in Nevada: better no place than a wrong one
        elif _a_town_for_an_area(t, best, toponyms):
            areas.add(best.gazetteer_id)
            continue  # "Bishnupur district" in a report on Manipur is no town of West Bengal
        t.chosen = best
    for t in toponyms:  # nor is "Bishnupur" where the report names it alone
        if t.chosen is not None and t.chosen.gazetteer_id in areas:
            t.chosen = None
    return focus


def _a_big_city(best: gz.Place, exact: bool, first: bool, focus: Counter) -> bool:
    """Is the place a big city that is what its name means wherever the report is from: one of a
    million people called so or the first the name finds ("In New York, a UN spokesman said"),
    one of half a million called by its very name ("in Washington"), or one of half a million of a
    country the report names, however spelled ("Zaporizhzhia" for Zaporizhzhya)?"""
    if best.population >= _WORLD_CITY and (exact or first):
        return True
    return best.population >= _CITY and (exact or best.country in focus)


# the gazetteer kinds a name given as an area ("X district", "X province") may be
_AREA_KINDS = ("country", "admin1", "region", "admin2", "district", "area")


def _a_town_for_an_area(t: Toponym, best: gz.Place, toponyms: list[Toponym]) -> bool:
    """Is the name given as an area ("Bishnupur district") and the place found for it a town in
    another province than those the report's other places of that country lie in (Imphal and
    Moirang, in Manipur)?"""
    area_words = word_lists("gazetteer.toml")["area_words"]
    if len(t.span) < 2 or fold(t.span[-1].text) not in area_words or best.kind in _AREA_KINDS:
        return False
    named = {
        gz.fold_place(c.name if c.kind in ("admin1", "region") else c.admin1 or "")
        for u in toponyms
        for c in u.candidates[:1]
        if c.gazetteer_id != best.gazetteer_id and c.country == best.country and c.kind != "country"
    } - {""}
    return bool(named) and gz.fold_place(best.admin1 or "") not in named


# -- the place of each event -----------------------------------------------------------------


@lru_cache(maxsize=1)
def place_nouns() -> dict[str, frozenset[str]]:
    """Nouns that name a kind of place, each with the gazetteer kinds it may point back to
    ("the town", "the camp"), from ``[place_nouns]`` in cues.toml."""
    return {key.split(".", 1)[1]: kinds for key, kinds in cues().items() if key.startswith("place_nouns.")}


_DATED = re.compile(r"\s*,\s*(\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\.?\s+\d{1,2})\b")


def dateline_of(doc: Doc, toponyms: list[Toponym]) -> tuple[Toponym | None, str]:
    """The place a report was filed from: "MAIDUGURI, Nigeria, March 14 -", a byline's "By Our
    Correspondent, Maiduguri" or a statement's "Port Sudan, 9 December 2024" line, among its
    first lines; and its kind: "news", "byline" (where the reporter is, which says where no one
    spoke) or "heading" (a statement's, which says where its issuer spoke, no one else)."""
    text = doc_text(doc)
    head = text[:400]
    for t in toponyms:
        if t.span.start_char > len(head) or t.chosen is None:
            break
        line_start = text.rfind("\n", 0, t.span.start_char) + 1
        line = text[line_start : text.find("\n", t.span.start_char) % (len(text) + 1)]
        before = text[line_start : t.span.start_char].strip()
        after = text[t.span.end_char : t.span.end_char + 40]
        if (
            before == ""
            and re.match(r"\s*[,(\u2013\u2014/-]", after)
            and re.search(r"\b(19|20)\d\d\b|\b\d{1,2}\b", line)
        ):
            return t, "news"
        if before.endswith(",") and len(line) < 160 and _DATED.match(after):
            return t, "heading"
        if re.match(r"By\s", before) and before.endswith(",") and not after.split("\n")[0].strip():
            return t, "byline"
    return None, ""


def _hangs_on(span: Span, i: int) -> bool:
    """Is the name set beside the word at *i* (its apposition, or a conjunct the parse makes of
    one)?"""
    return span.root.head.i == i and span.root.dep_ in (deps.APPOSITION, deps.CONJUNCT)


def _area_after(span: Span, gaz: gz.Gazetteer) -> bool:
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


def _named_as_place(span: Span) -> bool:
    """Is the name followed by a word that makes it a place: "Zamzam displacement camp", "Kech district"?"""
    doc = span.doc
    nxt = [fold(t.text) for t in doc[span.end : span.end + 2]]
    return bool(nxt) and (
        nxt[0] in cue("places.admin_words") or (nxt[0] in cue("places.camp_words") and nxt[1:] == ["camp"])
    )


def _is_actor_name(text: str) -> bool:
    """Are the words, as a whole, a name the actor lists know ("Rapid Support Forces", "Hamas";
    not "the Homs Military Academy", which merely contains a word of one)?"""
    from ..lexicons.actors import _words, clean_mention

    idx = actor_index()
    named = idx.named(text)
    return named is not None and named.kind != "country" and tuple(_words(clean_mention(text))) in idx.aliases
