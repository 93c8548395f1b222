"""One resource per real-world entity across documents, through the real pipeline."""

from __future__ import annotations

import datetime as dt

import pytest
from pyoxigraph import QuerySolutions

from graph.mapping import to_quads

pytestmark = pytest.mark.model

BEIJING_ARTICLE = (
    "Chinese President Xi Jinping said on Tuesday that Taiwan's return to China was an "
    "integral part of the post-war order. Xi also told visiting officials that trade ties "
    "should stay stable."
)
GENEVA_ARTICLE = (
    "Xi Jinping told delegates in Geneva that China would keep its markets open. "
    '"We will not close the door," Xi said.'
)
XI = "http://www.wikidata.org/entity/Q15031"


def _ingest(store, extract_text, doc_id: str, text: str) -> None:
    result = extract_text(text, dt.date(2025, 11, 4), doc_id=doc_id)
    store.replace_document(doc_id, result.document.sha256, to_quads(result, store.minter.base))


def _rows(store, sparql: str) -> list[tuple[str, ...]]:
    result = store.query(sparql)
    assert isinstance(result, QuerySolutions)
    names = [v.value for v in result.variables]
    return [tuple(str(sol[n].value) for n in names) for sol in result]


def test_two_articles_mentioning_xi_give_one_xi_with_statements_from_both(store, extract_text):
    _ingest(store, extract_text, "beijing", BEIJING_ARTICLE)
    _ingest(store, extract_text, "geneva", GENEVA_ARTICLE)

    xis = _rows(store, f"SELECT DISTINCT ?xi WHERE {{ ?xi owl:sameAs <{XI}> }}")
    assert len(xis) == 1
    documents = _rows(
        store,
        f"""
        SELECT DISTINCT ?id WHERE {{
          ?s a nkg:Statement ; nkg:speaker/owl:sameAs <{XI}> ; prov:wasDerivedFrom ?d .
          ?d nkg:documentId ?id }} ORDER BY ?id""",
    )
    assert documents == [("beijing",), ("geneva",)]


def test_the_merge_is_visible_documents_and_surface_forms_are_kept(store, extract_text):
    _ingest(store, extract_text, "beijing", BEIJING_ARTICLE)
    _ingest(store, extract_text, "geneva", GENEVA_ARTICLE)

    mentioned_in = _rows(
        store,
        f"""
        SELECT ?id WHERE {{ ?xi owl:sameAs <{XI}> ; nkg:mentionedIn ?d . ?d nkg:documentId ?id }}
        ORDER BY ?id""",
    )
    assert mentioned_in == [("beijing",), ("geneva",)]
    # Each document states the forms it used, in its own graph (so re-ingesting it replaces
    # them); the union holds the triple once per document, hence DISTINCT.
    forms = _rows(store, f"SELECT DISTINCT ?f WHERE {{ ?xi owl:sameAs <{XI}> ; skos:altLabel ?f }}")
    assert forms == [("Xi",)], "the short form is kept beside the label"


def test_reingesting_one_article_keeps_the_entity_for_the_other(store, extract_text):
    _ingest(store, extract_text, "beijing", BEIJING_ARTICLE)
    _ingest(store, extract_text, "geneva", GENEVA_ARTICLE)

    store.remove_document("beijing")

    assert _rows(store, f"SELECT ?l WHERE {{ ?xi owl:sameAs <{XI}> ; rdfs:label ?l }}") == [
        ("Xi Jinping",)
    ]
    mentioned_in = _rows(store, f"SELECT ?d WHERE {{ ?xi owl:sameAs <{XI}> ; nkg:mentionedIn ?d }}")
    assert len(mentioned_in) == 1
