"""Researcher questions in plain English -> :class:`~extract.question_records.Question`.

The question is parsed by the same spaCy pipeline as the articles. Its shape comes from the
patterns of ``lexicons/question_patterns.tsv`` (compiled to spaCy ``Matcher`` patterns whose
slot tokens are recovered from the match alignments); the names in the slots are read with the
extractors' own code: the NER plus gazetteer component, :func:`extract.linking.link` (so "Xi" is
Xi Jinping, "Chinese" and an acting "Beijing" are China), the topic lexicons
(:func:`extract.topics.find_topics`) and the policy triggers. Nothing here knows an IRI.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Sequence
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from extract import lexicons
from extract.actors import ACTOR_LABELS, _clean_span, _strip_title
from extract.dates import resolve
from extract.gazetteer import Gazetteer
from extract.gazetteer import bundled as bundled_gazetteer
from extract.linking import link
from extract.question_records import DateRange, Intent, NameRef, Pattern, Question
from extract.records import Topic
from extract.text import Layout
from extract.topics import TopicIndex, find_topics
from extract.triggers import find_triggers

PATTERNS_FILE = "question_patterns.tsv"
MAX_QUESTION_CHARS = 500
"""Longer input is not a question; it is refused rather than parsed."""

# Slots that may name several things joined by "and" ("Trump and Xi").
_COORDINATORS = frozenset({"and", ",", "&", "or"})
_LEADING = frozenset({"the", "a", "an", "both", "all", "each", "any", "jointly", "together"})
_DATE_PREPS = {
    "between": "range",
    "from": "from",
    "since": "from",
    "after": "after",
    "before": "before",
    "until": "to",
    "till": "to",
    "in": "in",
    "on": "in",
    "during": "in",
    "of": "in",
}


class QuestionError(ValueError):
    """The input is not something a question can be read from (empty, or far too long)."""


# -- the pattern file -------------------------------------------------------------------------


@cache
def patterns() -> tuple[Pattern, ...]:
    """Every supported pattern, in the order of the file (earlier rows win ties)."""
    return tuple(
        Pattern(Intent(r["intent"]), r["pattern"], r["example"])
        for r in lexicons.table(PATTERNS_FILE)
    )


@cache
def word_class(name: str) -> frozenset[str]:
    """The lemmas of a word class used by the patterns (``@speech``, ``@summit`` ...)."""
    if name == "speech":
        return frozenset(
            r["phrase"]
            for r in lexicons.table("reporting_verbs.tsv")
            if r["frame"] in ("speech", "act") and " " not in r["phrase"]
        )
    if name == "summit":
        return frozenset(
            r["form"] for r in lexicons.table("summit_triggers.tsv") if " " not in r["form"]
        )
    if name == "policy":
        return frozenset(policy_kinds_of_words())
    if name == "status":
        return frozenset(policy_statuses())
    raise KeyError(f"unknown word class @{name} in {PATTERNS_FILE}")


@cache
def policy_kinds_of_words() -> dict[str, tuple[str, ...]]:
    """One-word policy triggers that need no context ("tariff" -> Tariff) and their kinds."""
    kinds: dict[str, list[str]] = {}
    for r in lexicons.table("policy_triggers.tsv"):
        if " " not in r["form"] and r["pos"] == "NOUN" and r["needs"] == "-":
            kinds.setdefault(r["form"], []).append(r["kind"])
    return {w: tuple(k) for w, k in kinds.items()}


@cache
def policy_statuses() -> dict[str, str]:
    """Verb lemmas that state where a policy stands ("impose" -> imposed)."""
    return {
        r["cue"]: r["status"]
        for r in lexicons.table("status_cues.tsv")
        if r["applies"] in ("policy", "both")
    }


def compile_pattern(pattern: str) -> tuple[list[dict], dict[int, str]]:
    """A pattern line -> a spaCy Matcher pattern and which of its elements are which slot.

    >>> spec, slots = compile_pattern("what ~do {speaker} say")
    >>> spec[1], slots
    ({'LEMMA': {'IN': ['do']}}, {2: 'speaker'})
    """
    elements = pattern.split()
    spec: list[dict] = []
    slots: dict[int, str] = {}
    for i, element in enumerate(elements):
        optional = element.endswith("?")
        element = element.rstrip("?")
        if element.startswith("{"):
            name, _, cls = element.strip("{}").partition(":")
            slots[i] = name
            if cls:
                token: dict = {"LEMMA": {"IN": sorted(_lemmas(cls))}}
            else:
                token = {"IS_PUNCT": False, "OP": "*" if optional else "+"}
                if i < len(elements) - 1:
                    # A name before more of the pattern holds no verb: the verb is the pattern's.
                    token["POS"] = {"NOT_IN": ["VERB", "AUX"]}
        elif element.startswith(("@", "~")):
            token = {"LEMMA": {"IN": sorted(_lemmas(element))}}
        else:
            token = {"LOWER": {"IN": element.split("|")}}
        if optional and "OP" not in token:
            token["OP"] = "?"
        spec.append(token)
    return spec, slots


def _lemmas(element: str) -> set[str]:
    """``@speech|~talk|speak``: the union of word classes and lemmas."""
    lemmas: set[str] = set()
    for alt in element.split("|"):
        lemmas |= word_class(alt[1:]) if alt.startswith("@") else {alt.lstrip("~")}
    return lemmas


@cache
def _compiled() -> tuple[tuple[list[dict], dict[int, str]], ...]:
    return tuple(compile_pattern(p.pattern) for p in patterns())


_MATCHERS: dict[int, Matcher] = {}


def _matcher(vocab: Vocab) -> Matcher:
    key = id(vocab)
    if key not in _MATCHERS:
        matcher = Matcher(vocab)
        for i, (spec, _) in enumerate(_compiled()):
            matcher.add(str(i), [spec], greedy="LONGEST")
        _MATCHERS[key] = matcher
    return _MATCHERS[key]


# -- parsing ----------------------------------------------------------------------------------


def parse_question(
    nlp: Language, text: str, gazetteer: Gazetteer | None = None, *, today: dt.date | None = None
) -> Question:
    """Read ``text`` as one of the supported questions (or say which ones are nearest).

    Raises:
        QuestionError: empty input, or more than :data:`MAX_QUESTION_CHARS` characters.
    """
    text = " ".join(text.split())
    if not text:
        raise QuestionError('empty question: ask e.g. "what did Xi say about Taiwan"')
    if len(text) > MAX_QUESTION_CHARS:
        raise QuestionError(f"a question is at most {MAX_QUESTION_CHARS} characters")
    gazetteer = gazetteer or bundled_gazetteer()
    doc = nlp(text)
    dates, date_tokens, notes = _dates(doc, today or dt.date.today())
    # A question has no headings (read as a text it would look like one: no final stop).
    topics = find_topics(doc, gazetteer, Layout(""))
    best = _best_match(doc)
    if best is None:
        mentioned = [_name(s, "mentioned", gazetteer, topics) for s in _concept_spans(doc, topics)]
        return Question(
            text=text,
            intent=None,
            names=tuple(mentioned),
            dates=dates,
            notes=(*notes, "no supported pattern fits this question"),
            nearest=nearest_patterns(text),
        )
    index, start, alignments = best
    pattern = patterns()[index]
    _, slot_of = _compiled()[index]
    slot_tokens: dict[str, list[Token]] = {}
    for offset, element in enumerate(alignments):
        if element in slot_of:
            slot_tokens.setdefault(slot_of[element], []).append(doc[start + offset])
    names: list[NameRef] = []
    statuses: list[str] = []
    kinds: list[str] = []
    for role, tokens in slot_tokens.items():
        if role == "status":
            statuses += [policy_statuses()[t.lemma_.lower()] for t in tokens]
            continue
        if role == "kind":
            kinds += [k for t in tokens for k in policy_kinds_of_words()[t.lemma_.lower()]]
            continue
        kept = [t for t in tokens if t.i not in date_tokens]
        for part in _split(doc, kept):
            names.append(_name(part, role, gazetteer, topics))
    covered = set(range(start, start + len(alignments))) | date_tokens
    rest = [t.text for t in doc if t.i not in covered and not t.is_punct]
    if rest:
        notes.append(f"left aside: {' '.join(rest)}")
    return Question(
        text=text,
        intent=pattern.intent,
        pattern=pattern,
        names=tuple(names),
        statuses=tuple(dict.fromkeys(statuses)),
        policy_kinds=tuple(dict.fromkeys(kinds)),
        dates=dates,
        notes=tuple(notes),
    )


def _best_match(doc: Doc) -> tuple[int, int, list[int]] | None:
    """(pattern row, start token, alignments) of the match covering most tokens."""
    best: tuple[int, int, int, list[int]] | None = None
    # Any: spaCy's stubs know only the (id, start, end) form, not with_alignments' 4-tuples.
    matches: Any = _matcher(doc.vocab)(doc, with_alignments=True)
    for match_id, start, end, alignments in matches:
        row = int(doc.vocab.strings[match_id])
        score = end - start
        if best is None or (score, -row) > (best[0], -best[1]):
            best = (score, row, start, list(alignments))
    return None if best is None else (best[1], best[2], best[3])


def nearest_patterns(text: str, limit: int = 3) -> tuple[Pattern, ...]:
    """The supported patterns whose examples read most like ``text`` (one per intent)."""
    low = text.lower().rstrip("?")
    scored = sorted(
        patterns(), key=lambda p: -difflib.SequenceMatcher(None, low, p.example.lower()).ratio()
    )
    seen: set[Intent] = set()
    out = []
    for p in scored:
        if p.intent not in seen:
            seen.add(p.intent)
            out.append(p)
    return tuple(out[:limit])


# -- dates ------------------------------------------------------------------------------------


def _dates(doc: Doc, today: dt.date) -> tuple[DateRange | None, set[int], list[str]]:
    """The date restriction of a question, the tokens that state it, and notes."""
    ents = [e for e in doc.ents if e.label_ == "DATE"]
    tokens: set[int] = set()
    notes: list[str] = []
    lows: list[dt.date] = []
    highs: list[dt.date] = []
    texts: list[str] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        prep = doc[ent.start - 1].lower_ if ent.start > 0 else ""
        mode = _DATE_PREPS.get(prep, "in")
        first = ent.start - 1 if prep in _DATE_PREPS else ent.start
        last = ent
        if (
            mode == "range"
            and i + 1 < len(ents)
            and ents[i + 1].start == ent.end + 1
            and doc[ent.end].lower_ == "and"
        ):
            last = ents[i + 1]
            i += 1
        i += 1
        a, b = resolve(ent.text, today), resolve(last.text, today)
        lo, hi = a.day or a.earliest, b.day or b.latest
        if lo is None and hi is None:
            notes.append(f"could not place the date {ent.text!r}; it is not used")
            continue
        if mode in ("from", "after"):
            hi = None
            if (after := b.day or b.latest) is not None and mode == "after":
                lo = after + dt.timedelta(days=1)
        elif mode in ("before", "to"):
            lo = None
            if (before := a.day or a.earliest) is not None and mode == "before":
                hi = before - dt.timedelta(days=1)
        tokens.update(range(first, last.end))
        texts.append(doc[first : last.end].text)
        if lo:
            lows.append(lo)
        if hi:
            highs.append(hi)
    if not texts:
        return None, tokens, notes
    return (
        DateRange(" ".join(texts), max(lows, default=None), min(highs, default=None)),
        tokens,
        notes,
    )


# -- names ------------------------------------------------------------------------------------


def _split(doc: Doc, tokens: Sequence[Token]) -> list[Span]:
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


def _concept_spans(doc: Doc, topics: TopicIndex) -> list[Span]:
    """Entity and topic mentions anywhere in the question, for an unsupported one."""
    spans = [e for e in doc.ents if e.label_ in ACTOR_LABELS]
    for topic in topics.topics:
        for m in topic.mentions:
            span = doc.char_span(m.start, m.end)
            if span is not None and not any(s.start <= span.start < s.end for s in spans):
                spans.append(span)
    return sorted(spans, key=lambda s: s.start)


def _name(span: Span, role: str, gazetteer: Gazetteer, topics: TopicIndex) -> NameRef:
    """What a slot names: its main entity or topic, linked as the extractors link it."""
    doc = span.doc
    titles = lexicons.words("titles.txt")
    root = span.root
    if root.lower_ in titles and not any(t.ent_type_ == "PERSON" for t in span):
        # "the Chinese president": a role, matched against the roles the graph holds.
        return NameRef(role=role, text=span.text, forms=(span.text,), person=True)
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
    words = [
        t.text
        for t in span
        if not (main.start <= t.i < main.end) and not t.is_punct and t.lower_ not in _LEADING
    ]
    return " ".join(words) or None
