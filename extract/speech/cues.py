"""Cues: the words that report speech, and the registry of reporting constructions.

A :class:`Construction` is one way English reports speech ("X said ...", "according to X").
It says which token cues it (``match``, giving the phrase of ``lexicons/reporting_verbs.tsv``
the cue stands for), what was said (``content``) and who said it (``speaker``). The
constructions are registered in :data:`CONSTRUCTIONS`, in order; for each token the first one
that matches reads it (see :mod:`extract.speech.constructions`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Literal

from spacy.tokens import Span, Token

from extract import lexicons
from extract.rules import Registry
from extract.speech.state import SpeechState

# Dependencies by which the word completing a two-word reporting phrase hangs on its verb
# ("call for", "voice concern", "make clear").
_PHRASE_DEPS = ("prt", "prep", "dobj", "acomp", "oprd", "ccomp", "advmod", "dative")


@cache
def verb_frames() -> dict[str, str]:
    """Reporting phrase -> frame (speech, act, assent, commit, refuse)."""
    return {row["phrase"]: row["frame"] for row in lexicons.table("reporting_verbs.tsv")}


def phrase_of(tok: Token) -> str | None:
    """The reporting phrase a verb (with one of its children) stands for, if any."""
    verbs = verb_frames()
    lemma = tok.lemma_.lower()
    for child in tok.children:
        two = f"{lemma} {child.lower_}"
        if two in verbs and child.dep_ in _PHRASE_DEPS:
            return two
    return lemma if lemma in verbs and " " not in lemma else None


def outer_cue(verb: Token) -> Token | None:
    """The reporting verb a subjectless reporting verb is coordinated with, where the parser
    hung it on the reported clause instead ("He said X were Y but predicted Z")."""
    head = verb.head
    if (
        verb.dep_ == "conj"
        and head.dep_ == "ccomp"
        and head.head.i < verb.i
        and phrase_of(verb)
        and phrase_of(head.head)
    ):
        return head.head
    return None


@dataclass(frozen=True)
class Cue:
    """A token that reports speech, the phrase it stands for and the construction that read
    it."""

    token: Token
    phrase: str
    construction: Construction

    @property
    def frame(self) -> str:
        return verb_frames()[self.phrase]

    def content(self, st: SpeechState, sent: Span) -> list[Token] | None:
        return self.construction.content(st, self, sent)

    def speaker(self, st: SpeechState) -> str | None:
        return self.construction.speaker(st, self)


@dataclass(frozen=True)
class Construction:
    """One reporting construction: how a cue is recognised, its content and its speaker.

    ``content`` returns None when the cue reports nothing (no statement); ``speaker`` None when
    no actor speaks. ``nested`` says what becomes of a cue found inside another cue's content:
    ``relay`` - its speaker speaks and the outer one relays ("Xinhua said Xi stressed ...");
    ``drop`` - it is part of the outer statement ("X said prices, according to Y, rose").
    """

    name: str
    reads: str  # one line: the construction it reads
    example: str
    match: Callable[[SpeechState, Token], str | None]
    content: Callable[[SpeechState, Cue, Span], list[Token] | None]
    speaker: Callable[[SpeechState, Cue], str | None]
    nested: Literal["relay", "drop"] = "relay"

    def __call__(self, st: SpeechState, tok: Token) -> str | None:
        """The phrase ``tok`` cues in this construction, if it does."""
        return self.match(st, tok)


CONSTRUCTIONS: Registry[Construction] = Registry("reporting construction")


def construction(c: Construction) -> Construction:
    """Register a construction under its name, after those registered before it."""
    return CONSTRUCTIONS.register(c.name)(c)


def cues_in(st: SpeechState, sent: Span) -> Iterator[Cue]:
    """The cues of a sentence outside quotation marks, in order; the first construction that
    matches a token reads it."""
    for tok in sent:
        if st.in_quote(tok):
            continue
        for c in CONSTRUCTIONS:
            phrase = c(st, tok)
            if phrase:
                yield Cue(tok, phrase, c)
                break


__all__ = [
    "CONSTRUCTIONS",
    "Construction",
    "Cue",
    "construction",
    "cues_in",
    "outer_cue",
    "phrase_of",
    "verb_frames",
]
