"""Aboutness: what a statement is about, from what its content names.

:func:`about` gives the actors, topics and events the content names, after resolving pronouns
("reacted to his warning") and place nouns ("the island"); content naming nothing is about
what the title names (:func:`headline_keys`) and what the whole article keeps naming
(:func:`main_topics`). Who owns the speaker's role counts too ("Acme's chief executive said"
is about Acme: :func:`speaker_owners`). What a word refers to beyond its own name ("the
island", "the Prime Minister", "it") is read by the rules of :mod:`extract.speech.referents`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Token

from extract.discourse import PERSONAL_PRONOUNS
from extract.records import ActorKind, Policy, Summit
from extract.speech.referents import (
    BODIES,
    bodies_unnamed,
    body_named_before,
    group_described,
    named_in_full,
    own_country,
    person_by_surname,
    person_by_title,
    place_named_before,
    region_of_adjective,
    topic_named_before,
)
from extract.speech.state import SpeechState


def headline_keys(st: SpeechState) -> list[str]:
    """Actors and topics the title names: what the article is about.

    The title is the heading the text opens with; it is matched against the mentions found
    in the body (headings are not parsed for entities). Short forms ("US") count only as
    written, and not in a title in capitals, where "US" may be "us".
    """
    text = st.text
    first = next(((s, e) for s, e in st.layout.heading_ranges() if not text[:s].strip()), None)
    if first is None:
        return []
    title = text[first[0] : first[1]]
    capitals = title.upper() == title
    folded = title.casefold()
    keys: list[tuple[int, str]] = []
    # People in a title are who the story is about, not what each quote is about.
    named = [
        (a.key, a.label, a.mentions)
        for a in st.actors.actors
        if a.kind not in (ActorKind.ANONYMOUS, ActorKind.PERSON)
    ]
    named += [
        (t.key, t.label, tuple(m for m in t.mentions if not st.topics.is_anaphor(m)))
        for t in st.topics.topics
    ]
    for key, label, mentions in named:
        for form in {label, *(m.text for m in mentions)}:
            short = len(form) <= 3
            if short and capitals:
                continue
            # A form not in the title, even folded, cannot match: skip compiling its pattern
            # (each form is a new regex, and they overflow re's cache).
            if (form if short else form.casefold()) not in (title if short else folded):
                continue
            m = re.search(rf"(?<!\w){re.escape(form)}(?!\w)", title, 0 if short else re.IGNORECASE)
            if m and st.topics.get(key) and _INFINITIVE.search(title[: m.start()]):
                continue  # "EU aiming to fuel development aid": the verb, not the topic fuel
            if m:
                keys.append((m.start(), key))
                break
    return list(dict.fromkeys(k for _, k in sorted(keys)))


# "to" just before a title's word makes it a verb (headings are not parsed).
_INFINITIVE = re.compile(r"(?<!\w)to\s+$", re.IGNORECASE)


# The article's main topic is the topic its body names most, at least this often and more
# often than any other: a few passing mentions make no subject (checked by hand on PolNeAR
# train statements, where two looser topics per article were often wrong).
_MAIN_MIN_MENTIONS = 4
_MAIN_MAX = 1


def main_topics(st: SpeechState) -> list[str]:
    """The topic the article names most, if one clearly leads."""
    counts = sorted(
        ((len(t.mentions), n, t.key) for n, t in enumerate(st.topics.topics)),
        key=lambda c: (-c[0], c[1]),
    )
    if not counts or counts[0][0] < _MAIN_MIN_MENTIONS:
        return []
    if len(counts) > 1 and counts[1][0] == counts[0][0]:
        return []  # two topics named as often: neither is the subject
    return [k for _, _, k in counts[:_MAIN_MAX]]


# How an owner hangs on the noun of a speaker's role: "Acme's chief", "the head of Acme",
# "Acme chief executive Ann Lee" (a name as modifier).
_OWNER_DEPS = frozenset({"poss", "compound"})
# Through these the speaker's phrase goes on to the same person ("Ann Lee, Acme's chief").
_SAME_DEPS = frozenset({"appos", "compound"})


def speaker_owners(st: SpeechState, subject: Token, speaker: str) -> list[str]:
    """Actors the speaker's own phrase names as owning the role: "Acme's chief executive
    said" is about Acme. Where the speaker works ("an analyst at Acme") is not what is said."""
    keys: list[str] = []
    todo, seen = [subject], set()
    while todo:
        head = todo.pop()
        if head.i in seen:
            continue
        seen.add(head.i)
        for c in head.children:
            if c.dep_ in _SAME_DEPS and c.pos_ in ("NOUN", "PROPN"):
                todo.append(c)
            owner = None
            if c.dep_ == "poss" or (c.dep_ in _OWNER_DEPS and head.pos_ == "NOUN"):
                owner = c
            elif c.dep_ == "prep" and c.lower_ == "of" and head.pos_ == "NOUN":
                owner = next((g for g in c.children if g.dep_ == "pobj"), None)
            key = st.actors.at(owner) if owner is not None else None
            if key and key != speaker and key not in keys:
                keys.append(key)
    return keys


def about(
    st: SpeechState,
    tokens: list[Token],
    speaker: str,
    reported_by: str | None,
    events: Sequence[Summit | Policy],
) -> list[str]:
    """What ``tokens`` name (but the speaker and who relays them), in order, with the events
    whose evidence or mentions they contain."""
    keys: list[str] = []
    # The dateline ("VIENNA, June 29 -") says where the story was filed, not what is said.
    datelines = [(s, e) for s, e, _, _ in st.layout.datelines]
    for t in tokens:
        if datelines and any(s <= t.idx < e for s, e in datelines):
            continue
        k = named_in_full(st, t) or region_of_adjective(st, t) or st.actors.at(t)
        k = k or st.topics.at(t)
        if k is None and t.lower_ in PERSONAL_PRONOUNS and not st.in_quote(t):
            # "reacted to his warning": the person the pronoun stands for.
            k = st.memory.recent(t, persons=True)
            if k is not None and st.actors.kind(k) is not ActorKind.PERSON:
                k = None
        if k is None:
            k = place_named_before(st, t) or own_country(st, t, speaker) or person_by_surname(st, t)
            k = k or topic_named_before(st, t) or group_described(st, t)
            k = k or person_by_title(st, t) or body_named_before(st, t) or bodies_unnamed(st, t)
        for key in (k, st.topics.also(t)):
            # What is said of "the rebate" (the UK's) is said of the UK too.
            owner = st.topics.owner(key) if key else None
            for name in (key, st.actors.at(st.doc[owner]) if owner is not None else None):
                if name and name not in keys:
                    keys.append(name)
    if tokens:
        lo, hi = min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)
        for ev in events:
            spans = [(ev.evidence.start, ev.evidence.end)] + [(m.start, m.end) for m in ev.mentions]
            if any(lo <= s and e <= hi for s, e in spans) and ev.key not in keys:
                keys.append(ev.key)
                # "The cartel will keep output unchanged when it meets": the meeting of one
                # body alone is that body's business.
                if isinstance(ev, Summit) and len(ev.participants) == 1:
                    keys += [
                        k for k in ev.participants if k not in keys and st.actors.kind(k) in BODIES
                    ]
    return [k for k in keys if k not in (speaker, reported_by)]


__all__ = [
    "about",
    "headline_keys",
    "main_topics",
    "speaker_owners",
]
