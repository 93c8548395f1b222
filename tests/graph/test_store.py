"""The store: one named graph per document, atomic replacement, union queries, export."""

from __future__ import annotations

import io

import pytest
import rdflib
from pyoxigraph import QuerySolutions
from store_records import extraction

from extract.records import Actor, ActorKind, Extraction, Mention
from graph.iris import ONTOLOGY_GRAPH
from graph.mapping import to_quads
from graph.store import KnowledgeStore, StoreError


def put(store: KnowledgeStore, x: Extraction) -> int:
    return store.replace_document(x.document.id, x.document.sha256, to_quads(x, store.minter.base))


def rows(store: KnowledgeStore, sparql: str) -> list[tuple[str, ...]]:
    result = store.query(sparql)
    assert isinstance(result, QuerySolutions)
    names = [v.value for v in result.variables]
    return [tuple(str(sol[n].value) for n in names) for sol in result]


def test_store_keeps_each_document_in_its_own_named_graph(store):
    put(store, extraction("a"))
    put(store, extraction("b", "Xi spoke of Taiwan again."))
    graphs = rows(store, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?d a nkg:Document } }")
    assert sorted(g for (g,) in graphs) == [store.document_iri("a"), store.document_iri("b")]


def test_reingesting_a_document_replaces_its_graph(store):
    put(store, extraction("a"))
    before = len(store)
    put(store, extraction("a"))
    assert len(store) == before
    put(store, extraction("a", about=False))
    assert rows(store, "SELECT ?s WHERE { ?s nkg:about ?o }") == []


def test_same_text_under_another_id_replaces_the_first_copy(store):
    put(store, extraction("a"))
    put(store, extraction("b"))
    docs = rows(store, "SELECT ?id WHERE { ?d a nkg:Document ; nkg:documentId ?id }")
    assert docs == [("b",)]


def test_entity_with_a_qid_is_one_resource_across_documents(store):
    put(store, extraction("a"))
    put(store, extraction("b", "Xi spoke of Taiwan again."))
    speakers = rows(store, "SELECT DISTINCT ?who WHERE { ?s nkg:speaker ?who }")
    assert len(speakers) == 1
    labels = rows(store, "SELECT ?l WHERE { ?who owl:sameAs wd:Q15031 ; rdfs:label ?l }")
    assert labels == [("Xi Jinping",)], "the shared description is written once"


def test_unlinked_entities_merge_by_normalised_label_and_kind(store):
    bessent = Actor(
        key="p",
        label="Scott Bessent",
        kind=ActorKind.PERSON,
        mentions=(Mention("Scott Bessent", 0, 13),),
    )
    put(store, extraction("a", "Scott Bessent spoke.", speaker=bessent))
    spaced = Actor(
        key="p",
        label="Scott  Bessent",
        kind=ActorKind.PERSON,
        mentions=(Mention("Scott  Bessent", 0, 14),),
    )
    put(store, extraction("b", "Scott  Bessent spoke again.", speaker=spaced))
    speakers = rows(store, "SELECT DISTINCT ?who WHERE { ?s nkg:speaker ?who }")
    assert len(speakers) == 1
    mentioned = rows(store, "SELECT ?d WHERE { ?who a nkg:Person ; nkg:mentionedIn ?d }")
    assert len(mentioned) == 2, "the merge is visible: both documents are recorded"


def test_removing_the_last_mention_forgets_the_entity(store):
    put(store, extraction("a"))
    assert store.remove_document("a")
    assert rows(store, "SELECT ?l WHERE { ?x owl:sameAs wd:Q15031 ; rdfs:label ?l }") == []
    assert not store.remove_document("a")


def test_ontology_is_loaded_in_its_own_graph_and_supports_subclass_queries(store):
    count = rows(
        store, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?c a owl:Class }} }}"
    )
    assert int(count[0][0]) > 10
    put(store, extraction("a"))
    actors = rows(store, "SELECT DISTINCT ?x WHERE { ?x a/rdfs:subClassOf* nkg:Actor }")
    assert len(actors) >= 2


def test_stats_count_documents_and_kinds_without_the_ontology(store):
    put(store, extraction("a"))
    stats = store.stats()
    assert (stats.documents, stats.statements, stats.actors) == (1, 1, 2)
    assert 0 < stats.quads < len(store)


@pytest.mark.parametrize(
    "fmt,rdflib_format",
    [
        ("turtle", "turtle"),
        ("ntriples", "nt"),
        ("xml", "xml"),
        ("jsonld", "json-ld"),
    ],
)
def test_export_parses_back_to_the_same_triples(store, fmt, rdflib_format):
    put(store, extraction("a"))
    out = io.BytesIO()
    store.export(fmt, out)
    parsed = rdflib.Graph().parse(data=out.getvalue(), format=rdflib_format)
    expected = int(
        rows(
            store,
            "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o "
            f"WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{ONTOLOGY_GRAPH}>) }} }}",
        )[0][0]
    )
    assert len(parsed) == expected


def test_export_of_one_document_keeps_the_entities_it_names(store):
    put(store, extraction("a"))
    put(store, extraction("b", "Another text entirely.", about=False))
    out = io.BytesIO()
    store.export("nquads", out, document="a")
    data = out.getvalue().decode()
    assert store.document_iri("b") not in data
    assert "Xi Jinping" in data


def test_export_rejects_unknown_format_and_document(store):
    with pytest.raises(StoreError, match="unknown format"):
        store.export("yaml", io.BytesIO())
    with pytest.raises(StoreError, match="no document"):
        store.export("turtle", io.BytesIO(), document="nope")


def test_malformed_query_raises_syntax_error_with_position(store):
    with pytest.raises(SyntaxError):
        store.query("SELECT ?x WHERE { ?x ")


def test_on_disk_store_persists_and_opens_read_only(tmp_path):
    with KnowledgeStore(tmp_path / "st") as kstore:
        put(kstore, extraction("a"))
    with KnowledgeStore(tmp_path / "st", read_only=True) as ro:
        assert ro.stats().documents == 1
        with pytest.raises(StoreError, match="read-only"):
            put(ro, extraction("b"))


def test_read_only_open_of_a_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no store"):
        KnowledgeStore(tmp_path / "missing", read_only=True)


def test_query_with_its_own_from_keeps_its_dataset(store):
    put(store, extraction("a"))
    put(store, extraction("b", "Xi spoke of Taiwan again."))
    only_a = rows(
        store, f"SELECT ?id FROM <{store.document_iri('a')}> WHERE {{ ?d nkg:documentId ?id }}"
    )
    assert only_a == [("a",)]


def test_second_writer_on_a_store_in_use_gets_a_clear_error(tmp_path):
    with KnowledgeStore(tmp_path / "st"):
        with pytest.raises(StoreError, match="in use by another process"):
            KnowledgeStore(tmp_path / "st")
