"""One event mention of a sentence: plain data over the tokens of a parsed document."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token


@dataclass
class Mention:
    """One event mention: its trigger, type and arguments, as tokens of the document."""

    trigger: Token
    """The token the event is anchored on (the noun of "launched an attack")."""
    words: str
    type: str
    mode: str | None
    sent: Span
    actor: Token | None = None
    target: Token | None = None
    governor: Token | None = None
    """The verb that carries the clause (the light verb, or the trigger itself)."""
    merged: list[Token] = field(default_factory=list)
    """Other triggers folded into this mention."""
    confidence: float = 0.7
