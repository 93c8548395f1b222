"""Topics: what statements and policies are about, beyond actors and places.

Topics come from the gazetteer (commodities, events: linked to Wikidata) and from lexicons
(``lexicons/topics.tsv``): each topic is one record per document with all its mentions.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from extract import lexicons
from extract.actors import keys_in
from extract.gazetteer import TOPIC_TYPES, Gazetteer
from extract.names import programmes
from extract.narrower_topics import compounds, owned, prepositional, resolve_anaphora
from extract.normalise import name_key
from extract.records import Mention, Topic, TopicKind
from extract.text import Layout, doc_ents
from extract.word_patterns import WordPatterns

_KIND_OF_TYPE = {
    "commodity": TopicKind.COMMODITY,
    "chemical_group": TopicKind.COMMODITY,
    "event": TopicKind.EVENT,
}


class TopicIndex:
    """The topics of one document and the tokens that mention them."""

    def __init__(self) -> None:
        self._topics: dict[str, Topic] = {}
        self._mentions: dict[str, list[Mention]] = {}
        self._by_token: dict[int, str] = {}
        self._also: dict[int, str] = {}
        self._owners: dict[str, int] = {}
        self._anaphors: set[int] = set()

    def add(
        self,
        span: Span | None,
        label: str,
        kind: TopicKind,
        qid: str | None = None,
        description: str | None = None,
    ) -> str:
        """The key of the topic (created on first use); ``span`` is recorded as a mention."""
        key = qid or f"{kind.value}:{name_key(label)}"
        if key not in self._topics:
            self._topics[key] = Topic(
                key=key,
                label=label,
                kind=kind,
                mentions=(),
                qid=qid,
                description=description,
                link_confidence=0.9 if qid else None,
            )
            self._mentions[key] = []
        if span is not None:
            self._mentions[key].append(Mention(span.text, span.start_char, span.end_char))
            for t in span:
                self._by_token.setdefault(t.i, key)
        return key

    def at(self, token: Token) -> str | None:
        return self._by_token.get(token.i)

    def refine(self, span: Span, label: str, owner: int | None = None) -> str:
        """Record ``span`` as a mention of the narrower topic ``label`` ("oil prices" is the
        topic oil price) without taking its tokens from the topics they already mention
        ("oil" stays oil); :meth:`also` gives it at the span's head word. ``owner``: the token
        naming whose it is ("UK" in "the UK's rebate"), given by :meth:`owner`."""
        key = self.add(None, label, TopicKind.TOPIC)
        if owner is not None:
            self._owners.setdefault(key, owner)
        self._mentions[key].append(Mention(span.text, span.start_char, span.end_char))
        for t in span:
            self._by_token.setdefault(t.i, key)
        self._also[span.root.i] = key
        return key

    def owner(self, key: str) -> int | None:
        """The index of the token naming the owner of topic ``key``, if it has one."""
        return self._owners.get(key)

    def also(self, token: Token) -> str | None:
        """The narrower topic whose head ``token`` is, if it has one beside :meth:`at`'s."""
        key = self._also.get(token.i)
        return key if key is not None and key != self._by_token.get(token.i) else None

    def move(self, token: Token, key: str) -> None:
        """Make ``token`` a mention of topic ``key`` instead of any topic it mentioned before.

        A topic left with no mention by this is dropped: its only mentions were references to
        another topic.
        """
        old = self._by_token.get(token.i)
        if old is not None:
            self._mentions[old] = [
                m for m in self._mentions[old] if not (m.start <= token.idx < m.end)
            ]
            if not self._mentions[old]:
                del self._mentions[old], self._topics[old]
            for i, k in list(self._by_token.items()):
                if k == old and token.idx <= token.doc[i].idx < token.idx + len(token):
                    del self._by_token[i]
        self._mentions[key].append(Mention(token.text, token.idx, token.idx + len(token)))
        self._by_token[token.i] = key
        self._anaphors.add(token.idx)

    def is_anaphor(self, mention: Mention) -> bool:
        """Whether a mention only refers back to its topic ("the embargo") without naming it."""
        return mention.start in self._anaphors

    def in_span(self, span: Iterable[Token]) -> list[str]:
        return keys_in(self._by_token, span)

    def get(self, key: str) -> Topic | None:
        return self._topics.get(key)

    @property
    def topics(self) -> tuple[Topic, ...]:
        out = []
        for key, topic in self._topics.items():
            mentions = tuple(sorted(self._mentions[key], key=lambda m: m.start))
            out.append(
                Topic(
                    key=topic.key,
                    label=topic.label,
                    kind=topic.kind,
                    mentions=mentions,
                    qid=topic.qid,
                    description=topic.description,
                    link_confidence=topic.link_confidence,
                )
            )
        return tuple(out)


def find_topics(doc: Doc, gazetteer: Gazetteer, layout: Layout) -> TopicIndex:
    """Gazetteer commodities and events, and lexicon topics, wherever the text names them.

    Where matches overlap the longest wins ("arms embargo" over "embargo").
    """
    index = TopicIndex()
    found: list[Span] = []
    for match_id, start, end in _matcher(doc, gazetteer)(doc):
        found.append(Span(doc, start, end, label="gaz", kb_id=doc.vocab.strings[match_id]))
    for match_id, start, end in _lexicon_matches(doc):
        found.append(Span(doc, start, end, label="lex", kb_id=doc.vocab.strings[match_id]))
    progs = programmes(doc, gazetteer)
    for name in progs.names:
        found.append(Span(doc, name.start, name.end, label="prog"))
    for tok in doc:
        if (expanded := progs.acronyms.get(tok.text)) is not None:
            found.append(Span(doc, tok.i, tok.i + 1, label="prog", kb_id=expanded.text))
    covered = {i for sp in found for i in range(sp.start, sp.end)}
    found.extend(_misspelt(doc, covered))
    lexicon = {row["label"]: row for row in topic_rows()}
    seen: list[tuple[Span, str]] = []
    linked_names = [e for e in doc_ents(doc) if e.label_ in _NAME_LABELS and e.kb_id_]
    for span in sorted(filter_spans(found), key=lambda sp: sp.start):
        if layout.in_heading(span.start_char):
            continue
        if span.label_ == "lex" and any(
            e.start <= span.start and span.end <= e.end for e in linked_names
        ):
            continue  # "World Trade" in "World Trade Organization" (a known name) is no topic
        if span.label_ == "lex" and _verb_of_other_word(span):
            continue  # "to levy taxes" is no tariff, "curbs spending" no trade restriction
        if span.label_ == "prog":
            seen.append((span, index.add(span, span.kb_id_ or span.text, TopicKind.TOPIC)))
            continue
        if span.label_ == "gaz":
            entry = gazetteer.by_qid.get(span.kb_id_)
            if entry is not None:
                seen.append(
                    (
                        span,
                        index.add(
                            span,
                            entry.label,
                            _KIND_OF_TYPE.get(entry.type, TopicKind.TOPIC),
                            entry.qid,
                            entry.description,
                        ),
                    )
                )
            continue
        row = lexicon[span.kb_id_]
        qid = row.get("qid") or None
        entry = gazetteer.by_qid.get(qid) if qid else None
        seen.append(
            (
                span,
                index.add(
                    span,
                    row["label"],
                    TopicKind(row.get("kind") or "Topic"),
                    entry.qid if entry else None,
                    entry.description if entry else None,
                ),
            )
        )
    narrower: list[tuple[Span, str, int | None]]
    narrower = [(sp, label, None) for sp, label in compounds(doc, seen, layout)]
    narrower += [(sp, label, None) for sp, label in prepositional(doc, seen, layout)]
    narrower += owned(doc, seen, layout)
    seen.extend((span, index.refine(span, label, who)) for span, label, who in narrower)
    seen.sort(key=lambda sk: sk[0].start)
    resolve_anaphora(doc, index, seen, layout)
    return index


_NAME_LABELS = frozenset({"ORG", "PERSON", "GPE", "FAC"})


def _verb_of_other_word(span: Span) -> bool:
    """A one-word match that is a verb other than the topic's own word ("to levy taxes" is
    no tariff; the verb "veto" is the veto; gerunds such as "exporting" are listed forms)."""
    tok = span[0]
    return (
        len(span) == 1
        and tok.pos_ == "VERB"
        and tok.tag_ != "VBG"
        and (tok.lemma_.lower() != span.kb_id_.lower())
    )


@functools.cache
def topic_rows() -> tuple[dict[str, str], ...]:
    """The topic lexicon rows: the developers' ``topics.tsv`` first (it wins ties), then the
    IPTC Media Topics labels (``iptc_topics.tsv``) that name nothing ``topics.tsv`` names."""
    own = lexicons.table("topics.tsv")
    names = {
        n.lower() for r in own for n in (r["label"], *(r.get("variants") or "").split("|")) if n
    }
    iptc = tuple(r for r in lexicons.table("iptc_topics.tsv") if r["label"].lower() not in names)
    return (*own, *iptc)


def _misspelt(doc: Doc, covered: set[int]) -> list[Span]:
    """Nouns that are a one-word topic with one letter dropped ("sactions"): wire copy is
    often misspelt, and a dropped letter rarely makes another word."""
    forms = _one_letter_short()
    out = []
    for tok in doc:
        if tok.i in covered or tok.pos_ != "NOUN" or not tok.is_alpha or len(tok) < 6:
            continue
        label = forms.get(tok.lower_)
        if label is not None:
            out.append(Span(doc, tok.i, tok.i + 1, label="lex", kb_id=label))
    return out


@functools.cache
def _one_letter_short() -> dict[str, str]:
    exact: dict[str, str] = {}
    for row in lexicons.table("topics.tsv"):
        for name in (row["label"], *(v for v in (row.get("variants") or "").split("|") if v)):
            if " " not in name and "-" not in name:
                for form in plurals(name.lower()):
                    exact.setdefault(form, row["label"])
    short: dict[str, str] = {}
    for form, label in exact.items():
        if len(form) < 7:
            continue
        for i in range(len(form)):
            cut = form[:i] + form[i + 1 :]
            if cut not in exact:
                short.setdefault(cut, label)
    return short


# Words after which a topic name may take one modifier its lexicon form lacks.
_LINKS = frozenset({"on", "of", "off", "to", "for", "in", "against", "with"})
_MATCHERS: dict[tuple[int, int], PhraseMatcher] = {}
_LEXICON_MATCHERS: dict[int, tuple[PhraseMatcher, WordPatterns, dict[int, int]]] = {}


def _words(name: str) -> list[str]:
    """A name split the way the pipeline's tokenizer splits text ("rare-earth" -> 3 tokens)."""
    return [t.text for t in _tokenizer()(name)]


@functools.cache
def _tokenizer():
    # The English tokenizer rules are the model's: patterns then align with the Doc's tokens.
    return spacy.blank("en").tokenizer


def plurals(word: str) -> set[str]:
    """Regular English plural forms of a noun, so "tariffs" matches "tariff"."""
    forms = {word, word + "s"}
    if word.endswith(("s", "x", "ch", "sh", "o")):
        forms.add(word + "es")
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        forms.add(word[:-1] + "ies")
    return forms


def _matcher(doc: Doc, gazetteer: Gazetteer) -> PhraseMatcher:
    key = (id(doc.vocab), id(gazetteer))
    if key not in _MATCHERS:
        matcher = PhraseMatcher(doc.vocab, attr="LOWER")
        for e in gazetteer.of_types(TOPIC_TYPES):
            if e.type in TOPIC_TYPES:
                names = {e.label, *e.aliases}
                matcher.add(e.qid, [Doc(doc.vocab, words=_words(n)) for n in names if n.strip()])
        _MATCHERS[key] = matcher
    return _MATCHERS[key]


def _lexicon_matches(doc: Doc) -> list[tuple[int, int, int]]:
    """``(match_id, start, end)`` of every lexicon topic name in ``doc``, in text order.

    Names of plain words go to a PhraseMatcher (a lookup per token); names with an optional
    modifier after a linking word to :class:`WordPatterns` (a lookup by first word: spaCy's
    token Matcher, trying each pattern at every token, cost more than the rest of this module).
    """
    key = id(doc.vocab)
    if key not in _LEXICON_MATCHERS:
        phrases = PhraseMatcher(doc.vocab, attr="LOWER")
        matcher = WordPatterns()
        for row in topic_rows():
            names = {row["label"], *(v for v in (row.get("variants") or "").split("|") if v)}
            plain: list[Doc] = []
            linked: list[list[tuple[str, bool]]] = []
            for name in names:
                words = [w.lower() for w in _words(name)]
                if not words:
                    continue
                *head, last = words
                if not any(w in _LINKS for w in head):
                    plain.extend(
                        Doc(doc.vocab, words=[*head, form]) for form in sorted(plurals(last))
                    )
                    continue
                # "restrictions on Chinese imports", "write off African debt": one optional
                # modifier after a linking word.
                pattern = [(w, w in _LINKS) for w in head]
                linked.extend([*pattern, (form, False)] for form in sorted(plurals(last)))
            if plain:
                phrases.add(row["label"], plain)
            for steps in linked:
                matcher.add(doc.vocab.strings.add(row["label"]), steps)
        # Two rows naming the same words: the row listed first wins later ties.
        order = {doc.vocab.strings.add(row["label"]): n for n, row in enumerate(topic_rows())}
        _LEXICON_MATCHERS[key] = (phrases, matcher, order)
    phrases, matcher, order = _LEXICON_MATCHERS[key]
    return sorted({*phrases(doc), *matcher(doc)}, key=lambda m: (m[1], m[2], order[m[0]]))


__all__ = ["TopicIndex", "find_topics", "lexicons", "plurals"]
