"""What the document stage carries: one document's context (:class:`DocContext`), set stage by
stage, and the reading stage's state (:class:`Reading`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import DateSpan, Document, Event
from ..options import Options
from ..sentence.mention import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .dating import DocDates
    from .parties import PartyMemory
    from .places import DocPlaces
    from .references import Told


@dataclass
class DocContext:
    """One document on its way through the stages: the input, and what each stage made."""

    sdoc: Doc
    document: Document
    options: Options
    mentions: list[Mention] = field(default_factory=list)
    dates: DocDates | None = None
    places: DocPlaces | None = None
    parties: PartyMemory | None = None
    reading: Reading | None = None
    tellings: list[Event] = field(default_factory=list)
    """The records of the reading, each event once with every telling (document/tellings.py)."""
    events: list[Event] = field(default_factory=list)


@dataclass
class Reading:
    """The reading stage's state: the events told so far (oldest first), each with its mention,
    and which rule handled each mention (its trigger's index, the rule's name)."""

    ctx: DocContext
    told: list[Told] = field(default_factory=list)
    trace: list[tuple[int, str]] = field(default_factory=list)
    _dates: dict[int, DateSpan | None] = field(default_factory=dict)
    drafts: dict[int, Event] = field(default_factory=dict)
    """The record each mention would make as a new event, made once (its parties are remembered once)."""
    headlines: list[Mention] = field(default_factory=list)
    """The headline's mentions: not coded on their own, each a telling of the first record of its type."""

    def date_of(self, m: Mention) -> DateSpan | None:
        if id(m) not in self._dates:
            self._dates[id(m)] = self.ctx.dates.for_mention(m)
        return self._dates[id(m)]
