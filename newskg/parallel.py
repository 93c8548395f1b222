"""Extraction in worker processes, each loading the spaCy model once; results come back in order.

The parent (the single writer, :func:`newskg.pipeline.ingest`) sends chunks of ``batch_size``
documents and keeps at most ``2 * workers`` chunks in flight, so memory is bounded by the
window, never by the corpus. Given the store's IRI base, the workers also map each document to
N-Quads, so the writer only commits bytes; and one worker is a process too, so extraction
overlaps the writer instead of waiting for it. Workers are started with the ``spawn`` method: a
forked child would inherit the parent's open store handle and threads (RocksDB's among them),
which is unsafe; spawned ones start clean and only import what they need.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice
from typing import Any

from extract import DEFAULT_MODEL
from extract.records import DocumentInfo
from newskg.pipeline import Extractor, Failed, Outcome, encode_all, extract_all

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ModelSpec:
    """What a worker needs to build the same pipeline as the parent would."""

    model: str = DEFAULT_MODEL
    gazetteer_files: tuple[str, ...] = ()

    def load(self) -> tuple[Any, Any]:
        """(nlp, gazetteer), loaded from scratch."""
        from extract import gazetteer as gaz
        from extract.nlp import load_pipeline

        return load_pipeline(self.model, self.gazetteer_files), gaz.load(self.gazetteer_files)


def default_workers() -> int:
    """The machine's cores (those this process may use)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


MIN_PARALLEL_DOCS = 8
"""Below this many documents in all, extraction stays in the calling process."""

_loaded: dict[ModelSpec, tuple[Any, Any]] = {}
_loading = threading.Lock()


def loaded(spec: ModelSpec) -> tuple[Any, Any]:
    """The pipeline for ``spec``, loaded once per process (Dask may run tasks in threads)."""
    with _loading:
        if spec not in _loaded:
            _loaded[spec] = spec.load()
        return _loaded[spec]


def extract_chunk(
    spec: ModelSpec,
    infos: list[DocumentInfo],
    batch_size: int,
    max_seconds: float | None,
    base: str | None = None,
) -> list[Outcome]:
    """Run in a worker: one chunk of documents through the pipeline (and to N-Quads, given
    ``base``)."""
    return list(_extract(spec, infos, batch_size, max_seconds, base))


def _extract(
    spec: ModelSpec,
    infos: Iterable[DocumentInfo],
    batch_size: int,
    max_seconds: float | None,
    base: str | None,
) -> Iterator[Outcome]:
    nlp, gazetteer = loaded(spec)
    if base is None:
        return extract_all(nlp, gazetteer, infos, batch_size=batch_size, max_seconds=max_seconds)
    return encode_all(nlp, gazetteer, infos, base, batch_size=batch_size, max_seconds=max_seconds)


def parallel_extractor(
    spec: ModelSpec,
    workers: int,
    *,
    batch_size: int = 32,
    max_seconds: float | None = None,
    base: str | None = None,
) -> Extractor:
    """An extractor over ``workers`` processes; with ``base``, they also map to N-Quads.

    Chunks of ``batch_size`` documents go to the workers. An input smaller than one chunk is
    split evenly between the workers, or, below :data:`MIN_PARALLEL_DOCS` documents, extracted
    in this process: starting workers would cost more than it saves. One worker is a process
    too (``workers`` <= 0 means in this process), so that extraction overlaps the writer.
    """

    def run(infos: Iterable[DocumentInfo]) -> Iterator[Outcome]:
        stream = iter(infos)
        first = list(islice(stream, batch_size))
        n = max(workers, 1)
        if len(first) == batch_size:
            chunks = _chunks(stream, batch_size, first)
        elif len(first) >= MIN_PARALLEL_DOCS:
            size = -(-len(first) // n)
            chunks = iter([first[i : i + size] for i in range(0, len(first), size)])
        else:
            chunks = iter([first])
        if workers <= 0 or len(first) < MIN_PARALLEL_DOCS <= batch_size:
            for chunk in chunks:
                yield from _extract(spec, chunk, batch_size, max_seconds, base)
            return
        yield from _pooled(spec, n, chunks, batch_size, max_seconds, base)

    return run


def _chunks(
    stream: Iterator[DocumentInfo], size: int, first: list[DocumentInfo]
) -> Iterator[list[DocumentInfo]]:
    yield first
    while chunk := list(islice(stream, size)):
        yield chunk


def _pooled(
    spec: ModelSpec,
    workers: int,
    chunks: Iterator[list[DocumentInfo]],
    batch_size: int,
    max_seconds: float | None,
    base: str | None,
) -> Iterator[Outcome]:
    window = 2 * workers
    pool = _pool(workers)
    pending: deque[tuple[list[DocumentInfo], Future[list[Outcome]]]] = deque()
    try:
        for chunk in chunks:
            pending.append(
                (chunk, pool.submit(extract_chunk, spec, chunk, batch_size, max_seconds, base))
            )
            while len(pending) >= window:
                outcomes, pool = _collect(pending.popleft(), pool, workers)
                yield from outcomes
        while pending:
            outcomes, pool = _collect(pending.popleft(), pool, workers)
            yield from outcomes
    finally:
        for _, future in pending:
            future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


def _pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_exit_with_parent,
        initargs=(os.getpid(),),
    )


def _exit_with_parent(parent: int) -> None:
    """Run in each worker: end it when the parent is gone.

    A parent killed with ``kill -9`` cannot stop its pool, and an idle worker waits on its
    queue forever, holding the model's memory.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="newskg-parent-watch", daemon=True).start()


def _collect(
    item: tuple[list[DocumentInfo], Future[list[Outcome]]], pool: ProcessPoolExecutor, workers: int
) -> tuple[list[Outcome], ProcessPoolExecutor]:
    """The outcomes of one chunk; a worker that died fails its chunk and the pool is renewed."""
    chunk, future = item
    try:
        return future.result(), pool
    except BrokenProcessPool:
        log.warning(
            "a worker process died (out of memory?); its %d documents are reported "
            "as failed and the workers are restarted",
            len(chunk),
        )
        pool.shutdown(wait=False, cancel_futures=True)
        reason = "the worker process extracting it died (out of memory or killed)"
        return [Failed(info, reason) for info in chunk], _pool(workers)
