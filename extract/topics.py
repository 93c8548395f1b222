"""Topics: what statements and policies are about, beyond actors and places.

Topics come from the gazetteer (commodities, events: linked to Wikidata) and from lexicons
(``lexicons/topics.tsv``): each topic is one record per document with all its mentions.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from extract import lexicons
from extract.gazetteer import TOPIC_TYPES, Gazetteer, normalise
from extract.records import Mention, Topic, TopicKind
from extract.text import Layout

_KIND_OF_TYPE = {"commodity": TopicKind.COMMODITY, "chemical_group": TopicKind.COMMODITY,
                 "event": TopicKind.EVENT}


class TopicIndex:
    """The topics of one document and the tokens that mention them."""

    def __init__(self) -> None:
        self._topics: dict[str, Topic] = {}
        self._mentions: dict[str, list[Mention]] = {}
        self._by_token: dict[int, str] = {}

    def add(self, span: Span | None, label: str, kind: TopicKind, qid: str | None = None,
            description: str | None = None) -> str:
        """The key of the topic (created on first use); ``span`` is recorded as a mention."""
        key = qid or f"{kind.value}:{normalise(label)}"
        if key not in self._topics:
            self._topics[key] = Topic(key=key, label=label, kind=kind, mentions=(), qid=qid,
                                      description=description,
                                      link_confidence=0.9 if qid else None)
            self._mentions[key] = []
        if span is not None:
            self._mentions[key].append(Mention(span.text, span.start_char, span.end_char))
            for t in span:
                self._by_token.setdefault(t.i, key)
        return key

    def at(self, token: Token) -> str | None:
        return self._by_token.get(token.i)

    def in_span(self, span: Iterable[Token]) -> list[str]:
        keys: list[str] = []
        for t in span:
            k = self._by_token.get(t.i)
            if k and k not in keys:
                keys.append(k)
        return keys

    def get(self, key: str) -> Topic | None:
        return self._topics.get(key)

    @property
    def topics(self) -> tuple[Topic, ...]:
        out = []
        for key, topic in self._topics.items():
            mentions = tuple(sorted(self._mentions[key], key=lambda m: m.start))
            out.append(Topic(key=topic.key, label=topic.label, kind=topic.kind,
                             mentions=mentions, qid=topic.qid, description=topic.description,
                             link_confidence=topic.link_confidence))
        return tuple(out)


def find_topics(doc: Doc, gazetteer: Gazetteer, layout: Layout) -> TopicIndex:
    """Gazetteer commodities and events, wherever the text names them."""
    index = TopicIndex()
    matcher = _matcher(doc, gazetteer)
    for match_id, start, end in matcher(doc):
        span = doc[start:end]
        if layout.in_heading(span.start_char):
            continue
        qid = doc.vocab.strings[match_id]
        entry = gazetteer.by_qid.get(qid)
        if entry is None:
            continue
        index.add(span, entry.label, _KIND_OF_TYPE.get(entry.type, TopicKind.TOPIC), entry.qid,
                  entry.description)
    return index


_MATCHERS: dict[tuple[int, int], PhraseMatcher] = {}


def _matcher(doc: Doc, gazetteer: Gazetteer) -> PhraseMatcher:
    key = (id(doc.vocab), id(gazetteer))
    if key not in _MATCHERS:
        matcher = PhraseMatcher(doc.vocab, attr="LOWER")
        tokenizer_words = doc.vocab
        for e in gazetteer.entries:
            if e.type in TOPIC_TYPES:
                names = {e.label, *e.aliases}
                matcher.add(e.qid, [Doc(tokenizer_words, words=n.split()) for n in names])
        _MATCHERS[key] = matcher
    return _MATCHERS[key]


__all__ = ["TopicIndex", "find_topics", "lexicons"]
