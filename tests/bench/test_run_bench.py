"""bench/run_bench.py writes its own section of docs/benchmarks.md and keeps the others."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run_bench():
    spec = importlib.util.spec_from_file_location("run_bench", ROOT / "bench" / "run_bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_section_is_replaced_between_its_markers_and_the_rest_kept(tmp_path):
    rb = _run_bench()
    doc = tmp_path / "benchmarks.md"
    doc.write_text("# Benchmarks\n\n## Start-up\n\nfast\n\n## Viewer\n\nslow\n", encoding="utf-8")
    rb.write_section(doc, f"{rb.HEADING}\n\nfirst run\n")
    rb.write_section(doc, f"{rb.HEADING}\n\nsecond run\n")
    text = doc.read_text(encoding="utf-8")
    assert "## Start-up\n\nfast" in text and "## Viewer\n\nslow" in text
    assert "second run" in text and "first run" not in text
    assert text.count(rb.BEGIN) == 1 and text.count(rb.END) == 1


def test_the_project_document_holds_the_markers_once():
    rb = _run_bench()
    text = (ROOT / "docs" / "benchmarks.md").read_text(encoding="utf-8")
    assert text.count(rb.BEGIN) == 1 and text.index(rb.BEGIN) < text.index(rb.END)
    assert "## Speed on distinct texts" in text and "## Start-up" in text


def _speed_bench():
    spec = importlib.util.spec_from_file_location("speed_bench", ROOT / "bench" / "speed_bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_speed_benchmark_keeps_the_notes_after_its_end_marker(tmp_path):
    sb = _speed_bench()
    doc = tmp_path / "benchmarks.md"
    doc.write_text(
        f"# Benchmarks\n\n{sb.BEGIN}\n{sb.SECTION}\n\nold table\n{sb.END}\n\n### Notes\n\nby hand\n\n## Viewer\n\nslow\n",
        encoding="utf-8",
    )
    sb._write_section(doc, f"{sb.SECTION}\n\nnew table\n")
    text = doc.read_text(encoding="utf-8")
    assert "new table" in text and "old table" not in text
    assert "### Notes\n\nby hand" in text and "## Viewer\n\nslow" in text
    assert text.index(sb.END) < text.index("### Notes")
