"""Records -> quads: deterministic IRIs, typing with core classes, provenance."""

from __future__ import annotations

from dataclasses import replace
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


def test_a_tied_actor_keeps_its_candidates_with_their_confidence_in_its_article_graph():
    tied = Actor(
        key="Person:anna berg",
        label="Anna Berg",
        kind=ActorKind.PERSON,
        mentions=(Mention("Anna Berg", 0, 9),),
        candidates=(("Q20", 0.5), ("Q21", 0.5)),
    )
    extraction = Extraction(
        document=DocumentInfo(id="doc 2", text="Anna Berg said no.", sha256="1" * 64),
        actors=(tied,),
    )
    quads = list(to_quads(extraction))
    doc = NamedNode(Minter().document("doc 2"))
    candidates = [q.object for q in quads if q.predicate == NamedNode(NKG.candidate)]
    assert len(candidates) == 2
    items = {
        q.object.value: next(
            x.object.value
            for x in quads
            if x.subject == q.subject and x.predicate == NamedNode(NKG.confidence)
        )
        for q in quads
        if q.predicate == NamedNode(NKG.candidateItem)
    }
    assert items == {
        "http://www.wikidata.org/entity/Q20": "0.5",
        "http://www.wikidata.org/entity/Q21": "0.5",
    }
    assert all(q.graph_name == doc for q in quads if q.subject in candidates)
    assert not any(q.predicate == NamedNode(OWL.sameAs) for q in quads)


def test_every_mention_is_a_resource_with_its_offsets_text_and_entity():
    quads = list(to_quads(example()))
    mentions = {q.subject for q in quads if q.object == NamedNode(NKG.Mention)}
    assert len(mentions) == 2  # "Trump" and "China"

    def value(s, p):
        return next(q.object for q in quads if q.subject == s and q.predicate == NamedNode(p))

    trump = next(m for m in mentions if value(m, NKG.anchorOf).value == "Trump")
    assert value(trump, NKG.denotes) == NamedNode(Minter().entity("person", "", "Q22686"))
    assert (value(trump, NKG.charStart).value, value(trump, NKG.charEnd).value) == ("0", "5")
    assert value(trump, NKG.referenceContext) == NamedNode(Minter().document("doc 1"))


def test_a_summit_and_a_policy_carry_their_own_sentence_as_nkg_text():
    first, second = "Ann met Bo in Oslo on Monday.", "Oslo then lifted its duty on cod."
    text = f"{first} {second}"
    cut = len(first) + 1
    base = example()
    x = Extraction(
        document=DocumentInfo(id="doc 2", text=text, sha256="0" * 64),
        actors=base.actors,
        summits=(replace(base.summits[0], evidence=Evidence(4, 7, first, 0, len(first))),),
        policies=(
            replace(base.policies[0], evidence=Evidence(cut + 5, cut + 11, second, cut, len(text))),
        ),
    )
    quads = list(to_quads(x))
    typed = {q.object.value: q.subject for q in quads if q.predicate.value == RDF.type}
    texts = {(q.subject, q.object.value) for q in quads if q.predicate.value == NKG.text}
    assert texts == {(typed[NKG.Summit], first), (typed[NKG.Policy], second)}
    offsets = {
        (q.subject, q.predicate.value): int(q.object.value)
        for q in quads
        if q.predicate.value in (NKG.sentenceStart, NKG.sentenceEnd)
    }
    assert offsets[(typed[NKG.Policy], NKG.sentenceStart)] == cut
    assert text[cut : offsets[(typed[NKG.Policy], NKG.sentenceEnd)]] == second


def test_unnamed_speakers_are_one_resource_each_in_their_article_with_their_affiliation():
    lawyer = Actor(
        key="AnonymousSource:trump's lawyer@Q22686",
        label="Trump's lawyer (unnamed)",
        kind=ActorKind.ANONYMOUS,
        mentions=(Mention("his lawyer", 40, 50),),
        affiliation="Q22686",
    )
    police = Actor(
        key="AnonymousSource:police",
        label="police (unnamed)",
        kind=ActorKind.ANONYMOUS,
        mentions=(Mention("Police", 60, 66),),
    )
    extraction = replace(example(), actors=(TRUMP, CHINA, lawyer, police))
    quads = list(to_quads(extraction))
    doc = NamedNode(Minter().document("doc 1"))
    unnamed = {q.subject for q in quads if q.object == NamedNode(NKG.AnonymousSource)}
    assert len(unnamed) == 2
    assert all(s.value.startswith(doc.value + "/") for s in unnamed)
    (link,) = [q for q in quads if q.predicate == NamedNode(NKG.affiliation)]
    assert link.object == NamedNode(Minter().entity("person", TRUMP.label, TRUMP.qid))
    assert link.graph_name == doc
