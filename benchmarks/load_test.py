"""A bounded load test of ``newskg serve`` under hostile queries: normal clients, runaways and
a memory bomb at once; errors counted, memory watched.

``--clients`` keep-alive clients (16 by default) send the query page's example queries (the
README's questions) for ``--seconds`` (60), each client cycling through them from its own
starting point, while ``--runaways`` clients (2) send a cross join that would run for hours
(stopped at the time limit) and ``--bombs`` clients (1) an ``ORDER BY`` over a cross join that
grows without bound (stopped at the memory limit), each sending the next as soon as one is
answered. All against ``newskg serve`` on 127.0.0.1 over a store built from the generated
corpus unless ``--store`` names one.

Among the normal clients any answer but 200, a refused connection or a broken body counts as
an error; the hostile clients must get 503s. Prints one table per query (requests, errors,
p50, p99, slowest), the p99 of the cheap QID lookup, the peak resident size of every query
worker against the memory limit (sampled every 50 ms from ``/proc``: a worker killed at its
limit is seen up to 50 ms before), and the server's resident size (the server and all its
processes) before the load and after it (once retired workers are gone). Exits 1 when a normal
client saw an error, the cheap p99 was 1 s or more, or a worker went past the limit.

    python benchmarks/load_test.py --store DIR           # e.g. a store kept by bench_ingest
    python benchmarks/load_test.py --triples 50000 --seconds 10 --clients 4   # a quick try
    python benchmarks/load_test.py --store DIR --clients 1 --cheap-only  # hostile clients only
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import os
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_query import (  # noqa: E402
    ROOT,
    build_store,
    free_port,
    queries,
    serve_newskg,
    wait_up,
)

sys.path.insert(0, str(ROOT))

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
MEMORY_BOMB = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f"
CHEAP = "Xi on Taiwan by QID"


def percentile(xs: list[float], q: float) -> float:
    if not xs:
        return float("nan")
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))] * 1000


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    hostile: Counter[str] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)


def _ask(conn: http.client.HTTPConnection, sparql: str) -> tuple[int, bytes]:
    accept = "text/turtle" if "CONSTRUCT" in sparql.upper() else "application/sparql-results+json"
    target = "/sparql?" + urllib.parse.urlencode({"query": sparql})
    conn.request("GET", target, headers={"Accept": accept, "Accept-Encoding": "gzip"})
    resp = conn.getresponse()
    return resp.status, resp.read()


def normal_client(port: int, qs: list[tuple[str, str]], offset: int, stop: float, t: Tally) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    for name, sparql in itertools.islice(itertools.cycle(qs), offset, None):
        if time.monotonic() >= stop:
            break
        t0 = time.perf_counter()
        problem = None
        try:
            status, body = _ask(conn, sparql)
            if status != 200:
                problem = f"HTTP {status}"
            elif not body:
                problem = "empty body"
        except (OSError, http.client.HTTPException) as exc:
            problem = type(exc).__name__
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        elapsed = time.perf_counter() - t0
        with t.lock:
            if problem is None:
                t.latencies.setdefault(name, []).append(elapsed)
            else:
                t.errors[name] += 1
                t.kinds[problem] += 1
    conn.close()


def hostile_client(port: int, kind: str, sparql: str, stop: float, t: Tally) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    while time.monotonic() < stop:
        try:
            status, body = _ask(conn, sparql)
            limit = "memory" if b"memory limit" in body else "time" if b"time limit" in body else ""
            outcome = f"{status} {limit}".strip()
        except (OSError, http.client.HTTPException) as exc:
            outcome = type(exc).__name__
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        with t.lock:
            t.hostile[f"{kind}: {outcome}"] += 1
    conn.close()


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            tree.setdefault(ppid, []).append(int(entry))
    return tree


def descendants(pid: int) -> list[int]:
    tree, out, todo = _children(), [], [pid]
    while todo:
        for child in tree.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def status_kib(pid: int, key: str) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def server_rss_mib(pid: int) -> float:
    """The server's resident size: its own and that of every process it started."""
    return sum(status_kib(p, "VmRSS") for p in [pid, *descendants(pid)]) / 1024


class WorkerWatch(threading.Thread):
    """Samples the peak resident size (VmHWM) of every query worker (a process two levels
    below the server: server -> forkserver -> worker) every 50 ms."""

    def __init__(self, server_pid: int) -> None:
        super().__init__(daemon=True)
        self.server_pid = server_pid
        self.peaks: dict[int, int] = {}
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.05):
            tree = _children()
            for middle in tree.get(self.server_pid, []):
                for worker in tree.get(middle, []):
                    hwm = status_kib(worker, "VmHWM")
                    self.peaks[worker] = max(self.peaks.get(worker, 0), hwm)


def _settle(pid: int, baseline_processes: int, seconds: float = 30) -> None:
    """Wait until the retired long-lane workers are gone (the pool is back to its size)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and len(descendants(pid)) > baseline_processes:
        time.sleep(0.5)
    time.sleep(2)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", type=Path, help="an existing store (else one is built)")
    ap.add_argument(
        "--triples", type=int, default=1_000_000, help="size of the store to build (default 1M)"
    )
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--runaways", type=int, default=2)
    ap.add_argument("--bombs", type=int, default=1)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--max-query-memory", help="passed to newskg serve (default: its own)")
    ap.add_argument(
        "--cheap-only",
        action="store_true",
        help=f"normal clients send only the cheap query ({CHEAP}): the hostile clients' "
        "effect on it alone, without the CPU the other examples take",
    )
    ap.add_argument("--workers", type=int, default=0, help="ingest workers when building")
    args = ap.parse_args()

    from server.config import ServerConfig, format_size, parse_size

    limit = (
        parse_size(args.max_query_memory)
        if args.max_query_memory
        else ServerConfig().query_memory_limit
    )
    options = ["--max-query-memory", args.max_query_memory] if args.max_query_memory else []
    with tempfile.TemporaryDirectory(prefix="newskg-load-") as tmp:
        store = args.store or Path(tmp) / "store"
        if args.store is None:
            build_store(store, args.triples, args.workers or (os.cpu_count() or 1))
        qs = [q for q in queries() if q[0] == CHEAP or not args.cheap_only]
        port = free_port()
        log = open(Path(tmp) / "server.log", "wb")  # noqa: SIM115 - closed below
        proc = serve_newskg(store, port, *options, own_session=True, log=log)
        try:
            wait_up(port, "/healthz", proc)
            warm = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            for _, sparql in qs:
                _ask(warm, sparql)
            warm.close()
            time.sleep(2)
            processes = len(descendants(proc.pid))
            before = server_rss_mib(proc.pid)
            watch = WorkerWatch(proc.pid)
            watch.start()
            tally = Tally()
            stop = time.monotonic() + args.seconds
            threads = [
                threading.Thread(target=normal_client, args=(port, qs, i % len(qs), stop, tally))
                for i in range(args.clients)
            ]
            threads += [
                threading.Thread(
                    target=hostile_client, args=(port, "runaway", RUNAWAY, stop, tally)
                )
                for _ in range(args.runaways)
            ]
            threads += [
                threading.Thread(
                    target=hostile_client, args=(port, "bomb", MEMORY_BOMB, stop, tally)
                )
                for _ in range(args.bombs)
            ]
            started = time.monotonic()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            elapsed = time.monotonic() - started
            _settle(proc.pid, processes)
            watch.done.set()
            after = server_rss_mib(proc.pid)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
            log.close()
            lines = (Path(tmp) / "server.log").read_text(errors="replace").splitlines()
            print(f"server log: {len(lines)} lines", file=sys.stderr)

    from pyoxigraph import Store

    quads = len(Store.read_only(str(store))) if args.store else args.triples
    failed = report(args, qs, tally, elapsed, quads, limit, watch, before, after)
    print(f"memory limit per query: {format_size(limit)}")
    sys.exit(1 if failed else 0)


def report(
    args: argparse.Namespace,
    qs: list[tuple[str, str]],
    tally: Tally,
    elapsed: float,
    quads: int,
    limit: int,
    watch: WorkerWatch,
    before: float,
    after: float,
) -> bool:
    print(
        f"newskg serve, {args.clients} normal clients + {args.runaways} runaway + {args.bombs} "
        f"memory-bomb, {elapsed:.0f} s, store of {quads:,} quads; {os.cpu_count()} cores"
    )
    print(f"{'query':<40} {'requests':>9} {'errors':>7} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    everything: list[float] = []
    for name, _ in qs:
        xs = tally.latencies.get(name, [])
        everything += xs
        print(
            f"{name[:40]:<40} {len(xs):>9,} {tally.errors[name]:>7} {percentile(xs, 0.5):>8.1f} "
            f"{percentile(xs, 0.99):>8.1f} {max(xs, default=0) * 1000:>8.1f}"
        )
    errors = sum(tally.errors.values())
    print(
        f"{'all normal':<40} {len(everything):>9,} {errors:>7} "
        f"{percentile(everything, 0.5):>8.1f} {percentile(everything, 0.99):>8.1f} "
        f"{max(everything, default=0) * 1000:>8.1f}"
    )
    print(
        f"normal requests/s: {len(everything) / elapsed:,.1f}; errors among normal clients: "
        f"{errors}" + (f" ({dict(tally.kinds)})" if tally.kinds else "")
    )
    print("hostile answers: " + ", ".join(f"{k} x{v}" for k, v in sorted(tally.hostile.items())))
    cheap_p99 = percentile(tally.latencies.get(CHEAP, []), 0.99)
    peak = max(watch.peaks.values(), default=0) * 1024
    print(f"cheap query ({CHEAP}) p99: {cheap_p99:.0f} ms (target < 1000)")
    print(
        f"query workers seen: {len(watch.peaks)}; peak resident size {peak / (1 << 20):.0f} MiB "
        f"of the {limit / (1 << 20):.0f} MiB limit"
    )
    print(f"server resident size (all processes): {before:.0f} MiB before, {after:.0f} MiB after")
    return bool(errors) or not cheap_p99 < 1000 or peak > limit


if __name__ == "__main__":
    main()
