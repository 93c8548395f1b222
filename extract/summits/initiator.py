"""Who started a meeting or call: the subject of an initiator verb ("Washington initiated the
call"), or whose request, invitation or initiative it was ("at the request of X", "at X's
invitation"). Both word lists are in ``lexicons/summit_initiators.tsv``."""

from __future__ import annotations

from spacy.tokens import Token

from extract.actors import ActorIndex
from extract.summits.lexicon import initiator_nouns, initiator_verbs
from extract.syntax import actor_of, subject_of


def _by_verb(head: Token, gov: Token | None, actors: ActorIndex) -> str | None:
    """ "Washington initiated the call": the initiator verb's subject."""
    if gov is None or gov.lemma_ not in initiator_verbs() or head.dep_ not in ("dobj", "nsubjpass"):
        return None
    who = subject_of(gov) if head.dep_ == "dobj" else None
    if who is not None and (keys := actor_of(who, actors)):
        return keys[0]
    return None


def _by_request(head: Token, actors: ActorIndex) -> str | None:
    """ "a call at the request of Paris", "talks at Xi's invitation": the noun's possessor or
    "of" object."""
    nouns = initiator_nouns()
    for tok in head.subtree:
        if tok.lemma_ not in nouns or tok.dep_ != "pobj":
            continue
        for c in tok.children:
            if c.dep_ == "poss":
                obj: Token | None = c
            elif c.dep_ == "prep" and c.lower_ == "of":
                obj = next((x for x in c.children if x.dep_ == "pobj"), None)
            else:
                continue
            if obj is not None and (keys := actor_of(obj, actors)):
                return keys[0]
    return None


def initiator(head: Token, gov: Token | None, actors: ActorIndex) -> str | None:
    """The actor that started the summit ``head`` names, if the text says."""
    return _by_verb(head, gov, actors) or _by_request(head, actors)
