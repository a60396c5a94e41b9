"""Place names in a document: which words name a place (the gazetteer's call, not only the
NER's; :mod:`place_slots` reads the words around a name, :mod:`not_places` the names that are no
place) and their candidates, the one for each chosen in :mod:`place_choice`; and the dateline the
report was filed from."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span

from ..lexicons import gazetteer as gz
from ..lexicons.actors import actor_index
from ..lexicons.data import cue, fold, read_toml, word_lists
from ..nlp.syntax import coarse_tags, doc_text
from ..nlp.syntax import ents as _ents
from .not_places import country_before, names_no_place
from .place_slots import area_after, in_place_slot, is_actor_name, named_as_place

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
            out += [
                part for piece in _split_comma(ent) for half in _split_in(piece) for part in _split_and(half)
            ]
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


def _split_in(span: Span) -> list[Span]:
    """ "Canchipur in Imphal West district" taken as one entity is a place and the area it lies in,
    when what follows "in" is a place's name."""
    cuts = [
        t.i
        for t in span
        if t.lower_ == "in"
        and t.i not in (span.start, span.end - 1)
        and gz.gazetteer().is_place_name(span.doc[t.i + 1 : span.end].text)
    ]
    return _cut_at(span, cuts[:1]) if cuts else [span]


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
        and not is_actor_name(span.text)
        and fold(span[-1].text) not in word_lists("gazetteer.toml")["namesake_nouns"]
    ):
        head = span[:1] if span[0].lower_ not in cue("places.leading_words") else span[:2]
        out.append((head, head.text))  # "the Homs Military Academy": in Homs
    return out


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
            in_place_slot(whole) or named_as_place(whole) or area_after(whole, gaz)
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
        t.country_hint = country_before(t.span)
    for i, t in enumerate(toponyms):  # "Al-Khalis in Diyala Province", "Tripoli, Lebanon"
        for u in toponyms[i + 1 : i + 3]:
            gap = doc[t.span.end : u.span.start]
            if len(gap) <= 2 and all(fold(w.text) in ("in", ",", "of", "province", "state") for w in gap):
                t.within.append(u)
                u.locates.append(t)
    return toponyms


# -- the dateline ------------------------------------------------------------------------------


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
