"""Guards: cues that are not speech, one named rule each.

Before a cue's content and speaker are read, :func:`guard` runs the rules of :data:`GUARDS` in
order. A rule returns None to let the cue through, or a :class:`Blocked` - with a
:class:`~extract.records.NonStatement` when the text says the speech did not happen ("declined
to comment", "has not commented"), without one for speech still to come, or a verb that only
serves another ("declined to say" is read once, at "declined").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from extract import lexicons
from extract.modality import SPEECH
from extract.records import NonStatement
from extract.rules import Registry
from extract.speech.cues import Cue, phrase_of, verb_frames
from extract.speech.freeze import non_statement
from extract.speech.state import SpeechState


@dataclass(frozen=True)
class Blocked:
    """The cue is no statement; ``record`` is the NonStatement it makes, if any."""

    record: NonStatement | None = None


Guard = Callable[[SpeechState, Cue, Span], Blocked | None]
GUARDS: Registry[Guard] = Registry("guard")
SILENT = Blocked()


@cache
def _negations() -> frozenset[str]:
    return lexicons.words("negations.txt")


def _modals() -> frozenset[str]:
    return SPEECH


def guard(st: SpeechState, cue: Cue, sent: Span) -> Blocked | None:
    """The first guard that blocks ``cue``, if any."""
    for rule in GUARDS:
        blocked = rule(st, cue, sent)
        if blocked is not None:
            return blocked
    return None


def negated(verb: Token) -> bool:
    """Whether a verb is negated ("did not mention"; "has not committed to saying" one level
    up)."""
    if any(
        c.dep_ == "neg" or c.lower_ in _negations() and c.dep_ in ("advmod", "neg")
        for c in verb.children
    ):
        return True
    return verb.dep_ == "xcomp" and any(c.dep_ == "neg" for c in verb.head.children)


@GUARDS.register("refused speech")
def refused(st: SpeechState, cue: Cue, sent: Span) -> Blocked | None:
    """A refusal to speak is a NonStatement: "She declined to comment on the talks." """
    if cue.frame != "refuse":
        return None
    inner = [c for c in cue.token.children if c.dep_ == "xcomp"]
    if inner and phrase_of(inner[0]):
        speaker = cue.speaker(st)
        if speaker:
            return Blocked(non_statement(st, speaker, cue.token, sent, inner[0].lemma_))
    return SILENT


@GUARDS.register("refused verb")
def refused_verb(st: SpeechState, cue: Cue, sent: Span) -> Blocked | None:
    """The verb a refusal governs is read with the refusal: "He refused to say more." """
    head = cue.token.head.lemma_.lower()
    if cue.token.dep_ == "xcomp" and verb_frames().get(head) == "refuse":
        return SILENT
    return None


@GUARDS.register("quoting verb")
def quoting(st: SpeechState, cue: Cue, sent: Span) -> Blocked | None:
    """ "Quoted as saying" is read once, at the verb quoted: "He was quoted as saying ..." """
    if (
        any(
            c.dep_ == "prep"
            and c.lower_ == "as"
            and any(g.dep_ == "pcomp" and phrase_of(g) for g in c.children)
            for c in cue.token.children
        )
        and cue.token.lemma_.lower() == "quote"
    ):
        return SILENT
    return None


@cache
def _deed_objects() -> frozenset[tuple[str, str]]:
    return frozenset((r["verb"], r["object"]) for r in lexicons.table("deed_objects.tsv"))


@GUARDS.register("deed object")
def deed_object(st: SpeechState, cue: Cue, sent: Span) -> Blocked | None:
    """A reporting verb whose object makes it a deed: "She called a snap election." """
    # Also a passive infinitive a request governs: "who asked not to be named" (anonymity).
    verb = cue.token
    lemma = verb.lemma_.lower()
    if _passive_deed(verb.head, verb):
        return SILENT  # "named" in "asked not to be named" is the request's, not speech
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass") and (lemma, c.lemma_.lower()) in _deed_objects():
            return SILENT
        if c.dep_ in ("prep", "agent") and (lemma, f"prep:{c.lower_}") in _deed_objects():
            return SILENT
        if _passive_deed(verb, c):
            return SILENT
    return None


def _passive_deed(verb: Token, inner: Token) -> bool:
    """Whether ``inner`` is a passive infinitive that makes ``verb`` a deed ("asked not to be
    named")."""
    return (
        inner.dep_ == "xcomp"
        and inner.head == verb
        and any(g.dep_ == "auxpass" for g in inner.children)
        and (verb.lemma_.lower(), f"passive:{inner.lemma_.lower()}") in _deed_objects()
    )


@GUARDS.register("relayed pledge")
def relayed_pledge(st: SpeechState, cue: Cue, sent: Span) -> Blocked | None:
    """A pledge in another speaker's clause is that speaker's claim: "He said they vowed to." """
    verb = cue.token
    if cue.frame == "pledge" and verb.dep_ == "ccomp" and phrase_of(verb.head):
        return SILENT
    return None


@GUARDS.register("modal")
def modal(st: SpeechState, cue: Cue, sent: Span) -> Blocked | None:
    """Speech still to come: "They would insist on pay.", "They are to ask for more." """
    verb = cue.token
    if any(c.dep_ == "aux" and c.lower_ in _modals() for c in verb.children):
        return SILENT
    if verb.dep_ == "xcomp" and verb.head.lemma_ == "be" and verb.head.pos_ == "AUX":
        return SILENT if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) else None
    return None


@GUARDS.register("reduced passive")
def reduced_passive(st: SpeechState, cue: Cue, sent: Span) -> Blocked | None:
    """Who was asked does not speak by being asked: "Asked about the plant, she declined." """
    verb = cue.token
    # The tagger reads a clause-initial participle as a past tense ("Reminded that ..., she
    # said"); a finite verb of an adverbial clause would have a subject of its own.
    participle = verb.tag_ == "VBN" or verb.tag_ == "VBD" and verb.dep_ == "advcl"
    if (
        participle
        and verb.dep_ in ("advcl", "acl", "ROOT")
        and not any(c.dep_ in ("aux", "auxpass", "nsubj") for c in verb.children)
    ):
        return SILENT
    return None


@GUARDS.register("negated or uncommitted")
def negated_speech(st: SpeechState, cue: Cue, sent: Span) -> Blocked | None:
    """Negated speech is a NonStatement, whatever its object: "He has not commented on it." """
    is_negated = negated(cue.token)
    if cue.frame != "commit" and not is_negated:
        return None
    if is_negated and (speaker := cue.speaker(st)):
        return Blocked(non_statement(st, speaker, cue.token, sent, cue.phrase))
    return SILENT


__all__ = ["GUARDS", "SILENT", "Blocked", "Guard", "guard", "negated"]
