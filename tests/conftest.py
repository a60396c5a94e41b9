import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCHEMA_PATH = ROOT / "docs" / "event.schema.json"


@pytest.fixture(scope="session")
def schema():
    return json.loads(SCHEMA_PATH.read_text())


@pytest.fixture(scope="session")
def validate(schema):
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())

    def check(record):
        errors = sorted(validator.iter_errors(record), key=lambda e: e.path)
        assert not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors)

    return check


def run_cli(*args, stdin: str | None = None, cwd=None):
    """The command line through its real entry point, in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "eventcoder", *map(str, args)],
        input=stdin,
        text=True,
        capture_output=True,
        cwd=cwd,
        timeout=600,
    )


@pytest.fixture
def cli():
    return run_cli
