"""ontology/vocab.py against ontology/newskg.ttl, both ways (the Turtle is the source of truth)."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from extract.records import ActorKind, PolicyKind, SummitKind, TopicKind
from ontology.vocab import NKG, NKG_IRI, NKG_ONTOLOGY_IRI, Term

DECLARATION_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)

# The names the issue fixes as the public contract of the graph.
CONTRACT = (
    "Actor",
    "Person",
    "Country",
    "Organization",
    "Place",
    "Statement",
    "Policy",
    "Summit",
    "Topic",
    "Document",
    "speaker",
    "about",
    "text",
    "quote",
    "reportingVerb",
    "reportedBy",
    "isDirect",
    "date",
    "dateText",
    "participant",
    "location",
    "status",
    "initiatedBy",
    "outcome",
    "actor",
    "target",
    "commodity",
    "quantity",
    "unit",
    "charStart",
    "charEnd",
    "confidence",
    "sha256",
)


def declared_nkg_terms(graph: Graph) -> set[str]:
    return {
        str(s)
        for kind in DECLARATION_TYPES
        for s in graph.subjects(RDF.type, kind)
        if isinstance(s, URIRef) and str(s).startswith(NKG_IRI)
    }


def test_vocab_declares_some_terms(ontology_graph):
    # A comparison of two empty sets would pass; make sure there is something to compare.
    assert len(NKG.TERMS) >= 60
    assert len(declared_nkg_terms(ontology_graph)) >= 60


def test_vocab_every_constant_is_declared_in_turtle(ontology_graph):
    missing = {str(t) for t in NKG.all_terms()} - declared_nkg_terms(ontology_graph)
    assert not missing, f"constants with no declaration in newskg.ttl: {sorted(missing)}"


def test_vocab_every_declared_term_has_a_constant(ontology_graph):
    extra = declared_nkg_terms(ontology_graph) - {str(t) for t in NKG.all_terms()}
    assert not extra, f"terms declared in newskg.ttl with no constant in vocab.py: {sorted(extra)}"


def test_vocab_terms_are_unique():
    assert len(NKG.TERMS) == len(set(NKG.TERMS))


def test_vocab_every_nkg_iri_used_in_turtle_is_declared(ontology_graph):
    # Catches a typo such as nkg:Sumit in a subClassOf or domain: used but never declared.
    used = {
        str(n)
        for triple in ontology_graph
        for n in triple
        if isinstance(n, URIRef) and str(n).startswith(NKG_IRI)
    }
    assert used - declared_nkg_terms(ontology_graph) == set()


@pytest.mark.parametrize("name", CONTRACT)
def test_vocab_contract_term_is_present(name, ontology_graph):
    term = NKG.term(name)
    assert getattr(NKG, name) == term == NKG_IRI + name
    assert any((URIRef(term), RDF.type, kind) in ontology_graph for kind in DECLARATION_TYPES)


def test_vocab_terms_are_defined_by_the_ontology(ontology_graph):
    ontology = URIRef(NKG_ONTOLOGY_IRI)
    for term in NKG.all_terms():
        assert (URIRef(term), RDFS.isDefinedBy, ontology) in ontology_graph, term


def test_vocab_unknown_term_raises():
    with pytest.raises(KeyError):
        NKG.term("Sumit")
    with pytest.raises(AttributeError):
        NKG.Sumit  # noqa: B018


def test_vocab_term_local_name():
    assert NKG.speaker.local_name == "speaker"
    assert isinstance(NKG.Summit, Term)


@pytest.mark.parametrize(
    "kind",
    [*ActorKind, *TopicKind, *SummitKind, *PolicyKind],
    ids=lambda k: f"{type(k).__name__}.{k.name}",
)
def test_vocab_record_kind_is_an_ontology_class(kind, ontology_graph):
    assert (URIRef(NKG.term(kind.value)), RDF.type, OWL.Class) in ontology_graph


@pytest.mark.parametrize(
    ("kinds", "core"),
    [
        (SummitKind, "Summit"),
        (PolicyKind, "Policy"),
        (TopicKind, "Topic"),
    ],
)
def test_vocab_record_kinds_specialise_their_core_class(kinds, core, ontology_graph):
    core_iri = URIRef(NKG.term(core))
    for kind in kinds:
        supers = set(
            ontology_graph.transitive_objects(URIRef(NKG.term(kind.value)), RDFS.subClassOf)
        )
        assert core_iri in supers, kind
