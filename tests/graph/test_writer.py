"""The batch writer: several whole documents per transaction, the same graph as one each."""

from __future__ import annotations

import dataclasses

import pytest
from pyoxigraph import NamedNode, Quad
from store_records import TAIWAN, XI, extraction

from extract.records import Actor, ActorKind, Extraction, Mention
from graph.iris import ONTOLOGY_GRAPH
from graph.mapping import to_quads
from graph.store import KnowledgeStore
from graph.writer import BatchWriter, EncodedDocument, encode_document

PRESIDENT_XI = dataclasses.replace(XI, label="President Xi", mentions=(Mention("Xi", 0, 2),))
ANNA = Actor(
    key="anna-berg",
    label="Anna Berg",
    kind=ActorKind.PERSON,
    mentions=(Mention("Anna Berg", 0, 9),),
)


def encoded(store: KnowledgeStore, x: Extraction) -> EncodedDocument:
    info = x.document
    return encode_document(info.id, info.sha256, to_quads(x, store.minter.base), store.minter.base)


def content(store: KnowledgeStore) -> set[str]:
    """Every quad but the ontology's, as text."""
    ontology = f"<{ONTOLOGY_GRAPH}>"
    return {str(q) for q in store.oxigraph if str(q.graph_name) != ontology}


# New documents, a re-ingest with another text, a text seen under another id, and one entity
# named differently by two documents (the first label written must win).
SEQUENCE = (
    extraction("a"),
    extraction("b", "Xi spoke of Taiwan again.", speaker=PRESIDENT_XI),
    extraction("c", "Anna Berg spoke of Taiwan.", speaker=ANNA),
    extraction("a", "Xi spoke of Taiwan twice.", about=False),
    extraction("d", "Xi spoke of Taiwan again."),
    extraction("e", "Xi spoke of Taiwan at last."),
)


@pytest.mark.parametrize("batch", [1, 2, 3, 32])
def test_batched_writes_give_the_graph_of_one_transaction_per_document(batch):
    expected = KnowledgeStore()
    for x in SEQUENCE:
        expected.replace_document(
            x.document.id, x.document.sha256, to_quads(x, expected.minter.base)
        )
    store = KnowledgeStore()
    writer = BatchWriter(store, max_documents=batch)
    written = [w for x in SEQUENCE for w in writer.add(encoded(store, x))] + writer.flush()
    assert [w.document.id for w in written] == [x.document.id for x in SEQUENCE]
    assert all(w.error is None for w in written)
    assert content(store) == content(expected)


def test_a_batch_is_committed_whole_when_full_and_not_before():
    store = KnowledgeStore()
    writer = BatchWriter(store, max_documents=3)
    docs = [extraction(f"n{i}", f"Xi spoke of Taiwan {i} times.") for i in range(4)]
    assert writer.add(encoded(store, docs[0])) == []
    assert writer.add(encoded(store, docs[1])) == []
    assert not store.find_document(doc_id="n0"), "a queued document is not in the store yet"
    committed = writer.add(encoded(store, docs[2]))
    assert [w.document.id for w in committed] == ["n0", "n1", "n2"]
    assert all(store.find_document(doc_id=f"n{i}") for i in range(3))
    assert writer.add(encoded(store, docs[3])) == []
    assert [w.document.id for w in writer.flush()] == ["n3"]


def test_a_batch_is_committed_once_it_holds_max_bytes():
    store = KnowledgeStore()
    first = encoded(store, extraction("a"))
    writer = BatchWriter(store, max_documents=100, max_bytes=first.size + 1)
    assert writer.add(first) == []
    assert len(writer.add(encoded(store, extraction("b", "Xi spoke again.")))) == 2


def test_a_document_that_cannot_be_stored_fails_alone_and_leaves_nothing():
    store = KnowledgeStore()
    writer = BatchWriter(store, max_documents=3)
    good = [encoded(store, extraction(f"g{i}", f"Xi spoke of Taiwan {i} times.")) for i in (1, 2)]
    whole = encoded(store, extraction("bad", "Xi spoke of nothing."))
    bad = dataclasses.replace(whole, graph=whole.graph + b"<not a quad\n")
    written = writer.add(good[0]) + writer.add(bad) + writer.add(good[1])
    assert [(w.document.id, w.error is None) for w in written] == [
        ("g1", True),
        ("bad", False),
        ("g2", True),
    ]
    bad_graph = NamedNode(store.document_iri("bad"))
    assert not list(store.oxigraph.quads_for_pattern(None, None, None, bad_graph))
    assert all(store.find_document(doc_id=d.id) for d in good)


def test_encoding_refuses_a_quad_outside_the_document_graphs():
    store = KnowledgeStore()
    x = extraction("a")
    stray = Quad(NamedNode("http://x/s"), NamedNode("http://x/p"), NamedNode("http://x/o"))
    with pytest.raises(ValueError, match="outside the document's graphs"):
        encode_document("a", x.document.sha256, [*to_quads(x), stray], store.minter.base)


def test_encoded_document_keeps_labels_apart_for_the_writer():
    store = KnowledgeStore()
    doc = encoded(store, extraction("a"))
    iris = {iri for iri, _ in doc.labels}
    assert len(iris) == 2 == len(doc.labels), "one label per entity (Xi, Taiwan)"
    assert b"rdf-schema#label" not in doc.entities
    assert doc.quads == doc.graph.count(b"\n")
    assert TAIWAN.label.encode() in b"".join(line for _, line in doc.labels)
