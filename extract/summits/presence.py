"""Visits named by being somewhere, with no visit word: "when he was in Tokyo", "Scholz is in
Lima for talks" (the issue's "was in Lima for").

A form of a ``presence_verb`` of ``summit_words.tsv`` ("be", "stay") is a visit when its
subject is a person and it has an "in <place>" of its own; the place's state is the host. A
person at home ("the Japanese minister was in Tokyo") visits nobody: see
:func:`extract.summits.completion.at_home`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from extract.discourse import PERSONAL_PRONOUNS
from extract.summits.lexicon import words
from extract.triggers import Trigger

_PLACE_ENTITIES = ("GPE", "LOC")


def presence_triggers(doc: Doc) -> list[Trigger]:
    """One Visit trigger per presence verb that puts a person in a named place."""
    verbs = words("presence_verb")
    return [
        Trigger(t.i, t.i + 1, "Visit", "visit")
        for t in doc
        if t.lemma_ in verbs and t.dep_ not in ("aux", "auxpass") and _person_in_place(t)
    ]


def is_presence(head: Token) -> bool:
    return head.lemma_ in words("presence_verb") and head.pos_ in ("AUX", "VERB")


def _person_in_place(verb: Token) -> bool:
    """ "he was in Tokyo": a person subject, an "in" phrase naming a place, and nothing the
    verb says the person is ("was in charge", "was in talks" name no place; "was a guest in
    Paris" is said of the guest)."""
    subj = None
    place = False
    for c in verb.children:
        if c.dep_ in ("attr", "acomp", "xcomp", "ccomp"):
            return False
        if c.dep_ == "nsubj":
            subj = c
        elif c.dep_ == "prep" and c.lower_ == "in":
            place = place or any(
                o.dep_ == "pobj" and o.ent_type_ in _PLACE_ENTITIES for o in c.children
            )
    return (
        place
        and subj is not None
        and (
            subj.ent_type_ == "PERSON" or (subj.lower_ in PERSONAL_PRONOUNS and subj.tag_ == "PRP")
        )
    )
