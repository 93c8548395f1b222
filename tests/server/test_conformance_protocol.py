"""The W3C SPARQL 1.1 Protocol and Graph Store Protocol manifests, run against the app.

Each manifest entry becomes one test: its requests are replayed in order with the Flask test
client. Protocol requests are written under ``/sparql/``; requests of the update tests that
are not queries go to ``/update`` (the protocol lets query and update be different endpoints)
with the update token. GSP requests under ``/gsp`` go to ``/rdf-graphs``.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from pyoxigraph import NamedNode, RdfFormat
from rdflib import Graph, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.compare import isomorphic
from tests_support import W3C

from graph.store import KnowledgeStore
from tests.server.conftest import TOKEN

PROTOCOL = W3C / "sparql11-protocol" / "manifest.ttl"
GSP = W3C / "graph-store-protocol" / "manifest-indirect.ttl"

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")

PROTOCOL_NS = "http://www.w3.org/2009/sparql/docs/tests/data-sparql11/protocol/manifest#"
GSP_NS = "http://www.w3.org/2009/sparql/docs/tests/data-sparql11/http-rdf-update/manifest#"

SKIP: dict[str, str] = {}
"""Tests not run, each with its reason (none at present)."""

_STATUS = {
    HTS.OK: {200},
    HTS.Created: {201},
    HTS.NoContent: {204},
    HTS.NotFound: {404},
    HTS.StatusCode2xx: set(range(200, 300)),
    HTS.StatusCode3xx: set(range(300, 400)),
    HTS.StatusCode4xx: set(range(400, 500)),
}
_RDFLIB_FORMATS = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
}


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: str | None
    statuses: set[int]
    expected_format: str | None = None
    expected_boolean: bool | None = None
    expected_body: str | None = None
    expected_content_type: str | None = None
    capture_location: bool = False


@dataclass
class Case:
    iri: str
    name: str
    requests: list[Request]
    graph_data: list[tuple[Path, str]] = field(default_factory=list)


def _manifest_entries(path: Path) -> tuple[Graph, list[URIRef]]:
    g = Graph().parse(path, format="turtle")
    manifest = next(g.subjects(predicate=MF.entries))
    return g, list(Collection(g, g.value(manifest, MF.entries)))  # type: ignore[arg-type]


def _headers(g: Graph, node: object) -> dict[str, str]:
    lst = g.value(node, HT.headers)  # type: ignore[arg-type]
    if lst is None:
        return {}
    return {
        str(g.value(h, HT.fieldName)).lower(): str(g.value(h, HT.fieldValue))
        for h in Collection(g, lst)
    }


def load_cases(path: Path) -> list[Case]:
    g, entries = _manifest_entries(path)
    cases = []
    for entry in entries:
        action = g.value(entry, MF.action)
        requests = []
        for req in Collection(g, g.value(action, HT.requests)):  # type: ignore[arg-type]
            resp = g.value(req, HT.resp)
            body_node = g.value(req, HT.body)
            resp_body = g.value(resp, HT.body)
            statuses: set[int] = set()
            for s in g.objects(resp, MF.expectedStatus):
                statuses |= _STATUS[s]  # type: ignore[index]
            boolean = g.value(resp, MF.expectedBoolean)
            fmt = g.value(resp, MF.expectedFormat)
            requests.append(
                Request(
                    method=str(g.value(req, HT.methodName)),
                    path=str(g.value(req, HT.absolutePath)),
                    headers=_headers(g, req),
                    body=str(g.value(body_node, CNT.chars)) if body_node is not None else None,
                    statuses=statuses,
                    expected_format=str(fmt) if fmt is not None else None,
                    expected_boolean=boolean.toPython() if boolean is not None else None,  # type: ignore[union-attr]
                    expected_body=(
                        str(g.value(resp_body, CNT.chars)) if resp_body is not None else None
                    ),
                    expected_content_type=_headers(g, resp).get("content-type"),
                    capture_location=g.value(resp, MF.expectedLocation) is not None,
                )
            )
        data = [
            (path.parent / Path(str(g.value(d, UT.graph))).name, str(g.value(d, RDFS.label)))
            for d in g.objects(entry, UT.graphData)
        ]
        cases.append(Case(str(entry), str(g.value(entry, MF.name)), requests, data))
    return cases


PROTOCOL_CASES = load_cases(PROTOCOL)
GSP_CASES = load_cases(GSP)


def test_the_manifests_have_tests() -> None:
    assert len(PROTOCOL_CASES) == 34
    assert len(GSP_CASES) == 9
    assert all(c.requests for c in PROTOCOL_CASES + GSP_CASES)


def _is_update_request(case: Case, req: Request) -> bool:
    if "update" not in case.iri.rsplit("#", 1)[1]:
        return False
    return not req.headers.get("content-type", "").startswith("application/sparql-query")


def _check(req: Request, response, label: str) -> None:  # type: ignore[no-untyped-def]
    assert response.status_code in req.statuses, (
        f"{label}: status {response.status_code}, expected {sorted(req.statuses)[:3]}...; "
        f"body: {response.get_data(as_text=True)[:300]}"
    )
    if req.expected_format == "boolean":
        assert response.mimetype in (
            "application/sparql-results+json",
            "application/sparql-results+xml",
        ), label
    elif req.expected_format == "tabular":
        assert response.mimetype in (
            "application/sparql-results+json",
            "application/sparql-results+xml",
            "text/csv",
            "text/tab-separated-values",
        ), label
    elif req.expected_format == "RDF":
        assert response.mimetype in (
            "application/rdf+xml",
            "text/turtle",
            "application/n-triples",
        ), label
    if req.expected_boolean is not None:
        data = response.get_data(as_text=True)
        if response.mimetype == "application/sparql-results+json":
            assert response.get_json(force=True)["boolean"] is req.expected_boolean, label
        else:
            assert f"<boolean>{str(req.expected_boolean).lower()}</boolean>" in data, label
    if req.expected_content_type is not None:
        assert (
            response.headers["Content-Type"].replace(" ", "").lower()
            == req.expected_content_type.replace(" ", "").lower()
        ), label
    if req.expected_body is not None:
        got = Graph().parse(
            data=response.get_data(as_text=True), format=_RDFLIB_FORMATS[response.mimetype]
        )
        want = Graph().parse(data=req.expected_body, format="turtle")
        assert isomorphic(got, want), f"{label}: graphs differ:\n{response.get_data(as_text=True)}"


def _send(client: FlaskClient, req: Request, path: str, extra: dict[str, str]):  # type: ignore[no-untyped-def]
    headers = {k: v for k, v in req.headers.items() if k != "content-type"} | extra
    kwargs: dict[str, object] = {"method": req.method, "headers": headers}
    if req.body is not None:
        kwargs["data"] = req.body.encode("utf-8")
    if "content-type" in req.headers:
        kwargs["content_type"] = req.headers["content-type"]
    return client.open(path, **kwargs)  # type: ignore[arg-type]


def _params(cases: list[Case]) -> list[object]:
    return [
        pytest.param(
            c,
            id=c.iri.rsplit("#", 1)[1],
            marks=[pytest.mark.skip(reason=SKIP[c.iri])] if c.iri in SKIP else [],
        )
        for c in cases
    ]


@pytest.mark.parametrize("case", _params(PROTOCOL_CASES))
def test_sparql11_protocol(case: Case, make_app) -> None:  # type: ignore[no-untyped-def]
    store = KnowledgeStore()
    for data_file, graph in case.graph_data:
        store.oxigraph.load(
            io.BytesIO(data_file.read_bytes()),
            format=RdfFormat.N_TRIPLES,
            to_graph=NamedNode(graph),
        )
    client = make_app(store=store, update_token=TOKEN).test_client()
    for i, req in enumerate(case.requests):
        assert req.path.startswith("/sparql/")
        extra: dict[str, str] = {}
        path = req.path
        if _is_update_request(case, req):
            path = "/update" + req.path[len("/sparql/") :]
            extra["Authorization"] = f"Bearer {TOKEN}"
        _check(req, _send(client, req, path, extra), f"{case.name} [request {i + 1}]")


@pytest.mark.parametrize("case", _params(GSP_CASES))
def test_graph_store_protocol(case: Case, make_app) -> None:  # type: ignore[no-untyped-def]
    client = make_app(store=KnowledgeStore(), update_token=TOKEN).test_client()
    location = None
    for i, req in enumerate(case.requests):
        assert req.path.startswith("/gsp")
        path = "/rdf-graphs" + req.path[len("/gsp") :]
        if location is not None:
            path = path.replace("$LOCATION$", location)
        extra = (
            {"Authorization": f"Bearer {TOKEN}"} if req.method in ("PUT", "POST", "DELETE") else {}
        )
        response = _send(client, req, path, extra)
        _check(req, response, f"{case.name} [request {i + 1}]")
        if req.capture_location:
            location = response.headers["Location"]
