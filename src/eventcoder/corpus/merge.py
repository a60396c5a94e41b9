"""One event, many reports: document-level events clustered into merged events.

Nothing compares all pairs. Candidates are blocked by event family (the ontology's, joined
across families by :data:`likeness.KIN`: a disarming told as COERCE and as ASSAULT) and country, then
swept in date order: two reports are compared only when their date spans, widened by what their
precision allows, overlap (a month-precision report can match a day-precision one inside that
month), and when their places are within the distance their precisions allow. A loose report
(undated: a report with no publication date; or dated to a year) meets every report of its block
within its span. A pair is scored on actor and target compatibility (names sharing a word or its
derived form: "Russia" / "Russian forces"), the similarity of their evidence (sentence embeddings
from the optional ``embed`` extra, else word overlap), their modes (two that name the deed itself,
an arrest and a state of emergency, are two deeds), two speakers of a statement, a kin pair whose
named parties share nothing (a deed and the answer to it: gunmen kill a policeman, police encircle
the gunmen), dates (by the precision of the vaguer: one day, the next day, a day inside a week or a
month, a day outside the other's span), places (one spot, a village inside the province the other
names; a village and its country named alone are compared, not rewarded) and their casualty figures
(one toll of several, to the unit, counts most), each weighed as ``data/en/merge.toml``
says; pairs above the threshold are joined, never two events of one document nor two
reports dated to days more than one apart. A report's second telling of its event, left a record
of its own by the document stage, then joins the merged event of its first telling when it shares
its slots (``likeness.TWIN_CHECKS``) and reads like it and like another report of it.

A merged event keeps every report as a source with its own figures and claimant. Its fatalities
and injuries: low is the smallest figure, high the largest, best the most conservative figure
two independent sources support, else the lowest; ``disputed`` and ``spread`` say when sources
disagree. Its date and place are the most precise ones consistent with all sources.
"""

from __future__ import annotations

import hashlib
import logging
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from ..lexicons.actors import actor_index
from ..lexicons.data import fold
from ..lexicons.ontology import ontology
from ..model import Event
from .likeness import (
    WORD,
    count_score,
    date_score,
    extension_score,
    family,
    kin_apart_score,
    km,
    mode_score,
    other_doers_score,
    parties_score,
    speaker_score,
    stop_words,
    twin_check_failed,
    type_score,
    weights,
)
from .merged_record import PLACE_ORDER, merged_record

log = logging.getLogger(__name__)

PRECISION_DAYS = {"day": 1, "week": 7, "month": 31, "range": 31, "year": 366}
PLACE_KM = {"site": 15.0, "town": 30.0, "admin2": 80.0, "admin1": 300.0, "country": math.inf}


@dataclass(frozen=True)
class MergeOptions:
    """How eagerly reports are joined."""

    threshold: float = 1.0
    max_days: int = 62
    """Reports dated less precisely than this many days are never merged."""
    use_embeddings: bool = False


@dataclass
class _Item:
    event: Event
    doc_id: str
    family: str
    country: str | None
    start: date
    end: date
    point: tuple[float, float] | None
    radius: float
    admin1: str | None
    words: frozenset[str]
    countries: frozenset[str] = frozenset()
    """The countries outlets may place it in (:func:`_countries`): its place's, and more."""
    vector: list[float] | None = None
    loose: bool = False
    """Undated, or dated too vaguely to sweep ("in 2022"): compared with every report of its
    block whose span meets its own, and joined only on stronger evidence."""


@dataclass
class Cluster:
    """A merged event: its members (document-level events) and the record made from them."""

    id: str
    members: list[Event] = field(default_factory=list)
    record: Event | None = None


# -- blocking and scoring -------------------------------------------------------------------


def _span(ev: Event, options: MergeOptions) -> tuple[date, date, bool]:
    """The days a report may tell, widened by a day each side, and whether it is loose: undated
    (a report with no publication date says "on Thursday") or dated too vaguely ("in 2019")."""
    if ev.date is None or not ev.date.resolved:
        return date.min, date.max, True  # no date, or one nothing anchors ("on Friday", no publication date)
    start, end = date.fromisoformat(ev.date.start), date.fromisoformat(ev.date.end)
    slack = timedelta(days=1)
    return max(date.min, start - slack), min(date.max, end + slack), (end - start).days > options.max_days


def _item(ev: Event, options: MergeOptions) -> _Item:
    start, end, loose = _span(ev, options)
    loc = ev.location
    point = (loc.lat, loc.lon) if loc is not None and loc.lat is not None and loc.lon is not None else None
    radius = PLACE_KM.get(loc.precision, math.inf) if loc is not None else math.inf
    country = (loc.country if loc is not None else None) or None
    # every telling is the event's evidence ("the raid", "the toll rose to 12"): the words of all
    text = " ".join(t for s in ev.sources for t in (s.sentence, *(x["sentence"] for x in s.tellings or ())))
    stop = stop_words()
    words = frozenset(w for w in WORD.findall(text.lower()) if w not in stop and len(w) > 2)
    admin1 = fold(loc.admin1) if loc is not None and loc.admin1 else None
    countries = _countries(ev, text) if country else frozenset()
    return _Item(
        ev,
        ev.sources[0].doc_id,
        family(ev.type),
        country,
        start,
        end,
        point,
        radius,
        admin1,
        words,
        countries,
        loose=loose,
    )


def _countries(ev: Event, text: str) -> frozenset[str]:
    """The countries outlets may place an event in, besides its own place's. An act between
    parties of two states is placed on either side ("Mali expels the French ambassador": in
    Bamako, or in Paris): when its place is in one party's country, the other parties' countries
    too. A place its evidence does not name (the report's main place: a report filed in Tampa
    about a ship struck off Yemen) says where the report was written as often as where the event
    was, and a statement (a type of the ontology's ``spoken`` role: a threat, sanctions, a
    condemnation) is placed where it was said by one outlet and where what it speaks of is by
    another: for both, the countries its evidence names ("Yemen", "Thai") too."""
    loc = ev.location
    assert loc is not None and loc.country
    out = {loc.country}
    sides = {p.country for p in (ev.actor, ev.target) if p is not None and p.country}
    if loc.country in sides:
        out |= sides
    if loc.text is None or ev.type in ontology().types_with("spoken"):
        out |= _named_countries(text)
    return frozenset(out)


def _named_countries(text: str) -> set[str]:
    """The countries named in *text*, by their names or demonyms ("Yemen", "Thai", "Iranian")."""
    firsts = _country_keys()
    words = WORD.findall(fold(text).lower())
    found = set()
    for i, w in enumerate(words):
        for key, iso in firsts.get(w, ()):
            if tuple(words[i : i + len(key)]) == key:
                found.add(iso)
                break
    return found


@lru_cache(maxsize=1)
def _country_keys() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """The names and demonyms of countries by their first word, the longest first."""
    idx = actor_index()
    out: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for table in (idx.country_words, idx.demonyms):
        for key, iso in table.items():
            if key:
                out[key[0]].append((key, iso))
    for keys in out.values():
        keys.sort(key=lambda k: -len(k[0]))
    return dict(out)


def _near(a: _Item, b: _Item) -> bool:
    if a.country and b.country and a.country != b.country:
        return _either_side(a, b)
    if a.point is None or b.point is None or _spoken_in_one_country(a, b):
        return True
    if (
        (a.radius >= PLACE_KM["admin1"] or b.radius >= PLACE_KM["admin1"])
        and a.admin1
        and a.admin1 == b.admin1
    ):
        return True  # "in Sagaing Region" and "in Sagaing": the same province
    return km(a.point, b.point) <= max(a.radius, b.radius, 15.0)


def _spoken_in_one_country(a: _Item, b: _Item) -> bool:
    """Two statements (a type of the ontology's ``spoken`` role: an accusation, a threat) placed in
    one country: one outlet places a statement where it was said ("in Pristina, the prime minister
    blamed..."), another where what it speaks of happened (the village attacked), however far
    apart."""
    spoken = ontology().types_with("spoken")
    return a.country == b.country and a.event.type in spoken and b.event.type in spoken


def _either_side(a: _Item, b: _Item) -> bool:
    """Reports placed in two countries may tell one event when one of them places it where
    outlets may (:func:`_countries`): the country of the other's place among its own."""
    return a.country in b.countries or b.country in a.countries


def similarity(a: _Item, b: _Item) -> float:
    """How alike two reports' evidence reads, 0 to 1: cosine of sentence embeddings rescaled so
    that a cosine of 0.3 (sentences on other matters) scores 0, else word overlap."""
    if a.vector is not None and b.vector is not None:
        cosine = sum(x * y for x, y in zip(a.vector, b.vector, strict=False))
        return max(0.0, (cosine - 0.3) / 0.7)
    if not a.words or not b.words:
        return 0.0
    return len(a.words & b.words) / math.sqrt(len(a.words) * len(b.words))


def score(a: _Item, b: _Item) -> float:
    """How sure are we that two reports tell one event? Above the threshold: merged. The weights
    are those of ``data/en/merge.toml``."""
    w = weights()["weights"]
    ea, eb = a.event, b.event
    s = w["similarity"] * similarity(a, b)
    parties = parties_score(ea, eb)
    s += parties + count_score(ea.fatalities, eb.fatalities) + type_score(ea.type, eb.type)
    s += kin_apart_score(ea, eb, parties)  # a deed and the answer to it
    s += speaker_score(ea, eb)  # two speakers: two statements
    s += mode_score(ea, eb)  # "an air strike" / "a car bomb"; an arrest / a curfew
    s += extension_score(ea, eb)  # a curfew / the curfew "for five more days"
    s += other_doers_score(ea, eb)  # "Other demonstrators were massing outside"
    return s + date_score(ea.date, eb.date) + _place_score(a, b)


def _place_score(a: _Item, b: _Item) -> float:
    """One spot (within ``same_spot_km``): ``same_spot``. A place and a coarser one that holds it:
    a village and its province ``in_province``, a village and its country named alone
    ("in northern Burkina Faso") ``in_country``."""
    w = weights()["places"]
    if a.point and b.point and km(a.point, b.point) <= w["same_spot_km"]:
        return w["same_spot"]
    pa, pb = a.event.location, b.event.location
    if pa is None or pb is None or pa.precision == pb.precision:
        return 0.0
    fine, coarse = sorted(
        (pa, pb), key=lambda p: PLACE_ORDER.index(p.precision) if p.precision in PLACE_ORDER else 9
    )
    if fine.precision not in ("site", "town", "admin2"):
        return 0.0
    if (
        coarse.precision == "admin1"
        and fine.admin1
        and coarse.admin1
        and fold(fine.admin1) == fold(coarse.admin1)
    ):
        return w["in_province"]
    if coarse.precision == "country" and fine.country and fine.country == coarse.country:
        return w["in_country"]
    return 0.0


def candidate_pairs(items: list[_Item]) -> Iterable[tuple[int, int]]:
    """Pairs whose family, country, dates and places allow one event: blocked by (family,
    country), then swept in date order, so no more than the reports of a few days meet. A report
    is in the block of each country outlets may place it in (:func:`_countries`). A loose report
    (undated, or dated to a year) meets every report of its block within its span."""
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        for country in it.countries or {it.country}:
            blocks[(it.family, country)].append(i)
    seen: set[tuple[int, int]] = set()
    for (fam, country), idx in blocks.items():
        extra = blocks.get((fam, None), []) if country is not None else []
        pool = sorted(set(idx) | set(extra), key=lambda i: items[i].start)
        for pair in _block_pairs(items, pool, country):
            if pair not in seen:
                seen.add(pair)
                yield pair


def _block_pairs(items: list[_Item], pool: list[int], country: str | None) -> Iterable[tuple[int, int]]:
    for j, i in _sweep(items, [i for i in pool if not items[i].loose]):
        if _pairable(items, j, i, country):
            yield (j, i) if j < i else (i, j)
    loose = [i for i in pool if items[i].loose]
    for i in loose:
        for j in pool:
            if (items[j].loose and j >= i) or items[j].end < items[i].start or items[j].start > items[i].end:
                continue  # a loose pair once; spans that do not meet
            if _pairable(items, j, i, country):
                yield (j, i) if j < i else (i, j)


def _sweep(items: list[_Item], pool: list[int]) -> Iterable[tuple[int, int]]:
    """Pairs of *pool* (sorted by start) whose spans meet."""
    active: list[int] = []
    for i in pool:
        active = [j for j in active if items[j].end >= items[i].start]
        for j in active:
            yield j, i
        active.append(i)


def _pairable(items: list[_Item], j: int, i: int, country: str | None) -> bool:
    if country is None and items[j].country is not None:
        return False  # compared from the other block
    return items[j].doc_id != items[i].doc_id and _near(items[j], items[i])


# -- clustering ------------------------------------------------------------------------------


class _Union:
    """Union-find over reports; two groups join only if no two of their reports conflict (one
    document each; no two reports dated to different days)."""

    def __init__(self, n: int, docs: list[str], days: list[str | None]):
        self.parent = list(range(n))
        self.docs = [{d} for d in docs]
        self.days = [{d} if d else set() for d in days]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> bool:
        a, b = self.find(i), self.find(j)
        if a == b or self.docs[a] & self.docs[b]:
            return False  # two events of one document stay two
        if self.days[a] and self.days[b] and not _days_agree(self.days[a] | self.days[b]):
            return False  # a report of Monday and one of Wednesday: two events, however alike
        self.parent[b] = a
        self.docs[a] |= self.docs[b]
        self.days[a] |= self.days[b]
        return True

    def attach(self, i: int, root: int) -> bool:
        """Puts the lone report *i* in the group of *root*, of its document or not, unless their
        days disagree."""
        if self.days[i] and self.days[root] and not _days_agree(self.days[i] | self.days[root]):
            return False
        self.parent[i] = root
        self.docs[root] |= self.docs[i]
        self.days[root] |= self.days[i]
        return True


def _days_agree(days: set[str]) -> bool:
    ds = sorted(date.fromisoformat(d) for d in days)
    return (ds[-1] - ds[0]).days <= 1


def cluster(
    events: list[Event], options: MergeOptions | None = None, known: dict[str, str] | None = None
) -> list[Cluster]:
    """Merged events from document-level *events*. *known* maps member event ids to the merged
    ids they had before, so that ids stay stable from run to run."""
    options = options or MergeOptions()
    items = [_item(e, options) for e in events]
    if options.use_embeddings:
        _embed(items)
    scored = []
    for a, b in candidate_pairs(items):
        s = score(items[a], items[b])
        if s >= options.threshold:
            scored.append((s, a, b))
    days = [e.date.start if e.date is not None and e.date.precision == "day" else None for e in events]
    uf = _Union(len(events), [e.sources[0].doc_id for e in events], days)
    for _s, a, b in sorted(scored, reverse=True):
        uf.union(a, b)
    _second_tellings(uf, items, sorted(scored, reverse=True), options.threshold)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(events)):
        groups[uf.find(i)].append(i)
    known = known or {}
    out, taken = [], set()
    for members in sorted(groups.values(), key=lambda m: _listing_key([events[i] for i in m])):
        evs = [events[i] for i in members]
        before = Counter(known[e.id] for e in evs if e.id in known)
        mid = next((m for m, _n in before.most_common() if m not in taken), None)
        mid = mid or "m-" + hashlib.sha1(min(e.id for e in evs).encode()).hexdigest()[:16]
        taken.add(mid)
        out.append(Cluster(mid, evs, merged_record(mid, evs)))
    return out


def _second_tellings(uf: _Union, items: list[_Item], scored: list, threshold: float) -> None:
    """A second telling of a report's event, which the document stage left a record of its own
    (the headline's "Mali expels French envoy" and the body's decree), and that stayed alone because
    its first telling took the report's place in the merged event: it joins that merged event when
    it scores above the threshold with another report of it, and with its first telling, the one
    record of its report there, whose slots it shares (:data:`likeness.TWIN_CHECKS`)."""
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        groups[uf.find(i)].append(i)
    for _s, a, b in scored:
        for lone, other in ((a, b), (b, a)):
            root = uf.find(other)
            if len(groups[uf.find(lone)]) != 1 or root == uf.find(lone):
                continue
            own = [j for j in groups[root] if items[j].doc_id == items[lone].doc_id]
            if len(own) != 1 or twin_check_failed(items[own[0]].event, items[lone].event):
                continue
            if score(items[own[0]], items[lone]) >= threshold and uf.attach(lone, root):
                groups[root].append(groups.pop(lone)[0])


def _listing_key(members: list[Event]) -> tuple[bool, int, str]:
    """Deeds are listed before the reactions they drew ("deed first"): a merged event whose every
    member reacts to a deed of its report (``reacts_to``: "the ministry condemned the shelling")
    comes after every deed, so that a reader, or a scorer, looking for the record that tells a
    sentence shared by a reaction and its deed finds the deed's first. Then the better attested
    first ("corroborated first"): of two readings of one sentence ("its fighters overran the
    base" as an ASSAULT and as a COERCE), the one more reports tell; then by least member id."""
    reports = len({e.sources[0].doc_id for e in members if e.sources})
    return all(e.extra.get("reacts_to") for e in members), -reports, min(e.id for e in members)


def _embed(items: list[_Item]) -> None:
    """Sentence embeddings of the evidence (the ``embed`` extra); word overlap without it."""
    from . import embeddings

    if not embeddings.available():
        log.warning("no sentence-embedding model installed ('embed' extra): merging on word overlap")
        return
    vectors = embeddings.encode([" ".join(s.sentence for s in it.event.sources) for it in items])
    for it, v in zip(items, vectors, strict=True):
        it.vector = v
