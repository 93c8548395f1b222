"""On-disk stores: queries run in killable worker processes with a hard time limit."""

from __future__ import annotations

import json
import os
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from flask import Flask

from server.pages import EXAMPLE_QUERY
from tests.server.conftest import TOKEN, running

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a killed child not yet reaped is a zombie: dead for our purpose
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split()[2] != "Z"
    except FileNotFoundError:
        return False


def test_disk_store_queries_run_in_workers_and_see_data_from_before_start(
    disk_store_path: str, make_app
) -> None:  # type: ignore[no-untyped-def]
    app: Flask = make_app(store_path=disk_store_path, workers=1)
    assert app.extensions["newskg"].pool is not None
    r = app.test_client().get("/sparql", query_string={"query": EXAMPLE_QUERY})
    assert r.status_code == 200
    assert len(r.get_json(force=True)["results"]["bindings"]) == 1


def test_worker_errors_keep_their_status(disk_store_path: str, make_app) -> None:  # type: ignore[no-untyped-def]
    client = make_app(store_path=disk_store_path, workers=1).test_client()
    assert client.get("/sparql", query_string={"query": "ASK {"}).status_code == 400
    assert (
        client.get(
            "/sparql", query_string={"query": "SELECT * {}"}, headers={"Accept": "text/turtle"}
        ).status_code
        == 406
    )
    assert client.get("/sparql", query_string={"query": "ASK {}"}).status_code == 200


def test_runaway_query_is_killed_with_503_while_others_are_answered(
    big_disk_store: str, make_app
) -> None:  # type: ignore[no-untyped-def]
    # A generous limit, so that the quick query is answered before it even on a loaded machine.
    app: Flask = make_app(store_path=big_disk_store, workers=2, query_timeout_s=3.0)
    pool = app.extensions["newskg"].pool
    pids_before = set(pool.pids())
    result: dict[str, object] = {}

    def runaway() -> None:
        started = time.monotonic()
        r = app.test_client().get("/sparql", query_string={"query": RUNAWAY})
        result.update(
            status=r.status_code,
            body=r.get_data(as_text=True),
            time_ms=r.headers["X-Query-Time-Ms"],
            elapsed=time.monotonic() - started,
        )

    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(0.2)
    quick = app.test_client().get("/sparql", query_string={"query": EXAMPLE_QUERY})
    assert quick.status_code == 200
    assert thread.is_alive(), "the simple query was answered while the runaway still ran"
    thread.join(timeout=30)
    assert result["status"] == 503
    assert "exceeded the time limit of 3 s" in str(result["body"])
    assert float(result["time_ms"]) >= 3000  # type: ignore[arg-type]
    assert float(result["elapsed"]) >= 3.0  # type: ignore[arg-type]
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and (
        len(pool.pids()) < 2 or not pids_before - set(pool.pids())
    ):
        time.sleep(0.05)
    killed = pids_before - set(pool.pids())
    assert len(killed) == 1 and not any(_alive(pid) for pid in killed)
    after = app.test_client().get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"})
    assert after.status_code == 200


def test_workers_see_writes_made_through_the_app(disk_store_path: str, make_app) -> None:  # type: ignore[no-untyped-def]
    client = make_app(store_path=disk_store_path, workers=1, update_token=TOKEN).test_client()
    ask = {"query": "ASK { <http://ex/new> ?p ?o }"}
    assert client.get("/sparql", query_string=ask).get_json(force=True)["boolean"] is False
    r = client.post(
        "/update",
        data="INSERT DATA { <http://ex/new> <http://ex/p> 1 }",
        content_type="application/sparql-update",
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert r.status_code == 204
    assert client.get("/sparql", query_string=ask).get_json(force=True)["boolean"] is True


def test_pool_stops_its_workers_on_close(disk_store_path: str, make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(store_path=disk_store_path, workers=2)
    pids = app.extensions["newskg"].pool.pids()
    app.extensions["newskg"].close()
    assert not any(_alive(pid) for pid in pids)


def test_in_memory_store_runs_queries_in_thread(app: Flask) -> None:
    assert app.extensions["newskg"].pool is None


def test_runaway_query_over_http_leaves_other_clients_served(big_disk_store: str, make_app) -> None:  # type: ignore[no-untyped-def]
    """The same through a real waitress server: one client's runaway query holds one worker
    and one HTTP thread; other clients' requests are answered meanwhile."""
    app: Flask = make_app(store_path=big_disk_store, workers=2, query_timeout_s=3.0)
    statuses: dict[str, int] = {}
    with running(app) as port:
        base = f"http://127.0.0.1:{port}/sparql?query="

        def runaway() -> None:
            try:
                urllib.request.urlopen(base + urllib.parse.quote(RUNAWAY), timeout=30)
            except urllib.error.HTTPError as exc:
                statuses["runaway"] = exc.code

        slow = threading.Thread(target=runaway)
        slow.start()
        time.sleep(0.2)
        answered = 0
        for _ in range(5):
            with urllib.request.urlopen(base + urllib.parse.quote(EXAMPLE_QUERY), timeout=30) as r:
                answered += len(json.load(r)["results"]["bindings"])
        assert answered == 5
        assert slow.is_alive(), "the quick queries were answered while the runaway still ran"
        slow.join(timeout=30)
    assert statuses == {"runaway": 503}


def test_resource_pages_run_their_queries_in_the_workers(
    disk_store_path: str, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    app: Flask = make_app(store_path=disk_store_path, workers=1)
    pool = app.extensions["newskg"].pool
    ran: list[str] = []
    original = pool.run
    monkeypatch.setattr(pool, "run", lambda job, sink: ran.append(job.query) or original(job, sink))
    client = app.test_client()
    page = client.get("/resource/entity/Q15031")
    assert page.status_code == 200 and "<h1>Xi Jinping</h1>" in page.get_data(as_text=True)
    assert "post-war order" in page.get_data(as_text=True)
    turtle = client.get("/resource/entity/Q15031", headers={"Accept": "text/turtle"})
    assert turtle.status_code == 200 and b"Xi Jinping" in turtle.data
    assert len(ran) >= 4 and all("entity/Q15031" in q or "VALUES" in q for q in ran)
