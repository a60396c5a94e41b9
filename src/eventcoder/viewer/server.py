"""The local viewer: a small web server over the store, and the same page as one HTML file.

``eventcoder serve`` runs :func:`serve`: a standard-library ``ThreadingHTTPServer``, bound to
127.0.0.1 by default, that serves the page (``viewer/index.html``, ``viewer.js``, ``viewer.css``,
all of them ours) and JSON endpoints:

* ``GET /api/meta``: the store, whether its events are merged, the types and countries present;
* ``GET /api/events``: one page of the event records that pass the filters and their total:
  the filters ``type`` and ``country`` (comma-separated lists), ``start`` and ``end`` (YYYY-MM-DD:
  events whose dates overlap them), ``actor`` (words of the actor's or the target's name), ``q``
  (words of the parties, the place or the evidence), ``disputed`` (1: only events whose sources
  disagree on the toll) and ``telling`` (news or background); the page: ``sort`` (date, type,
  actor, target, place, country, killed, injured, sources, confidence), ``dir`` (asc or desc),
  ``limit`` (100, at most 1,000) and ``offset``; with ``summary=1`` also the timeline's histogram
  and the map's places of every filtered event -- see :mod:`eventcoder.viewer.queries`;
* ``GET /api/download?format=csv|json``: every filtered event, in the same sort, streamed as a
  file: the CSV of ``eventcoder export`` or a JSON array of the records;
* ``GET /api/events/{id}``: one record, each source with its document's text (``document_text``);
* ``GET /api/outlines``: the country outlines (GeoJSON, :mod:`eventcoder.outlines`).

The events are the merged ones (one per real-world event, every report a source); a store that
has not been merged shows its document-level events (:mod:`eventcoder.viewer.data`).
``eventcoder report`` runs :func:`~eventcoder.viewer.report.write_report`: the same page with its
script, style, data and outlines inlined into one file that refers to nothing outside it. The page's script reads its data from that embedded JSON
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

import contextlib
import errno
import io
import json
import logging
import socket
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import parse_qs, unquote, urlsplit

from ..errors import EventcoderError, UsageError
from ..io import export
from ..model import Event
from .data import Data, Snapshot, asset
from .queries import Filters, Query
from .report import embed_json, report_data, report_html, write_report

__all__ = [
    "Filters",
    "Query",
    "Snapshot",
    "embed_json",
    "make_server",
    "report_data",
    "report_html",
    "serve",
    "write_report",
]

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
DOWNLOADS = {"csv": "text/csv; charset=utf-8", "json": "application/json; charset=utf-8"}


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
        if isinstance(body, Download):
            self._stream(body, send_body)
            return
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def _stream(self, download: Download, send_body: bool) -> None:
        """A download: no length known beforehand, the connection closed at its end."""
        self.send_header("Content-Disposition", f'attachment; filename="{download.filename}"')
        self.send_header("Connection", "close")
        self.close_connection = True
        self.end_headers()
        if not send_body:
            return
        out = io.TextIOWrapper(self.wfile, encoding="utf-8", newline="")
        try:
            download.write(out)
            out.flush()
        except OSError as e:  # the browser went away
            log.info("%s: download stopped: %s", self.path, e)
        finally:
            with contextlib.suppress(OSError, ValueError):
                out.detach()

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
            query = Query.from_query(parse_qs(url.query))
            return _json(HTTPStatus.OK, data.snapshot().index.run(query))
        if path == "/api/download":
            return HTTPStatus.OK, *download(data.snapshot(), parse_qs(url.query))
        if path.startswith("/api/events/"):
            event_id = unquote(path[len("/api/events/") :])
            record = data.snapshot().detail(event_id, data.document_text)
            if record is None:
                return _json(HTTPStatus.NOT_FOUND, {"error": f"no event {event_id}"})
            return _json(HTTPStatus.OK, record)
        if path == "/api/outlines":
            return _json(HTTPStatus.OK, data.outlines())
        return _json(HTTPStatus.NOT_FOUND, {"error": f"not found: {path}"})


@dataclass(frozen=True)
class Download:
    """A response written as it goes: a file of every filtered event."""

    filename: str
    write: Callable[[TextIO], Any]


def download(snapshot: Snapshot, query: dict[str, list[str]]) -> tuple[str, Download]:
    """(the content type, the :class:`Download`) of ``/api/download``: every event that passes the
    query's filters, in its sort, as the CSV of ``eventcoder export`` or as a JSON array."""
    fmt = (query.get("format") or ["csv"])[-1].strip().lower()
    if fmt not in DOWNLOADS:
        raise UsageError(f"format must be one of {', '.join(DOWNLOADS)}, not {fmt!r}")
    records = snapshot.index.stream(Query.from_query(query, max_limit=None))
    if fmt == "csv":
        return DOWNLOADS[fmt], Download(
            "events.csv", lambda out: export.write_csv(map(Event.from_json, records), out)
        )
    return DOWNLOADS[fmt], Download("events.json", lambda out: _write_json_array(records, out))


def _write_json_array(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    out.write("[")
    for record in records:
        out.write(",\n" if n else "\n")
        out.write(json.dumps(record, ensure_ascii=False))
        n += 1
    out.write("\n]\n")
    return n


def _json(status: int, value: Any) -> tuple[int, str, bytes]:
    return status, "application/json; charset=utf-8", json.dumps(value, ensure_ascii=False).encode("utf-8")


class ViewerServer(ThreadingHTTPServer):
    """The viewer's HTTP server: :class:`Handler` over one store."""

    daemon_threads = True
    request_queue_size = 1024
    """The listen queue: the standard library's 5 drops connections under a burst of requests."""

    def __init__(self, db: str | Path, host: str, port: int, snapshot: Snapshot | None = None):
        self.data = Data(db, snapshot)
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
    snapshot = Snapshot.read(db)  # fail now, not at the first request, on a store that cannot be read
    snapshot.index, snapshot.meta()  # noqa: B018 -- and be ready to answer at once
    try:
        server = ViewerServer(db, host, port, snapshot)
    except OSError as e:
        if e.errno == errno.EADDRINUSE:
            raise UsageError(f"port {port} on {host} is in use: pass another --port") from e
        raise UsageError(f"cannot listen on {host}:{port}: {e.strerror or e}") from e
    server.data.outlines()
    return server


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
