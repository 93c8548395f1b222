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

from spacy.language import Language
from spacy.tokens import Doc, Token

from extract.gazetteer import Gazetteer
from extract.gazetteer import bundled as bundled_gazetteer
from extract.question_dates import question_dates
from extract.question_names import concept_spans, name_ref, split_slot
from extract.question_patterns import (
    PATTERNS_FILE,
    best_match,
    compile_pattern,
    compiled_patterns,
    nearest_patterns,
    patterns,
    policy_kinds_of_words,
    policy_statuses,
    word_class,
)
from extract.question_records import NameRef, Question
from extract.text import Layout
from extract.topics import TopicIndex, find_topics

__all__ = [
    "MAX_QUESTION_CHARS",
    "PATTERNS_FILE",
    "QuestionError",
    "compile_pattern",
    "nearest_patterns",
    "parse_question",
    "patterns",
    "policy_kinds_of_words",
    "policy_statuses",
    "word_class",
]

MAX_QUESTION_CHARS = 500
"""Longer input is not a question; it is refused rather than parsed."""


class QuestionError(ValueError):
    """The input is not something a question can be read from (empty, or far too long)."""


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
    dates, date_tokens, notes = question_dates(doc, today or dt.date.today())
    # A question has no headings (read as a text it would look like one: no final stop).
    topics = find_topics(doc, gazetteer, Layout(""))
    best = best_match(doc)
    if best is None:
        mentioned = [
            name_ref(s, "mentioned", gazetteer, topics) for s in concept_spans(doc, topics)
        ]
        return Question(
            text=text,
            intent=None,
            names=tuple(mentioned),
            dates=dates,
            notes=(*notes, "no supported pattern fits this question"),
            nearest=nearest_patterns(text),
        )
    index, start, alignments = best
    slot_tokens = _slot_tokens(doc, index, start, alignments)
    names, statuses, kinds = _read_slots(doc, slot_tokens, date_tokens, gazetteer, topics)
    covered = set(range(start, start + len(alignments))) | date_tokens
    rest = [t.text for t in doc if t.i not in covered and not t.is_punct]
    if rest:
        notes.append(f"left aside: {' '.join(rest)}")
    return Question(
        text=text,
        intent=patterns()[index].intent,
        pattern=patterns()[index],
        names=tuple(names),
        statuses=tuple(dict.fromkeys(statuses)),
        policy_kinds=tuple(dict.fromkeys(kinds)),
        dates=dates,
        notes=tuple(notes),
    )


def _slot_tokens(doc: Doc, index: int, start: int, alignments: list[int]) -> dict[str, list[Token]]:
    """The tokens each slot of pattern row ``index`` matched, by slot name, in slot order."""
    _, slot_of = compiled_patterns()[index]
    slot_tokens: dict[str, list[Token]] = {}
    for offset, element in enumerate(alignments):
        if element in slot_of:
            slot_tokens.setdefault(slot_of[element], []).append(doc[start + offset])
    return slot_tokens


def _read_slots(
    doc: Doc,
    slot_tokens: dict[str, list[Token]],
    date_tokens: set[int],
    gazetteer: Gazetteer,
    topics: TopicIndex,
) -> tuple[list[NameRef], list[str], list[str]]:
    """The names, policy statuses and policy kinds the slots state (date words left out)."""
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
        for part in split_slot(doc, kept):
            names.append(name_ref(part, role, gazetteer, topics))
    return names, statuses, kinds
