"""Server time of the researcher's pages on a real store.

    python benchmarks/bench_pages.py STORE [--repeat 5]

Builds the app as ``newskg serve`` does (on-disk store, query workers) and requests, through
Flask's test client (so the time is the server's, no network), the pages of the actors who
say most, the documents with most statements, some statements, summits and policies, the
search suggestions and the pictures' JSON. Prints median and worst time per kind of page,
and each median as a ratio to the floor every page pays: one ``/sparql`` SELECT of the
resource's own triples, run in the same session.

To build a store of a few hundred articles (PolNeAR's training texts, read-only research data):

    ls ../shared/eval/polnear/data/train/text/*.txt | head -300 \
        | xargs newskg ingest -s /tmp/bench-store
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.store import KnowledgeStore  # noqa: E402
from server import ServerConfig, create_app  # noqa: E402

TARGET_MS = 300.0


def _iris(store: KnowledgeStore, sparql: str) -> list[str]:
    prefixes = "PREFIX nkg: <https://w3id.org/newskg/ontology#>\n"
    prefixes += "PREFIX prov: <http://www.w3.org/ns/prov#>\n"
    results = store.oxigraph.query(prefixes + sparql, use_default_graph_as_union=True)
    return [s["x"].value for s in results]  # type: ignore[union-attr]


def _targets(store: KnowledgeStore, base: str) -> dict[str, list[str]]:
    def paths(iris: list[str]) -> list[str]:
        return ["/resource/" + i[len(base) :] for i in iris if i.startswith(base)]

    speakers = _iris(
        store,
        "SELECT ?x WHERE { ?s a nkg:Statement ; nkg:speaker ?x } GROUP BY ?x "
        "ORDER BY DESC(COUNT(?s)) LIMIT 5",
    )
    return {
        "actor page": paths(speakers),
        "document page": paths(
            _iris(
                store,
                "SELECT ?x WHERE { ?s a nkg:Statement ; prov:wasDerivedFrom ?x } GROUP BY ?x "
                "ORDER BY DESC(COUNT(?s)) LIMIT 5",
            )
        ),
        "statement page": paths(
            _iris(store, "SELECT ?x WHERE { ?x a nkg:Statement } ORDER BY ?x LIMIT 5")
        ),
        "summit page": paths(
            _iris(store, "SELECT ?x WHERE { ?x a nkg:Summit } ORDER BY ?x LIMIT 5")
        ),
        "policy page": paths(
            _iris(store, "SELECT ?x WHERE { ?x a nkg:Policy } ORDER BY ?x LIMIT 5")
        ),
        "network.json": [f"/pictures/network.json?around={quote(i, safe='')}" for i in speakers],
        "timeline.json": [f"/pictures/timeline.json?around={quote(i, safe='')}" for i in speakers],
        "suggest": [f"/suggest?q={q}" for q in ("xi", "tr", "chin", "oba", "cl")],
        "floor: /sparql of the triples": [
            "/sparql?format=json&query=" + quote(f"SELECT ?p ?o WHERE {{ <{i}> ?p ?o }}", safe="")
            for i in speakers
        ],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("store")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    store = KnowledgeStore(args.store, read_only=True)
    stats = store.stats()
    config = ServerConfig(store_path=args.store)
    app = create_app(config, store=store)
    client = app.test_client()
    targets = _targets(store, config.base_iri)
    print(f"store: {stats.documents} documents, {stats.quads} quads; workers={config.workers}")
    times: dict[str, list[float]] = {}
    for kind, urls in targets.items():
        for url in urls:
            client.get(url, headers={"Accept": "text/html"})  # warm: workers, caches
            for _ in range(args.repeat):
                started = time.perf_counter()
                r = client.get(url, headers={"Accept": "text/html"})
                elapsed = (time.perf_counter() - started) * 1000
                if r.status_code != 200:
                    raise SystemExit(f"{url}: {r.status_code}")
                times.setdefault(kind, []).append(elapsed)
    floor = statistics.median(times.pop("floor: /sparql of the triples"))
    print(f"floor (one /sparql SELECT of a resource's triples): median {floor:.1f} ms")
    print(
        f"{'page':16} {'n':>3} {'median ms':>10} {'max ms':>8} {'x floor':>8}  < {TARGET_MS:.0f} ms"
    )
    for kind, values in times.items():
        median = statistics.median(values)
        worst = max(values)
        ok = "yes" if worst < TARGET_MS else "NO"
        print(f"{kind:16} {len(values):3d} {median:10.1f} {worst:8.1f} {median / floor:8.1f}  {ok}")
    app.extensions["newskg"].close()
    store.close()


if __name__ == "__main__":
    main()
