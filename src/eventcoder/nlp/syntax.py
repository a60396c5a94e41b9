"""Small helpers over spaCy's dependency parse, shared by the event finder's stages."""

from __future__ import annotations

import bisect
import unicodedata
from functools import lru_cache

from spacy.attrs import DEP, HEAD, LEMMA, ORTH, POS, TAG
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Token

from ..lexicons.data import fold
from . import deps

# Dependents that belong to the words naming a party: "the Iraqi Army", "11 MEK members".
PARTY_LEFT_DEPS = (
    deps.DETERMINER,
    deps.POSSESSIVE,
    deps.COMPOUND,
    deps.ADJ_MODIFIER,
    deps.NUMBER_MODIFIER,
    deps.NOUN_MODIFIER,
    deps.QUANTIFIER_MODIFIER,
    deps.CASE,
    deps.PUNCTUATION,
    deps.ADVERB_MODIFIER,
    deps.NOUN_ADVERBIAL,
    deps.PREDETERMINER,
)
PRONOUNS = ("PRP", "PRP$", "WP", "WP$", "WDT")
# Dependents that can complete a verb phrase ("open fire", "take to the streets").
PHRASE_DEPS = (
    deps.PREP,
    deps.PARTICLE,
    deps.DIRECT_OBJECT,
    deps.DATIVE,
    deps.ADJ_COMPLEMENT,
    deps.OBJECT_PREDICATE,
    deps.OPEN_COMPLEMENT,
    deps.ATTRIBUTE,
    deps.ADVERB_MODIFIER,
    deps.NOUN_ADVERBIAL,
    deps.COMPOUND,
)
# Entities whose words are names, never triggers ("the UN Support Mission").
NAME_ENTS = ("ORG", "FAC", "LAW", "WORK_OF_ART", "EVENT", "PRODUCT", "PERSON", "GPE", "LOC", "NORP")


def pos_of(tok: Token) -> str | None:
    """VERB or NOUN as the lexicon knows them (by the fine tag first: the coarse one slips)."""
    doc = tok.doc  # (the document's list looked up here: asked some 900 times a document)
    return (doc.user_data.get(_PARTS) or word_classes(doc))[tok.i]


def _pos_of(tag: str, pos: str) -> str | None:
    if tag.startswith("VB") or pos == "VERB":
        return "VERB"
    if tag.startswith("NN") or pos in ("NOUN", "PROPN"):
        return "NOUN"
    return None


def word_classes(doc) -> list[str | None]:
    """:func:`pos_of` of every token, worked out once per document (from arrays, no ``Token``)."""
    cached = doc.user_data.get(_PARTS)
    if cached is None:
        strings = doc.vocab.strings
        tags = [strings[t] if t else "" for t in doc.to_array(TAG).tolist()]
        cached = doc.user_data[_PARTS] = [
            _pos_of(tag, pos) for tag, pos in zip(tags, coarse_tags(doc), strict=True)
        ]
    return cached


def coarse_tags(doc) -> list[str]:
    """Every token's ``pos_`` ("PROPN", "VERB"), listed once per document."""
    cached = doc.user_data.get(_COARSE)
    if cached is None:
        cached = doc.user_data[_COARSE] = [POS_NAMES[p] for p in doc.to_array(POS).tolist()]
    return cached


def lemma_forms(tok: Token) -> tuple[str, ...]:
    """The lemma, and fall-backs for the lemmatizer's slips ("staged" -> "stag"); none for a word
    marked silent (:func:`mark_silent`): German "kill" or French "met", a cut-off fragment; none
    for a word written with accents: no English trigger has one, and folded, German "bläst"
    would read "blast". Worked out once per token of a document."""
    doc = tok.doc
    return (doc.user_data.get(_FORMS) or all_lemma_forms(doc))[tok.i]


def all_lemma_forms(doc) -> list[tuple[str, ...]]:
    """:func:`lemma_forms` of every token of *doc*, worked out once, from arrays (no ``Token``):
    the event finder tests every word against the lexicon before it makes a ``Token`` of one."""
    cached = doc.user_data.get(_FORMS)
    if cached is None:
        strings, classes = doc.vocab.strings, word_classes(doc)
        silent = {i for s, e in doc.user_data.get(_SILENT) or () for i in range(s, e)}
        lemmas, texts = doc.to_array(LEMMA).tolist(), doc.to_array(ORTH).tolist()
        cached = doc.user_data[_FORMS] = [
            _forms_of(strings[lem] if lem else "", strings[t], cls == "VERB", i in silent)
            for i, (lem, t, cls) in enumerate(zip(lemmas, texts, classes, strict=True))
        ]
    return cached


def mark_silent(doc, ranges: list[tuple[int, int]]) -> None:
    """Mark the tokens of *ranges* (start, end token indices) as words that trigger nothing: words
    of another language, fragments of a sentence (:mod:`lines`)."""
    if ranges:
        doc.user_data[_SILENT] = tuple(ranges)
    else:
        doc.user_data.pop(_SILENT, None)


def is_silent(tok: Token) -> bool:
    """Is *tok* in a span marked by :func:`mark_silent`?"""
    ranges = tok.doc.user_data.get(_SILENT)
    return ranges is not None and any(s <= tok.i < e for s, e in ranges)


@lru_cache(maxsize=65536)
def _accented(text: str) -> bool:
    return not text.isascii() and any(unicodedata.combining(c) for c in unicodedata.normalize("NFKD", text))


@lru_cache(maxsize=65536)
def _forms_of(lemma: str, text: str, verb: bool, silent: bool) -> tuple[str, ...]:
    return () if silent or _accented(text) else _forms(lemma, text, verb)


@lru_cache(maxsize=65536)
def _forms(lemma: str, text: str, verb: bool) -> tuple[str, ...]:
    lemma, text = fold(lemma), fold(text)
    forms = [lemma, text]
    if verb:
        for suffix, repl in (
            ("ied", "y"),
            ("ed", "e"),
            ("ed", ""),
            ("d", ""),
            ("ing", "e"),
            ("ing", ""),
            ("es", ""),
            ("s", ""),
        ):
            if text.endswith(suffix) and len(text) - len(suffix) >= 3:
                forms.append(text[: -len(suffix)] + repl)
    return tuple(dict.fromkeys(forms))


def tree(doc) -> tuple[list[list[int]], list[str]]:
    """Each token's children (indices, in the order of ``Token.children``) and each token's
    dependency label, read once per document from arrays: the helpers below look up lists
    instead of making a ``Token`` of every child they test."""
    cached = doc.user_data.get(_TREE)
    if cached is None:
        strings = doc.vocab.strings
        heads = doc.to_array(HEAD).astype("int64").tolist()
        kids: list[list[int]] = [[] for _ in heads]
        for j, rel in enumerate(heads):
            if rel:
                kids[j + rel].append(j)
        cached = doc.user_data[_TREE] = (kids, [strings[h] if h else "" for h in doc.to_array(DEP).tolist()])
    return cached


def subtree_indices(tok: Token) -> set[int]:
    """The indices of ``tok.subtree`` (the token and all it governs), from the document's
    :func:`tree`: no ``Token`` made."""
    kids = tree(tok.doc)[0]
    out, todo = set(), [tok.i]
    while todo:
        i = todo.pop()
        out.add(i)
        todo.extend(kids[i])
    return out


def has_child(tok: Token, deps: tuple[str, ...], lemmas: frozenset | None = None) -> bool:
    doc = tok.doc
    kids, labels = doc.user_data.get(_TREE) or tree(doc)
    if not kids[tok.i]:
        return False
    folded = folded_lemmas(doc) if lemmas is not None else None
    for j in kids[tok.i]:  # (a plain loop: a generator costs more than the look-ups)
        if labels[j] in deps and (folded is None or folded[j] in lemmas):
            return True
    return False


def _child_index(kids: list[list[int]], labels: list[str], i: int, deps: tuple[str, ...]) -> int | None:
    for j in kids[i]:
        if labels[j] in deps:
            return j
    return None


def child(tok: Token, deps: tuple[str, ...]) -> Token | None:
    doc = tok.doc
    j = _child_index(*(doc.user_data.get(_TREE) or tree(doc)), tok.i, deps)
    return None if j is None else doc[j]


def prep_object(tok: Token, preps: frozenset) -> Token | None:
    doc = tok.doc
    kids, labels = doc.user_data.get(_TREE) or tree(doc)
    if not kids[tok.i]:
        return None
    folded = folded_lemmas(doc)
    for c in kids[tok.i]:
        if (
            labels[c] in (deps.PREP, deps.AGENT, deps.PARTICLE) and folded[c] in preps
        ):  # (the parser takes some for particles)
            obj = _child_index(kids, labels, c, (deps.PREP_OBJECT, deps.PREP_COMPLEMENT))
            if obj is not None:
                return doc[obj]
    return None


def is_passive(verb: Token) -> bool:
    return (
        any(c.dep_ in (deps.SUBJECT_PASSIVE, deps.AUX_PASSIVE) for c in verb.children)
        or (verb.tag_ == "VBN" and verb.dep_ in (deps.ACL, deps.ADJ_MODIFIER))
        or _reduced_passive(verb)
    )


def _reduced_passive(verb: Token) -> bool:
    """ "..., with 146 people wounded": a subordinate participle with a subject, no auxiliary and
    no object is passive (a main verb tagged so is often a past tense: "peacekeepers deployed")."""
    return (
        verb.tag_ == "VBN"
        and (
            verb.dep_ == deps.ADVERBIAL_CLAUSE
            # "four soldiers were killed and three others wounded": the auxiliary is not repeated
            or verb.dep_ == deps.CONJUNCT
            and any(c.dep_ == deps.AUX_PASSIVE for c in verb.head.children)
        )
        and not any(c.dep_ in (deps.AUX, deps.AUX_PASSIVE, deps.DIRECT_OBJECT) for c in verb.children)
        and any(c.dep_ == deps.SUBJECT for c in verb.children)
    )


def passive_subject(verb: Token) -> Token | None:
    """Who undergoes a passive verb: its nsubjpass, or the subject of a reduced passive."""
    for c in verb.children:
        if c.dep_ == deps.SUBJECT_PASSIVE or (c.dep_ == deps.SUBJECT and _reduced_passive(verb)):
            return c
    return None


def depth(tok: Token) -> int:
    d = 0
    while tok.head.i != tok.i:
        tok, d = tok.head, d + 1
    return d


def ents(doc) -> tuple:
    """The document's entities, built once per coding (spaCy builds ``doc.ents`` anew at each
    access); :func:`forget` drops the copy."""
    cached = doc.user_data.get(_ENTS)
    if cached is None:
        cached = doc.user_data[_ENTS] = tuple(doc.ents)
    return cached


def sent_ents(sent) -> list:
    """The entities of one sentence, from the document's cached list (in order, found by bisection
    of their starts)."""
    doc = sent.doc
    found = ents(doc)
    starts = doc.user_data.get(_ENT_STARTS)
    if starts is None:
        starts = doc.user_data[_ENT_STARTS] = [e.start for e in found]
    return list(found[bisect.bisect_left(starts, sent.start) : bisect.bisect_left(starts, sent.end)])


def doc_text(doc) -> str:
    """The document's text, built once (spaCy joins every token's text at each ``doc.text``)."""
    cached = doc.user_data.get(_TEXT)
    if cached is None:
        cached = doc.user_data[_TEXT] = doc.text
    return cached


def remember_text(doc, text: str) -> None:
    """Give :func:`doc_text` the *text* *doc* was made of, when it is (spaCy's tokens keep every
    character, so a Doc's text is the text it was made from): not built again from the tokens."""
    last = doc[-1] if len(doc) else None
    if (last.idx + len(last.text_with_ws) if last is not None else 0) == len(text):
        doc.user_data[_TEXT] = text


def remember_source(doc, text: str) -> None:
    """Keep the document's own *text* on *doc* when the model parsed another of the same length
    (its reference marks blanked: ``nlp.reference_marks``), for :func:`source_text`."""
    if text != doc_text(doc) and len(text) == len(doc_text(doc)):
        doc.user_data[_SOURCE] = text


def source_text(doc) -> str:
    """The document's own text: the evidence is cut from it (the same offsets as the Doc's)."""
    return doc.user_data.get(_SOURCE) or doc_text(doc)


def span_text(span) -> str:
    """``span.text``, cut from the document's text built once (spaCy joins the tokens anew)."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def folded_lemmas(doc) -> list[str]:
    """Every token's lemma, folded (:func:`lexicon.fold`), listed once per document."""
    cached = doc.user_data.get(_LEMMAS)
    if cached is None:
        strings = doc.vocab.strings
        cached = doc.user_data[_LEMMAS] = [
            fold(strings[h]) if h else "" for h in doc.to_array([LEMMA]).tolist()
        ]
    return cached


def folded_texts(doc) -> list[str]:
    """Every token's text, folded (:func:`lexicon.fold`), listed once per document: a rule that
    looks for a word in a sentence reads this list, not a ``Token`` made for each word."""
    cached = doc.user_data.get(_TEXTS)
    if cached is None:
        strings = doc.vocab.strings
        cached = doc.user_data[_TEXTS] = [fold(strings[h]) for h in doc.to_array(ORTH).tolist()]
    return cached


def head_indices(doc) -> list[int]:
    """Every token's head, as an index (``tok.head.i``), listed once per document."""
    cached = doc.user_data.get(_HEADS)
    if cached is None:
        rel = doc.to_array(HEAD).astype("int64").tolist()
        cached = doc.user_data[_HEADS] = [i + r for i, r in enumerate(rel)]
    return cached


def sent_lemmas(sent) -> set[str]:
    """The folded lemmas of a sentence (or any span), as a set."""
    return set(folded_lemmas(sent.doc)[sent.start : sent.end])


def sentence(tok):
    """The sentence of *tok* (``tok.sent`` walks the sentence anew at each access): the
    document's sentences are listed once, then found by bisection."""
    doc = tok.doc
    cached = doc.user_data.get(_SENTS)
    if cached is None:
        sents = list(doc.sents)
        cached = doc.user_data[_SENTS] = ([s.start for s in sents], sents)
    starts, sents = cached
    return sents[bisect.bisect_right(starts, tok.i) - 1]


def forget(doc) -> None:
    doc.user_data.pop(_ENTS, None)
    doc.user_data.pop(_ENT_STARTS, None)


_ENTS = "eventcoder.ents"
_ENT_STARTS = "eventcoder.ent_starts"
_TEXT = "eventcoder.text"
_SOURCE = "eventcoder.source"
_SENTS = "eventcoder.sents"
_LEMMAS = "eventcoder.lemmas"
_PARTS = "eventcoder.parts"
_COARSE = "eventcoder.coarse"
_FORMS = "eventcoder.forms"
_TREE = "eventcoder.tree"
_TEXTS = "eventcoder.folded_texts"
_HEADS = "eventcoder.head_indices"
_SILENT = "eventcoder.silent"
