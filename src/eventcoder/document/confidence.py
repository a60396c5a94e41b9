"""How sure a record is, and whether a document's subject lets it stand: the last step of the
document stage, once every telling is folded into its record.

**Relevance.** A document's relevance (:func:`eventcoder.nlp.prefilter.relevance`, 0 to 1) is how
many words of a political or armed context it holds. Below ``weak_below`` (``context.toml``) the
weak types are not coded (``weak_types``, and ASSAULT by ``weak_assault`` words: "the app supports
Python 3", "the champion beat his rival"), nor an event that names no party at all ("The highway
was closed"): only a political context makes them events. Anywhere, a natural hazard (``hazards``)
that does the deed and resolves to no party makes no event ("the fire, which killed eight").

**Confidence.** The chance that the record is an event a reader would code, a logistic of the
record's features (:data:`FEATURES`) with the weights of ``data/en/confidence.toml``, fitted on the
real and dev corpora by ``tools/fit_confidence.py``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ..lexicons.data import cue, event_lexicon, fold, read_toml
from ..model import Event
from ..nlp.prefilter import context_words, relevance
from ..nlp.syntax import pos_of, sent_lemmas, span_text
from ..sentence.actors import subject_of
from ..sentence.mention import Mention
from .context import DocContext

_QUOTES = ('"', "\u201c", "\u201d")


@dataclass(frozen=True)
class Rated:
    """What the features read: the record, the mention that made it, the document's relevance,
    and whether an earlier record of the document has the same type, date and place (a telling
    the reading did not fold, more often a second coding of one event than a second event)."""

    event: Event
    mention: Mention
    relevance: float
    repeat: bool = False


def _conditioned(r: Rated) -> float:
    """The trigger row that fired has a `needs` condition the sentence met."""
    m = r.mention
    rows = event_lexicon().get((fold(m.trigger.lemma_), pos_of(m.trigger)), [])
    return float(any(t.needs and " ".join(t.words) == m.words and t.type == m.type for t in rows))


def _told(r: Rated, words: str | None) -> float:
    """*words* (a date's, a place's) are in the record's evidence or one of its tellings."""
    src = r.event.sources[0]
    sentences = [src.sentence, *(t["sentence"] for t in src.tellings or [])]
    return float(bool(words) and any(words in s for s in sentences))


def _tellings(r: Rated) -> float:
    src = r.event.sources[0]
    return min(3, len(src.tellings or [])) / 3


#: (name, what it reads): each feature is 0 or 1, or a share between them.
FEATURES: tuple[tuple[str, Callable[[Rated], float]], ...] = (
    ("verb", lambda r: float(pos_of(r.mention.governor) == "VERB")),
    ("triggers", lambda r: min(2, len(r.mention.merged)) / 2),
    ("mode", lambda r: float(r.mention.mode is not None)),
    ("conditioned", _conditioned),
    ("weak", lambda r: float(is_weak(r.event, r.mention))),
    ("actor", lambda r: float(r.event.actor is not None)),
    ("target", lambda r: float(r.event.target is not None)),
    ("date", lambda r: _told(r, r.event.date.text if r.event.date is not None else None)),
    ("place", lambda r: _told(r, r.event.location.text if r.event.location is not None else None)),
    ("casualties", lambda r: float(r.event.fatalities is not None or r.event.injuries is not None)),
    ("hedged", lambda r: float(bool(sent_lemmas(r.mention.sent) & cue("reporting.hedges")))),
    ("quoted", lambda r: float(any(q in span_text(r.mention.sent) for q in _QUOTES))),
    ("claimed", lambda r: float(r.event.sources[0].attributed_to is not None)),
    ("tellings", _tellings),
    ("repeat", lambda r: float(r.repeat)),
    ("relevance", lambda r: r.relevance),
)


@lru_cache(maxsize=1)
def _context() -> dict:
    return read_toml("context.toml")


@lru_cache(maxsize=1)
def weights() -> tuple[float, dict[str, float]]:
    """(bias, feature -> weight) of ``confidence.toml``."""
    data = read_toml("confidence.toml")
    return float(data.get("bias", 0.0)), {k: float(v) for k, v in data.get("weights", {}).items()}


def is_weak(ev: Event, m: Mention) -> bool:
    """A weak type, or ASSAULT by a weak word ("beat", "execute")."""
    ctx = _context()
    return ev.type in ctx["weak_types"] or (ev.type == "ASSAULT" and m.words in ctx["weak_assault"])


def stands(r: Rated) -> bool:
    """Does the record stand in its document? Not a weak type, nor an event naming no party, in a
    document of low relevance; not a deed a natural hazard did, unless a party is its actor."""
    ev, m = r.event, r.mention
    if r.relevance < _context()["weak_below"]:
        if is_weak(ev, m) or ev.actor is None:
            return False
    return ev.actor is not None or not _hazard(m)


def _hazard(m: Mention) -> bool:
    """The deed's doer is a natural hazard ("the Mill Fire, which killed three"), with no word of
    a conflict context on it ("artillery fire", "Israeli fire" are the doings of parties)."""
    doer = m.actor
    if doer is None and pos_of(m.governor) == "VERB":
        doer = subject_of(m.governor)
    if doer is None or fold(doer.lemma_) not in _context()["hazards"]:
        return False
    return not context_words().found({fold(w.lower_) for w in doer.subtree} - {fold(doer.lower_)})


def features(r: Rated) -> dict[str, float]:
    return {name: f(r) for name, f in FEATURES}


def confidence(feats: dict[str, float]) -> float:
    """The logistic of the weighted features."""
    bias, w = weights()
    z = bias + sum(w.get(name, 0.0) * value for name, value in feats.items())
    return round(1 / (1 + math.exp(-z)), 3)


def rate(ctx: DocContext) -> list[Event]:
    """The records that stand (:func:`stands`), each with its confidence."""
    rel = relevance(ctx.document.text)
    mentions = {id(t.event): t.mention for t in ctx.reading.told}
    out, seen = [], set()
    for ev in ctx.tellings:
        m = mentions.get(id(ev))
        if m is None:
            out.append(ev)
            continue
        key = (ev.type, ev.date.start if ev.date else None, ev.location.name if ev.location else None)
        r = Rated(ev, m, rel, repeat=key in seen)
        if stands(r):
            seen.add(key)
            ev.confidence = confidence(features(r))
            out.append(ev)
    return out
