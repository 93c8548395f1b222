"""/, /resource/..., /healthz, /.well-known/void."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient
from rdflib import Graph, URIRef

from server.pages import EXAMPLE_QUERY
from tests.server.conftest import BASE


def test_index_has_a_form_preloaded_with_the_example(client: FlaskClient) -> None:
    r = client.get("/")
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and r.mimetype == "text/html"
    assert "<textarea" in html and "FILTER(CONTAINS(?name, &#34;Xi&#34;))" in html


def test_index_shows_results_as_a_table(client: FlaskClient) -> None:
    html = client.get("/", query_string={"query": EXAMPLE_QUERY}).get_data(as_text=True)
    assert "<th>?text</th>" in html and "post-war order" in html


def test_index_table_links_iris_to_resource_pages(client: FlaskClient) -> None:
    q = "SELECT ?who WHERE { ?s nkg:speaker ?who }"
    html = client.get("/", query_string={"query": q}).get_data(as_text=True)
    assert '<a href="/resource/entity/Q15031">' in html


def test_index_shows_query_errors(client: FlaskClient) -> None:
    r = client.get("/", query_string={"query": "SELECT {"})
    assert r.status_code == 400 and "error at 1:" in r.get_data(as_text=True)


def test_resource_page_shows_label_types_sameas_and_statements(client: FlaskClient) -> None:
    r = client.get("/resource/entity/Q15031")
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and "<h1>Xi Jinping</h1>" in html
    assert 'href="http://www.wikidata.org/entity/Q15031"' in html
    assert "post-war order" in html and 'href="/resource/doc/d1"' in html
    assert "Person" in html


@pytest.mark.parametrize("accept, fmt", [("text/turtle", "turtle"),
                                         ("application/ld+json", "json-ld")])
def test_resource_as_rdf_by_accept(client: FlaskClient, accept: str, fmt: str) -> None:
    r = client.get("/resource/entity/Q15031", headers={"Accept": accept})
    assert r.mimetype == accept
    g = Graph().parse(data=r.get_data(), format=fmt)
    assert (URIRef(BASE + "entity/Q15031"), None, None) in g


def test_unknown_resource_is_a_friendly_404(client: FlaskClient) -> None:
    r = client.get("/resource/entity/Q0", headers={"Accept": "text/html"})
    assert r.status_code == 404 and r.mimetype == "text/html"
    assert "nothing is known" in r.get_data(as_text=True)


@pytest.mark.parametrize("path", [
    "/resource/entity/../doc/d1",
    "/resource/entity/%2E%2E/doc/d1",
    "/resource/entity/..%2F..%2Fetc",
    "/resource/entity//Q1",
    "/resource/entity/%00",
    "/resource/entity/%zz",
    "/resource/" + "a" * 5000,
])
def test_resource_path_tricks_are_4xx(client: FlaskClient, path: str) -> None:
    assert 400 <= client.get(path).status_code < 500


def test_healthz_is_ok_json(client: FlaskClient) -> None:
    r = client.get("/healthz")
    assert r.status_code == 200 and r.get_json()["status"] == "ok"


def test_void_has_counts_from_store_stats(client: FlaskClient) -> None:
    r = client.get("/.well-known/void")
    assert r.mimetype == "text/turtle"
    g = Graph().parse(data=r.get_data(as_text=True), format="turtle")
    void = "http://rdfs.org/ns/void#"
    assert {int(o) for o in g.objects(None, URIRef(void + "triples"))} == {13}
    assert len(list(g.objects(None, URIRef(void + "classPartition")))) == 6
