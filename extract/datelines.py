"""The wire dateline's dash is a hard entity boundary.

spaCy's statistical NER reads across a dateline: "PEKING, March 3 - China said" gives the
DATE "March 3 - China", "BERLIN - Donald Trump said" the ORG "BERLIN - Donald Trump", so the
story's first actor is never an entity. The ``newskg_datelines`` component (after ``ner``,
before the gazetteer) cuts every entity that crosses a dateline's dash: the part before it keeps
DATE if it is the date ("March 3"), else it is the dateline's place (GPE); the part after it is
read again by the NER alone (its own small Doc, so the dateline cannot pull it), and the
gazetteer that runs next marks or adds the names it still misses.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from extract.text import Layout, doc_text


@Language.factory(
    "newskg_datelines",
    default_config={"ner": "ner"},
    requires=["doc.ents"],
    assigns=["doc.ents"],
)
def make_dateline_component(nlp: Language, name: str, ner: str) -> DatelineBoundary:
    return DatelineBoundary(nlp.get_pipe(ner))


class DatelineBoundary:
    """Cuts entities at a dateline's dash; ``ner`` reads the part after it again."""

    def __init__(self, ner: object) -> None:
        self.ner = ner

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        if not ents:
            return doc
        changed = False
        text = doc_text(doc)
        for dash, dash_end in Layout(text).dateline_dashes(text):
            crossing = [e for e in ents if e.start_char < dash and e.end_char > dash_end]
            for ent in crossing:
                i = ents.index(ent)
                following = ents[i + 1].start if i + 1 < len(ents) else len(doc)
                ents[i : i + 1] = self._cut(doc, ent, dash, dash_end, following)
                changed = True
        if changed:
            doc.ents = ents
        return doc

    def _cut(self, doc: Doc, ent: Span, dash: int, end: int, following: int) -> list[Span]:
        before = doc.char_span(ent.start_char, dash, alignment_mode="contract")
        after = doc.char_span(end, ent.end_char, alignment_mode="contract")
        parts = []
        if before is not None and len(before):
            dated = ent.label_ == "DATE" and any(t.like_num for t in before)
            parts.append(Span(doc, before.start, before.end, label="DATE" if dated else "GPE"))
        if after is not None and len(after):
            parts.extend(self._read_again(doc, after.start, ent.end, following))
        return parts

    def _read_again(self, doc: Doc, start: int, cut_end: int, following: int) -> list[Span]:
        """The NER's entities of the words from ``start`` to the sentence's end, those that
        begin inside the cut entity and stop before the next entity found already."""
        sent_end = doc[start].sent.end if doc.has_annotation("SENT_START") else len(doc)
        words = doc[start:sent_end]
        spaces = [bool(t.whitespace_) for t in words]
        sub = Doc(doc.vocab, words=[t.text for t in words], spaces=spaces)
        sub = self.ner(sub)  # type: ignore[operator]
        return [
            Span(doc, start + e.start, start + e.end, label=e.label)
            for e in sub.ents
            if start + e.start < cut_end and start + e.end <= following
        ]
