"""Load eventcoder's data files: event lexicon, cue words, word lists, actors.

The language seam: a file a language needs (its trigger words, cue words, number words, word lists)
lives under ``data/<language>/`` (English: ``data/en/``); files about the world (actors, countries,
places, the ontology, export maps) live under ``data/``. :func:`read_csv` and :func:`word_lists` look
in the language's folder first. Adding a language means a data folder and a spaCy model.

Every file is read once a process and cached. CSV files may begin with ``#`` comment lines
that say what a row means; multi-valued cells use ``|``.
"""

from __future__ import annotations

import csv
import io
import tomllib
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from importlib import resources
from pathlib import Path

from ..errors import ModelError
from .ontology import Ontology, lexicon_override, ontology

LANGUAGE = "en"
"""The language whose word lists are read (``data/en/``)."""


def _data_text(name: str) -> str:
    """The data file *name*: the language's own (``data/en/name``) if it has one, else ``data/name``."""
    base = resources.files("eventcoder") / "data"
    try:
        own = base / LANGUAGE / name
        return (own if own.is_file() else base / name).read_text(encoding="utf-8")
    except OSError as e:
        raise ModelError(f"cannot read data file {name}: {e}") from e


@lru_cache(maxsize=64)
def read_toml(name: str) -> dict:
    """The language's TOML data file *name* as it is (``data/en/name``)."""
    try:
        return tomllib.loads(_data_text(name))
    except tomllib.TOMLDecodeError as e:
        raise ModelError(f"data file {name}: {e}") from e


@lru_cache(maxsize=64)
def word_lists(name: str) -> dict[str, frozenset[str]]:
    """The word lists of the language's TOML file *name* (``data/en/name``), each a frozenset;
    a key holding a table gives its lists as ``key.sub``."""
    raw = read_toml(name)
    out: dict[str, frozenset[str]] = {}
    for key, value in raw.items():
        if isinstance(value, dict):
            out.update({f"{key}.{k}": frozenset(v) for k, v in value.items()})
        else:
            out[key] = frozenset(value)
    return out


def read_csv(name: str) -> list[dict[str, str]]:
    """Rows of a data CSV, comment lines skipped, cells stripped."""
    return _read_csv_text(_data_text(name))


def _read_csv_text(text: str) -> list[dict[str, str]]:
    lines = [ln for ln in text.splitlines() if not ln.lstrip().startswith("#")]
    return [
        {k.strip(): (v or "").strip() for k, v in row.items() if k}
        for row in csv.DictReader(io.StringIO("\n".join(lines)))
    ]


def split(cell: str) -> list[str]:
    return [p.strip() for p in (cell or "").split("|") if p.strip()]


@lru_cache(maxsize=65536)
def fold(s: str) -> str:
    """Lowercase, accents removed, curly quotes straightened: the key for name look-ups."""
    if s.isascii():  # (no accent, no curly quote: decomposing changes nothing)
        return s.lower().strip()
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u2010", "-").replace("\u2013", "-")
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower().strip()


@lru_cache(maxsize=1)
def cues() -> dict:
    """The cue word lists of ``cues.toml``, each as a frozenset."""
    return word_lists("cues.toml")


@cache  # one look-up a call: the rules ask for their cues some 1,600 times a document
def cue(name: str) -> frozenset:
    return cues()[name]


@dataclass(frozen=True)
class Trigger:
    """One row of the event lexicon."""

    words: tuple[str, ...]
    pos: str
    type: str
    mode: str | None
    needs: frozenset
    blocks: frozenset

    @property
    def head(self) -> str:
        # a verb phrase is headed by its first word ("open fire"), a compound noun by its last ("air strike")
        return self.words[0] if self.pos == "VERB" else self.words[-1]

    @cached_property  # (asked of every row a word looks up: some 600 times a document)
    def others(self) -> tuple[str, ...]:
        return self.words[1:] if self.pos == "VERB" else self.words[:-1]


LEXICON = "event_lexicon.csv"


def event_lexicon() -> dict[tuple[str, str], list[Trigger]]:
    """(head lemma, pos) -> triggers, longest expressions first, then file order; read against
    the ontology in use (see :func:`eventcoder.lexicons.ontology.use_ontology`)."""
    return _event_lexicon(ontology(), lexicon_override())


@lru_cache(maxsize=4)
def _event_lexicon(onto: Ontology, override: Path | None) -> dict[tuple[str, str], list[Trigger]]:
    rows = read_csv(LEXICON) if override is None else _read_csv_text(override.read_text(encoding="utf-8"))
    index: dict[tuple[str, str], list[Trigger]] = defaultdict(list)
    for n, row in enumerate(rows, start=1):
        where = f"{LEXICON} row {n} ({row.get('lemma')!r})"
        words = tuple(fold(row["lemma"]).replace("-", " ").split())
        pos = row["pos"].upper()
        if not words or pos not in ("VERB", "NOUN"):
            raise ModelError(f"{where}: a lemma and a part of speech VERB or NOUN are needed")
        t = Trigger(
            words,
            pos,
            onto.check_type(row["type"], where),
            onto.check_mode(row["type"], row.get("mode"), where),
            frozenset(fold(w) for w in split(row.get("needs", ""))),
            frozenset(fold(w) for w in split(row.get("blocks", ""))),
        )
        index[(t.head, pos)].append(t)
        if len(words) > 1 and pos == "NOUN":
            # "airstrike" and "air-strike" spelt as one token
            index[("".join(words), pos)].append(
                Trigger(("".join(words),), pos, t.type, t.mode, t.needs, t.blocks)
            )
    for triggers in index.values():
        triggers.sort(key=lambda t: -len(t.words))  # stable: file order within a length
    return dict(index)
