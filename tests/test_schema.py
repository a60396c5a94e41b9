"""docs/event.schema.json is the project's copy of the contract (shared/schema): it may add fields, never
drop or rename one, and the records eventcoder writes validate against it."""

import json

import pytest

from eventcoder import Document, Options, process_document

from .conftest import SCHEMA_PATH, SHARED

CONTRACT = SHARED / "schema" / "event.schema.json"


def _paths(node, prefix=""):
    """Every property path of a schema, with the enum it allows (or None)."""
    out = {}
    for name, sub in (node.get("properties") or {}).items():
        path = f"{prefix}/{name}"
        out[path] = set(map(str, sub.get("enum") or [])) or None
        out.update(_paths(sub, path))
        out.update(_paths(sub.get("items") or {}, path + "[]"))
    return out


@pytest.mark.skipif(not CONTRACT.exists(), reason="shared/ not beside the checkout")
def test_the_copy_keeps_every_field_and_value_of_the_contract():
    ours, theirs = _paths(json.loads(SCHEMA_PATH.read_text())), _paths(json.loads(CONTRACT.read_text()))
    missing = sorted(set(theirs) - set(ours))
    narrower = sorted(p for p, enum in theirs.items() if enum and not (ours.get(p) or set()) >= enum)
    assert not missing and not narrower, (missing, narrower)


@pytest.mark.slow
def test_decades_unresolved_dates_and_background_validate(validate):
    text = (
        "Gunmen kill four in village raid\n\nGunmen killed four villagers in Tunga on Friday, police said.\n\n"
        "The group had attacked an army base in the 1980s."
    )
    events = [e.to_json() for e in process_document(Document(id="s", text=text), Options())]
    assert events
    for record in events:
        validate(record)
    precisions = {(e["date"] or {}).get("precision") for e in events}
    assert "decade" in precisions


@pytest.mark.slow
def test_a_folded_record_and_a_reaction_validate(validate):
    text = (
        "Gunmen kill seven in raid on village\n\nGunmen stormed the village of Kuda on Tuesday, killing seven "
        "people, police said.\n\nIn all, the raid left seven dead.\n\nThe interior ministry condemned the raid."
    )
    events = [
        e.to_json() for e in process_document(Document(id="s", text=text, published="2024-03-14"), Options())
    ]
    for record in events:
        validate(record)
    [raid] = [e for e in events if e["type"] == "ASSAULT"]
    assert raid["sources"][0]["tellings"]
    assert [e.get("reacts_to") for e in events if e["type"] == "ACCUSE"] == [raid["id"]]
