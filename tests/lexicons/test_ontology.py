"""The PLOVER ontology as data: one file, validated at load, read by every part that needs types."""

import tomllib
from importlib import resources

import pytest

from eventcoder import Document, Options, process_document
from eventcoder.corpus.likeness import family
from eventcoder.errors import ModelError
from eventcoder.lexicons.data import event_lexicon
from eventcoder.lexicons.ontology import ONTOLOGY, load_ontology, ontology, types_with, use_ontology

PACKAGED = resources.files("eventcoder") / "data" / ONTOLOGY


def _schema_modes(schema) -> dict[str, list[str]]:
    """The schema's mode prose ("... fits. ASSAULT: abduct, beat; REQUEST and REJECT: assist")."""
    prose = schema["properties"]["mode"]["description"].split(". ", 1)[1].rstrip(".")
    out = {}
    for part in prose.split("; "):
        names, modes = part.split(": ")
        for name in names.split(" and "):
            out[name.strip()] = [m.strip() for m in modes.split(",")]
    return out


def test_the_schema_enum_and_modes_are_the_ontology(schema):
    onto = ontology()
    assert schema["properties"]["type"]["enum"] == list(onto.names)
    assert _schema_modes(schema) == {t.name: list(t.modes) for t in onto.types.values() if t.modes}


def test_roles_replace_the_old_type_lists():
    assert types_with("recipient") == {"AID"}
    assert "ASSAULT" in types_with("violence") and "PROTEST" not in types_with("violence")
    assert family("AGREE") == family("CONSULT") == "talks" and family("ASSAULT") == "ASSAULT"
    with pytest.raises(ModelError, match="unknown ontology role"):
        types_with("no_such_role")


def _with(text_to_add: str = "", replace: tuple[str, str] = ("", "")) -> str:
    text = PACKAGED.read_text(encoding="utf-8")
    return text.replace(*replace) + text_to_add if replace[0] else text + text_to_add


@pytest.mark.parametrize(
    "change, message",
    [
        (
            dict(replace=('roles = ["material", "recipient", "counterpart"]', 'roles = ["giving"]')),
            "not declared",
        ),
        (dict(replace=('family = "talks"\nmodes = []', 'family = "chats"\nmodes = []')), "family 'chats'"),
        (dict(text_to_add="\n[types.fight]\nmodes = []\n"), "upper case"),
        (dict(text_to_add="\n[types.FIGHT]\nverbs = []\n"), "unknown keys"),
        (dict(replace=('modes = ["visit",', 'modes = ["visit", "visit",')), "listed twice"),
    ],
)
def test_a_bad_ontology_fails_loudly(tmp_path, change, message):
    path = tmp_path / "plover.toml"
    path.write_text(_with(**change), encoding="utf-8")
    with pytest.raises(ModelError, match=message):
        load_ontology(path)


def test_unknown_types_and_modes_in_the_lexicon_fail_loudly(tmp_path):
    lexicon = tmp_path / "lexicon.csv"
    lexicon.write_text("lemma,pos,type,mode,needs,blocks\ndisapprove,VERB,DISAPPROVE,,,\n", encoding="utf-8")
    with (
        use_ontology(ontology(), lexicon),
        pytest.raises(ModelError, match="unknown PLOVER type 'DISAPPROVE'"),
    ):
        event_lexicon()
    lexicon.write_text("lemma,pos,type,mode,needs,blocks\nshell,VERB,ASSAULT,artillery,,\n", encoding="utf-8")
    with use_ontology(ontology(), lexicon), pytest.raises(ModelError, match="not a mode of ASSAULT"):
        event_lexicon()
    assert event_lexicon()  # eventcoder's own again after the block


NEW_TYPE = """
[types.PROPAGANDIZE]
quad = "verbal conflict"
description = "spread propaganda about a party (a test type)"
family = "disapproval"
modes = ["broadcast", "leaflet"]
roles = ["object_taking", "counterpart", "spoken"]
"""


@pytest.mark.slow
def test_a_new_type_touches_only_the_ontology_and_the_lexicon(tmp_path):
    """One [types.X] table and one lexicon row, and the whole pipeline codes the new type:
    no code, no other data file changes."""
    onto_path = tmp_path / "plover.toml"
    onto_path.write_text(_with(NEW_TYPE), encoding="utf-8")
    packaged_lexicon = (resources.files("eventcoder") / "data" / "en" / "event_lexicon.csv").read_text(
        encoding="utf-8"
    )
    lexicon = tmp_path / "event_lexicon.csv"
    lexicon.write_text(
        packaged_lexicon.rstrip("\n") + "\npropagandize,VERB,PROPAGANDIZE,broadcast,,\n", encoding="utf-8"
    )
    with use_ontology(load_ontology(onto_path), lexicon) as onto:
        assert "PROPAGANDIZE" in onto.names and types_with("spoken") >= {"PROPAGANDIZE", "ACCUSE"}
        assert family("PROPAGANDIZE") == family("ACCUSE")
        events = process_document(
            Document(
                id="t", text="State television propagandized the rebels on Monday.", published="2024-05-08"
            ),
            Options(prefilter=False),
        )
    assert [(e.type, e.mode) for e in events] == [("PROPAGANDIZE", "broadcast")]
    assert events[0].date.start == "2024-05-06"
    assert "PROPAGANDIZE" not in ontology().names  # eventcoder's own again after the block


def test_the_packaged_file_is_valid_toml_with_every_type_table():
    data = tomllib.loads(PACKAGED.read_text(encoding="utf-8"))
    assert len(data["types"]) == 16
