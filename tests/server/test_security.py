"""Hardening: CORS opens reads only, Graph Store path tricks are 4xx, oversized requests are
refused as soon as their headers are read (a real waitress server with the production limits)."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest
from flask.testing import FlaskClient

from server import ServerConfig, create_app
from tests.server.conftest import DOC1, TOKEN, running

TURTLE = "<http://ex/s> <http://ex/p> <http://ex/o> ."
ORIGIN = {"Origin": "https://elsewhere.example"}


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/sparql?query=ASK%20%7B%7D"),
        ("POST", "/sparql"),
        ("GET", "/rdf-graphs?default"),
        ("GET", "/resource/entity/Q15031"),
        ("GET", "/.well-known/void"),
    ],
)
def test_cross_origin_reads_are_allowed(
    writable_client: FlaskClient, method: str, path: str
) -> None:
    kwargs = (
        {"data": "ASK {}", "content_type": "application/sparql-query"} if method == "POST" else {}
    )
    r = writable_client.open(path, method=method, headers=ORIGIN, **kwargs)  # type: ignore[arg-type]
    assert r.status_code == 200
    assert r.headers["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("PUT", "/rdf-graphs?graph=http://ex/g"),
        ("POST", "/rdf-graphs?graph=http://ex/g"),
        ("DELETE", "/rdf-graphs?graph=" + DOC1),
        ("POST", "/update"),
    ],
)
def test_cross_origin_writes_get_no_cors_grant(
    writable_client: FlaskClient, method: str, path: str
) -> None:
    preflight = writable_client.options(
        path,
        headers=ORIGIN
        | {
            "Access-Control-Request-Method": method,
            "Access-Control-Request-Headers": "authorization, content-type",
        },
    )
    assert "Access-Control-Allow-Origin" not in preflight.headers
    assert method not in preflight.headers.get("Access-Control-Allow-Methods", "")
    body, ctype = (
        ("INSERT DATA { <urn:a> <urn:b> 1 }", "application/sparql-update")
        if path == "/update"
        else (TURTLE, "text/turtle")
    )
    r = writable_client.open(
        path,
        method=method,
        data=body,
        content_type=ctype,
        headers=ORIGIN | {"Authorization": f"Bearer {TOKEN}"},
    )
    assert r.status_code < 300  # the write itself works for non-browser clients
    assert "Access-Control-Allow-Origin" not in r.headers


@pytest.mark.parametrize(
    "path",
    [
        "/rdf-graphs/..",
        "/rdf-graphs/%2e%2e/sparql",
        "/rdf-graphs/..%2Fsparql",
        "/rdf-graphs?graph=../../etc/passwd",
        "/rdf-graphs?graph=%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/rdf-graphs?graph=file:///etc/passwd",
        "/rdf-graphs?graph=http://ex/%00",
        "/rdf-graphs?graph=http://ex/a%20b",
        "/rdf-graphs?graph=http://ex/" + "a" * 100_000,
        "/rdf-graphs?graph=http://ex/a&graph=http://ex/b",
        "/rdf-graphs?graph=http://ex/a&default",
    ],
)
def test_graph_store_path_tricks_are_4xx(client: FlaskClient, path: str) -> None:
    r = client.get(path)
    assert 400 <= r.status_code < 500
    assert b"root:" not in r.data and b"Traceback" not in r.data


@pytest.fixture(scope="module")
def limited_server() -> Iterator[int]:
    """waitress with the options `newskg serve` uses, and a 10 kB request limit."""
    app = create_app(ServerConfig(max_request_bytes=10_000))
    try:
        with running(app, threads=2) as port:
            yield port
    finally:
        app.extensions["newskg"].close()


def _first_line(port: int, request: bytes) -> bytes:
    """The status line the server sends after ``request`` (headers only: no body follows)."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request)
        return sock.recv(4096).split(b"\r\n", 1)[0]


def test_announced_huge_body_is_refused_before_it_is_sent(limited_server: int) -> None:
    line = _first_line(
        limited_server,
        b"POST /sparql HTTP/1.1\r\nHost: t\r\n"
        b"Content-Type: application/sparql-query\r\n"
        b"Content-Length: 50000000\r\n\r\n",
    )
    assert b" 413 " in line


def test_huge_url_is_refused_from_its_headers(limited_server: int) -> None:
    line = _first_line(
        limited_server, b"GET /sparql?query=" + b"a" * 200_000 + b" HTTP/1.1\r\nHost: t\r\n\r\n"
    )
    assert b" 431 " in line or b" 414 " in line


def test_query_string_over_the_limit_is_413_from_the_app(limited_server: int) -> None:
    line = _first_line(
        limited_server, b"GET /sparql?query=" + b"a" * 12_000 + b" HTTP/1.1\r\nHost: t\r\n\r\n"
    )
    assert b" 413 " in line


@pytest.mark.parametrize("name", ["Accept", "Accept-Encoding", "Origin", "X-Anything"])
def test_a_header_of_megabytes_is_431_before_it_is_parsed(client: FlaskClient, name: str) -> None:
    r = client.get(
        "/sparql",
        query_string={"query": "ASK {}"},
        headers={name: ",".join(f"x/y{i}" for i in range(200_000))},
    )
    assert r.status_code == 431 and name in r.get_data(as_text=True)
