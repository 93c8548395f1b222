"""Records -> quads: deterministic IRIs, typing with core classes, provenance."""

from __future__ import annotations

from decimal import Decimal

from pyoxigraph import Literal, NamedNode

from extract.records import (
    Actor,
    ActorKind,
    DocumentInfo,
    Evidence,
    Extraction,
    Mention,
    Policy,
    PolicyKind,
    Summit,
    SummitKind,
)
from graph.iris import Minter, slug
from graph.mapping import to_quads
from ontology.vocab import NKG, OWL, RDF

TEXT = "Trump and Xi spoke by phone; China pledged to buy 12 million tonnes of soybeans."
TRUMP = Actor(
    key="Q22686",
    label="Donald Trump",
    kind=ActorKind.PERSON,
    qid="Q22686",
    mentions=(Mention("Trump", 0, 5),),
)
CHINA = Actor(
    key="Q148",
    label="People's Republic of China",
    kind=ActorKind.COUNTRY,
    qid="Q148",
    mentions=(Mention("China", 29, 34),),
)
EV = Evidence(0, 27, TEXT, 0, len(TEXT))


def example() -> Extraction:
    return Extraction(
        document=DocumentInfo(id="doc 1", text=TEXT, sha256="0" * 64),
        actors=(TRUMP, CHINA),
        summits=(
            Summit(
                key="m",
                kind=SummitKind.PHONE_CALL,
                label="call",
                evidence=EV,
                participants=("Q22686", "Q148"),
                status="held",
            ),
        ),
        policies=(
            Policy(
                key="p",
                kind=PolicyKind.MILITARY_AID,
                label="aid",
                evidence=EV,
                actor="Q148",
                quantity=Decimal("12000000"),
                unit="metric tonne",
            ),
        ),
    )


def test_same_extraction_gives_the_same_quads():
    assert sorted(map(str, to_quads(example()))) == sorted(map(str, to_quads(example())))


def test_specific_kinds_are_typed_with_their_core_class_too():
    quads = list(to_quads(example()))
    types = {(q.subject.value, q.object.value) for q in quads if q.predicate.value == RDF.type}
    summit = next(s for s, t in types if t == NKG.PhoneCall)
    assert (summit, NKG.Summit) in types
    policy = next(s for s, t in types if t == NKG.MilitaryAid)
    assert {(policy, NKG.Aid), (policy, NKG.Policy)} <= types
    china = next(s for s, t in types if t == NKG.Country)
    assert {(china, NKG.Place), (china, NKG.Actor)} <= types


def test_linked_entity_gets_wikidata_same_as_and_a_qid_iri():
    quads = list(to_quads(example(), "http://example.org/kg/"))
    same = [q for q in quads if q.predicate.value == OWL.sameAs]
    assert {q.object.value for q in same} == {
        "http://www.wikidata.org/entity/Q22686",
        "http://www.wikidata.org/entity/Q148",
    }
    assert NamedNode("http://example.org/kg/entity/Q22686") in {q.subject for q in same}


def test_quantity_is_a_decimal_literal():
    quads = list(to_quads(example()))
    qty = next(q.object for q in quads if q.predicate.value == NKG.quantity)
    assert qty == Literal(
        "12000000", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#decimal")
    )


def test_every_document_quad_is_in_the_document_graph_or_the_entities_graph():
    minter = Minter()
    graphs = {q.graph_name.value for q in to_quads(example())}
    assert graphs == {minter.document("doc 1"), minter.entities_graph}
    assert minter.document("doc 1").endswith("/doc/doc%201")


def test_slug_folds_case_accents_and_punctuation():
    assert slug("Société  Générale!") == slug("societe generale") == "societe-generale"


def test_slug_is_the_same_for_a_curly_and_a_straight_apostrophe():
    assert slug("Workers\u2019 Party") == slug("Workers' Party") == "workers-party"
