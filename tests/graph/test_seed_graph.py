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
    conforms, _, report = validate(
        seed_graph, shacl_graph=shapes, ont_graph=ontology, inference="rdfs", allow_warnings=True
    )
    assert conforms, report


def test_every_nkg_term_the_code_emits_is_declared_in_the_ontology(seed_graph):
    declared = {str(t) for t in NKG.all_terms()}
    ontology = rdflib.Graph().parse(ONTOLOGY_TTL)
    in_turtle = {str(s) for s in ontology.subjects() if str(s).startswith(NKG.IRI)}
    used = {str(p) for p in seed_graph.predicates() if str(p).startswith(NKG.IRI)}
    used |= {
        str(o) for o in seed_graph.objects(None, rdflib.RDF.type) if str(o).startswith(NKG.IRI)
    }
    assert used, "the seed graph uses no nkg: term at all"
    assert used <= declared & in_turtle, used - (declared & in_turtle)


def test_seed_graph_links_the_core_entities_to_wikidata(seed_graph):
    nkg = rdflib.Namespace(NKG.IRI)
    assert set(seed_graph.subjects(rdflib.RDF.type, nkg.Statement))
    same_as = {str(o) for o in seed_graph.objects(None, rdflib.OWL.sameAs)}
    for qid in ("Q15031", "Q22686", "Q148", "Q30", "Q865"):
        assert f"http://www.wikidata.org/entity/{qid}" in same_as


_PREFIXES = """
PREFIX nkg: <https://w3id.org/newskg/ontology#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


@pytest.mark.parametrize(
    ("what", "pattern"),
    [
        (
            "the Monday phone call between Trump and Xi, initiated by the United States",
            """
     ?m a nkg:PhoneCall ; nkg:participant ?trump , ?xi ; nkg:initiatedBy ?us ;
        nkg:dateText "Monday" ; nkg:status "held" .
     ?trump owl:sameAs wd:Q22686 . ?xi owl:sameAs wd:Q15031 . ?us owl:sameAs wd:Q30 .""",
        ),
        (
            "the meeting in South Korea with the trade-deal framework as its outcome",
            """
     ?m a nkg:Meeting ; nkg:participant ?trump , ?xi ; nkg:location ?korea ; nkg:outcome ?deal .
     ?deal a nkg:TradeAgreement .
     ?trump owl:sameAs wd:Q22686 . ?xi owl:sameAs wd:Q15031 . ?korea owl:sameAs wd:Q884 .""",
        ),
        (
            "the planned visit to Beijing in April",
            """
     ?m a nkg:Visit ; nkg:location ?beijing ; nkg:status "planned" ; nkg:dateText "April" ;
        nkg:participant ?trump .
     ?beijing owl:sameAs wd:Q956 . ?trump owl:sameAs wd:Q22686 .""",
        ),
        (
            "the pledge to buy 12 million metric tonnes of soybeans",
            """
     ?p a nkg:PurchaseCommitment ; nkg:status "pledged" ; nkg:commodity ?soy ;
        nkg:quantity 12000000.0 ; nkg:unit "metric tonne" ; nkg:actor ?china .
     ?soy owl:sameAs wd:Q11006 . ?china owl:sameAs wd:Q148 .""",
        ),
    ],
)
def test_seed_graph_holds_the_events_of_the_article(seed_store, what, pattern):
    assert seed_store.query(_PREFIXES + "ASK {" + pattern + "}"), what
