"""Parse helpers shared by the event extractors: governors, argument phrases, subjects and
agents, the actors a phrase names, evidence spans, dates and status cues near a word.

The words they read are data: ``lexicons/syntax_words.tsv`` (prepositions, pair nouns, plan
lemmas) and ``lexicons/modals.tsv`` through :mod:`extract.modality`."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import cache

from spacy.tokens import Token

from extract import lexicons
from extract.actors import ActorIndex
from extract.dates import resolve
from extract.groups import group_members
from extract.modality import FUTURE, HEDGES
from extract.records import ActorKind, Evidence, TimeRef
from extract.text import doc_ents, span_text

_CLAUSE_DEPS = frozenset({"relcl", "ccomp", "advcl", "parataxis", "conj", "cc", "punct"})
MODALS = HEDGES
"""Auxiliaries under which a verb is not a fact yet (kept under this name for its importers)."""


def _words(cls: str) -> frozenset[str]:
    return lexicons.word_class("syntax_words.tsv", cls)


_OBJECT_PREPOSITIONS = _words("object_preposition")
_PAIR_NOUNS = _words("pair_noun")
_PAIR_QUANTIFIERS = _words("pair_quantifier")
_PLAN_LEMMAS = _words("plan_lemma")
_DO_SUPPORT = _words("do_support")
STATES = frozenset(
    {
        ActorKind.COUNTRY,
        ActorKind.INTERNATIONAL_ORGANIZATION,
        ActorKind.GOVERNMENT_BODY,
        ActorKind.ORGANIZATION,
    }
)


def governor(token: Token) -> Token | None:
    """The verb (or adjective predicate) that governs a noun through prepositions and objects."""
    t = token
    while t.head.i != t.i:
        t = t.head
        if t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT":
            return t
    return None


def argument_tokens(head: Token, limit: int = 14) -> list[Token]:
    """The phrase a trigger heads, without the clauses hanging off it, at most ``limit`` tokens
    either side: 'punitive tariffs of 300 mln dlrs a year on Japanese electronic goods'."""
    keep: list[Token] = [head]
    for child in head.children:
        if child.dep_ in _CLAUSE_DEPS or child.dep_ in (
            "nsubj",
            "nsubjpass",
            "aux",
            "auxpass",
            "mark",
            "advmod",
            "neg",
        ):
            continue
        keep.extend(child.subtree)
    if head.dep_ == "dobj":
        # "remove curbs on its exports": the parser often hangs the object's "on" on the verb.
        for child in head.head.children:
            if child.dep_ == "prep" and child.i > head.i and child.lower_ in _OBJECT_PREPOSITIONS:
                keep.extend(child.subtree)
    # The head's sentence read once: each ``token.sent`` walks the parse to the sentence ends.
    sent = head.sent
    lo, hi = max(sent.start, head.i - limit), min(sent.end, head.i + limit + 1)
    keep = [t for t in keep if lo <= t.i < hi]
    return sorted(set(keep), key=lambda t: t.i)


def evidence(tokens: Iterable[Token]) -> Evidence:
    toks = sorted(tokens, key=lambda t: t.i)
    first, last = toks[0], toks[-1]
    while last.is_punct and last.i > first.i:
        last = first.doc[last.i - 1]
    sent = first.sent
    return Evidence(
        start=first.idx,
        end=last.idx + len(last.text),
        sentence=span_text(sent),
        sentence_start=sent.start_char,
        sentence_end=sent.end_char,
    )


def subject_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "csubj"):
            return child
    return None


def agent_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def actor_of(token: Token | None, actors: ActorIndex) -> list[str]:
    """Actor keys a noun phrase stands for: its own mention, a pronoun's antecedent, the actors
    in its modifiers ("G7 finance ministers"), and each conjunct ("Trump and Xi")."""
    if token is None:
        return []
    out: list[str] = []
    for t in [token, *token.conjuncts]:
        key = actors.resolve(t)
        if key is None and not group_reference(t) and (members := group_members(t, actors)):
            out.extend(k for k in members if k not in out)
            continue
        if key is None and t.pos_ == "PROPN":
            key = actors.person_named(t)  # "Mr Straw" where the tagger missed the name
        if key is None:
            inner = [
                c
                for c in t.subtree
                if c.dep_ not in ("relcl", "acl", "prep", "conj", "cc") or c.i == t.i
            ]
            keys = actors.in_span(inner)
            key = keys[0] if keys else None
        if key is None:
            # The tagger missed a name it found elsewhere ("G7 finance ministers"): a proper
            # noun spelled exactly like a known actor's label is that actor.
            labels = _labels(actors)
            key = next(
                (
                    labels[c.text.lower()]
                    for c in t.subtree
                    if c.pos_ == "PROPN" and c.text.lower() in labels
                ),
                None,
            )
        if key is None and group_reference(t):
            out.extend(k for k in recent_pair(t, actors) if k not in out)
            continue
        if key and (key := actors.agent(key)) not in out:
            out.append(key)
    return out


def _labels(actors: ActorIndex) -> dict[str, str]:
    """One-word actor labels ("G7", "GATT") to their keys."""
    return {
        a.label.lower(): a.key
        for a in actors.actors
        if a.kind is not ActorKind.PLACE and " " not in a.label
    }


def recent_pair(token: Token, actors: ActorIndex) -> list[str]:
    """The two most recent distinct people (else states) named before ``token``."""
    people: list[str] = []
    states: list[str] = []
    for i in range(token.i - 1, max(-1, token.i - 300), -1):
        key = actors.at(token.doc[i])
        if key is None:
            continue
        kind = actors.kind(key)
        bucket = (
            people if kind is ActorKind.PERSON else states if kind is ActorKind.COUNTRY else None
        )
        if bucket is not None and key not in bucket:
            bucket.append(key)
        if len(people) == 2:
            return people[::-1]
    return people[::-1] if len(people) == 2 else states[:2][::-1]


def group_reference(token: Token) -> bool:
    """'the two leaders', 'both sides', 'the two nations': a pair named earlier."""
    if token.lemma_.lower() not in _PAIR_NOUNS:
        return False
    return any(c.lower_ in _PAIR_QUANTIFIERS for c in token.children)


def time_near(
    tokens: Iterable[Token], published: dt.date | None, future: bool | None
) -> TimeRef | None:
    """The first DATE/TIME entity among ``tokens`` (or attached to them), resolved."""
    seen: set[int] = set()
    for t in tokens:
        if t.ent_type_ in ("DATE", "TIME") and t.i not in seen:
            ent = next((e for e in doc_ents(t.doc) if e.start <= t.i < e.end), None)
            if ent is None:
                continue
            seen.update(range(ent.start, ent.end))
            text = ent.text
            if text.lower().endswith(("'s", "\u2019s")):
                text = text[:-2]
            if re.search(r"\d+\s*(?:mln|bln|billion|million|%)", text, re.I):
                continue
            return resolve(text, published, future=future)
    return None


@cache
def status_cues(applies: str) -> dict[str, tuple[str, bool]]:
    return {
        r["cue"]: (r["status"], r["realised"] == "yes")
        for r in lexicons.table("status_cues.tsv")
        if r["applies"] in (applies, "both")
    }


def realised(verb: Token) -> bool:
    """A finite verb, not under a modal, a plan or a negation: the act happened."""
    if verb.tag_ in ("VB", "VBG") and verb.dep_ in ("xcomp", "pcomp", "advcl", "acl", "ccomp"):
        return False
    if verb.tag_ == "VB" and not any(
        c.dep_ == "aux" and c.lower_ in _DO_SUPPORT for c in verb.children
    ):
        return False
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in MODALS for c in verb.children):
        return False
    return not any(c.dep_ == "neg" for c in verb.children)


def future_of(verb: Token | None) -> bool | None:
    """True when ``verb`` or one of its two nearest ancestors has a future auxiliary ("will
    sign") or is a plan lemma ("plans to sign"); False for a past verb; else unknown."""
    if verb is None:
        return None
    chain = [verb, *verb.ancestors]
    for v in chain[:3]:
        if any(c.dep_ == "aux" and c.lower_ in FUTURE for c in v.children):
            return True
        if v.lemma_ in _PLAN_LEMMAS:
            return True
    if verb.tag_ in ("VBD", "VBN"):
        return False
    return None
