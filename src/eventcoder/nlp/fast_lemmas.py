"""The model's lemmatizer, remembered: each word gets the lemma spaCy's would give, once looked up.

spaCy's rule lemmatizer runs in Python on every token (its ``__call__`` walks the ``Doc`` token by
token, builds each ``Token`` and its ``MorphAnalysis``, and tests the base form before its own
cache): about 5% of a run. Its answer is a function of three things only: the word's text, its
part of speech and its morphological features (``rule_lemmatize`` and ``is_base_form`` read
nothing else; the lookup mode reads the text alone). ``FastLemmas`` reads those three columns of
a document as one array, gives each token the lemma remembered for its (orth, pos, morph), and
asks the model's own lemmatizer only for a combination not seen yet. The lemmas are the very same
(a test compares both on the corpora's sentences). A lemma the attribute rules set is kept, as
the model's lemmatizer keeps it (``overwrite`` false).

A word not seen yet cost the model's lemmatizer about 0.1 ms: each form a suffix rule makes is
looked for in the list of the known lemmas of its part of speech (57,000 nouns), walked from the
start. The wrapped lemmatizer gets the same lists as sets: ``form in index`` is the same test,
one hash look-up.

The memory is bounded (cleared when full), and so is the model's lemmatizer's own cache, which
spaCy never empties: both stay flat however long the corpus. Lemma strings are added to the
vocabulary per document, so that a memory zone's clean-up cannot take one from a later document.
"""

from __future__ import annotations

import logging

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

log = logging.getLogger(__name__)

#: lemmatizer classes whose answer is known to depend on the text, pos and morph alone
KNOWN = (Lemmatizer, EnglishLemmatizer)
KNOWN_MODES = ("rule", "lookup")
CACHE_SIZE = 50_000  # (orth, pos, morph) combinations remembered; cleared when full


def indexed(lookups: Lookups) -> Lookups:
    """The same tables, each list of known lemmas (``lemma_index``) as a set."""
    out = Lookups()
    for name in lookups.tables:
        table = lookups.get_table(name)
        sets = name == "lemma_index"
        out.add_table(
            name, {k: frozenset(v) if sets and isinstance(v, list) else v for k, v in table.items()}
        )
    return out


class FastLemmas:
    """A pipeline component with the behaviour of the lemmatizer it wraps, memoised."""

    def __init__(self, lemmatizer: Lemmatizer, size: int = CACHE_SIZE):
        lemmatizer.lookups = indexed(lemmatizer.lookups)
        self.lemmatizer = lemmatizer
        self.vocab = lemmatizer.vocab
        self.size = size
        self._lemmas: dict[tuple[int, int, int], str] = {}

    @property
    def lookups(self):
        """The wrapped lemmatizer's tables (the pre-filter reads its irregular forms)."""
        return self.lemmatizer.lookups

    def _work_out(self, doc: Doc, i: int, key: tuple[int, int, int]) -> str:
        lemma = self.lemmatizer.lemmatize(doc[i])[0]
        if len(self._lemmas) >= self.size:
            self._lemmas.clear()
        if len(self.lemmatizer.cache) >= self.size:
            self.lemmatizer.cache.clear()
        self._lemmas[key] = lemma
        return lemma

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        overwrite = self.lemmatizer.overwrite
        known, add = self._lemmas, self.vocab.strings.add
        added: dict[str, int] = {}  # each lemma string added once a document
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma and not overwrite:
                lemmas.append(lemma)
                continue
            key = (orth, pos, morph)
            text = known.get(key)
            if text is None:
                text = self._work_out(doc, i, key)
            value = added.get(text)
            if value is None:
                value = added[text] = add(text)
            lemmas.append(value)
        doc.from_array([LEMMA], numpy.array(lemmas, dtype=numpy.uint64))
        return doc


@Language.factory("eventcoder_lemmas", default_config={"source": "lemmatizer"})
def make_fast_lemmas(nlp: Language, name: str, source: str) -> FastLemmas:
    """Wraps the pipeline's own ``source`` lemmatizer, which must be in the pipeline."""
    return FastLemmas(nlp.get_pipe(source))


def can_memoise(lemmatizer) -> bool:
    """True when *lemmatizer*'s answer depends on a word's text, pos and morph alone."""
    return type(lemmatizer) in KNOWN and lemmatizer.mode in KNOWN_MODES


def speed_up_lemmas(nlp: Language) -> None:
    """Put ``eventcoder_lemmas`` in the place of the model's ``lemmatizer`` when its answers can be
    memoised (spaCy's rule or lookup lemmatizer); otherwise leave it as it is."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    if not can_memoise(nlp.get_pipe("lemmatizer")):
        log.info("lemmatizer kept: its lemmas may read more than the word, its pos and morph")
        return
    nlp.add_pipe("eventcoder_lemmas", after="lemmatizer")
    nlp.remove_pipe("lemmatizer")
