"""The local viewer: a small web server over the store, and the same page as one HTML file.

``eventcoder serve`` runs :func:`serve`: a standard-library ``ThreadingHTTPServer``, bound to
127.0.0.1 by default, that serves the page (``viewer/index.html``, ``viewer.js``, ``viewer.css``,
all of them ours) and JSON endpoints:

* ``GET /api/meta``: the store, whether its events are merged, the types and countries present;
* ``GET /api/events``: the event records, filtered by the query parameters ``type`` and ``country``
  (comma-separated lists), ``start`` and ``end`` (YYYY-MM-DD: events whose dates overlap them),
  ``actor`` (words the actor's or the target's name or text contains) and ``disputed`` (1: only
  events whose sources disagree on the toll) -- see :class:`Filters`;
* ``GET /api/events/{id}``: one record, each source with its document's text (``document_text``);
* ``GET /api/outlines``: the country outlines (GeoJSON, :mod:`eventcoder.outlines`).

The events are the merged ones (one per real-world event, every report a source); a store that
has not been merged shows its document-level events. ``eventcoder report`` runs
:func:`write_report`: the same page with its script, style, data and outlines inlined into one
file that refers to nothing outside it. The page's script reads its data from that embedded JSON
block when there is one, else from the endpoints, so both share one ``viewer.js``.

The store is opened read-only (SQLite ``mode=ro``): a store deleted while the server runs is an
error on the page, never created again. The server runs a thread per request, with a listen queue of
1,024 (the standard 5 refuses connections under a burst); every response carries the security
headers, the error pages the standard library writes included.

Document text is untrusted. The script builds every element with ``createElement`` and
``textContent``; the embedded JSON has ``<``, ``>`` and ``&`` escaped; the server sends a
Content-Security-Policy that allows only its own scripts and styles, and the report one that allows
only its own inline script and style (by hash).
"""

from __future__ import annotations

import base64
import errno
import hashlib
import json
import logging
import os
import socket
import threading
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import parse_qs, unquote, urlsplit

from ..errors import EventcoderError, UsageError
from ..io.store import Store
from . import outlines as _outlines

log = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
STATIC: dict[str, str] = {
    "/": "index.html",
    "/index.html": "index.html",
    "/viewer.js": "viewer.js",
    "/viewer.css": "viewer.css",
}
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
}
SERVER_CSP = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": SERVER_CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": "no-store",
}
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
_TRUE = {"1", "true", "yes", "on"}


def asset(name: str) -> str:
    """The text of one of the page's files (``index.html``, ``viewer.js``, ``viewer.css``)."""
    return (resources.files("eventcoder") / "viewer" / "static" / name).read_text(encoding="utf-8")


# -- the data -------------------------------------------------------------------------------
def _date(value: str | None, name: str) -> str | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise UsageError(f"{name} must be a date YYYY-MM-DD, not {value!r}") from None


def _split(values: Iterable[str]) -> frozenset[str]:
    return frozenset(v.strip().upper() for value in values for v in value.split(",") if v.strip())


@dataclass(frozen=True)
class Filters:
    """Which events to show; the page's script applies the same rules (``matches`` in viewer.js)."""

    types: frozenset[str] = frozenset()
    """PLOVER types; empty: all."""
    countries: frozenset[str] = frozenset()
    """ISO 3166-1 alpha-2 codes of the event's place; empty: all."""
    start: str | None = None
    """Only dated events that end on or after this day."""
    end: str | None = None
    """Only dated events that start on or before this day."""
    actor: str = ""
    """Words the actor's or the target's name or text contains (case-insensitive)."""
    disputed: bool = False
    """Only events whose sources disagree on the killed or the injured."""

    @classmethod
    def from_query(cls, query: dict[str, list[str]]) -> Filters:
        """Filters from URL query parameters (as :func:`urllib.parse.parse_qs` gives them); a bad
        date is a :class:`UsageError`."""

        def one(name: str) -> str:
            return (query.get(name) or [""])[-1].strip()

        return cls(
            types=_split(query.get("type", [])),
            countries=_split(query.get("country", [])),
            start=_date(one("start"), "start"),
            end=_date(one("end"), "end"),
            actor=one("actor"),
            disputed=one("disputed").lower() in _TRUE,
        )

    def matches(self, record: dict[str, Any]) -> bool:
        """True when the event record passes every filter."""
        if self.types and record.get("type") not in self.types:
            return False
        if self.countries and ((record.get("location") or {}).get("country") or "") not in self.countries:
            return False
        when = record.get("date") or {}
        if self.start and not (when.get("end") and when["end"] >= self.start):
            return False
        if self.end and not (when.get("start") and when["start"] <= self.end):
            return False
        if self.actor:
            needle = self.actor.casefold()
            words = [
                (party or {}).get(key) or ""
                for party in (record.get("actor"), record.get("target"))
                for key in ("name", "text")
            ]
            if not any(needle in w.casefold() for w in words):
                return False
        if self.disputed and not any(
            (record.get(k) or {}).get("disputed") for k in ("fatalities", "injuries")
        ):
            return False
        return True


def _sort_key(record: dict[str, Any]) -> tuple[int, str, str]:
    start = (record.get("date") or {}).get("start")
    return (start is None, start or "", record["id"])


def country_name(code: str) -> str:
    """The short English name of an ISO 3166-1 alpha-2 code (the code itself if unknown)."""
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name


@dataclass
class Snapshot:
    """The events of a store as JSON records, read once per change of the store's files."""

    db: str
    level: str
    events: list[dict[str, Any]]
    by_id: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def read(cls, db: str | Path) -> Snapshot:
        """The merged events of the store at *db* in date order; its document-level events when it
        has not been merged."""
        with Store(db, readonly=True) as store:
            events = [e.to_json() for e in store.merged_events()]
            level = "merged"
            if not events:
                events, level = [e.to_json() for e in store.events()], "document"
        events.sort(key=_sort_key)
        return cls(str(db), level, events, {e["id"]: e for e in events})

    def meta(self) -> dict[str, Any]:
        """What the page needs to lay out its filters: the types and countries present, the dates."""
        types = Counter(e["type"] for e in self.events)
        countries = Counter(((e.get("location") or {}).get("country")) for e in self.events)
        starts = [e["date"]["start"] for e in self.events if (e.get("date") or {}).get("start")]
        ends = [e["date"]["end"] for e in self.events if (e.get("date") or {}).get("end")]
        return {
            "db": Path(self.db).name,
            "level": self.level,
            "n_events": len(self.events),
            "types": [{"type": t, "n": n} for t, n in sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))],
            "countries": sorted(
                ({"code": c, "name": country_name(c), "n": n} for c, n in countries.items() if c),
                key=lambda c: c["name"],
            ),
            "date_min": min(starts, default=None),
            "date_max": max(ends, default=None),
        }

    def filtered(self, filters: Filters) -> list[dict[str, Any]]:
        """The records that pass *filters*, in date order (undated last)."""
        return [e for e in self.events if filters.matches(e)]

    def detail(self, event_id: str, text: Callable[[str], str | None]) -> dict[str, Any] | None:
        """One record with each source's document text (``sources[].document_text``, from *text*),
        or None if there is no such event."""
        record = self.by_id.get(event_id)
        if record is None:
            return None
        return {**record, "sources": [{**s, "document_text": text(s["doc_id"])} for s in record["sources"]]}


class Data:
    """The store behind the server: a :class:`Snapshot` read again whenever the store's files
    change, and the outlines read once."""

    def __init__(self, db: str | Path):
        self.db = str(db)
        self._lock = threading.Lock()
        self._snapshot: Snapshot | None = None
        self._signature: tuple | None = None
        self._outlines: dict[str, Any] | None = None

    def _files_signature(self) -> tuple:
        out = []
        for suffix in ("", "-wal"):
            try:
                st = os.stat(self.db + suffix)
                out.append((st.st_mtime_ns, st.st_size))
            except OSError:
                out.append(None)
        return tuple(out)

    def snapshot(self) -> Snapshot:
        with self._lock:
            signature = self._files_signature()
            if self._snapshot is None or signature != self._signature:
                self._snapshot, self._signature = Snapshot.read(self.db), signature
            return self._snapshot

    def document_text(self, doc_id: str) -> str | None:
        with Store(self.db, readonly=True) as store:
            return store.document_text(doc_id)

    def outlines(self) -> dict[str, Any]:
        with self._lock:
            if self._outlines is None:
                self._outlines = _outlines.load()
            return self._outlines


# -- the server -----------------------------------------------------------------------------
class Handler(BaseHTTPRequestHandler):
    """Answers GET and HEAD for the page, its files and the JSON endpoints; nothing else."""

    server: ViewerServer
    server_version = "eventcoder"

    def version_string(self) -> str:
        return self.server_version

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def end_headers(self) -> None:
        """Every response carries the security headers: the page's, the API's and the error
        pages the standard library writes itself (501, 414, 400)."""
        for name, value in SECURITY_HEADERS.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        log.info("%s %s", self.address_string(), format % args)

    def _answer(self, send_body: bool) -> None:
        try:
            if not self._host_allowed():
                status, ctype, body = _json(HTTPStatus.FORBIDDEN, {"error": "unknown Host"})
            else:
                status, ctype, body = self._route()
        except UsageError as e:
            status, ctype, body = _json(HTTPStatus.BAD_REQUEST, {"error": str(e)})
        except EventcoderError as e:
            log.error("%s: %s", self.path, e)
            status, ctype, body = _json(HTTPStatus.INTERNAL_SERVER_ERROR, {"error": str(e)})
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def _host_allowed(self) -> bool:
        """Refuse requests for other host names when bound to loopback (DNS rebinding)."""
        if self.server.bound_host not in LOOPBACK:
            return True
        host = (self.headers.get("Host") or "").strip().lower()
        name = host[1:].split("]", 1)[0] if host.startswith("[") else host.rsplit(":", 1)[0]
        return name in LOOPBACK

    def _route(self) -> tuple[int, str, bytes]:
        url = urlsplit(self.path)
        path, data = url.path, self.server.data
        if path in STATIC:
            name = STATIC[path]
            return HTTPStatus.OK, CONTENT_TYPES[Path(name).suffix], asset(name).encode("utf-8")
        if path == "/favicon.ico":
            return HTTPStatus.NO_CONTENT, "", b""
        if path == "/api/meta":
            return _json(HTTPStatus.OK, data.snapshot().meta())
        if path == "/api/events":
            events = data.snapshot().filtered(Filters.from_query(parse_qs(url.query)))
            return _json(HTTPStatus.OK, {"count": len(events), "events": events})
        if path.startswith("/api/events/"):
            event_id = unquote(path[len("/api/events/") :])
            record = data.snapshot().detail(event_id, data.document_text)
            if record is None:
                return _json(HTTPStatus.NOT_FOUND, {"error": f"no event {event_id}"})
            return _json(HTTPStatus.OK, record)
        if path == "/api/outlines":
            return _json(HTTPStatus.OK, data.outlines())
        return _json(HTTPStatus.NOT_FOUND, {"error": f"not found: {path}"})


def _json(status: int, value: Any) -> tuple[int, str, bytes]:
    return status, "application/json; charset=utf-8", json.dumps(value, ensure_ascii=False).encode("utf-8")


class ViewerServer(ThreadingHTTPServer):
    """The viewer's HTTP server: :class:`Handler` over one store."""

    daemon_threads = True
    request_queue_size = 1024
    """The listen queue: the standard library's 5 drops connections under a burst of requests."""

    def __init__(self, db: str | Path, host: str, port: int):
        self.data = Data(db)
        self.bound_host = host
        if ":" in host:
            self.address_family = socket.AF_INET6
        super().__init__((host, port), Handler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://[{host}]:{port}/" if ":" in str(host) else f"http://{host}:{port}/"


def make_server(db: str | Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> ViewerServer:
    """A viewer server over the store at *db*, bound but not yet serving (port 0: any free one).
    A missing store, or a port that cannot be bound, is a :class:`UsageError`."""
    if not Path(db).is_file():
        raise UsageError(f"no store at {db} (run 'eventcoder run PATH...' first, or pass --db)")
    Snapshot.read(db)  # fail now, not at the first request, on a store that cannot be read
    try:
        return ViewerServer(db, host, port)
    except OSError as e:
        if e.errno == errno.EADDRINUSE:
            raise UsageError(f"port {port} on {host} is in use: pass another --port") from e
        raise UsageError(f"cannot listen on {host}:{port}: {e.strerror or e}") from e


def serve(
    db: str | Path,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    on_ready: Callable[[str], None] | None = None,
) -> None:
    """Serve the viewer over the store at *db* until interrupted (Ctrl-C); *on_ready* is called
    with the page's address once the server listens."""
    server = make_server(db, host, port)
    if host not in LOOPBACK:
        log.warning("serving on %s: anyone who can reach it can read the stored documents", host)
    try:
        if on_ready:
            on_ready(server.url)
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


# -- the report -----------------------------------------------------------------------------
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
