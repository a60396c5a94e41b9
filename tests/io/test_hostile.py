"""Ingest on the hostile corpus (tests/hostile/make_corpus.py): every input yields exactly what
the corpus says, nothing raises, and nothing goes unreported."""

from eventcoder.io.ingest import Note, Skipped, read_inputs
from eventcoder.model import Document
from eventcoder.options import Options

from ..hostile.make_corpus import write_corpus


def test_every_hostile_input_yields_what_it_must(tmp_path):
    root = tmp_path / "hostile"
    expected = write_corpus(root)
    got = []
    for item in read_inputs([str(root)], Options()):
        origin = item.origin[len(str(root)) + 1 :]
        if isinstance(item, Document):
            got.append((origin, "doc", item.text))
        elif isinstance(item, Skipped):
            got.append((origin, "skip", item.reason))
        else:
            assert isinstance(item, Note)
            got.append((origin, "note", item.message))
    for origin, kind, words in expected:
        hits = [g for g in got if g[0] == origin and g[1] == kind]
        assert hits, f"{origin}: no {kind} (got {[g for g in got if g[0] == origin]})"
        test = str.startswith if kind == "skip" else str.__contains__
        assert any(test(g[2], words) for g in hits), f"{origin}: {kind} {hits} lacks {words!r}"
    unexpected = {(o, k) for o, k, _ in got} - {(o, k) for o, k, _ in expected}
    assert not unexpected, unexpected
