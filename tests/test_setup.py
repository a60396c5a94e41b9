"""The set-up: supported Pythons, the Makefile's repair of a stale venv, installs without torch."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest
from packaging.specifiers import SpecifierSet

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))

needs_make = pytest.mark.skipif(shutil.which("make") is None, reason="no make")


def test_requires_python_admits_3_11_to_3_13():
    spec = SpecifierSet(PYPROJECT["project"]["requires-python"])
    assert all(v in spec for v in ("3.11.0", "3.11.7", "3.12.1", "3.13.0", "3.13.9"))
    assert not any(v in spec for v in ("3.10.13", "3.14.0"))


def test_no_install_path_of_make_test_brings_torch():
    extras = PYPROJECT["project"]["optional-dependencies"]
    for name in ("embed", "dev", "dask", "web"):
        assert not any(dep.lower().startswith("torch") for dep in extras[name]), name
    recipes = [
        x for x in (ROOT / "Makefile").read_text(encoding="utf-8").splitlines() if not x.startswith("#")
    ]
    assert not any("torch" in x for x in recipes)


def test_ci_runs_the_readme_test_command_first():
    lines = [x.strip() for x in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    commands = [x for x in lines if x and not x.startswith("#") and not x.startswith("set ")]
    assert commands[:2] == ['cd "$(dirname "$0")/.."', "make test"]
    assert any(x.startswith("make smoke ") for x in commands)


def _fake_venv(path: Path, python: str) -> Path:
    """A venv folder whose python is a script: *python* is the shell body after the shebang."""
    (path / "bin").mkdir(parents=True)
    exe = path / "bin" / "python"
    exe.write_text(f"#!/bin/sh\n{python}\n", encoding="utf-8")
    exe.chmod(0o755)
    now = time.time()
    for name, age in (("pyvenv.cfg", 20), (".installed", 10), (".dev-installed", 10)):
        (path / name).touch()
        os.utime(path / name, (now - age, now - age))
    return path


def _dry_run(venv: Path, target: str = "run") -> str:
    out = subprocess.run(
        ["make", "-n", target, f"VENV={venv}", f"PYTHON={sys.executable}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return out.stdout + out.stderr


@needs_make
def test_make_run_builds_a_broken_venv_again(tmp_path):
    venv = _fake_venv(tmp_path / "venv", "exit 1")  # its python does not run
    out = _dry_run(venv)
    assert "building it again" in out
    assert f"rm -rf '{venv}'" in out and f"-m venv '{venv}'" in out
    assert "pip install --quiet -e ." in out


@needs_make
def test_make_run_builds_a_venv_of_another_python_again(tmp_path):
    venv = _fake_venv(tmp_path / "venv", 'echo "Python 3.10"; exit 1')  # what 3.10 says to the check
    assert f"-m venv '{venv}'" in _dry_run(venv)


@needs_make
def test_make_run_keeps_a_healthy_venv(tmp_path):
    venv = _fake_venv(tmp_path / "venv", f'exec "{sys.executable}" "$@"')
    out = _dry_run(venv)
    assert "-m venv" not in out and "pip install" not in out
    assert f"'{venv}/bin/eventcoder' run examples/" in out


@needs_make
def test_make_run_installs_again_after_a_failed_install(tmp_path):
    venv = _fake_venv(tmp_path / "venv", f'exec "{sys.executable}" "$@"')
    (venv / ".installed").unlink()  # what a failed pip install leaves
    out = _dry_run(venv)
    assert "-m venv" not in out.split("||")[0]  # the venv is kept ...
    assert "pip install --quiet -e . ||" in out  # ... installed into again, and built again if that fails


@needs_make
def test_make_venv_check_names_the_state(tmp_path):
    assert ": missing;" in _dry_run(tmp_path / "none", "venv-check")
    assert ": stale;" in _dry_run(_fake_venv(tmp_path / "venv", "exit 1"), "venv-check")
