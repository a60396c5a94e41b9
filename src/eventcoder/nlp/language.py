"""Which paragraphs of a text are not in the model's language, by their stop words.

The English rules read English: a German "kill schickt Signale" or a French "Nantes met le feu"
is not a killing or a meeting. Each paragraph (a line of the text) is given the language whose
stop words it holds most of (``data/languages.toml``), or none when it holds too few of any;
a paragraph written mostly in another script (Arabic, Cyrillic, Chinese) is foreign; a paragraph
of no language takes the document's (a German page's headline and code lines are German too).
No model, no dependency: a few set look-ups per word.

A whole document's language is told by py3langid (a naive Bayes model of byte n-grams, shipped
inside its wheel: nothing is downloaded) when it is read (:func:`identify_language`). On 223
documents (the 24 non-English off-topic pages and 199 English reports) both it and the stop
words are right on every one; on their 2,301 paragraphs of five words or more, py3langid is
wrong on 115 (a list of names read as Danish), the stop words on 3 (340 left to the
document's language): paragraphs keep the stop words.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import islice

from ..lexicons.data import read_toml

MODEL_LANGUAGE = "en"
OTHER_SCRIPT = "other-script"

_PARAGRAPH = re.compile(r"[^\n]+")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_LATIN_END = 0x024F  # the last letter of Latin Extended-B


@lru_cache(maxsize=1)
def _stop_words() -> tuple[int, dict[str, frozenset[str]]]:
    data = read_toml("languages.toml")
    lists = {k: frozenset(v) for k, v in data.items() if isinstance(v, list)}
    return int(data.get("min_words", 2)), lists


@lru_cache(maxsize=1)
def _languages_of_word() -> dict[str, tuple[str, ...]]:
    """Each stop word and the languages whose list holds it: one look-up a word, not one a language."""
    out: dict[str, tuple[str, ...]] = {}
    for lang, stops in _stop_words()[1].items():
        for w in stops:
            out[w] = (*out.get(w, ()), lang)
    return out


def paragraph_language(text: str) -> tuple[str | None, int]:
    """The language of one paragraph and the weight of the evidence (words counted): "en",
    "de", ..., OTHER_SCRIPT, or None when too few stop words tell."""
    if not text.isascii():  # (an ASCII text holds no letter of another script)
        letters = [c for c in text if c.isalpha()]
        if letters and sum(ord(c) > _LATIN_END for c in letters) * 2 > len(letters):
            return OTHER_SCRIPT, len(letters) // 5
    least, lists = _stop_words()
    counts = dict.fromkeys(lists, 0)
    languages_of = _languages_of_word()
    # (an ASCII text is lowered once: the same words as lowering each; not so in other scripts)
    found = _WORD.findall(text.lower()) if text.isascii() else [w.lower() for w in _WORD.findall(text)]
    for w in found:
        for lang in languages_of.get(w, ()):
            counts[lang] += 1
    best = max(counts, key=lambda lang: (counts[lang], lang == MODEL_LANGUAGE))
    if counts[best] < least:
        return None, 0
    return best, counts[best]


def paragraph_languages(text: str) -> list[tuple[int, int, str | None]]:
    """(start, end, language) of each paragraph of *text*; a paragraph no stop word tells
    takes the document's language (the one of most words counted), if any."""
    found = [(m.start(), m.end(), *paragraph_language(m.group())) for m in _PARAGRAPH.finditer(text)]
    document = _most_weight(found)
    return [(s, e, lang if lang is not None else document) for s, e, lang, _w in found]


def document_language(text: str) -> str | None:
    """The language of most of *text* ("en", "de", ..., OTHER_SCRIPT), or None when no
    paragraph tells: what a run summary names for a document it did not code."""
    return _most_weight([(0, 0, *paragraph_language(m.group())) for m in _PARAGRAPH.finditer(text)])


_WALK_CACHE_SIZE = 30_000  # (state, word) walks kept; cleared when full (memory stays flat)


def _walk(identifier, walks: dict, text: bytes) -> Counter | None:
    """py3langid's feature counts of *text* (its DFA walk over bytes), the walk of each word and
    the space after it looked up by the state it starts from: a deterministic walk gives the same
    features in the same order, so the same counts and scores, at one dict look-up a known word."""
    tables = identifier.tk_nextmove, identifier._rowbase, identifier.tk_output
    words = text.split(b" ")
    last = words.pop()
    state, features = 0, []
    get = walks.get
    for word in words:
        hit = get((state, word))
        if hit is None:
            hit = walks[(state, word)] = _steps(tables, state, word + b" ")
        state = hit[0]
        features += hit[1]
    features += _steps(tables, state, last)[1]
    if len(walks) > _WALK_CACHE_SIZE:
        walks.clear()
    return Counter(features) if features else None


def _steps(tables, state: int, chunk: bytes) -> tuple[int, tuple[int, ...]]:
    """The state after walking *chunk* from *state*, and the features met on the way."""
    nm, rowbase, out = tables
    found = []
    for letter in chunk:
        state = nm[rowbase[state] + letter]
        if out[state] >= 0:
            found.append(out[state])
    return state, tuple(found)


@lru_cache(maxsize=1)
def _identifier():
    import numpy as np
    from py3langid.langid import MODEL_FILE, RAW_FLOOR, LanguageIdentifier

    class _CachedWalks(LanguageIdentifier):
        """py3langid's identifier, its byte walk cached by word (:func:`_walk`)."""

        walks: dict = {}

        def _raw_score(self, text):
            visits = _walk(self, self.walks, text)
            if visits:
                return self._sparse_score(visits, self.nb_ptc)
            fill = 0.0 if self._norm_probs else RAW_FLOOR
            return np.full(len(self.nb_classes), fill, dtype=np.float32)

    identifier = _CachedWalks.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(read_toml("languages.toml")["identifier_languages"])
    return identifier


def identify_language(text: str) -> str | None:
    """The language of a whole document ("en", "de", ..., ISO 639-1) as py3langid tells it among
    the ``identifier_languages`` of ``data/languages.toml``; English when its stop words say so
    (a headline of a few words misread); None when the identifier is not sure enough
    (``document_min_probability``) or the text has too few words (``document_min_words``): a
    document of no known language is read as the model's."""
    floor = _document_floor()[1]
    if sum(1 for _m in islice(_WORD.finditer(text), floor)) < floor:  # (counted up to the floor)
        return None
    label, probability = _identifier().classify(text)
    if label != MODEL_LANGUAGE and document_language(text) == MODEL_LANGUAGE:
        return MODEL_LANGUAGE
    return str(label) if probability >= _document_floor()[0] else None


@lru_cache(maxsize=1)
def _document_floor() -> tuple[float, int]:
    data = read_toml("languages.toml")
    return float(data["document_min_probability"]), int(data["document_min_words"])


def is_model_language(language: str | None) -> bool:
    """True when a document of *language* is coded by the model's rules (English, or unknown)."""
    return language is None or language == MODEL_LANGUAGE


def _most_weight(found: list[tuple[int, int, str | None, int]]) -> str | None:
    weights: Counter[str] = Counter()
    for _s, _e, lang, weight in found:
        if lang is not None:
            weights[lang] += weight
    return weights.most_common(1)[0][0] if weights else None


#: Texts whose foreign spans are remembered: more than the documents of a chunk (256), which the
#: pre-filter reads before the first is parsed, and a batch (64) the line marker reads before the
#: first is coded.
TEXTS_KEPT = 320


@lru_cache(maxsize=TEXTS_KEPT)
def foreign_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The character spans of *text* written in another language than the model's (cached: the
    pre-filter, the line marker and the relevance read the same document)."""
    return tuple(
        (s, e) for s, e, lang in paragraph_languages(text) if lang is not None and lang != MODEL_LANGUAGE
    )


def model_language_text(text: str) -> str:
    """*text* with its paragraphs in other languages blanked out (same length, same offsets)."""
    spans = foreign_spans(text)
    if not spans:
        return text
    parts, last = [], 0
    for s, e in spans:
        parts.append(text[last:s])
        parts.append(" " * (e - s))
        last = e
    parts.append(text[last:])
    return "".join(parts)
