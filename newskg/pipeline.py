"""Ingest: articles -> spaCy -> records -> quads -> the store, streamed, with one writer.

The composition of the layers lives here and nowhere else. Documents stream through an
*extractor* (in this process with ``nlp.pipe`` in batches, or in worker processes, see
:mod:`newskg.parallel`); whatever extracts them, this module alone writes, each document in its
own transaction, so an interrupted ingest (Ctrl-C, ``kill -9``) keeps every document written
before it and no half document. A document already in the store with the same id and the same
text is skipped, so re-running an ingest finishes the rest. Nothing here holds more than the
documents in flight: no list of all documents, Docs or quads.
"""

from __future__ import annotations

import hashlib
import logging
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from pyoxigraph import Quad
from spacy.language import Language

from extract.document import extract_document
from extract.gazetteer import Gazetteer
from extract.records import DocumentInfo, Extraction
from graph.mapping import to_quads
from graph.store import KnowledgeStore
from newskg.sources import SourceDocument, SourceError

log = logging.getLogger(__name__)


MAX_KEPT_FAILURES = 1000
"""Failures kept in the summary (all are counted and reported as they happen)."""


@dataclass(frozen=True, slots=True)
class Failed:
    """A document whose extraction failed, with the reason (picklable, unlike exceptions)."""

    document: DocumentInfo
    reason: str


@dataclass(frozen=True, slots=True)
class Mapped:
    """A document already turned into quads elsewhere (a Dask worker's N-Quads shard)."""

    document: DocumentInfo
    quads: tuple[Quad, ...]


Outcome = Extraction | Mapped | Failed
Extractor = Callable[[Iterable[DocumentInfo]], Iterator[Outcome]]
"""Documents in, one outcome per document out, in the same order."""


@dataclass
class IngestSummary:
    documents: int = 0
    skipped: int = 0
    failed: int = 0
    quads: int = 0
    words: int = 0
    seconds: float = 0.0
    failures: list[SourceError] = field(default_factory=list)

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    @property
    def seen(self) -> int:
        """Documents dealt with so far, whatever became of them."""
        return self.documents + self.skipped + self.failed

    def line(self) -> str:
        return (
            f"{self.documents} documents ingested, {self.skipped} unchanged, "
            f"{self.failed} failed; {self.quads} quads; "
            f"{self.words_per_second:,.0f} words/s"
        )


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_info(src: SourceDocument) -> DocumentInfo:
    return DocumentInfo(
        id=src.id,
        text=src.text,
        sha256=sha256(src.text),
        title=src.title,
        date=src.date,
        source=src.source,
    )


class DocumentTimeout(Exception):
    """Extraction of one document ran past the per-document time limit."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`DocumentTimeout` in this block after ``seconds`` (wall clock).

    Uses ``SIGALRM``, so it only acts in the main thread of a process (the CLI's, and each
    worker's); elsewhere the block runs unlimited.
    """
    usable = (
        seconds
        and seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable or seconds is None:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise DocumentTimeout(f"extraction took longer than {seconds:g} s (--max-seconds)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def extract_all(
    nlp: Language,
    gazetteer: Gazetteer,
    infos: Iterable[DocumentInfo],
    *,
    batch_size: int = 32,
    max_seconds: float | None = None,
) -> Iterator[Outcome]:
    """Run the pipeline over documents in batches; a failing document becomes :class:`Failed`.

    ``max_seconds`` bounds the newskg extractors per document (spaCy's own time is bounded by
    the document size limit, since it is linear in the text).
    """
    pairs = ((info.text, info) for info in infos)
    for doc, info in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        outcome: Outcome
        try:
            with time_limit(max_seconds):
                outcome = extract_document(doc, info, gazetteer)
        except DocumentTimeout as exc:
            outcome = Failed(info, str(exc))
        except Exception as exc:  # one bad document must not end the run
            log.debug("extraction failed for %s", info.id, exc_info=True)
            outcome = Failed(info, f"extraction failed: {exc}")
        yield outcome  # outside the time limit: the consumer's work is not the extractor's


def ingest(
    sources: Iterable[SourceDocument | SourceError],
    store: KnowledgeStore,
    nlp: Language | None = None,
    gazetteer: Gazetteer | None = None,
    *,
    extractor: Extractor | None = None,
    batch_size: int = 32,
    max_chars: int = 1_000_000,
    max_seconds: float | None = None,
    link: Callable[[Extraction], Extraction] | None = None,
    on_document: Callable[[IngestSummary], None] | None = None,
    on_failure: Callable[[SourceError], None] | None = None,
) -> IngestSummary:
    """Extract and store every document; returns what happened. Never raises for one document.

    Args:
        extractor: turns documents into outcomes (e.g. :func:`newskg.parallel.parallel_extractor`);
            by default ``nlp`` and ``gazetteer`` in this process.
        link: applied to each extraction just before it is turned into quads (online linking).
        on_document: called with the running summary after each document, whatever its fate.
        on_failure: called for each failed document (default: a warning in the log).
    """
    if extractor is None:
        if nlp is None or gazetteer is None:
            raise TypeError("ingest needs nlp and gazetteer, or an extractor")
        loaded_nlp, loaded_gazetteer = nlp, gazetteer

        def extractor(infos: Iterable[DocumentInfo]) -> Iterator[Outcome]:
            return extract_all(
                loaded_nlp, loaded_gazetteer, infos, batch_size=batch_size, max_seconds=max_seconds
            )

    summary = IngestSummary()
    started = time.perf_counter()
    origins: dict[str, str] = {}  # documents in flight only

    def tick() -> None:
        summary.seconds = time.perf_counter() - started
        if on_document:
            on_document(summary)

    def fail(origin: str, reason: str) -> None:
        summary.failed += 1
        error = SourceError(origin, reason)
        if len(summary.failures) < MAX_KEPT_FAILURES:
            summary.failures.append(error)
        if on_failure:
            on_failure(error)
        else:
            log.warning("%s: skipped: %s", origin, reason)
        tick()

    def todo() -> Iterator[DocumentInfo]:
        for src in sources:
            if isinstance(src, SourceError):
                fail(src.origin, src.reason)
                continue
            if len(src.text) > max_chars:
                fail(
                    src.origin,
                    f"document of {len(src.text):,} characters is longer than "
                    f"the limit of {max_chars:,} (--max-chars)",
                )
                continue
            info = document_info(src)
            if is_stored(store, info):
                summary.skipped += 1
                tick()
                continue
            origins[info.id] = src.origin
            yield info

    for result in extractor(todo()):
        info = result.document
        origin = origins.pop(info.id, info.id)
        if isinstance(result, Failed):
            fail(origin, result.reason)
            continue
        try:
            quads = (
                result.quads
                if isinstance(result, Mapped)
                else to_quads(link(result) if link else result, store.minter.base)
            )
        except Exception as exc:  # an unreachable service must not end the run
            fail(origin, f"linking failed: {exc}")
            continue
        try:
            summary.quads += store.replace_document(info.id, info.sha256, quads)
        except Exception as exc:
            fail(origin, f"could not be stored: {exc}")
            continue
        summary.documents += 1
        summary.words += len(info.text.split())
        log.debug("stored %s (%s)", info.id, origin)
        tick()
    store.compact()
    summary.seconds = time.perf_counter() - started
    return summary


def is_stored(store: KnowledgeStore, info: DocumentInfo) -> bool:
    """Whether the store holds this document (same id) with the same text (same hash)."""
    stored = store.find_document(doc_id=info.id)
    return bool(stored) and stored[0].sha256 == info.sha256
