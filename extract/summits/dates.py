"""When a summit is: the first date near the trigger, its governing verb or that verb's
prepositional and adverbial phrases ("met on Friday", "leaves on a visit on Wednesday")."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Token

from extract.records import TimeRef
from extract.syntax import future_of, time_near


def date_tokens(args: list[Token], gov: Token | None) -> list[Token]:
    """Where a summit's date may be written, nearest first: the trigger's own phrase, the
    governing verb, its "on/in ..." phrases and temporal nouns, then its adverbs."""
    if gov is None:
        return list(args)
    near = [t for c in gov.children if c.dep_ in ("prep", "npadvmod") for t in c.subtree]
    adverbs = [t for c in gov.children if c.dep_ == "advmod" for t in c.subtree]
    return [*args, gov, *near, *adverbs]


def summit_time(args: list[Token], gov: Token | None, published: dt.date | None) -> TimeRef | None:
    """The summit's date, resolved against the publication date (a bare "Monday" is the last
    or next one, as the governing verb's tense says)."""
    return time_near(date_tokens(args, gov), published, future_of(gov))
