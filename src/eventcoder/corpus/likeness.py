"""How alike two reports' slots are, for :mod:`merge`: their types (one family, or kin across families:
:data:`KIN`, apart when their named parties share nothing), modes (those that name the deed itself:
an arrest, a curfew), parties (names sharing a word or its derived form: "Russia" / "Russian
forces"; sectors of one side; two speakers of a statement), dates (by the precision of the vaguer;
an unanchored weekday, or day of a month, against a day), casualty figures, and the distance between
two points; each weighed as ``data/en/merge.toml`` says. And whether two records of one report are
two tellings of one deed that the document stage left apart (:data:`TWIN_CHECKS`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from ..lexicons.actors import actor_index
from ..lexicons.data import fold, read_toml
from ..lexicons.ontology import ontology
from ..model import Count, DateSpan, Event, Party

WORD = re.compile(r"[a-z0-9]+")


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
        "storming",
        ("ASSAULT", "PROTEST"),
        (
            "Protesters stormed the parliament building and smashed its windows.",
            "Thousands of demonstrators broke into parliament in a riot.",
        ),
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


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    p = math.pi / 180
    h = (
        math.sin((b[0] - a[0]) * p / 2) ** 2
        + math.cos(a[0] * p) * math.cos(b[0] * p) * math.sin((b[1] - a[1]) * p / 2) ** 2
    )
    return 12742 * math.asin(math.sqrt(min(1.0, h)))


def party_score(a: Party | None, b: Party | None) -> float:
    """How well two reports' parties agree, by the ``parties`` weights of ``data/en/merge.toml``:
    one name; other countries, even when their names share a word ("the Government of Mali" / "the
    Government of France"); a shared word ("Russian forces" / "Russia"); one sector ("jihadists" /
    "JNIM": both rebels); two sectors of one side (``sides``: "the junta" / "the army", both the
    state); sides apart."""
    if a is None or b is None:
        return 0.0
    w = weights()["parties"]
    if a.name == b.name:
        return w["same_name"]
    if a.country and b.country and a.country != b.country:
        return w["other_country"]
    if _share_word(_tokens(a), _tokens(b)) or _one_country_named(a, b):
        return w["shared_word"]  # "Russian forces" / "Russia"; "Yemen's Houthi rebels" / "Houthis"
    if not (a.sector and b.sector):
        return 0.0
    if a.sector == b.sector:
        return w["same_sector"]
    side = _sides()
    return w["same_side"] if side.get(a.sector, a.sector) == side.get(b.sector, b.sector) else w["other_side"]


def _one_country_named(a: Party, b: Party) -> bool:
    """Whether both names name one country, by its name or its people's word, as the actor lists
    spell them: "Thailand" / "a Thai F-16 jet", "Pakistani troops" / "Pakistan's army"."""
    ca, cb = _country_in(f"{a.name} {a.text or ''}"), _country_in(f"{b.name} {b.text or ''}")
    return ca is not None and ca == cb


@lru_cache(maxsize=4096)
def _country_in(text: str) -> str | None:
    return actor_index().country_of(text)


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
def stop_words() -> frozenset[str]:
    """Words that say nothing of who a party is or what was done (``data/en/merge.toml``)."""
    return frozenset(read_toml("merge.toml")["stop_words"])


@lru_cache(maxsize=1)
def weights() -> dict[str, dict[str, float]]:
    """The weights of ``data/en/merge.toml``: ``weights``, ``dates``, ``places``, ``parties`` and
    ``tolls``, by name."""
    raw = read_toml("merge.toml")
    return {
        table: {k: float(v) for k, v in raw[table].items()}
        for table in ("weights", "dates", "places", "parties", "tolls")
    }


def mode_score(a: Event, b: Event) -> float:
    """Two modes: one ``same_mode``; two ``other_mode`` ("an air strike" / "a car bomb": outlets
    tell the means differently), or ``other_deed`` when the records are of one type and one of the
    modes names the deed itself (``data/en/merge.toml``'s ``[modes] deeds``): the arrest of the
    gunmen and the state of emergency declared that day are two deeds of one day and place, and
    so are a criminal case opened and a leader's accusation."""
    if not (a.mode and b.mode):
        return 0.0
    w = weights()["weights"]
    if a.mode == b.mode:
        return w["same_mode"]
    deeds = _deed_modes()
    return w["other_deed"] if a.type == b.type and (a.mode in deeds or b.mode in deeds) else w["other_mode"]


@lru_cache(maxsize=1)
def _deed_modes() -> frozenset[str]:
    """The modes that name the deed itself (``data/en/merge.toml``, ``[modes] deeds``)."""
    return frozenset(read_toml("merge.toml")["modes"]["deeds"])


def extension_score(a: Event, b: Event) -> float:
    """A measure and its extension ("mobile internet was suspended for five days" / "ordered it
    suspended for five more days"): two orders of one authority, measure and place, on two days.
    Two records of one type, a measure (a mode of ``[modes] deeds``: a curfew, a censorship, an
    arrest), one of whose evidence tells an extension and the other's none
    (:func:`tells_extension`): ``extension``. Fighting "extended into the night" is no order."""
    if a.type != b.type or not ({a.mode, b.mode} & _deed_modes()):
        return 0.0
    if tells_extension(a) == tells_extension(b):
        return 0.0
    return weights()["weights"]["extension"]


def other_doers_score(a: Event, b: Event) -> float:
    """A record whose actor its report tells as others ("Other demonstrators were massing outside
    the palace", ``data/en/merge.toml``'s ``[others]``): the report itself sets them apart from the
    doers of its main event, which the other record may tell: ``other_doers``, once."""
    if not (_told_as_others(a.actor) or _told_as_others(b.actor)):
        return 0.0
    return weights()["weights"]["other_doers"]


def _told_as_others(p: Party | None) -> bool:
    words = WORD.findall((p.text or "").lower()) if p is not None else []
    return bool(words) and words[0] in _other_words()


@lru_cache(maxsize=1)
def _other_words() -> frozenset[str]:
    """The words that tell a party as others (``data/en/merge.toml``, ``[others]``)."""
    return frozenset(read_toml("merge.toml")["others"]["words"])


def tells_extension(ev: Event) -> bool:
    """Whether a record's evidence tells a measure prolonged (``data/en/merge.toml``,
    ``[extension]``): a verb of extending ("the curfew was extended"), or a word of more before a
    unit of time, with a number between them or not ("five more days", "another 48 hours")."""
    verbs, more, units = _extension_words()
    for source in ev.sources:
        words = WORD.findall(source.sentence.lower())
        if verbs.intersection(words):
            return True
        for i, word in enumerate(words):
            if word in more and units.intersection(words[i + 1 : i + 3]):
                return True
    return False


@lru_cache(maxsize=1)
def _extension_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The verbs of extending, the words of more and the units of time (``[extension]``)."""
    table = read_toml("merge.toml")["extension"]
    return tuple(frozenset(table[k]) for k in ("words", "more", "units"))  # type: ignore[return-value]


def _tokens(p: Party) -> set[str]:
    stop = stop_words()
    return {w for w in WORD.findall(f"{p.name} {p.text or ''}".lower()) if w not in stop}


def count_score(a: Count | None, b: Count | None) -> float:
    """Two tolls, by the ``tolls`` weights of ``data/en/merge.toml``: one toll of several dead, to
    the unit ("at least 12 killed" / "12 people died": outlets that count one event alike, where
    the means, the place and the parties are told each its own way) ``same_toll``; none dead in
    both ``none_dead``; within half of each other ``within_half`` ("50" / "100": early and late
    counts), within a tenth ``within_tenth``, further apart ``far_apart``."""
    if a is None or b is None or a.best is None or b.best is None:
        return 0.0
    w = weights()["tolls"]
    lo, hi = sorted((a.best, b.best))
    if hi == 0:
        return w["none_dead"]
    if lo == hi and lo > 1:
        return w["same_toll"]
    return w["within_half"] if lo / hi >= 0.5 else (w["within_tenth"] if lo / hi >= 0.1 else w["far_apart"])


def parties_score(a: Event, b: Event) -> float:
    """The actors' and the targets' party scores, weighed. For a type done by two sides to each
    other (the ontology's ``mutual``: talks, deals), which side a report names first is its
    writer's choice ("Wagner agreed with the Kremlin" / "the Kremlin struck a deal with Wagner"):
    the sides are also compared crossed, and the better reading counts."""
    w = weights()["weights"]

    def weighed(actor: Party | None, target: Party | None) -> float:
        return w["actor"] * party_score(a.actor, actor) + w["target"] * party_score(a.target, target)

    direct = weighed(b.actor, b.target)
    mutual = ontology().types_with("mutual")
    if a.type in mutual or b.type in mutual:
        return max(direct, weighed(b.target, b.actor))
    return direct


def type_score(ta: str, tb: str) -> float:
    """One type: ``same_type``; a pair of :data:`KIN`, one act told two ways ("disarmed" /
    "surrendered"): ``kin_type``. Two other types of one family (a meeting and a deal) are only
    tolerated: blocking already asks one family."""
    w = weights()["weights"]
    if ta == tb:
        return w["same_type"]
    return w["kin_type"] if frozenset((ta, tb)) in _kin_pairs() else 0.0


def kin_apart_score(a: Event, b: Event, parties: float) -> float:
    """A pair of :data:`KIN` is one act told two ways by one side to another ("soldiers attacked
    the militiamen" / "soldiers disarmed the militiamen"): when both name their actors, their
    parties share nothing (*parties*, :func:`parties_score`, not above 0) and the one's actor
    stands where the other's target does, or the two actors on two sides, they are a deed and the
    answer to it, of one day and place ("gunmen killed a policeman" / "police encircled the
    gunmen"): ``kin_apart``. A record with no actor, or two actors nothing sets apart ("backers of
    the president stormed parliament" / "extremists invaded Congress"), says too little to tell
    them apart."""
    if a.type == b.type or frozenset((a.type, b.type)) not in _kin_pairs():
        return 0.0
    if a.actor is None or b.actor is None or parties > 0:
        return 0.0
    if not _answer(a, b):
        return 0.0
    return weights()["weights"]["kin_apart"]


def _answer(a: Event, b: Event) -> bool:
    """Whether one record's actor is the other's target ("gunmen killed a policeman" / "police
    encircled the gunmen"), or the two actors are of two sides ("soldiers" / "rebels")."""
    if party_score(a.actor, b.actor) < 0:
        return True
    return party_score(a.actor, b.target) > 0 or party_score(a.target, b.actor) > 0


def speaker_score(a: Event, b: Event) -> float:
    """A statement (a type of the ontology's ``spoken`` role: a condemnation, a threat) is its
    speaker's: two reports naming two speakers whose names share no word ("the president said in
    a statement" / "the White House spokesperson told reporters") tell two statements, though of
    one side, day and matter: ``other_speaker``. One name told two ways ("Russia" / "the Russian
    foreign ministry") shares a word; a report naming no speaker, or one the actor lists do not
    know (no sector, no country: a spokesman named only by his name may speak for the other),
    says too little."""
    spoken = ontology().types_with("spoken")
    if a.type not in spoken or b.type not in spoken or not (_known(a.actor) and _known(b.actor)):
        return 0.0
    assert a.actor is not None and b.actor is not None
    if a.actor.name == b.actor.name or _share_word(_tokens(a.actor), _tokens(b.actor)):
        return 0.0
    return weights()["weights"]["other_speaker"]


def _known(p: Party | None) -> bool:
    """A party the actor lists know: by its sector or its country."""
    return p is not None and bool(p.sector or p.country)


@lru_cache(maxsize=1)
def _kin_pairs() -> frozenset[frozenset[str]]:
    return frozenset(frozenset(k.types) for k in KIN)


def date_score(da: DateSpan | None, db: DateSpan | None) -> float:
    """Two dates of a day (or of a night across two: "the night of 11 to 12 June"): the same
    ``same_day``, the next ``next_day``, days apart ``days_apart``. A day and a longer span ("on
    Friday" / "last week", "in May"): inside it, by the span's length, ``in_week`` or ``in_month``
    (a week's edges are told loosely: "last week", said on a Tuesday, of a raid on the Sunday before
    it, so a day ``week_edge`` days off a week told in words is in it, not one off the week up to
    publication given to a report that tells no date); outside it by more than a day, ``outside``. Two longer spans, or a date nothing anchors ("on
    Friday" in a report with no publication date), say nothing, but for that weekday
    (:func:`_weekday_score`)."""
    if da is None or db is None:
        return 0.0
    if not da.resolved or not db.resolved:
        return _weekday_score(da, db)
    w = weights()["dates"]
    short, wide = sorted((da, db), key=_days)
    s0, s1, w0, w1 = (date.fromisoformat(x) for x in (short.start, short.end, wide.start, wide.end))
    gap = max((w0 - s1).days, (s0 - w1).days, 0)  # days between the spans: 0 when they meet
    if _days(short) > w["night_days"]:
        return 0.0  # two spans: the sweep has already asked that they meet
    if _days(wide) <= w["night_days"]:
        return w["same_day"] if gap == 0 else (w["next_day"] if gap == 1 else w["days_apart"])
    if gap > 1:
        return w["outside"]
    n = _days(wide)
    edge = wide.text is not None and n <= w["week_days"] and gap <= w["week_edge"]  # "last week"
    if not edge and (gap == 1 or not (w0 <= s0 and s1 <= w1)):
        return 0.0
    return w["in_week"] if n <= w["week_days"] else (w["in_month"] if n <= w["month_days"] else 0.0)


def _weekday_score(da: DateSpan, db: DateSpan) -> float:
    """A weekday nothing anchors ("killed on Thursday" in a report with no publication date)
    against a day another report dates: the same weekday ``weekday``, another ``days_apart``. A day
    of a month with no year ("on January 3"): the same day of the same month ``month_day``, another
    ``days_apart``."""
    loose, dated = (da, db) if db.resolved else (db, da)
    if loose.resolved or not dated.resolved or dated.start != dated.end:
        return 0.0
    w = weights()["dates"]
    day = date.fromisoformat(dated.start)
    said = WORD.findall((loose.text or "").lower())
    told = _month_day(said)
    if told is not None:
        return w["month_day"] if told == (day.month, day.day) else w["days_apart"]
    days = _weekdays()
    named = {i for i, w in enumerate(days) if w in set(said)}
    if len(named) != 1:
        return 0.0
    return w["weekday"] if named == {day.weekday()} else w["days_apart"]


def _month_day(words: list[str]) -> tuple[int, int] | None:
    """The month and day that *words* name ("january 3", "3 jan"), when they name one."""
    months = _months()
    found = set()
    for i, word in enumerate(words):
        if word in months:
            near = [x for x in words[max(0, i - 1) : i + 2] if x.isdigit() and 1 <= int(x) <= 31]
            found |= {(months[word], int(x)) for x in near}
    return next(iter(found)) if len(found) == 1 else None


@lru_cache(maxsize=1)
def _months() -> dict[str, int]:
    """Each spelling of a month, mapped to its number (``data/en/dates.toml``, ``calendar``)."""
    spellings = read_toml("dates.toml")["calendar"]["months"]
    return {word: i for i, words in enumerate(spellings, 1) for word in words}


@lru_cache(maxsize=1)
def _weekdays() -> list[str]:
    """The days of the week, Monday first (``data/en/dates.toml``, ``calendar``)."""
    return list(read_toml("dates.toml")["calendar"]["weekdays"])


def _days(span: DateSpan) -> int:
    return (date.fromisoformat(span.end) - date.fromisoformat(span.start)).days + 1


# -- two tellings of one deed in one report ---------------------------------------------------


@dataclass(frozen=True)
class TwinCheck:
    """A slot two records of one report must share to be two tellings of one deed (the headline's
    "Mali expels French envoy" and the body's decree "the ambassador is to leave within 72 hours"):
    a report tells its main event several times, and a telling the document stage did not fold is a
    second record. Its example is two sentences of one report that the check keeps apart."""

    name: str
    example: tuple[str, str]
    shared: Callable[[Event, Event], bool]


def _one_mode(a: Event, b: Event) -> bool:
    """Both tell one mode; or one tells none, and both tell one and the same toll: "12 soldiers
    died in suicide bombings" and "12 soldiers died in the attack" are one deed told twice, where
    "troops shelled the village" and "troops also stormed it" are two; or both name one target by
    its proper name ("gunmen attacked the Grand Lotus Hotel" / "a shooting at the Grand Lotus
    Hotel"): a building, a person, a unit named so is hit once a day, where a village is shelled
    and then stormed."""
    if a.mode is not None and b.mode is not None:
        return a.mode == b.mode
    if a.mode is None and b.mode is None:
        return False
    return _same_toll(a.fatalities, b.fatalities) or _one_named_target(a.target, b.target)


def _one_named_target(a: Party | None, b: Party | None) -> bool:
    """Both told of one target by its proper name, as the reports write it ("Grand Lotus Hotel"),
    not by a label the lists give ("Civilians") nor a common noun ("the village")."""
    if a is None or b is None or a.name != b.name:
        return False
    return all(p.text is not None and fold(p.text) == fold(p.name) and p.text[:1].isupper() for p in (a, b))


def _same_toll(a: Count | None, b: Count | None) -> bool:
    """One toll of several dead that both records tell: a single death is told of many deeds of
    one day ("a policeman was killed", "one attacker was shot dead")."""
    return a is not None and b is not None and a.best is not None and a.best > 1 and a.best == b.best


def _one_target(a: Event, b: Event) -> bool:
    """Two targets that share a name or a word ("a police officer" / "a police patrol"); or none
    named by either, when both tell one and the same toll ("12 soldiers died in the attack")."""
    if a.target is None and b.target is None:
        return _same_toll(a.fatalities, b.fatalities)
    return party_score(a.target, b.target) > 0


def _one_spot(a: Event, b: Event) -> bool:
    """Not two spots: each record's evidence names a spot the other's does not (:func:`spots`:
    "tear gas at Freedom Square" / "tear gas at Harbour Road"), where one telling of a deed names
    its spot and another the town, or none."""
    sa, sb = spots(a), spots(b)
    return not (sa - sb and sb - sa)


def spots(ev: Event) -> frozenset[str]:
    """The spots a record's evidence names: a run of capitalised words after a word of
    ``data/en/merge.toml``'s ``[spots] before`` ("at Freedom Square", "in the Old Town"), not a
    month or a weekday ("in May", "on Friday")."""
    pattern, dates = _spot_pattern()
    found = (m.group(1) for s in ev.sources for m in pattern.finditer(s.sentence))
    return frozenset(fold(x).lower() for x in found if x.lower() not in dates)


@lru_cache(maxsize=1)
def _spot_pattern() -> tuple[re.Pattern[str], frozenset[str]]:
    before = "|".join(re.escape(w) for w in read_toml("merge.toml")["spots"]["before"])
    name = r"[A-Z][\w'-]*"
    pattern = re.compile(rf"\b(?:{before})\s+(?:the\s+)?[\"\u201c]?({name}(?:\s+{name})*)")
    calendar = read_toml("dates.toml")["calendar"]
    dates = frozenset(w.lower() for ws in calendar["months"] for w in ws) | frozenset(
        w.lower() for w in calendar["weekdays"]
    )
    return pattern, dates


def _one_date(a: Event, b: Event) -> bool:
    da, db = a.date, b.date
    if da is None or db is None:
        return da is db
    return (da.start, da.end) == (db.start, db.end)


TWIN_CHECKS: tuple[TwinCheck, ...] = (
    TwinCheck(
        "one type",
        ("Mali expelled the French ambassador on Monday.", "Mali accused France of meddling on Monday."),
        lambda a, b: a.type == b.type,
    ),
    TwinCheck(
        "one mode, told",
        ("Troops shelled the village on Monday.", "Troops also stormed the village on Monday."),
        _one_mode,
    ),
    TwinCheck(
        "one date",
        ("Rebels shelled the town on Monday.", "Rebels shelled the town again on Wednesday."),
        _one_date,
    ),
    TwinCheck(
        "one spot, told",
        (
            "Police fired tear gas at marchers at Freedom Square.",
            "Police also fired tear gas at marchers at Harbour Road.",
        ),
        _one_spot,
    ),
    TwinCheck(
        "one target",
        ("Gunmen shot a policeman in the square.", "Gunmen shot a priest in the square."),
        _one_target,
    ),
    TwinCheck(
        "actors not apart",
        ("Soldiers fired on the marchers.", "Rebels fired on the marchers."),
        lambda a, b: party_score(a.actor, b.actor) >= 0,
    ),
    TwinCheck(
        "one speaker, said",
        (
            "The president condemned the assassination on Monday.",
            "The UN chief also condemned the assassination on Monday.",
        ),
        lambda a, b: a.type not in ontology().types_with("spoken") or party_score(a.actor, b.actor) > 0,
    ),
    TwinCheck(
        "one toll, told",
        ("Gunmen killed a policeman in the square.", "The gunfight that followed killed four people."),
        lambda a, b: _one_toll(a.fatalities, b.fatalities),
    ),
)


def _one_toll(a: Count | None, b: Count | None) -> bool:
    """Two tolls, when both are told, that one event's tellings may give (within half of each
    other, as :func:`count_score` rewards): "killed a policeman" and "killed four" are two deeds."""
    if a is None or b is None or a.best is None or b.best is None:
        return True
    return count_score(a, b) > 0


def twin_check_failed(a: Event, b: Event) -> str | None:
    """The name of the first of :data:`TWIN_CHECKS` that two records of one report fail; None
    when they may be two tellings of one deed (whether they read alike is :mod:`merge`'s score)."""
    return next((c.name for c in TWIN_CHECKS if not c.shared(a, b)), None)
