"""The arguments of one mention while the rules look for them, and the shape of a rule."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

from ..lexicons.ontology import types_with

if TYPE_CHECKING:
    from .mention import Mention


@dataclass
class Draft:
    """What the rules have found so far for *m*; ``fired`` names every rule that found or changed
    something, in order, and ``found`` says which rule put which candidate target in."""

    m: Mention
    actor: Token | None = None
    actor_rule: str | None = None
    agent_targets: list[Token] = field(default_factory=list)
    """Candidate targets the actor finders met on the way ("... by the ELN against the base")."""
    cands: list[Token] = field(default_factory=list)
    exclude: set[int] = field(default_factory=set)
    chosen: Token | None = None
    """The first candidate that names a party or a place."""
    first: Token | None = None
    """The first candidate at all (one that is no mere thing, if any)."""
    target: Token | None = None
    target_rule: str | None = None
    guessed: bool = False
    """The target is merely a party named further on, no argument of the event."""
    settled: bool = False
    fired: list[str] = field(default_factory=list)
    found: list[tuple[str, Token]] = field(default_factory=list)

    @property
    def g(self) -> Token:
        return self.m.governor

    @property
    def t(self) -> Token:
        return self.m.trigger

    @property
    def triggers(self) -> set[int]:
        return {self.t.i, self.g.i, *(x.i for x in self.m.merged)}


@dataclass(frozen=True)
class Rule:
    """One named rule: *example* is a sentence it handles (and its test); *find* looks at the draft.

    *role* (a role of the ontology) or *type_name* limits it to some event types."""

    name: str
    example: str
    find: Callable[[Draft], Any]
    role: str | None = None
    type_name: str | None = None
    front: bool = False
    """(candidate finders) put what it finds before the candidates found so far."""
    overrides: bool = False
    """(target rules) looks at a target already found, and may set it aside."""
    guess: bool = False
    """(target rules) a target it finds is only a guess."""

    def holds_for(self, event_type: str) -> bool:
        if self.role is not None and event_type not in types_with(self.role):
            return False
        return self.type_name is None or event_type == self.type_name
