"""ontology/newskg.ttl: header, documentation, typing, and the semantics the graph layer uses."""

from __future__ import annotations

import datetime as dt

import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from ontology import ONTOLOGY_TTL
from ontology.vocab import NKG, NKG_ONTOLOGY_IRI

VANN = Namespace("http://purl.org/vocab/vann/")
PROV = Namespace("http://www.w3.org/ns/prov#")
SDO = Namespace("http://schema.org/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
ONTOLOGY = URIRef(NKG_ONTOLOGY_IRI)


def n(name: str) -> URIRef:
    return URIRef(NKG.term(name))


def classes_of(graph: Graph, node) -> set:
    """A class expression as a set of named classes (the members of an owl:unionOf, or itself)."""
    if isinstance(node, BNode):
        union = graph.value(node, OWL.unionOf)
        assert union is not None, "anonymous class expressions here are unions"
        return set(Collection(graph, union))
    return {node}


def test_ontology_parses_as_turtle(ontology_graph):
    assert len(ontology_graph) > 300
    assert ONTOLOGY_TTL.name == "newskg.ttl"


def test_ontology_has_one_header_with_the_ontology_iri(ontology_graph):
    assert list(ontology_graph.subjects(RDF.type, OWL.Ontology)) == [ONTOLOGY]


@pytest.mark.parametrize(
    ("predicate", "expected"),
    [
        (DCTERMS.created, Literal(dt.date(2026, 11, 26))),
        (OWL.versionInfo, Literal("0.1.0")),
        (DCTERMS.license, URIRef("https://opensource.org/licenses/MIT")),
        (VANN.preferredNamespacePrefix, Literal("nkg")),
        (VANN.preferredNamespaceUri, Literal("https://w3id.org/newskg/ontology#")),
    ],
)
def test_ontology_header_field_has_value(predicate, expected, ontology_graph):
    assert list(ontology_graph.objects(ONTOLOGY, predicate)) == [expected]


@pytest.mark.parametrize("predicate", [DCTERMS.title, DCTERMS.description])
def test_ontology_header_field_is_english_text(predicate, ontology_graph):
    values = list(ontology_graph.objects(ONTOLOGY, predicate))
    assert len(values) == 1 and values[0].language == "en" and len(values[0]) > 20


def test_ontology_imports_nothing(ontology_graph):
    # Tests run without network: alignments are subclass/subproperty links, not owl:imports.
    assert list(ontology_graph.objects(ONTOLOGY, OWL.imports)) == []


@pytest.mark.parametrize("name", NKG.TERMS)
def test_ontology_term_has_label_definition_and_defined_by(name, ontology_graph):
    term = n(name)
    labels = list(ontology_graph.objects(term, RDFS.label))
    definitions = list(ontology_graph.objects(term, SKOS.definition))
    assert [lab.language for lab in labels] == ["en"]
    assert [d.language for d in definitions] == ["en"]
    assert list(ontology_graph.objects(term, RDFS.isDefinedBy)) == [ONTOLOGY]


# (property, kind, functional, range)
PROPERTY_TYPING = [
    ("speaker", OWL.ObjectProperty, True, n("Actor")),
    ("about", OWL.ObjectProperty, False, None),
    ("text", OWL.DatatypeProperty, True, XSD.string),
    ("quote", OWL.DatatypeProperty, True, XSD.string),
    ("reportingVerb", OWL.DatatypeProperty, True, XSD.string),
    ("reportedBy", OWL.ObjectProperty, True, n("Actor")),
    ("isDirect", OWL.DatatypeProperty, True, XSD.boolean),
    ("date", OWL.DatatypeProperty, True, XSD.date),
    ("dateText", OWL.DatatypeProperty, True, XSD.string),
    ("earliestDate", OWL.DatatypeProperty, True, XSD.date),
    ("latestDate", OWL.DatatypeProperty, True, XSD.date),
    ("participant", OWL.ObjectProperty, False, n("Actor")),
    ("location", OWL.ObjectProperty, True, n("Place")),
    ("status", OWL.DatatypeProperty, True, XSD.string),
    ("initiatedBy", OWL.ObjectProperty, True, n("Actor")),
    ("outcome", OWL.ObjectProperty, False, n("Policy")),
    ("canonicalSummit", OWL.ObjectProperty, True, n("CanonicalSummit")),
    ("actor", OWL.ObjectProperty, True, n("Actor")),
    ("target", OWL.ObjectProperty, True, None),
    ("commodity", OWL.ObjectProperty, True, n("Topic")),
    ("quantity", OWL.DatatypeProperty, True, XSD.decimal),
    ("unit", OWL.DatatypeProperty, True, XSD.string),
    ("role", OWL.DatatypeProperty, False, XSD.string),
    ("country", OWL.ObjectProperty, False, n("Country")),
    ("affiliation", OWL.ObjectProperty, False, n("Actor")),
    ("mentionedIn", OWL.ObjectProperty, False, n("Document")),
    ("candidate", OWL.ObjectProperty, False, n("LinkCandidate")),
    ("candidateItem", OWL.ObjectProperty, True, OWL.Thing),
    ("denotes", OWL.ObjectProperty, True, None),
    ("anchorOf", OWL.DatatypeProperty, True, XSD.string),
    ("referenceContext", OWL.ObjectProperty, True, n("Document")),
    ("documentId", OWL.DatatypeProperty, True, XSD.string),
    ("sha256", OWL.DatatypeProperty, True, XSD.string),
    ("charLength", OWL.DatatypeProperty, True, XSD.nonNegativeInteger),
    ("articleText", OWL.DatatypeProperty, True, XSD.string),
    # Offsets and confidence are also stated on shared entities, once per article graph.
    ("charStart", OWL.DatatypeProperty, False, XSD.nonNegativeInteger),
    ("charEnd", OWL.DatatypeProperty, False, XSD.nonNegativeInteger),
    ("sentenceStart", OWL.DatatypeProperty, True, XSD.nonNegativeInteger),
    ("sentenceEnd", OWL.DatatypeProperty, True, XSD.nonNegativeInteger),
    ("confidence", OWL.DatatypeProperty, False, None),
    ("ploverCategory", OWL.AnnotationProperty, False, XSD.string),
    ("cameoCode", OWL.AnnotationProperty, False, XSD.string),
]


def test_ontology_property_typing_table_covers_every_property(ontology_graph):
    properties = {
        str(s)
        for kind in (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
        for s in ontology_graph.subjects(RDF.type, kind)
        if str(s).startswith(NKG.IRI)
    }
    assert properties == {NKG.term(name) for name, *_ in PROPERTY_TYPING}


@pytest.mark.parametrize(
    ("name", "kind", "functional", "range_"),
    PROPERTY_TYPING,
    ids=[row[0] for row in PROPERTY_TYPING],
)
def test_ontology_property_is_typed(name, kind, functional, range_, ontology_graph):
    term = n(name)
    kinds = set(ontology_graph.objects(term, RDF.type))
    assert kind in kinds
    assert len(kinds & {OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}) == 1
    assert (OWL.FunctionalProperty in kinds) == functional
    assert len(list(ontology_graph.objects(term, RDFS.domain))) == 1
    ranges = list(ontology_graph.objects(term, RDFS.range))
    assert len(ranges) == 1
    if range_ is not None:
        assert ranges == [range_]


def test_ontology_confidence_range_is_decimal_from_zero_to_one(ontology_graph):
    datatype = ontology_graph.value(n("confidence"), RDFS.range)
    assert (datatype, RDF.type, RDFS.Datatype) in ontology_graph
    assert ontology_graph.value(datatype, OWL.onDatatype) == XSD.decimal
    facets = {}
    restrictions = ontology_graph.value(datatype, OWL.withRestrictions)
    for restriction in Collection(ontology_graph, restrictions):
        for p, o in ontology_graph.predicate_objects(restriction):
            facets[p] = o.toPython()
    assert facets == {XSD.minInclusive: 0, XSD.maxInclusive: 1}


@pytest.mark.parametrize(
    ("name", "direction", "expected"),
    [
        ("date", RDFS.domain, {"Statement", "Summit", "Policy"}),
        ("dateText", RDFS.domain, {"Statement", "Summit", "Policy"}),
        ("earliestDate", RDFS.domain, {"Statement", "Summit", "Policy"}),
        ("speaker", RDFS.domain, {"Statement", "NonStatement"}),
        ("about", RDFS.domain, {"Statement", "NonStatement"}),
        ("about", RDFS.range, {"Actor", "Place", "Topic", "Policy", "Summit"}),
        ("status", RDFS.domain, {"Summit", "Policy"}),
        ("target", RDFS.range, {"Actor", "Place"}),
        ("mentionedIn", RDFS.domain, {"Actor", "Place", "Topic"}),
        ("text", RDFS.domain, {"Statement", "NonStatement", "Summit", "Policy"}),
        ("sentenceStart", RDFS.domain, {"Statement", "NonStatement", "Summit", "Policy"}),
        (
            "charStart",
            RDFS.domain,
            {"Statement", "NonStatement", "Summit", "Policy", "Actor", "Place", "Topic", "Mention"},
        ),
        (
            "confidence",
            RDFS.domain,
            {
                "Statement",
                "NonStatement",
                "Summit",
                "Policy",
                "Actor",
                "Place",
                "Topic",
                "LinkCandidate",
            },
        ),
        ("quote", RDFS.domain, {"Statement"}),
        ("isDirect", RDFS.domain, {"Statement"}),
        ("participant", RDFS.domain, {"Summit"}),
        ("quantity", RDFS.domain, {"Policy"}),
        ("sha256", RDFS.domain, {"Document"}),
    ],
)
def test_ontology_property_applies_to_classes(name, direction, expected, ontology_graph):
    node = ontology_graph.value(n(name), direction)
    assert classes_of(ontology_graph, node) == {n(c) for c in expected}


@pytest.mark.parametrize(
    ("sub", "sup"),
    [
        (n("Person"), n("Actor")),
        (n("Country"), n("Actor")),
        (n("Organization"), n("Actor")),
        (n("AnonymousSource"), n("Actor")),
        (n("GovernmentBody"), n("Organization")),
        (n("InternationalOrganization"), n("Organization")),
        (n("NewsOrganization"), n("Organization")),
        (n("Country"), n("Place")),
        (n("City"), n("Place")),
        (n("Commodity"), n("Topic")),
        (n("Event"), n("Topic")),
        (n("PhoneCall"), n("Summit")),
        (n("Meeting"), n("Summit")),
        (n("Talks"), n("Summit")),
        (n("Visit"), n("Summit")),
        (n("StateVisit"), n("Visit")),
        *[
            (n(p), n("Policy"))
            for p in (
                "PurchaseCommitment",
                "Tariff",
                "Sanction",
                "ExportRestriction",
                "ImportRestriction",
                "Quota",
                "Embargo",
                "TradeAgreement",
                "Subsidy",
                "Aid",
            )
        ],
        (n("MilitaryAid"), n("Aid")),
        # Alignments with reused vocabularies
        (n("Statement"), PROV.Entity),
        (n("Statement"), SDO.Claim),
        (n("Document"), PROV.Entity),
        (n("Document"), SDO.NewsArticle),
        (n("Actor"), PROV.Agent),
        (n("Actor"), FOAF.Agent),
        (n("Actor"), SEM.Actor),
        (n("Person"), SDO.Person),
        (n("Person"), FOAF.Person),
        (n("Organization"), SDO.Organization),
        (n("Organization"), FOAF.Organization),
        (n("Place"), SDO.Place),
        (n("Place"), SEM.Place),
        (n("Country"), SDO.Country),
        (n("City"), SDO.City),
        (n("Summit"), SEM.Event),
        (n("Summit"), SDO.Event),
    ],
    ids=lambda node: str(node).rsplit("#", 1)[-1].rsplit("/", 1)[-1],
)
def test_ontology_class_is_subclass(sub, sup, ontology_graph):
    assert (sub, RDFS.subClassOf, sup) in ontology_graph


@pytest.mark.parametrize(
    ("sub", "sup"),
    [
        (n("speaker"), PROV.wasAttributedTo),
        (n("about"), SDO.about),
        (n("participant"), SEM.hasActor),
        (n("location"), SEM.hasPlace),
        (n("date"), DCTERMS.date),
        (n("earliestDate"), SEM.hasEarliestBeginTimeStamp),
        (n("latestDate"), SEM.hasLatestEndTimeStamp),
        (n("documentId"), DCTERMS.identifier),
    ],
)
def test_ontology_property_is_subproperty(sub, sup, ontology_graph):
    assert (sub, RDFS.subPropertyOf, sup) in ontology_graph


def test_ontology_nonstatement_is_disjoint_with_statement(ontology_graph):
    assert (n("NonStatement"), OWL.disjointWith, n("Statement")) in ontology_graph


def test_ontology_nonstatement_is_not_a_statement(ontology_graph):
    supers = set(ontology_graph.transitive_objects(n("NonStatement"), RDFS.subClassOf))
    assert n("Statement") not in supers


@pytest.mark.parametrize(
    "status",
    [
        "held",
        "planned",
        "invited",
        "failed",
        "ongoing",
        "proposed",
        "announced",
        "pledged",
        "agreed",
        "imposed",
        "resumed",
        "suspended",
        "lifted",
        "threatened",
        "rejected",
    ],
)
def test_ontology_status_definition_lists_value(status, ontology_graph):
    definition = str(ontology_graph.value(n("status"), SKOS.definition))
    assert f'"{status}"' in definition
