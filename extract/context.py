"""What every extractor reads about one document, built once: :class:`DocContext`.

Extractors are functions ``(ctx) -> records``. The context holds the parse, the layout the
parser does not see (title, dateline, paragraphs), the actor and topic indexes, the
publication date and the quotations of the raw text. Its fields are fixed once built; the
indexes themselves are the shared, growing registries of who and what the document names
(an extractor may add an actor it resolves, as it did before the context existed).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc

from extract.actors import ActorIndex, find_actors
from extract.gazetteer import Gazetteer
from extract.quotes import find_quotes
from extract.records import DocumentInfo
from extract.text import Layout, doc_text
from extract.topics import TopicIndex, find_topics


@dataclass(frozen=True)
class DocContext:
    doc: Doc
    layout: Layout
    actors: ActorIndex
    topics: TopicIndex
    published: dt.date | None

    @cached_property
    def text(self) -> str:
        return doc_text(self.doc)

    @cached_property
    def quotes(self) -> tuple[tuple[int, int], ...]:
        """Character ranges of the quotations of the raw text, marks included."""
        return tuple(find_quotes(self.text))


def make_context(doc: Doc, info: DocumentInfo, gazetteer: Gazetteer) -> DocContext:
    """Build the context of ``doc`` (whose text must be ``info.text``)."""
    # doc_text keeps the text once: spaCy joins every token again on each ``doc.text``.
    text = doc_text(doc)
    if text != info.text:
        raise ValueError("the Doc was not made from this document's text")
    layout = Layout(text)
    doc._.newskg_published = info.date  # linking reads the article's date (rule "time")
    return DocContext(
        doc=doc,
        layout=layout,
        actors=find_actors(doc, gazetteer, layout),
        topics=find_topics(doc, gazetteer, layout),
        published=info.date,
    )


__all__ = ["DocContext", "make_context"]
