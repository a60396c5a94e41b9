"""The English words the actor and target finders read, from ``data/en/arguments.toml``."""

from __future__ import annotations

from ..lexicons.data import word_lists


def _table() -> dict[str, frozenset[str]]:
    return word_lists("arguments.toml")


def words(key: str) -> frozenset[str]:
    """One word list of ``arguments.toml`` (its key), as a frozenset."""
    return _table()[key]


def endings(key: str) -> tuple[str, ...]:
    """One list of word endings, as a tuple for ``str.endswith``."""
    return tuple(sorted(_table()[key]))
