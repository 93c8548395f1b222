"""Progress of an ingest: a bar on a terminal, a log line every few seconds elsewhere.

The number of documents to come is counted in a background thread (files in folders, lines of
JSON-lines files), so the bar gets its total, and so an ETA, without delaying the first document.
"""

from __future__ import annotations

import bz2
import gzip
import logging
import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from newskg.pipeline import IngestSummary
from newskg.sources import JSONL_SUFFIXES, is_readable, suffix_of

log = logging.getLogger("newskg")

LOG_EVERY_S = 5.0


class Progress:
    """Call :meth:`update` with the running summary; :meth:`close` at the end."""

    def __init__(
        self, stream: IO[str], *, tty: bool | None = None, every: float = LOG_EVERY_S
    ) -> None:
        self._stream = stream
        self._tty = stream.isatty() if tty is None else tty
        self._every = every
        self._last = time.monotonic()
        self._seen = 0
        self._total: int | None = None
        self._bar: Any = None
        if self._tty:
            from tqdm import tqdm

            self._bar = tqdm(unit="doc", file=stream, dynamic_ncols=True)

    def set_total(self, total: int) -> None:
        self._total = total
        if self._bar is not None:
            self._bar.total = total
            self._bar.refresh()

    def count_in_background(self, paths: Iterable[str]) -> None:
        """Count the documents under ``paths`` in a daemon thread and set the total."""
        paths = [p for p in paths if p != "-"]

        def count() -> None:
            try:
                self.set_total(count_documents(paths))
            except Exception:  # the count is a nicety; the ingest reports real errors
                log.debug("could not count the documents", exc_info=True)

        threading.Thread(target=count, name="newskg-count", daemon=True).start()

    def update(self, summary: IngestSummary) -> None:
        if self._bar is not None:
            self._bar.update(summary.seen - self._seen)
            self._bar.set_postfix(
                words_s=f"{summary.words_per_second:,.0f}",
                skipped=summary.skipped,
                failed=summary.failed,
                refresh=False,
            )
        elif time.monotonic() - self._last >= self._every:
            self._last = time.monotonic()
            log.info("%s", status_line(summary, self._total))
        self._seen = summary.seen

    def write(self, line: str) -> None:
        """A message on the stream, above the bar (which is redrawn below it)."""
        if self._bar is not None:
            self._bar.write(line, file=self._stream)
        else:
            print(line, file=self._stream, flush=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def status_line(summary: IngestSummary, total: int | None) -> str:
    """'120 of 1,000 documents (3 skipped, 1 failed), 1,450 words/s, ETA 0:12:04'."""
    of = f" of {total:,}" if total else ""
    line = (
        f"{summary.seen:,}{of} documents ({summary.skipped:,} skipped, "
        f"{summary.failed:,} failed), {summary.words_per_second:,.0f} words/s"
    )
    if total and summary.seen and summary.seconds:
        left = summary.seconds * (total - summary.seen) / summary.seen
        line += f", ETA {time.strftime('%H:%M:%S', time.gmtime(max(left, 0)))}"
    return line


def count_documents(paths: Iterable[str]) -> int:
    """How many documents :func:`newskg.sources.read_inputs` would yield, roughly.

    Counts readable files, and non-blank lines of JSON-lines files, without parsing them.
    """
    n = 0
    for raw in paths:
        path = Path(raw)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for f in files:
            suffix = suffix_of(f)
            if suffix in JSONL_SUFFIXES:
                opener: Any = {".jsonl.gz": gzip.open, ".jsonl.bz2": bz2.open}.get(suffix, open)
                with opener(f, "rb") as lines:
                    n += sum(1 for line in lines if line.strip())
            elif is_readable(f):
                n += 1
    return n
