"""The command line: each command parses its options and calls one function of :mod:`api`.

Exit codes: 0 every input was processed; 1 some inputs were skipped (the summary says
which and why); 2 a usage error, or an error that stopped the command (one line on stderr,
``eventcoder: error: ...``); 3 a failure of eventcoder itself, a bug (one line on stderr,
``eventcoder: internal error: ...``; ``-v`` adds the traceback). Output files are written
atomically: a command that fails leaves the previous file as it was.
"""

from __future__ import annotations

import json
import logging
import sys

import click

from . import api
from ._version import __version__
from .corpus.merge import MergeOptions
from .errors import EventcoderError, UsageError
from .io.export import FORMATS, atomic_file
from .io.ingest import parse_published
from .io.store import DEFAULT_DB
from .options import DEFAULT_MODEL, Options, available_cores

EXIT_OK, EXIT_SKIPPED, EXIT_ERROR, EXIT_CRASH = 0, 1, 2, 3


def _options(published: str | None, max_chars: int, model: str, processes: int | None = None) -> Options:
    if published is not None and parse_published(published) is None:
        raise UsageError(f"--published must be a date YYYY-MM-DD, not '{published}'")
    more = {} if processes is None else {"processes": processes}
    ctx = click.get_current_context(silent=True)
    more["id_prefix"] = (ctx.meta.get("eventcoder.id_prefix") if ctx else None) or ""
    return Options(published=parse_published(published), max_chars=max_chars, model=model, **more)


def _keep_id_prefix(ctx: click.Context, _param, value: str | None) -> None:
    """--id-prefix, kept for _options (so that every input command takes it unchanged)."""
    ctx.meta["eventcoder.id_prefix"] = value


def _finish(summary: api.RunSummary, quiet: bool, show_table: bool) -> int:
    if show_table and not quiet:
        click.echo(summary.format())
        return EXIT_OK if summary.ok else EXIT_SKIPPED
    for n in summary.notes:
        click.echo(f"note: {n.origin}: {n.message}", err=True)
    for line in summary.not_coded_lines():
        click.echo(line, err=True)
    if summary.skipped:
        click.echo(f"{len(summary.skipped)} input(s) skipped:", err=True)
        for s in summary.skipped:
            click.echo(f"  {s.origin}: {s.reason}", err=True)
    return EXIT_OK if summary.ok else EXIT_SKIPPED


input_options = [
    click.option("--published", metavar="YYYY-MM-DD", help="Publication date for documents that carry none."),
    click.option(
        "--max-chars",
        type=click.IntRange(min=1),
        default=Options.max_chars,
        show_default=True,
        help="Skip documents longer than this (the spaCy model takes 1,000,000 at most: longer ones are skipped).",
    ),
    click.option("--model", default=DEFAULT_MODEL, show_default=True, help="spaCy pipeline to load."),
    click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary table."),
    click.option(
        "--id-prefix",
        metavar="PREFIX",
        expose_value=False,
        callback=_keep_id_prefix,
        help="Put PREFIX before every document id (nyt/ gives nyt/report): one source's inputs apart from another's.",
    ),
]


def with_input_options(f):
    for opt in reversed(input_options):
        f = opt(f)
    return f


processes_option = click.option(
    "--processes",
    type=click.IntRange(1),
    help="Processes that parse and code at once [default: the cores available, "
    f"here {available_cores()}]; 1 codes in one process (with --workers, each Dask worker codes in one).",
)


def workers_options(f):
    """--workers and --scheduler: code on Dask (scale.process_on_dask)."""
    f = click.option("--scheduler", help="Code on an existing Dask cluster: tcp://HOST:PORT ('dask' extra).")(
        f
    )
    return click.option(
        "--workers",
        type=click.IntRange(1),
        help="Code on a local Dask cluster of N processes ('dask' extra).",
    )(f)


db_option = click.option(
    "--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False), help="SQLite store."
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="eventcoder")
@click.option("-v", "--verbose", count=True, help="Log more (-v info, -vv debug).")
def cli(verbose: int) -> None:
    """Turn reports of armed conflict and political violence into a sourced event dataset.

    Inputs are files or directories of .txt, .md, .html and .jsonl documents, or '-' for stdin.
    """
    _log_to_stderr(verbose)


#: Loggers of libraries that speak of their own workings (a Dask cluster starting and stopping):
#: below -v, only their errors show.
CHATTY = ("distributed", "dask", "tornado", "asyncio")


def _log_to_stderr(verbose: int) -> None:
    """Log to stderr at *verbose*'s level (-v info, -vv debug) and above, and only that: the
    handler's own level holds back the INFO of a library that sets its loggers to INFO (Dask
    does); below -v, the chatty libraries show only their errors. As ``logging.basicConfig``,
    nothing is done when the host has set up logging already."""
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    root = logging.getLogger()
    if root.handlers:
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    handler.setLevel(level)
    if not verbose:
        handler.addFilter(lambda r: r.levelno >= logging.ERROR or not r.name.startswith(CHATTY))
    root.addHandler(handler)
    root.setLevel(level)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    default="-",
    help="Where to write JSON Lines (default stdout); a FILE is replaced, even when nothing is found.",
)
@with_input_options
@workers_options
@processes_option
def extract(paths, output, published, max_chars, model, quiet, workers, scheduler, processes) -> int:
    """Code documents and write one JSON line per event, without a store."""
    options = _options(published, max_chars, model, processes)
    dask = {"workers": workers, "scheduler": scheduler}
    if output == "-":
        summary = api.extract(paths, options, progress=not quiet, **dask)
    else:
        with atomic_file(output) as f:
            summary = api.extract(paths, options, out=f, progress=not quiet, **dask)
    return _finish(summary, quiet, show_table=False)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option(
    "--out",
    "out_dir",
    default="out",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Directory for events.jsonl.",
)
@with_input_options
@click.option("--embed", is_flag=True, help="Merge with sentence embeddings (needs the 'embed' extra).")
@workers_options
@processes_option
def run(paths, db, out_dir, published, max_chars, model, quiet, embed, workers, scheduler, processes) -> int:
    """Ingest, code and store documents; merge the reports of one event; write OUT/events.jsonl
    (merged events) and print a summary."""
    summary = api.run(
        paths,
        _options(published, max_chars, model, processes),
        db=db,
        out_dir=out_dir,
        progress=not quiet,
        merge_options=MergeOptions(use_embeddings=embed),
        workers=workers,
        scheduler=scheduler,
    )
    return _finish(summary, quiet, show_table=True)


@cli.command()
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="jsonl",
    show_default=True,
    help="acled and ucdp: CSV with those datasets' columns; parquet needs -o FILE (docs/exports.md).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    default="-",
    help="File to write (default stdout).",
)
@click.option(
    "--level",
    type=click.Choice(["merged", "document"]),
    default="merged",
    show_default=True,
    help="Merged events (every report of one event in one record), or one record per document-level event.",
)
@click.option(
    "--background",
    is_flag=True,
    help="acled and ucdp: also the events the reports only recall as background (other formats keep all).",
)
def export(db, fmt, output, level, background) -> int:
    """Export stored events."""
    out = None if output == "-" else output
    n = api.export(db=db, fmt=fmt, out=out, level=level, include_background=background)
    click.echo(f"{n} events exported", err=True)
    return EXIT_OK


@cli.command()
@click.argument("doc_ids", nargs=-1, required=True)
@db_option
def remove(doc_ids, db) -> int:
    """Remove documents (by id) and their events; merged events lose only their reports."""
    n = api.remove(doc_ids, db=db)
    click.echo(f"{n} of {len(doc_ids)} documents removed", err=True)
    return EXIT_OK if n == len(doc_ids) else EXIT_SKIPPED


embed_option = click.option(
    "--embed",
    is_flag=True,
    help="Compare reports with sentence embeddings (needs the 'embed' extra); default: word overlap.",
)


@cli.command()
@db_option
@embed_option
def merge(db, embed) -> int:
    """Merge the stored reports of one event into one record (run does this too)."""
    n = api.merge(db=db, options=MergeOptions(use_embeddings=embed))
    click.echo(f"{n} merged events", err=True)
    return EXIT_OK


@cli.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
def stats(db, as_json) -> int:
    """Show what the store holds: counts, the span of dates, types, countries, and the documents
    without events."""
    s = api.stats(db=db)
    click.echo(json.dumps(s, indent=1) if as_json else s.format())
    return EXIT_OK


@cli.command()
@click.argument("event_id")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the record, with its documents, as JSON.")
def show(event_id, db, as_json) -> int:
    """Show one stored event (merged or of one report; an id's first characters will do) with
    its sources: each document, claimant, figures and evidence sentence."""
    view = api.show(event_id, db=db)
    click.echo(json.dumps(view.as_dict(), indent=1, ensure_ascii=False) if as_json else view.format())
    return EXIT_OK


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", type=click.IntRange(0, 65535), default=8765, show_default=True, help="0: any free port."
)
def serve(db, host, port) -> int:
    """Browse the stored events on a local web page: timeline, map, table, each event's evidence."""
    api.serve(
        db=db,
        host=host,
        port=port,
        on_ready=lambda url: click.echo(f"serving {url} (Ctrl-C stops)", err=True),
    )
    return EXIT_OK


@cli.command()
@db_option
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    default="report.html",
    show_default=True,
)
def report(db, output) -> int:
    """Write the viewer as one self-contained HTML file, to share."""
    if output == "-":
        n = api.report(db=db)
    else:
        with atomic_file(output) as f:
            n = api.report(db=db, out=f)
    click.echo(f"{n} events in the report", err=True)
    return EXIT_OK


@cli.command()
@click.argument("more_gold", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--gold",
    "gold",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Gold file; further gold files may follow it (--gold a.json b.json ...).",
)
@click.option(
    "--suite",
    type=click.Path(exists=True, file_okay=False),
    help="Score every corpus under this folder side by side (tests/data: real, real-heldout, dev, "
    "heldout, merge, offtopic).",
)
@click.option("--set", "sets", multiple=True, help="With --suite: only this set (repeatable).")
@click.option(
    "--sentences",
    type=click.Path(exists=True, dir_okay=False),
    help="Single sentences with gold PLOVER types (tests/data/plover-sentences/sentences.jsonl): "
    "type found and top-1 per type.",
)
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--pred", type=click.Path(exists=True, dir_okay=False), help="Predicted events (JSON Lines).")
@click.option(
    "--input", "inputs", multiple=True, help="Extract from these paths instead of --pred (repeatable)."
)
@click.option("--verbose", "verbose_", is_flag=True, help="List missed and spurious events.")
@click.option("--json", "json_out", type=click.Path(dir_okay=False), help="Also write the figures as JSON.")
@click.option("--model", default=DEFAULT_MODEL, show_default=True)
@click.option(
    "--merge",
    "merge_gold",
    is_flag=True,
    help="GOLD holds clusters of reports of one event (tests/data/merge/gold.json): score merging, B-cubed.",
)
@click.option(
    "--manifest",
    type=click.Path(exists=True, dir_okay=False),
    help="With --merge: JSON list of {doc_id, published} giving the documents' dates.",
)
@click.option("--embed", is_flag=True, help="With --merge: merge with sentence embeddings ('embed' extra).")
def evaluate(
    more_gold,
    gold,
    suite,
    sets,
    sentences,
    quiet,
    pred,
    inputs,
    verbose_,
    json_out,
    model,
    merge_gold,
    manifest,
    embed,
) -> int:
    """Precision, recall, F1 and slot accuracies against gold files, with the reference
    scorer's rules: eventcoder evaluate --gold GOLD... (--pred PRED.jsonl | --input PATH...).
    With --merge, B-cubed precision, recall and F1 of merging: eventcoder evaluate --merge
    --gold tests/data/merge/gold.json --manifest tests/data/merge/manifest.json --input tests/data/merge/docs.
    With --suite tests/data, every corpus of the suite in one table, and the events coded on off-topic pages."""
    golds = [*gold, *more_gold]
    if sentences:
        sentence_report = api.evaluate_sentences(sentences, options=Options(model=model))
        click.echo(sentence_report.format(verbose=verbose_))
        _write_json(json_out, sentence_report.as_dict())
        return EXIT_OK
    if suite:
        suite_report = api.evaluate_suite(
            suite,
            options=Options(model=model),
            merge_options=MergeOptions(use_embeddings=embed),
            sets=sets or None,
            progress=not quiet,
        )
        click.echo(suite_report.format())
        _write_json(json_out, suite_report.as_dict())
        return EXIT_OK
    if not golds:
        raise UsageError("give --gold GOLD... (or --suite DIR)")
    if merge_gold:
        if not inputs or len(golds) != 1:
            raise UsageError("--merge takes one --gold file and --input paths")
        merge_report = api.evaluate_merge(
            golds[0],
            inputs,
            manifest=manifest,
            options=Options(model=model),
            merge_options=MergeOptions(use_embeddings=embed),
        )
        click.echo(merge_report.format())
        return EXIT_OK
    report = api.evaluate(golds, pred=pred, inputs=inputs or None, options=Options(model=model))
    click.echo(report.format(verbose=verbose_))
    _write_json(json_out, report.as_dict())
    return EXIT_OK


def _write_json(path: str | None, figures: dict) -> None:
    if path:
        with open(path, "w", encoding="utf-8") as f:
            json.dump(figures, f, indent=1)


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``eventcoder`` console script."""
    try:
        code = cli.main(args=argv, prog_name="eventcoder", standalone_mode=False)
    except click.exceptions.UsageError as e:
        e.show()
        code = EXIT_ERROR
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        code = EXIT_ERROR
    except EventcoderError as e:
        click.echo(f"eventcoder: error: {e}", err=True)
        code = EXIT_ERROR
    except BrokenPipeError:
        code = EXIT_OK
    except Exception as e:  # a bug of eventcoder: one line, never mistaken for "some skipped"
        logging.getLogger("eventcoder").info("internal error", exc_info=True)
        click.echo(
            f"eventcoder: internal error: {type(e).__name__}: {e} (a bug: please report it; -v shows more)",
            err=True,
        )
        code = EXIT_CRASH
    sys.exit(code if isinstance(code, int) else EXIT_OK)
