"""Cross-document identity of summits: reports of one real-world event share a canonical IRI."""

from __future__ import annotations

import datetime as dt

import pytest

from extract.records import (
    Actor,
    ActorKind,
    DocumentInfo,
    Evidence,
    Extraction,
    Mention,
    Summit,
    SummitKind,
    TimeRef,
)
from graph.mapping import summit_month, to_quads
from ontology.vocab import NKG

TEXT = "Biden and Xi spoke by phone."
EV = Evidence(0, len(TEXT), TEXT, 0, len(TEXT))
BIDEN = Actor(
    key="b",
    label="Joe Biden",
    kind=ActorKind.PERSON,
    qid="Q6279",
    mentions=(Mention("Biden", 0, 5),),
)
XI = Actor(
    key="x",
    label="Xi Jinping",
    kind=ActorKind.PERSON,
    qid="Q15031",
    mentions=(Mention("Xi", 10, 12),),
)
ANON = Actor(key="a", label="anonymous source", kind=ActorKind.ANONYMOUS, mentions=())

COUNT_EVENTS = """
PREFIX nkg: <https://w3id.org/newskg/ontology#>
SELECT (COUNT(DISTINCT ?report) AS ?reports) (COUNT(DISTINCT ?event) AS ?events) WHERE {
  ?report a nkg:Summit .
  OPTIONAL { ?report nkg:canonicalSummit ?c }
  BIND(COALESCE(?c, ?report) AS ?event)
}"""


def report(
    doc_id: str, kind: SummitKind, time: TimeRef | None, parts: tuple[str, ...] = ("b", "x")
) -> Extraction:
    return Extraction(
        document=DocumentInfo(id=doc_id, text=TEXT, sha256=doc_id * 64),
        actors=(BIDEN, XI, ANON),
        summits=(
            Summit(key="m", kind=kind, label="call", evidence=EV, participants=parts, time=time),
        ),
    )


def canonical(x: Extraction) -> str | None:
    found = [q.object.value for q in to_quads(x) if q.predicate.value == NKG.canonicalSummit]
    return found[0] if found else None


NOV_13 = TimeRef("Monday", day=dt.date(2023, 11, 13))
NOVEMBER = TimeRef("this month", earliest=dt.date(2023, 11, 1), latest=dt.date(2023, 11, 30))


def test_a_call_dated_by_day_and_one_dated_by_its_month_are_one_event():
    a = canonical(report("a", SummitKind.PHONE_CALL, NOV_13))
    b = canonical(report("b", SummitKind.PHONE_CALL, NOVEMBER, parts=("x", "b")))
    assert a == b == "https://w3id.org/newskg/id/summit/call/2023-11/Q15031+Q6279"


def test_talks_and_a_summit_between_the_same_leaders_in_a_month_are_one_event():
    assert canonical(report("a", SummitKind.TALKS, NOV_13)) == canonical(
        report("b", SummitKind.SUMMIT, NOVEMBER)
    )


@pytest.mark.parametrize(
    ("other", "why"),
    [
        (
            report(
                "b",
                SummitKind.PHONE_CALL,
                TimeRef("in October", earliest=dt.date(2023, 10, 1), latest=dt.date(2023, 10, 31)),
            ),
            "another month",
        ),
        (report("b", SummitKind.MEETING, NOV_13), "a meeting is not a call"),
        (report("b", SummitKind.PHONE_CALL, NOV_13, parts=("b", "a")), "another participant"),
    ],
)
def test_reports_that_differ_in_month_kind_family_or_participants_are_not_linked(other, why):
    assert canonical(other) != canonical(report("a", SummitKind.PHONE_CALL, NOV_13)), why


@pytest.mark.parametrize(
    ("time", "parts"),
    [
        (None, ("b", "x")),
        (
            TimeRef(
                "several weeks ago", earliest=dt.date(2023, 10, 20), latest=dt.date(2023, 11, 3)
            ),
            ("b", "x"),
        ),
        (NOV_13, ("b",)),
        (NOV_13, ("b", "a")),
    ],
)
def test_no_identity_without_a_known_month_two_participants_or_shared_iris(time, parts):
    assert canonical(report("a", SummitKind.PHONE_CALL, time, parts)) is None


def test_summit_month_from_a_day_or_a_range_within_one_month():
    assert summit_month(NOV_13) == "2023-11" == summit_month(NOVEMBER)
    assert (
        summit_month(TimeRef("in 2023", earliest=dt.date(2023, 1, 1), latest=dt.date(2023, 12, 31)))
        is None
    )


def test_a_store_of_two_reports_counts_the_event_once(store):
    for x in (
        report("a", SummitKind.PHONE_CALL, NOV_13),
        report("b", SummitKind.PHONE_CALL, NOVEMBER),
        report("c", SummitKind.MEETING, None),
    ):
        store.replace_document(x.document.id, x.document.sha256, to_quads(x))
    (row,) = store.query(COUNT_EVENTS)
    assert (int(row["reports"].value), int(row["events"].value)) == (3, 2)


def test_the_event_leaves_the_store_with_its_last_report(store):
    for x in (
        report("a", SummitKind.PHONE_CALL, NOV_13),
        report("b", SummitKind.PHONE_CALL, NOVEMBER),
    ):
        store.replace_document(x.document.id, x.document.sha256, to_quads(x))
    ask = f"ASK {{ ?c a <{NKG.CanonicalSummit}> }}"
    store.remove_document("a")
    assert store.query(ask)
    store.remove_document("b")
    assert not store.query(ask)


@pytest.mark.model
def test_two_articles_reporting_one_call_link_it_to_one_event(extract_text, store):
    first = extract_text(
        "Joe Biden and Xi Jinping held a phone call on Monday.",
        dt.date(2023, 11, 15),
        doc_id="first",
    )
    second = extract_text(
        "Xi Jinping had a phone call with Joe Biden on Monday, Beijing said.",
        dt.date(2023, 11, 14),
        doc_id="second",
    )
    for x in (first, second):
        store.replace_document(x.document.id, x.document.sha256, to_quads(x))
    (row,) = store.query(COUNT_EVENTS)
    assert (int(row["reports"].value), int(row["events"].value)) == (2, 1)


def test_linked_reports_conform_to_the_shapes(store):
    import io

    import rdflib
    from pyshacl import validate

    from ontology import ONTOLOGY_TTL, SHAPES_TTL

    for x in (
        report("a", SummitKind.PHONE_CALL, NOV_13),
        report("b", SummitKind.PHONE_CALL, NOVEMBER),
    ):
        store.replace_document(x.document.id, x.document.sha256, to_quads(x))
    out = io.BytesIO()
    store.export("ntriples", out)
    data = rdflib.Graph().parse(data=out.getvalue(), format="nt")
    assert len(set(data.subjects(rdflib.RDF.type, rdflib.URIRef(NKG.CanonicalSummit)))) == 1
    conforms, _, text = validate(
        data,
        shacl_graph=rdflib.Graph().parse(SHAPES_TTL),
        ont_graph=rdflib.Graph().parse(ONTOLOGY_TTL),
        inference="rdfs",
        allow_warnings=True,
    )
    assert conforms, text
