"""Layout: headings and datelines."""

from __future__ import annotations

import pytest

from extract.document import extract_document
from extract.records import DocumentInfo
from extract.text import Layout, is_heading


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
