"""The model's attribute rules (fine tag -> part of speech, morphology, some lemmas), applied fast.

spaCy's ``attribute_ruler`` runs a token ``Matcher`` over every document: about a tenth of the
whole pipeline's time in ``en_core_web_sm``, although nearly all of its rules look at one token's
tag, lower-case form, dependency label and whether it is a space. ``FastAttributes`` compiles the
same rules once and remembers, for each tag, dependency label and space flag, which rules can
hold, so that only their tests on the word itself run per token; rules of several tokens are
checked only where their first token fits. It gives the very same
annotations as the ruler it replaces (a test compares both on the development corpus), in the
same precedence: rules added later win.

Supported rule predicates are the ones the English models use: exact values, ``IN`` and ``NOT_IN``
lists and ``REGEX`` on ``TAG``, ``LOWER``, ``DEP`` and ``IS_SPACE``. A model whose rules use anything else
keeps its own ``attribute_ruler`` (``compile_rules`` returns ``None``).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc
from spacy.tokens._retokenize import normalize_token_attrs, set_token_attrs
from spacy.vocab import Vocab

log = logging.getLogger(__name__)

_KEYS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_ARRAY_ATTRS = {"POS": POS, "MORPH": MORPH, "LEMMA": LEMMA}


@dataclass(frozen=True)
class _Rule:
    order: int  # position in the ruler: later rules win
    tokens: tuple[tuple[tuple[str, object], ...], ...]  # per token: (key, predicate) pairs
    index: int  # which token of the match gets the attributes
    attrs: dict


def _predicate(value) -> object | None:
    """A test on one attribute value, or None when the rule uses a form not supported here."""
    if isinstance(value, (str, bool)):
        return value
    if isinstance(value, dict) and len(value) == 1:
        ((op, arg),) = value.items()
        if op == "IN":
            return frozenset(arg)
        if op == "NOT_IN":
            return _NotIn(arg)
        if op == "REGEX":
            return re.compile(arg)
    return None


class _NotIn(frozenset):
    """The ``NOT_IN`` operator's set."""


def _holds(pred: object, value: object) -> bool:
    if isinstance(pred, _NotIn):
        return value not in pred
    if isinstance(pred, frozenset):
        return value in pred
    if isinstance(pred, re.Pattern):
        return isinstance(value, str) and pred.search(value) is not None
    return pred == value


def compile_rules(patterns: list[dict]) -> list[_Rule] | None:
    """The ruler's patterns (``AttributeRuler.patterns``) as rules, or None if one of them uses
    an attribute or operator this module does not evaluate."""
    rules = []
    for order, p in enumerate(patterns):
        for alternative in p["patterns"]:
            tokens = []
            for spec in alternative:
                if not set(spec) <= set(_KEYS):
                    return None
                preds = tuple((k, _predicate(v)) for k, v in spec.items())
                if any(pred is None for _k, pred in preds):
                    return None
                tokens.append(preds)
            index = p.get("index", 0)
            rules.append(
                _Rule(order, tuple(tokens), index if index >= 0 else len(tokens) + index, p["attrs"])
            )
    return rules


@dataclass(frozen=True)
class _Context:
    """The rules whose tests on a token's tag, label and space flag hold, by their test on the
    lower-case word: none (*always*), a word or a list of words (*by_word*: one look-up), a
    pattern or an exclusion (*tested* one by one)."""

    always: tuple[tuple[int, int], ...]
    by_word: dict[str, tuple[tuple[int, int], ...]]
    tested: tuple[tuple[int, int, object], ...]

    @classmethod
    def of(cls, candidates) -> _Context:
        always, tested, by_word = [], [], {}
        for n, j, test in candidates:
            if test is None:
                always.append((n, j))
            elif isinstance(test, str):
                by_word[test] = (*by_word.get(test, ()), (n, j))
            elif type(test) is frozenset:
                for w in test:
                    by_word[w] = (*by_word.get(w, ()), (n, j))
            else:
                tested.append((n, j, test))
        return cls(tuple(always), by_word, tuple(tested))


class FastAttributes:
    """A pipeline component with the behaviour of the ``attribute_ruler`` it was compiled from."""

    def __init__(self, vocab: Vocab, rules: list[_Rule]):
        self.vocab = vocab
        self.rules = rules
        # (tag, label, is-space) -> the (rule, position, test on the lower-case word) whose other
        # tests hold: few per context, so a word's own test is all that is left to run per token
        self._context: dict[tuple[int, int, int], _Context] = {}
        self._seen: dict[tuple[int, int, int, int], tuple[tuple[int, int], ...]] = {}
        self._morphs: dict[str, int] = {}

    def _candidates(self, tag: int, dep: int, space: int) -> _Context:
        key = (tag, dep, space)
        found = self._context.get(key)
        if found is None:
            strings = self.vocab.strings
            values = {
                "TAG": strings[tag] if tag else "",
                "DEP": strings[dep] if dep else "",
                "IS_SPACE": bool(space),
            }
            found = _Context.of(
                (n, j, dict(preds).get("LOWER"))
                for n, rule in enumerate(self.rules)
                for j, preds in enumerate(rule.tokens)
                if all(_holds(pred, values[k]) for k, pred in preds if k != "LOWER")
            )
            self._context[key] = found  # bounded by the model's tags and labels
        return found

    def _rules_of(self, key: tuple[int, int, int, int]) -> tuple[tuple[int, int], ...]:
        """(rule number, token position) pairs that a token with these values satisfies."""
        fits = self._seen.get(key)
        if fits is None:
            fits = self._work_out(key)
            if len(self._seen) < 50_000:  # bounded: common words come back, rare ones need not stay
                self._seen[key] = fits
        return fits

    def _work_out(self, key: tuple[int, int, int, int]) -> tuple[tuple[int, int], ...]:
        tag, lower, dep, space = key
        context = self._candidates(tag, dep, space)
        if not context.by_word and not context.tested:
            return context.always
        word = self.vocab.strings[lower] if lower else ""
        fits = [*context.always, *context.by_word.get(word, ())]
        fits += [(n, j) for n, j, test in context.tested if _holds(test, word)]
        return tuple(sorted(fits))

    def _morph(self, value: str) -> int:
        key = self._morphs.get(value)
        if key is None:
            key = self._morphs[value] = self.vocab.morphology.add(value)
        return key

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        columns = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).T.tolist()
        seen, rules_of = self._seen, self._rules_of
        fits = [seen.get(k) or rules_of(k) for k in zip(*columns, strict=True)]
        # every match as (rule order, start, rule), sorted so that later rules are applied last
        matches = []
        for start, here in enumerate(fits):
            for n, j in here:
                if j:
                    continue
                rule = self.rules[n]
                width = len(rule.tokens)
                if width == 1 or (
                    start + width <= len(doc) and all((n, k) in fits[start + k] for k in range(1, width))
                ):
                    matches.append((rule.order, start, n))
        matches.sort()
        values = {name: doc.to_array([attr]).astype(numpy.uint64) for name, attr in _ARRAY_ATTRS.items()}
        by_hand = []  # attributes that arrays cannot carry (tags and labels), set token by token
        for _order, start, n in matches:
            rule = self.rules[n]
            i = start + rule.index
            for name, value in rule.attrs.items():
                if name == "MORPH":
                    values["MORPH"][i] = self._morph(value)
                elif name == "POS":
                    values["POS"][i] = POS_IDS[value]
                elif name in _ARRAY_ATTRS:
                    values[name][i] = self.vocab.strings.add(value)
                else:
                    by_hand.append((i, normalize_token_attrs(self.vocab, {name: value})))
        names = list(_ARRAY_ATTRS)
        doc.from_array([_ARRAY_ATTRS[n] for n in names], numpy.stack([values[n] for n in names], axis=1))
        for i, attrs in by_hand:
            set_token_attrs(doc[i], attrs)
        return doc


@Language.factory("eventcoder_attributes", default_config={"source": "attribute_ruler"})
def make_fast_attributes(nlp: Language, name: str, source: str) -> FastAttributes:
    """Compiled from the pipeline's own ``source`` ruler, which must be in the pipeline."""
    rules = compile_rules(nlp.get_pipe(source).patterns)
    if rules is None:
        raise ValueError(f"the rules of '{source}' use predicates eventcoder cannot compile")
    return FastAttributes(nlp.vocab, rules)


def speed_up(nlp: Language) -> None:
    """Put ``eventcoder_attributes`` in the place of the model's ``attribute_ruler``, when it can
    be compiled; otherwise leave the ruler as it is."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    if compile_rules(nlp.get_pipe("attribute_ruler").patterns) is None:
        log.info("attribute_ruler kept: its rules use predicates that are not compiled")
        return
    nlp.add_pipe("eventcoder_attributes", after="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")
