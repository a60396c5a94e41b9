"""The sentence-embedding runtimes of the optional extras: CPU only, weights shipped in packages."""

from __future__ import annotations

import math
import socket
import sysconfig
from pathlib import Path

import pytest

from eventcoder.corpus import embeddings
from eventcoder.errors import ModelError


def test_nothing_to_encode_needs_no_model():
    assert embeddings.encode([]) == []


def test_the_runtime_is_chosen_by_the_environment(monkeypatch):
    monkeypatch.setattr(embeddings, "_installed", lambda names: "torch" not in names)
    monkeypatch.delenv(embeddings.ENV, raising=False)
    assert embeddings.runtime() == "onnx"
    monkeypatch.setenv(embeddings.ENV, "torch")
    assert embeddings.runtime() is None and not embeddings.available()
    monkeypatch.setenv(embeddings.ENV, "tensorflow")
    with pytest.raises(ModelError, match="onnx, torch"):
        embeddings.runtime()


def test_without_a_runtime_encoding_says_which_extra(monkeypatch):
    monkeypatch.setattr(embeddings, "_installed", lambda names: False)
    monkeypatch.delenv(embeddings.ENV, raising=False)
    assert not embeddings.available()
    with pytest.raises(ModelError, match=r"eventcoder\[embed\]"):
        embeddings.encode(["Gunmen attacked a village."])


@pytest.mark.slow
def test_onnx_model_ships_in_packages_and_loads_offline(monkeypatch):
    """The embed extra's model and tokenizer are files of installed packages, and encoding works
    with every network connection refused."""
    if not embeddings._installed(embeddings.RUNTIMES["onnx"]):
        pytest.skip("the 'embed' extra is not installed")
    model, tokenizer = embeddings.onnx_files()
    site = {Path(sysconfig.get_paths()[k]).resolve() for k in ("purelib", "platlib")}
    for path in (model, tokenizer):
        assert any(path.resolve().is_relative_to(s) for s in site), path
    assert model.stat().st_size > 10_000_000 and tokenizer.stat().st_size > 100_000

    def refuse(*args, **kwargs):
        raise OSError("no network in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setenv(embeddings.ENV, "onnx")
    embeddings._onnx.cache_clear()
    a, b, c = embeddings.encode(
        [
            "Soldiers shelled the border post at dawn, killing three guards.",
            "Three guards died when the army fired artillery at the frontier post early in the morning.",
            "The football club signed a new goalkeeper for next season.",
        ],
        batch_size=2,
    )
    assert len(a) == 384 and math.isclose(sum(x * x for x in a), 1.0, abs_tol=1e-4)
    cos = lambda x, y: sum(p * q for p, q in zip(x, y, strict=True))  # noqa: E731
    assert cos(a, b) > 0.6 and cos(a, b) > cos(a, c) + 0.3
