"""A lexical pre-filter: documents that hold no word of any trigger, or no word of a conflict
context, are never parsed.

An event mention needs a trigger, a word whose lemma (or, for the lemmatizer's slips, a form of
its own text) is in the event lexicon. A document in which no word is a regular form of a trigger
lemma ("attacks", "seized", "stabbed") or an irregular one (from the model's own lemmatizer
exceptions: "fought", "shot") cannot report an event, so it skips spaCy and coding altogether.
The test is a few set look-ups per distinct word: far cheaper than tokenising, let alone parsing.

A document about conflict or politics names a party, a state's institution, a weapon of war or a
state (``data/en/context.toml``, the names and demonyms of ``data/countries.csv``). A page that
names none of them, a match report whose striker "fired a shot", a manual page that "kills" a
process, a recipe that "beats" eggs, reports no event whatever its words. Paragraphs in another
language (:mod:`language`) are read for neither.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicons.data import event_lexicon, fold, read_csv, read_toml, word_lists
from .language import model_language_text

_CONTEXT_LISTS = ("parties", "politics", "weapons")
"""The lists of ``context.toml`` whose words name a conflict context."""
_WORD = re.compile(r"[a-z]+")
_SUFFIXES = (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("d", ""), ("ing", ""))


@lru_cache(maxsize=65536)
def bases(word: str) -> frozenset[str]:
    """The lemmas a regular English form could have: "attacks" -> attack, "seized" -> seize,
    "stabbed" -> stab, "casualties" -> casualty, "clashes" -> clash. (Remembered: the pre-filter,
    the context test and the relevance ask for every word of every document.)"""
    out = {word}
    for suffix, repl in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            base = word[: -len(suffix)] + repl
            out.add(base)
            if suffix in ("ed", "ing"):
                out.add(base + "e")  # seized, seizing
                if len(base) > 2 and base[-1] == base[-2]:
                    out.add(base[:-1])  # stabbed, banning
    return frozenset(out)


#: Texts whose words are remembered: more than the documents of a chunk (``pipeline.CHUNK``, 256),
#: all of which the pre-filter reads before the first is coded and its relevance asked.
TEXTS_KEPT = 320


@lru_cache(maxsize=TEXTS_KEPT)
def text_words(text: str) -> frozenset[str]:
    """The distinct folded words of *text*, its paragraphs in another language left out: read once
    per document by the pre-filter, and again, from this cache, for its relevance."""
    return frozenset(_WORD.findall(fold(model_language_text(text))))


class TriggerWords:
    """The trigger lemmas, and the irregular forms of them that the model's lemmatizer knows;
    with *context* (:class:`ContextWords`), the words of which a report holds one."""

    def __init__(
        self, lemmas: set[str], irregular: dict[str, list[str]], context: ContextWords | None = None
    ):
        self.lemmas = frozenset(fold(lemma) for lemma in lemmas)
        self.irregular = frozenset(
            fold(form) for form, heads in irregular.items() if any(h in self.lemmas for h in heads)
        )
        self.context = context

    def in_text(self, text: str) -> bool:
        """Could *text* report an event? Some word of it looks like a form of a trigger lemma, and
        some word names a conflict context. Paragraphs in another language (:mod:`language`) are
        not read: a German page of "kill" commands is not parsed."""
        words = text_words(text)
        return self.has_trigger(words) and (self.context is None or self.context.in_words(words))

    def has_trigger(self, words: set[str]) -> bool:
        """Does one of *words* (folded) look like a form of a trigger lemma?"""
        lemmas, irregular = self.lemmas, self.irregular
        return any(word in irregular or not lemmas.isdisjoint(bases(word)) for word in words)


class ContextWords:
    """Words of a conflict context (*lemmas*, in any regular form) and names of states (*names*,
    as they are written: "Niger", "Nigerians"); a text of fewer than *min_words* distinct words
    is too short to show its subject and needs none."""

    def __init__(self, lemmas: set[str], names: set[str], min_words: int = 0, relevant_at: int = 1):
        self.lemmas = frozenset(fold(w) for w in lemmas)
        self.names = frozenset(fold(w) for w in names)
        self.min_words = min_words
        self.relevant_at = max(1, relevant_at)

    def in_words(self, words: set[str]) -> bool:
        """Does one of *words* (folded) name a party, an institution, a weapon or a state, or are
        they too few to tell?"""
        if len(words) < self.min_words:
            return True
        lemmas = self.lemmas
        return not self.names.isdisjoint(words) or any(not lemmas.isdisjoint(bases(w)) for w in words)

    def found(self, words: set[str]) -> set[str]:
        """The context words and state names among *words* (folded), each once: "troops",
        "troop" and "Nigerians" give {"troop", "nigerians"}."""
        lemmas = self.lemmas
        out = set(self.names & words)
        for w in words:
            out.update(lemmas & bases(w))
        return out


def relevance(text: str, context: ContextWords | None = None) -> float:
    """How much *text* is about politics or conflict, from 0 to 1: the distinct context words
    and state names it holds (:class:`ContextWords`), over ``relevant_at`` of ``context.toml``
    (that many make a report about conflict, 1.0). A text shorter than ``min_words`` distinct
    words shows no subject and is taken as relevant. The paragraphs in another language are
    not read."""
    context = context or context_words()
    words = text_words(text)
    if len(words) < context.min_words:
        return 1.0
    return min(1.0, len(context.found(words)) / context.relevant_at)


@lru_cache(maxsize=1)
def context_words() -> ContextWords:
    """The conflict context words (``context.toml``), the one-word names and demonyms of the
    states (``countries.csv``) and of the actors (``actors.csv``: "Hamas", "Taliban"; news media
    are no party). Abbreviations ("US", "CAR", "FACT", "CARE") are left out: folded, they are
    English words ("us", "car", "fact", "care")."""
    data = read_toml("context.toml")
    lemmas = {w for key in _CONTEXT_LISTS for w in data.get(key, [])}
    names = set()
    for row in read_csv("countries.csv"):
        names.update(_one_word_names(row["name"], row["aliases"], row["demonyms"]))
    for row in read_csv("actors.csv"):
        if row["kind"] != "media":
            names.update(_one_word_names(row["name"], row["aliases"]))
    return ContextWords(lemmas, names, int(data.get("min_words", 0)), int(data.get("relevant_at", 1)))


def _one_word_names(*cells: str) -> set[str]:
    names = (name.strip() for cell in cells for name in cell.split("|"))
    return {name for name in names if name and " " not in name and not name.isupper()}


@lru_cache(maxsize=4)
def trigger_words(nlp) -> TriggerWords:
    """The pre-filter for the pipeline *nlp* (its lemmatizer's exceptions give the irregular
    forms); built once per pipeline."""
    from spacy.lang.en.stop_words import STOP_WORDS  # here, not at import: spaCy loads on first use

    # a trigger needs the word it is looked up by ("operation" in "military operation"); when
    # that is a function word ("in" of "sit-in"), its longest other word will do
    lemmas = {
        head if head not in STOP_WORDS else max(t.words, key=lambda w: (w not in STOP_WORDS, len(w)))
        for (head, _pos), triggers in event_lexicon().items()
        for t in triggers
    }
    lemmas |= word_lists("triggers.toml")[
        "insulting_nouns"
    ]  # a speaker's insult accuses (sentence/triggers.py)
    irregular: dict[str, list[str]] = {}
    for name in ("lemmatizer", "eventcoder_lemmas"):  # the model's, or it memoised (nlp/fast_lemmas.py)
        lookups = getattr(nlp.get_pipe(name), "lookups", None) if name in nlp.pipe_names else None
        if lookups is not None and lookups.has_table("lemma_exc"):
            for table in lookups.get_table("lemma_exc").values():
                for form, heads in table.items():
                    irregular.setdefault(form, []).extend(heads)
    return TriggerWords(lemmas, irregular, context_words())
