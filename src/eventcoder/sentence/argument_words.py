"""The English words the actor and target finders read, from ``data/en/arguments.toml``."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _table() -> dict[str, frozenset[str]]:
    path = resources.files("eventcoder") / "data" / "en" / "arguments.toml"
    return {key: frozenset(v) for key, v in tomllib.loads(path.read_text(encoding="utf-8")).items()}


def words(key: str) -> frozenset[str]:
    """One word list of ``arguments.toml`` (its key), as a frozenset."""
    return _table()[key]


def endings(key: str) -> tuple[str, ...]:
    """One list of word endings, as a tuple for ``str.endswith``."""
    return tuple(sorted(_table()[key]))
