"""/, /resource/..., /healthz, /.well-known/void."""

from __future__ import annotations

import datetime as dt
import io
import time

import pytest
from flask import Flask
from flask.testing import FlaskClient
from pyoxigraph import RdfFormat
from rdflib import DCTERMS, RDFS, Graph, URIRef

from graph.store import KnowledgeStore
from server.pages import EXAMPLE_QUERY
from tests.server.conftest import BASE, SEED_NQUADS


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


@pytest.mark.parametrize(
    "accept, fmt", [("text/turtle", "turtle"), ("application/ld+json", "json-ld")]
)
def test_resource_as_rdf_by_accept(client: FlaskClient, accept: str, fmt: str) -> None:
    r = client.get("/resource/entity/Q15031", headers={"Accept": accept})
    assert r.mimetype == accept
    g = Graph().parse(data=r.get_data(), format=fmt)
    assert (URIRef(BASE + "entity/Q15031"), None, None) in g


def test_unknown_resource_is_a_friendly_404(client: FlaskClient) -> None:
    r = client.get("/resource/entity/Q0", headers={"Accept": "text/html"})
    assert r.status_code == 404 and r.mimetype == "text/html"
    assert "nothing is known" in r.get_data(as_text=True)


@pytest.mark.parametrize(
    "path",
    [
        "/resource/entity/../doc/d1",
        "/resource/entity/%2E%2E/doc/d1",
        "/resource/entity/..%2F..%2Fetc",
        "/resource/entity//Q1",
        "/resource/entity/%00",
        "/resource/entity/%zz",
        "/resource/" + "a" * 5000,
    ],
)
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
    assert {int(o) for o in g.objects(None, URIRef(void + "documents"))} == {1}
    assert len(list(g.objects(None, URIRef(void + "classPartition")))) == 6
    entities = {
        str(g.value(part, URIRef(void + "class"))).rsplit("#", 1)[1]: int(
            g.value(part, URIRef(void + "entities"))
        )  # type: ignore[arg-type]
        for part in g.objects(None, URIRef(void + "classPartition"))
    }
    # The seed types Xi as nkg:Person only, and VoID counts asserted types (no inference).
    assert entities == {
        "Document": 1,
        "Actor": 0,
        "Statement": 1,
        "Summit": 0,
        "Policy": 0,
        "Topic": 1,
    }


def test_void_last_update_moves_with_writes(writable_client: FlaskClient, auth) -> None:  # type: ignore[no-untyped-def]
    def modified() -> dt.datetime:
        g = Graph().parse(data=writable_client.get("/.well-known/void").data, format="turtle")
        values = list(g.objects(None, DCTERMS.modified))
        assert len(values) == 1
        return values[0].toPython()  # type: ignore[no-any-return]

    before = modified()
    assert before.tzinfo is not None
    time.sleep(1.1)  # the value has whole seconds
    r = writable_client.post(
        "/update",
        data="INSERT DATA { <urn:a> <urn:b> 1 }",
        content_type="application/sparql-update",
        headers=auth,
    )
    assert r.status_code == 204
    assert modified() > before


def test_iri_base_is_configurable_so_stored_iris_resolve_here(make_app) -> None:  # type: ignore[no-untyped-def]
    local = "http://127.0.0.1:5000/resource/"
    store = KnowledgeStore(base=local)
    store.oxigraph.load(
        io.BytesIO(SEED_NQUADS.replace(BASE, local).encode()), format=RdfFormat.N_QUADS
    )
    client = make_app(store=store, base_iri=local).test_client()
    page = client.get("/resource/entity/Q15031")
    assert page.status_code == 200 and "<h1>Xi Jinping</h1>" in page.get_data(as_text=True)
    assert 'href="/resource/doc/d1"' in page.get_data(as_text=True)
    g = Graph().parse(
        data=client.get("/resource/entity/Q15031", headers={"Accept": "text/turtle"}).data,
        format="turtle",
    )
    assert (URIRef(local + "entity/Q15031"), RDFS.label, None) in g
    default_base = make_app(store=store).test_client()
    assert default_base.get("/resource/entity/Q15031").status_code == 404


def test_unhandled_fault_is_a_500_without_traceback(
    app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    app.config["PROPAGATE_EXCEPTIONS"] = False  # as in production (TESTING turns it on)
    client = app.test_client()

    def broken(self, job, **options):  # type: ignore[no-untyped-def]
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr("server.state.AppState.start", broken)
    for accept in ("text/plain", "application/json", "text/html"):
        r = client.get(
            "/sparql",
            query_string={"query": "ASK {}", "format": "json"},
            headers={"Accept": accept},
        )
        assert r.status_code == 500
        body = r.get_data(as_text=True)
        assert "Traceback" not in body and "secret internal detail" not in body
        assert "the fault is logged" in body


def test_resource_page_queries_obey_the_time_limit(store: KnowledgeStore, make_app) -> None:  # type: ignore[no-untyped-def]
    client = make_app(store=store, query_timeout_s=1e-6).test_client()
    r = client.get("/resource/entity/Q15031", headers={"Accept": "text/html"})
    assert r.status_code == 503 and "time limit" in r.get_data(as_text=True)
