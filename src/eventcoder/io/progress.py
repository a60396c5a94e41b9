"""The progress bar of a run: documents coded, out of the documents there are to code.

The total is counted before the run, cheaply and without reading a document: one a file under the
folders given, one a non-blank line of a JSON Lines file (:func:`count_inputs`); stdin has none, so
its bar counts without a total or an ETA. An input found not to need coding (skipped when read, or
stored unchanged) is taken off the total as it is found (:meth:`CodingProgress.pass_over`), so the
bar ends at its total when the last document is coded. The bar shows on a terminal only, on
stderr; ``--quiet`` turns it off (and the count with it).
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable, Iterator
from typing import TextIO, TypeVar

from .ingest import JSONL_SUFFIXES

T = TypeVar("T")


def count_inputs(paths: Iterable[str], exclude: Iterable[str] = ()) -> int | None:
    """The documents under *paths* as :func:`~eventcoder.io.ingest.read_inputs` will find them,
    counted without decoding any: None when one of them is stdin ('-'), which cannot be counted
    before it is read. Hidden names, excluded files and folders reached twice are passed over as
    reading does; an input that cannot be read counts one (it is skipped, and taken off)."""
    excluded = {os.path.realpath(p) for p in exclude}
    total, seen = 0, set()
    for arg in paths:
        if arg == "-":
            return None
        total += _count(arg, excluded, seen)
    return total


def _count(path: str, excluded: set[str], seen: set) -> int:
    try:
        st = os.stat(path)
    except OSError:
        return 1
    if stat.S_ISDIR(st.st_mode):
        if (st.st_dev, st.st_ino) in seen:
            return 1
        seen.add((st.st_dev, st.st_ino))
        try:
            names = sorted(os.listdir(path))
        except OSError:
            return 1
        return sum(_count(os.path.join(path, n), excluded, seen) for n in names if not n.startswith("."))
    if not stat.S_ISREG(st.st_mode):
        return 1
    if os.path.realpath(path) in excluded:
        return 0
    if os.path.splitext(path)[1].lower() in JSONL_SUFFIXES:
        return _jsonl_lines(path)
    return 1


def _jsonl_lines(path: str) -> int:
    """Non-blank lines of a JSON Lines file (each is a document, or a skipped line)."""
    try:
        with open(path, "rb") as f:
            return max(1, sum(1 for line in f if line.strip()))
    except OSError:
        return 1


class CodingProgress:
    """Documents coded out of *total* (None: unknown), as a tqdm bar on *stream* when it is a
    terminal and *enabled*; counted either way (``done``, ``total``)."""

    def __init__(self, total: int | None, enabled: bool = True, stream: TextIO | None = None) -> None:
        self.total, self.done = total, 0
        stream = stream if stream is not None else sys.stderr
        self._bar = None
        if enabled and _is_terminal(stream):
            from tqdm import tqdm

            self._bar = tqdm(total=total, desc="coding", unit="doc", file=stream, leave=False, smoothing=0.1)

    @classmethod
    def for_inputs(
        cls,
        paths: Iterable[str],
        enabled: bool = True,
        exclude: Iterable[str] = (),
        stream: TextIO | None = None,
    ) -> CodingProgress:
        """The bar of a run over *paths*; they are counted only when it shows."""
        stream = stream if stream is not None else sys.stderr
        shown = enabled and _is_terminal(stream)
        return cls(count_inputs(paths, exclude) if shown else None, shown, stream)

    def over(self, results: Iterable[T]) -> Iterator[T]:
        """*results*, one a document coded: the bar moves on as each is handed on; it closes
        when they end (or the consumer stops)."""
        try:
            for result in results:
                self.coded()
                yield result
        finally:
            self.close()

    def coded(self, n: int = 1) -> None:
        """*n* more documents coded."""
        self.done += n
        if self.total is not None and self.done > self.total:  # the count fell short
            self._set_total(self.done)
        if self._bar is not None:
            self._bar.update(n)

    def pass_over(self, *_item) -> None:
        """One input less to code (skipped when read, or stored unchanged)."""
        if self.total is not None:
            self._set_total(max(self.done, self.total - 1))

    def _set_total(self, total: int) -> None:
        self.total = total
        if self._bar is not None:
            self._bar.total = total
            self._bar.update(0)  # redrawn when due (at most ten times a second), not once an input

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def _is_terminal(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False
