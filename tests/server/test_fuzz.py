"""Bad input to the server, generated: no 500, no traceback, every answer well-formed.

Bounded for CI (``NEWSKG_FUZZ_EXAMPLES`` examples per test, default 150); run longer by hand,
e.g. ``NEWSKG_FUZZ_EXAMPLES=5000 pytest tests/server/test_fuzz.py``.
"""

from __future__ import annotations

import os
import re
import socket
from collections.abc import Iterator

import pytest
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.store import KnowledgeStore
from server import ServerConfig, create_app
from tests.server.conftest import TOKEN, load_seed, running

EXAMPLES = int(os.environ.get("NEWSKG_FUZZ_EXAMPLES", "150"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Fragments of real SPARQL, so that generated text gets past the first token often.
_SPARQL_BITS = [
    "SELECT",
    "ASK",
    "CONSTRUCT",
    "DESCRIBE",
    "WHERE",
    "{",
    "}",
    "?s",
    "?p",
    "?o",
    "<http://ex/a>",
    "nkg:Statement",
    "FILTER(",
    ")",
    '"x"',
    "'y'",
    "LIMIT 5",
    "GRAPH",
    "SERVICE",
    "OPTIONAL",
    "UNION",
    "PREFIX e: <http://e/>",
    ".",
    ";",
    "COUNT(*)",
    "GROUP BY",
    "ORDER BY",
    "BIND(",
    "AS",
    "VALUES",
    "#",
    "\n",
    "@en",
    "^^",
    "<<",
    ">>",
    "*",
    "\\u0000",
    "\x00",
    "é",
    "\U0001f600",
    "1e999",
    "-",
]
_queries = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(_SPARQL_BITS), max_size=30).map(" ".join),
)
_header_text = st.text(
    st.characters(min_codepoint=0x20, max_codepoint=0xFF, blacklist_characters="\x7f"), max_size=80
)
_media = st.one_of(
    st.sampled_from(
        [
            "application/sparql-query",
            "application/x-www-form-urlencoded",
            "application/sparql-update",
            "text/turtle",
            "application/n-triples",
            "multipart/form-data; boundary=x",
            "application/sparql-query; charset=utf-16",
            "text/plain",
            "",
            "*/*",
            "application/json",
        ]
    ),
    _header_text,
)
_headers = st.fixed_dictionaries(
    {},
    optional={
        "Accept": st.one_of(_media, _header_text),
        "Accept-Encoding": st.sampled_from(["gzip", "identity", "gzip;q=0", "br, gzip;q=0.5", "x"]),
        "Origin": st.sampled_from(["https://elsewhere.example", "null", ""]),
        "Authorization": st.sampled_from(
            [f"Bearer {TOKEN}", "Bearer wrong", "Basic abc", "Bearer"]
        ),
    },
)


@pytest.fixture(scope="module")
def fuzz_client() -> Iterator[FlaskClient]:
    store = KnowledgeStore()
    load_seed(store)
    app = create_app(
        ServerConfig(update_token=TOKEN, max_rows=50, query_timeout_s=5, max_request_bytes=20_000),
        store=store,
    )
    app.config["PROPAGATE_EXCEPTIONS"] = False  # as in production
    yield app.test_client()
    app.extensions["newskg"].close()


def _check(response) -> None:  # type: ignore[no-untyped-def]
    body = response.get_data()
    assert response.status_code < 500 or response.status_code == 503, body[:500]
    assert b"Traceback" not in body and b'File "' not in body


@FUZZ
@given(
    query=_queries,
    headers=_headers,
    extra=st.lists(
        st.tuples(
            st.sampled_from(
                ["format", "output", "default-graph-uri", "named-graph-uri", "query", "update", "x"]
            ),
            _header_text,
        ),
        max_size=3,
    ),
)
def test_fuzzed_get_queries_never_fail_the_server(
    fuzz_client: FlaskClient, query: str, headers: dict[str, str], extra: list[tuple[str, str]]
) -> None:
    _check(fuzz_client.get("/sparql", query_string=[("query", query), *extra], headers=headers))


@FUZZ
@given(
    body=st.one_of(st.binary(max_size=400), _queries.map(lambda q: q.encode("utf-8"))),
    content_type=_media,
    path=st.sampled_from(
        [
            "/sparql",
            "/update",
            "/rdf-graphs?default",
            "/rdf-graphs?graph=http://ex/g",
            "/rdf-graphs",
        ]
    ),
    method=st.sampled_from(["POST", "PUT", "DELETE", "PATCH", "GET", "OPTIONS"]),
    headers=_headers,
)
def test_fuzzed_bodies_never_fail_the_server(
    fuzz_client: FlaskClient,
    body: bytes,
    content_type: str,
    path: str,
    method: str,
    headers: dict[str, str],
) -> None:
    _check(
        fuzz_client.open(
            path, method=method, data=body, headers=headers, content_type=content_type or None
        )
    )


_segment = st.one_of(
    st.sampled_from(
        [
            "..",
            ".",
            "",
            "%2e%2e",
            "%2F",
            "%00",
            "%zz",
            "entity",
            "Q15031",
            "doc",
            "d1",
            "~",
            "%C3%A9",
            "a" * 300,
        ]
    ),
    st.text(max_size=20),
)


@FUZZ
@given(segments=st.lists(_segment, max_size=8), graph=_header_text, headers=_headers)
def test_fuzzed_resource_and_graph_paths_are_answered_not_failed(
    fuzz_client: FlaskClient, segments: list[str], graph: str, headers: dict[str, str]
) -> None:
    _check(fuzz_client.get("/resource/" + "/".join(segments), headers=headers))
    _check(fuzz_client.get("/rdf-graphs", query_string={"graph": graph}, headers=headers))


_request_lines = st.one_of(
    st.binary(max_size=300),
    st.tuples(
        st.sampled_from([b"GET", b"POST", b"PUT", b"BREW", b"", b"G\x00T"]),
        st.sampled_from(
            [
                b"/sparql?query=ASK%7B%7D",
                b"/resource/../../etc/passwd",
                b"/rdf-graphs?graph=%",
                b"*",
                b"http://evil/",
                b"/%ff%fe",
                b"/" + b"a" * 3000,
            ]
        ),
        st.sampled_from([b"HTTP/1.1", b"HTTP/1.0", b"HTTP/9.9", b"", b"HTTP/1.1 x"]),
        st.lists(
            st.sampled_from(
                [
                    b"Host: t",
                    b"Content-Length: -1",
                    b"Content-Length: 99999999999999999999",
                    b"Transfer-Encoding: chunked",
                    b"Content-Length: 5",
                    b"Expect: 100-continue",
                    b"X: \xff\xfe",
                    b": empty",
                    b"Content-Type: application/sparql-query",
                ]
            ),
            max_size=5,
        ),
        st.binary(max_size=50),
    ).map(
        lambda t: (
            t[0] + b" " + t[1] + b" " + t[2] + b"\r\n" + b"\r\n".join(t[3]) + b"\r\n\r\n" + t[4]
        )
    ),
)


@pytest.fixture(scope="module")
def fuzz_port(fuzz_client: FlaskClient) -> Iterator[int]:
    with running(fuzz_client.application, threads=2) as port:
        yield port


def _status_of(port: int, raw: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(raw)
        sock.shutdown(socket.SHUT_WR)
        received = b""
        try:
            while chunk := sock.recv(65536):
                received += chunk
        except TimeoutError:
            pass
    return received


@FUZZ
@given(raw=_request_lines)
def test_fuzzed_raw_http_never_fails_the_server(fuzz_port: int, raw: bytes) -> None:
    answer = _status_of(fuzz_port, raw)
    for status in re.findall(rb"HTTP/1\.[01] (\d{3})", answer):
        assert int(status) < 500 or int(status) == 503, answer[:300]
    assert b"Traceback" not in answer
    # ... and the server still answers afterwards.
    assert _status_of(fuzz_port, b"GET /healthz HTTP/1.0\r\n\r\n").startswith(b"HTTP/1.0 200")
