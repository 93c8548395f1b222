"""Term constants for the newskg ontology and the vocabularies it reuses.

Every ``NKG`` constant names a term declared in ``newskg.ttl``; ``tests/ontology/test_vocab.py``
checks both directions (no constant without a declaration, no declaration without a constant).
Looking up a name that is not declared raises ``AttributeError``/``KeyError``: terms are never
minted on the fly.

The constants are plain ``str`` subclasses so that the lower layers stay free of any RDF library;
the graph layer turns them into store nodes.
"""

from __future__ import annotations

from typing import ClassVar


class Term(str):
    """An IRI of a vocabulary term."""

    __slots__ = ()

    @property
    def local_name(self) -> str:
        """The part after ``#`` or the last ``/``."""
        return self.rsplit("#", 1)[-1] if "#" in self else self.rsplit("/", 1)[-1]


class _Namespace:
    """A closed namespace: attributes are the declared terms, nothing else."""

    IRI: ClassVar[str]
    TERMS: ClassVar[tuple[str, ...]]

    def __init_subclass__(cls) -> None:
        for name in cls.TERMS:
            setattr(cls, name, Term(cls.IRI + name))

    @classmethod
    def term(cls, name: str) -> Term:
        """The term called ``name``; ``KeyError`` if the namespace does not declare it."""
        if name not in cls.TERMS:
            raise KeyError(f"{name!r} is not a term of <{cls.IRI}>")
        return Term(cls.IRI + name)

    @classmethod
    def all_terms(cls) -> frozenset[Term]:
        return frozenset(Term(cls.IRI + name) for name in cls.TERMS)


NKG_IRI = "https://w3id.org/newskg/ontology#"
NKG_ONTOLOGY_IRI = "https://w3id.org/newskg/ontology"


class NKG(_Namespace):
    """``nkg:`` — https://w3id.org/newskg/ontology#"""

    IRI = NKG_IRI
    TERMS = (
        # Core classes (public contract)
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
        # More specific actors, places and topics
        "AnonymousSource",
        "GovernmentBody",
        "InternationalOrganization",
        "NewsOrganization",
        "City",
        "Commodity",
        "Event",
        # Speech that did not happen (negated, declined): never an nkg:Statement
        "NonStatement",
        # Summit kinds
        "PhoneCall",
        "Meeting",
        "Talks",
        "Visit",
        "StateVisit",
        # Policy kinds
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
        "MilitaryAid",
        # Statement properties (public contract)
        "speaker",
        "about",
        "text",
        "quote",
        "reportingVerb",
        "reportedBy",
        "isDirect",
        "date",
        "dateText",
        # Summit properties (public contract)
        "participant",
        "location",
        "status",
        "initiatedBy",
        "outcome",
        # Policy properties (public contract)
        "actor",
        "target",
        "commodity",
        "quantity",
        "unit",
        # Provenance (public contract)
        "charStart",
        "charEnd",
        "confidence",
        "sha256",
        # Added beside the contract
        "role",
        "country",
        "affiliation",
        "mentionedIn",
        "LinkCandidate",
        "candidate",
        "candidateItem",
        "Mention",
        "denotes",
        "anchorOf",
        "referenceContext",
        "earliestDate",
        "latestDate",
        "documentId",
        "charLength",
        "articleText",
        "sentenceStart",
        "sentenceEnd",
        # Event coding of summit and policy classes (annotation properties)
        "ploverCategory",
        "cameoCode",
        # Cross-document identity of summits
        "CanonicalSummit",
        "canonicalSummit",
    )

    # Declared for type checkers; __init_subclass__ fills them in.
    Actor: ClassVar[Term]
    Person: ClassVar[Term]
    Country: ClassVar[Term]
    Organization: ClassVar[Term]
    Place: ClassVar[Term]
    Statement: ClassVar[Term]
    Policy: ClassVar[Term]
    Summit: ClassVar[Term]
    Topic: ClassVar[Term]
    Document: ClassVar[Term]
    AnonymousSource: ClassVar[Term]
    GovernmentBody: ClassVar[Term]
    InternationalOrganization: ClassVar[Term]
    NewsOrganization: ClassVar[Term]
    City: ClassVar[Term]
    Commodity: ClassVar[Term]
    Event: ClassVar[Term]
    NonStatement: ClassVar[Term]
    PhoneCall: ClassVar[Term]
    Meeting: ClassVar[Term]
    Talks: ClassVar[Term]
    Visit: ClassVar[Term]
    StateVisit: ClassVar[Term]
    PurchaseCommitment: ClassVar[Term]
    Tariff: ClassVar[Term]
    Sanction: ClassVar[Term]
    ExportRestriction: ClassVar[Term]
    ImportRestriction: ClassVar[Term]
    Quota: ClassVar[Term]
    Embargo: ClassVar[Term]
    TradeAgreement: ClassVar[Term]
    Subsidy: ClassVar[Term]
    Aid: ClassVar[Term]
    MilitaryAid: ClassVar[Term]
    speaker: ClassVar[Term]
    about: ClassVar[Term]
    text: ClassVar[Term]
    quote: ClassVar[Term]
    reportingVerb: ClassVar[Term]
    reportedBy: ClassVar[Term]
    isDirect: ClassVar[Term]
    date: ClassVar[Term]
    dateText: ClassVar[Term]
    participant: ClassVar[Term]
    location: ClassVar[Term]
    status: ClassVar[Term]
    initiatedBy: ClassVar[Term]
    outcome: ClassVar[Term]
    actor: ClassVar[Term]
    target: ClassVar[Term]
    commodity: ClassVar[Term]
    quantity: ClassVar[Term]
    unit: ClassVar[Term]
    charStart: ClassVar[Term]
    charEnd: ClassVar[Term]
    confidence: ClassVar[Term]
    sha256: ClassVar[Term]
    role: ClassVar[Term]
    country: ClassVar[Term]
    affiliation: ClassVar[Term]
    mentionedIn: ClassVar[Term]
    LinkCandidate: ClassVar[Term]
    candidate: ClassVar[Term]
    candidateItem: ClassVar[Term]
    Mention: ClassVar[Term]
    denotes: ClassVar[Term]
    anchorOf: ClassVar[Term]
    referenceContext: ClassVar[Term]
    earliestDate: ClassVar[Term]
    latestDate: ClassVar[Term]
    documentId: ClassVar[Term]
    charLength: ClassVar[Term]
    articleText: ClassVar[Term]
    sentenceStart: ClassVar[Term]
    sentenceEnd: ClassVar[Term]
    ploverCategory: ClassVar[Term]
    cameoCode: ClassVar[Term]
    CanonicalSummit: ClassVar[Term]
    canonicalSummit: ClassVar[Term]


class RDF(_Namespace):
    IRI = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    TERMS = ("type",)
    type: ClassVar[Term]


class RDFS(_Namespace):
    IRI = "http://www.w3.org/2000/01/rdf-schema#"
    TERMS = ("label", "comment", "subClassOf", "subPropertyOf", "domain", "range", "isDefinedBy")
    label: ClassVar[Term]
    comment: ClassVar[Term]
    subClassOf: ClassVar[Term]
    subPropertyOf: ClassVar[Term]
    domain: ClassVar[Term]
    range: ClassVar[Term]
    isDefinedBy: ClassVar[Term]


class OWL(_Namespace):
    IRI = "http://www.w3.org/2002/07/owl#"
    TERMS = ("sameAs", "Class", "ObjectProperty", "DatatypeProperty", "Ontology")
    sameAs: ClassVar[Term]
    Class: ClassVar[Term]
    ObjectProperty: ClassVar[Term]
    DatatypeProperty: ClassVar[Term]
    Ontology: ClassVar[Term]


class PROV(_Namespace):
    IRI = "http://www.w3.org/ns/prov#"
    TERMS = ("wasDerivedFrom", "wasAttributedTo")
    wasDerivedFrom: ClassVar[Term]
    wasAttributedTo: ClassVar[Term]


class DCTERMS(_Namespace):
    IRI = "http://purl.org/dc/terms/"
    TERMS = ("title", "date", "source", "identifier")
    title: ClassVar[Term]
    date: ClassVar[Term]
    source: ClassVar[Term]
    identifier: ClassVar[Term]


class SKOS(_Namespace):
    IRI = "http://www.w3.org/2004/02/skos/core#"
    TERMS = ("altLabel", "prefLabel", "definition")
    altLabel: ClassVar[Term]
    prefLabel: ClassVar[Term]
    definition: ClassVar[Term]


class SCHEMA(_Namespace):
    IRI = "http://schema.org/"
    TERMS = ("description",)
    description: ClassVar[Term]


class XSD(_Namespace):
    IRI = "http://www.w3.org/2001/XMLSchema#"
    TERMS = (
        "string",
        "boolean",
        "decimal",
        "date",
        "dateTime",
        "integer",
        "nonNegativeInteger",
        "double",
    )
    string: ClassVar[Term]
    boolean: ClassVar[Term]
    decimal: ClassVar[Term]
    date: ClassVar[Term]
    dateTime: ClassVar[Term]
    integer: ClassVar[Term]
    nonNegativeInteger: ClassVar[Term]
    double: ClassVar[Term]


WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"

PREFIXES: dict[str, str] = {
    "nkg": NKG.IRI,
    "rdf": RDF.IRI,
    "rdfs": RDFS.IRI,
    "owl": OWL.IRI,
    "prov": PROV.IRI,
    "dcterms": DCTERMS.IRI,
    "skos": SKOS.IRI,
    "schema": SCHEMA.IRI,
    "xsd": XSD.IRI,
    "wd": WIKIDATA_ENTITY,
}


def sparql_prefixes() -> str:
    """PREFIX lines for every namespace above, for queries written by hand."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
