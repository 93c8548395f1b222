"""Deciding which gazetteer entry (if any) a mention means, from its type and context.

A PERSON mention links only to a person item, a GPE/LOC mention only to a place or state, an
ORG mention only to an organisation-like item; when more than one candidate survives, nothing
is linked (an unlinked entity still becomes an actor with its own label).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from extract.gazetteer import PLACE_TYPES, Entry, Gazetteer


@dataclass(frozen=True, slots=True)
class Link:
    entry: Entry
    confidence: float


def link(span: Span, gazetteer: Gazetteer) -> Link | None:
    """The gazetteer entry ``span`` names, if its type and context allow only one."""
    if span.kb_id_ and span.kb_id_ in gazetteer.by_qid:
        return Link(gazetteer.by_qid[span.kb_id_], 0.95)
    label = span.label_
    candidates = gazetteer.lookup(span.text)
    if label == "PERSON":
        candidates = [e for e in candidates if e.type == "person"]
    elif label in ("GPE", "LOC"):
        candidates = [e for e in candidates if e.type in PLACE_TYPES]
    elif label == "ORG":
        candidates = [e for e in candidates if e.type != "person"]
    if len(candidates) == 1:
        return Link(candidates[0], 0.9)
    return None
