"""One record for each event a report tells: a later sentence that tells again an event already
recorded ("The Houthis fired two missiles at the ship", after "The ship was targeted by the
Houthis") folds into its record, which lists every telling as evidence and takes each slot from
the telling that knows it best (the finest date and place, a named actor over "the gunmen").

Tellings of one kind stay apart when their dates or places say they are different events, or when
their actors are two named parties; a sentence of habit or series ("the regime often bombs
villages", "a string of attacks since 2023") tells a pattern, not the event told before.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from ..lexicons.actors import actor_index
from ..lexicons.data import cue, fold, read_toml, word_lists
from ..lexicons.ontology import types_with
from ..model import DateSpan, Event, Place
from ..nlp import deps
from ..nlp.syntax import sent_lemmas
from ..sentence.mention import Mention
from ..sentence.party_words import party_head
from .date_scope import day_of_saying
from .parties import is_unnamed
from .pointing import hurt_in_the_deed, in_a_pointing_sentence, own_deed, points_back, reacted_to
from .records import add_telling, new_record, source_of
from .references import Told, add_casualties, another_event, bare_count, marker_lemmas
from .two_sides import each_side

if TYPE_CHECKING:
    from .context import Reading


def _words(name: str) -> frozenset[str]:
    return word_lists("references.toml")[name]


def _span(d: DateSpan) -> tuple[date, date] | None:
    try:
        return date.fromisoformat(d.start[:10]), date.fromisoformat((d.end or d.start)[:10])
    except (TypeError, ValueError):
        return None


def _own(d: DateSpan | None) -> tuple[date, date] | None:
    """A date the text gives (not the week of publication the dating falls back on)."""
    return _span(d) if d is not None and d.text else None


def dates_differ(a: DateSpan | None, b: DateSpan | None) -> bool:
    """Both tellings give a date of their own, and not the same one: "on Saturday" inside "last
    week" is a day of the fighting, told apart from it."""
    x, y = _own(a), _own(b)
    return x is not None and y is not None and x != y


def _rank(p: Place) -> int:
    """0 for a country, 1 for a region, 2 for anything finer."""
    coarse = read_toml("references.toml")["place_precision"]
    return coarse.index(p.precision) if p.precision in coarse else len(coarse)


def places_differ(a: Place | None, b: Place | None) -> bool:
    """Both tellings place the event, in two countries, or in two places finer than a region that
    are not one."""
    if a is None or b is None:
        return False
    if a.country and b.country and a.country != b.country:
        return True
    if _rank(a) < 2 or _rank(b) < 2:
        return a.precision == b.precision == "admin1" and fold(a.admin1 or a.name) != fold(b.admin1 or b.name)
    return fold(a.name) != fold(b.name) and not _near(a, b)


def _near(a: Place, b: Place, km: float = 30.0) -> bool:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return False
    return abs(a.lat - b.lat) * 111 < km and abs(a.lon - b.lon) * 111 < km


def actors_differ(prior, new) -> bool:
    """A named doer in the new telling that is not the one told before: two events. Two names of
    one state's side ("Russian invaders", "Russia's forces") or one name told two ways are one;
    two sectors ("Israeli settlers", "Israeli soldiers") are two doers."""
    if new is None or is_unnamed(new):
        return False
    if prior is None:
        return True
    if prior.name == new.name or not _words_of(new):
        return False  # "one of the missiles hit it": a weapon names no doer
    if prior.sector and new.sector and prior.sector != new.sector:
        return True
    if _one_side(prior, new):
        return False
    return not _words_of(prior) & _words_of(new)


def targets_differ(prior: Told, m: Mention) -> bool:
    """A deed told again on a site or a thing that the first telling did not name ("its clinic
    came under attack" after "stormed the camp"): a deed within the event, told apart. A named
    target ("the True Confidence" after "a ship"), people ("killed 100 people") and the toll
    ("dozens lost their lives") may be the first telling's told otherwise; a pronoun ("marching against
    everything that is going wrong") names no site."""
    head = party_head(m.target)
    if head is None or head.pos_ in ("PROPN", "PRON") or actor_index().sector_of(head.text) is not None:
        return False
    if fold(head.text) in cue("arguments.singular_pronouns") | cue("arguments.person_pronouns"):
        return False  # "when one of the missiles hit it", "gives him 72 hours": the one told before
    if fold(m.target.head.lemma_) in _words("toll_verbs"):
        return False  # "dozens lost their lives", "more than a hundred were wounded": the toll
    if site_pointing_back(head):
        return False  # "stormed the venue", "struck this town": the place told before
    told = sent_lemmas(prior.mention.sent)
    return fold(head.lemma_) not in told and not _inside(head, told)


def _target_points_back(m: Mention) -> bool:
    """A deed done to a site named by a demonstrative ("the armed groups struck this town"): the
    telling points back to the deed told there, whoever it names as its doer."""
    head = party_head(m.target)
    return (
        head is not None
        and site_pointing_back(head)
        and any(
            fold(c.lower_) in _words("demonstratives") for c in head.children if c.dep_ == deps.DETERMINER
        )
    )


def site_pointing_back(head) -> bool:
    """A noun of a site or a settlement with a definite or demonstrative article ("the venue", "this
    town", "the village"): the place told before, named otherwise."""
    return fold(head.lemma_) in _words("site_nouns") and any(
        c.dep_ == deps.DETERMINER and fold(c.lemma_) in cue("reference.definite") for c in head.children
    )


def _brought_in(prior: Told, m: Mention) -> bool:
    """A target brought in by an indefinite article ("a patrol was attacked"), not a site inside a
    place the first telling named ("dropped two bombs on a house in Pa Zi Gyi"), nor the target the
    first telling named in the same words ("gunfire hit a WFP convoy" ... "a WFP convoy came under
    fire")."""
    head = party_head(m.target)
    if not _introduced(m.target) or head is None:
        return False
    told = sent_lemmas(prior.mention.sent)
    return not (_inside(head, told) or _named_again(head, told))


def _named_again(head, told: set[str]) -> bool:
    """The target's noun and the words that make its name ("a World Food Programme convoy") are all
    words of the first telling."""
    words = [head, *(c for c in head.children if c.dep_ in (deps.COMPOUND, deps.ADJ_MODIFIER))]
    return len(words) > 1 and all(fold(w.lemma_) in told for w in words)


def _inside(head, told: set[str]) -> bool:
    """A site set inside a place the first telling named: "dropped two bombs on a house in Pa Zi Gyi"
    after "bombed Pa Zi Gyi village" tells where in it the bombs fell."""
    return any(
        p.dep_ == deps.PREP and fold(p.lemma_) in _words("within_place")
        for p in head.children
        for o in p.children
        if o.dep_ == deps.PREP_OBJECT and fold(o.lemma_) in told
    )


def _another_time(prior: Told, m: Mention) -> bool:
    """A deed told at a time of day the first telling did not give ("In the afternoon, criminals
    set fire to two buses" after a raid "on the morning of Tuesday"): a further deed of the day."""
    times = _words("times_of_day")
    return bool((_times_told(m.sent) & times) - _times_told(prior.mention.sent))


def _times_told(sent) -> set[str]:
    """The words of a sentence outside names: "The Sydney Morning Herald reported" tells no time of day."""
    return {fold(t.lemma_) for t in sent if t.pos_ != "PROPN"}


def _one_side(a, b) -> bool:
    """Two parties of one country and of one sector (or of a sector not known)."""
    return (
        bool(a.country) and a.country == b.country and (not a.sector or not b.sector or a.sector == b.sector)
    )


def _words_of(party) -> set[str]:
    """The words naming a party, less the words that name no one ("forces", "the")."""
    words = {fold(w) for w in f"{party.name} {party.text or ''}".replace("'s", " ").split()}
    return words - _words("party_filler")


def same_event(prior: Event, new: Event, by_actor: bool = True) -> bool:
    """Does *new* tell the event *prior* again? Same type, and neither the dates, the places, the
    counts nor (*by_actor*) the actors say otherwise; one toll of the dead (``same_toll``) outweighs a
    doer and a count of the wounded told otherwise."""
    toll = same_toll(prior, new)
    return (
        prior.type == new.type
        and not dates_differ(prior.date, new.date)
        and prior.location is not None
        and (not places_differ(prior.location, new.location) or _one_party_to_another(prior, new))
        and not (by_actor and not toll and actors_differ(prior.actor, new.actor))
        and (toll or not counts_differ(prior, new))
        and not kinds_differ(prior, new)
    )


def same_toll(prior: Event, new: Event) -> bool:
    """Both tellings count the dead alike, a figure of some size ("two explosions killed 73 people" ...
    "authorities have confirmed 73 deaths and 170 wounded"): one toll, one event."""
    a, b = prior.fatalities, new.fatalities
    least = min(read_toml("references.toml")["same_toll_from"])
    return a is not None and b is not None and a.best is not None and a.best == b.best and a.best >= least


def _one_party_to_another(prior: Event, new: Event) -> bool:
    """A statement or a measure of one named party aimed at one other, told twice: where each
    telling places it (the capital that said it, the embassy it hit) does not make it two ("Mali
    gave the French ambassador 72 hours to leave" ... "the government gives him 72 hours")."""
    a, b = (prior.actor, prior.target), (new.actor, new.target)
    return (
        prior.type in types_with("spoken")
        and None not in (*a, *b)
        and _one_party(a[0], b[0])
        and _one_party(a[1], b[1])
        and not _one_party(a[0], a[1])
    )


def _one_party(a, b) -> bool:
    """One name, or one state ("Venezuela", "the Government of Venezuela")."""
    return a.name == b.name or bool(a.country) and a.country == b.country


def kinds_differ(prior: Event, new: Event) -> bool:
    """One telling is the report's news, the other background it recalls ("The Government recalls
    that in February it expelled the director"): two events."""
    a, b = prior.sources[0].telling, new.sources[0].telling
    return bool(a and b) and a != b


def counts_differ(prior: Event, new: Event) -> bool:
    """Both tellings count the dead (or the wounded), and not alike: "nine of its staff were
    killed" after "at least 100 civilians were killed" is an attack within the assault."""
    pairs = ((prior.fatalities, new.fatalities), (prior.injuries, new.injuries))
    return any(a is not None and b is not None and a.best and b.best and a.best != b.best for a, b in pairs)


def tells_another(m: Mention, pointing: bool = False, counted: bool = False) -> bool:
    """ "The regime often bombs villages", "a string of attacks since 2023", "attacks across the
    district": a pattern; "came under attack once more": a further act; "a patrol was attacked",
    "a drone attack", "it began after a gunman shot a militant": an act, a party or a target brought
    in anew, or an act set before or after another: not the one told before. A noun that points
    back (*pointing*) brings in no act anew by its own article or its target ("this was a deliberate
    attack", "the air strike also hit a depot"); one of the deeds a telling before counted
    (*counted*: "a first and then a second explosion" after "two explosions") neither."""
    t = m.trigger
    plural = _many_deeds(t) and m.type not in _words("plural_as_one")
    markers = _words("habit") | _words("again") | cue("reference.new_event_markers")
    if counted:
        markers -= _words("ordinals")
    brought_in = not counted and any(_introduced(tok) for tok in ((m.actor,) if pointing else (t, m.actor)))
    told_anew = bool(marker_lemmas(m.sent, m) & markers)
    return plural or brought_in or _set_in_sequence(t) or own_deed(m) or told_anew


def counted_part(m: Mention, told: list[Told]) -> bool:
    """ "a first and then a second explosion" after "two explosions killed 73 people": the deed noun
    with an ordinal no higher than the number of such deeds a telling before counted is one of them."""
    rank = _ordinal(m.trigger)
    return rank is not None and any(
        prior.event.type == m.type
        and prior.mention.sent.start < m.sent.start
        and _counted(prior.mention.sent, m.trigger) >= rank
        for prior in told
    )


def _ordinal(t) -> int | None:
    ordinals = read_toml("references.toml")["ordinals"]
    return next((ordinals.index(fold(c.lower_)) + 1 for c in t.children if fold(c.lower_) in ordinals), None)


def _counted(sent, t) -> int:
    """How many deeds of *t*'s noun the sentence counts ("two explosions"): 0 if none."""
    units = read_toml("numbers.toml")["units"]
    counts = [
        int(c.text) if c.text.isdigit() else units.index(fold(c.lower_))
        for w in sent
        if fold(w.lemma_) == fold(t.lemma_)
        for c in w.children
        if c.dep_ == deps.NUMBER_MODIFIER and (c.text.isdigit() or fold(c.lower_) in units)
    ]
    return max(counts, default=0)


def _many_deeds(t) -> bool:
    """A plural deed noun not pointing back ("attacks across the district"); the plural of what is
    fired ("police then fired rubber bullets", "launched two missiles") names the means of one deed."""
    if t.tag_ != "NNS" or fold(t.lemma_) in cue("arguments.munition_nouns"):
        return False
    return not any(fold(c.lemma_) in cue("reference.definite") for c in t.children)


def _introduced(tok) -> bool:
    """A word with an indefinite determiner: "a patrol", "an unidentified gunman"."""
    return tok is not None and any(
        c.dep_ == deps.DETERMINER and fold(c.lemma_) in _words("indefinite") for c in tok.children
    )


def _in_sequence(t) -> bool:
    """A trigger opened by "after" or "before": "it began after a gunman shot ...", "a day after
    the shooting"; not one set beside a saying ("he tweeted after two explosions struck crowds": the
    deed told, at the time it was said)."""
    marked = any(c.dep_ == deps.MARKER and fold(c.lemma_) in _words("sequence") for c in t.children)
    if marked:
        return fold(t.head.lemma_) not in cue("reporting.lemmas")
    return (
        t.dep_ == deps.PREP_OBJECT
        and fold(t.head.lemma_) in _words("sequence")
        and fold(t.head.head.lemma_) not in cue("reporting.lemmas")
    )


def _set_in_sequence(t) -> bool:
    """A trigger, or the clause its noun is the object of, opened by "after" or "before": "the
    rampage came a day after two gunmen opened fire" sets the shooting before the rampage."""
    return _in_sequence(t) or (t.pos_ == "NOUN" and t.dep_ == deps.DIRECT_OBJECT and _in_sequence(t.head))


def as_told_here(r: Reading, m: Mention, new: Event) -> Event:
    """*new* as far as its own sentence dates and places it: a date or a place the document stage
    inherits from the sentences before says nothing of whether this telling is another event, nor
    does the day of a saying ("a source who confirmed the toll on Tuesday said ...")."""
    exprs = r.ctx.dates.by_sent.get(m.sent.start, [])
    if new.date is not None and not any(_dates_the_deed(m, e) for e in exprs):
        new = replace(new, date=None)
    sent = m.sent
    if new.location is not None and not any(
        sent.start <= t.span.start < sent.end and not _in_a_further_act(m, t.span)
        for t in r.ctx.places.toponyms
    ):
        new = replace(new, location=None)
    return new


def _in_a_further_act(m: Mention, span) -> bool:
    """A place named in a further act the sentence joins to the deed ("the first lady, also shot in the
    attack, was flown to the United States"): it places that act, not the deed."""
    verb = next((t for t in (span.root, *span.root.ancestors) if t.pos_ == "VERB"), None)
    g = m.governor
    return verb is not None and verb.i != g.i and verb.dep_ == deps.CONJUNCT and verb.head.i == g.i


def _dates_the_deed(m: Mention, e) -> bool:
    """A date expression of *m*'s sentence that may date its deed: not a span since, and not the
    day a deed not itself spoken was said or confirmed, nor the day its figures were given."""
    if e.kind == "since":
        return False
    return m.type in types_with("spoken") or not (
        day_of_saying(m.sent.doc, e) or _day_of_figures(m.sent.doc, e)
    )


def _day_of_figures(doc, e) -> bool:
    """Does the date hang from a verb that gives figures ("On January 4 the minister gave revised figures
    for the victims of the attack", "released a new toll on Friday")? The day they were given, not the
    deed's."""
    span = doc.char_span(e.start_char, e.end_char, alignment_mode="expand")
    if span is None:
        return False
    verb = next((t for t in (span.root, *span.root.ancestors) if t.pos_ == "VERB"), None)
    return verb is not None and any(
        c.dep_ == deps.DIRECT_OBJECT and fold(c.lemma_) in cue("reference.toll_nouns") for c in verb.children
    )


def told_before(r: Reading, m: Mention) -> tuple[Told, Event] | None:
    """The event already recorded that *m* tells again, and *m*'s own record; None for a new event.
    A noun that points back ("the Russian strike", "this was a deliberate attack") may name the
    doer otherwise; a verb that tells the deed again must name the same doer, or none."""
    if m.type not in _words("restated_types"):
        return None
    by_site = _target_points_back(m)  # "the armed groups struck this town": they did it
    pointing = points_back(m) or in_a_pointing_sentence(m) or by_site
    if tells_another(m, pointing, counted_part(m, r.told)):
        return None
    new = as_told_here(r, m, draft(r, m))
    if _a_named_victim(m):  # "Abu Sayeed was injured in the clash": one of the hurt counted before
        new = replace(new, fatalities=None, injuries=None)
    if bare_count(m):  # "the authorities had reported 103 dead": a count of the toll, by no doer
        new = replace(new, actor=None)
    uncounted = replace(new, fatalities=None, injuries=None) if bare_count(m) else new
    for prior in reversed(r.told):
        earlier = prior.mention.sent.start < m.sent.start
        plural = _a_pattern(prior) and not pointing  # "attacks across the region"
        anchor = _in_sequence(prior.mention.trigger)  # "12 days after the Pulwama attack": a time's mark
        first = as_first_told(r, prior)
        by_actor = not (pointing or _doer_named_before(prior, new.actor))
        told = new if same_toll(first, new) else uncounted  # "had reported 103 dead": a count of its toll
        if not earlier or plural or anchor or prior.lasting or not same_event(first, told, by_actor):
            continue
        if another_event(m, prior):
            continue  # "even before the breach of parliament, gunfire had wounded ten"
        toll = same_toll(first, new)
        if (
            pointing
            or toll
            or not (_brought_in(prior, m) or targets_differ(prior, m) or _another_time(prior, m))
        ):
            if (toll and not pointing) or hurt_in_the_deed(m):
                new = replace(new, actor=None)  # tied by its toll, or by the deed it was hurt in: no doer
            return prior, new
    return None


def _a_named_victim(m: Mention) -> bool:
    """A person named as the one hurt ("Abu Sayeed was injured in the clash"): a victim among those
    counted before, not a toll of its own."""
    head = party_head(m.target)
    return head is not None and head.ent_type_ == "PERSON"


def _doer_named_before(prior: Told, actor) -> bool:
    """A side of a fight the first telling told with no doer ("a student was killed in a clash that
    erupted between protesters and police" ... "police then fired rubber bullets"): a deed of the
    fight, told by its doer."""
    if prior.event.actor is not None or actor is None or not _words_of(actor):
        return False
    mutual = cue("arguments.mutual_triggers")
    sides = {fold(w.lower_) for t in prior.mention.sent if fold(t.lemma_) in mutual for w in t.subtree}
    return _words_of(actor) <= sides


def _a_pattern(prior: Told) -> bool:
    """A deed told in the plural, uncounted ("attacks across the region"): a pattern that a later
    telling of one deed does not tell again; "two explosions" and "the twin blasts" are counted, and "had died in suicide bombings outside the airport" tells one toll in them: one event
    of several blasts."""
    t = prior.mention.trigger
    counted = any(
        c.dep_ == deps.NUMBER_MODIFIER or fold(c.lower_) in _words("counting_words") for c in t.children
    )
    return t.tag_ == "NNS" and not (counted or _toll_told_in(t))


def _toll_told_in(t) -> bool:
    """A deed noun a toll is told in: "had died in suicide bombings", "were killed in air strikes"."""
    return (
        t.dep_ == deps.PREP_OBJECT
        and fold(t.head.lemma_) in _words("within")
        and fold(t.head.head.lemma_) in _words("toll_verbs")
    )


def as_first_told(r: Reading, prior: Told) -> Event:
    """The event told before, without a date that is only the day its sentence was said ("On Monday,
    the spokesman said that more than 50 people had lost their lives"): that day says nothing of
    whether a later telling ("the gunmen struck the town last Saturday") is another event."""
    d, m = prior.event.date, prior.mention
    if d is None or not d.text:
        return prior.event
    exprs = [e for e in r.ctx.dates.by_sent.get(m.sent.start, []) if d.text in e.text or e.text in d.text]
    if exprs and not any(_dates_the_deed(m, e) for e in exprs):
        return replace(prior.event, date=None)
    return prior.event


def told_in_one_sentence(r: Reading, m: Mention) -> tuple[Told, Event] | None:
    """A second telling in the sentence of an event just recorded: "The ship was targeted by the
    Houthis, who fired a missile that hit the vessel", "carried out a two-day assault that killed
    100 people" are one deed each, unless one is set before the other ("after a gunman shot ...")."""
    if m.type not in _words("restated_types") or _set_in_sequence(m.trigger):
        return None
    for prior in reversed(r.told):
        if prior.mention.sent.start != m.sent.start:
            return None
        if not _linked(prior.mention, m) or dates_differ(r.date_of(prior.mention), r.date_of(m)):
            continue  # "killed 19 in Mafa in March, and on April 22 returned to set fire to homes"
        new = draft(r, m)
        if prior.event.type == m.type and not actors_differ(prior.event.actor, new.actor):
            return prior, new
        if _one_riot(prior.event, new):
            return prior, new
    return None


def _one_riot(prior: Event, new: Event) -> bool:
    """A crowd's storming told in two words of one clause, one of protest, one of violence ("Backers of
    the former president stormed Congress, climbing onto its roof and smashing its windows"): one act
    of one named doer, read two ways (``one_act_types``), not two events."""
    a, b = prior.actor, new.actor
    return (
        {prior.type, new.type} <= _words("one_act_types")
        and prior.type != new.type
        and a is not None
        and b is not None
        and a.name == b.name
    )


def _linked(a: Mention, b: Mention) -> bool:
    """One mention's words govern the other's: "targeted ..., who fired a missile that hit", not
    two clauses set side by side."""
    ga, gb = _clause(a.governor), _clause(b.governor)
    return ga.left_edge.i <= gb.i <= ga.right_edge.i or gb.left_edge.i <= ga.i <= gb.right_edge.i


def _clause(g):
    """The clause a deed noun is the subject of tells it: "a bomb ... exploded beside a police van,
    wounding five policemen" is one deed."""
    return g.head if g.dep_ in deps.SUBJECTS and g.pos_ == "NOUN" else g


def draft(r: Reading, m: Mention) -> Event:
    """The record *m* makes as a new event, made once for each mention."""
    if id(m) not in r.drafts:
        r.drafts[id(m)] = new_record(r, m, r.date_of(m))
    return r.drafts[id(m)]


def fold_telling(prior: Event, new: Event) -> None:
    """*new* tells *prior* again: it is added as a telling, and gives each slot it knows better:
    a finer date of its own ("on Tuesday" after "this week"), a place inside the one known ("the
    village of Kuda" after "Borno"), a named actor over "the gunmen"."""
    add_telling(prior, new.sources[0])
    if _finer_date(new.date, prior.date):
        prior.date = new.date
    spoken = prior.type in types_with("spoken")
    if _finer_place(new.location, prior.location, spoken) or (spoken and _at_home(new, prior)):
        prior.location = new.location
    if prior.actor is None or is_unnamed(prior.actor) and new.actor is not None and not is_unnamed(new.actor):
        prior.actor = new.actor or prior.actor
    if prior.target is None:
        prior.target = new.target  # "a bomb exploded ..., wounding five policemen": whom it hit


def _finer_place(new: Place | None, old: Place | None, spoken: bool = False) -> bool:
    """A place inside the one known, told more finely ("the village of Kuda" after "Borno"); for a
    statement, any town over a country ("warned Israel ..." then "... said in a speech in Tehran"):
    a statement placed by a country alone is placed by the party it names, not where it was said."""
    if new is None:
        return False
    if old is None:
        return True
    if spoken and _rank(old) == 0 and _rank(new) >= 2:
        return True
    if _rank(new) <= _rank(old) or new.country != old.country:
        return False
    return _rank(old) == 0 or fold(new.admin1 or "") == fold(old.admin1 or old.name)


def _at_home(new: Event, prior: Event) -> bool:
    """A statement or a measure a state's organ makes, placed abroad by one telling ("Under fire from
    Paris, Mali's government gave the ambassador 72 hours") and at home by another ("the French
    Ambassador to Bamako was told"): it is made at home."""
    home = prior.actor.country if prior.actor is not None else None
    here, there = new.location, prior.location
    return bool(home) and here is not None and there is not None and here.country == home != there.country


def _finer_date(new: DateSpan | None, old: DateSpan | None) -> bool:
    a, b = _own(new), _own(old)
    if a is None:
        return False
    return b is None or (a[1] - a[0]) < (b[1] - b[0])


def _headline_of(ev: Event, head: Event) -> bool:
    """The headline may tell *ev*: not placed elsewhere, nor done by another named doer ("Russian
    missile hits station" is not the body's strike by Ukraine's army)."""
    named = ev.actor is not None and not is_unnamed(ev.actor)
    return not places_differ(ev.location, head.location) and not (
        named and actors_differ(ev.actor, head.actor)
    )


def own_sentence(events: list[Event]) -> None:
    """A sentence that tells an event of its own is that event's evidence, not a further telling
    of another ("The strikes came 12 days after the bombing that killed 40")."""
    first = {(e.sources[0].doc_id, e.sources[0].start) for e in events if e.sources}
    for e in events:
        src = e.sources[0] if e.sources else None
        if src is not None and src.tellings:
            src.tellings = [t for t in src.tellings if (src.doc_id, t["start"]) not in first] or None


def gather(r: Reading) -> list[Event]:
    """The tellings stage, after the reading: the headline's mentions become tellings of the first
    record of their type that the body tells, a sentence that tells an event of its own stays that
    event's evidence only, and each reaction (``reaction_types``: "the ministry condemned the
    raid") points to the record of the deed it reacts to (``reacts_to``, its id)."""
    events = [t.event for t in r.told]
    own_sentence(events)
    events = each_side(r, events)
    for m in r.headlines:  # "Militants kill 12 in raid on Nigerian town": the first raid the body tells
        head = as_told_here(r, m, draft(r, m))  # a related headline: "40 kidnapped in Zamfara"
        first = next((e for e in events if e.type == m.type and _headline_of(e, head)), None)
        if first is not None:
            add_casualties(first, m, r.ctx.dates)  # the headline's figures, where the body gave none
            add_telling(first, source_of(r, m))
    for told in r.told:
        deed = reacted_to(told, r.told)
        if deed is not None:
            told.event.extra["reacts_to"] = deed.id
    return events
