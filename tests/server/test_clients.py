"""Third-party SPARQL clients against a served instance (waitress on 127.0.0.1): SPARQLWrapper
in every result format, and rdflib's SPARQLStore."""

from __future__ import annotations

import csv
import io
from xml.dom.minidom import Document

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, JSONLD, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

from tests.server.conftest import BASE, BROWSER_STATEMENT, DOC1, LiveServer

NKG = "https://w3id.org/newskg/ontology#"
XI = BASE + "entity/Q15031"
XI_ON_TAIWAN = f"""PREFIX nkg: <{NKG}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?s ?name ?text WHERE {{
  ?s a nkg:Statement ; nkg:speaker ?who ; nkg:about ?topic ; nkg:text ?text .
  ?who rdfs:label ?name . FILTER(CONTAINS(?name, "Xi"))
  ?topic rdfs:label ?t . FILTER(CONTAINS(?t, "Taiwan"))
}} ORDER BY ?s"""
STATEMENT_GRAPH = f"""PREFIX nkg: <{NKG}>
CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{DOC1}> {{ ?s a nkg:Statement ; ?p ?o }} }}"""
STATEMENT_2 = URIRef(DOC1 + "/statement/2")


def _wrapper(live_server: LiveServer, query: str, fmt: str, *, conneg: bool) -> SPARQLWrapper:
    w = SPARQLWrapper(live_server.sparql, agent="newskg-tests")
    w.setQuery(query)
    w.setReturnFormat(fmt)
    w.setTimeout(30)
    w.setOnlyConneg(conneg)
    return w


def _rows_from_delimited(body: bytes, delimiter: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(body.decode("utf-8")), delimiter=delimiter))


@pytest.mark.parametrize("conneg", [True, False], ids=["conneg", "format-param"])
def test_sparqlwrapper_select_json(live_server: LiveServer, conneg: bool) -> None:
    result = _wrapper(live_server, XI_ON_TAIWAN, JSON, conneg=conneg).query()
    assert result.response.headers["Content-Type"].startswith("application/sparql-results+json")
    doc = result.convert()
    assert doc["head"]["vars"] == ["s", "name", "text"]
    rows = doc["results"]["bindings"]
    assert [r["s"]["value"] for r in rows] == [DOC1 + "/statement/1", str(STATEMENT_2)]
    assert rows[0]["s"]["type"] == "uri" and rows[0]["name"]["value"] == "Xi Jinping"
    assert rows[1]["text"] == {"type": "literal", "value": BROWSER_STATEMENT}


@pytest.mark.parametrize("conneg", [True, False], ids=["conneg", "format-param"])
def test_sparqlwrapper_select_xml(live_server: LiveServer, conneg: bool) -> None:
    result = _wrapper(live_server, XI_ON_TAIWAN, XML, conneg=conneg).query()
    assert result.response.headers["Content-Type"].startswith("application/sparql-results+xml")
    doc = result.convert()
    assert isinstance(doc, Document)
    variables = [v.getAttribute("name") for v in doc.getElementsByTagName("variable")]
    assert variables == ["s", "name", "text"]
    uris = [u.firstChild.data for u in doc.getElementsByTagName("uri")]
    literals = [lit.firstChild.data for lit in doc.getElementsByTagName("literal")]
    assert uris == [DOC1 + "/statement/1", str(STATEMENT_2)]
    assert "Xi Jinping" in literals and BROWSER_STATEMENT in literals


@pytest.mark.parametrize("conneg", [True, False], ids=["conneg", "format-param"])
def test_sparqlwrapper_select_csv(live_server: LiveServer, conneg: bool) -> None:
    result = _wrapper(live_server, XI_ON_TAIWAN, CSV, conneg=conneg).query()
    assert result.response.headers["Content-Type"].startswith("text/csv")
    rows = _rows_from_delimited(result.convert(), ",")
    assert rows[0] == ["s", "name", "text"]
    assert rows[2] == [str(STATEMENT_2), "Xi Jinping", BROWSER_STATEMENT]


def test_sparqlwrapper_select_tsv(live_server: LiveServer) -> None:
    result = _wrapper(live_server, XI_ON_TAIWAN, TSV, conneg=True).query()
    assert result.response.headers["Content-Type"].startswith("text/tab-separated-values")
    rows = [line.split("\t") for line in result.convert().decode("utf-8").splitlines()]
    assert rows[0] == ["?s", "?name", "?text"]
    assert rows[2] == [f"<{STATEMENT_2}>", '"Xi Jinping"', f'"{BROWSER_STATEMENT}"']


def test_sparqlwrapper_construct_turtle(live_server: LiveServer) -> None:
    result = _wrapper(live_server, STATEMENT_GRAPH, TURTLE, conneg=False).query()
    assert result.response.headers["Content-Type"].startswith("text/turtle")
    g = Graph().parse(data=result.convert(), format="turtle")
    assert g.value(STATEMENT_2, URIRef(NKG + "text")) == Literal(BROWSER_STATEMENT)
    assert g.value(STATEMENT_2, URIRef(NKG + "speaker")) == URIRef(XI)


@pytest.mark.parametrize(
    ("fmt", "media"), [(RDFXML, "application/rdf+xml"), (JSONLD, "application/ld+json")]
)
def test_sparqlwrapper_construct_parsed_graph(
    live_server: LiveServer, fmt: str, media: str
) -> None:
    result = _wrapper(live_server, STATEMENT_GRAPH, fmt, conneg=True).query()
    assert result.response.headers["Content-Type"].startswith(media)
    g = result.convert()
    assert isinstance(g, Graph)
    assert g.value(STATEMENT_2, URIRef(NKG + "text")) == Literal(BROWSER_STATEMENT)
    assert (STATEMENT_2, URIRef(NKG + "about"), URIRef(BASE + "entity/Q865")) in g


# SPARQLWrapper's default mode (no setOnlyConneg) also sends the format as request parameters
# `format`, `output` and `results`; for tsv / rdf+xml / json-ld each of them twice (the short
# name, then the media type). Repeats that agree are accepted.
@pytest.mark.parametrize(
    ("query", "fmt", "media"),
    [
        (XI_ON_TAIWAN, TSV, "text/tab-separated-values"),
        (STATEMENT_GRAPH, RDFXML, "application/rdf+xml"),
        (STATEMENT_GRAPH, JSONLD, "application/ld+json"),
    ],
    ids=["select-tsv", "construct-rdfxml", "construct-jsonld"],
)
def test_sparqlwrapper_default_mode_repeated_format(
    live_server: LiveServer, query: str, fmt: str, media: str
) -> None:
    result = _wrapper(live_server, query, fmt, conneg=False).query()
    assert result.response.status == 200
    assert result.response.headers["Content-Type"].startswith(media)


def test_sparqlwrapper_default_mode_construct_xml_is_rdfxml(live_server: LiveServer) -> None:
    result = _wrapper(live_server, STATEMENT_GRAPH, XML, conneg=False).query()
    assert result.response.headers["Content-Type"].startswith("application/rdf+xml")
    g = result.convert()
    assert isinstance(g, Graph)
    assert g.value(STATEMENT_2, URIRef(NKG + "text")) == Literal(BROWSER_STATEMENT)


@pytest.mark.parametrize("return_format", ["xml", "json"])
def test_rdflib_sparqlstore(live_server: LiveServer, return_format: str) -> None:
    store = SPARQLStore(live_server.sparql, returnFormat=return_format)
    try:
        g = Graph(store=store)
        rows = list(g.query(XI_ON_TAIWAN))
        assert [(str(r.s), str(r.name)) for r in rows] == [
            (DOC1 + "/statement/1", "Xi Jinping"),
            (str(STATEMENT_2), "Xi Jinping"),
        ]
        assert rows[1].text == Literal(BROWSER_STATEMENT)
        assert isinstance(rows[0].s, URIRef)
        assert g.query(f"ASK {{ <{XI}> ?p ?o }}").askAnswer is True
        labels = {
            str(o)
            for o in g.objects(URIRef(XI), URIRef("http://www.w3.org/2000/01/rdf-schema#label"))
        }
        assert labels == {"Xi Jinping"}
        if return_format == "xml":  # its Accept then also offers RDF/XML for graph results
            built = g.query(STATEMENT_GRAPH).graph
            assert built is not None
            assert built.value(STATEMENT_2, URIRef(NKG + "text")) == Literal(BROWSER_STATEMENT)
    finally:
        store.close()
