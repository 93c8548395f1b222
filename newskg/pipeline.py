"""Ingest: articles -> spaCy -> records -> quads -> the store, streamed, with one writer.

The composition of the layers lives here and nowhere else. Documents stream through an
*extractor* (in this process with ``nlp.pipe`` in batches, or in worker processes that also map
the records to N-Quads, see :mod:`newskg.parallel`); whatever extracts them, this module alone
writes, whole documents, several per transaction (:class:`graph.writer.BatchWriter`), so an
interrupted ingest (Ctrl-C, ``kill -9``) keeps every document committed before it and no part
of another. A document already in the store with the same id and the same
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
from graph.writer import BatchWriter, EncodedDocument, Written, encode_document
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


@dataclass(frozen=True, slots=True)
class Encoded:
    """A document already turned into N-Quads, in a worker process (see :func:`encode_all`)."""

    document: EncodedDocument


Outcome = Extraction | Mapped | Encoded | Failed
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


def encode_all(
    nlp: Language,
    gazetteer: Gazetteer,
    infos: Iterable[DocumentInfo],
    base: str,
    *,
    batch_size: int = 32,
    max_seconds: float | None = None,
) -> Iterator[Outcome]:
    """:func:`extract_all`, each extraction then mapped to quads and serialised (:class:`Encoded`).

    Run where the extraction runs (a worker process), this leaves the writer nothing to do
    but commit bytes: mapping took ~15 ms a document, against ~2 ms to unpickle the records.
    """
    outcomes = extract_all(nlp, gazetteer, infos, batch_size=batch_size, max_seconds=max_seconds)
    for outcome in outcomes:
        if isinstance(outcome, Extraction):
            info = outcome.document
            try:
                quads = to_quads(outcome, base)
                outcome = Encoded(encode_document(info.id, info.sha256, quads, base))
            except Exception as exc:
                log.debug("mapping failed for %s", info.id, exc_info=True)
                outcome = Failed(info, f"mapping failed: {exc}")
        yield outcome


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
        batch_size: documents per ``nlp.pipe`` batch (default extractor) and at most per
            write transaction.
        extractor: turns documents into outcomes (e.g. :func:`newskg.parallel.parallel_extractor`);
            by default ``nlp`` and ``gazetteer`` in this process.
        link: applied to each extraction just before it is turned into quads (online linking);
            the extractor must then give records (:class:`Extraction`), not :class:`Encoded`.
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

    run = _Run(store, max_chars, link, on_document, on_failure)
    writer = BatchWriter(store, max_documents=batch_size)
    for result in extractor(run.todo(sources)):
        encoded = run.encoded(result)
        if encoded is not None:
            run.written(writer.add(encoded))
    run.written(writer.flush())
    store.compact()
    run.summary.seconds = time.perf_counter() - run.started
    return run.summary


class _Run:
    """One ingest's bookkeeping: the summary, the callbacks, the documents in flight."""

    def __init__(
        self,
        store: KnowledgeStore,
        max_chars: int,
        link: Callable[[Extraction], Extraction] | None,
        on_document: Callable[[IngestSummary], None] | None,
        on_failure: Callable[[SourceError], None] | None,
    ) -> None:
        self.store, self.max_chars, self.link = store, max_chars, link
        self.on_document, self.on_failure = on_document, on_failure
        self.summary = IngestSummary()
        self.started = time.perf_counter()
        self.in_flight: dict[str, tuple[str, int]] = {}  # id -> (origin, words)

    def tick(self) -> None:
        self.summary.seconds = time.perf_counter() - self.started
        if self.on_document:
            self.on_document(self.summary)

    def fail(self, origin: str, reason: str) -> None:
        self.summary.failed += 1
        error = SourceError(origin, reason)
        if len(self.summary.failures) < MAX_KEPT_FAILURES:
            self.summary.failures.append(error)
        if self.on_failure:
            self.on_failure(error)
        else:
            log.warning("%s: skipped: %s", origin, reason)
        self.tick()

    def todo(self, sources: Iterable[SourceDocument | SourceError]) -> Iterator[DocumentInfo]:
        """The documents to extract: readable, not too long, not stored already."""
        for src in sources:
            if isinstance(src, SourceError):
                self.fail(src.origin, src.reason)
                continue
            if len(src.text) > self.max_chars:
                self.fail(
                    src.origin,
                    f"document of {len(src.text):,} characters is longer than "
                    f"the limit of {self.max_chars:,} (--max-chars)",
                )
                continue
            info = document_info(src)
            if is_stored(self.store, info):
                self.summary.skipped += 1
                self.tick()
                continue
            self.in_flight[info.id] = (src.origin, len(info.text.split()))
            yield info

    def encoded(self, result: Outcome) -> EncodedDocument | None:
        """The outcome's quads for the writer; ``None`` (and the failure reported) if none."""
        if isinstance(result, Encoded):
            return result.document
        info = result.document
        if isinstance(result, Failed):
            self.fail(self.in_flight.pop(info.id, (info.id, 0))[0], result.reason)
            return None
        try:
            if isinstance(result, Mapped):
                quads: Iterable[Quad] = result.quads
            else:
                quads = to_quads(self.link(result) if self.link else result, self.store.minter.base)
            return encode_document(info.id, info.sha256, quads, self.store.minter.base)
        except Exception as exc:  # an unreachable service must not end the run
            self.fail(self.in_flight.pop(info.id, (info.id, 0))[0], f"linking failed: {exc}")
            return None

    def written(self, done: list[Written]) -> None:
        """Account for documents the writer committed (or could not)."""
        for item in done:
            doc = item.document
            origin, words = self.in_flight.pop(doc.id, (doc.id, 0))
            if item.error:
                self.fail(origin, item.error)
                continue
            self.summary.documents += 1
            self.summary.quads += doc.quads
            self.summary.words += words
            log.debug("stored %s (%s)", doc.id, origin)
            self.tick()


def is_stored(store: KnowledgeStore, info: DocumentInfo) -> bool:
    """Whether the store holds this document (same id) with the same text (same hash)."""
    stored = store.find_document(doc_id=info.id)
    return bool(stored) and stored[0].sha256 == info.sha256
