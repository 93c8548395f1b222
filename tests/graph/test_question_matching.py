"""How a question's names find what an article wrote, on a graph built by hand for the test:
a full name whose particles are written otherwise, a bare record of an alias, an
organisation's own meeting as the topic of a statement, a phrase the graph holds whole."""

from __future__ import annotations

import pytest

from extract.question_records import Intent, NameRef, Question
from graph.questions import answer, resolve
from graph.store import KnowledgeStore

E = "https://w3id.org/newskg/id/entity/"
D = "https://w3id.org/newskg/id/doc/t/"

_GRAPH = f"""
PREFIX nkg: <https://w3id.org/newskg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
INSERT DATA {{
  <{E}person/omar> a nkg:Actor, nkg:Person ; rdfs:label "Omar al-Farouk al-Nasser" ;
      nkg:role "Qatar energy minister" .
  <{E}person/omar-rashid> a nkg:Actor, nkg:Person ; rdfs:label "Omar Rashid" .
  <{E}org/forum> a nkg:Actor, nkg:Organization ; rdfs:label "Gulf Producers Forum" .
  <{E}org/council> a nkg:Actor, nkg:Organization ; rdfs:label "Harbour Council" .
  <{E}org/community> a nkg:Actor, nkg:Organization ; rdfs:label "Northern Community" ;
      skos:altLabel "NC" .
  <{E}org/nc> a nkg:Actor, nkg:Organization ; rdfs:label "NC" .
  <{E}topic/levy> a nkg:Topic ; rdfs:label "Harbour Council levy" .
  <{D}summit/own> a nkg:Summit ; rdfs:label "meeting of Gulf Producers Forum" ;
      nkg:participant <{E}org/forum> .
  <{D}summit/joint> a nkg:Summit ; rdfs:label "meeting of the forum and the council" ;
      nkg:participant <{E}org/forum>, <{E}org/council> .
  <{D}s1> a nkg:Statement ; nkg:speaker <{E}person/omar> ; nkg:text "own meeting" ;
      prov:wasDerivedFrom <{D}> ; nkg:about <{D}summit/own> .
  <{D}s2> a nkg:Statement ; nkg:speaker <{E}person/omar> ; nkg:text "joint meeting" ;
      prov:wasDerivedFrom <{D}> ; nkg:about <{D}summit/joint> .
  <{D}s3> a nkg:Statement ; nkg:speaker <{E}person/omar> ; nkg:text "the forum" ;
      prov:wasDerivedFrom <{D}> ; nkg:about <{E}org/forum> .
  <{D}s4> a nkg:Statement ; nkg:speaker <{E}person/omar> ; nkg:text "the NC record" ;
      prov:wasDerivedFrom <{D}> ; nkg:about <{E}org/nc> .
}}"""


@pytest.fixture(scope="module")
def graph() -> KnowledgeStore:
    store = KnowledgeStore()
    store.oxigraph.update(_GRAPH)
    return store


def _name(role: str, *forms: str, person: bool = False) -> NameRef:
    return NameRef(role=role, text=forms[0], forms=forms, person=person)


@pytest.mark.parametrize(
    "typed, found",
    [
        ("Omar Farouk Al-Nasser", ["Omar al-Farouk al-Nasser"]),  # particles written otherwise
        ("Omar al-Nasser", ["Omar al-Farouk al-Nasser"]),  # the middle name left out
        ("omar nasser", ["Omar al-Farouk al-Nasser"]),
        ("Omar Farouk Al-Rashid", ["Omar Rashid"]),
        ("Omar Farouk Al-Said", []),  # another surname
        ("Ahmed Farouk al-Nasser", []),  # another given name
    ],
)
def test_a_full_name_finds_the_person_of_that_given_name_and_surname(graph, typed, found) -> None:
    matches = resolve(graph, _name("speaker", typed, person=True)).matches
    assert [m.label for m in matches] == found


def test_a_role_is_found_in_any_of_its_state_forms(graph) -> None:
    ref = _name("speaker", "Qatari energy minister", "Qatar energy minister", person=True)
    assert [(m.label, m.how) for m in resolve(graph, ref).matches] == [
        ("Omar al-Farouk al-Nasser", "role")
    ]


def _said_about(graph: KnowledgeStore, topic: str) -> set[str]:
    q = Question(
        text="(test)",
        intent=Intent.STATEMENTS,
        names=(_name("speaker", "Omar al-Farouk al-Nasser", person=True), _name("topic", topic)),
    )
    result = answer(graph, q)
    assert result.status == "answered", result.message
    return {r["text"] for r in result.results}


def test_a_statement_about_an_organisations_own_meeting_is_about_it(graph) -> None:
    # A meeting the forum holds with the council is about that meeting, not about the forum.
    assert _said_about(graph, "Gulf Producers Forum") == {"own meeting", "the forum"}


def test_a_bare_record_of_an_alias_is_not_a_rival_of_the_resource(graph) -> None:
    assert not resolve(graph, _name("topic", "NC")).ambiguous
    assert _said_about(graph, "NC") == {"the NC record"}


@pytest.mark.parametrize(
    "typed, main, found",
    [
        # The graph holds the phrase whole: that topic, not the council its first words name.
        ("the Harbour Council levy", "Harbour Council", ["Harbour Council levy"]),
        # Nothing holds the phrase: its main word's resource, the other words unused.
        ("the Harbour Council rules", "Harbour Council", ["Harbour Council"]),
    ],
)
def test_a_phrase_the_graph_holds_whole_means_that_not_its_main_word(
    graph, typed, main, found
) -> None:
    ref = NameRef(role="topic", text=typed, forms=(main,), ignored=typed.rsplit(" ", 1)[-1])
    resolved = resolve(graph, ref)
    assert [m.label for m in resolved.matches] == found
    assert (resolved.name.ignored is None) == (found != [main])
