"""A lexical pre-filter: documents that hold no word of any trigger are never parsed.

An event mention needs a trigger, a word whose lemma (or, for the lemmatizer's slips, a form of
its own text) is in the event lexicon. A document in which no word is a regular form of a trigger
lemma ("attacks", "seized", "stabbed") or an irregular one (from the model's own lemmatizer
exceptions: "fought", "shot") cannot report an event, so it skips spaCy and coding altogether.
The test is a few set look-ups per distinct word: far cheaper than tokenising, let alone parsing.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from ..lexicons.data import event_lexicon, fold
from .language import model_language_text

_WORD = re.compile(r"[a-z]+")
_SUFFIXES = (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("d", ""), ("ing", ""))


def bases(word: str) -> set[str]:
    """The lemmas a regular English form could have: "attacks" -> attack, "seized" -> seize,
    "stabbed" -> stab, "casualties" -> casualty, "clashes" -> clash."""
    out = {word}
    for suffix, repl in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            base = word[: -len(suffix)] + repl
            out.add(base)
            if suffix in ("ed", "ing"):
                out.add(base + "e")  # seized, seizing
                if len(base) > 2 and base[-1] == base[-2]:
                    out.add(base[:-1])  # stabbed, banning
    return out


class TriggerWords:
    """The trigger lemmas, and the irregular forms of them that the model's lemmatizer knows."""

    def __init__(self, lemmas: set[str], irregular: dict[str, list[str]]):
        self.lemmas = frozenset(fold(lemma) for lemma in lemmas)
        self.irregular = frozenset(
            fold(form) for form, heads in irregular.items() if any(h in self.lemmas for h in heads)
        )

    def in_text(self, text: str) -> bool:
        """Does some word of *text* look like a form of a trigger lemma? Paragraphs in another
        language (:mod:`language`) are not read: a German page of "kill" commands is not parsed."""
        lemmas, irregular = self.lemmas, self.irregular
        for word in set(_WORD.findall(fold(model_language_text(text)))):
            if word in irregular or not lemmas.isdisjoint(bases(word)):
                return True
        return False


@lru_cache(maxsize=4)
def trigger_words(nlp) -> TriggerWords:
    """The pre-filter for the pipeline *nlp* (its lemmatizer's exceptions give the irregular
    forms); built once per pipeline."""
    # a trigger needs the word it is looked up by ("operation" in "military operation"); when
    # that is a function word ("in" of "sit-in"), its longest other word will do
    lemmas = {
        head if head not in STOP_WORDS else max(t.words, key=lambda w: (w not in STOP_WORDS, len(w)))
        for (head, _pos), triggers in event_lexicon().items()
        for t in triggers
    }
    irregular: dict[str, list[str]] = {}
    if "lemmatizer" in nlp.pipe_names:
        lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
        if lookups is not None and lookups.has_table("lemma_exc"):
            for table in lookups.get_table("lemma_exc").values():
                for form, heads in table.items():
                    irregular.setdefault(form, []).extend(heads)
    return TriggerWords(lemmas, irregular)
