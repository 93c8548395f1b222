"""SERVICE and LOAD: the endpoint is no proxy into the host's network."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator

import pytest
from flask import Flask

from server.errors import BadRequest, Forbidden
from server.federation import check_target, reach, vet
from server.sparql_text import tokens
from tests.server.conftest import TOKEN


@pytest.mark.parametrize(
    ("text", "services", "variable", "loads"),
    [
        (
            "SELECT * { SERVICE <http://a.example/sparql> { ?s ?p ?o } }",
            ("http://a.example/sparql",),
            False,
            (),
        ),
        ("select * { service silent <http://a.example/q> {} }", ("http://a.example/q",), False, ()),
        ("SELECT * { SERVICE<http://a.example/q>{} }", ("http://a.example/q",), False, ()),
        (
            "PREFIX e: <http://e.example/> SELECT * { SERVICE e:sp\\.arql {} }",
            ("http://e.example/sp.arql",),
            False,
            (),
        ),
        (
            "BASE <http://b.example/x/> SELECT * { SERVICE <../q> {} }",
            ("http://b.example/q",),
            False,
            (),
        ),
        ("SELECT * { SERVICE <q> {} }", ("http://me.example/q",), False, ()),
        ("SELECT * { SERVICE ?endpoint {} }", (), True, ()),
        ("SELECT * { SERVICE <http://a.example/\\u0071> {} }", ("http://a.example/q",), False, ()),
        (
            'SELECT * { ?s ?p "SERVICE <http://127.0.0.1/>" } # SERVICE <http://127.0.0.1/>',
            (),
            False,
            (),
        ),
        ("SELECT ?service { ?service a <http://x.example/SERVICE> }", (), False, ()),
        (
            "LOAD <http://a.example/data.ttl> INTO GRAPH <urn:g>",
            (),
            False,
            ("http://a.example/data.ttl",),
        ),
        ("load silent <http://a.example/d.ttl>", (), False, ("http://a.example/d.ttl",)),
    ],
)
def test_reach_finds_every_service_and_load_target(
    text: str, services: tuple[str, ...], variable: bool, loads: tuple[str, ...]
) -> None:
    found = reach(text, base="http://me.example/sparql", prefixes={})
    assert (found.services, found.variable_service, found.loads) == (services, variable, loads)


def test_reach_refuses_an_undeclared_service_prefix() -> None:
    with pytest.raises(BadRequest, match="not declared"):
        reach("SELECT * { SERVICE nope:x {} }", base=None, prefixes={})


@pytest.mark.parametrize(
    "iri",
    [
        "http://127.0.0.1:8080/sparql",
        "http://localhost/sparql",
        "http://[::1]/sparql",
        "http://[::ffff:127.0.0.1]/sparql",
        "http://10.1.2.3/sparql",
        "http://192.168.0.10/sparql",
        "http://172.16.5.5/sparql",
        "http://169.254.169.254/latest/meta-data/",
        "http://0.0.0.0/sparql",
        "http://[fd00::1]/sparql",
        "http://intranet.example/sparql",  # resolves to a private address (fake resolver)
        "file:///etc/passwd",
        "ftp://ftp.example/x",
    ],
)
def test_non_public_targets_are_refused(iri: str) -> None:
    resolver = {"localhost": ["127.0.0.1", "::1"], "intranet.example": ["8.8.8.8", "10.0.0.7"]}
    with pytest.raises(Forbidden):
        check_target(iri, lambda host: resolver.get(host, []))


@pytest.mark.parametrize("iri", ["https://query.wikidata.org/sparql", "http://8.8.8.8/sparql"])
def test_public_targets_pass(iri: str) -> None:
    check_target(iri, lambda host: ["208.80.154.224"])


def test_variable_service_is_refused_unless_private_services_are_allowed() -> None:
    text = "SELECT * { SERVICE ?e {} }"
    with pytest.raises(Forbidden, match="variable"):
        vet(text, base=None, prefixes={}, allow_private_service=False, allow_load=False)
    vet(text, base=None, prefixes={}, allow_private_service=True, allow_load=False)


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        self.hits.append(self.path)
        body = b'{"head": {"vars": ["x"]}, "results": {"bindings": []}}'
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def listener() -> Iterator[tuple[str, list[str]]]:
    """An HTTP server on 127.0.0.1 standing for a service inside the host's network."""
    hits: list[str] = []
    handler = type("Recorder", (_Recorder,), {"hits": hits})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", hits
    finally:
        server.shutdown()
        server.server_close()


def test_service_to_loopback_is_403_and_never_sent(store, make_app, listener) -> None:  # type: ignore[no-untyped-def]
    url, hits = listener
    query = f"SELECT * {{ SERVICE <{url}/sparql> {{ ?x ?p ?o }} }}"
    client = make_app(store=store).test_client()
    r = client.get("/sparql", query_string={"query": query})
    assert r.status_code == 403 and "--allow-private-service" in r.get_data(as_text=True)
    page = client.get("/", query_string={"query": query})
    assert page.status_code == 403
    assert hits == []
    allowed = make_app(store=store, allow_private_service=True).test_client()
    assert allowed.get("/sparql", query_string={"query": query}).status_code == 200
    assert len(hits) == 1  # the gate, not the network, stopped the first two


def test_service_inside_an_update_is_vetted_too(store, make_app, listener) -> None:  # type: ignore[no-untyped-def]
    url, hits = listener
    client = make_app(store=store, update_token=TOKEN).test_client()
    r = client.post(
        "/update",
        data=f"INSERT {{ ?x ?p ?o }} WHERE {{ SERVICE <{url}/> {{ ?x ?p ?o }} }}",
        content_type="application/sparql-update",
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert r.status_code == 403 and hits == []


def test_load_is_disabled_by_default_even_with_the_token(store, make_app, listener) -> None:  # type: ignore[no-untyped-def]
    url, hits = listener
    app: Flask = make_app(store=store, update_token=TOKEN)
    before = len(store.oxigraph)
    r = app.test_client().post(
        "/update",
        data=f"LOAD <{url}/data.ttl>",
        content_type="application/sparql-update",
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert r.status_code == 403 and "--allow-load" in r.get_data(as_text=True)
    assert hits == [] and len(store.oxigraph) == before


def test_allowed_load_still_refuses_private_addresses(store, make_app, listener) -> None:  # type: ignore[no-untyped-def]
    url, hits = listener
    client = make_app(store=store, update_token=TOKEN, allow_load=True).test_client()
    r = client.post(
        "/update",
        data=f"LOAD <{url}/data.ttl>",
        content_type="application/sparql-update",
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert r.status_code == 403 and hits == []


def test_an_unclosed_string_ends_the_scan() -> None:
    # The engine refuses the text at the unclosed string, so nothing after it can run.
    assert [
        t.text for t in tokens("SELECT * { ?s ?p '''never closed } SERVICE <http://x/> {}")
    ] == ["SELECT", "*", "{", "?s", "?p"]
    assert reach(
        'ASK { "a\\"b" } SERVICE <http://x.example/> {}', base=None, prefixes={}
    ).services == ("http://x.example/",)


@pytest.mark.parametrize("unit", ["'''\n\\", '"\\"', "'''a\\", "<a<", '# x\n"'])
def test_adversarial_quoting_is_read_in_one_pass(unit: str) -> None:
    # 200 kB of openers that never close: a rescan from every quote would take minutes here.
    text = unit * (200_000 // len(unit)) + " SERVICE <http://127.0.0.1/> {}"
    found = reach(text, base=None, prefixes={})
    assert found.loads == () and found.variable_service is False
