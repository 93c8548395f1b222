"""Fixtures for the ontology tests: the three Turtle files as rdflib graphs, and a validator."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDF

from ontology import EXAMPLES_TTL, ONTOLOGY_TTL, SHAPES_TTL

SH = Namespace("http://www.w3.org/ns/shacl#")

# Prefixes for the small Turtle graphs the tests write by hand.
TURTLE_PREFIXES = """\
@prefix nkg:     <https://w3id.org/newskg/ontology#> .
@prefix owl:     <http://www.w3.org/2002/07/owl#> .
@prefix rdf:     <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs:    <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .
@prefix skos:    <http://www.w3.org/2004/02/skos/core#> .
@prefix prov:    <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix wd:      <http://www.wikidata.org/entity/> .
@prefix id:      <https://w3id.org/newskg/id/> .
"""


@dataclass(frozen=True)
class Violation:
    """One sh:ValidationResult, reduced to what the tests compare."""

    focus: URIRef
    path: URIRef | None
    component: str  # local name, e.g. "MaxCountConstraintComponent"
    value: object
    message: str


@dataclass(frozen=True)
class Report:
    conforms: bool
    violations: tuple[Violation, ...]
    text: str

    def has(
        self,
        component: str,
        path: URIRef | None = None,
        focus: URIRef | None = None,
        value: object = None,
    ) -> bool:
        return any(
            v.component == component
            and (path is None or v.path == path)
            and (focus is None or v.focus == focus)
            and (value is None or v.value == value)
            for v in self.violations
        )


def _report(conforms: bool, results: Graph, text: str) -> Report:
    violations = []
    for r in results.subjects(RDF.type, SH.ValidationResult):
        component = results.value(r, SH.sourceConstraintComponent)
        path = results.value(r, SH.resultPath)
        violations.append(
            Violation(
                focus=results.value(r, SH.focusNode),  # type: ignore[arg-type]
                path=path if isinstance(path, URIRef) else None,
                component=str(component).rsplit("#", 1)[-1],
                value=results.value(r, SH.value),
                message=str(results.value(r, SH.resultMessage) or ""),
            )
        )
    return Report(conforms, tuple(violations), text)


@pytest.fixture(scope="session")
def ontology_graph() -> Graph:
    return Graph().parse(ONTOLOGY_TTL, format="turtle")


@pytest.fixture(scope="session")
def shapes_graph() -> Graph:
    return Graph().parse(SHAPES_TTL, format="turtle")


@pytest.fixture(scope="session")
def examples_graph() -> Graph:
    return Graph().parse(EXAMPLES_TTL, format="turtle")


@pytest.fixture(scope="session")
def turtle() -> Callable[[str], Graph]:
    """Turtle text (without prefixes) -> graph, with the usual prefixes declared."""

    def parse(text: str) -> Graph:
        return Graph().parse(data=TURTLE_PREFIXES + text, format="turtle")

    return parse


@pytest.fixture(scope="session")
def validate(shapes_graph: Graph, ontology_graph: Graph) -> Callable[..., Report]:
    """Validate a graph against shapes.ttl the documented way (ontology mixed in, RDFS).

    ``with_ontology=False`` validates the graph on its own (how the ontology itself is checked).
    """
    import pyshacl

    def run(data: Graph, *, with_ontology: bool = True, inference: str = "rdfs") -> Report:
        if with_ontology:
            conforms, results, text = pyshacl.validate(
                data, shacl_graph=shapes_graph, ont_graph=ontology_graph, inference=inference
            )
        else:
            conforms, results, text = pyshacl.validate(
                data, shacl_graph=shapes_graph, inference=inference
            )
        return _report(bool(conforms), results, str(text))

    return run
