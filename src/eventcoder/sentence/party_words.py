"""The words that name a party: which token heads it, which words name it, whether they name
a party at all (a person, an organisation, a state, people) rather than a thing or a place."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..lexicons.data import cue, fold, word_lists
from ..nlp import deps
from ..nlp.syntax import PARTY_LEFT_DEPS, child, ents, has_child, prep_object


def is_partylike(tok: Token | None) -> bool:
    """Does *tok* name a party: a person, an organisation, a state, people? Worked out once per
    token of a document."""
    tok = party_head(tok)
    if tok is None:
        return False
    known = tok.doc.user_data.get(_PARTYLIKE)
    if known is None:
        known = tok.doc.user_data[_PARTYLIKE] = {}
    found = known.get(tok.i)
    if found is None:
        found = known[tok.i] = _is_partylike(tok)
    return found


def _is_partylike(tok: Token) -> bool:
    from ..lexicons.actors import actor_index

    if tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or tok.tag_ in ("PRP", "WP"):
        return True
    if (
        tok.pos_ == "PROPN"
        and not tok.ent_type_
        and tok.dep_ in (deps.SUBJECT, deps.SUBJECT_PASSIVE, deps.DIRECT_OBJECT)
        and fold(tok.text) not in cue("targets.things")  # not "30 million naira"
    ):
        return True  # a proper name the NER missed, as a core argument: "Hamza was handed over"
    idx = actor_index()
    text = party_span(tok).text
    if idx.named(text) is not None:
        return True
    sector = idx.sector_of(text)
    if sector is not None and fold(tok.text) in (sector[0].split()[-1], sector[0]):
        return True  # the head says who: "the official results" is no party
    # a country, or its people ("Iraqis"); not "Pakistani territory" or "Afghan sovereignty"
    return idx.is_country_or_people(text)


_HEADS = "eventcoder.party_heads"  # the document's user_data: token index -> its party head's index
_PARTYLIKE = "eventcoder.partylike"  # token index -> is_partylike
_SPANS = "eventcoder.party_spans"  # (token index, counted) -> party_span's (start, end)


def party_head(tok: Token | None) -> Token | None:
    """The token that names a party, from the token the grammar gave: past quantities
    ("dozens of RSF fighters"), generic heads ("aircraft of the Malian Armed Forces", "the
    town of Sarmin"); never a date or a bare number. Worked out once per token of a document
    (the rules ask it of the same tokens many times)."""
    if tok is None:
        return None
    doc = tok.doc
    heads = doc.user_data.get(_HEADS)
    if heads is None:
        heads = doc.user_data[_HEADS] = {}
    i = heads.get(tok.i, -1)
    if i == -1:
        found = _party_head(tok)
        i = heads[tok.i] = None if found is None else found.i
    return None if i is None else doc[i]


def _party_head(tok: Token | None) -> Token | None:
    seen = 0
    while tok is not None and seen < 4:
        seen += 1
        if tok.tag_ in ("WDT", "WP") and tok.head.dep_ == deps.RELATIVE_CLAUSE:
            tok = tok.head.head  # "El Fasher, which the RSF has besieged": the relative's antecedent
            continue
        of = prep_object(tok, frozenset({"of"}))
        heads = cue("arguments.generic_heads") | cue("arguments.member_heads")
        lemma = fold(tok.lemma_)
        if lemma not in heads and fold(tok.text) in heads:
            lemma = fold(tok.text)  # "outskirts", whose lemma is "outskirt"
        if of is not None and (tok.like_num or tok.pos_ == "NUM" or lemma in cue("arguments.quantity_heads")):
            tok = of
            continue
        if lemma in cue("arguments.voice_heads"):
            owner = child(tok, (deps.POSSESSIVE,)) or of or prep_object(tok, frozenset({"for"}))
            if owner is not None:
                tok = owner  # "the army's spokesman": the army speaks
                continue
        if of is None and lemma in heads:
            of = prep_object(tok, frozenset({"from"}))  # "soldiers from the SADC"
        if (
            of is not None
            and lemma in heads
            and (
                of.pos_ == "PROPN"
                or of.ent_type_
                or any(c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "ORG", "GPE") for c in of.lefts)
            )
        ):
            tok = of
            continue
        break
    if tok is not None and tok.pos_ in ("NOUN", "ADJ"):  # "his rival Nouri al-Maliki", "rival" an adjective
        named = child(tok, (deps.APPOSITION,))
        if (
            named is not None
            and (named.ent_type_ == "PERSON" or named.pos_ == "PROPN")
            and named.doc[named.i - 1].text != "("  # "ambassador to the Congo (DRC)": its short name
        ):
            tok = named  # "the 444 Brigade's commander, Mahmoud Hamza": the person
    if tok is None or tok.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT") or tok.like_num:
        return None
    if (
        tok.pos_ not in ("NOUN", "PROPN", "PRON", "X")
        and tok.ent_type_ not in ("NORP", "ORG", "GPE", "PERSON")
        and tok.dep_ != deps.COMPOUND  # "a junta fighter jet", "junta" tagged as an adjective
    ):
        return None  # "the number of dead": "dead" names no party
    if fold(tok.lemma_) in ("toll", "number", "figure", "count", "tally"):
        return None
    if (
        fold(tok.lemma_) in word_lists("syntax.toml")["negative_pronouns"]
        or fold(tok.text) in word_lists("syntax.toml")["negative_pronouns"]
        or has_child(tok, (deps.DETERMINER,), frozenset({"no"}))
    ):
        return None  # "nobody", "no group"
    return tok


def party_span(tok: Token, counted: bool = False) -> Span:
    """The words that name the party headed by *tok*: its modifiers, a named entity it is
    part of, and an "of"/"for" phrase of a proper name ("Organization of Iran"). A count before
    them is no part of the name, but is of the words, *counted*, that report them ("107 people").
    Worked out once per token of a document."""
    doc = tok.doc
    spans = doc.user_data.get(_SPANS)
    if spans is None:
        spans = doc.user_data[_SPANS] = {}
    found = spans.get((tok.i, counted))
    if found is None:
        found = spans[tok.i, counted] = _party_bounds(tok, counted)
    return doc[found[0] : found[1]]


def _party_bounds(tok: Token, counted: bool) -> tuple[int, int]:
    doc = tok.doc
    start, end = tok.i, tok.i + 1
    for c in tok.lefts:
        if c.dep_ in PARTY_LEFT_DEPS:
            start = min(start, c.left_edge.i)
    # "Belgrade, Sep 24 (EFE).- Armed men": a dateline's closing mark ends what came before
    closes = [i for i in range(start, tok.i) if ")" in doc[i].text or doc[i].text.endswith(("-", ":"))]
    if closes and doc[closes[-1]].text not in ("-", "\u2010"):
        start = closes[-1] + 1
    counts = [
        i for i in range(start, tok.i) if doc[i].like_num and doc[i].ent_type_ in ("", "CARDINAL", "QUANTITY")
    ]
    if counts:
        # "more than 600 families", "250 former combatants": the count is no name
        start = counts[0] if counted else counts[-1] + 1
    if tok.ent_iob_ != "O":
        for ent in ents(doc):
            if ent.start <= tok.i < ent.end:
                start, end = min(start, ent.start), max(end, ent.end)
                break
    # hyphenated names split by the tokenizer: "al - Maliki"
    while (
        end + 1 < len(doc)
        and doc[end].text in ("-", "\u2010")
        and doc[end].whitespace_ == ""
        and doc[end + 1].is_alpha
    ):
        end += 2
    if tok.pos_ == "PROPN" or tok.ent_type_ in ("ORG", "FAC", "GPE") or _is_office(tok):
        for c in tok.rights:
            if c.dep_ == deps.PREP and c.lower_ in ("of", "for") and c.i == end:
                obj = child(c, (deps.PREP_OBJECT,))
                if obj is not None and (obj.pos_ == "PROPN" or obj.ent_type_ or _is_office(tok)):
                    end = max(end, obj.right_edge.i + 1)  # "the president of a rural community board"
    while start < end and (
        doc[start].dep_ == deps.PUNCTUATION
        or (start < tok.i and (doc[start].ent_type_ in ("DATE", "TIME") or doc[start].tag_ == "POS"))
    ):
        start += 1  # "On Friday gunmen opened fire": the day is no part of the name
    return start, end


def _is_office(tok: Token) -> bool:
    """A common noun naming an office: "president", "head", "commander"."""
    from ..lexicons.actors import actor_index

    if tok.pos_ != "NOUN":
        return False
    sector = actor_index().sector_of(tok.text)
    return sector is not None and sector[2] == "title" and fold(tok.text) == sector[0]
