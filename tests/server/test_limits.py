"""Hostile queries over an on-disk store: a memory bound per query, a lane for long queries,
and streaming that stops the query when the client leaves."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable

import pytest
from flask import Flask

from server.answer import Answer, Relay, StreamAborted
from server.errors import QueryTimeout
from server.executor import QueryOutcome
from server.workers import LONG_QUERY_NICE, QueryPool
from tests.server.test_workers import RUNAWAY, _alive

MEMORY_BOMB = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f"
"""Sorting a cross join holds every solution: 9 million on 3,000 triples, gigabytes."""
QUICK = "ASK { ?s ?p ?o }"
# A query still running when the pool first looks (about 2 s of CPU: a 3,000 x 3,000 join
# counted), so that being seen running long does not hang on a race with a loaded machine.
SECONDS_LONG = "SELECT (COUNT(*) AS ?n) WHERE { ?a <http://ex/p> ?x . ?b <http://ex/p> ?y }"
LIMIT = 256 << 20


def _wait_for(condition: Callable[[], bool], seconds: float = 20) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def _one_worker(app: Flask) -> tuple[Flask, QueryPool, int]:
    """The app, its pool and the pid of its only ready worker."""
    pool = app.extensions["newskg"].pool
    (pid,) = pool.pids()
    return app, pool, pid


def _in_thread(app: Flask, query: str, into: dict[str, object]) -> threading.Thread:
    def ask() -> None:
        r = app.test_client().get("/sparql", query_string={"query": query})
        into.update(status=r.status_code, body=r.get_data(as_text=True))

    thread = threading.Thread(target=ask)
    thread.start()
    return thread


def test_query_past_the_memory_limit_is_a_503_naming_it_and_only_its_worker_is_replaced(
    big_disk_store: str, make_app
) -> None:  # type: ignore[no-untyped-def]
    app: Flask = make_app(
        store_path=big_disk_store, workers=2, max_query_memory=LIMIT, query_timeout_s=120
    )
    pool = app.extensions["newskg"].pool
    before = set(pool.pids())
    bomb: dict[str, object] = {}
    thread = _in_thread(app, MEMORY_BOMB, bomb)
    thread.join(timeout=120)
    assert bomb["status"] == 503
    assert "exceeded the memory limit of 256 MiB per query" in str(bomb["body"])
    assert "max_query_memory" in str(bomb["body"])
    assert _wait_for(lambda: len(pool.pids()) == 2 and len(before & set(pool.pids())) == 1)
    (gone,) = before - set(pool.pids())
    assert not _alive(gone)
    assert app.test_client().get("/sparql", query_string={"query": QUICK}).status_code == 200


def test_other_queries_are_answered_while_a_memory_bomb_runs(big_disk_store: str, make_app) -> None:  # type: ignore[no-untyped-def]
    app: Flask = make_app(
        store_path=big_disk_store, workers=2, max_query_memory=LIMIT, query_timeout_s=120
    )
    bomb: dict[str, object] = {}
    thread = _in_thread(app, MEMORY_BOMB, bomb)
    answered = [
        app.test_client().get("/sparql", query_string={"query": QUICK}).status_code
        for _ in range(5)
    ]
    thread.join(timeout=120)
    assert answered == [200] * 5 and bomb["status"] == 503


def test_a_long_query_moves_to_a_reniced_worker_and_a_fresh_one_takes_new_queries(
    big_disk_store: str, make_app
) -> None:  # type: ignore[no-untyped-def]
    # One ready worker only: without the long lane the quick query would wait for the runaway.
    app, pool, first = _one_worker(
        make_app(store_path=big_disk_store, workers=1, query_timeout_s=6.0)
    )
    runaway: dict[str, object] = {}
    thread = _in_thread(app, RUNAWAY, runaway)
    assert _wait_for(lambda: len(pool.pids()) == 2), "no worker was started beside the long one"
    base = os.getpriority(os.PRIO_PROCESS, 0)
    assert os.getpriority(os.PRIO_PROCESS, first) == min(base + LONG_QUERY_NICE, 19)
    quick = app.test_client().get("/sparql", query_string={"query": QUICK})
    assert quick.status_code == 200
    assert thread.is_alive(), "the quick query was answered only after the runaway"
    thread.join(timeout=60)
    assert runaway["status"] == 503 and "time limit" in str(runaway["body"])
    assert _wait_for(lambda: pool.pids() != [] and first not in pool.pids())
    assert _wait_for(lambda: len(pool.pids()) == 1), "the reniced worker was not retired"
    fresh = pool.pids()[0]
    assert os.getpriority(os.PRIO_PROCESS, fresh) == base


def test_a_large_result_streams_and_the_query_stops_when_the_client_leaves(
    big_disk_store: str, make_app
) -> None:  # type: ignore[no-untyped-def]
    app, pool, worker = _one_worker(
        make_app(store_path=big_disk_store, workers=1, max_rows=50_000_000)
    )
    cross = "SELECT ?a ?c WHERE { ?a <http://ex/p> ?b . ?c <http://ex/p> ?d }"  # 9M rows
    r = app.test_client().get("/sparql", query_string={"query": cross}, buffered=False)
    assert r.status_code == 200 and r.headers["X-Result-Streamed"] == "true"
    pieces = iter(r.response)
    first = next(pieces)
    assert first.startswith(b'{"results": {"bindings": [{"a": {"type": "uri"')
    r.close()  # the client leaves long before the 9 million rows are written
    assert _wait_for(lambda: not _alive(worker)), "the query went on without a reader"
    assert _wait_for(lambda: len(pool.pids()) == 1)
    assert app.test_client().get("/sparql", query_string={"query": QUICK}).status_code == 200


def test_a_stream_whose_query_fails_midway_ends_broken_not_complete_looking() -> None:
    relay = Relay()
    relay.begin("application/sparql-results+json", "solutions")
    relay.write(b'{"results": {"bindings": [{"a": {"type": "literal", "value": "1"}}')
    chunks = Answer(relay, streamed=True).chunks()
    assert next(chunks).startswith(b'{"results"')
    relay.fail(QueryTimeout("the query exceeded the time limit of 30 s"))
    marker = next(chunks)
    assert b"the result is incomplete: the query exceeded the time limit of 30 s" in marker
    with pytest.raises(StreamAborted):
        next(chunks)


def test_a_complete_answer_keeps_its_outcome_and_size() -> None:
    relay = Relay()
    relay.begin("text/csv", "solutions")
    relay.finish(QueryOutcome("text/csv", 1, False, "solutions"), b"x\r\n1\r\n")
    answer = Answer(relay, relay.wait_ready(lambda media: True))
    assert not answer.streamed and answer.outcome.rows == 1 and answer.size == 6
    assert answer.read() == b"x\r\n1\r\n"


def test_a_relay_moves_to_disk_past_its_memory_share_and_reads_back_whole() -> None:
    from server.answer import SPOOL_MEMORY_BYTES

    relay = Relay()
    relay.begin("text/turtle", "graph")
    data = bytes(range(256)) * (SPOOL_MEMORY_BYTES // 128)
    for i in range(0, len(data), 10_000):
        relay.write(data[i : i + 10_000])
    relay.finish(QueryOutcome("text/turtle", 0, False, "graph"))
    assert Answer(relay, streamed=True).read() == data


def test_a_query_seen_running_long_goes_straight_to_the_long_lane(
    big_disk_store: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from server import workers
    from server.answer import Relay
    from server.executor import QueryJob
    from server.workers import QueryPool

    monkeypatch.setattr(workers, "LONG_AFTER_S", 0.0)  # every query counts as long
    monkeypatch.setattr(workers, "CPU_CHECK_S", 0.0)
    pool = QueryPool(big_disk_store, 1, 30.0, long_lane=1)
    try:
        (first,) = pool.pids()

        def run(query: str) -> None:
            job = QueryJob(query, (), (), True, "application/sparql-results+json", None, 10)
            pool.run(job, Relay())

        run(SECONDS_LONG)  # went long: its worker is now the long lane's, a fresh one is ready
        assert _wait_for(lambda: len(pool.pids()) == 2)
        long_nice = os.getpriority(os.PRIO_PROCESS, first)
        assert long_nice > os.getpriority(os.PRIO_PROCESS, 0)
        ran_on: list[int] = []
        original = pool._relay

        def spy(worker, *args):  # type: ignore[no-untyped-def]
            ran_on.append(worker.process.pid)
            return original(worker, *args)

        monkeypatch.setattr(pool, "_relay", spy)
        run(SECONDS_LONG)  # known as long: the long lane's idle worker takes it
        run("ASK { ?s <http://ex/p> ?o }")  # a new text: the ready lane
        assert ran_on[0] == first and ran_on[1] != first
        assert len(pool.pids()) == 2, "the long lane is full: no further worker was started"
        monkeypatch.setattr(workers, "LONG_IDLE_S", 0.0)  # long queries stopped coming
        assert _wait_for(lambda: pool.pids() == [ran_on[1]]), "the idle long lane stayed"
    finally:
        pool.close()
