"""What the name slots of a researcher question refer to, read with the extractors' own code.

A slot is cut into names at "and"/","; each name is linked as articles are linked (the NER plus
gazetteer, :func:`extract.linking.link`, the topic lexicons, the policy triggers) into a
:class:`~extract.question_records.NameRef`. Nothing here knows an IRI.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from extract import lexicons
from extract.actors import ACTOR_LABELS, _clean_span, _strip_title
from extract.entries import STATE_TYPES
from extract.gazetteer import Gazetteer
from extract.linking import link
from extract.question_records import NameRef
from extract.records import Topic
from extract.topics import TopicIndex
from extract.triggers import find_triggers

# Slots that may name several things joined by "and" ("Trump and Xi").
_COORDINATORS = frozenset({"and", ",", "&", "or"})
_LEADING = frozenset({"the", "a", "an", "both", "all", "each", "any", "jointly", "together"})


def split_slot(doc: Doc, tokens: Sequence[Token]) -> list[Span]:
    """Contiguous runs of slot tokens, cut at "and"/"," outside entity names."""
    parts: list[list[Token]] = [[]]
    for t in tokens:
        if t.lower_ in _COORDINATORS and not t.ent_type_:
            parts.append([])
        elif parts[-1] and t.i != parts[-1][-1].i + 1:
            parts.append([t])
        else:
            parts[-1].append(t)
    spans = []
    for part in parts:
        while part and (part[0].lower_ in _LEADING or part[0].is_punct):
            part = part[1:]
        while part and (part[-1].is_punct or part[-1].tag_ == "POS" or part[-1].lower_ in _LEADING):
            part = part[:-1]
        if part:
            spans.append(doc[part[0].i : part[-1].i + 1])
    return spans


def concept_spans(doc: Doc, topics: TopicIndex) -> list[Span]:
    """Entity and topic mentions anywhere in the question, for an unsupported one."""
    spans = [e for e in doc.ents if e.label_ in ACTOR_LABELS]
    for topic in topics.topics:
        for m in topic.mentions:
            span = doc.char_span(m.start, m.end)
            if span is not None and not any(s.start <= span.start < s.end for s in spans):
                spans.append(span)
    return sorted(spans, key=lambda s: s.start)


def name_ref(span: Span, role: str, gazetteer: Gazetteer, topics: TopicIndex) -> NameRef:
    """What a slot names: its main entity or topic, linked as the extractors link it."""
    doc = span.doc
    titles = lexicons.words("titles.txt")
    root = span.root
    if root.lower_ in titles and not any(t.ent_type_ == "PERSON" for t in span):
        # "the Chinese president": a role, matched against the roles the graph holds.
        return NameRef(role=role, text=span.text, forms=role_forms(span, gazetteer), person=True)
    concepts = _concepts(span, topics)
    main = _main(concepts, root)
    kinds = tuple(
        dict.fromkeys(
            t.kind
            for t in find_triggers(doc, "policy_triggers.tsv", span.start, span.end)
            if t.extra == "-"
            and (main is None or t.start >= main[0].start and t.end <= main[0].end)
        )
    )
    if main is None:
        return _plain_name(span, role, gazetteer, kinds)
    mspan, topic = main
    ignored = _ignored(span, mspan)
    if topic is not None:
        forms = tuple(dict.fromkeys([mspan.text, topic.label]))
        return NameRef(
            role=role,
            text=span.text,
            forms=forms,
            qids=(topic.qid,) if topic.qid else (),
            policy_kinds=kinds,
            ignored=ignored,
        )
    clean = _clean_span(mspan)
    forms_list = [clean.text]
    person = mspan.label_ == "PERSON"
    if person:
        name, _ = _strip_title(clean, titles)
        forms_list.insert(0, name.text)
    found = link(clean, gazetteer)
    qids: tuple[str, ...] = ()
    if found is not None:
        qids = (found.entry.qid,)
        forms_list.append(found.entry.label)
        person = person or found.entry.type == "person"
    return NameRef(
        role=role,
        text=span.text,
        forms=tuple(dict.fromkeys(forms_list)),
        qids=qids,
        policy_kinds=kinds,
        person=person,
        ignored=ignored,
    )


def role_forms(span: Span, gazetteer: Gazetteer) -> tuple[str, ...]:
    """A role as typed and as articles write it with its state named the other ways: a role
    is stored as written ("Kuwait oil minister"), a researcher may type "Kuwaiti oil minister"
    or "Kuwait's oil minister"."""
    words = [t for t in span if t.lower_ not in _LEADING]
    if len(words) < 2:
        return (span.text,)
    first, rest = words[0], words[1:]
    if rest[0].tag_ == "POS" or rest[0].lower_ in ("'s", "’s"):
        rest = rest[1:]
    states = gazetteer.demonym(first.text) or [
        e for e in gazetteer.lookup(first.text) if e.type in STATE_TYPES
    ]
    if not states or not rest:
        return (span.text,)
    tail = span.doc[rest[0].i : rest[-1].i + 1].text
    state = states[0]
    # The state as an article names it in a role: its label and the shorter aliases ending as the
    # label does ("China" of "People's Republic of China"), not codes or other languages.
    last = state.label.split()[-1]
    short = [a for a in state.aliases if a.split()[-1] == last and len(a) < len(state.label)]
    names = [n for n in (first.text, state.label, *short) if n not in state.demonyms]
    names += [f"{n}'s" for n in names] + list(state.demonyms)
    return tuple(dict.fromkeys([span.text, *(f"{n} {tail}" for n in names)]))


def _plain_name(span: Span, role: str, gazetteer: Gazetteer, kinds: tuple[str, ...]) -> NameRef:
    """A slot with no entity the NER saw ("Nakasone", "xi"): the gazetteer may still know it."""
    text = span.text
    entries = gazetteer.lookup(text) or gazetteer.demonym(text)
    qids: tuple[str, ...] = ()
    forms = [text]
    # May be a personal name (also typed in lower case): a short run of words, no policy word.
    person = all(t.is_alpha for t in span) and len(span) <= 4 and not kinds
    if len(entries) == 1:
        qids = (entries[0].qid,)
        forms.append(entries[0].label)
        person = entries[0].type == "person"
    return NameRef(
        role=role,
        text=text,
        forms=tuple(dict.fromkeys(forms)),
        qids=qids,
        policy_kinds=kinds,
        person=person,
    )


def _concepts(span: Span, topics: TopicIndex) -> list[tuple[Span, Topic | None]]:
    """Entities and topic mentions inside ``span`` (topic payload: the Topic record)."""
    doc = span.doc
    found: list[tuple[Span, Topic | None]] = []
    for e in doc.ents:
        if e.label_ in ACTOR_LABELS and e.start >= span.start and e.end <= span.end:
            found.append((e, None))
    for topic in topics.topics:
        for m in topic.mentions:
            t = doc.char_span(m.start, m.end)
            if t is None or not (t.start >= span.start and t.end <= span.end):
                continue
            if not any(s.start <= t.start < s.end or t.start <= s.start < t.end for s, _ in found):
                found.append((t, topic))
    return sorted(found, key=lambda c: c[0].start)


def _main(
    concepts: list[tuple[Span, Topic | None]], root: Token
) -> tuple[Span, Topic | None] | None:
    """The concept a phrase is about: the one holding its head word, else one modifying it
    ("the WTO talks" -> WTO), else the first."""
    if not concepts:
        return None
    for span, payload in concepts:
        if span.start <= root.i < span.end:
            return span, payload
    for span, payload in concepts:
        if any(t.head == root for t in span):
            return span, payload
    return concepts[0]


def _ignored(span: Span, main: Span) -> str | None:
    """The words of a slot outside its main concept ("talks" of "the WTO talks"), if any."""
    words = [
        t.text
        for t in span
        if not (main.start <= t.i < main.end) and not t.is_punct and t.lower_ not in _LEADING
    ]
    return " ".join(words) or None
