"""A bounded load test of ``newskg serve``: many clients, mixed example queries, errors counted.

``--clients`` keep-alive clients (16 by default) send the query page's example queries (the
README's questions) for ``--seconds`` (60), each client cycling through them from its own
starting point, against ``newskg serve`` on 127.0.0.1 over a store of >= 1M triples (built from
the generated corpus unless ``--store`` names one). Any answer but 200, a refused connection or
a broken body counts as an error. Prints one table: requests, errors, requests/s, p50, p99,
slowest, per query and overall; exits 1 when there were errors.

    python benchmarks/load_test.py --store DIR           # e.g. a store kept by bench_ingest
    python benchmarks/load_test.py --triples 50000 --seconds 10 --clients 4   # a quick try
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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_query import build_store, free_port, queries, serve_newskg, wait_up  # noqa: E402


def percentile(xs: list[float], q: float) -> float:
    if not xs:
        return float("nan")
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))] * 1000


def mixed_load(
    port: int,
    qs: list[tuple[str, str]],
    clients: int,
    seconds: float,
) -> tuple[dict[str, list[float]], Counter[str], Counter[str], float]:
    """Latencies per query name, error counts per query name, error kinds, elapsed seconds."""
    latencies: dict[str, list[float]] = {name: [] for name, _ in qs}
    errors: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(offset: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        for name, sparql in itertools.islice(itertools.cycle(qs), offset, None):
            if time.monotonic() >= stop:
                break
            accept = (
                "text/turtle"
                if "CONSTRUCT" in sparql.upper()
                else "application/sparql-results+json"
            )
            target = "/sparql?" + urllib.parse.urlencode({"query": sparql})
            t0 = time.perf_counter()
            problem = None
            try:
                conn.request("GET", target, headers={"Accept": accept, "Accept-Encoding": "gzip"})
                resp = conn.getresponse()
                body = resp.read()
                if resp.status != 200:
                    problem = f"HTTP {resp.status}"
                elif not body:
                    problem = "empty body"
            except (OSError, http.client.HTTPException) as exc:
                problem = type(exc).__name__
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            elapsed = time.perf_counter() - t0
            with lock:
                if problem is None:
                    latencies[name].append(elapsed)
                else:
                    errors[name] += 1
                    kinds[problem] += 1
        conn.close()

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(i % len(qs),)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, errors, kinds, time.monotonic() - started


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", type=Path, help="an existing store (else one is built)")
    ap.add_argument(
        "--triples", type=int, default=1_000_000, help="size of the store to build (default 1M)"
    )
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--workers", type=int, default=0, help="ingest workers when building")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="newskg-load-") as tmp:
        store = args.store or Path(tmp) / "store"
        if args.store is None:
            build_store(store, args.triples, args.workers or (os.cpu_count() or 1))
        qs = queries()
        port = free_port()
        proc = serve_newskg(store, port)
        try:
            wait_up(port, "/healthz", proc)
            latencies, errors, kinds, elapsed = mixed_load(port, qs, args.clients, args.seconds)
        finally:
            proc.terminate()
            proc.wait(timeout=30)

    from pyoxigraph import Store

    quads = len(Store.read_only(str(store))) if args.store else args.triples
    print(
        f"newskg serve, {args.clients} clients, {elapsed:.0f} s of mixed example queries, "
        f"store of {quads:,} quads; {os.cpu_count()} cores"
    )
    print(f"{'query':<40} {'requests':>9} {'errors':>7} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    everything: list[float] = []
    for name, _ in qs:
        xs = latencies[name]
        everything += xs
        print(
            f"{name[:40]:<40} {len(xs):>9,} {errors[name]:>7} {percentile(xs, 0.5):>8.1f} "
            f"{percentile(xs, 0.99):>8.1f} {max(xs, default=0) * 1000:>8.1f}"
        )
    total_errors = sum(errors.values())
    print(
        f"{'all':<40} {len(everything):>9,} {total_errors:>7} "
        f"{percentile(everything, 0.5):>8.1f} {percentile(everything, 0.99):>8.1f} "
        f"{max(everything, default=0) * 1000:>8.1f}"
    )
    print(
        f"requests/s: {len(everything) / elapsed:,.1f}; errors: {total_errors}"
        + (f" ({dict(kinds)})" if kinds else "")
    )
    sys.exit(1 if total_errors else 0)


if __name__ == "__main__":
    main()
