"""NIF 2.0 export of the entity mentions, the form the GERBIL platform and most entity-linking
evaluators read.

Every ``nkg:Mention`` of the store (its document, ``nkg:charStart``/``nkg:charEnd``, surface
text and the entity it denotes) becomes a ``nif:Phrase`` in its article's ``nif:Context``:

- the context is ``<DOC#char=0,N>``, a ``nif:Context`` whose ``nif:isString`` is the article
  text (``nkg:articleText``);
- a mention is ``<DOC#char=S,E>`` (RFC 5147 offsets, as GERBIL expects) with ``nif:anchorOf``,
  ``nif:beginIndex``/``nif:endIndex`` (``xsd:nonNegativeInteger``), ``nif:referenceContext``
  and, when its entity is linked (``owl:sameAs`` a Wikidata item), ``itsrdf:taIdentRef``.

A mention whose entity is left unlinked (tied candidates, see ``nkg:candidate``) has no
``itsrdf:taIdentRef``: NIF has no way to say "one of these", and a guess would score as wrong.
Documents stored without their text (ingested before ``nkg:articleText`` existed) are skipped:
a NIF context without its string is unusable.
"""

from __future__ import annotations

from typing import IO

from pyoxigraph import Literal, NamedNode, QuerySolutions

from graph.store import KnowledgeStore
from ontology.vocab import NKG_IRI, OWL, RDF, WIKIDATA_ENTITY, XSD

NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
ITSRDF = "http://www.w3.org/2005/11/its/rdf#"
_RDF_TYPE = NamedNode(RDF.type)
_NNI = NamedNode(XSD.nonNegativeInteger)

_QUERY = f"""
PREFIX nkg: <{NKG_IRI}>
SELECT ?doc ?text ?start ?end ?anchor ?wd WHERE {{
  ?doc nkg:articleText ?text .
  ?mention a nkg:Mention ; nkg:referenceContext ?doc ; nkg:charStart ?start ;
           nkg:charEnd ?end ; nkg:anchorOf ?anchor .
  OPTIONAL {{
    ?mention nkg:denotes ?entity . ?entity <{OWL.sameAs}> ?wd .
    FILTER(STRSTARTS(STR(?wd), "{WIKIDATA_ENTITY}"))
  }}
}}"""


def _n(local: str, ns: str = NIF) -> NamedNode:
    return NamedNode(ns + local)


def _index(value: int) -> Literal:
    return Literal(str(value), datatype=_NNI)


def _string(iri: NamedNode, start: int, end: int) -> list[tuple[NamedNode, NamedNode, object]]:
    return [
        (iri, _RDF_TYPE, _n("String")),
        (iri, _RDF_TYPE, _n("RFC5147String")),
        (iri, _n("beginIndex"), _index(start)),
        (iri, _n("endIndex"), _index(end)),
    ]


def _context(doc: str, text: str) -> tuple[NamedNode, list]:
    iri = NamedNode(f"{doc}#char=0,{len(text)}")
    triples = [(iri, _RDF_TYPE, _n("Context")), *_string(iri, 0, len(text))]
    triples.append((iri, _n("isString"), Literal(text)))
    return iri, triples


def nif_triples(store: KnowledgeStore) -> list[tuple[NamedNode, NamedNode, object]]:
    """The NIF triples of every mention in ``store`` (contexts first seen, then phrases)."""
    results = store.oxigraph.query(_QUERY, use_default_graph_as_union=True)
    assert isinstance(results, QuerySolutions)
    contexts: dict[str, NamedNode] = {}
    triples: list[tuple[NamedNode, NamedNode, object]] = []
    for row in results:
        doc = row["doc"].value  # type: ignore[union-attr]
        if doc not in contexts:
            contexts[doc], context_triples = _context(doc, row["text"].value)  # type: ignore[union-attr]
            triples.extend(context_triples)
        start, end = int(row["start"].value), int(row["end"].value)  # type: ignore[union-attr]
        phrase = NamedNode(f"{doc}#char={start},{end}")
        triples.append((phrase, _RDF_TYPE, _n("Phrase")))
        triples.extend(_string(phrase, start, end))
        triples.append((phrase, _n("anchorOf"), Literal(row["anchor"].value)))  # type: ignore[union-attr]
        triples.append((phrase, _n("referenceContext"), contexts[doc]))
        if row["wd"] is not None:
            triples.append((phrase, _n("taIdentRef", ITSRDF), row["wd"]))
    return triples


def write_nif(store: KnowledgeStore, output: IO[bytes]) -> int:
    """Write the NIF 2.0 Turtle (in its N-Triples form) of ``store``'s mentions to ``output``;
    return how many mentions it wrote."""
    # Written line by line as N-Triples, which is Turtle too: an oxigraph store (and so its
    # writers) canonicalises xsd:nonNegativeInteger to xsd:integer, and NIF wants the former.
    triples = nif_triples(store)
    for s, p, o in triples:
        output.write(f"{s} {p} {o} .\n".encode())
    return sum(1 for _, p, o in triples if p == _RDF_TYPE and o == _n("Phrase"))
