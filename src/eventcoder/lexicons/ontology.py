"""The PLOVER ontology (``data/ontology/plover.toml``): every event type, its modes, its merge
family and its grammatical roles, validated at load.

Everything that needs the list of types asks :func:`ontology`: the lexicon (a row of an unknown
type fails), the argument finders and places (``types_with("recipient")``), merging
(``family_of``), the exports and the schema's enum. A test ontology can be loaded from any path
(:func:`load_ontology`) and installed for a block of code with :func:`use_ontology`.
"""

from __future__ import annotations

import contextlib
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import ModelError

ONTOLOGY = "ontology/plover.toml"


@dataclass(frozen=True)
class EventType:
    """One PLOVER type."""

    name: str
    quad: str
    description: str
    modes: tuple[str, ...]
    family: str
    roles: frozenset[str]


@dataclass(frozen=True, eq=False)
class Ontology:
    """Types in the order of the file; roles and families as the file declares them."""

    types: dict[str, EventType]
    roles: dict[str, str]
    families: dict[str, str]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self.types)

    def check_type(self, name: str, where: str) -> str:
        """*name* if it is a type of this ontology; else a :class:`ModelError` naming *where*."""
        if name not in self.types:
            raise ModelError(f"{where}: unknown PLOVER type {name!r} (known: {', '.join(self.types)})")
        return name

    def check_mode(self, type_name: str, mode: str | None, where: str) -> str | None:
        """*mode* if it is a mode of *type_name* (or empty); else a :class:`ModelError`."""
        if mode and mode not in self.types[self.check_type(type_name, where)].modes:
            raise ModelError(f"{where}: {mode!r} is not a mode of {type_name}")
        return mode or None

    def types_with(self, role: str) -> frozenset[str]:
        """The types that play *role* (a role the file declares)."""
        if role not in self.roles:
            raise ModelError(f"unknown ontology role {role!r} (known: {', '.join(self.roles)})")
        return _types_with(self, role)

    def family_of(self, type_name: str) -> str:
        """The merge family of *type_name*: types that reports of one event may disagree on."""
        t = self.types.get(type_name)
        return t.family if t is not None else type_name


@lru_cache(maxsize=256)
def _types_with(onto: Ontology, role: str) -> frozenset[str]:
    return frozenset(t.name for t in onto.types.values() if role in t.roles)


def _parse(data: dict, origin: str) -> Ontology:
    roles = {str(k): str(v) for k, v in data.get("roles", {}).items()}
    families = {str(k): str(v) for k, v in data.get("families", {}).items()}
    types: dict[str, EventType] = {}
    for name, row in data.get("types", {}).items():
        where = f"{origin} [types.{name}]"
        if not name.isupper():
            raise ModelError(f"{where}: type names are upper case")
        unknown = set(row) - {"quad", "description", "family", "modes", "roles"}
        if unknown:
            raise ModelError(f"{where}: unknown keys {sorted(unknown)}")
        family = row.get("family", name)
        if family != name and family not in families:
            raise ModelError(f"{where}: family {family!r} is not declared in [families]")
        bad_roles = set(row.get("roles", [])) - set(roles)
        if bad_roles:
            raise ModelError(f"{where}: roles {sorted(bad_roles)} are not declared in [roles]")
        modes = tuple(row.get("modes", []))
        if len(set(modes)) != len(modes):
            raise ModelError(f"{where}: a mode is listed twice")
        types[name] = EventType(
            name,
            row.get("quad", ""),
            row.get("description", ""),
            modes,
            family,
            frozenset(row.get("roles", [])),
        )
    if not types:
        raise ModelError(f"{origin}: no [types.NAME] tables")
    return Ontology(types, roles, families)


def load_ontology(path: str | Path | None = None) -> Ontology:
    """The ontology of the file at *path*, or eventcoder's own; validated."""
    try:
        if path is None:
            text = (resources.files("eventcoder") / "data" / ONTOLOGY).read_text(encoding="utf-8")
        else:
            text = Path(path).read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise ModelError(f"cannot read the ontology {path or ONTOLOGY}: {e}") from e
    return _parse(data, str(path or ONTOLOGY))


_installed: list[Ontology] = []
_lexicons: list[Path] = []


@lru_cache(maxsize=1)
def _default() -> Ontology:
    return load_ontology()


def ontology() -> Ontology:
    """The ontology in use: eventcoder's own, or the one :func:`use_ontology` installed."""
    return _installed[-1] if _installed else _default()


def lexicon_override() -> Path | None:
    """The event lexicon file :func:`use_ontology` installed with its ontology, if any."""
    return _lexicons[-1] if _lexicons else None


@contextlib.contextmanager
def use_ontology(onto: Ontology, lexicon: str | Path | None = None) -> Iterator[Ontology]:
    """Use *onto* (and the event lexicon file *lexicon*, if given) instead of eventcoder's own
    inside the block: a test ontology, or an extension's. The event lexicon is read afresh
    against them (it is cached per ontology and lexicon file)."""
    _installed.append(onto)
    if lexicon is not None:
        _lexicons.append(Path(lexicon))
    try:
        yield onto
    finally:
        _installed.pop()
        if lexicon is not None:
            _lexicons.pop()


def types_with(role: str) -> frozenset[str]:
    """The types of the ontology in use that play *role*."""
    return ontology().types_with(role)
