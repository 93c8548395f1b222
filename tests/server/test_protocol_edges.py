"""The protocol's last edges: HEAD everywhere GET is, one Allow per route, N3 as Turtle,
created graphs that dereference, 204 without a body type, and capped results that the
standard parsers read with their cut notice."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient
from pyoxigraph import QueryResultsFormat, RdfFormat, parse_query_results
from rdflib import Graph
from rdflib.query import Result
from SPARQLWrapper import JSON, N3, XML, SPARQLWrapper

from graph.store import KnowledgeStore
from server.answer import CHUNK_BYTES
from tests.server.conftest import DOC1, TOKEN, LiveServer, load_seed, running

CONSTRUCT = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{DOC1}> {{ ?s ?p ?o }} }}"
SELECT_ALL = "SELECT ?s ?o WHERE { ?s <http://ex/p> ?o }"
CAPPED_ROWS = 2000
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _get_urls(app: Flask) -> Iterator[str]:
    """One URL for every route that answers GET (arguments filled with real values)."""
    samples = {"rest": "entity/Q15031", "filename": "newskg/query.css", "name": "none"}
    for rule in app.url_map.iter_rules():
        if "GET" in (rule.methods or set()):
            path = rule.rule
            for argument in rule.arguments:
                path = path.replace(f"<path:{argument}>", samples[argument])
                path = path.replace(f"<{argument}>", samples[argument])
            yield path
    yield "/sparql?query=ASK%7B%7D"
    yield "/rdf-graphs?default"


def test_head_answers_wherever_get_does_with_its_headers_and_no_body(
    client: FlaskClient, app: Flask
) -> None:
    urls = sorted(set(_get_urls(app)))
    assert "/sparql" in urls and "/resource/entity/Q15031" in urls
    for url in urls:
        with client.get(url) as got, client.head(url) as head:
            assert head.status_code == got.status_code, url
            assert head.data == b"", url
            assert head.headers.get("Content-Type") == got.headers.get("Content-Type"), url


def test_head_of_a_query_has_its_exact_counts(client: FlaskClient) -> None:
    r = client.head("/sparql", query_string={"query": "SELECT * { ?s ?p ?o } LIMIT 3"})
    assert r.status_code == 200 and r.data == b""
    assert (r.headers["X-Result-Rows"], r.headers["X-Result-Truncated"]) == ("3", "false")


def test_every_response_of_a_route_lists_the_same_allowed_methods(
    writable_client: FlaskClient,
) -> None:
    expected = {
        "/sparql": "GET, HEAD, POST, OPTIONS",
        "/update": "POST, OPTIONS",
        "/rdf-graphs": "GET, HEAD, POST, PUT, DELETE, OPTIONS",
        "/healthz": "GET, HEAD, OPTIONS",
    }
    for path, allow in expected.items():
        options = writable_client.options(path)
        refused = writable_client.patch(path)
        assert refused.status_code == 405, path
        assert options.headers["Allow"] == refused.headers["Allow"] == allow, path
    assert writable_client.get("/update").headers["Allow"] == expected["/update"]


@pytest.mark.parametrize(
    ("params", "headers"),
    [({"format": "n3"}, {}), ({}, {"Accept": "text/n3"}), ({}, {"Accept": "text/rdf+n3"})],
)
def test_n3_is_answered_as_turtle(client: FlaskClient, params, headers) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/sparql", query_string={"query": CONSTRUCT, **params}, headers=headers)
    assert r.status_code == 200, r.data
    assert r.headers["Content-Type"] == "text/turtle; charset=utf-8"
    assert len(Graph().parse(data=r.data, format="turtle")) == 8


def test_sparqlwrapper_n3_format_gets_turtle(live_server: LiveServer) -> None:
    w = SPARQLWrapper(live_server.sparql, agent="newskg-tests")
    w.setQuery(CONSTRUCT)
    w.setReturnFormat(N3)
    body = w.query().convert()
    assert len(Graph().parse(data=body, format="turtle")) == 15  # the live store: 2 statements


def test_location_of_a_created_graph_dereferences(writable_client: FlaskClient) -> None:
    created = writable_client.post(
        "/rdf-graphs", data='<urn:a> <urn:b> "c" .', content_type="text/turtle", headers=AUTH
    )
    assert created.status_code == 201
    location = created.headers["Location"]
    assert location.startswith("http://localhost/rdf-graphs/")
    path = location.removeprefix("http://localhost")
    got = writable_client.get(path, headers={"Accept": "application/n-triples"})
    assert got.status_code == 200 and got.data.strip() == b'<urn:a> <urn:b> "c" .'
    indirect = writable_client.get("/rdf-graphs", query_string={"graph": location})
    assert indirect.status_code == 200
    assert writable_client.delete(path, headers=AUTH).status_code == 204
    assert writable_client.get(path).status_code == 404


def test_a_graph_url_refuses_a_second_graph_name(writable_client: FlaskClient) -> None:
    r = writable_client.get("/rdf-graphs/x", query_string={"graph": "urn:other"})
    assert r.status_code == 400


def test_no_content_responses_carry_no_body_type(writable_client: FlaskClient) -> None:
    update = writable_client.post(
        "/update",
        data="INSERT DATA { <urn:x> <urn:y> 1 }",
        content_type="application/sparql-update",
        headers=AUTH,
    )
    put = writable_client.put(
        "/rdf-graphs?graph=urn:g",
        data="<urn:a> <urn:b> 1 .",
        content_type="text/turtle",
        headers=AUTH,
    )
    replaced = writable_client.put(
        "/rdf-graphs?graph=urn:g",
        data="<urn:a> <urn:b> 2 .",
        content_type="text/turtle",
        headers=AUTH,
    )
    options = writable_client.options("/sparql")
    assert put.status_code == 201
    for r in (update, replaced, options):
        assert r.status_code == 204 and "Content-Type" not in r.headers


@pytest.fixture(scope="module")
def capped_server() -> Iterator[str]:
    """A served store whose SELECT results are cut at :data:`CAPPED_ROWS` rows (of 5,000): a
    cut result is several pieces (:data:`~server.answer.CHUNK_BYTES`), so it always streams."""
    from server import ServerConfig, create_app

    store = KnowledgeStore()
    load_seed(store)
    nt = "".join(f'<http://ex/{i}> <http://ex/p> "v{i}" .\n' for i in range(5000))
    store.oxigraph.load(io.BytesIO(nt.encode()), format=RdfFormat.N_TRIPLES)
    app = create_app(ServerConfig(max_rows=CAPPED_ROWS), store=store)
    try:
        with running(app) as port:
            yield f"http://127.0.0.1:{port}/sparql"
    finally:
        app.extensions["newskg"].close()
        store.close()


def _fetch(url: str, fmt: str) -> tuple[bytes, dict[str, str]]:
    w = SPARQLWrapper(url, agent="newskg-tests")
    w.setQuery(SELECT_ALL)
    w.setReturnFormat(fmt)
    result = w.query()
    return result.response.read(), dict(result.response.headers)


@pytest.mark.parametrize(
    ("fmt", "pyoxigraph_format"), [(JSON, QueryResultsFormat.JSON), (XML, QueryResultsFormat.XML)]
)
def test_a_capped_streamed_result_parses_in_pyoxigraph_and_rdflib(
    capped_server: str, fmt: str, pyoxigraph_format: QueryResultsFormat
) -> None:
    body, headers = _fetch(capped_server, fmt)
    assert headers["X-Result-Streamed"] == "true" and len(body) > 2 * CHUNK_BYTES
    rows = list(parse_query_results(body, format=pyoxigraph_format))  # type: ignore[arg-type]
    assert len(rows) == CAPPED_ROWS
    parsed = Result.parse(io.BytesIO(body), format="json" if fmt == JSON else "xml")
    assert len(parsed) == CAPPED_ROWS and [str(v) for v in parsed.vars] == ["s", "o"]
    notice = f"row limit of {CAPPED_ROWS} rows"
    assert (json.loads(body)["truncated"] is True) if fmt == JSON else notice in body.decode()


def test_sparqlwrapper_reads_a_capped_result_and_its_notice(capped_server: str) -> None:
    w = SPARQLWrapper(capped_server, agent="newskg-tests")
    w.setQuery(SELECT_ALL)
    w.setReturnFormat(JSON)
    doc = w.query().convert()
    assert len(doc["results"]["bindings"]) == CAPPED_ROWS
    cut = (doc["truncated"], doc["maxRows"], doc["head"]["vars"])
    assert cut == (True, CAPPED_ROWS, ["s", "o"])
    w.setReturnFormat(XML)
    xml = w.query().convert()
    assert len(xml.getElementsByTagName("result")) == CAPPED_ROWS


def test_a_capped_graph_ends_with_a_comment_turtle_parsers_skip(capped_server: str) -> None:
    w = SPARQLWrapper(capped_server, agent="newskg-tests")
    w.setQuery("CONSTRUCT { ?s <http://ex/p> ?o } WHERE { ?s <http://ex/p> ?o }")
    w.setReturnFormat("turtle")
    body = w.query().convert()
    notice = f"# newskg: result truncated at the server's row limit of {CAPPED_ROWS} triples"
    assert body.rstrip().endswith(notice.encode())
    assert len(Graph().parse(data=body, format="turtle")) == CAPPED_ROWS
