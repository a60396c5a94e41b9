"""The progress bar counts documents coded (not read), out of the inputs counted beforehand."""

import io
import json

from eventcoder.io.progress import CodingProgress, count_inputs


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_the_bar_moves_once_per_coded_document_never_on_reading():
    read, seen = [], []

    def documents():
        for i in range(5):
            read.append(i)
            yield i

    def fake_pipeline(docs):  # reads every document first, as a batch does, then codes one by one
        batch = list(docs)
        for d in batch:
            yield d, [], None

    bar = CodingProgress(total=5, stream=Terminal())
    for _result in bar.over(fake_pipeline(documents())):
        seen.append(bar.done)
    assert read == [0, 1, 2, 3, 4]
    assert seen == [1, 2, 3, 4, 5]  # one step per coded document, none while reading
    assert bar.total == 5


def test_the_terminal_shows_a_total_and_an_eta():
    stream = Terminal()
    bar = CodingProgress(total=4, stream=stream)
    bar.coded()
    bar.coded()
    bar._bar.refresh()  # tqdm draws at most ten times a second
    shown = stream.getvalue()
    assert "2/4" in shown and "<" in shown  # tqdm's "elapsed<remaining"
    bar.close()


def test_an_input_not_to_code_comes_off_the_total():
    bar = CodingProgress(total=4, stream=Terminal())
    bar.pass_over()  # skipped when read, or stored unchanged
    for _ in bar.over(range(3)):
        pass
    assert (bar.done, bar.total) == (3, 3)


def test_stdin_has_no_total_and_a_short_count_grows():
    bar = CodingProgress(total=None, stream=Terminal())
    bar.coded(3)
    assert (bar.done, bar.total) == (3, None)
    short = CodingProgress(total=1, stream=Terminal())
    short.coded(2)
    assert short.total == 2


def test_quiet_or_not_a_terminal_shows_nothing():
    for enabled, stream in ((False, Terminal()), (True, io.StringIO())):
        bar = CodingProgress.for_inputs(["-"], enabled=enabled, stream=stream)
        list(bar.over(range(3)))
        assert stream.getvalue() == ""
        assert bar.done == 3


def test_inputs_are_counted_as_reading_finds_them(tmp_path):
    (tmp_path / "a.txt").write_text("one")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text("<p>two</p>")
    (tmp_path / ".hidden.txt").write_text("not read")
    lines = [json.dumps({"id": str(i), "text": "x"}) for i in range(3)]
    (tmp_path / "sub" / "c.jsonl").write_text("\n".join(lines) + "\n\n")
    (tmp_path / "own.db").write_text("")
    (tmp_path / "loop").symlink_to(tmp_path)  # a folder reached twice: one skipped input
    assert count_inputs([str(tmp_path)], exclude=[str(tmp_path / "own.db")]) == 1 + 1 + 3 + 1
    assert count_inputs([str(tmp_path / "a.txt"), "-"]) is None
    assert count_inputs([str(tmp_path / "missing.txt")]) == 1
