"""Actor normalisation: from the words of a mention to a canonical party.

Three kinds of knowledge, all data files under ``data/``:

* ``actors.csv``: named organisations and people, with aliases, country and sector
  ("PMOI" -> MEK; "Prime Minister Nuri al-Maliki" -> Nuri al-Maliki, IQ, government);
* ``countries.csv``: country names, aliases and demonyms ("Iraqi", "Iraqis" -> IQ);
* ``sector_nouns.csv``: institution, people and title words with their sector, from which
  state institutions are built generically ("Syrian security forces" -> Military Forces of
  Syria; "the Iranian regime" -> Government of Iran).

An unknown party keeps its own words as its name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import Party
from .data import fold, read_csv, read_toml, split, word_lists

WORD = re.compile(r"[\w]+(?:[-'][\w]+)*")


def _words_of(key: str) -> frozenset[str]:
    """A word list of ``data/en/actors.toml``."""
    return word_lists("actors.toml")[key]


def _state_names() -> dict[str, str]:
    """How a state institution of a sector is named: ``data/en/actors.toml`` [state_names]."""
    return read_toml("actors.toml")["state_names"]


@dataclass(frozen=True)
class Actor:
    name: str
    country: str | None
    sector: str | None
    kind: str


@dataclass(frozen=True)
class Country:
    iso2: str
    name: str
    adjective: str


def _words(text: str) -> list[str]:
    return list(_word_tuple(text))


@lru_cache(maxsize=65536)  # the rules ask for the words of the same mention many times
def _word_tuple(text: str) -> tuple[str, ...]:
    return tuple(WORD.findall(fold(text)))


_CAPITALS = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Z0-9.]{0,4}(?![A-Za-z0-9])")  # "UN", "U.S."


_FOUND_KEPT = 20_000  # look-ups kept by ActorIndex._find, then forgotten all at once


class ActorIndex:
    """Look-up tables built from the data files; build once with :func:`actor_index`."""

    def __init__(self, actors: list[dict], countries: list[dict], sector_nouns: list[dict]):
        self._found: dict[tuple[int, tuple[str, ...]], tuple] = {}
        self.aliases: dict[tuple[str, ...], Actor] = {}
        self.exact_case: dict[str, Actor] = {}  # short all-caps aliases: "IS", "AP", "PDF"
        for row in actors:
            actor = Actor(
                row["name"], row.get("country") or None, row.get("sector") or None, row.get("kind") or "org"
            )
            for alias in [row["name"], *split(row.get("aliases", ""))]:
                if alias.isupper() and len(alias.replace(".", "")) <= 4:
                    self.exact_case.setdefault(alias, actor)
                    continue
                key = tuple(_words(alias))
                if key:
                    self.aliases.setdefault(key, actor)
        self.countries: dict[str, Country] = {}
        self.country_words: dict[tuple[str, ...], str] = {}
        self.demonyms: dict[tuple[str, ...], str] = {}
        for row in countries:
            iso = row["iso2"].upper()
            dems = split(row.get("demonyms", ""))
            self.countries[iso] = Country(iso, row["name"], dems[0] if dems else row["name"])
            for name in [row["name"], *split(row.get("aliases", ""))]:
                if name.isupper() and len(name.replace(".", "")) <= 4:
                    continue  # "US", "UK": too ambiguous in lower case; see exact_case below
                self.country_words.setdefault(tuple(_words(name)), iso)
            for dem in dems:
                self.demonyms.setdefault(tuple(_words(dem)), iso)
        for row in countries:
            for name in split(row.get("aliases", "")):
                if name.isupper() and len(name.replace(".", "")) <= 4:
                    self.exact_case.setdefault(
                        name,
                        Actor(
                            self.countries[row["iso2"].upper()].name,
                            row["iso2"].upper(),
                            "government",
                            "country",
                        ),
                    )
        self.sector_words: dict[tuple[str, ...], tuple[str, str]] = {}
        for row in sector_nouns:
            key = tuple(_words(row["word"]))
            if key:
                self.sector_words.setdefault(key, (row.get("sector") or "", row.get("kind") or ""))
        self.plurals = _plurals(self.sector_words)
        self.max_len = max(
            (len(k) for k in [*self.aliases, *self.sector_words, *self.country_words]), default=1
        )

    # -- look-ups -------------------------------------------------------------------------
    def _find(self, words: list[str], table: dict) -> list[tuple[int, int, object]]:
        """Longest, leftmost non-overlapping matches of *table* keys in *words* (kept for the
        words and table asked last: the rules ask of the same words many times)."""
        key = (id(table), tuple(words))
        found = self._found.get(key)
        if found is None:
            if len(self._found) >= _FOUND_KEPT:
                self._found.clear()
            found = self._found[key] = tuple(self._search(words, table))
        return list(found)

    def _search(self, words: list[str], table: dict) -> list[tuple[int, int, object]]:
        found, i = [], 0
        while i < len(words):
            for n in range(min(self.max_len, len(words) - i), 0, -1):
                hit = table.get(tuple(words[i : i + n]))
                if hit is not None:
                    found.append((i, i + n, hit))
                    i += n
                    break
            else:
                i += 1
        return found

    def named(self, text: str) -> Actor | None:
        """The named organisation or person the words mention, if any (longest match)."""
        hits = self._find(_words(text), self.aliases)
        for token in _CAPITALS.findall(text):
            for form in (token, token + "."):  # "U.S" once a final dot was trimmed
                if form in self.exact_case:
                    hits.append((0, len(form.replace(".", "")) / 10, self.exact_case[form]))
                    break
        if not hits:
            return None
        return max(hits, key=lambda h: (h[1] - h[0], h[2].kind != "country"))[2]

    def country_of(self, text: str) -> str | None:
        words = _words(text)
        for _i, _j, iso in self._find(words, self.demonyms) + self._find(words, self.country_words):
            return iso
        return None

    def sector_of(self, text: str) -> tuple[str, str, str] | None:
        """(word, sector, kind) of the last sector word in *text* (the head comes last in English)."""
        words = _words(text)
        hits = self._find(words, self.sector_words)
        if not hits:
            return None
        i, j, (sector, kind) = hits[-1]
        return " ".join(words[i:j]), sector, kind

    def is_country_or_people(self, text: str) -> bool:
        """The words are a country's name or its people's ("Iraq", "the Iraqis")."""
        words = tuple(_words(clean_mention(text)))
        return words in self.country_words or (words in self.demonyms and words[-1].endswith("s"))

    def country_named(self, text: str) -> str | None:
        """The country whose name or demonym the words are, wholly ("Venezuela", "Venezuelan")."""
        words = tuple(_words(clean_mention(text)))
        return self.country_words.get(words) or self.demonyms.get(words)

    def country_name(self, iso: str | None) -> str | None:
        c = self.countries.get(iso or "")
        return c.name if c else None

    def state_party(self, country: str | None, sector: str | None, text: str | None) -> Party | None:
        """A country's institution of a state sector ("Military Forces of Turkey"), or None when
        the sector is not a state's or the country unknown."""
        cname = self.country_name(country)
        if sector not in _state_names() or not cname:
            return None
        return Party(name=_state_names()[sector].format(c=cname), text=text, country=country, sector=sector)

    # -- the one entry point --------------------------------------------------------------
    def resolve(self, text: str, context_country: str | None = None) -> Party:
        """A canonical party for the words *text* of a mention."""
        clean = clean_mention(text)
        owned = _POSSESSIVE.match(clean)
        if owned and self.country_named(owned.group(1)) and self.sector_of(owned.group(2)):
            # "Sudan's army" is the army of Sudan
            found = self.resolve(f"{owned.group(2)} of {owned.group(1)}", context_country)
            return Party(name=found.name, text=text, country=found.country, sector=found.sector)
        named = self.named(clean)
        words = _words(clean)
        sector = self.sector_of(clean)
        if (
            named is not None
            and named.kind == "person"
            and sector is not None
            and sector[2] in ("institution", "people")
            and words[-len(sector[0].split()) :] == sector[0].split()
        ):
            # "Assad forces": the forces of the person's state, not the person
            iso = named.country
        elif named is not None and named.kind != "country":
            return Party(name=named.name, text=text, country=named.country, sector=named.sector)
        else:
            iso = self.country_of(clean) or (named.country if named else None)
        if sector is not None:
            return self._sector_party(text, clean, sector, iso, context_country)
        if named is not None and named.kind == "country" and iso == named.country:
            return Party(name=named.name, text=text, country=iso, sector="government")  # "the US"
        if iso is not None and words:
            if tuple(words) in self.country_words:
                return Party(name=self.country_name(iso), text=text, country=iso, sector="government")
            if tuple(words[-1:]) in self.demonyms or tuple(words) in self.demonyms:
                return Party(
                    name=f"Civilians ({self.country_name(iso)})", text=text, country=iso, sector="civilians"
                )
        return Party(name=clean or text.strip(), text=text, country=iso, sector=None)

    def _sector_party(
        self,
        text: str,
        clean: str,
        sector: tuple[str, str, str],
        iso: str | None,
        context_country: str | None,
    ) -> Party:
        """The party that words with a sector noun name: a state's institution, a person with a
        title, a state's people, civilians, or the words themselves."""
        words = _words(clean)
        word, sec, kind = sector
        country = iso or (context_country if kind in ("institution", "title") else None)
        state = self.state_party(country, sec, text)
        if kind == "title":
            person = self._strip_country(_strip_words(clean, word))
            if person and any(w[:1].isupper() for w in person.split()):
                return Party(name=person, text=text, country=country, sector=sec or None)
        if state is not None:
            return state  # an institution, an office without a name, or a state's people ("Iraqi soldiers")
        if kind == "people" and sec and iso and len(words) <= 3:
            return Party(
                name=f"{sec.capitalize()} ({self.country_name(iso)})", text=text, country=iso, sector=sec
            )
        if (
            word in _words_of("generic_people")
            and words[-len(word.split()) :] == word.split()
            and len(words) <= 2
        ):
            # "at least 23 people", "villagers": civilians, named as such
            return Party(name="Civilians", text=text, country=None, sector=sec)
        if kind == "people" and _words(text) == [word] and word in self.plurals:
            # "a jihadist attack", "rebel shelling": a word for one member, used of the group
            return Party(name=self.plurals[word], text=text, country=iso, sector=sec or None)
        return Party(name=clean or text, text=text, country=iso, sector=sec or None)

    def _strip_country(self, text: str) -> str:
        out = [
            w
            for w in text.split()
            if tuple(_words(w)) not in self.demonyms and tuple(_words(w)) not in self.country_words
        ]
        return " ".join(out).strip(" ,-")


def _plurals(sector_words: dict[tuple[str, ...], tuple[str, str]]) -> dict[str, str]:
    """The plural of each one-word people noun whose plural is a people noun too ("jihadist" ->
    "jihadists", "gunman" -> "gunmen", "militia" is none)."""
    people = {k[0] for k, (_, kind) in sector_words.items() if len(k) == 1 and kind == "people"}
    found = {}
    for word in people:
        forms = (
            word + "s",
            word + "es",
            word[:-1] + "ies",
            word[:-3] + "men" if word.endswith("man") else "",
        )
        plural = next((f for f in forms if f in people and f != word), None)
        if plural is not None:
            found[word] = plural
    return found


_POSSESSIVE = re.compile(r"^(?:the\s+)?(.+?)['\u2019]s\s+(.+)$", re.IGNORECASE)


def _strip_words(text: str, phrase: str) -> str:
    """*text* without the words of *phrase* (case-insensitive, accents folded)."""
    target = phrase.split()
    words = text.split()
    folded = [" ".join(_words(w)) for w in words]
    for i in range(len(words) - len(target) + 1):
        if folded[i : i + len(target)] == target:
            return " ".join(words[:i] + words[i + len(target) :]).strip(" ,")
    return text


@lru_cache(maxsize=8192)
def clean_mention(text: str) -> str:
    """The words of a mention without leading determiners, quantities and possessive 's."""
    text = re.sub(r"[\u2019']s?$", "", text.strip())
    text = re.sub(r"^\W+|\W+$", "", text)
    words = text.split()
    rest = [w for w in words if fold(w) not in _words_of("leading_noise")]
    numbered_name = (  # "444 Brigade", "103rd Infantry Brigade"
        len(rest) > 1
        and re.fullmatch(r"\d{1,4}(st|nd|rd|th)?", rest[0]) is not None
        and all(w[:1].isupper() for w in rest[1:])
        and len(rest) == len(words) - sum(fold(w) in ("the", "a", "an") for w in words)
    )
    while words and (
        fold(words[0]) in _words_of("leading_noise")
        or (re.fullmatch(r"[\d.,]+", words[0]) and not numbered_name)
        or fold(words[0]).startswith("then-")
    ):
        if fold(words[0]).startswith("then-") and len(words[0]) > 5:
            words[0] = words[0][5:]
            continue
        words.pop(0)
    return " ".join(words)


@lru_cache(maxsize=1)
def actor_index() -> ActorIndex:
    """The actor index, built once a process from the data files."""
    return ActorIndex(read_csv("actors.csv"), read_csv("countries.csv"), read_csv("sector_nouns.csv"))
