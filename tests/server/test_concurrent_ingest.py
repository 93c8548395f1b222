"""An ingest from another process while the server holds the store: refused with a clear
message, the server keeps answering, and the data is unchanged."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from flask import Flask

from graph.store import KnowledgeStore
from server.pages import EXAMPLE_QUERY

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def _count(app: Flask) -> int:
    r = app.test_client().get("/sparql", query_string={"query": COUNT})
    assert r.status_code == 200
    return int(r.get_json(force=True)["results"]["bindings"][0]["n"]["value"])


def test_ingest_from_another_process_is_refused_while_serving(
    disk_store_path: str, make_app, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    served = KnowledgeStore(disk_store_path)  # opened once, as `newskg serve` does
    try:
        app: Flask = make_app(store=served, store_path=disk_store_path, workers=1)
        before = _count(app)
        article = tmp_path / "article.txt"
        article.write_text("Xi Jinping met Joe Biden in Bali on Monday.\n", encoding="utf-8")
        env = os.environ | {"PYTHONPATH": os.pathsep.join(sys.path)}
        ingest = subprocess.run(
            [sys.executable, "-m", "newskg", "ingest", "--store", disk_store_path, str(article)],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
        )
        assert ingest.returncode != 0
        assert "in use by another process" in ingest.stderr
        assert "Traceback" not in ingest.stderr
        answer = app.test_client().get("/sparql", query_string={"query": EXAMPLE_QUERY})
        assert answer.status_code == 200
        assert len(answer.get_json(force=True)["results"]["bindings"]) == 1
        assert _count(app) == before
    finally:
        served.close()
