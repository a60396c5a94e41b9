"""Load eventcoder's data files (under ``data/``): event lexicon, cue words, actors.

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
from functools import lru_cache
from importlib import resources

from .errors import ModelError

PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)


def _data_text(name: str) -> str:
    try:
        return (resources.files("eventcoder") / "data" / name).read_text(encoding="utf-8")
    except OSError as e:
        raise ModelError(f"cannot read data file {name}: {e}") from e


def read_csv(name: str) -> list[dict[str, str]]:
    """Rows of a data CSV, comment lines skipped, cells stripped."""
    lines = [ln for ln in _data_text(name).splitlines() if not ln.lstrip().startswith("#")]
    return [
        {k.strip(): (v or "").strip() for k, v in row.items() if k}
        for row in csv.DictReader(io.StringIO("\n".join(lines)))
    ]


def split(cell: str) -> list[str]:
    return [p.strip() for p in (cell or "").split("|") if p.strip()]


@lru_cache(maxsize=65536)
def fold(s: str) -> str:
    """Lowercase, accents removed, curly quotes straightened: the key for name look-ups."""
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u2010", "-").replace("\u2013", "-")
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower().strip()


@lru_cache(maxsize=1)
def cues() -> dict:
    """The cue word lists of ``cues.toml``, each as a frozenset."""
    raw = tomllib.loads(_data_text("cues.toml"))
    return {f"{section}.{key}": frozenset(v) for section, d in raw.items() for key, v in d.items()}


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

    @property
    def others(self) -> tuple[str, ...]:
        return self.words[1:] if self.pos == "VERB" else self.words[:-1]


@lru_cache(maxsize=1)
def event_lexicon() -> dict[tuple[str, str], list[Trigger]]:
    """(head lemma, pos) -> triggers, longest expressions first, then file order."""
    index: dict[tuple[str, str], list[Trigger]] = defaultdict(list)
    for row in read_csv("event_lexicon.csv"):
        words = tuple(fold(row["lemma"]).replace("-", " ").split())
        pos = row["pos"].upper()
        if not words or pos not in ("VERB", "NOUN") or row["type"] not in PLOVER_TYPES:
            continue
        t = Trigger(
            words,
            pos,
            row["type"],
            row.get("mode") or None,
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
