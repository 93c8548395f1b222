"""The parse around one policy trigger, which every slot rule reads: :class:`Site`."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from extract.actors import ActorIndex
from extract.context import DocContext
from extract.policies.lexicon import policy_words
from extract.syntax import argument_tokens, governor
from extract.triggers import verb_read_as_modifier


@dataclass(frozen=True)
class Site:
    """One trigger in its sentence.

    ``head`` is the trigger's last word ("tariffs", "embargo", "buy"); ``gov`` the verb that
    governs it (the trigger itself when it is a verb); ``args`` the phrase it heads
    ("tariffs of 10 pct on Chilean copper"); ``home`` the state of the dateline city.
    """

    ctx: DocContext
    head: Token
    gov: Token | None
    args: tuple[Token, ...]
    home: str | None

    @property
    def actors(self) -> ActorIndex:
        return self.ctx.actors

    @property
    def args_chars(self) -> tuple[int, int]:
        """Character offsets of the argument phrase in the document text."""
        first, last = self.args[0], self.args[-1]
        return first.idx, last.idx + len(last.text)


def site_of(ctx: DocContext, head: Token, home: str | None) -> Site:
    """The site of a trigger whose last word is ``head``."""
    args = argument_tokens(head)
    if verb_read_as_modifier(head, "VERB", head.lower_):
        # "voluntarily restrain exports" read as "voluntary exports": the noun's phrase too.
        args = sorted({*args, *argument_tokens(head.head)}, key=lambda t: t.i)
    if head.lemma_.lower() in policy_words("agreement_noun"):
        # "an accord which guarantees the price of cocoa": the relative clause is what the
        # agreement covers, its goods and parties.
        for child in head.children:
            if child.dep_ == "relcl":
                args = sorted({*args, *child.subtree}, key=lambda t: t.i)
    # A verb trigger ("buy") governs its own phrase; keep the very token so rules can tell
    # the trigger from the verbs above it by identity.
    gov = head if head.pos_ == "VERB" else governor(head)
    if head.pos_ == "VERB" and head.dep_ == "amod" and head.head.pos_ == "NOUN":
        # "offer subsidized wheat": a participle on goods is done by whoever handles the goods,
        # so the verb over the noun governs, and the noun's phrase is the measure's.
        args = sorted({*args, *argument_tokens(head.head)}, key=lambda t: t.i)
        gov = governor(head.head)
    return Site(ctx, head, gov, tuple(args), home)


__all__ = ["Site", "site_of"]
