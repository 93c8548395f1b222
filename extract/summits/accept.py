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
    if obj is not None and not (
        obj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or obj.pos_ == "PRON"
    ):
        return False
    return head.tag_ != "VBN" or any(c.dep_ == "nsubj" for c in head.children)


_BY_KIND = dict(ACCEPT_RULES.items())


def accepts(head: Token, kind: str, earlier: Sequence[Draft]) -> bool:
    """Whether the trigger ``head`` of ``kind`` names a summit here."""
    rule = _BY_KIND.get(kind)
    return rule is None or rule(head, earlier)
