"""Trigger acceptance: words of ``summit_triggers.tsv`` that also mean other things ("calls for
action", "talk" in the singular, "meet a target") are summits only in some constructions.

:data:`ACCEPT_RULES` holds one rule per trigger kind, registered under the kind; a kind without
a rule is always accepted.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Token

from extract.rules import Registry
from extract.summits.draft import Draft
from extract.summits.lexicon import words

AcceptRule = Callable[[Token, Sequence[Draft]], bool]
# One rule per trigger kind (the ``kind`` column of ``summit_triggers.tsv``), registered under it.
ACCEPT_RULES: Registry[AcceptRule] = Registry("summit acceptance")


@ACCEPT_RULES.register("PhoneCall")
def phone_call_noun(head: Token, earlier: Sequence[Draft]) -> bool:
    """A "call" noun is a phone call with a phone word, a party or an earlier call: "a phone
    call with Xi", not "calls for calm" or "a call on Monday's vote"."""
    if head.pos_ != "NOUN":
        return True
    preps = {c.lower_ for c in head.children if c.dep_ == "prep"}
    dated = any(
        c.ent_type_ in ("DATE", "TIME")
        for p in head.children
        if p.lower_ == "on"
        for c in p.children
    )
    if preps & words("non_call_preposition") or ("on" in preps and not dated) or head.tag_ == "NNS":
        return False
    phone = words("phone")
    named_phone = (
        any(c.lower_ in phone for c in head.children)
        or head.doc[max(0, head.i - 1)].lower_ in phone
    )
    return (
        named_phone
        or bool(preps & words("call_party_preposition"))
        or any(d.group == "call" for d in earlier)
    )


@ACCEPT_RULES.register("Talks")
def plural_talks(head: Token, earlier: Sequence[Draft]) -> bool:
    """Talks are plural: "held talks", not "a talk on trade"."""
    return head.tag_ == "NNS" or head.lower_ in words("talks_noun")


@ACCEPT_RULES.register("Meeting")
def meeting_verb(head: Token, earlier: Sequence[Draft]) -> bool:
    """ "meet" is a meeting with people on both sides: "Biden met Xi", not "met a cool reception"
    or "criteria had to be met"."""
    if head.pos_ != "VERB":
        return True
    obj = next((c for c in head.children if c.dep_ == "dobj"), None)
    if obj is not None and not (obj.ent_type_ in _PARTY_ENTITIES or obj.pos_ == "PRON"):
        return False
    if head.lemma_.lower() in words("party_object_verb"):
        # "hosted Xi", "received the Japanese envoy", not "received a letter" or "hosted a dinner"
        return obj is not None and (_is_party(obj) or obj.lower_ in _PERSONAL_OBJECTS)
    return head.tag_ != "VBN" or any(c.dep_ == "nsubj" for c in head.children)


_PERSONAL_OBJECTS = frozenset({"him", "her", "them"})


def _is_party(tok: Token) -> bool:
    """A named person, body or state, or a common noun a nationality qualifies ("the Chinese
    envoy"; not "IMF approval", whose name is a compound)."""
    if tok.ent_type_ in _PARTY_ENTITIES:
        return True
    return tok.pos_ == "NOUN" and any(
        c.ent_type_ == "NORP" and c.dep_ == "amod" for c in tok.children
    )


_PARTY_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


@ACCEPT_RULES.register("Visit")
def destination_verb(head: Token, earlier: Sequence[Draft]) -> bool:
    """A movement verb is a visit only when it reaches a place: "flew to Lima", "arrived in
    Seoul", "toured Asia"; not "prices flew" or "arrived at a decision"."""
    if head.pos_ != "VERB" or head.lemma_.lower() not in words("destination_verb"):
        return True
    preps = words("destination_preposition")
    places = [
        o
        for c in head.children
        if c.dep_ == "prep" and c.lower_ in preps
        for o in c.children
        if o.dep_ == "pobj"
    ]
    places += [c for c in head.children if c.dep_ == "dobj"]
    return any(t.ent_type_ in _PLACE_ENTITIES for t in places)


_PLACE_ENTITIES = frozenset({"GPE", "LOC"})


_BY_KIND = dict(ACCEPT_RULES.items())


def accepts(head: Token, kind: str, earlier: Sequence[Draft]) -> bool:
    """Whether the trigger ``head`` of ``kind`` names a summit here."""
    if _denied(head):
        return False
    rule = _BY_KIND.get(kind)
    return rule is None or rule(head, earlier)


def _denied(head: Token) -> bool:
    """A meeting the text says there is none of: "no meeting", "there were no plans for an
    emergency meeting" (the determiner "no" on the trigger or on the noun it is "for")."""
    if head.pos_ != "NOUN":
        return False
    phrase = head.head if head.dep_ == "appos" else head  # "an emergency OPEC meeting" misparsed
    owner = phrase.head.head if phrase.dep_ == "pobj" and phrase.head.lower_ == "for" else None
    return any(
        c.dep_ == "det" and c.lower_ == "no"
        for t in (head, owner)
        if t is not None
        for c in t.children
    )
