"""docs/api.md runs: its ``python`` blocks, in order, in one namespace, in a temporary folder."""

import re

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.slow

DOC = ROOT / "docs" / "api.md"
BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)


def blocks() -> list[str]:
    return BLOCK.findall(DOC.read_text(encoding="utf-8"))


def test_the_page_has_examples():
    assert len(blocks()) >= 8


def test_every_example_runs(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    namespace: dict = {"__name__": "docs_api"}
    for n, code in enumerate(blocks(), 1):
        try:
            exec(compile(code, f"{DOC.name}, block {n}", "exec"), namespace)
        except Exception as e:  # name the block that failed
            raise AssertionError(
                f"docs/api.md, python block {n} fails: {type(e).__name__}: {e}\n{code}"
            ) from e
    out = capsys.readouterr().out
    assert "13 May 2024" in out and "sources:" in out and "documents" in out
