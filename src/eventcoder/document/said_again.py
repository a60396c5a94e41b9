"""A statement said again: a later sentence that quotes again the words an earlier statement of its
kind quoted, or whose verb takes again the object it took, tells that statement once more.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicons.data import fold, word_lists
from ..lexicons.ontology import types_with
from ..nlp import deps
from ..sentence.mention import Mention
from .parties import is_unnamed
from .tellings import as_told_here, dates_differ, draft, kinds_differ

if TYPE_CHECKING:
    from ..model import Event
    from .context import Reading
    from .references import Told


def _words(name: str) -> frozenset[str]:
    return word_lists("references.toml")[name]


def said_again(r: Reading, m: Mention) -> tuple[Told, Event] | None:
    """A statement told again in its own words: one that quotes again words an earlier statement of
    its kind quoted ("The general warned the rebels that they 'will be punished without mercy'" ...
    "'They will be punished without mercy,' the general said"), whose verb takes again the object
    it took ("rejected India's claims that it had struck a camp" ... "the forum firmly rejected
    India's claims of having struck camps"), or that one speaker named makes again with the same verb
    and object ("Le Drian condemned the cowardly assassination", told twice): one statement told
    twice, unless their own dates ("On Thursday he warned them again ...") or two named speakers of two
    sides say otherwise."""
    if m.type not in types_with("spoken"):
        return None
    runs, said = _runs(_quoted_words(m.sent)), _said_of(m)
    new = None
    for prior in reversed(r.told):
        if prior.event.type != m.type or prior.mention.sent.start >= m.sent.start:
            continue
        quoted = bool(runs & _runs(_quoted_words(prior.mention.sent)))
        if not (quoted or (said is not None and said == _said_of(prior.mention))):
            new = new or as_told_here(r, m, draft(r, m))
            if not (_one_speaker_again(prior, m, new) or _one_side_again(prior.event, new)):
                continue
        new = new or as_told_here(r, m, draft(r, m))
        if dates_differ(prior.event.date, new.date) or kinds_differ(prior.event, new):
            continue  # "On Thursday he warned them again", "in 2019 it had expelled the envoy"
        if not _two_speakers(prior.event.actor, new.actor):
            return prior, new
    return None


def _one_speaker_again(prior: Told, m: Mention, new: Event) -> bool:
    """One speaker named, the same verb, the same object: "Le Drian strongly condemned the cowardly
    assassination", told in two places of the report."""
    a, b = prior.event.actor, new.actor
    if a is None or b is None or is_unnamed(a) or a.name != b.name:
        return False
    return _verb_and_object(prior.mention) == _verb_and_object(m) is not None


def _verb_and_object(m: Mention) -> tuple[str, str] | None:
    obj = next((c for c in m.trigger.children if c.dep_ == deps.DIRECT_OBJECT), None)
    return (fold(m.trigger.lemma_), fold(obj.lemma_)) if obj is not None else None


def _said_of(m: Mention) -> tuple[str, ...] | None:
    """The verb of a statement and the first words of its object, when they name something
    ("reject", "india", "'s", "claims"); None for an object of fewer than three words or of no name."""
    obj = next((c for c in m.trigger.children if c.dep_ == deps.DIRECT_OBJECT), None)
    if obj is None:
        return None
    words = [w for w in obj.subtree if not w.is_punct or w.lower_ == "'s"][:3]
    if len(words) < 3 or not any(w.pos_ == "PROPN" for w in words):
        return None
    return (fold(m.trigger.lemma_), *(fold(w.lower_) for w in words))


def _quoted_words(sent) -> list:
    """The words of a sentence inside quotation marks; a sentence whose first mark closes a quote
    ("It must be punished," he said) opens inside it."""
    marks = [t.i for t in sent if t.text in _words("quote_marks")]
    inside = bool(marks) and len(marks) % 2 == 1 and marks[0] > sent.start and sent.doc[marks[0] - 1].is_punct
    words = []
    for t in sent:
        if t.i in marks:
            inside = not inside
        elif inside and t.is_alpha:
            words.append(t)
    return words


def _runs(words: list, n: int = 3) -> set[tuple[str, ...]]:
    """The runs of *n* words in a row that hold a word of meaning ("will be punished", not "that
    it was")."""
    return {
        tuple(fold(w.lower_) for w in words[i : i + n])
        for i in range(len(words) - n + 1)
        if any(not w.is_stop for w in words[i : i + n]) and words[i + n - 1].i - words[i].i < n + 2
    }


def _two_speakers(a, b) -> bool:
    """Two parties named of two countries: "Iran" and "Ayatollah Ali Khamenei" may be one voice."""
    if a is None or b is None or is_unnamed(a) or is_unnamed(b) or a.name == b.name:
        return False
    return bool(a.country and b.country and a.country != b.country)


def _one_side_again(prior: Event, new: Event) -> bool:
    """One side's statement of a kind told again, by another of its names ("Mr Kurti called on the men
    to give themselves up" ... urging "these uniformed people" to surrender, "the prime minister said";
    "the spokesman condemned the blast" ... "The Islamic Emirate strongly condemns the bombing"): a
    speaker of one country, aimed at the party told before, at none, or at one the text does not name."""
    a, b = prior.actor, new.actor
    if a is None or b is None or not (a.name == b.name or a.country and a.country == b.country):
        return False
    if a.sector and b.sector and a.sector != b.sector:
        return False
    x, y = prior.target, new.target
    return x is None or y is None or x.name == y.name or is_unnamed(x) or is_unnamed(y)
