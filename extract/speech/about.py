"""Aboutness: what a statement is about, from what its content names.

:func:`about` gives the actors, topics and events the content names, after resolving pronouns
("reacted to his warning") and place nouns ("the island"); content naming nothing is about
what the title names (:func:`headline_keys`) and what the whole article keeps naming
(:func:`main_topics`). Who owns the speaker's role counts too ("Acme's chief executive said"
is about Acme: :func:`speaker_owners`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from spacy.tokens import Token

from extract import lexicons
from extract.discourse import PERSONAL_PRONOUNS, sentences_back
from extract.groups import may_name_group, standing_group
from extract.records import ActorKind, Policy, Summit
from extract.speech.speakers import SUBJECT_DEPS
from extract.speech.state import SpeechState


@cache
def _place_nouns() -> dict[str, str]:
    return {row["word"]: row["kind"] for row in lexicons.table("place_nouns.tsv")}


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
            if m:
                keys.append((m.start(), key))
                break
    return list(dict.fromkeys(k for _, k in sorted(keys)))


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
    return [k for k in keys if k not in (speaker, reported_by)]


def place_named_before(st: SpeechState, tok: Token) -> str | None:
    """The place "the island" or "the capital" stands for: the nearest place of that sort
    named in this or the previous two sentences."""
    want = _place_nouns().get(tok.lower_)
    if (
        want is None
        or tok.pos_ != "NOUN"
        or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
    ):
        return None
    kinds = (ActorKind.CITY,) if want == "city" else (ActorKind.COUNTRY, ActorKind.PLACE)
    limit = sentences_back(tok, 2)
    for i in range(tok.i - 1, limit - 1, -1):
        key = st.actors.at(st.doc[i])
        if key and st.actors.kind(key) in kinds and not _subject_over(st.doc[i], tok):
            return key
    return None


# Whose country "his country" is: the person the pronoun stands for; "our" and "my", the
# speaker's.
_OWN_PRONOUNS = {"his": False, "her": False, "our": True, "my": True}


def own_country(st: SpeechState, tok: Token, speaker: str) -> str | None:
    """The state "his country" or "our nation" is: that of the person the pronoun stands for
    (the speaker's for "our", "my"), when the article knows it."""
    if tok.pos_ != "NOUN" or _place_nouns().get(tok.lower_) != "state":
        return None
    poss = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in _OWN_PRONOUNS), None)
    if poss is None:
        return None
    whose = speaker if _OWN_PRONOUNS[poss.lower_] else st.memory.recent(poss, persons=True)
    return st.actors.state_of(whose or speaker)


def person_by_surname(st: SpeechState, tok: Token) -> str | None:
    """The one person named before whose surname a name the tagger took for something else
    is ("might have restrained Lyng", "Lyng" tagged a product, after "Richard Lyng")."""
    if tok.pos_ != "PROPN" or not tok.is_title or tok.ent_type_ in ("PERSON", "GPE", "NORP"):
        return None
    found = [
        a.key
        for a in st.actors.actors
        if a.kind is ActorKind.PERSON
        and " " in a.label
        and a.label.rsplit(" ", 1)[-1] == tok.text
        and any(m.start < tok.idx for m in a.mentions)
    ]
    return found[0] if len(found) == 1 else None


# How far back "the Fund" looks for the name it shortens (tokens: a few paragraphs).
_FULL_NAME_WINDOW = 400


def named_in_full(st: SpeechState, tok: Token) -> str | None:
    """The body "the Fund" or "the Community" shortens: the linked actor named before whose
    name of several words, as labelled or as written, ends in that word ("the International
    Monetary Fund"; "the European Community", which is labelled European Communities)."""
    if not tok.is_title or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    own = st.actors.get(st.actors.at(tok) or "")
    if own is not None and (own.qid or " " in own.label):
        return None  # a name of its own
    for i in range(tok.i - 1, max(-1, tok.i - _FULL_NAME_WINDOW), -1):
        key = st.actors.at(st.doc[i])
        d = st.actors.get(key or "")
        if d is None or d is own:
            continue
        if d.qid and d.label.rsplit(" ", 1)[-1] == tok.text != d.label:
            return d.key
        if st.doc[i].text == tok.text and i > 0 and st.actors.at(st.doc[i - 1]) == key:
            # The last word of a longer name written before, linked or not ("the European
            # Community" ... "the Community").
            return d.key
    return None


def region_of_adjective(st: SpeechState, tok: Token) -> str | None:
    """The region "European" or "African" is of, when the article names it ("Europe"):
    continents and regions have no demonyms in the gazetteer, and their adjectives are the
    name with "-n" or "-an". Only the adjective alone: "African debt" is Africa's even where
    a demonym look-up makes it South Africa's, "South African" is South Africa's."""
    if tok.ent_type_ != "NORP" or not tok.is_title or tok.ent_iob_ != "B":
        return None
    if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].ent_iob_ == "I":
        return None
    for a in st.actors.actors:
        if a.kind is ActorKind.PLACE and tok.text in (a.label + "n", a.label + "an"):
            return a.key
    return None


def group_described(st: SpeechState, tok: Token) -> str | None:
    """The standing group ("G7") that "the seven richest nations" or "G7 ministers" names,
    as the summit rules read it (``lexicons/summit_groups.tsv``)."""
    if not may_name_group(tok):
        return None
    label = standing_group(tok)
    return st.actors.ensure_named(label, ActorKind.INTERNATIONAL_ORGANIZATION) if label else None


# Pronouns that stand for a thing ("it can no longer be justified", "this will hurt us").
_THING_PRONOUNS = frozenset({"it", "this"})


def topic_named_before(st: SpeechState, tok: Token) -> str | None:
    """The topic "it" or "this" stands for: the latest topic named in this or the previous
    sentence. Not the "it" of "it is clear that ...", which stands for nothing."""
    if tok.lower_ not in _THING_PRONOUNS or tok.pos_ != "PRON" or _pleonastic(tok):
        return None
    limit = sentences_back(tok, 1)
    for i in range(tok.i - 1, limit - 1, -1):
        key = st.topics.also(st.doc[i]) or st.topics.at(st.doc[i])
        if key is not None:
            return key
    return None


def _pleonastic(tok: Token) -> bool:
    """ "It is hard to say", "it seems that": an "it" whose clause goes on after its verb."""
    head = tok.head
    return tok.dep_ == "expl" or (
        head.lemma_ in ("be", "seem", "appear")
        and any(c.dep_ in ("ccomp", "xcomp", "csubj") and c.i > head.i for c in head.children)
    )


def _subject_over(cand: Token, tok: Token) -> bool:
    """Whether ``cand`` is in the subject of a clause that contains ``tok``: "Beijing would
    protect the island" never means Beijing by "the island"; "Argentina said the country
    needs ..." does mean Argentina (another clause)."""
    head = cand
    while head.dep_ in ("compound", "poss", "amod", "appos", "det") and head.head != head:
        head = head.head
    clause = next((t for t in tok.ancestors if t.pos_ in ("VERB", "AUX")), None)
    return head.dep_ in SUBJECT_DEPS and head.head == clause


__all__ = [
    "about",
    "group_described",
    "headline_keys",
    "main_topics",
    "named_in_full",
    "own_country",
    "person_by_surname",
    "place_named_before",
    "region_of_adjective",
    "speaker_owners",
    "topic_named_before",
]
