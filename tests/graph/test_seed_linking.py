"""Issue-level checks of Wikidata linking on the seed graph, and exports other stores load."""

from __future__ import annotations

import io
import warnings

import pytest
import rdflib
from pyoxigraph import QuerySolutions
from tests_support import XI_TAIWAN_SENTENCE

from graph.store import EXPORT_FORMATS

pytestmark = pytest.mark.model

WD = "http://www.wikidata.org/entity/"


def _rows(store, sparql: str) -> list[tuple[str, ...]]:
    result = store.query(sparql)
    assert isinstance(result, QuerySolutions)
    names = [v.value for v in result.variables]
    return [tuple(str(sol[n].value) for n in names) for sol in result]


def test_speaker_and_about_by_qid_finds_xis_taiwan_sentence(seed_store):
    texts = _rows(
        seed_store,
        f"""
        PREFIX nkg: <https://w3id.org/newskg/ontology#>
        PREFIX owl: <http://www.w3.org/2002/07/owl#>
        SELECT ?text WHERE {{ ?s nkg:speaker/owl:sameAs <{WD}Q15031> ;
                              nkg:about/owl:sameAs <{WD}Q865> ; nkg:text ?text }}""",
    )
    assert texts == [(XI_TAIWAN_SENTENCE,)]


def test_a_capital_acting_as_speaker_is_the_state(seed_store):
    speakers = _rows(
        seed_store,
        """
        SELECT DISTINCT ?qid WHERE { ?s a nkg:Statement ; nkg:text ?text ;
                                      nkg:speaker/owl:sameAs ?qid .
                                      FILTER(STRSTARTS(?text, "Last month, Beijing")) }""",
    )
    assert speakers == [(f"{WD}Q148",)]


def test_a_capital_initiating_a_call_is_the_state(seed_store):
    initiators = _rows(
        seed_store,
        "SELECT DISTINCT ?qid WHERE { ?c a nkg:PhoneCall ; nkg:initiatedBy/owl:sameAs ?qid }",
    )
    assert initiators == [(f"{WD}Q30",)]


def test_linked_resources_carry_link_confidence_and_wikidata_description(seed_store):
    rows = _rows(
        seed_store,
        f"""
        SELECT ?confidence ?description WHERE {{ ?x owl:sameAs <{WD}Q148> ;
            nkg:confidence ?confidence ; schema:description ?description }}""",
    )
    assert len(rows) == 1
    confidence, description = rows[0]
    assert 0.6 <= float(confidence) <= 1.0
    assert description


@pytest.mark.parametrize("fmt", sorted(EXPORT_FORMATS))
def test_export_has_no_blank_nodes_and_parses_in_rdflib(seed_store, fmt):
    out = io.BytesIO()
    seed_store.export(fmt, out)
    rdflib_format = {
        "turtle": "turtle",
        "ntriples": "nt",
        "nquads": "nquads",
        "trig": "trig",
        "jsonld": "json-ld",
        "xml": "xml",
    }[fmt]
    data = rdflib.Dataset()
    with warnings.catch_warnings():  # rdflib's own parser calls its deprecated API
        warnings.filterwarnings("ignore", "Dataset.default_context", DeprecationWarning)
        data.parse(data=out.getvalue(), format=rdflib_format)

    triples = [q[:3] for q in data.quads((None, None, None, None))]
    assert len(triples) > 100
    blank = [t for t in triples if any(isinstance(term, rdflib.BNode) for term in t)]
    assert blank == [], "blank nodes would be renamed on every load into another store"
