"""The one-file report (``eventcoder report``): the viewer's page with its script, style, data and
outlines inlined into one HTML file that refers to nothing outside it, and whose
Content-Security-Policy allows only that one script and style (by hash)."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path
from typing import Any, TextIO

from ..errors import EventcoderError, UsageError
from ..io.store import Store
from . import outlines as _outlines
from .data import Snapshot, asset


def embed_json(value: Any) -> str:
    """*value* as JSON that is safe inside a ``<script type="application/json">`` element:
    ``<``, ``>`` and ``&`` escaped, so no text can close the element or open a comment."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def _replace_once(page: str, old: str, new: str) -> str:
    if page.count(old) != 1:
        raise EventcoderError(f"viewer/index.html must hold {old!r} once")
    return page.replace(old, new)


def report_data(db: str | Path) -> dict[str, Any]:
    """Everything the report embeds: the meta, the event records, the text of every document
    they cite, and the outlines."""
    snapshot = Snapshot.read(db)
    doc_ids = sorted({s["doc_id"] for e in snapshot.events for s in e["sources"]})
    with Store(db, readonly=True) as store:
        documents = {d: store.document_text(d) for d in doc_ids}
    return {
        "meta": snapshot.meta(),
        "events": snapshot.events,
        "documents": documents,
        "outlines": _outlines.load(),
    }


def report_html(data: dict[str, Any]) -> str:
    """The page with its style, script and *data* inlined: one file that refers to nothing else,
    and whose Content-Security-Policy allows only that one script and style."""
    script, style = asset("viewer.js"), asset("viewer.css")
    if "</script" in script.lower() or "</style" in style.lower():
        raise EventcoderError("viewer.js or viewer.css holds a closing tag and cannot be inlined")
    csp = (
        f"default-src 'none'; script-src {_csp_hash(script)}; style-src {_csp_hash(style)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    page = asset("index.html")
    page = _replace_once(
        page,
        '<meta charset="utf-8">',
        f'<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="{csp}">',
    )
    page = _replace_once(page, '<link rel="stylesheet" href="viewer.css">', f"<style>{style}</style>")
    return _replace_once(
        page,
        '<script src="viewer.js"></script>',
        f'<script type="application/json" id="eventcoder-data">{embed_json(data)}</script>\n'
        f"<script>{script}</script>",
    )


def write_report(db: str | Path, out: TextIO) -> int:
    """Write the one-file report of the store at *db* to *out*; returns the number of events."""
    if not Path(db).is_file():
        raise UsageError(f"no store at {db} (run 'eventcoder run PATH...' first, or pass --db)")
    data = report_data(db)
    out.write(report_html(data))
    return len(data["events"])
