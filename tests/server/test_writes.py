"""Writes are closed by default: /update and GSP writes need the bearer token."""

from __future__ import annotations

import logging

import pytest
from flask.testing import FlaskClient
from rdflib import Graph

from tests.server.conftest import DOC1, TOKEN

INSERT = "INSERT DATA { GRAPH <http://ex/g> { <http://ex/s> <http://ex/p> 'o' } }"
TTL = '<http://ex/s> <http://ex/p> "o" .'


def _update(client: FlaskClient, headers: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return client.post(
        "/update", data=INSERT, content_type="application/sparql-update", headers=headers or {}
    )


def test_update_is_403_when_no_token_is_configured(client: FlaskClient, auth) -> None:  # type: ignore[no-untyped-def]
    assert _update(client, auth).status_code == 403


def test_update_without_bearer_is_401(writable_client: FlaskClient) -> None:
    r = _update(writable_client)
    assert r.status_code == 401 and r.headers["WWW-Authenticate"].startswith("Bearer")


def test_update_with_wrong_token_is_403(writable_client: FlaskClient) -> None:
    assert _update(writable_client, {"Authorization": "Bearer nope"}).status_code == 403


def test_update_with_token_writes(writable_client: FlaskClient, auth) -> None:  # type: ignore[no-untyped-def]
    assert _update(writable_client, auth).status_code == 204
    r = writable_client.get("/sparql", query_string={"query": "ASK { <http://ex/s> ?p ?o }"})
    assert r.get_json(force=True)["boolean"] is True


def test_update_via_form_and_syntax_errors(writable_client: FlaskClient, auth) -> None:  # type: ignore[no-untyped-def]
    ok = writable_client.post("/update", data={"update": "CLEAR ALL"}, headers=auth)
    bad = writable_client.post("/update", data={"update": "CLEAR XYZ"}, headers=auth)
    assert ok.status_code == 204 and bad.status_code == 400 and "1:" in bad.get_data(as_text=True)


def test_update_has_no_cors_headers(writable_client: FlaskClient, auth) -> None:  # type: ignore[no-untyped-def]
    r = writable_client.post(
        "/update",
        data=INSERT,
        content_type="application/sparql-update",
        headers=auth | {"Origin": "http://evil"},
    )
    pre = writable_client.options("/update", headers={"Origin": "http://evil"})
    assert "Access-Control-Allow-Origin" not in r.headers
    assert "Access-Control-Allow-Origin" not in pre.headers


def test_update_via_get_is_405(writable_client: FlaskClient) -> None:
    assert writable_client.get("/update?update=CLEAR%20ALL").status_code == 405


def test_token_never_appears_in_logs(
    writable_client: FlaskClient,
    auth,  # type: ignore[no-untyped-def]
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    _update(writable_client, auth)
    _update(writable_client, {"Authorization": "Bearer wrong"})
    writable_client.post(
        "/update", data="CLEAR XYZ", content_type="application/sparql-update", headers=auth
    )
    assert TOKEN not in caplog.text


@pytest.mark.parametrize(
    "accept, rdflib_format",
    [
        ("text/turtle", "turtle"),
        ("application/n-triples", "nt"),
        ("application/ld+json", "json-ld"),
        ("application/rdf+xml", "xml"),
    ],
)
def test_gsp_get_graph_in_every_rdf_format(
    client: FlaskClient, accept: str, rdflib_format: str
) -> None:
    r = client.get("/rdf-graphs", query_string={"graph": DOC1}, headers={"Accept": accept})
    assert r.status_code == 200 and r.mimetype == accept
    assert len(Graph().parse(data=r.get_data(), format=rdflib_format)) == 8


def test_gsp_get_missing_graph_is_404(client: FlaskClient) -> None:
    assert client.get("/rdf-graphs?graph=http://ex/none").status_code == 404


def test_gsp_get_default_graph(client: FlaskClient) -> None:
    r = client.get("/rdf-graphs?default", headers={"Accept": "application/n-triples"})
    assert r.status_code == 200 and r.data.strip() == b""


def test_gsp_needs_graph_or_default(client: FlaskClient) -> None:
    assert client.get("/rdf-graphs").status_code == 400
    assert client.get("/rdf-graphs?default&graph=http://ex/g").status_code == 400


def test_gsp_writes_need_the_token(client: FlaskClient, writable_client: FlaskClient) -> None:
    args = {"query_string": {"graph": "http://ex/g"}, "data": TTL, "content_type": "text/turtle"}
    assert client.put("/rdf-graphs", **args).status_code == 403
    assert writable_client.put("/rdf-graphs", **args).status_code == 401
    assert writable_client.delete("/rdf-graphs?graph=" + DOC1).status_code == 401


def test_gsp_put_post_delete_cycle(writable_client: FlaskClient, auth) -> None:  # type: ignore[no-untyped-def]
    c, q = writable_client, {"graph": "http://ex/g"}
    assert (
        c.put(
            "/rdf-graphs", query_string=q, data=TTL, content_type="text/turtle", headers=auth
        ).status_code
        == 201
    )
    assert (
        c.put(
            "/rdf-graphs", query_string=q, data=TTL, content_type="text/turtle", headers=auth
        ).status_code
        == 204
    )
    assert (
        c.post(
            "/rdf-graphs",
            query_string=q,
            data='<http://ex/s> <http://ex/p> "2" .',
            content_type="application/n-triples",
            headers=auth,
        ).status_code
        == 204
    )
    got = c.get("/rdf-graphs", query_string=q, headers={"Accept": "application/n-triples"})
    assert got.get_data(as_text=True).count("\n") == 2
    assert c.delete("/rdf-graphs", query_string=q, headers=auth).status_code == 204
    assert c.get("/rdf-graphs", query_string=q).status_code == 404
    assert c.delete("/rdf-graphs", query_string=q, headers=auth).status_code == 404


def test_gsp_bad_body_is_400_and_unknown_type_415(writable_client: FlaskClient, auth) -> None:  # type: ignore[no-untyped-def]
    q = {"graph": "http://ex/g"}
    assert (
        writable_client.put(
            "/rdf-graphs", query_string=q, data="<broken", headers=auth, content_type="text/turtle"
        ).status_code
        == 400
    )
    assert (
        writable_client.put(
            "/rdf-graphs", query_string=q, data="x", headers=auth, content_type="application/pdf"
        ).status_code
        == 415
    )


def test_gsp_post_without_graph_creates_one(writable_client: FlaskClient, auth) -> None:  # type: ignore[no-untyped-def]
    r = writable_client.post("/rdf-graphs", data=TTL, content_type="text/turtle", headers=auth)
    assert r.status_code == 201
    got = writable_client.get("/rdf-graphs", query_string={"graph": r.headers["Location"]})
    assert got.status_code == 200 and b"http://ex/s" in got.data
