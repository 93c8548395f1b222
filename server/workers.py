"""A pool of query worker processes: the only way to stop a runaway pyoxigraph query.

pyoxigraph's ``Store.query`` cannot be cancelled, so each worker process holds its own
``Store.read_only(path)`` handle of the on-disk store. A request sends ``(generation, job)``
down a pipe and waits at most until the deadline while the worker sends the serialised result
back in chunks (then its outcome: rows, truncation); on timeout the worker is killed (the query
stops with it), a replacement is started in the background, and the caller gets
:class:`~server.errors.QueryTimeout`.

A read-only handle sees the store as it was when opened. Every write made through the app
bumps :attr:`QueryPool.generation` (:meth:`notify_write`), and a worker reopens its handle
(about 10 ms on a small store) when the generation it is sent differs from its own. Writes made
to the directory by another process while the server runs are not seen (and are undefined
behaviour for RocksDB); the app holds the writable store, so that cannot happen by accident.
"""

from __future__ import annotations

import io
import logging
import queue
import signal
import threading
import time
from dataclasses import dataclass
from multiprocessing import get_context
from multiprocessing.connection import Connection
from typing import IO, Any, cast

from server.errors import QueryTimeout, ServiceBusy
from server.executor import JobError, QueryJob, QueryOutcome, run_query

log = logging.getLogger(__name__)


def _worker_main(conn: Connection, path: str) -> None:  # pragma: no cover - runs in a child
    from pyoxigraph import Store

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when workers stop
    store: Store | None = None
    generation = -1
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        job_generation, job = message
        try:
            if store is None or job_generation != generation:
                store = None
                store = Store.read_only(path)
                generation = job_generation
            sink = _PipeSink(conn)
            # A RawIOBase is a binary file; typeshed's IO[bytes] is nominal, hence the cast.
            outcome = run_query(store, job, cast(IO[bytes], sink))
            sink.flush()
            conn.send(("ok", outcome))
        except JobError as exc:
            conn.send(("error", exc.kind, exc.message))
        except Exception as exc:  # reported to the parent, which logs it as a fault
            conn.send(("error", "store", f"{type(exc).__name__}: {exc}"))


class _PipeSink(io.RawIOBase):
    """A writable file sending what is written to the parent as ``("chunk", bytes)`` messages
    of about :data:`PIPE_CHUNK_BYTES` (the pipe's back-pressure paces the worker)."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._buffer = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self._buffer += data
        if len(self._buffer) >= PIPE_CHUNK_BYTES:
            self.flush()
        return len(data)

    def flush(self) -> None:
        if self._buffer:
            self._conn.send(("chunk", bytes(self._buffer)))
            self._buffer.clear()


PIPE_CHUNK_BYTES = 64 * 1024


@dataclass(eq=False)
class _Worker:
    process: Any
    conn: Connection
    ending: bool = False
    """Set (under the pool's lock) by the one thread that ends this worker."""


class QueryPool:
    """``size`` worker processes answering queries over the store at ``path``.

    Args:
        path: the on-disk store directory.
        size: number of worker processes (at least 1).
        timeout_s: the hard time limit of one query, waiting for a free worker included.
        start_method: ``"spawn"`` (default, safe with the threads of a running server) or
            ``"fork"``.
    """

    def __init__(
        self, path: str, size: int, timeout_s: float, *, start_method: str = "spawn"
    ) -> None:
        if size < 1:
            raise ValueError("a query pool needs at least one worker")
        self.path = path
        self.size = size
        self.timeout_s = timeout_s
        # Any: typeshed's BaseContext lacks Process (each concrete context has it).
        self._ctx: Any = get_context(start_method)
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._workers: list[_Worker] = []
        self._lock = threading.Lock()
        self._closed = False
        self.generation = 0
        for _ in range(size):
            self._idle.put(self._spawn())

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(
            target=_worker_main, args=(child, self.path), name="newskg-query-worker", daemon=True
        )
        process.start()
        child.close()
        worker = _Worker(process, parent)
        with self._lock:
            self._workers.append(worker)
        return worker

    def _claim(self, worker: _Worker) -> bool:
        """Take the one right to end ``worker`` (a respawn thread and :meth:`close` may both
        try); False when another thread has it."""
        with self._lock:
            if worker.ending:
                return False
            worker.ending = True
            return True

    def _discard(self, worker: _Worker, *, claimed: bool = False) -> None:
        """Kill ``worker``, reap it, and only then drop it from the list (so that ``pids()``
        never hides a process that still runs)."""
        if not claimed and not self._claim(worker):
            return
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(timeout=5)
        worker.conn.close()
        worker.process.close()
        with self._lock:
            if worker in self._workers:
                self._workers.remove(worker)

    def _replace(self, worker: _Worker) -> None:
        """Kill ``worker`` and put a fresh one in the pool, off the request thread."""

        def work() -> None:
            self._discard(worker)
            if not self._closed:
                fresh = self._spawn()
                if self._closed:
                    self._stop(fresh)
                else:
                    self._idle.put(fresh)

        threading.Thread(target=work, name="newskg-worker-respawn", daemon=True).start()

    def notify_write(self) -> None:
        """The store changed: workers reopen their handle before the next query."""
        with self._lock:
            self.generation += 1

    def pids(self) -> list[int]:
        with self._lock:
            return [w.process.pid for w in self._workers]

    def run(self, job: QueryJob, sink: IO[bytes]) -> QueryOutcome:
        """Answer ``job`` in a worker within ``timeout_s``, writing the result to ``sink``.

        The time limit covers waiting for a free worker, the query and writing its result.

        Raises:
            QueryTimeout: the query ran too long; its worker was killed.
            ServiceBusy: no worker became free in time.
            JobError: the query failed (syntax, format, store).
        """
        if self._closed:
            raise ServiceBusy("the server is shutting down")
        deadline = time.monotonic() + self.timeout_s
        while True:
            try:
                worker = self._idle.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise ServiceBusy(
                    f"all {self.size} query workers stayed busy for {self.timeout_s:g} s; "
                    "try again later"
                ) from None
            if worker.process.is_alive():
                break
            self._replace(worker)
        healthy = False
        try:
            worker.conn.send((self.generation, job))
            while True:
                if not worker.conn.poll(max(0.0, deadline - time.monotonic())):
                    log.warning(
                        "query exceeded %.1f s; killing worker %s",
                        self.timeout_s,
                        worker.process.pid,
                    )
                    raise QueryTimeout(
                        f"the query exceeded the time limit of {self.timeout_s:g} s and was "
                        "stopped; make it more selective (bind IRIs or labels, add LIMIT)"
                    )
                message = worker.conn.recv()
                if message[0] != "chunk":
                    break
                sink.write(message[1])
            healthy = True
        except (EOFError, OSError) as exc:
            raise JobError("store", f"the query worker died: {exc}") from None
        finally:
            if healthy:
                self._idle.put(worker)
            else:
                self._replace(worker)
        if message[0] == "ok":
            return message[1]  # type: ignore[no-any-return]
        raise JobError(message[1], message[2])

    def _stop(self, worker: _Worker) -> None:
        if not self._claim(worker):
            return
        try:
            worker.conn.send(None)
        except OSError:
            pass
        worker.process.join(timeout=1)
        self._discard(worker, claimed=True)

    def close(self) -> None:
        """Stop every worker (idle ones politely, busy ones by force)."""
        self._closed = True
        with self._lock:
            workers = list(self._workers)
        for worker in workers:
            self._stop(worker)
