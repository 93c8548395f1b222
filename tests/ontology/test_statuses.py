"""The status values of extract.records are the ones the SHACL shapes allow."""

from __future__ import annotations

import pytest
from rdflib import URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH

from extract.records import PolicyStatus, SummitStatus
from ontology.vocab import NKG

SHAPES = "https://w3id.org/newskg/shapes#"


def _allowed(shapes_graph, shape: str) -> set[str]:
    for prop in shapes_graph.objects(URIRef(SHAPES + shape), SH.property):
        if (prop, SH.path, URIRef(NKG.status)) in shapes_graph:
            return {str(v) for v in Collection(shapes_graph, shapes_graph.value(prop, SH["in"]))}
    raise AssertionError(f"{shape} has no nkg:status property")


@pytest.mark.parametrize(
    ("enum", "shape"), [(PolicyStatus, "PolicyShape"), (SummitStatus, "SummitShape")]
)
def test_record_statuses_are_the_shapes_status_values(shapes_graph, enum, shape):
    assert {s.value for s in enum} == _allowed(shapes_graph, shape)
