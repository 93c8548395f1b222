"""Large results: written as read (never whole in memory), streamed, gzipped on request, and
counted exactly in the headers."""

from __future__ import annotations

import csv
import gzip
import io
import json
from pathlib import Path

import pytest
from flask import Flask
from pyoxigraph import RdfFormat
from rdflib import Graph

from graph.store import KnowledgeStore
from server.answer import CHUNK_BYTES, Relay
from server.executor import STREAMED_MEDIA, QueryJob, QueryOutcome, run_query

ROWS = 20_000
ALL = "SELECT ?s ?o WHERE { ?s <http://ex/p> ?o }"
GRAPH = "CONSTRUCT { ?s <http://ex/p> ?o } WHERE { ?s <http://ex/p> ?o }"


def _ntriples(n: int) -> bytes:
    return "".join(
        f'<http://ex/item/{i}> <http://ex/p> "value number {i}, with a comma" .\n' for i in range(n)
    ).encode()


@pytest.fixture(scope="module")
def big_store() -> KnowledgeStore:
    s = KnowledgeStore()
    s.oxigraph.load(io.BytesIO(_ntriples(ROWS)), format=RdfFormat.N_TRIPLES)
    return s


@pytest.fixture
def big_client(big_store: KnowledgeStore, make_app):  # type: ignore[no-untyped-def]
    return make_app(store=big_store, max_rows=ROWS).test_client()


class _RecordingSink(io.RawIOBase):
    def __init__(self) -> None:
        self.writes: list[int] = []
        self.data = bytearray()
        self.begun: tuple[str, str] | None = None

    def begin(self, media: str, kind: str) -> None:
        assert not self.data, "begin comes before the first byte"
        self.begun = (media, kind)

    def writable(self) -> bool:
        return True

    def write(self, b) -> int:  # type: ignore[no-untyped-def]
        self.writes.append(len(b))
        self.data += b
        return len(b)


def _job(query: str, results: str | None, rdf: str | None, max_rows: int = ROWS) -> QueryJob:
    return QueryJob(
        query=query,
        default_graphs=(),
        named_graphs=(),
        use_union=True,
        results_media=results,
        rdf_media=rdf,
        max_rows=max_rows,
    )


@pytest.mark.parametrize(
    ("query", "results", "rdf"),
    [
        (ALL, "application/sparql-results+json", None),
        (ALL, "application/sparql-results+xml", None),
        (ALL, "text/csv", None),
        (ALL, "text/tab-separated-values", None),
        (GRAPH, None, "text/turtle"),
        (GRAPH, None, "application/n-triples"),
        (GRAPH, None, "application/ld+json"),
        (GRAPH, None, "application/rdf+xml"),
    ],
)
def test_large_results_are_written_in_pieces_not_whole(
    big_store: KnowledgeStore, query: str, results: str | None, rdf: str | None
) -> None:
    sink = _RecordingSink()
    outcome = run_query(big_store.oxigraph, _job(query, results, rdf), sink)
    assert (outcome.rows, outcome.truncated) == (ROWS, False)
    assert sink.begun == (outcome.media_type, outcome.kind)
    assert len(sink.data) > 1_000_000
    assert len(sink.writes) > 20 and max(sink.writes) < 200_000


def test_streamed_csv_has_every_row(big_client) -> None:  # type: ignore[no-untyped-def]
    r = big_client.get(
        "/sparql", query_string={"query": ALL}, headers={"Accept": "text/csv"}, buffered=False
    )
    assert r.is_streamed
    chunks = list(r.response)
    assert len(chunks) > 1
    body = b"".join(chunks)
    assert int(r.headers["Content-Length"]) == len(body)
    rows = list(csv.reader(io.StringIO(body.decode())))
    assert rows[0] == ["s", "o"] and len(rows) == ROWS + 1
    assert {row[1] for row in rows[1:]} == {f"value number {i}, with a comma" for i in range(ROWS)}
    assert (r.headers["X-Result-Rows"], r.headers["X-Result-Truncated"]) == (str(ROWS), "false")


def test_streamed_results_are_gzipped_as_they_stream(big_client) -> None:  # type: ignore[no-untyped-def]
    plain = big_client.get("/sparql", query_string={"query": ALL})
    r = big_client.get(
        "/sparql", query_string={"query": ALL}, headers={"Accept-Encoding": "gzip"}, buffered=False
    )
    assert r.headers["Content-Encoding"] == "gzip" and "Content-Length" not in r.headers
    assert "Accept-Encoding" in r.headers["Vary"]
    chunks = list(r.response)
    assert len(chunks) > 1
    body = gzip.decompress(b"".join(chunks))
    assert body == plain.data
    assert len(json.loads(body)["results"]["bindings"]) == ROWS


def test_streamed_graph_is_complete_turtle(big_client) -> None:  # type: ignore[no-untyped-def]
    r = big_client.get(
        "/sparql",
        query_string={"query": GRAPH},
        headers={"Accept": "text/turtle", "Accept-Encoding": "gzip"},
    )
    assert r.headers["Content-Encoding"] == "gzip"
    assert len(Graph().parse(data=gzip.decompress(r.data), format="turtle")) == ROWS


@pytest.mark.parametrize(
    ("accept", "count"),
    [
        ("text/csv", lambda body: body.count(b"\n") - 1),
        ("text/tab-separated-values", lambda body: body.count(b"\n") - 1),
    ],
)
def test_cut_csv_and_tsv_are_sent_whole_with_exact_headers(
    big_store: KnowledgeStore,
    make_app,  # type: ignore[no-untyped-def]
    accept: str,
    count,
) -> None:
    client = make_app(store=big_store, max_rows=1234).test_client()
    r = client.get("/sparql", query_string={"query": ALL}, headers={"Accept": accept})
    assert r.status_code == 200
    assert (r.headers["X-Result-Rows"], r.headers["X-Result-Truncated"]) == ("1234", "true")
    assert int(r.headers["Content-Length"]) == len(r.data)
    assert count(r.data) == 1234


def test_cut_json_stream_announces_the_cut_at_its_end(big_store: KnowledgeStore, make_app) -> None:  # type: ignore[no-untyped-def]
    # About 1.6 MB: many pieces, so it streams (as any result of a piece or more does).
    client = make_app(store=big_store, max_rows=12_345).test_client()
    r = client.get("/sparql", query_string={"query": ALL}, buffered=False)
    assert r.headers["X-Result-Streamed"] == "true" and r.headers["X-Result-Max-Rows"] == "12345"
    assert "X-Result-Truncated" not in r.headers and "Content-Length" not in r.headers
    doc = json.loads(b"".join(r.response))
    assert len(doc["results"]["bindings"]) == 12_345
    assert (doc["truncated"], doc["maxRows"], doc["head"]["vars"]) == (True, 12_345, ["s", "o"])


def test_cut_xml_stream_ends_with_a_comment(big_store: KnowledgeStore, make_app) -> None:  # type: ignore[no-untyped-def]
    client = make_app(store=big_store, max_rows=1234).test_client()
    r = client.get(
        "/sparql", query_string={"query": ALL}, headers={"Accept": "application/sparql-results+xml"}
    )
    assert r.data.count(b"<result>") == 1234
    assert r.data.rstrip().endswith(
        b"</sparql>\n<!-- newskg: result truncated at the server's row limit of 1234 rows -->"
    )


def test_uncut_stream_has_no_notice(big_store: KnowledgeStore, make_app) -> None:  # type: ignore[no-untyped-def]
    client = make_app(store=big_store, max_rows=ROWS).test_client()
    doc = client.get("/sparql", query_string={"query": ALL}).get_json(force=True)
    assert len(doc["results"]["bindings"]) == ROWS and "truncated" not in doc
    xml = client.get(
        "/sparql", query_string={"query": ALL}, headers={"Accept": "application/sparql-results+xml"}
    )
    assert b"newskg" not in xml.data[-200:]


def test_worker_streams_large_results_through_its_pipe(tmp_path: Path, make_app) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "store"
    with KnowledgeStore(path) as store:
        store.oxigraph.load(io.BytesIO(_ntriples(ROWS)), format=RdfFormat.N_TRIPLES)
    app: Flask = make_app(store_path=str(path), workers=1, max_rows=ROWS)
    assert app.extensions["newskg"].pool is not None
    r = app.test_client().get(
        "/sparql", query_string={"query": ALL}, headers={"Accept": "text/tab-separated-values"}
    )
    assert r.status_code == 200 and r.headers["X-Result-Rows"] == str(ROWS)
    lines = r.data.decode().splitlines()
    assert lines[0] == "?s\t?o" and len(lines) == ROWS + 1
    assert len(r.data) > 1_000_000


@pytest.mark.parametrize(
    ("query", "accept"),
    [(ALL, "text/csv"), (GRAPH, "text/turtle"), (ALL, "application/sparql-results+json")],
)
def test_time_limit_while_writing_is_a_503_not_a_cut_body(
    big_store: KnowledgeStore,
    make_app,  # type: ignore[no-untyped-def]
    query: str,
    accept: str,
) -> None:
    client = make_app(store=big_store, max_rows=ROWS, query_timeout_s=1e-6).test_client()
    r = client.get("/sparql", query_string={"query": query}, headers={"Accept": accept})
    assert r.status_code == 503
    assert "time limit" in r.get_data(as_text=True)
    assert "X-Result-Rows" not in r.headers


JSON_MEDIA = "application/sparql-results+json"


@pytest.mark.parametrize(
    ("media", "pieces", "tail", "finished", "streams"),
    [
        # a result of a piece or more streams, even when written whole before the response looks
        (JSON_MEDIA, [b"x" * CHUNK_BYTES, b"y" * CHUNK_BYTES], b"z", True, True),
        (JSON_MEDIA, [b"x" * CHUNK_BYTES], b"", True, True),
        (JSON_MEDIA, [b"x" * CHUNK_BYTES], b"", False, True),
        # a smaller one goes whole, unless a slow piece came while its query still ran
        (JSON_MEDIA, [], b"x" * (CHUNK_BYTES - 1), True, False),
        (JSON_MEDIA, [b"slow"], b"rest", True, False),
        (JSON_MEDIA, [b"slow"], b"", False, True),
        # formats without room for the counts at their end never stream
        ("text/csv", [b"x" * CHUNK_BYTES, b"y" * CHUNK_BYTES], b"z", True, False),
    ],
)
def test_whether_an_answer_streams_depends_on_its_result_not_on_thread_timing(
    media: str, pieces: list[bytes], tail: bytes, finished: bool, streams: bool
) -> None:
    relay = Relay()
    relay.begin(media, "solutions")
    for piece in pieces:
        relay.write(piece)
    if finished:  # the query ended before the response thread looked at the relay
        relay.finish(QueryOutcome(media, 3, True, "solutions"), tail)
    assert relay.wait_ready(lambda m: m in STREAMED_MEDIA) is streams
    relay.close()


def test_an_answer_asked_for_whole_never_streams() -> None:
    relay = Relay()
    relay.begin(JSON_MEDIA, "solutions")
    relay.write(b"x" * 3 * CHUNK_BYTES)
    relay.finish(QueryOutcome(JSON_MEDIA, 3, False, "solutions"))
    assert relay.wait_ready(lambda m: False) is False
    relay.close()
