"""Speakers: from a reporting cue to the actor who speaks.

Two steps. :func:`verb_speaker` finds the noun phrase that is the speaker in the parse (the
verb's subject, or the subject of the verb it is coordinated with or hangs on, or the noun a
participle or relative clause modifies). :func:`np_actor` then asks the speaker resolvers of
:data:`SPEAKERS`, in order, which actor that noun phrase stands for: the first resolver that
decides (an actor key, or ``Outcome.NONE`` for "nobody") answers. The resolvers are registered in
:mod:`extract.speech.resolvers`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property

from spacy.tokens import Token

from extract import lexicons
from extract.discourse import FIRST_PERSON_PRONOUNS, PERSONAL_PRONOUNS
from extract.groups import describes_people, group_members, may_name_group
from extract.records import ActorKind
from extract.rules import Outcome, Registry
from extract.speech.cues import Cue, outer_cue
from extract.speech.state import SpeechState

SUBJECT_DEPS = ("nsubj", "nsubjpass")
# What the subject of a clause a reporting verb depends on may be reached through.
_HOP_DEPS = ("conj", "xcomp", "advcl", "pcomp")


@cache
def nominal_classes() -> dict[str, str]:
    return {row["word"]: row["class"] for row in lexicons.table("nominal_speakers.tsv")}


def decided(key: str | None) -> str | Outcome:
    """A resolver's decision: this actor speaks, or (``Outcome.NONE``) nobody does."""
    return Outcome.NONE if key is None else key


@dataclass(frozen=True)
class NounPhrase:
    """A noun phrase (by its head) that may name the speaker of ``verb``."""

    st: SpeechState
    head: Token
    verb: Token

    @cached_property
    def lower(self) -> str:
        return self.head.lower_

    @cached_property
    def lemma(self) -> str:
        return self.head.lemma_.lower()

    @cached_property
    def nominal(self) -> str | None:
        """The class of a nominal speaker ("the ministry": body), from the lexicon."""
        return nominal_classes().get(self.lemma) or nominal_classes().get(self.lower)

    @cached_property
    def modifiers(self) -> list[Token]:
        return [c for c in self.head.children if c.dep_ in ("compound", "poss", "amod", "nmod")]

    @cached_property
    def owner(self) -> str | None:
        """The actor a modifier names ("China's ministry", "an ECB spokesman", "his office")."""
        a = self.st.actors
        for m in self.modifiers:
            found = a.at(m) or (pronoun(self.st, m) if m.lower_ in PERSONAL_PRONOUNS else None)
            if found:
                return found
            if m.pos_ == "PROPN" and may_name_group(m) and (members := group_members(m, a)):
                return members[0]  # "G7 ministers": the standing group the NER did not tag
        return None

    @cached_property
    def affiliation(self) -> str | None:
        """Whom an unnamed speaker belongs to: the owner a modifier names, else the name after
        "of", "to", "for" or "at" ("advisers to Ruiz", "members of the Senate")."""
        if self.owner:
            return self.owner
        for prep in self.head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "to", "for", "at"):
                for obj in prep.children:
                    if obj.dep_ == "pobj" and (key := self.st.actors.at(obj)):
                        return self.st.actors.agent(key)
        return None

    @property
    def owner_not_person(self) -> str | None:
        """The owner, if it is not a person."""
        o = self.owner
        return o if o and self.st.actors.kind(o) is not ActorKind.PERSON else None


# A resolver returns an actor key or Outcome.NONE when it decides, None to let the next try.
Resolver = Callable[[NounPhrase], str | Outcome | None]
SPEAKERS: Registry[Resolver] = Registry("speaker resolver")


def np_actor(st: SpeechState, head: Token, verb: Token) -> str | None:
    """The actor a noun phrase (given by its head) stands for as the speaker of ``verb``."""
    np = NounPhrase(st, head, verb)
    for resolver in SPEAKERS:
        answer = resolver(np)
        if answer is not None:
            return answer if isinstance(answer, str) else None  # Outcome.NONE: nobody
    return None


def co_speakers(st: SpeechState, cue: Cue, first: str) -> list[str]:
    """The other speakers of a cue whose subject is coordinated ("Ruiz and Berg said",
    "Police and prosecutors say"): each conjunct after the first that names an actor."""
    v = cue.token
    for _ in range(4):
        subjects = [c for c in v.children if c.dep_ == "nsubj"]
        if subjects:
            break
        outer = outer_cue(v)
        if outer is None and v.dep_ != "conj":
            return []
        v = outer if outer is not None else v.head
    else:
        return []
    out: list[str] = []
    if st.actors.kind(first) is ActorKind.ANONYMOUS:
        return out  # "Traders and analysts estimate": one unnamed group speaks
    conj = [c for c in subjects[0].children if c.dep_ == "conj"]
    while conj:
        tok = conj.pop(0)
        conj.extend(c for c in tok.children if c.dep_ == "conj")
        # Names only: a description beside a name ("Ruiz and aides") is no actor of its own.
        key = np_actor(st, tok, cue.token) if tok.pos_ == "PROPN" else None
        if key and key != first and key not in out:
            out.append(key)
    return out


def verb_speaker(st: SpeechState, cue: Cue) -> str | None:
    """The speaker of a reporting verb: its subject, or one it shares ("..., he said and
    added"), or the noun its participle or relative clause modifies."""
    verb = cue.token
    v = verb
    for _ in range(4):
        subjects = [c for c in v.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            return _subject_speaker(st, v, verb, subjects)
        outer = outer_cue(v)
        if outer is not None:
            v = outer
            continue
        if v.dep_ == "acl" and v.head.pos_ in ("PROPN", "NOUN"):
            return np_actor(st, v.head, verb)  # "Mr Green, speaking in Leeds, stressed"
        if v.dep_ == "relcl":
            return np_actor(st, v.head, verb)
        if v.dep_ in _HOP_DEPS or v.head.dep_ == "prep":
            v = v.head if v.head.pos_ in ("VERB", "AUX") else v.head.head
            continue
        break
    return None


@cache
def _relative_pronouns() -> frozenset[str]:
    return lexicons.words("relative_pronouns.txt")


def _subject_speaker(st: SpeechState, v: Token, verb: Token, subjects: list[Token]) -> str | None:
    """The speaker among the subjects of ``v``: a person first, then a non-place."""
    subj = subjects[0]
    if subj.lower_ in _relative_pronouns() and v.dep_ == "relcl":
        return np_actor(st, v.head, verb)
    if subj.dep_ == "nsubjpass":
        return None
    # '..., commented Ontario Premier David Peterson': the parser may split an inverted subject
    # in two; the one that names a speaker wins. A dateline read as a subject speaks only when
    # nothing else does.
    named = [c for c in subjects if not st.layout.in_dateline(c.idx)]
    # "WASHINGTON, May 2 - Peru's minister Ana Ruiz said": the parser may make the dateline the
    # subject and the real one its apposition.
    named += [
        a
        for c in subjects
        if st.layout.in_dateline(c.idx)
        for a in c.children
        if a.dep_ == "appos" and not st.layout.in_dateline(a.idx)
    ]
    keys = [k for c in named if (k := np_actor(st, c, verb))] or [
        k for c in subjects if (k := np_actor(st, c, verb))
    ]
    kinds = [st.actors.kind(k) for k in keys]
    pairs = list(zip(keys, kinds, strict=True))
    return next(
        (k for k, kind in pairs if kind is ActorKind.PERSON),
        next(
            (k for k, kind in pairs if kind not in (ActorKind.PLACE, ActorKind.CITY)),
            keys[0] if keys else None,
        ),
    )


def pronoun(st: SpeechState, tok: Token) -> str | None:
    """Who a pronoun stands for: the latest subject of its sort, else its nearest antecedent;
    "I" and "we" are the speaker's own words and stand for nobody here."""
    if tok.lower_ in FIRST_PERSON_PRONOUNS:
        return None
    persons = tok.lower_ in PERSONAL_PRONOUNS
    found = st.memory.recent(tok, persons=persons, main_first=True)
    if persons and (found is None or not st.memory.since(tok, found)) and not _taken(st, tok):
        # "Roe introduced Dr. Ana Berg, a surgeon. She said ...": no subject of the sentence
        # before fits, and the one person it first names, of the pronoun's sex, is meant.
        found = st.memory.newcomer(tok, st.quoted) or found
    return found or st.actors.resolve(tok)


def _taken(st: SpeechState, tok: Token) -> bool:
    """Whether the sentence before ``tok``'s is a heading or has a main subject that may be a
    person unnamed ("He married ...", "The senator ..."): the chain goes on through it."""
    prev = tok.doc[tok.sent.start - 1].sent if tok.sent.start else None
    if prev is None or st.layout.in_heading(prev.start_char):
        return True
    for t in prev:
        if t.dep_ in SUBJECT_DEPS and t.head.dep_ == "ROOT" and not st.in_quote(t):
            if t.lower_ in PERSONAL_PRONOUNS or describes_people(t):
                return True
    return False


__all__ = [
    "SPEAKERS",
    "SUBJECT_DEPS",
    "co_speakers",
    "NounPhrase",
    "Resolver",
    "decided",
    "nominal_classes",
    "np_actor",
    "pronoun",
    "verb_speaker",
]
