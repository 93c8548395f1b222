"""A pool of query worker processes: the only way to bound a pyoxigraph query.

pyoxigraph's ``Store.query`` cannot be cancelled, so each worker process holds its own
``Store.read_only(path)`` handle of the on-disk store. A request sends ``(generation, job)``
down a pipe and waits at most until the deadline while the worker sends the result back in
pieces (``begin`` once the first row is ready, then ``chunk``s, then its outcome). Three
limits hold every query:

* **time**: past the deadline the worker is killed (the query stops with it) and the caller
  gets :class:`~server.errors.QueryTimeout`;
* **memory**: each worker runs under ``RLIMIT_DATA`` (its private, writable memory: heap and
  thread arenas, not the mapped store files), set so that its resident size stays under
  ``memory_limit``; an allocation past it aborts the worker (pyoxigraph's Rust allocator) or
  raises ``MemoryError`` (Python), and the caller gets :class:`~server.errors.QueryMemoryExceeded`;
* **fairness**: a query that has used :data:`LONG_AFTER_S` of CPU moves to the long lane:
  its worker is reniced by :data:`LONG_QUERY_NICE` (the kernel then gives short queries the
  CPU first) and a fresh worker takes its place in the ready lane, up to ``long_lane``
  long-lane workers, so that new queries never wait behind long ones. A reniced worker cannot
  be raised again (no privilege to lower a nice value), so it stays in the long lane, where
  the next run of a query text already seen running long goes straight away (when a long-lane
  worker is idle): a client repeating a runaway never holds a ready worker again. Long-lane
  workers idle for :data:`LONG_IDLE_S` are stopped.

A failed ready worker is replaced in the background; a failed long-lane one is not (the lane
refills as queries go long). Workers are forked from a
forkserver that has imported pyoxigraph (about 30 ms of CPU each instead of 0.5 s for a fresh
interpreter), never from the threaded server itself.

A read-only handle sees the store as it was when opened. Every write made through the app
bumps :attr:`QueryPool.generation` (:meth:`notify_write`), and a worker reopens its handle
(about 10 ms on a small store) when the generation it is sent differs from its own. Writes made
to the directory by another process while the server runs are not seen (and are undefined
behaviour for RocksDB); the app holds the writable store, so that cannot happen by accident.
"""

from __future__ import annotations

import logging
import os
import queue
import resource
import signal
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from multiprocessing import get_context
from multiprocessing.connection import Connection
from typing import Any

from server.answer import Batcher, Relay
from server.errors import QueryTimeout, ServiceBusy
from server.executor import JobError, QueryJob, QueryOutcome

log = logging.getLogger(__name__)

LONG_AFTER_S = 0.1
"""A query whose worker has spent this much CPU time on it moves to the long lane. CPU time,
not wall time: on a loaded machine a cheap query waits for a core, and waiting is no reason to
move it aside (where every query would then go)."""
CPU_CHECK_S = 0.05
"""How often the CPU time of a running query is read (from ``/proc``)."""
LONG_QUERY_NICE = 10
"""Nice increment of a long query's worker: it then gets about a tenth of the CPU a short
query's worker gets when both want it, and all of it when nothing short runs."""
READY_TIMEOUT_S = 60.0
LONG_IDLE_S = 10.0
"""A long-lane worker idle this long is stopped: the lane shrinks back when long queries stop."""
KNOWN_LONG_QUERIES = 1024
"""Query texts remembered as having run long (the oldest are forgotten first)."""


_TICK_S = 1 / os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float | None:
    """CPU time (user + system) a process has used, or None where ``/proc`` cannot say."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) * _TICK_S


def _status_kib(field: str) -> int | None:
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def _limit_memory(limit: int) -> None:  # pragma: no cover - runs in a child
    """Bound the worker's private writable memory so that its resident size stays under
    ``limit``: what is resident beside it (shared libraries, mapped files) is subtracted."""
    mapped = (_status_kib("RssFile") or 0) * 1024
    data = max(limit - mapped, limit // 2)
    resource.setrlimit(resource.RLIMIT_DATA, (data, data))


def _open(path: str) -> Any:  # pragma: no cover - runs in a child
    """A read-only handle; retried, since the server's writable handle may be deleting files
    its compaction made obsolete (RocksDB then finds one missing) at that very moment."""
    from pyoxigraph import Store

    for attempt in range(OPEN_ATTEMPTS):
        try:
            return Store.read_only(path)
        except (OSError, RuntimeError):
            if attempt == OPEN_ATTEMPTS - 1:
                raise
            time.sleep(0.1 * (attempt + 1))
    raise AssertionError("unreachable")


OPEN_ATTEMPTS = 6


def _worker_main(  # pragma: no cover - runs in a child
    conn: Connection, path: str, generation: int, memory_limit: int | None
) -> None:
    from pyoxigraph import Store

    from server.executor import run_query

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when workers stop
    store: Store | None = _open(path)  # as new as ``generation`` (read before)
    if memory_limit is not None:
        _limit_memory(memory_limit)
    conn.send(("ready",))
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
                store = _open(path)
            generation = job_generation
            sink = _PipeSink(conn)
            outcome = run_query(store, job, sink)
            conn.send(("ok", outcome, sink.tail()))
        except JobError as exc:
            conn.send(("error", exc.kind, exc.message))
        except MemoryError:  # the heap may be fragmented or half-freed: let a fresh worker go on
            conn.send(("error", "memory", "MemoryError"))
            return
        except Exception as exc:  # reported to the parent, which logs it as a fault
            conn.send(("error", "store", f"{type(exc).__name__}: {exc}"))


class _PipeSink(Batcher):
    """The worker's end of a query's result: pieces go to the parent as messages (the pipe's
    back-pressure paces the worker)."""

    def __init__(self, conn: Connection) -> None:
        super().__init__(lambda piece: conn.send(("chunk", piece)))
        self._conn = conn

    def begin(self, media: str, kind: str) -> None:
        self._conn.send(("begin", media, kind))


class _QueryClock:
    """The CPU time a worker has spent on its current query (wall time where ``/proc`` is
    missing)."""

    def __init__(self, pid: int) -> None:
        self._pid = pid
        self._wall = time.monotonic()
        self._cpu = cpu_seconds(pid)

    def used(self) -> float:
        now = cpu_seconds(self._pid) if self._cpu is not None else None
        if now is None or self._cpu is None:
            return time.monotonic() - self._wall
        return now - self._cpu


@dataclass(eq=False)
class _Worker:
    process: Any
    conn: Connection
    ending: bool = False
    """Set (under the pool's lock) by the one thread that ends this worker."""
    long: bool = False
    """It is in the long lane (the process is reniced)."""
    idle_since: float = 0.0


def _context(start_method: str) -> Any:
    ctx = get_context(start_method)
    if start_method == "forkserver":
        ctx.set_forkserver_preload(["server.executor"])
    return ctx


class QueryPool:
    """``size`` worker processes answering queries over the store at ``path``.

    Args:
        path: the on-disk store directory.
        size: number of ready worker processes (at least 1).
        timeout_s: the hard time limit of one query, waiting for a free worker included.
        memory_limit: bytes one worker may hold resident (None: unbounded).
        long_lane: most workers in the long lane (each started a ready one in its place).
        start_method: ``"forkserver"`` (default), ``"spawn"`` or ``"fork"`` (unsafe with the
            threads of a running server).
    """

    def __init__(
        self,
        path: str,
        size: int,
        timeout_s: float,
        *,
        memory_limit: int | None = None,
        long_lane: int = 0,
        start_method: str = "forkserver",
    ) -> None:
        if size < 1:
            raise ValueError("a query pool needs at least one worker")
        self.path = path
        self.size = size
        self.timeout_s = timeout_s
        self.memory_limit = memory_limit
        self.long_lane = long_lane
        self._ctx = _context(start_method)
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._long_idle: queue.Queue[_Worker] = queue.Queue()
        self._known_long: OrderedDict[str, None] = OrderedDict()
        self._workers: list[_Worker] = []
        self._lock = threading.Lock()
        self._closed = False
        self._extra = 0
        self.generation = 0
        started = [self._start() for _ in range(size)]
        for worker in started:
            self._ready(worker)
        threading.Thread(target=self._shrink_long_lane, name="newskg-lane", daemon=True).start()

    def _shrink_long_lane(self) -> None:
        """Stop long-lane workers left idle for :data:`LONG_IDLE_S` (checked every second)."""
        while not self._closed:
            time.sleep(1.0)
            keep: list[_Worker] = []
            while True:
                try:
                    worker = self._long_idle.get_nowait()
                except queue.Empty:
                    break
                if time.monotonic() - worker.idle_since < LONG_IDLE_S:
                    keep.append(worker)
                else:
                    self._stop(worker)
                    with self._lock:
                        self._extra -= 1
            for worker in keep:
                self._long_idle.put(worker)

    def _start(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(
            target=_worker_main,
            args=(child, self.path, self.generation, self.memory_limit),
            name="newskg-query-worker",
            daemon=True,
        )
        process.start()
        child.close()
        worker = _Worker(process, parent)
        with self._lock:
            self._workers.append(worker)
        return worker

    def _ready(self, worker: _Worker) -> None:
        """Wait for ``worker`` to have opened the store, then let it take queries."""
        try:
            if worker.conn.poll(READY_TIMEOUT_S) and worker.conn.recv() == ("ready",):
                self._idle.put(worker)
                return
        except (EOFError, OSError):
            pass
        log.error("a query worker failed to start (exit code %s)", worker.process.exitcode)
        self._discard(worker)

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

    def _in_background(self, work: Any) -> None:
        threading.Thread(target=work, name="newskg-worker-respawn", daemon=True).start()

    def _respawn(self) -> None:
        if self._closed:
            return
        fresh = self._start()
        if self._closed:
            self._stop(fresh)
        else:
            self._ready(fresh)

    def _retire(self, worker: _Worker) -> None:
        """End a failed ``worker``; a ready one is replaced, off the request thread."""

        def work() -> None:
            self._discard(worker)
            if worker.long:
                with self._lock:
                    self._extra -= 1
            else:
                self._respawn()

        self._in_background(work)

    def _go_long(self, worker: _Worker) -> None:
        """Move ``worker`` to the long lane while the lane has room: lower its priority and
        start a ready worker in its place."""
        with self._lock:
            if self._extra >= self.long_lane or self._closed:
                return
            self._extra += 1
            worker.long = True
        try:
            pid = worker.process.pid
            nice = os.getpriority(os.PRIO_PROCESS, pid) + LONG_QUERY_NICE
            os.setpriority(os.PRIO_PROCESS, pid, min(nice, 19))
        except OSError:  # pragma: no cover - the process just ended
            pass
        self._in_background(self._respawn)

    def _remember_long(self, query: str) -> None:
        with self._lock:
            self._known_long[query] = None
            self._known_long.move_to_end(query)
            while len(self._known_long) > KNOWN_LONG_QUERIES:
                self._known_long.popitem(last=False)

    def _long_worker(self, query: str, deadline: float) -> _Worker | None:
        """For a query text seen running long before: an idle long-lane worker, waiting for
        one while the lane is full (long queries queue among themselves, never for the ready
        workers); None for other queries, or when the lane has room (the query then starts in
        the ready lane and moves over)."""
        with self._lock:
            if query not in self._known_long:
                return None
        while True:
            with self._lock:
                full = self._extra >= self.long_lane
            try:
                worker = self._long_idle.get(
                    timeout=max(0.0, deadline - time.monotonic()) if full else 0.0
                )
            except queue.Empty:
                if full:
                    raise ServiceBusy(
                        f"all {self.long_lane} workers for long queries stayed busy for "
                        f"{self.timeout_s:g} s; try again later"
                    ) from None
                return None
            if worker.process.is_alive():
                return worker
            self._retire(worker)

    def notify_write(self) -> None:
        """The store changed: workers reopen their handle before the next query."""
        with self._lock:
            self.generation += 1

    def pids(self) -> list[int]:
        with self._lock:
            return [w.process.pid for w in self._workers]

    def _take(self, deadline: float, query: str) -> _Worker:
        worker = self._long_worker(query, deadline)
        if worker is not None:
            return worker
        while True:
            try:
                worker = self._idle.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise ServiceBusy(
                    f"all {self.size} query workers stayed busy for {self.timeout_s:g} s; "
                    "try again later"
                ) from None
            if worker.process.is_alive():
                return worker
            self._retire(worker)

    def run(self, job: QueryJob, sink: Relay) -> tuple[QueryOutcome, bytes]:
        """Answer ``job`` in a worker within ``timeout_s``, writing the result to ``sink``;
        returns the outcome and the result's last bytes (not yet written).

        The time limit covers waiting for a free worker, the query and writing its result.

        Raises:
            QueryTimeout: the query ran too long; its worker was killed.
            ServiceBusy: no worker became free in time.
            JobError: the query failed (syntax, format, memory, store).
            RelayClosed: the reader went away; the worker was killed.
        """
        if self._closed:
            raise ServiceBusy("the server is shutting down")
        deadline = time.monotonic() + self.timeout_s
        worker = self._take(deadline, job.query)
        clock = _QueryClock(worker.process.pid)
        healthy = False
        try:
            worker.conn.send((self.generation, job))
            message = self._relay(worker, deadline, sink, clock)
            healthy = message[0] == "ok" or message[1] not in ("memory", "store")
        except (EOFError, OSError):
            raise self._death(worker) from None
        finally:
            if clock.used() >= LONG_AFTER_S:
                self._remember_long(job.query)
            if not healthy:
                self._retire(worker)
            elif worker.long:
                worker.idle_since = time.monotonic()
                self._long_idle.put(worker)
            else:
                self._idle.put(worker)
        if message[0] == "ok":
            return message[1], message[2]
        raise JobError(message[1], message[2])

    def _relay(
        self, worker: _Worker, deadline: float, sink: Relay, clock: _QueryClock
    ) -> tuple[Any, ...]:
        """Pass ``worker``'s messages to ``sink`` until its outcome; moves the query to the
        long lane on the way when it has used :data:`LONG_AFTER_S` of CPU."""
        checked = worker.long
        while True:
            now = time.monotonic()
            wait = deadline - now if checked else min(deadline - now, CPU_CHECK_S)
            if not worker.conn.poll(max(0.0, wait)):
                if time.monotonic() < deadline:
                    if not checked and clock.used() >= LONG_AFTER_S:
                        self._go_long(worker)
                        checked = True
                    continue
                log.warning(
                    "query exceeded %.1f s; killing worker %s", self.timeout_s, worker.process.pid
                )
                raise QueryTimeout(
                    f"the query exceeded the time limit of {self.timeout_s:g} s and was "
                    "stopped; make it more selective (bind IRIs or labels, add LIMIT)"
                )
            message: tuple[Any, ...] = worker.conn.recv()
            if message[0] == "chunk":
                sink.write(message[1])
            elif message[0] == "begin":
                sink.begin(message[1], message[2])
            else:
                return message

    def _death(self, worker: _Worker) -> JobError:
        """What a worker's death during a query means: SIGABRT is the Rust allocator failing
        under the memory limit."""
        worker.process.join(timeout=2)
        code = worker.process.exitcode
        if code == -signal.SIGABRT and self.memory_limit is not None:
            log.warning("a query passed the memory limit; worker %s ended", worker.process.pid)
            return JobError("memory", "the worker's allocation failed")
        return JobError("store", f"the query worker died (exit code {code})")

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
