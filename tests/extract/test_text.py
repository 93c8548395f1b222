"""Layout: headings and datelines."""

from __future__ import annotations

import pytest
import spacy

from extract.document import extract_document
from extract.records import DocumentInfo
from extract.text import Layout, forget_caches, is_heading, span_text


def test_all_caps_title_is_a_heading():
    assert is_heading("LEADERS FAIL TO AGREE ON TRADE PACT")


def test_dateline_gives_place_not_sentence():
    layout = Layout("TITLE HERE NOW\n\nOSLO, May 3 - Norway said oil output fell.")
    assert layout.datelines and layout.datelines[0][2] == "OSLO"


@pytest.mark.model
def test_extraction_leaves_no_cache_on_the_doc(nlp, gazetteer):
    """The per-Doc caches (entities, text, programmes) hold Spans of the Doc: kept after
    extraction they would make a cycle that outlives the article."""
    text = "Minister Anna Berg said on Monday that Norway would buy wheat from Canada."
    doc = nlp(text)
    extract_document(doc, DocumentInfo(id="d", text=text, sha256="0" * 64), gazetteer)
    assert not [k for k in doc.user_data if isinstance(k, str) and k.startswith("newskg")]


@pytest.mark.parametrize(
    "text",
    [
        "Ministers met.  They agreed on a plan \n\nto cut tariffs. ",
        "  Leading spaces, then words\tand a tab.",
        "One",
    ],
)
def test_span_text_is_what_spacy_gives_for_every_span(text):
    doc = spacy.blank("en")(text)
    spans = [doc[i:j] for i in range(len(doc)) for j in range(i, len(doc) + 1)]
    assert [span_text(s) for s in spans] == [s.text for s in spans]
    forget_caches(doc)
