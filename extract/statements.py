"""Statements: who said what, from reporting verbs and their subjects."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Span, Token

from extract.actors import ActorIndex
from extract.records import Evidence, NonStatement, Policy, Statement, Summit
from extract.text import Layout
from extract.topics import TopicIndex

REPORTING_VERBS = frozenset({"say", "tell", "add", "stress", "reiterate", "announce", "confirm",
                             "warn", "urge", "write", "describe", "note"})
_QUOTES = "\"\u201c\u201d"


def evidence_of(span: Span, sent: Span) -> Evidence:
    return Evidence(span.start_char, span.end_char, sent.text, sent.start_char, sent.end_char)


def find_statements(
    doc: Doc,
    actors: ActorIndex,
    topics: TopicIndex,
    layout: Layout,
    published: dt.date | None = None,
    events: Sequence[Summit | Policy] = (),
) -> Iterator[Statement | NonStatement]:
    """Statements whose reporting verb has a subject that resolves to an actor."""
    for sent in doc.sents:
        if layout.in_heading(sent.start_char):
            continue
        for verb in sent:
            if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in REPORTING_VERBS:
                continue
            if any(c.dep_ == "neg" for c in verb.children):
                continue
            speaker = _speaker(verb, actors)
            if speaker is None:
                continue
            about = [k for k in [*actors.in_span(sent), *topics.in_span(sent)] if k != speaker]
            direct = any(ch in sent.text for ch in _QUOTES) and verb.i > sent.start + 1
            yield Statement(
                speaker=speaker,
                evidence=evidence_of(sent, sent),
                cue=verb.lemma_.lower(),
                direct=direct,
                about=tuple(about),
            )


def _speaker(verb: Token, actors: ActorIndex) -> str | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            for t in [child, *child.subtree]:
                key = actors.resolve(t)
                if key:
                    return actors.agent(key)
    return None
