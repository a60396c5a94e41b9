import io
import json

import pytest

from eventcoder.io.ingest import Note, Skipped, decode, normalise_text, read_inputs, strip_markdown
from eventcoder.model import Document
from eventcoder.options import Options

OPTS = Options()


def docs_and_skips(paths, options=OPTS):
    items = list(read_inputs([str(p) for p in paths], options))
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, Skipped)]


def test_txt_file_id_is_bare_name(tmp_path):
    p = tmp_path / "000_report.txt"
    p.write_text("Gunmen attacked a village.\n", encoding="utf-8")
    docs, skips = docs_and_skips([p])
    assert [d.id for d in docs] == ["000_report"] and not skips
    assert docs[0].text == "Gunmen attacked a village."


def test_directory_ids_are_relative_paths_without_extension(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "r1.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "top.md").write_text("# Head\n\nSome **bold** text.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("ignored", encoding="utf-8")
    docs, skips = docs_and_skips([tmp_path])
    assert sorted(d.id for d in docs) == ["a/b/r1", "top"]
    assert next(d for d in docs if d.id == "top").text == "Head\n\nSome bold text."
    assert not skips


def test_jsonl_documents_and_bad_lines(tmp_path):
    p = tmp_path / "c.jsonl"
    lines = [
        json.dumps(
            {"id": "d1", "text": "Police arrested 12.", "title": "T", "published": "2024-05-02T10:00:00Z"}
        ),
        "{not json",
        json.dumps({"id": "d2"}),
        json.dumps(["a list"]),
        "",
        json.dumps({"id": "d1", "text": "duplicate"}),
        json.dumps({"id": 7, "text": "numeric id", "url": "http://x"}),
    ]
    p.write_text("\n".join(lines), encoding="utf-8")
    docs, skips = docs_and_skips([p])
    assert [(d.id, d.published) for d in docs] == [("d1", "2024-05-02"), ("7", None)]
    assert [s.origin for s in skips] == [f"{p}:2", f"{p}:3", f"{p}:4", f"{p}:6"]
    assert "malformed JSON" in skips[0].reason and "duplicate" in skips[3].reason


def test_published_option_is_the_default(tmp_path):
    p = tmp_path / "r.txt"
    p.write_text("Text.", encoding="utf-8")
    docs, _ = docs_and_skips([p], Options(published="2013-02-11"))
    assert docs[0].published == "2013-02-11"


def test_html_main_text_title_and_date(tmp_path):
    html = """<html><head><title>Site | Attack</title>
    <meta property="og:title" content="Gunmen kill nine in Borno market">
    <meta property="article:published_time" content="2024-05-14T09:30:00Z"></head>
    <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <div class="cookie">We use cookies to improve your experience. Accept all cookies.</div>
    <article><h1>Gunmen kill nine in Borno market</h1>
    <p>Gunmen attacked a market in Gwoza on Sunday, killing nine people, hospital officials said.</p>
    <p>The attackers arrived on motorcycles shortly after noon and fired into the crowd.</p></article>
    <footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>"""
    p = tmp_path / "page.html"
    p.write_text(html, encoding="utf-8")
    docs, skips = docs_and_skips([p])
    assert not skips
    d = docs[0]
    assert d.id == "page" and d.published == "2024-05-14"
    assert "Gunmen kill nine" in (d.title or "")
    assert "killing nine people" in d.text and "\n\n" in d.text
    assert "cookies" not in d.text and "Copyright" not in d.text


def test_bad_files_are_skipped_with_reasons(tmp_path):
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary\x00")
    (tmp_path / "pic.png").write_bytes(b"\x89PNG")
    (tmp_path / "big.txt").write_text("word " * 50, encoding="utf-8")
    docs, skips = docs_and_skips([tmp_path, tmp_path / "missing.txt"], Options(max_chars=100))
    reasons = {s.origin.rsplit("/", 1)[-1]: s.reason for s in skips}
    assert not docs
    assert reasons["empty.txt"] == "empty file"
    assert reasons["bin.txt"].startswith("binary file")
    assert "unsupported" in reasons["pic.png"]
    assert reasons["big.txt"].startswith("too large")
    assert reasons["missing.txt"] == "no such file or directory"


def test_legacy_encodings_are_decoded(tmp_path):
    text = "Les manifestants ont été dispersés à Bamako, a déclaré la police malienne. " * 3
    (tmp_path / "latin.txt").write_bytes(text.encode("cp1252"))
    (tmp_path / "utf16.txt").write_bytes(text.encode("utf-16"))
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    docs, skips = docs_and_skips([tmp_path])
    assert not skips
    assert all("dispersés" in d.text for d in docs) and len(docs) == 3


def test_decode_and_normalise():
    assert decode(b"")[0] is None
    assert normalise_text("a\r\nb  \r\n\n") == "a\nb"


def test_hard_wrapped_lines_join_with_one_space_for_one_break():
    text = (
        "Rebels seize two towns\n\nRebel fighters seized the towns of Mora and Kolofata\n"
        "on Thursday, the army said, after two days of heavy fighting in the\n"
        "hills.\nThe governor fled.\n- one item,\n- another item"
    )
    joined = normalise_text(text)
    assert len(joined) == len(text)
    assert joined.split("\n") == [
        "Rebels seize two towns",
        "",
        "Rebel fighters seized the towns of Mora and Kolofata on Thursday, the army said, after two days "
        "of heavy fighting in the hills.",
        "The governor fled.",
        "- one item,",
        "- another item",
    ]
    assert strip_markdown("See [the report](http://x) and *this*.") == "See the report and this."


def test_stdin_text_and_jsonl(monkeypatch):
    class FakeStdin:
        def __init__(self, data):
            self.buffer = io.BytesIO(data.encode())

    monkeypatch.setattr("sys.stdin", FakeStdin("Troops shelled the town."))
    items = list(read_inputs(["-"], OPTS))
    assert items[0].id.startswith("stdin-") and items[0].origin == "-"
    monkeypatch.setattr("sys.stdin", FakeStdin('{"id": "x", "text": "Hi."}\n'))
    items = list(read_inputs(["-"], OPTS))
    assert items[0].id == "x"


# -- hardening: no input stops a run, corrupts a text or replaces a document ------------------
def all_items(paths, options=OPTS, exclude=()):
    return list(read_inputs([str(p) for p in paths], options, exclude))


def test_jsonl_lone_surrogate_is_replaced_and_said(tmp_path):
    p = tmp_path / "c.jsonl"
    good = json.dumps({"id": "g", "text": "Police arrested 12."})
    p.write_text('{"id": "s", "text": "Bad \\ud800 text.", "title": "T\\udfff"}\n' + good + "\n")
    items = all_items([p])
    docs = [i for i in items if isinstance(i, Document)]
    notes = [i for i in items if isinstance(i, Note)]
    assert [d.id for d in docs] == ["s", "g"]
    assert docs[0].text == "Bad \ufffd text." and docs[0].title == "T\ufffd"
    assert len(docs[0].text) == len("Bad \ud800 text.")  # offsets do not move
    assert docs[0].content_hash  # encodable now
    assert notes and "surrogate" in notes[0].message and notes[0].origin == f"{p}:1"


def test_jsonl_deep_nesting_bad_fields_and_ids(tmp_path):
    p = tmp_path / "c.jsonl"
    lines = [
        "[" * 2000 + "]" * 2000,
        '{"id": "a", "text": "' + "x" * 10 + '", "extra": ' + "[" * 3000 + "]" * 3000 + "}",
        json.dumps({"id": "n", "text": "Number title.", "title": 12, "url": ["http://x"]}),
        json.dumps({"id": True, "text": "Bool id."}),
        json.dumps({"id": {"k": 1}, "text": "Dict id."}),
        json.dumps({"id": "ok", "text": "Fine."}),
    ]
    p.write_text("\n".join(lines))
    items = all_items([p])
    docs, skips, notes = split(items)
    assert [d.id for d in docs] == ["n", "ok"]
    assert docs[0].title is None and docs[0].url is None
    assert {n.message for n in notes} == {
        "'title' is a int, not a string: ignored",
        "'url' is a list, not a string: ignored",
    }
    assert [s.origin.rsplit(":", 1)[1] for s in skips] == ["1", "2", "4", "5"]
    assert "nested too deeply" in skips[0].reason


def split(items):
    return (
        [i for i in items if isinstance(i, Document)],
        [i for i in items if isinstance(i, Skipped)],
        [i for i in items if isinstance(i, Note)],
    )


def test_jsonl_lines_end_at_newline_only(tmp_path):
    p = tmp_path / "c.jsonl"
    lines = [
        json.dumps({"id": i, "text": f"One\u2028two\u2029three\x85four {i}."}, ensure_ascii=False)
        for i in (1, 2)
    ]
    p.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    docs, skips, _ = split(all_items([p]))
    assert not skips and [d.id for d in docs] == ["1", "2"]
    assert "\u2028" in docs[0].text


def test_same_id_from_two_inputs_keeps_both(tmp_path):
    (tmp_path / "report.txt").write_text("Troops shelled the town.")
    (tmp_path / "report.md").write_text("Rebels attacked a convoy.")
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text(json.dumps({"id": 1, "text": "Police arrested 12."}) + "\n")
    b.write_text(json.dumps({"id": "1", "text": "Gunmen killed 3."}) + "\n")
    docs, skips, notes = split(all_items([tmp_path]))
    assert not skips
    ids = [d.id for d in docs]
    assert ids == ["1", f"{b.as_posix()}#1", "report", (tmp_path / "report.txt").as_posix()]
    assert len(notes) == 2 and all("already taken" in n.message for n in notes)
    # the same inputs give the same ids every time
    assert [d.id for d in split(all_items([tmp_path]))[0]] == ids


def test_stdin_ids_come_from_content(monkeypatch):
    class FakeStdin:
        def __init__(self, data):
            self.buffer = io.BytesIO(data.encode())

    ids = []
    for text in ("Troops shelled the town.", "Rebels attacked a convoy."):
        monkeypatch.setattr("sys.stdin", FakeStdin(text))
        ids.append(list(read_inputs(["-"], OPTS))[0].id)
    assert ids[0] != ids[1] and all(i.startswith("stdin-") for i in ids)


def test_symlinks_fifos_and_unreadable_folders_are_reported(tmp_path, monkeypatch):
    import os

    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "sub" / "r.txt").write_text("Troops shelled the town.")
    (src / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (src / "loop.txt").symlink_to(src / "loop.txt")
    (src / "again").symlink_to(src / "sub")  # a folder read twice
    (src / "up").symlink_to(src)  # a loop
    os.mkfifo(src / "pipe.txt")
    os.mkfifo(tmp_path / "named.txt")
    docs, skips, _ = split(all_items([src, tmp_path / "named.txt", tmp_path / "nolink"]))
    assert [d.id for d in docs] == ["again/r"]  # followed once, in sorted order
    reasons = {s.origin.rsplit("/", 1)[-1]: s.reason for s in skips}
    assert reasons["dangling.txt"] == "dangling symlink"
    assert reasons["loop.txt"] == "symlink loop"
    assert reasons["pipe.txt"].startswith("not a regular file (FIFO)")
    assert reasons["named.txt"].startswith("not a regular file (FIFO)")  # never opened: no hang
    assert "already read" in reasons["up"]
    assert "already read" in reasons["sub"]

    real_listdir = os.listdir

    def no_entry(path):
        if str(path).endswith("sub"):
            raise PermissionError(13, "Permission denied")
        return real_listdir(path)

    monkeypatch.setattr("os.listdir", no_entry)
    _, skips, _ = split(all_items([src / "sub"]))
    assert [s.reason for s in skips] == ["cannot read folder: Permission denied"]


def test_excluded_paths_are_not_read(tmp_path):
    (tmp_path / "r.txt").write_text("Troops shelled the town.")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "events.jsonl").write_text(json.dumps({"id": "e", "text": "x"}) + "\n")
    docs, skips, _ = split(all_items([tmp_path], exclude=[tmp_path / "out" / "events.jsonl"]))
    assert [d.id for d in docs] == ["r"] and not skips


def test_reading_errors_never_escape(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("One.")
    (tmp_path / "b.txt").write_text("Two.")

    def boom(text):
        if text.startswith("One"):
            raise RuntimeError("unforeseen")
        return text

    monkeypatch.setattr("eventcoder.io.ingest.normalise_text", boom)
    docs, skips, _ = split(all_items([tmp_path]))
    assert [d.id for d in docs] == ["b"]
    assert skips[0].reason == "cannot read: RuntimeError: unforeseen"


def test_latin1_and_cp1252_files_keep_their_accents(tmp_path):
    (tmp_path / "l.txt").write_bytes("Un café in Bogotá.".encode("latin-1"))
    docs, _, notes = split(all_items([tmp_path / "l.txt"]))
    assert docs[0].text == "Un café in Bogotá."
    assert notes[0].message == "not UTF-8: decoded as latin-1 (confidence 100%)"
    assert (docs[0].encoding, docs[0].encoding_confidence) == ("latin-1", 1.0)


def test_every_document_carries_its_encoding_and_confidence(tmp_path):
    (tmp_path / "u.txt").write_text("Un café in Bogotá.", encoding="utf-8")
    (tmp_path / "w.jsonl").write_bytes('{"id": "w1", "text": "\u201cNo,\u201d said the café."}\n'.encode())
    (tmp_path / "m.txt").write_bytes("Un café, ".encode() * 3 + b"\xe9.")
    docs, _, notes = split(all_items([tmp_path]))
    got = {d.id: (d.encoding, d.encoding_confidence) for d in docs}
    assert got["u"] == ("utf-8", 1.0) and got["w1"] == ("utf-8", 1.0)
    assert got["m"][0] == "utf-8" and got["m"][1] == 0.75  # 3 good accents, 1 bad byte
    assert any("doubtful" in n.message for n in notes if n.origin.endswith("m.txt"))


# -- property: whatever the bytes or JSON values, reading never raises ----------------------------
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

UNICODE = st.text(
    st.one_of(
        st.characters(codec=None),  # every code point, lone surrogates included
        st.sampled_from("\u2028\u2029\x85\u200f\u202e\u0301\u0308\r\n\t\x00\ud800\udfff"),
    ),
    max_size=200,
)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | UNICODE,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(UNICODE, inner, max_size=4),
    max_leaves=20,
)


def _read_all(path):
    items = list(read_inputs([str(path)], OPTS))
    assert all(isinstance(i, Document | Skipped | Note) for i in items)
    for d in (i for i in items if isinstance(i, Document)):
        assert d.content_hash and d.text.encode("utf-8")  # storable: no lone surrogate left
    return items


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=2000), suffix=st.sampled_from([".txt", ".md", ".jsonl"]))
def test_random_bytes_never_raise(tmp_path, raw, suffix):
    p = tmp_path / f"x{suffix}"
    p.write_bytes(raw)
    _read_all(p)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    records=st.lists(
        st.one_of(
            JSON_VALUES,
            st.fixed_dictionaries(
                {"id": JSON_VALUES, "text": UNICODE},
                optional={"title": JSON_VALUES, "url": JSON_VALUES, "published": JSON_VALUES},
            ),
        ),
        max_size=5,
    )
)
def test_random_json_values_never_raise(tmp_path, records):
    p = tmp_path / "x.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    _read_all(p)


def _html_text(tmp_path, article: str) -> str:
    page = f"<html><head><title>Report</title></head><body><article>{article}</article></body></html>"
    p = tmp_path / "page.html"
    p.write_text(page, encoding="utf-8")
    docs, skips = docs_and_skips([p])
    assert not skips
    return docs[0].text


LONG = "The governor of the northern province said on Tuesday that the new road would open in May."


def test_html_hard_wrapped_lines_join_and_only_real_paragraph_ends_split(tmp_path):
    text = _html_text(
        tmp_path,
        "<div>The mayor met the council on Monday and asked it to vote on the plan and\n"
        "execute it.\n\nThe council will meet again in June to read the budget of the town.</div>"
        "<p>The minister said the talks<br>would resume on Friday.<br><br>Nobody else spoke.</p>"
        f"<p>{LONG}</p>",
    )
    paragraphs = text.split("\n\n")
    assert "asked it to vote on the plan and execute it." in paragraphs[0]
    assert paragraphs[1].startswith("The council will meet again")
    assert "The minister said the talks would resume on Friday." in paragraphs
    assert "Nobody else spoke." in paragraphs
    assert "execute it." not in paragraphs


def test_html_code_blocks_keep_their_lines(tmp_path):
    text = _html_text(tmp_path, f"<p>{LONG}</p><pre><code>make build\nmake install</code></pre><p>{LONG}</p>")
    assert "make build\n\nmake install" in text


def test_html_words_of_separate_elements_are_not_glued(tmp_path):
    text = _html_text(
        tmp_path,
        "<p><span>Parliament</span><span>A new speaker was chosen on Monday by a large majority.</span></p>"
        "<p><b>Cusco</b><i>According to the prefect</i>, the market reopened on Sunday morning.</p>"
        f"<p><span>T</span>he drop cap stays part of its word. {LONG}</p>",
    )
    assert "Parliament A new speaker" in text and "Cusco According to" in text
    assert "The drop cap" in text


@pytest.mark.parametrize(
    "line",
    [
        "Read more",
        "Read the full story: Council approves the budget",
        "Sign up for our newsletter",
        "Subscribe to get the latest updates in your inbox",
        "We use cookies to improve your experience. Accept all cookies.",
        "Skip to main content",
        "Home › World › Europe",
        "Share this article",
        "Share Tweet Email",
        "You may also like",
        "© 2025 Example Media. All rights reserved.",
    ],
)
def test_page_furniture_is_told(line):
    from eventcoder.io.ingest import is_furniture

    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "Read the report before the vote, the opposition leader told parliament on Monday.",
        "Police said they would share the findings with the families of the victims.",
        "Home owners in the valley were told to leave before the river rose.",
    ],
)
def test_report_lines_are_not_furniture(line):
    from eventcoder.io.ingest import is_furniture

    assert not is_furniture(line)


def test_html_furniture_lines_are_dropped(tmp_path):
    text = _html_text(
        tmp_path, f"<p>{LONG}</p><p>Read more</p><p>Sign up for our newsletter</p><p>{LONG}</p>"
    )
    assert "Read more" not in text and "newsletter" not in text


def test_documents_not_in_english_are_marked_with_their_language(tmp_path):
    (tmp_path / "de.txt").write_text(
        "Die Regierung hat am Montag beschlossen, die Steuern für kleine Betriebe zu senken.",
        encoding="utf-8",
    )
    (tmp_path / "en.txt").write_text(LONG, encoding="utf-8")
    docs, _ = docs_and_skips([tmp_path])
    assert {d.id: d.language for d in docs} == {"de": "de", "en": "en"}


def test_id_prefix_goes_before_every_id(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "report.txt").write_text("Troops shelled the town.")
    (tmp_path / "report.md").write_text("Rebels attacked a convoy.")
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": 7, "text": "Police arrested 12."}) + "\n")
    docs, skips = docs_and_skips([tmp_path, tmp_path / "a" / "report.txt"], Options(id_prefix="nyt/"))
    assert not skips
    assert [d.id for d in docs] == [
        "nyt/a/report",
        "nyt/7",
        "nyt/report",
        f"nyt/{tmp_path.as_posix()}/a/report.txt",
    ]


def test_qualified_ids_keep_the_prefix():
    from eventcoder.io.ingest import qualified_id

    line = Document(id="p/7", text="x", origin="feeds/c.jsonl:3")
    assert qualified_id(line, "p/") == "p/feeds/c.jsonl#7"
    assert qualified_id(Document(id="p/r", text="x", origin="b/r.txt"), "p/") == "p/b/r.txt"


def test_absolute_origin_keeps_the_line_and_stdin(tmp_path, monkeypatch):
    from eventcoder.io.ingest import absolute_origin

    monkeypatch.chdir(tmp_path)
    assert absolute_origin("b/report.txt") == f"{tmp_path}/b/report.txt"
    assert absolute_origin("c.jsonl:12") == f"{tmp_path}/c.jsonl:12"
    assert absolute_origin("-") == "-" and absolute_origin("-:3") == "-:3" and absolute_origin(None) is None


def test_content_ids_are_stable_and_distinct():
    from eventcoder.io.ingest import content_id

    assert content_id("Troops shelled the town.", "text") == content_id("Troops shelled the town.", "text")
    assert content_id("Troops shelled the town.", "text") != content_id("Rebels attacked a convoy.", "text")
    assert (
        content_id("x", "stdin").startswith("stdin-") and len(content_id("x", "stdin")) == len("stdin-") + 12
    )


def test_a_jsonl_date_in_words_is_a_note_and_the_run_date_stands(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text(
        json.dumps({"id": "a", "text": "Troops shelled the town.", "published": "15 May 2024"}) + "\n"
    )
    items = list(read_inputs([str(p)], Options(published="2024-05-20")))
    notes = [i for i in items if isinstance(i, Note)]
    docs = [i for i in items if isinstance(i, Document)]
    assert len(notes) == 1 and "not an ISO date" in notes[0].message and "15 May 2024" in notes[0].message
    assert docs[0].published == "2024-05-20"


def test_the_run_date_may_be_a_date_and_never_words(tmp_path):
    import datetime

    from eventcoder.errors import DateError, UsageError

    p = tmp_path / "r.txt"
    p.write_text("Troops shelled the town.")
    docs, _ = docs_and_skips([p], Options(published=datetime.date(2024, 5, 20)))
    assert docs[0].published == "2024-05-20"
    with pytest.raises(DateError, match="15 May 2024") as e:
        list(read_inputs([str(p)], Options(published="15 May 2024")))
    assert isinstance(e.value, UsageError)


def test_markdown_tables_link_definitions_and_numbered_items_leave_the_words(tmp_path):
    page = (
        "---\ntitle: Clashes in the east\ndate: 2024-05-02\n---\n\n# Clashes in the east\n\n"
        "Militiamen shot dead nine farmers near Beni on Tuesday.\n\n| Day | Toll |\n|---|---|\n"
        "| Tuesday | Militiamen shot dead nine farmers |\n\n> A shell hit a school.\n\n"
        "1. Soldiers detained 14 traders.\n2) See [the list][1].\n\n[1]: https://example.org/list\n"
    )
    (tmp_path / "report.md").write_text(page, encoding="utf-8")
    docs, skips = docs_and_skips([tmp_path / "report.md"])
    [doc] = docs
    assert doc.published == "2024-05-02" and "title:" not in doc.text and "|" not in doc.text
    assert [p for p in doc.text.split("\n") if p.strip()] == [
        "Clashes in the east",
        "Militiamen shot dead nine farmers near Beni on Tuesday.",
        "A shell hit a school.",
        "Soldiers detained 14 traders.",
        "See the list.",
    ]
    assert "\n\nMilitiamen" in doc.text  # the blank line before a heading's paragraph is kept
