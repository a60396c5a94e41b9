"""Choosing among a name's candidates: the document's focus (the countries and areas its places lie
in), each candidate's score (kind, population, the admin area or country named beside it), a big city
over places that only go by its name, and whether a place lies in an area."""

from __future__ import annotations

import math
from collections import Counter

from spacy.tokens import Doc

from ..lexicons import gazetteer as gz
from ..lexicons.actors import actor_index
from ..lexicons.data import fold, word_lists
from ..nlp.syntax import ents as _ents
from .not_places import a_party_not_a_place, is_destination, says_origin
from .toponyms import Toponym

# -- choosing among candidates ---------------------------------------------------------------


def _focus(doc: Doc, toponyms: list[Toponym]) -> Counter:
    """How often each country is named, by place names and demonyms."""
    counts: Counter = Counter()
    idx = actor_index()
    for ent in _ents(doc):
        if ent.label_ in ("NORP", "GPE") and not says_origin(ent) and not is_destination(ent):
            iso = idx.country_named(ent.text)
            if iso:
                counts[iso] += 0.5 if ent.label_ == "GPE" and a_party_not_a_place(ent) else 1
    for t in toponyms:  # a country, or a place only one country has by that very name
        if says_origin(t.span) or is_destination(t.span):
            continue  # "a carrier flagged in Liberia", "flown to Germany": no scene
        first = t.candidates[0]
        exact = _by_its_name(first, t)
        if first.kind == "country":
            counts[first.country] += 0.5 if a_party_not_a_place(t.span) else 1
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
    if not (t.within or t.country_hint) and _a_countrys_name(t):
        return [c for c in t.candidates if c.kind not in ("city", "town")]
    if t.within or t.country_hint or first.population < _CITY or not _by_its_name(first, t):
        return t.candidates
    return [c for c in t.candidates if _by_its_name(c, t) or c.population > first.population]


def _a_countrys_name(t: Toponym) -> bool:
    """Is the name a country's very name, and that country among its candidates? With no name
    beside it to say otherwise, "Colombia" is the country, not a town of Brazil called Colômbia."""
    iso = actor_index().country_named(t.name or t.text)
    return iso is not None and any(c.kind == "country" and c.country == iso for c in t.candidates)


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
