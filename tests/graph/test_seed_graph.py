"""The graph built from the seed article: valid against the shapes, only declared terms."""

from __future__ import annotations

import io

import pytest
import rdflib
from pyshacl import validate

from ontology import ONTOLOGY_TTL, SHAPES_TTL
from ontology.vocab import NKG

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def seed_graph(seed_store) -> rdflib.Graph:
    out = io.BytesIO()
    seed_store.export("ntriples", out)
    return rdflib.Graph().parse(data=out.getvalue(), format="nt")


def test_seed_graph_conforms_to_the_shapes(seed_graph):
    ontology = rdflib.Graph().parse(ONTOLOGY_TTL)
    shapes = rdflib.Graph().parse(SHAPES_TTL)
    conforms, _, report = validate(seed_graph, shacl_graph=shapes, ont_graph=ontology,
                                   inference="rdfs", allow_warnings=True)
    assert conforms, report


def test_every_nkg_term_the_code_emits_is_declared_in_the_ontology(seed_graph):
    declared = {str(t) for t in NKG.all_terms()}
    ontology = rdflib.Graph().parse(ONTOLOGY_TTL)
    in_turtle = {str(s) for s in ontology.subjects() if str(s).startswith(NKG.IRI)}
    used = {str(p) for p in seed_graph.predicates() if str(p).startswith(NKG.IRI)}
    used |= {str(o) for o in seed_graph.objects(None, rdflib.RDF.type)
             if str(o).startswith(NKG.IRI)}
    assert used, "the seed graph uses no nkg: term at all"
    assert used <= declared & in_turtle, used - (declared & in_turtle)


def test_seed_graph_links_the_core_entities_to_wikidata(seed_graph):
    nkg = rdflib.Namespace(NKG.IRI)
    assert set(seed_graph.subjects(rdflib.RDF.type, nkg.Statement))
    same_as = {str(o) for o in seed_graph.objects(None, rdflib.OWL.sameAs)}
    for qid in ("Q15031", "Q22686", "Q148", "Q30", "Q865"):
        assert f"http://www.wikidata.org/entity/{qid}" in same_as
