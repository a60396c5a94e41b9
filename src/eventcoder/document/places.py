"""Where each event happened: the document's place names (found in :mod:`toponyms`, chosen among
their candidates in :mod:`place_choice`) attached to its events.

An event's place is the one its clause governs ("the attack on Camp Ashraf", "in Diyala"), else
one its sentence names, else the place "the camp" or "the town" points back to, else the last one
named in its paragraph, else the document's main place at town, district or area, admin1 or
country precision, in the country where the report's scenes lie (:meth:`DocPlaces.scene_country`:
the places it names as scenes weigh more than the parties it names). A statement is placed where
it was made (a place on the verb of saying, else the dateline, else the meeting or speech the
report places just before or after it), not where the deed it speaks of was done.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from ..lexicons import gazetteer as gz
from ..lexicons.actors import actor_index
from ..lexicons.data import cue, fold, read_toml
from ..model import Place
from ..nlp import deps
from ..nlp.syntax import doc_text, folded_lemmas, has_child
from .not_places import is_destination, names_no_place, says_origin
from .place_choice import lies_in, resolve
from .place_slots import in_place_slot, place_nouns
from .scene_words import (
    about_else,
    an_end,
    an_office,
    as_place,
    at_a_venue,
    bounds_a_past,
    capital_of,
    clause_of,
    closest_named,
    country_of_capital,
    describes_a_party,
    in_a_place_phrase,
    listed_area_nouns,
    most_specific,
    moved,
    names_a_party,
    other_acts,
    said_at,
    what_is_said,
)
from .toponyms import Toponym, dateline_of, find_toponyms, is_relative, place_spans, precision_of

if TYPE_CHECKING:
    from ..sentence.mention import Mention

log = logging.getLogger(__name__)


class DocPlaces:
    """The resolved place names of a document and the place of each event."""

    def __init__(self, doc: Doc, gaz: gz.Gazetteer | None = None):
        self.doc = doc
        self.gaz = gaz or gz.gazetteer()
        self.spans = place_spans(doc)
        self.toponyms = find_toponyms(doc, self.gaz, self.spans)
        self.focus = resolve(doc, self.toponyms)
        self.toponyms = sorted(
            self.toponyms + self._spelled_otherwise() + self._capitals_named(), key=lambda t: t.span.start
        )
        self.text = doc_text(doc)
        self.paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n", self.text)]
        self.dateline, self.dateline_kind = dateline_of(doc, self.toponyms)
        if self.dateline is None:
            self.dateline, self.dateline_kind = self._capitals_dateline()
        self.heading = self._dateline_heading()

    def _dateline_heading(self) -> set[int]:
        """The places named in the dateline's heading, up to the colon or dash that ends it
        ("New Delhi/Islamabad, Feb 26 :"): where the report was filed, none an event's place."""
        if self.dateline is None:
            return set()
        start = self.dateline.span.start_char
        m = re.compile(r"[:\u2013\u2014]|\s-\s|\)\.?-|\n").search(self.text, start, start + 80)
        end = m.start() if m else self.dateline.span.end_char
        return {t.span.start for t in self.toponyms if start <= t.span.start_char < end}

    def _capitals_dateline(self) -> tuple[Toponym | None, str]:
        """A dateline or byline place in capitals, which the NER often takes for an organisation:
        "By our correspondent, RIO DE JANEIRO", "N'DJAMENA, Aug 22 -", "GOMA - Italy's envoy"."""
        for m in re.finditer(
            r"^(By [^\n,]*,\s*)?([A-Z][A-Z'\u2019. -]{2,}[A-Z])(,[^\n]*\d|\s*:|\s+[\u2014\u2013-]\s|\s*$)",
            self.text[:400],
            re.M,
        ):
            span = self.doc.char_span(m.start(2), m.end(2), alignment_mode="expand")
            name = m.group(2).title()
            cands = self.gaz.named_exactly(name) if span is not None and self.gaz.is_place_name(name) else []
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
            if (span.start, span.end) in known or not in_place_slot(span) or len(span.text) < 4:
                continue
            if any(t.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL") for t in span):
                continue
            if actor_index().named(span.text) is not None or actor_index().country_of(span.text):
                continue
            if names_no_place(span):
                continue
            place = closest_named(self.gaz, country, span.text)
            if place is not None:
                found.append(Toponym(span, [place], relative=is_relative(span), chosen=place, name=span.text))
        return found

    def _capitals_named(self) -> list[Toponym]:
        """ "Brazil's capital", "the Brazilian capital", "the capital of Peru", "the country's
        capital": the capital city of the country named with it (the report's, for "the
        country's"), a place named as surely as by its name."""
        known = {i for t in self.toponyms for i in range(t.span.start, t.span.end)}
        found = []
        for tok in self.doc:
            if tok.i in known or tok.pos_ != "NOUN" or fold(tok.lemma_) not in cue("places.capital_nouns"):
                continue
            if tok.dep_ == deps.APPOSITION or has_child(tok, (deps.APPOSITION,)):
                continue  # "Damascus, the Syrian capital": named already
            country = country_of_capital(tok, self.focus_country())
            city = capital_of(self.gaz, country) if country else None
            if city is not None:
                found.append(Toponym(tok.doc[tok.i : tok.i + 1], [city], name=city.name, chosen=city))
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
        sides: tuple[str | None, str | None] = (None, None),
    ) -> Place | None:
        """The event's place: the one its clause governs, else its sentence's, else the place
        "the camp" or "the town" points back to, else its paragraph's last, else the document's
        main place. *skip*: token indices of words that name a party, not where (the actor's).
        A *spoken* event (a statement, an appeal) with no place of its own is placed at the
        dateline, where the report says it was made, else, when a *state* (a country code) makes
        it, at that state's capital. A statement's heading says where its issuer spoke: only
        *by_issuer*. A deed that nothing in its paragraph places, between parties of other
        countries than the report's scenes (*sides*: the actor's and the target's, two states),
        is placed in the target's (:meth:`_sides_country`)."""
        kind = self.dateline_kind
        dateline = self.dateline if kind == "news" or (kind == "heading" and by_issuer) else None
        clause = clause_of(m)
        said = spoken
        seat = self._seat(m, state) if spoken else None
        spoken = spoken and (state or seat or dateline) is not None  # a statement, not a crowd's demand
        mine, governed = self._own_places(m, skip or set(), clause, spoken, said)
        back = self._pointed_back(m, clause, placed=True)
        if back is not None and not spoken:
            return self._place(back)  # "were arrested in the city and taken to Belfast": the city
        others = other_acts(m)  # "issued a warrant ... and on Sunday he landed in Madrid"
        pick = most_specific(governed or ([] if spoken else [t for t in mine if t.span.root.i not in others]))
        if pick is not None:
            return self._place(self._finer(pick, m, others) if not spoken else pick)
        abroad = (
            state is not None and dateline is not None and dateline.chosen.country != state
        )  # "The United States imposed sanctions" in a report from Caracas
        if spoken and dateline is not None and not abroad:
            return self._place(dateline)
        if spoken and seat is not None:
            return as_place(seat, text=None)
        if said:
            venue = self._last_venue(m)
            if venue is not None:
                return self._place(venue)
        back = self._pointed_back(m, clause) or (None if spoken else self._seat_of_power(m, clause))
        if back is not None:
            return self._place(back)
        earlier = None if spoken else self._earlier_in_paragraph(m)
        if earlier is not None:
            return self._place(earlier)
        return self._fallback(None if spoken or said else self._sides_country(sides))

    def _sides_country(self, sides: tuple[str | None, str | None]) -> str | None:
        """The country of a deed's parties when the report's scenes lie in none of theirs: "Thailand
        hit back with airstrikes" on Cambodia's forces, in a report filed from Kuala Lumpur that tells
        a meeting there: the target's country."""
        actor, target = sides
        scene = self.scene_country()
        if scene is None or scene in sides or actor is None or target is None or actor == target:
            return None
        return target

    def _seat(self, m: Mention, state: str | None) -> gz.Place | None:
        """Where the speaker sits: the capital of the *state* that speaks, else the seat of the
        international organisation the speaker's words name ("UN Secretary-General Antonio
        Guterres condemned": New York; ``[seats]`` in gazetteer.toml)."""
        if state is not None:
            return capital_of(self.gaz, state)
        if m.actor is None:
            return None
        seats = read_toml("gazetteer.toml")["seats"]
        for tok in m.actor.subtree:
            named = actor_index().named(tok.text) if tok.pos_ == "PROPN" else None
            if named is not None and named.kind == "igo" and named.name in seats:
                city, country = seats[named.name]
                found = [c for c in self.gaz.candidates(city) if c.country == country and c.kind == "city"]
                return max(found, key=lambda c: c.population) if found else None
        return None

    def _earlier_in_paragraph(self, m: Mention) -> Toponym | None:
        """The last place named before the mention's sentence in its paragraph (not the
        dateline's, nor where someone went, nor a name that says where the one before it lies)."""
        para = self._paragraph(m.sent.start_char)
        earlier = [
            t
            for t in self.toponyms
            if t.span.start < m.sent.start
            and self._paragraph(t.span.start_char) == para
            and t.chosen
            and t.span.start not in self.heading
            and not is_destination(t.span)
            and not t.says_where  # "in Guayaquil, Ecuador": Guayaquil, which Ecuador only locates
        ]
        return earlier[-1] if earlier else None

    def _own_places(
        self, m: Mention, skip: set[int], clause: set[int], spoken: bool, said: bool = False
    ) -> tuple[list[Toponym], list[Toponym]]:
        """(the places the mention's sentence names as places, those its clause governs); for a
        *spoken* event, those where it was said; for one *said* that no dateline places but the
        report has placed a meeting or a speech before, not those of what it speaks of ("condemned
        the coup in Niger" after "a summit in Abuja": its topic, not where it was said). *skip*:
        words that name a party."""
        if said and not spoken and self._last_venue(m) is not None:
            skip = skip | what_is_said(m)
        sent = m.sent
        mine = [
            t
            for t in self.toponyms
            if sent.start <= t.span.start < sent.end
            and t.chosen is not None
            and not (set(range(t.span.start, t.span.end)) & skip)
            and t.span.start not in self.heading
        ]
        g = m.governor
        mine = [
            t
            for t in mine
            if not names_a_party(t) and not describes_a_party(t) and not self._an_office_seat(t)
        ]
        governed = [t for t in mine if t.span.root.i in clause and not about_else(t.span.root, g)]
        if g.dep_ in (deps.RELATIVE_CLAUSE, deps.ACL) and not governed:
            # "the Jeddah Declaration that the two sides signed": the place that names what was done
            governed = [
                t for t in mine if t.span.root.dep_ == deps.COMPOUND and t.span.root.head.i == g.head.i
            ]
        if spoken:  # where it was said ("said in Kabul", "In New York, a spokesman called ... and
            # urged"), not where the deed it speaks of was done; of two, the place of the speech
            # ("accused the government in Mogadishu ... in a speech in Garowe")
            governed = [t for t in mine if said_at(t.span.root, g) and not about_else(t.span.root, g)]
            governed = [t for t in governed if at_a_venue(t.span.root)] or governed
        return mine, governed

    def _an_office_seat(self, t: Toponym) -> bool:
        """Is the place the seat of someone's office ("the governor of North Kivu province told
        Reuters") while the town the report names most lies in it? That town is where the deed
        was; the seat is only where the office holder's writ runs."""
        tok = t.span.root
        if not (tok.dep_ == deps.PREP_OBJECT and fold(tok.head.lemma_) == "of" and an_office(tok.head.head)):
            return False
        main = self._main_town()
        return main is not None and t.chosen is not None and main is not t and lies_in(main, t.chosen)

    def _pointed_back(self, m: Mention, clause: set[int], placed: bool = False) -> Toponym | None:
        """ "inside the camp", "the town's market": the place of that kind named before (with
        *placed*, only a noun that says where: "in the city")."""
        doc, lemmas, areas = m.sent.doc, folded_lemmas(m.sent.doc), listed_area_nouns()
        nouns = {**areas, **place_nouns()}
        for i in range(m.sent.start, m.sent.end):
            if i not in clause or lemmas[i] not in nouns:  # (the rarest test first)
                continue
            tok = doc[i]
            if tok.pos_ != "NOUN":
                continue
            in_phrase = tok.dep_ == deps.PREP_OBJECT and fold(tok.head.text) in cue("places.place_preps")
            if (placed or lemmas[i] in areas) and not in_phrase or (placed and lemmas[i] in areas):
                continue  # "across the state" points back, after the event's own places; "the state's
                # forces" do not
            if any(c.dep_ in (deps.PREP, deps.APPOSITION, deps.COMPOUND) for c in tok.children):
                continue  # "the town of Barsalogho", "the camp, Zamzam": named here, not pointed back
            if any(t.span.start <= i < t.span.end for t in self.toponyms):
                continue  # "the Syrian capital": a place named here
            if is_relative(tok.doc[tok.left_edge.i : tok.i + 1]):
                continue  # "a town 100 kilometres from the capital": a landmark to measure from
            kinds = nouns.get(fold(tok.lemma_))
            if kinds is None or not any(c.lower_ in ("the", "this", "that") for c in tok.children):
                continue
            capital = self._the_capital(tok)
            if capital is not None:
                return capital
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
                times = Counter(t.chosen.gazetteer_id for t in named if not an_end(t.span.root))
                return max(reversed(named), key=lambda t: times[t.chosen.gazetteer_id])
        return None

    def _last_venue(self, m: Mention) -> Toponym | None:
        """The place where the report last placed a meeting or a speech, before the statement's
        sentence ("the communique read at the Presidential Villa, Abuja, at the close of the
        summit ... The leaders condemned the coup"), else the first it places in the next two
        paragraphs ("ECOWAS leaders threatened military action. The threat was set out in a
        communique read at the Presidential Villa, Abuja"): where a statement with no place of its
        own was made."""
        para = self._paragraph(m.sent.start_char)
        before = [t for t in self.toponyms if t.span.start < m.sent.start]
        after = [
            t
            for t in self.toponyms
            if t.span.start >= m.sent.end and self._paragraph(t.span.start_char) <= para + VENUE_PARAGRAPHS
        ]
        return next((t for t in [*reversed(before), *after] if self._a_venue(t)), None)

    def _a_venue(self, t: Toponym) -> bool:
        """Is the name that of a city or a site where the report places a meeting or a speech
        ("at the Presidential Villa, Abuja", "a summit in Abuja")?"""
        if t.chosen is None or t.span.start in self.heading:
            return False
        if precision_of(t.chosen, t.relative) not in ("site", "town"):
            return False  # a venue is a city or a site ("a summit on the situation in Niger": its topic)
        words, preps = cue("places.speaking_words"), cue("places.place_preps")
        tok = t.span.root
        while tok.dep_ in (deps.APPOSITION, deps.CONJUNCT, deps.NOUN_ADVERBIAL) and tok.head.i != tok.i:
            tok = tok.head  # "at the Presidential Villa, Abuja"
        return (
            tok.dep_ == deps.PREP_OBJECT
            and fold(tok.head.text) in preps
            and fold(tok.head.head.lemma_) in words
            and not names_a_party(t)
        )

    def _seat_of_power(self, m: Mention, clause: set[int]) -> Toponym | None:
        """ "the coup in which army officers ousted the president", named with no place of its
        own: a seizure of power is done in the capital of the country the report is about."""
        words = cue("places.power_seizures")
        for tok in m.sent:
            if tok.i in clause and fold(tok.lemma_) in words:
                return self._the_capital(tok, words)
        return None

    def _the_capital(self, tok: Token, nouns: frozenset[str] | None = None) -> Toponym | None:
        """ "in the capital": the capital city of the country the report is about."""
        country = self.focus_country()
        if fold(tok.lemma_) not in (nouns or cue("places.capital_nouns")) or country is None:
            return None
        city = capital_of(self.gaz, country)
        if city is None:
            return None
        return Toponym(tok.doc[tok.i : tok.i + 1], [city], name=city.name, chosen=city)

    def _finer(self, pick: Toponym, m: Mention, others: set[int]) -> Toponym:
        """ "into a monastery in northern Kosovo", "in a village near the border": a place of a
        kind left unnamed in a country or a province is the town the report names most there."""
        if pick.chosen is None or precision_of(pick.chosen, pick.relative) not in ("admin1", "country"):
            return pick
        unnamed = any(
            tok.i not in others
            and fold(tok.lemma_) in place_nouns()
            and any(c.lower_ in ("a", "an") for c in tok.children)
            for tok in m.sent
        )
        main = self._main_town() if unnamed else None
        if main is None or main.chosen is None or main.chosen.country != pick.chosen.country:
            return pick
        if pick.chosen.kind != "country" and not lies_in(main, pick.chosen):
            return pick
        return main

    def _scenes(self) -> list[Toponym]:
        """The place names that may be a scene of the report: not the dateline's, not the bound
        of a past ("the worst since Uri"), not where someone went or a party is from, nor those
        of a paragraph told again word for word (a photo caption under each picture)."""
        seen: set[str] = set()
        repeated: set[int] = set()
        for i, start in enumerate(self.paragraph_starts):
            end = self.paragraph_starts[i + 1] if i + 1 < len(self.paragraph_starts) else len(self.text)
            words = self.text[start:end].strip()
            if words in seen:
                repeated.add(i)
            seen.add(words)
        return [
            t
            for t in self.toponyms
            if t.chosen is not None
            and self._paragraph(t.span.start_char) not in repeated
            and t.span.start not in self.heading
            and not bounds_a_past(t.span.root)
            and not is_destination(t.span)
            and not says_origin(t.span)
        ]

    def scene_country(self) -> str | None:
        """The country where the report's scenes lie: the one it names most, counting
        :data:`SCENE_WEIGHT` times more each of its towns, sites and areas named as a scene (a
        country's own name counts so only where it says where: "in Kosovo"), the one with more
        scenes on a tie. Not merely the party named most: a report on the
        Russian army's denial of a strike on Kramatorsk names Russia most, and its scene is Ukraine."""
        places: Counter = Counter()
        for t in self._scenes():
            if t.chosen.kind != "country" or not names_a_party(t):
                places[t.chosen.country] += 1
        if not places:
            return self.focus_country()
        return max(
            sorted(self.focus.keys() | places.keys()),
            key=lambda c: (SCENE_WEIGHT * places[c] + self.focus.get(c, 0), places[c]),
        )

    def _main_town(self, country: str | None = None) -> Toponym | None:
        """The site or town the document names most in its scene's country (named in the headline
        or the lead: counts twice; not the dateline), if named more than once or alone; the first
        named of those named most (in *country*, if given)."""
        country = country or self.scene_country()
        lead = self.paragraph_starts[2] if len(self.paragraph_starts) > 2 else len(self.text)
        local: Counter = Counter()
        towns = [
            t
            for t in self.toponyms
            if t.chosen is not None
            and t.span.start not in self.heading
            and not bounds_a_past(t.span.root)
            and t.chosen.country == country
            and precision_of(t.chosen) in ("site", "town")
        ]
        for t in towns:
            local[t.chosen.gazetteer_id] += 2 if t.span.start_char < lead else 1
        if not local:
            return None
        top = max(local.values())
        if top == 1 and len(local) > 1:
            return None
        return next(t for t in towns if local[t.chosen.gazetteer_id] == top)

    def _main_area(self, country: str, precision: str) -> Toponym | None:
        """The area of that precision the report names most in *country* as a scene (a district
        or an area, admin2, only where it is named as a place, not a measure's anchor; an admin1
        area or a region anywhere), the first named on a tie."""
        if precision == "admin2":
            named = [
                t
                for t in self._scenes()
                if t.chosen.country == country
                and precision_of(t.chosen, t.relative) == "admin2"
                and (in_place_slot(t.span) or in_a_place_phrase(t.span.root))
            ]
        else:
            named = [
                t
                for t in self.toponyms
                if t.chosen is not None
                and t.chosen.kind in ("admin1", "region")
                and t.chosen.country == country
            ]
        times = Counter(t.chosen.gazetteer_id for t in named)
        return max(named, key=lambda t: times[t.chosen.gazetteer_id]) if named else None

    def _place(self, t: Toponym) -> Place:
        assert t.chosen is not None
        place = as_place(t.chosen, t.text, t.relative)
        if t.offset is not None and place.lat is not None and place.lon is not None:
            place.lat, place.lon = moved(place.lat, place.lon, *t.offset)  # "50 km south of X"
        return place

    def _fallback(self, country: str | None = None) -> Place | None:
        """The document's main place: the site or town it names most (first named on a tie),
        else its most named district or area ("the Gulf of Aden", named as a scene), else its most
        named admin1 area, else its country: those of its scene's country (or of *country*, if given)."""
        country = country or self.scene_country()
        if country is None:
            return None
        main = self._main_town(country)
        if main is not None:
            place = self._place(main)
            place.text = None
            return place
        for precision in ("admin2", "admin1"):
            area = self._main_area(country, precision)
            if area is not None:
                place = self._place(area)
                place.precision = precision
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


#: How many paragraphs after a statement a place of a meeting or a speech may be told and still be
#: where the statement was made.
VENUE_PARAGRAPHS = 3

#: How many times a place named as a scene counts beside a mention of its country (a party, a demonym)
#: in telling which country a report's scenes are in.
SCENE_WEIGHT = 2
