"""One event, many reports: document-level events clustered into merged events.

Nothing compares all pairs. Candidates are blocked by event family (the ontology's, joined
across families by :data:`KIN`: a disarming told as COERCE and as ASSAULT) and country, then
swept in date order: two reports are compared only when their date spans, widened by what their
precision allows, overlap (a month-precision report can match a day-precision one inside that
month), and when their places are within the distance their precisions allow. A loose report
(undated: a report with no publication date; or dated to a year) meets every report of its block
within its span. A pair is scored on actor and target compatibility (names sharing a word or its
derived form: "Russia" / "Russian forces"), the similarity of their evidence (sentence embeddings
from the optional ``embed`` extra, else word overlap), their modes, dates (by the precision of
the vaguer: one day, the next day, a day inside a week or a month, a day outside the other's span),
places (one spot, a village inside the province the other names; a village and its country named
alone are compared, not rewarded) and their casualty figures, each weighed as ``data/en/merge.toml``
says; pairs above the threshold are joined, never two events of one document nor two
reports dated to days more than one apart.

A merged event keeps every report as a source with its own figures and claimant. Its fatalities
and injuries: low is the smallest figure, high the largest, best the most conservative figure
two independent sources support, else the lowest; ``disputed`` and ``spread`` say when sources
disagree. Its date and place are the most precise ones consistent with all sources.
"""

from __future__ import annotations

import hashlib
import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from ..lexicons.actors import actor_index
from ..lexicons.data import fold, read_toml
from ..lexicons.ontology import ontology
from ..model import Count, DateSpan, Event, Party, Place

log = logging.getLogger(__name__)

PRECISION_DAYS = {"day": 1, "week": 7, "month": 31, "range": 31, "year": 366}
PLACE_KM = {"site": 15.0, "town": 30.0, "admin2": 80.0, "admin1": 300.0, "country": math.inf}
PLACE_ORDER = ["site", "town", "admin2", "admin1", "country"]
DATE_ORDER = ["day", "week", "month", "range", "year"]
WORD = re.compile(r"[a-z0-9]+")


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


@dataclass(frozen=True)
class Kin:
    """Two types of two families that reports of one event may still disagree on: one report
    codes the act as the one, another as the other. Its examples are two such tellings."""

    name: str
    types: tuple[str, str]
    examples: tuple[str, str]


KIN: tuple[Kin, ...] = (
    Kin(
        "disarming",
        ("ASSAULT", "COERCE"),
        (
            "Soldiers attacked the militiamen at the checkpoint.",
            "Soldiers disarmed the militiamen at the checkpoint.",
        ),
    ),
    Kin(
        "surrender",
        ("COERCE", "RETREAT"),
        ("The army forced the rebels to lay down their arms.", "The rebels surrendered to the army."),
    ),
    Kin(
        "yielding in a deal",
        ("AGREE", "CONCEDE"),
        (
            "The two sides agreed to a deal ending the mutiny.",
            "The government dropped the charges against the mutineers.",
        ),
    ),
)


def family(event_type: str) -> str:
    """Types that reports of one event may disagree on are one family ("talks" / "a deal"): the
    ontology's ``family`` of each type, joined across families by :data:`KIN` (the family of a
    kin's first type names the joined one)."""
    return _families().get(ontology().family_of(event_type), ontology().family_of(event_type))


@lru_cache(maxsize=1)
def _families() -> dict[str, str]:
    """Each family that a :data:`KIN` joins to others, mapped to the name of the joined family."""
    onto = ontology()
    parent: dict[str, str] = {}

    def root(f: str) -> str:
        while parent.get(f, f) != f:
            f = parent[f]
        return f

    for kin in KIN:
        a, b = (root(onto.family_of(t)) for t in kin.types)
        if a != b:
            parent[b] = a
    return {f: root(f) for f in parent}


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
    stop = _stop_words()
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


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    p = math.pi / 180
    h = (
        math.sin((b[0] - a[0]) * p / 2) ** 2
        + math.cos(a[0] * p) * math.cos(b[0] * p) * math.sin((b[1] - a[1]) * p / 2) ** 2
    )
    return 12742 * math.asin(math.sqrt(min(1.0, h)))


def _near(a: _Item, b: _Item) -> bool:
    if a.country and b.country and a.country != b.country:
        return _either_side(a, b)
    if a.point is None or b.point is None:
        return True
    if (
        (a.radius >= PLACE_KM["admin1"] or b.radius >= PLACE_KM["admin1"])
        and a.admin1
        and a.admin1 == b.admin1
    ):
        return True  # "in Sagaing Region" and "in Sagaing": the same province
    return km(a.point, b.point) <= max(a.radius, b.radius, 15.0)


def _either_side(a: _Item, b: _Item) -> bool:
    """Reports placed in two countries may tell one event when one of them places it where
    outlets may (:func:`_countries`): the country of the other's place among its own."""
    return a.country in b.countries or b.country in a.countries


def _party_score(a: Party | None, b: Party | None) -> float:
    """How well two reports' parties agree, by the ``parties`` weights of ``data/en/merge.toml``:
    one name; a shared word ("Russian forces" / "Russia"); other countries; one sector ("jihadists"
    / "JNIM": both rebels); two sectors of one side (``sides``: "the junta" / "the army", both the
    state); sides apart."""
    if a is None or b is None:
        return 0.0
    w = _weights()["parties"]
    if a.name == b.name:
        return w["same_name"]
    if _share_word(_tokens(a), _tokens(b)):
        return w["shared_word"]  # "Russian forces" / "Russia"; "Yemen's Houthi rebels" / "Houthis"
    if a.country and b.country and a.country != b.country:
        return w["other_country"]
    if not (a.sector and b.sector):
        return 0.0
    if a.sector == b.sector:
        return w["same_sector"]
    side = _sides()
    return w["same_side"] if side.get(a.sector, a.sector) == side.get(b.sector, b.sector) else w["other_side"]


@lru_cache(maxsize=1)
def _sides() -> dict[str, str]:
    """Each sector of ``data/en/merge.toml``'s ``sides``, mapped to its side."""
    return {sector: side for side, sectors in read_toml("merge.toml")["sides"].items() for sector in sectors}


def _share_word(ta: set[str], tb: set[str]) -> bool:
    """Whether two names share a word, or a word and its derived form: "Russia" / "Russian",
    "Houthi" / "Houthis", "police" / "policemen" (a stem of four letters or more, at most three
    letters added)."""
    if ta & tb:
        return True
    return any(_kin_words(x, y) or _kin_words(y, x) for x in ta for y in tb)


def _kin_words(stem: str, word: str) -> bool:
    return len(stem) >= 4 and word.startswith(stem) and len(word) - len(stem) <= 3


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    """Words that say nothing of who a party is or what was done (``data/en/merge.toml``)."""
    return frozenset(read_toml("merge.toml")["stop_words"])


@lru_cache(maxsize=1)
def _weights() -> dict[str, dict[str, float]]:
    """The weights of ``data/en/merge.toml``: ``weights``, ``dates`` and ``places``, by name."""
    raw = read_toml("merge.toml")
    return {
        table: {k: float(v) for k, v in raw[table].items()}
        for table in ("weights", "dates", "places", "parties")
    }


def _tokens(p: Party) -> set[str]:
    stop = _stop_words()
    return {w for w in WORD.findall(f"{p.name} {p.text or ''}".lower()) if w not in stop}


def _count_score(a: Count | None, b: Count | None) -> float:
    if a is None or b is None or a.best is None or b.best is None:
        return 0.0
    lo, hi = sorted((a.best, b.best))
    if hi == 0:
        return 0.3
    return 0.4 if lo / hi >= 0.5 else (0.0 if lo / hi >= 0.1 else -0.3)


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
    w = _weights()["weights"]
    ea, eb = a.event, b.event
    s = w["similarity"] * similarity(a, b)
    s += _parties_score(ea, eb) + _count_score(ea.fatalities, eb.fatalities) + _type_score(ea.type, eb.type)
    if ea.mode and eb.mode:
        s += w["same_mode"] if ea.mode == eb.mode else w["other_mode"]  # "an air strike" / "a car bomb"
    return s + _date_score(ea.date, eb.date) + _place_score(a, b)


def _parties_score(a: Event, b: Event) -> float:
    """The actors' and the targets' party scores, weighed. For a type done by two sides to each
    other (the ontology's ``mutual``: talks, deals), which side a report names first is its
    writer's choice ("Wagner agreed with the Kremlin" / "the Kremlin struck a deal with Wagner"):
    the sides are also compared crossed, and the better reading counts."""
    w = _weights()["weights"]

    def weighed(actor: Party | None, target: Party | None) -> float:
        return w["actor"] * _party_score(a.actor, actor) + w["target"] * _party_score(a.target, target)

    direct = weighed(b.actor, b.target)
    mutual = ontology().types_with("mutual")
    if a.type in mutual or b.type in mutual:
        return max(direct, weighed(b.target, b.actor))
    return direct


def _type_score(ta: str, tb: str) -> float:
    """One type: ``same_type``; a pair of :data:`KIN`, one act told two ways ("disarmed" /
    "surrendered"): ``kin_type``. Two other types of one family (a meeting and a deal) are only
    tolerated: blocking already asks one family."""
    w = _weights()["weights"]
    if ta == tb:
        return w["same_type"]
    return w["kin_type"] if frozenset((ta, tb)) in _kin_pairs() else 0.0


@lru_cache(maxsize=1)
def _kin_pairs() -> frozenset[frozenset[str]]:
    return frozenset(frozenset(k.types) for k in KIN)


def _date_score(da: DateSpan | None, db: DateSpan | None) -> float:
    """Two dates of a day (or of a night across two: "the night of 11 to 12 June"): the same
    ``same_day``, the next ``next_day``, days apart ``days_apart``. A day and a longer span ("on
    Friday" / "last week", "in May"): inside it, by the span's length, ``in_week`` or ``in_month``;
    outside it by more than a day, ``outside``. Two longer spans, or a date nothing anchors ("on
    Friday" in a report with no publication date), say nothing, but for that weekday
    (:func:`_weekday_score`)."""
    if da is None or db is None:
        return 0.0
    if not da.resolved or not db.resolved:
        return _weekday_score(da, db)
    w = _weights()["dates"]
    short, wide = sorted((da, db), key=_days)
    s0, s1, w0, w1 = (date.fromisoformat(x) for x in (short.start, short.end, wide.start, wide.end))
    gap = max((w0 - s1).days, (s0 - w1).days, 0)  # days between the spans: 0 when they meet
    if _days(short) > w["night_days"]:
        return 0.0  # two spans: the sweep has already asked that they meet
    if _days(wide) <= w["night_days"]:
        return w["same_day"] if gap == 0 else (w["next_day"] if gap == 1 else w["days_apart"])
    if gap > 1:
        return w["outside"]
    if gap == 1 or not (w0 <= s0 and s1 <= w1):
        return 0.0
    n = _days(wide)
    return w["in_week"] if n <= w["week_days"] else (w["in_month"] if n <= w["month_days"] else 0.0)


def _weekday_score(da: DateSpan, db: DateSpan) -> float:
    """A weekday nothing anchors ("killed on Thursday" in a report with no publication date)
    against a day another report dates: the same weekday ``weekday``, another ``days_apart``."""
    loose, dated = (da, db) if db.resolved else (db, da)
    if loose.resolved or not dated.resolved or dated.start != dated.end:
        return 0.0
    days = _weekdays()
    said = set(WORD.findall((loose.text or "").lower()))
    named = {i for i, w in enumerate(days) if w in said}
    if len(named) != 1:
        return 0.0
    w = _weights()["dates"]
    return w["weekday"] if named == {date.fromisoformat(dated.start).weekday()} else w["days_apart"]


@lru_cache(maxsize=1)
def _weekdays() -> list[str]:
    """The days of the week, Monday first (``data/en/dates.toml``, ``calendar``)."""
    return list(read_toml("dates.toml")["calendar"]["weekdays"])


def _days(span: DateSpan) -> int:
    return (date.fromisoformat(span.end) - date.fromisoformat(span.start)).days + 1


def _place_score(a: _Item, b: _Item) -> float:
    """One spot (within ``same_spot_km``): ``same_spot``. A place and a coarser one that holds it:
    a village and its province ``in_province``, a village and its country named alone
    ("in northern Burkina Faso") ``in_country``."""
    w = _weights()["places"]
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
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(events)):
        groups[uf.find(i)].append(i)
    known = known or {}
    out, taken = [], set()
    for members in sorted(groups.values(), key=lambda m: min(events[i].id for i in m)):
        evs = [events[i] for i in members]
        before = Counter(known[e.id] for e in evs if e.id in known)
        mid = next((m for m, _n in before.most_common() if m not in taken), None)
        mid = mid or "m-" + hashlib.sha1(min(e.id for e in evs).encode()).hexdigest()[:16]
        taken.add(mid)
        out.append(Cluster(mid, evs, merged_record(mid, evs)))
    return out


def _embed(items: list[_Item]) -> None:
    """Sentence embeddings of the evidence (the ``embed`` extra); word overlap without it."""
    from . import embeddings

    if not embeddings.available():
        log.warning("no sentence-embedding model installed ('embed' extra): merging on word overlap")
        return
    vectors = embeddings.encode([" ".join(s.sentence for s in it.event.sources) for it in items])
    for it, v in zip(items, vectors, strict=True):
        it.vector = v


# -- the merged record -----------------------------------------------------------------------


def merged_record(mid: str, members: list[Event]) -> Event:
    """One record for a cluster: every source, the span of the figures, the most precise
    date and place consistent with all."""
    first = min(members, key=lambda e: (e.sources[0].published or "", e.id))
    sources = [s for e in sorted(members, key=lambda e: e.id) for s in e.sources]
    types = Counter(e.type for e in members)
    ev = Event(
        id=mid,
        type=types.most_common(1)[0][0],
        mode=Counter(e.mode for e in members if e.mode).most_common(1)[0][0]
        if any(e.mode for e in members)
        else None,
        actor=_party(e.actor for e in members),
        target=_party(e.target for e in members),
        sources=sources,
        confidence=round(min(1.0, max(e.confidence for e in members) + 0.05 * (len(members) - 1)), 3),
        date=_date(members) or first.date,
        location=_place(members),
        fatalities=_figures([e.fatalities for e in members], [e.sources[0].attributed_to for e in members]),
        injuries=_figures([e.injuries for e in members], [e.sources[0].attributed_to for e in members]),
    )
    ev.extra["members"] = sorted(e.id for e in members)
    ev.extra["n_sources"] = len({s.doc_id for s in sources})
    return ev


def _party(parties: Iterable[Party | None]) -> Party | None:
    named = [p for p in parties if p is not None]
    if not named:
        return None
    counts = Counter(p.name for p in named)
    best = max(named, key=lambda p: (counts[p.name], p.country is not None, len(p.name)))
    return best


def _date(members: list[Event]) -> DateSpan | None:
    """The most precise date that lies within every other report's span."""
    spans = [e.date for e in members if e.date is not None and e.date.resolved]
    if not spans:
        return next((e.date for e in members if e.date is not None), None)
    lo = max(d.start for d in spans)
    hi = min(d.end for d in spans)
    for d in sorted(spans, key=lambda d: DATE_ORDER.index(d.precision) if d.precision in DATE_ORDER else 9):
        if lo <= d.start and d.end <= hi or lo > hi:
            return d
    return spans[0]


def _place(members: list[Event]) -> Place | None:
    places = [e.location for e in members if e.location is not None]
    if not places:
        return None
    countries = Counter(p.country for p in places if p.country)
    main = countries.most_common(1)[0][0] if countries else None
    ok = [p for p in places if p.country in (main, None)]
    return min(
        ok or places, key=lambda p: PLACE_ORDER.index(p.precision) if p.precision in PLACE_ORDER else 9
    )


def _figures(counts: list[Count | None], claimants: list[str | None]) -> Count | None:
    """low: the smallest figure; high: the largest; best: the most conservative figure that two
    independent sources support (two claimants, or two reports with no claimant), else the lowest.
    ``disputed`` when the sources' best figures differ."""
    given = [
        (c, who) for c, who in zip(counts, claimants, strict=True) if c is not None and c.best is not None
    ]
    if not given:
        return None
    bests = [c.best for c, _ in given]
    lows = [c.low if c.low is not None else c.best for c, _ in given]
    highs = [c.high for c, _ in given]
    support: dict[int, set] = defaultdict(set)
    for i, (c, who) in enumerate(given):
        for other in {c.best}:
            support[other].add(who or f"#{i}")
    backed = sorted(v for v, who in support.items() if len(who) >= 2)
    best = backed[0] if backed else min(bests)
    high = max([h for h in highs if h is not None] + bests)
    text = " / ".join(sorted({c.text or str(c.best) for c, _ in given}))
    disputed = len(set(bests)) > 1
    return Count(
        low=min(lows), best=best, high=high, text=text, disputed=disputed, spread=max(bests) - min(bests)
    )
