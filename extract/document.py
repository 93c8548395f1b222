"""One document through every extractor: Doc in, :class:`Extraction` out."""

from __future__ import annotations

from spacy.tokens import Doc

from extract.actors import find_actors
from extract.gazetteer import Gazetteer
from extract.records import DocumentInfo, Extraction
from extract.statements import find_statements
from extract.text import Layout


def extract_document(doc: Doc, info: DocumentInfo, gazetteer: Gazetteer) -> Extraction:
    """Run every extractor over ``doc`` (whose text is ``info.text``)."""
    if doc.text != info.text:
        raise ValueError("the Doc was not made from this document's text")
    layout = Layout(doc.text)
    actors = find_actors(doc, gazetteer, layout)
    statements = tuple(find_statements(doc, actors, layout))
    return Extraction(
        document=info,
        actors=actors.actors,
        statements=statements,
    )
