"""Human-readable names of properties and classes, for the pages: the ontology's own
``rdfs:label``\\ s (``nkg:participant`` -> "participant"), and the few standard terms the graph
uses beside it. Read once from ``ontology/newskg.ttl``, the vocabulary's single source."""

from __future__ import annotations

from functools import cache

from pyoxigraph import Literal, NamedNode, RdfFormat, parse

from ontology import ONTOLOGY_TTL
from ontology.vocab import PREFIXES

_RDFS_LABEL = PREFIXES["rdfs"] + "label"
_STANDARD = {
    PREFIXES["rdf"] + "type": "type",
    PREFIXES["rdfs"] + "label": "label",
    PREFIXES["owl"] + "sameAs": "same as",
    PREFIXES["prov"] + "wasDerivedFrom": "derived from",
    PREFIXES["prov"] + "wasAttributedTo": "attributed to",
    PREFIXES["dcterms"] + "title": "title",
    PREFIXES["dcterms"] + "date": "date of publication",
    PREFIXES["dcterms"] + "source": "source",
    PREFIXES["skos"] + "altLabel": "also known as",
    PREFIXES["schema"] + "description": "description",
}


@cache
def term_labels() -> dict[str, str]:
    """IRI -> English label of every ontology term that has one, and of the standard terms."""
    labels = dict(_STANDARD)
    with open(ONTOLOGY_TTL, "rb") as f:
        for quad in parse(f, format=RdfFormat.TURTLE):
            obj = quad.object
            if (
                quad.predicate.value == _RDFS_LABEL
                and isinstance(quad.subject, NamedNode)
                and isinstance(obj, Literal)
                and obj.language in (None, "en")
            ):
                labels.setdefault(quad.subject.value, obj.value)
    return labels


def term_label(iri: str) -> str:
    """The label of a property or class; a term the ontology does not name is shown by its
    prefixed name (``ex:thing``) or, failing that, its IRI."""
    if (label := term_labels().get(iri)) is not None:
        return label
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return iri


@cache
def _superclasses() -> dict[str, frozenset[str]]:
    """Class IRI -> all its ontology superclasses (transitively)."""
    direct: dict[str, set[str]] = {}
    sub_class_of = PREFIXES["rdfs"] + "subClassOf"
    with open(ONTOLOGY_TTL, "rb") as f:
        for quad in parse(f, format=RdfFormat.TURTLE):
            if quad.predicate.value == sub_class_of and isinstance(quad.object, NamedNode):
                direct.setdefault(quad.subject.value, set()).add(quad.object.value)
    closed: dict[str, frozenset[str]] = {}
    for cls in direct:
        seen: set[str] = set()
        todo = list(direct[cls])
        while todo:
            sup = todo.pop()
            if sup not in seen:
                seen.add(sup)
                todo.extend(direct.get(sup, ()))
        closed[cls] = frozenset(seen)
    return closed


def most_specific(classes: list[str]) -> str | None:
    """The most specific of ``classes`` (one that is no other's superclass; the first by name
    when several are): a StateVisit that is also a Visit and a Summit is a StateVisit."""
    supers = _superclasses()
    implied = set().union(*(supers.get(c, frozenset()) for c in classes))
    candidates = sorted(c for c in classes if c not in implied)
    return candidates[0] if candidates else None


def with_superclasses(classes: set[str]) -> set[str]:
    """``classes`` and every ontology superclass of them (a Person is an Actor too)."""
    supers = _superclasses()
    return set(classes).union(*(supers.get(c, frozenset()) for c in classes))
