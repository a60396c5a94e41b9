import io
import json

from eventcoder.io.ingest import Skipped, decode, normalise_text, read_inputs, strip_markdown
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
    assert reasons["bin.txt"] == "binary file"
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
    assert strip_markdown("See [the report](http://x) and *this*.") == "See the report and this."


def test_stdin_text_and_jsonl(monkeypatch):
    class FakeStdin:
        def __init__(self, data):
            self.buffer = io.BytesIO(data.encode())

    monkeypatch.setattr("sys.stdin", FakeStdin("Troops shelled the town."))
    items = list(read_inputs(["-"], OPTS))
    assert items[0].id == "stdin" and items[0].origin == "-"
    monkeypatch.setattr("sys.stdin", FakeStdin('{"id": "x", "text": "Hi."}\n'))
    items = list(read_inputs(["-"], OPTS))
    assert items[0].id == "x"
