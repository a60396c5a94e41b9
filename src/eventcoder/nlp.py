"""eventcoder's spaCy pipeline components, registered on import.

``pipeline.get_nlp`` adds them, in this order, after the model's own components.
Each sets a ``Doc`` extension and can be run alone on a hand-built ``Doc``.
"""

from __future__ import annotations

from spacy.language import Language

from .events import mentions_component

COMPONENTS = ["eventcoder_events"]

if not Language.has_factory("eventcoder_events"):
    Language.component("eventcoder_events", func=mentions_component)
