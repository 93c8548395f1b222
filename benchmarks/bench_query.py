"""The endpoint against its limits: ``newskg serve`` vs ``oxigraph serve-read-only`` vs pyoxigraph.

On one on-disk store (>= 1M triples by default, built from the generated corpus unless
``--store`` names an existing one), each example query of the query page (the README's
questions) is sent by ``--clients`` concurrent keep-alive clients for ``--seconds`` to
``newskg serve`` and then to ``oxigraph serve-read-only`` (the ``oxigraph`` package's CLI, union
default graph, as newskg), both on 127.0.0.1; pyoxigraph in this process (one thread, results
serialised to JSON like a server would) is the floor. Prints one table: requests/s, p50 and
p99 latency per server, and newskg's requests/s as a fraction of oxigraph's.

    pip install '.[bench]'
    python benchmarks/bench_query.py                        # >= 1M triples (the full run)
    python benchmarks/bench_query.py --triples 50000 --seconds 3    # a quick try
    python benchmarks/bench_query.py --store DIR            # an existing store
"""

from __future__ import annotations

import argparse
import http.client
import io
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus as corpus_mod  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WORDS_PER_TRIPLE = 1.1
"""Corpus words per stored quad, with a margin: the 1,000,147-word corpus gave 990,544 quads."""

QID_QUERY = """PREFIX nkg: <https://w3id.org/newskg/ontology#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX wd: <http://www.wikidata.org/entity/>
SELECT ?text WHERE {
  ?xi owl:sameAs wd:Q15031 .
  ?taiwan owl:sameAs wd:Q865 .
  ?s nkg:speaker ?xi ; nkg:about ?taiwan ; nkg:text ?text .
}"""


def queries() -> list[tuple[str, str]]:
    """(name, SPARQL): the query page's examples and the README's Wikidata-identity form."""
    from server.pages import EXAMPLES

    return [("Xi on Taiwan by QID", QID_QUERY), *EXAMPLES]


@dataclass
class Result:
    requests: int
    errors: int
    seconds: float
    latencies: list[float]

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def pct(self, q: float) -> float:
        if not self.latencies:
            return float("nan")
        xs = sorted(self.latencies)
        return xs[min(len(xs) - 1, int(q * len(xs)))] * 1000


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_up(port: int, path: str, proc: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"server exited: {proc.stderr.read().decode() if proc.stderr else ''}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", path)
            conn.getresponse().read()
            return
        except OSError:
            time.sleep(0.3)
    sys.exit(f"server on port {port} did not come up")


def load(port: int, path: str, sparql: str, clients: int, seconds: float) -> Result:
    """``clients`` threads, each with one keep-alive connection, for ``seconds``."""
    accept = "text/turtle" if "CONSTRUCT" in sparql.upper() else "application/sparql-results+json"
    target = f"{path}?{urllib.parse.urlencode({'query': sparql})}"
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client() -> None:
        nonlocal errors
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while time.monotonic() < stop:
            t0 = time.perf_counter()
            try:
                conn.request("GET", target, headers={"Accept": accept})
                resp = conn.getresponse()
                resp.read()
                ok = resp.status == 200
            except OSError:
                ok = False
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            dt = time.perf_counter() - t0
            with lock:
                if ok:
                    latencies.append(dt)
                else:
                    errors += 1
        conn.close()

    started = time.monotonic()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return Result(len(latencies), errors, time.monotonic() - started, latencies)


def in_process(store_dir: Path, sparql: str, seconds: float) -> Result:
    from pyoxigraph import QueryBoolean, QueryResultsFormat, QuerySolutions, RdfFormat, Store

    store = Store.read_only(str(store_dir))
    latencies = []
    stop = time.monotonic() + seconds
    started = time.monotonic()
    while time.monotonic() < stop:
        t0 = time.perf_counter()
        res = store.query(sparql, use_default_graph_as_union=True)
        out = io.BytesIO()
        if isinstance(res, QuerySolutions):
            res.serialize(out, format=QueryResultsFormat.JSON)
        elif isinstance(res, QueryBoolean):
            res.serialize(out, format=QueryResultsFormat.JSON)
        else:
            res.serialize(out, format=RdfFormat.TURTLE)  # type: ignore[arg-type]
        latencies.append(time.perf_counter() - t0)
    del store
    return Result(len(latencies), 0, time.monotonic() - started, latencies)


def serve_newskg(
    store_dir: Path, port: int, *options: str, own_session: bool = False, log: Any = None
) -> subprocess.Popen:
    """``newskg serve`` on 127.0.0.1; with ``own_session`` in a session of its own, so that
    Linux's autogroup scheduler shares the CPU between the server and this process (its
    clients) instead of counting both as one group. Its stderr goes to ``log`` (a file), or
    to a pipe read only if it exits early: a server that logs much must be given a file, or
    it blocks once the pipe is full."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "newskg",
            "serve",
            "--store",
            str(store_dir),
            "--port",
            str(port),
            *options,
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE if log is None else log,
        start_new_session=own_session,
    )


def serve_oxigraph(store_dir: Path, port: int) -> subprocess.Popen:
    exe = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(exe).exists():
        sys.exit("the oxigraph CLI is missing: pip install '.[bench]'")
    return subprocess.Popen(
        [
            exe,
            "serve-read-only",
            "--location",
            str(store_dir),
            "--bind",
            f"127.0.0.1:{port}",
            "--union-default-graph",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def build_store(store_dir: Path, triples: int, workers: int) -> None:
    with tempfile.TemporaryDirectory(prefix="newskg-bench-") as tmp:
        words = int(triples * WORDS_PER_TRIPLE)
        corpus = corpus_mod.generate(Path(tmp) / "corpus.jsonl", words)
        print(
            f"building a store from {corpus.documents:,} documents ({corpus.words:,} words)",
            file=sys.stderr,
        )
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        subprocess.run(
            [
                sys.executable,
                "-m",
                "newskg",
                "ingest",
                str(corpus.path),
                "--store",
                str(store_dir),
                "--workers",
                str(workers),
            ],
            env=env,
            check=True,
        )


def run(
    server: str, store_dir: Path, qs: list[tuple[str, str]], clients: int, seconds: float
) -> dict[str, Result]:
    port = free_port()
    if server == "newskg":
        proc, path = serve_newskg(store_dir, port), "/sparql"
        probe = "/healthz"
    else:
        proc, path = serve_oxigraph(store_dir, port), "/query"
        probe = "/query?query=" + urllib.parse.quote("ASK {}")
    try:
        wait_up(port, probe, proc)
        for _, q in qs:  # warm caches once per query
            load(port, path, q, 1, 0.01)
        return {name: load(port, path, q, clients, seconds) for name, q in qs}
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", type=Path, help="an existing store (else one is built)")
    ap.add_argument(
        "--triples", type=int, default=1_000_000, help="size of the store to build (default 1M)"
    )
    ap.add_argument("--clients", type=int, default=4, help="concurrent clients (default 4)")
    ap.add_argument("--seconds", type=float, default=10.0, help="per query and server")
    ap.add_argument("--workers", type=int, default=0, help="ingest workers when building")
    args = ap.parse_args()

    tmp = None
    store_dir = args.store
    if store_dir is None:
        tmp = tempfile.TemporaryDirectory(prefix="newskg-bench-store-")
        store_dir = Path(tmp.name) / "store"
        build_store(store_dir, args.triples, args.workers)
    try:
        from pyoxigraph import Store

        size = len(Store.read_only(str(store_dir)))
        qs = queries()
        results = {
            "newskg": run("newskg", store_dir, qs, args.clients, args.seconds),
            "oxigraph": run("oxigraph", store_dir, qs, args.clients, args.seconds),
            "pyoxigraph": {n: in_process(store_dir, q, args.seconds) for n, q in qs},
        }
    finally:
        if tmp is not None:
            tmp.cleanup()
    print_table(size, args, qs, results)


def print_table(
    size: int,
    args: argparse.Namespace,
    qs: list[tuple[str, str]],
    results: dict[str, dict[str, Result]],
) -> None:
    print(
        f"store: {size:,} quads; {args.clients} clients x {args.seconds:g} s per query; "
        f"{os.cpu_count()} cores; requests/s (p50 ms / p99 ms); errors in brackets"
    )
    head = f"{'query':<24}" + "".join(f"{s:>26}" for s in results) + f"{'newskg/oxigraph':>17}"
    print(head)
    ratios = []
    for name, _ in qs:
        cells = []
        for server in results:
            r = results[server][name]
            err = f" [{r.errors}]" if r.errors else ""
            cells.append(f"{r.rps:>9,.1f} ({r.pct(0.5):,.1f} / {r.pct(0.99):,.1f}){err}")
        ox = results["oxigraph"][name].rps
        ratio = results["newskg"][name].rps / ox if ox else float("nan")
        ratios.append(ratio)
        print(f"{name[:23]:<24}" + "".join(f"{c:>26}" for c in cells) + f"{ratio:>17.2f}")
    print(f"{'geometric mean':<24}{'':>78}{statistics.geometric_mean(ratios):>17.2f}")


if __name__ == "__main__":
    main()
