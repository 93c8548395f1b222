"""Ingest: articles -> spaCy -> records -> quads -> the store, one document at a time.

The composition of the layers lives here and nowhere else. Documents stream through
``nlp.pipe`` in batches; each document is written in its own transaction, so an interrupted
ingest keeps every document written before it and no half document. A document already in the
store with the same id and the same text is skipped, so re-running an ingest finishes the rest.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

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

    def line(self) -> str:
        return (f"{self.documents} documents ingested, {self.skipped} unchanged, "
                f"{self.failed} failed; {self.quads} quads; "
                f"{self.words_per_second:,.0f} words/s")


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_info(src: SourceDocument) -> DocumentInfo:
    return DocumentInfo(id=src.id, text=src.text, sha256=sha256(src.text), title=src.title,
                        date=src.date, source=src.source)


def extract_all(
    nlp: Language,
    gazetteer: Gazetteer,
    infos: Iterable[DocumentInfo],
    *,
    batch_size: int = 64,
) -> Iterator[Extraction | tuple[DocumentInfo, Exception]]:
    """Run the pipeline over documents in batches; a failing document is yielded with its error."""
    pairs = ((info.text, info) for info in infos)
    for doc, info in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        try:
            yield extract_document(doc, info, gazetteer)
        except Exception as exc:  # one bad document must not end the run
            log.debug("extraction failed for %s", info.id, exc_info=True)
            yield info, exc


def ingest(
    sources: Iterable[SourceDocument | SourceError],
    store: KnowledgeStore,
    nlp: Language,
    gazetteer: Gazetteer,
    *,
    batch_size: int = 64,
    max_chars: int = 1_000_000,
    on_document: Callable[[IngestSummary], None] | None = None,
    on_failure: Callable[[SourceError], None] | None = None,
) -> IngestSummary:
    """Extract and store every document; returns what happened. Never raises for one document."""
    summary = IngestSummary()
    started = time.perf_counter()

    def fail(origin: str, reason: str) -> None:
        summary.failed += 1
        error = SourceError(origin, reason)
        if len(summary.failures) < MAX_KEPT_FAILURES:
            summary.failures.append(error)
        if on_failure:
            on_failure(error)
        else:
            log.warning("%s: skipped: %s", origin, reason)

    def todo() -> Iterator[DocumentInfo]:
        for src in sources:
            if isinstance(src, SourceError):
                fail(src.origin, src.reason)
                continue
            if len(src.text) > max_chars:
                fail(src.origin, f"document of {len(src.text):,} characters is longer than "
                                 f"the limit of {max_chars:,} (--max-chars)")
                continue
            info = document_info(src)
            stored = store.find_document(doc_id=info.id)
            if stored and stored[0].sha256 == info.sha256:
                summary.skipped += 1
                continue
            origins[info.id] = src.origin
            yield info

    origins: dict[str, str] = {}
    for result in extract_all(nlp, gazetteer, todo(), batch_size=batch_size):
        if isinstance(result, tuple):
            info, exc = result
            fail(origins.pop(info.id, info.id), f"extraction failed: {exc}")
            continue
        info = result.document
        try:
            summary.quads += store.replace_document(info.id, info.sha256,
                                                    to_quads(result, store.minter.base))
        except Exception as exc:
            fail(origins.pop(info.id, info.id), f"could not be stored: {exc}")
            continue
        origins.pop(info.id, None)
        summary.documents += 1
        summary.words += len(info.text.split())
        summary.seconds = time.perf_counter() - started
        if on_document:
            on_document(summary)
    summary.seconds = time.perf_counter() - started
    return summary
