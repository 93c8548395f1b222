"""The README's screenshots, made with the browser setup of the tests (headless Chromium,
tests/support/chromium.py) against a store served on a free local port.

    python benchmarks/screenshots.py STORE [--out docs/img]

Writes ``actor.png`` (the page of the actor who says most: header, network, timeline),
``document.png`` (the article with most statements, its text marked) and ``error.png`` (a
query with a syntax error, opened as a ``/sparql?query=`` link).
"""

from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "support")]

from chromium import chromium  # noqa: E402
from waitress import create_server, wasyncore  # noqa: E402

from graph.store import KnowledgeStore  # noqa: E402
from server import ServerConfig, create_app  # noqa: E402

_TOP = {
    "actor": "SELECT ?x WHERE { ?s a nkg:Statement ; nkg:speaker ?x . ?x a nkg:Person } "
    "GROUP BY ?x ORDER BY DESC(COUNT(?s)) LIMIT 1",
    "document": "SELECT ?x WHERE { ?s a nkg:Statement ; prov:wasDerivedFrom ?x } "
    "GROUP BY ?x ORDER BY DESC(COUNT(?s)) LIMIT 1",
}


def _top(store: KnowledgeStore, kind: str) -> str:
    from pyoxigraph import QuerySolutions

    from ontology.vocab import PREFIXES

    rows = store.oxigraph.query(
        _TOP[kind], prefixes=dict(PREFIXES), use_default_graph_as_union=True
    )
    assert isinstance(rows, QuerySolutions)
    return next(iter(rows))["x"].value  # type: ignore[union-attr]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("store")
    parser.add_argument("--out", default=str(ROOT / "docs" / "img"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    store = KnowledgeStore(args.store, read_only=True)
    config = ServerConfig(store_path=args.store)
    app = create_app(config, store=store)
    server = create_server(app, host="127.0.0.1", port=0, threads=4)
    threading.Thread(target=server.run, daemon=True).start()
    root = f"http://127.0.0.1:{server.effective_port}/"
    base = config.base_iri
    try:
        with chromium(window="1300,1400") as driver:
            from selenium.webdriver.common.by import By
            from selenium.webdriver.support.ui import WebDriverWait

            wait = WebDriverWait(driver, 60)
            driver.get(root + "resource/" + _top(store, "actor")[len(base) :])
            ready = "[data-ready='true']"
            wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, ready)) == 2)
            driver.save_screenshot(str(out / "actor.png"))
            driver.get(root + "resource/" + _top(store, "document")[len(base) :])
            driver.save_screenshot(str(out / "document.png"))
            bad = "SELECT ?who WHERE {\n  ?s nkg:speaker ?who\n  FILTER(?who = )\n}"
            driver.get(root + "sparql?query=" + quote(bad, safe=""))
            driver.save_screenshot(str(out / "error.png"))
    finally:
        server.trigger.pull_trigger(lambda: wasyncore.close_all(server._map))
        server.task_dispatcher.shutdown()
        app.extensions["newskg"].close()
        store.close()
    for name in ("actor", "document", "error"):
        print(out / f"{name}.png")


if __name__ == "__main__":
    main()
