"""The SPARQL queries of ``newskg eval`` (gold JSON). ``__DOC__`` is replaced by the document IRI
(see :func:`bind_doc`); ``?doc``-free so that each query reads one document's graph plus the
shared entities and ontology graphs (KnowledgeStore queries see the union of graphs).
"""

from __future__ import annotations

import json

from newskg.evaluation.gold_match import Ref, name_key
from ontology.vocab import WIKIDATA_ENTITY

STATEMENTS_QUERY = """
SELECT ?s ?speaker ?text WHERE {
  GRAPH __DOC__ { ?s a nkg:Statement ; nkg:speaker ?speaker ; nkg:text ?text . }
} ORDER BY ?s
"""
"""Every statement of the document with its speaker and source sentence."""

STATEMENT_ABOUT_QUERY = """
SELECT ?s ?about WHERE {
  GRAPH __DOC__ { ?s a nkg:Statement ; nkg:about ?about . }
}
"""
"""(statement, nkg:about value) pairs of the document."""

ENTITIES_QUERY = """
SELECT DISTINCT ?e ?kind ?value WHERE {
  { SELECT DISTINCT ?e WHERE {
      GRAPH __DOC__ {
        { ?e nkg:mentionedIn ?anyDoc . }
        UNION
        { ?x nkg:speaker|nkg:about|nkg:reportedBy|nkg:participant|nkg:location|nkg:initiatedBy
             |nkg:actor|nkg:target|nkg:commodity ?e . }
      }
      FILTER(isIRI(?e))
  } }
  { ?e rdfs:label ?value . BIND("label" AS ?kind) }
  UNION { GRAPH __DOC__ { ?e skos:altLabel ?value . } BIND("alt" AS ?kind) }
  UNION { ?e owl:sameAs ?value . BIND("qid" AS ?kind) }
  UNION { ?e a ?value . BIND("type" AS ?kind) }
}
"""
"""Everything the document's graph refers to: labels (shared), altLabels (this document's
surface forms), owl:sameAs links and types, one (entity, kind, value) row each."""

ACTOR_LABELS_QUERY = """
SELECT DISTINCT ?a ?label WHERE {
  GRAPH __DOC__ { ?a nkg:mentionedIn ?anyDoc . }
  ?a a nkg:Actor ; rdfs:label ?label .
}
"""
"""Labels of the actors the document mentions (for ``not_entities``)."""

SUMMITS_QUERY = """
SELECT ?m ?kind ?start ?end ?status WHERE {
  GRAPH __DOC__ {
    ?m a nkg:Summit ; a ?kind ; nkg:charStart ?start ; nkg:charEnd ?end .
    OPTIONAL { ?m nkg:status ?status . }
  }
  ?kind rdfs:subClassOf* nkg:Summit .
  FILTER NOT EXISTS {
    GRAPH __DOC__ { ?m a ?sub . }
    ?sub rdfs:subClassOf+ ?kind .
    FILTER(?sub != ?kind)
  }
} ORDER BY ?m ?kind
"""
"""Summits with their most specific kind (a type no other type of theirs specialises), span
and status."""

SUMMIT_ROLES_QUERY = """
SELECT ?m ?role ?value WHERE {
  GRAPH __DOC__ {
    ?m a nkg:Summit .
    { ?m nkg:participant ?value . BIND("participant" AS ?role) }
    UNION { ?m nkg:location ?value . BIND("location" AS ?role) }
    UNION { ?m nkg:initiatedBy ?value . BIND("initiated_by" AS ?role) }
  }
}
"""
"""Who took part in, where, and who initiated each summit."""

POLICIES_QUERY = """
SELECT ?p ?kind ?start ?end ?status ?quantity ?unit WHERE {
  GRAPH __DOC__ {
    ?p a nkg:Policy ; a ?kind ; nkg:charStart ?start ; nkg:charEnd ?end .
    OPTIONAL { ?p nkg:status ?status . }
    OPTIONAL { ?p nkg:quantity ?quantity . }
    OPTIONAL { ?p nkg:unit ?unit . }
  }
  ?kind rdfs:subClassOf* nkg:Policy .
  FILTER NOT EXISTS {
    GRAPH __DOC__ { ?p a ?sub . }
    ?sub rdfs:subClassOf+ ?kind .
    FILTER(?sub != ?kind)
  }
} ORDER BY ?p ?kind
"""
"""Policies with their most specific kind (plain nkg:Policy counts as gold kind "Other")."""

POLICY_ROLES_QUERY = """
SELECT ?p ?role ?value WHERE {
  GRAPH __DOC__ {
    ?p a nkg:Policy .
    { ?p nkg:actor ?value . BIND("actor" AS ?role) }
    UNION { ?p nkg:target ?value . BIND("target" AS ?role) }
    UNION { ?p nkg:commodity ?value . BIND("commodity" AS ?role) }
  }
}
"""
"""Actor, target and commodity of each policy."""

# SPARQL twin of :func:`name_key`: straight quotes, collapsed white space, lower case.
_SPARQL_NORM = (
    'LCASE(REPLACE(REPLACE(REPLACE(REPLACE(STR({v}), "[\u2018\u2019\u201b\u2032]", "\'"), '
    '"[\u201c\u201d\u201f\u2033]", "\\""), "\\\\s+", " "), "^ | $", ""))'
)

QUESTION_QUERY = """
SELECT DISTINCT ?s ?text WHERE {
  GRAPH __DOC__ { ?s a nkg:Statement ; nkg:speaker ?sp ; nkg:about ?ab ; nkg:text ?text . }
  {
    VALUES ?spQid { __SPEAKER_QIDS__ }
    ?sp owl:sameAs ?spQid .
  } UNION {
    { ?sp rdfs:label ?spForm . } UNION { GRAPH __DOC__ { ?sp skos:altLabel ?spForm . } }
    FILTER(__NORM_SP__ IN (__SPEAKER_FORMS__))
  } UNION {
    GRAPH __DOC__ { ?sp a nkg:AnonymousSource . }
    FILTER(__SPEAKER_ANONYMOUS__)
  }
  {
    VALUES ?abQid { __ABOUT_QIDS__ }
    ?ab owl:sameAs ?abQid .
  } UNION {
    { ?ab rdfs:label ?abForm . } UNION { GRAPH __DOC__ { ?ab skos:altLabel ?abForm . } }
    FILTER(REPLACE(__NORM_AB__, "s$", "") IN (__ABOUT_FORMS__))
  }
} ORDER BY ?s
""".replace("__NORM_SP__", _SPARQL_NORM.format(v="?spForm")).replace(
    "__NORM_AB__", _SPARQL_NORM.format(v="?abForm")
)
"""A researcher's question "what did SPEAKER say about TOPIC" over one document: statements
whose speaker and one of whose ``nkg:about`` values match by QID or by normalised
label/altLabel (about: singular/plural-insensitive). Filled in by :func:`question_query`."""


def bind_doc(query: str, doc_iri: str) -> str:
    """Put a document IRI into a ``*_QUERY`` constant."""
    return query.replace("__DOC__", f"<{doc_iri}>")


def _lit(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def question_query(doc_iri: str, speaker: Ref, about: Ref) -> str:
    """:data:`QUESTION_QUERY` filled in for one question."""

    def qids(ref: Ref) -> str:
        return f"<{WIKIDATA_ENTITY}{ref.qid}>" if ref.qid else ""

    sp_forms = sorted({name_key(f) for f in speaker.forms})
    ab_forms = sorted({name_key(f, plural=True) for f in about.forms})
    return (
        bind_doc(QUESTION_QUERY, doc_iri)
        .replace("__SPEAKER_QIDS__", qids(speaker))
        .replace("__ABOUT_QIDS__", qids(about))
        .replace("__SPEAKER_FORMS__", ", ".join(_lit(f) for f in sp_forms))
        .replace("__ABOUT_FORMS__", ", ".join(_lit(f) for f in ab_forms))
        .replace("__SPEAKER_ANONYMOUS__", "true" if speaker.anonymous else "false")
    )
