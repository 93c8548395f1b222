"""The actor networks as SPARQL: ties, their weights and their direction, around one actor."""

from __future__ import annotations

import io

import pytest
from pyoxigraph import RdfFormat

from graph.network import NetworkError, edges_from_rows, network_sparql
from graph.store import KnowledgeStore
from ontology.vocab import PREFIXES

NKG = "https://w3id.org/newskg/ontology#"
E = "https://w3id.org/newskg/id/entity/"
A, B, C = E + "a", E + "b", E + "c"


def _store() -> KnowledgeStore:
    rdf_type = PREFIXES["rdf"] + "type"
    lines = []
    for iri, name in ((A, "Ann"), (B, "Bo"), (C, "Cy")):
        lines.append(f"<{iri}> <{rdf_type}> <{NKG}Actor> .")
        lines.append(f'<{iri}> <{PREFIXES["rdfs"]}label> "{name}" .')
    # two meetings of A and B, one of B and C; A speaks about B twice, C about A once
    for i, (x, y) in enumerate(((A, B), (A, B), (B, C)), 1):
        m = f"<urn:m{i}>"
        lines += [f"{m} <{rdf_type}> <{NKG}Summit> .", f"{m} <{NKG}participant> <{x}>, <{y}> ."]
    for i, (x, y) in enumerate(((A, B), (A, B), (C, A)), 1):
        s = f"<urn:s{i}>"
        lines += [
            f"{s} <{rdf_type}> <{NKG}Statement> .",
            f"{s} <{NKG}speaker> <{x}> .",
            f"{s} <{NKG}about> <{y}> .",
        ]
    store = KnowledgeStore()
    store.oxigraph.load(io.BytesIO("\n".join(lines).encode()), format=RdfFormat.TURTLE)
    return store


def _edges(
    store: KnowledgeStore, kind: str, around: str | None = None
) -> set[tuple[str, str, int]]:
    rows = store.oxigraph.query(network_sparql(kind, around=around))
    edges = edges_from_rows(
        [{v: s[v] for v in ("a", "aLabel", "b", "bLabel", "weight")} for s in rows], kind
    )  # type: ignore[union-attr]
    return {(e.source_label, e.target_label, e.weight) for e in edges}


def test_meetings_are_counted_once_per_pair() -> None:
    assert _edges(_store(), "summit") == {("Ann", "Bo", 2), ("Bo", "Cy", 1)}


def test_an_actors_meetings_put_it_first() -> None:
    assert _edges(_store(), "summit", around=B) == {("Bo", "Ann", 2), ("Bo", "Cy", 1)}


def test_an_actors_statement_ties_keep_their_direction() -> None:
    assert _edges(_store(), "statement", around=A) == {("Ann", "Bo", 2), ("Cy", "Ann", 1)}


def test_an_unknown_kind_is_refused() -> None:
    with pytest.raises(NetworkError, match="unknown kind"):
        network_sparql("friendship")
