"""Extraction on a Dask cluster: a bag over document partitions, each writing an N-Quads shard.

The client (the process running ``newskg ingest --dask``) reads the inputs, skips documents the
store already holds, and sends partitions of documents to the cluster in waves, so its memory is
bounded by one wave. Each Dask worker loads the spaCy model once, extracts a partition, maps it
to quads and writes them to ``SHARD_DIR/part-NNNNNN.nq`` (plain N-Quads with one comment line
opening each document). The client then loads each shard into the store, document by
document, through the same single writer as a local ingest — so both paths give the same graph,
and a killed run resumes like a local one. With a remote cluster, ``SHARD_DIR`` must be a folder
both the workers and the client see (a shared file system).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from extract.records import DocumentInfo, Extraction
from graph.mapping import to_quads
from graph.store import read_shard, write_shard_document
from newskg.parallel import ModelSpec, default_workers, extract_chunk
from newskg.pipeline import Extractor, Failed, Mapped, Outcome

log = logging.getLogger(__name__)


class DaskUnavailable(RuntimeError):
    """Dask is not installed, or the scheduler cannot be reached."""


@dataclass(frozen=True, slots=True)
class PartitionResult:
    """What a worker sends back: where its shard is, and which documents failed (id, reason)."""

    shard: str
    failures: tuple[tuple[str, str], ...]


def parse_scheduler(spec: str) -> tuple[str, int | None]:
    """``local`` -> ("local", cores); ``local:3`` -> ("local", 3); an address -> (address, None).

    >>> parse_scheduler("local:3")
    ('local', 3)
    >>> parse_scheduler("tcp://10.0.0.5:8786")
    ('tcp://10.0.0.5:8786', None)
    """
    if spec == "local":
        return "local", default_workers()
    if spec.startswith("local:"):
        try:
            n = int(spec.removeprefix("local:"))
        except ValueError:
            n = 0
        if n < 1:
            raise ValueError(f"--dask {spec}: expected local or local:N with N >= 1")
        return "local", n
    return spec, None


def run_partition(
    spec: ModelSpec,
    infos: list[DocumentInfo],
    shard: str,
    base: str,
    batch_size: int,
    max_seconds: float | None,
) -> PartitionResult:
    """Run on a Dask worker: extract one partition and write its shard (atomically)."""
    failures: list[tuple[str, str]] = []
    tmp = f"{shard}.tmp-{os.getpid()}"
    with open(tmp, "wb") as out:
        for outcome in extract_chunk(spec, infos, batch_size, max_seconds):
            if isinstance(outcome, Failed):
                failures.append((outcome.document.id, outcome.reason))
                continue
            assert isinstance(outcome, Extraction)
            info = outcome.document
            try:
                write_shard_document(out, info.id, info.sha256, to_quads(outcome, base))
            except Exception as exc:  # a mapping bug must cost one document, not the run
                failures.append((info.id, f"could not be mapped to RDF: {exc}"))
    os.replace(tmp, shard)
    return PartitionResult(shard=shard, failures=tuple(failures))


def dask_extractor(
    scheduler: str,
    spec: ModelSpec,
    shard_dir: str | Path,
    *,
    base: str,
    partition_size: int = 32,
    batch_size: int = 32,
    max_seconds: float | None = None,
    keep_shards: bool = False,
) -> Extractor:
    """An extractor running on a Dask cluster (``local``, ``local:N`` or a scheduler address).

    Raises:
        DaskUnavailable: (when iterated) Dask is missing or the scheduler does not answer.
    """
    shards = Path(shard_dir)

    def run(infos: Iterable[DocumentInfo]) -> Iterator[Outcome]:
        client, cluster = _connect(scheduler)
        import dask.bag as db

        try:
            workers = max(len(client.scheduler_info().get("workers", {})), 1)
            shards.mkdir(parents=True, exist_ok=True)
            stream = iter(infos)
            number = 0
            while wave := _wave(stream, partition_size, 2 * workers):
                paths = [str(shards / f"part-{number + i:06d}.nq") for i in range(len(wave))]
                number += len(wave)
                bag = db.from_sequence(list(zip(wave, paths, strict=True)), npartitions=len(wave))
                results = bag.map(
                    lambda item: run_partition(
                        spec, item[0], item[1], base, batch_size, max_seconds
                    )
                )
                futures = client.compute(results.to_delayed())
                for part, future in zip(wave, futures, strict=True):
                    (result,) = future.result()
                    yield from _outcomes(part, result)
                    if not keep_shards:
                        Path(result.shard).unlink(missing_ok=True)
            if not keep_shards and shards.is_dir() and not any(shards.iterdir()):
                shards.rmdir()
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    return run


def _wave(stream: Iterator[DocumentInfo], size: int, count: int) -> list[list[DocumentInfo]]:
    wave: list[list[DocumentInfo]] = []
    while len(wave) < count and (part := list(islice(stream, size))):
        wave.append(part)
    return wave


def _outcomes(part: list[DocumentInfo], result: PartitionResult) -> Iterator[Outcome]:
    """The partition's documents in order, each with its failure or its block of the shard."""
    failed = dict(result.failures)
    blocks = read_shard(result.shard)
    for info in part:
        if info.id in failed:
            yield Failed(info, failed.pop(info.id))
            continue
        block = next(blocks, None)
        if block is None or block.id != info.id or block.sha256 != info.sha256:
            yield Failed(info, f"missing from the shard {result.shard}")
            continue
        yield Mapped(info, block.quads)


def _connect(scheduler: str) -> tuple[Any, Any]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise DaskUnavailable(
            "--dask needs Dask: pip install 'newskg[dask]' (or 'dask[distributed]')"
        ) from exc
    address, n = parse_scheduler(scheduler)
    # Dask logs every worker start and stop at INFO; newskg's own progress is what users read.
    logging.getLogger("distributed").setLevel(max(logging.WARNING, log.getEffectiveLevel()))
    if address == "local":
        # One thread per worker process: spaCy is CPU-bound and holds the GIL. The dashboard
        # takes a free port (":0"): None means Dask's default 8787, which another cluster on
        # the machine may hold.
        cluster = LocalCluster(
            n_workers=n, threads_per_worker=1, processes=True, dashboard_address=":0"
        )
        return Client(cluster), cluster
    try:
        return Client(address, timeout="10s"), None
    except (OSError, TimeoutError) as exc:
        raise DaskUnavailable(f"cannot reach the Dask scheduler at {address}: {exc}") from exc


__all__ = ["DaskUnavailable", "dask_extractor", "parse_scheduler", "run_partition"]
