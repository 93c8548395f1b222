"""/sparql: SPARQL 1.1 Protocol queries, formats, errors, limits, CORS, gzip."""

from __future__ import annotations

import csv
import gzip
import io
import json

import pytest
from flask.testing import FlaskClient
from rdflib import Graph, URIRef

from server.pages import EXAMPLE_QUERY
from tests.server.conftest import BASE, DOC1

SELECT_ALL = (
    "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } "
    "FILTER(?g != <https://w3id.org/newskg/ontology>) }"
)
CONSTRUCT = "CONSTRUCT { ?s ?p ?o } WHERE { ?s a nkg:Statement ; ?p ?o }"


def test_readme_example_answers_what_xi_said_about_taiwan(client: FlaskClient) -> None:
    r = client.get("/sparql", query_string={"query": EXAMPLE_QUERY})
    assert r.status_code == 200
    bindings = r.get_json(force=True)["results"]["bindings"]
    assert [b["text"]["value"] for b in bindings] == [
        "Xi said Taiwan's return to China is an integral part of the post-war order."
    ]


@pytest.mark.parametrize("path", ["/sparql", "/sparql/"])
def test_endpoint_answers_with_and_without_trailing_slash(client: FlaskClient, path: str) -> None:
    assert client.get(path, query_string={"query": "ASK {}"}).status_code == 200


def test_query_via_form_post_and_direct_post(client: FlaskClient) -> None:
    form = client.post("/sparql", data={"query": "ASK { ?s nkg:speaker ?o }"})
    direct = client.post(
        "/sparql", data="ASK { ?s nkg:speaker ?o }", content_type="application/sparql-query"
    )
    assert form.get_json(force=True)["boolean"] is True
    assert direct.get_json(force=True)["boolean"] is True


@pytest.mark.parametrize(
    "accept, mimetype",
    [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("text/csv;q=0.5, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
    ],
)
def test_select_results_follow_accept(client: FlaskClient, accept: str, mimetype: str) -> None:
    r = client.get("/sparql", query_string={"query": SELECT_ALL}, headers={"Accept": accept})
    assert r.status_code == 200 and r.mimetype == mimetype
    assert r.headers["X-Result-Rows"] == "13"


@pytest.mark.parametrize(
    "fmt, mimetype",
    [
        ("json", "application/sparql-results+json"),
        ("xml", "application/sparql-results+xml"),
        ("csv", "text/csv"),
        ("tsv", "text/tab-separated-values"),
    ],
)
def test_select_results_follow_format_parameter(
    client: FlaskClient, fmt: str, mimetype: str
) -> None:
    r = client.get(
        "/sparql",
        query_string={"query": SELECT_ALL, "format": fmt},
        headers={"Accept": "application/sparql-results+json"},
    )
    assert r.mimetype == mimetype


def test_csv_results_have_a_header_and_one_line_per_row(client: FlaskClient) -> None:
    q = f"SELECT ?l {{ GRAPH <{BASE}graph/entities> {{ ?x rdfs:label ?l }} }} ORDER BY ?l"
    r = client.get("/sparql", query_string={"query": q, "format": "csv"})
    assert list(csv.reader(io.StringIO(r.get_data(as_text=True)))) == [
        ["l"],
        ["Taiwan"],
        ["Xi Jinping"],
    ]


@pytest.mark.parametrize(
    "accept, fmt, mimetype, rdflib_format",
    [
        ("text/turtle", None, "text/turtle", "turtle"),
        ("application/n-triples", None, "application/n-triples", "nt"),
        ("application/ld+json", None, "application/ld+json", "json-ld"),
        ("application/rdf+xml", None, "application/rdf+xml", "xml"),
        (None, "ntriples", "application/n-triples", "nt"),
        (None, "jsonld", "application/ld+json", "json-ld"),
        (None, "rdfxml", "application/rdf+xml", "xml"),
        (None, "turtle", "text/turtle", "turtle"),
    ],
)
def test_construct_results_in_every_rdf_format(
    client: FlaskClient, accept: str | None, fmt: str | None, mimetype: str, rdflib_format: str
) -> None:
    params = {"query": CONSTRUCT} | ({"format": fmt} if fmt else {})
    r = client.get("/sparql", query_string=params, headers={"Accept": accept} if accept else {})
    assert r.status_code == 200 and r.mimetype == mimetype
    g = Graph().parse(data=r.get_data(), format=rdflib_format)
    assert len(g) == 5


def test_describe_returns_rdf(client: FlaskClient) -> None:
    r = client.get(
        "/sparql",
        query_string={"query": f"DESCRIBE <{BASE}entity/Q15031>"},
        headers={"Accept": "text/turtle"},
    )
    assert r.status_code == 200 and r.mimetype == "text/turtle"
    assert b"Xi Jinping" in r.data


def test_ask_returns_boolean_json_and_xml(client: FlaskClient) -> None:
    j = client.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"})
    x = client.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }", "format": "xml"})
    assert j.get_json(force=True) == {"head": {}, "boolean": True}
    assert b"<boolean>true</boolean>" in x.data


def test_malformed_query_is_400_with_parser_message(client: FlaskClient) -> None:
    r = client.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p"})
    assert r.status_code == 400 and r.mimetype == "text/plain"
    assert float(r.headers["X-Query-Time-Ms"]) >= 0
    assert "error at 1:" in r.get_data(as_text=True)
    assert "Traceback" not in r.get_data(as_text=True)


def test_error_shape_is_json_when_asked(client: FlaskClient) -> None:
    r = client.get(
        "/sparql", query_string={"query": "ASK {"}, headers={"Accept": "application/json"}
    )
    body = r.get_json()
    assert r.status_code == 400
    assert set(body) == {"status", "error", "message"} and body["status"] == 400
    assert "1:" in body["message"]


def test_two_query_parameters_are_400(client: FlaskClient) -> None:
    r = client.get("/sparql?query=ASK%20%7B%7D&query=ASK%20%7B%7D")
    assert r.status_code == 400 and "2 'query' parameters" in r.get_data(as_text=True)


def test_put_on_sparql_is_405_with_allow(client: FlaskClient) -> None:
    r = client.put("/sparql?query=ASK%20%7B%7D")
    assert r.status_code == 405 and "POST" in r.headers["Allow"]


def test_unacceptable_accept_is_406(client: FlaskClient) -> None:
    r = client.get("/sparql", query_string={"query": "ASK {}"}, headers={"Accept": "image/png"})
    assert r.status_code == 406 and "application/sparql-results+json" in r.get_data(as_text=True)


def test_select_asked_only_as_rdf_is_406(client: FlaskClient) -> None:
    r = client.get("/sparql", query_string={"query": SELECT_ALL}, headers={"Accept": "text/turtle"})
    assert r.status_code == 406


def test_wrong_post_content_type_is_415(client: FlaskClient) -> None:
    r = client.post("/sparql", data="ASK {}", content_type="text/plain")
    assert r.status_code == 415


def test_oversized_body_is_413(store, make_app) -> None:  # type: ignore[no-untyped-def]
    client = make_app(store=store, max_request_bytes=100).test_client()
    r = client.post("/sparql", data="ASK {} " + "#" * 200, content_type="application/sparql-query")
    assert r.status_code == 413


def test_query_headers_report_time_rows_and_truncation(client: FlaskClient) -> None:
    r = client.get("/sparql", query_string={"query": SELECT_ALL})
    assert float(r.headers["X-Query-Time-Ms"]) >= 0
    assert r.headers["X-Result-Rows"] == "13"
    assert r.headers["X-Result-Truncated"] == "false"
    assert r.headers["X-Result-Max-Rows"] == "10000"


def test_row_cap_truncates_and_says_so_in_headers_and_json(store, make_app) -> None:  # type: ignore[no-untyped-def]
    client = make_app(store=store, max_rows=3).test_client()
    r = client.get("/sparql", query_string={"query": SELECT_ALL})
    body = r.get_json(force=True)
    assert len(body["results"]["bindings"]) == 3
    assert body["truncated"] is True and body["maxRows"] == 3
    assert r.headers["X-Result-Truncated"] == "true" and r.headers["X-Result-Rows"] == "3"
    csv_r = client.get("/sparql", query_string={"query": SELECT_ALL, "format": "csv"})
    assert csv_r.get_data(as_text=True).count("\n") == 4
    assert csv_r.headers["X-Result-Truncated"] == "true"


def test_row_cap_applies_to_construct(store, make_app) -> None:  # type: ignore[no-untyped-def]
    client = make_app(store=store, max_rows=2).test_client()
    r = client.get("/sparql", query_string={"query": CONSTRUCT, "format": "ntriples"})
    lines = [line for line in r.get_data(as_text=True).splitlines() if line]
    assert len([line for line in lines if not line.startswith("#")]) == 2
    assert lines[-1] == "# newskg: result truncated at the server's row limit of 2 triples"
    assert r.headers["X-Result-Truncated"] == "true"


def test_default_graph_is_the_union_of_all_graphs(client: FlaskClient) -> None:
    r = client.get(
        "/sparql", query_string={"query": "ASK { ?st nkg:speaker ?x . ?x rdfs:label 'Xi Jinping' }"}
    )
    assert r.get_json(force=True)["boolean"] is True


def test_default_graph_uri_narrows_the_dataset(client: FlaskClient) -> None:
    r = client.get(
        "/sparql",
        query_string={"query": "SELECT ?l { ?x rdfs:label ?l }", "default-graph-uri": DOC1},
    )
    assert r.get_json(force=True)["results"]["bindings"] == []


def test_named_graph_uri_limits_graph_patterns(client: FlaskClient) -> None:
    r = client.get(
        "/sparql",
        query_string={
            "query": "SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }",
            "named-graph-uri": DOC1,
        },
    )
    assert [b["g"]["value"] for b in r.get_json(force=True)["results"]["bindings"]] == [DOC1]


def test_query_from_clause_is_respected(client: FlaskClient) -> None:
    r = client.get(
        "/sparql",
        query_string={
            "query": f"SELECT ?l FROM <{BASE}graph/entities> {{ ?x rdfs:label ?l }} ORDER BY ?l"
        },
    )
    values = [b["l"]["value"] for b in r.get_json(force=True)["results"]["bindings"]]
    assert values == ["Taiwan", "Xi Jinping"]


def test_get_without_query_is_a_service_description(client: FlaskClient) -> None:
    r = client.get("/sparql")
    assert r.status_code == 200 and r.mimetype == "text/turtle"
    g = Graph().parse(data=r.get_data(as_text=True), format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    endpoints = {str(o) for o in g.objects(None, URIRef(sd + "endpoint"))}
    assert endpoints == {"http://localhost/sparql"}
    assert {str(o) for o in g.objects(None, URIRef(sd + "feature"))} == {
        sd + "UnionDefaultGraph",
        sd + "BasicFederatedQuery",
    }
    assert len(list(g.objects(None, URIRef(sd + "resultFormat")))) == 8


def test_cors_header_on_reads_and_preflight(client: FlaskClient) -> None:
    get = client.get("/sparql", query_string={"query": "ASK {}"}, headers={"Origin": "http://x"})
    assert get.headers["Access-Control-Allow-Origin"] == "*"
    pre = client.options(
        "/sparql", headers={"Origin": "http://x", "Access-Control-Request-Method": "POST"}
    )
    assert pre.status_code in (200, 204)
    assert pre.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in pre.headers["Access-Control-Allow-Methods"]
    assert "X-Result-Truncated" in get.headers["Access-Control-Expose-Headers"]


def test_cors_can_be_switched_off(store, make_app) -> None:  # type: ignore[no-untyped-def]
    client = make_app(store=store, cors_origins="").test_client()
    r = client.get("/sparql", query_string={"query": "ASK {}"})
    assert "Access-Control-Allow-Origin" not in r.headers


def test_results_are_gzipped_when_accepted(client: FlaskClient) -> None:
    r = client.get(
        "/sparql", query_string={"query": SELECT_ALL}, headers={"Accept-Encoding": "gzip"}
    )
    assert r.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in r.headers["Vary"]
    assert json.loads(gzip.decompress(r.data))["results"]["bindings"]


def test_results_are_plain_without_accept_encoding(client: FlaskClient) -> None:
    r = client.get("/sparql", query_string={"query": SELECT_ALL})
    assert "Content-Encoding" not in r.headers
