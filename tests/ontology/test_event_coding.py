"""PLOVER and CAMEO coding of the summit and policy classes (issue 4)."""

from __future__ import annotations

import re

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDFS, SKOS

from ontology import ONTOLOGY_TTL
from ontology.vocab import NKG

# The sixteen PLOVER event categories (PLOVER manual, "Event Categories").
PLOVER = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
}
# The CAMEO root code (first two digits) that each PLOVER category used here draws on.
CAMEO_ROOT = {
    "AGREE": "03",
    "CONSULT": "04",
    "SUPPORT": "05",
    "COOPERATE": "06",
    "AID": "07",
    "SANCTION": "16",
}


def n(name: str) -> URIRef:
    return URIRef(NKG.term(name))


def coded_classes() -> list[str]:
    """Summit and every class below it, every class below Policy (read from the Turtle)."""
    graph = Graph().parse(ONTOLOGY_TTL, format="turtle")

    def below(root: str) -> set[str]:
        return {
            str(c).rsplit("#", 1)[-1] for c in graph.transitive_subjects(RDFS.subClassOf, n(root))
        }

    return sorted(below("Summit") | (below("Policy") - {"Policy"}))


CODED = coded_classes()


def test_event_coding_covers_every_summit_and_policy_kind():
    assert len(CODED) == 6 + 11  # Summit and its 5 kinds; the 11 policy kinds
    assert "Summit" in CODED and "MilitaryAid" in CODED and "Policy" not in CODED


@pytest.mark.parametrize("name", CODED)
def test_event_coding_class_has_one_plover_category(name, ontology_graph):
    values = [str(v) for v in ontology_graph.objects(n(name), n("ploverCategory"))]
    assert len(values) == 1 and values[0] in PLOVER


@pytest.mark.parametrize("name", CODED)
def test_event_coding_class_has_one_cameo_code(name, ontology_graph):
    values = [str(v) for v in ontology_graph.objects(n(name), n("cameoCode"))]
    assert len(values) == 1 and re.fullmatch(r"[01][0-9]{2,3}", values[0])


@pytest.mark.parametrize("name", CODED)
def test_event_coding_cameo_code_is_in_the_plover_category_family(name, ontology_graph):
    plover = str(ontology_graph.value(n(name), n("ploverCategory")))
    cameo = str(ontology_graph.value(n(name), n("cameoCode")))
    assert cameo.startswith(CAMEO_ROOT[plover])


@pytest.mark.parametrize("name", CODED)
def test_event_coding_definition_states_the_codes(name, ontology_graph):
    definition = str(ontology_graph.value(n(name), SKOS.definition))
    assert str(ontology_graph.value(n(name), n("ploverCategory"))) in definition
    assert f"CAMEO {ontology_graph.value(n(name), n('cameoCode'))}" in definition


@pytest.mark.parametrize(
    ("name", "plover", "cameo"),
    [
        ("Summit", "CONSULT", "040"),
        ("PhoneCall", "CONSULT", "041"),
        ("Visit", "CONSULT", "042"),
        ("StateVisit", "CONSULT", "042"),
        ("Talks", "CONSULT", "046"),
        ("PurchaseCommitment", "AGREE", "0311"),
        ("TradeAgreement", "SUPPORT", "057"),
        ("Sanction", "SANCTION", "163"),
        ("Embargo", "SANCTION", "163"),
        ("Tariff", "SANCTION", "163"),
        ("ExportRestriction", "SANCTION", "163"),
        ("Aid", "AID", "070"),
        ("Subsidy", "AID", "071"),
        ("MilitaryAid", "AID", "072"),
    ],
)
def test_event_coding_class_is_coded(name, plover, cameo, ontology_graph):
    assert str(ontology_graph.value(n(name), n("ploverCategory"))) == plover
    assert str(ontology_graph.value(n(name), n("cameoCode"))) == cameo


def test_event_coding_only_summit_and_policy_kinds_are_coded(ontology_graph):
    coded = {str(s).rsplit("#", 1)[-1] for s in ontology_graph.subjects(n("cameoCode"), None)}
    assert coded == set(CODED)
