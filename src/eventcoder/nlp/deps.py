"""The one module that spells the parser's dependency labels.

Every grammar rule names a relation by what it is (``deps.SUBJECT``, ``deps.PREP_OBJECT``), never by
the label the parser prints; the helpers of :mod:`eventcoder.nlp.syntax` ask the questions built on
them (``child(verb, deps.SUBJECTS)``, ``prep_object(noun, ...)``). The labels are those of spaCy's
English models (ClearNLP); a model with another label set (Universal Dependencies, as spaCy's French
and German models use) needs its own table here, nothing else.
"""

# fmt: off
ACL = "acl"                    # clause modifying a noun: "the decision to attack"
ADJ_COMPLEMENT = "acomp"       # "became violent"
ADJ_MODIFIER = "amod"          # "armed men"
ADVERBIAL_CLAUSE = "advcl"     # "killed three while fleeing"
ADVERB_MODIFIER = "advmod"     # "reportedly killed"
AGENT = "agent"                # the "by" of a passive: "killed by gunmen"
APPOSITION = "appos"           # "Abu Sayyaf, a militant group"
ATTRIBUTE = "attr"             # "it was an attack"
AUX = "aux"                    # "has attacked", "will attack"
AUX_PASSIVE = "auxpass"        # "was attacked"
CASE = "case"                  # possessive 's
CLAUSAL_SUBJECT = "csubj"
CLAUSAL_SUBJECT_PASSIVE = "csubjpass"
CLAUSE_COMPLEMENT = "ccomp"    # "said that ..."
COMPOUND = "compound"          # "air strike", "police station"
CONJUNCT = "conj"              # "killed and wounded"
COORDINATION = "cc"            # the "and" itself
DATIVE = "dative"              # "gave them food"
DEPENDENT = "dep"              # unclassified
DETERMINER = "det"             # "the", "no"
DIRECT_OBJECT = "dobj"         # "attacked the village"
EXPLETIVE = "expl"             # "there were clashes"
INTERJECTION = "intj"
MARKER = "mark"                # "if", "that", "after" opening a clause
META = "meta"
NEGATION = "neg"               # "did not attack"
NOUN_ADVERBIAL = "npadvmod"    # "killed Monday"
NOUN_MODIFIER = "nmod"
NUMBER_MODIFIER = "nummod"     # "three soldiers"
OBJECT_PREDICATE = "oprd"      # "declared it a success"
OPEN_COMPLEMENT = "xcomp"      # "vowed to attack"
PARATAXIS = "parataxis"
PARTICLE = "prt"               # "open up", "carry out"
POSSESSIVE = "poss"            # "the army's", "its fighters"
PRECONJUNCT = "preconj"
PREDETERMINER = "predet"       # "all the"
PREP = "prep"                  # "attack on"
PREP_COMPLEMENT = "pcomp"      # "after attacking"
PREP_OBJECT = "pobj"           # "on the village"
PUNCTUATION = "punct"
QUANTIFIER_MODIFIER = "quantmod"  # "at least 12"
RELATIVE_CLAUSE = "relcl"      # "the group that attacked"
ROOT = "ROOT"
SUBJECT = "nsubj"              # "gunmen attacked"
SUBJECT_PASSIVE = "nsubjpass"  # "three were killed"
# fmt: on

SUBJECTS = (SUBJECT, SUBJECT_PASSIVE)
"""Either subject: active or passive."""
CLAUSES = (CLAUSE_COMPLEMENT, OPEN_COMPLEMENT)
"""Complement clauses: "said that ...", "vowed to ..."."""
