"""The NIF 2.0 export: contexts, phrases with offsets that slice their context, and a Wikidata
reference exactly where the entity is linked."""

from __future__ import annotations

import io

import pytest
from pyoxigraph import Literal, NamedNode, Quad
from rdflib import Graph, URIRef

from graph.nif import ITSRDF, NIF, write_nif
from graph.store import KnowledgeStore
from ontology.vocab import NKG

DOC = "https://example.org/doc/1"
TEXT = "Ana Lopez met the mayor of Springfield in Lisbon on Tuesday."
OWL_SAMEAS = NamedNode("http://www.w3.org/2002/07/owl#sameAs")
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
XSD_INT = NamedNode("http://www.w3.org/2001/XMLSchema#integer")


def _mention(g: NamedNode, key: str, surface: str, entity: str) -> list[Quad]:
    start = TEXT.index(surface)
    m = NamedNode(f"{DOC}/mention/{key}")
    return [
        Quad(m, RDF_TYPE, NamedNode(NKG.Mention), g),
        Quad(m, NamedNode(NKG.denotes), NamedNode(entity), g),
        Quad(m, NamedNode(NKG.anchorOf), Literal(surface), g),
        Quad(m, NamedNode(NKG.referenceContext), NamedNode(DOC), g),
        Quad(m, NamedNode(NKG.charStart), Literal(str(start), datatype=XSD_INT), g),
        Quad(m, NamedNode(NKG.charEnd), Literal(str(start + len(surface)), datatype=XSD_INT), g),
    ]


@pytest.fixture
def nif() -> Graph:
    store = KnowledgeStore()
    g = NamedNode(DOC)
    quads = [Quad(NamedNode(DOC), NamedNode(NKG.articleText), Literal(TEXT), g)]
    quads += _mention(g, "a", "Ana Lopez", "https://example.org/actor/ana")
    quads += _mention(g, "b", "Lisbon", "https://example.org/actor/lisbon")
    quads += _mention(g, "c", "Springfield", "https://example.org/actor/springfield")
    quads.append(
        Quad(
            NamedNode("https://example.org/actor/lisbon"),
            OWL_SAMEAS,
            NamedNode("http://www.wikidata.org/entity/Q597"),
            g,
        )
    )
    store.oxigraph.extend(quads)
    out = io.BytesIO()
    assert write_nif(store, out) == 3
    graph = Graph()
    graph.parse(data=out.getvalue().decode("utf-8"), format="turtle")
    return graph


def _phrase(surface: str) -> URIRef:
    start = TEXT.index(surface)
    return URIRef(f"{DOC}#char={start},{start + len(surface)}")


def test_the_context_is_the_whole_article_under_gerbil_offsets(nif: Graph) -> None:
    context = URIRef(f"{DOC}#char=0,{len(TEXT)}")
    assert str(nif.value(context, URIRef(NIF + "isString"))) == TEXT
    assert (context, None, URIRef(NIF + "Context")) in nif


@pytest.mark.parametrize("surface", ["Ana Lopez", "Lisbon", "Springfield"])
def test_a_phrase_offsets_slice_its_context_to_its_anchor(nif: Graph, surface: str) -> None:
    phrase = _phrase(surface)
    context = nif.value(phrase, URIRef(NIF + "referenceContext"))
    text = str(nif.value(context, URIRef(NIF + "isString")))
    begin = nif.value(phrase, URIRef(NIF + "beginIndex"))
    end = nif.value(phrase, URIRef(NIF + "endIndex"))
    assert begin.datatype == URIRef("http://www.w3.org/2001/XMLSchema#nonNegativeInteger")
    assert text[int(begin) : int(end)] == str(nif.value(phrase, URIRef(NIF + "anchorOf")))
    assert text[int(begin) : int(end)] == surface


@pytest.mark.parametrize(
    ("surface", "expected"),
    [("Lisbon", "http://www.wikidata.org/entity/Q597"), ("Ana Lopez", None)],
)
def test_only_a_linked_mention_carries_its_wikidata_reference(
    nif: Graph, surface: str, expected: str | None
) -> None:
    ref = nif.value(_phrase(surface), URIRef(ITSRDF + "taIdentRef"))
    assert (str(ref) if ref is not None else None) == expected


def test_a_document_without_its_text_gives_no_context() -> None:
    store = KnowledgeStore()
    g = NamedNode(DOC)
    store.oxigraph.extend(_mention(g, "a", "Ana Lopez", "https://example.org/actor/ana"))
    out = io.BytesIO()
    assert write_nif(store, out) == 0
