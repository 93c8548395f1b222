"""Antecedents: a later mention of a summit ("the call", "Monday's call", "the conversation")
is the latest summit of its trigger group, so one real-world meeting is one record.

The group comes from the trigger lexicon (``summit_triggers.tsv``: a call, a gathering, a
visit); "the next meeting", "further talks" are new summits, never an earlier one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Token

from extract.records import Mention, SummitKind, TimeRef
from extract.summits.draft import VISIT_KINDS, Draft
from extract.summits.lexicon import words


def mention_is_new(head: Token) -> bool:
    """ "the next meeting", "further talks", "resume negotiations": a new summit of parties
    who met before (a round resumed is another round, with its own place and date)."""
    return any(c.lower_ in words("new_mention") for c in head.children) or (
        head.dep_ == "dobj" and head.head.lemma_.lower() in words("resume_verb")
    )


def _definite(head: Token) -> bool:
    """ "the call", "Monday's call", "the Camp David Summit"."""
    indefinite = words("indefinite")
    return (
        any(c.dep_ in ("det", "poss") and c.lower_ not in indefinite for c in head.children)
        or head.pos_ == "PROPN"
    )


def antecedent(
    head: Token,
    kind: SummitKind,
    group: str,
    parts: Sequence[str],
    location: str | None,
    drafts: Sequence[Draft],
    state_of: Callable[[str], str | None] = lambda _key: None,
) -> Draft | None:
    """The earlier summit a mention refers back to, if any: the latest of its group that its
    place and parties do not contradict, when the mention is definite, at the same place, or
    an undetermined noun naming some of its parties ("talks with Xi"); not when both its sides
    are known and the mention meets someone else (``state_of`` gives a party's state, which is
    no one else)."""
    if mention_is_new(head):
        return None
    definite = _definite(head)
    if definite and not parts and (named := _latest_named(head, kind, group, location, drafts)):
        return named
    for old in reversed(drafts):
        if old.group != group:
            continue
        same_kind = (
            old.kind is kind
            or {old.kind, kind} <= VISIT_KINDS
            or (head.lemma_ == "discussion" and {old.kind, kind} <= _DISCUSSION_KINDS)
        )
        if location and old.location and location != old.location:
            continue
        if parts and old.participants and not set(parts) & set(old.participants):
            continue
        if _someone_else(parts, old.participants, state_of) or _other_topic(head, old):
            continue
        if definite and (same_kind or not parts):
            return old
        if same_kind and location and location == old.location:
            return old
        if (
            same_kind
            and parts
            and set(parts) <= set(old.participants)
            and head.pos_ == "NOUN"
            and not any(c.dep_ == "det" for c in head.children)
        ):
            return old
    return None


def _latest_named(
    head: Token, kind: SummitKind, group: str, location: str | None, drafts: Sequence[Draft]
) -> Draft | None:
    """The summit a bare definite mention names by its own word: the latest one a mention of
    the same noun named ("an informal gathering ... the spring meetings ... insisted at the
    gathering"), else for "the summit" the latest summit, past any meeting read since ("Blair
    is at a summit ... Chirac would meet Allawi ... The summit is expected to agree")."""
    doc, lemma = head.doc, head.lemma_.lower()

    def fits(d: Draft) -> bool:
        return d.group == group and not (location and d.location and location != d.location)

    same_word = (
        d
        for d in reversed(drafts)
        if fits(d) and any(doc[i].lemma_.lower() == lemma for i in d.tokens)
    )
    if (found := next(same_word, None)) is not None:
        return found
    if kind not in _NAMED_KINDS:
        return None
    return next((d for d in reversed(drafts) if d.kind is kind and fits(d)), None)


_NAMED_KINDS = frozenset({SummitKind.SUMMIT})


def _topics(tok: Token) -> set[str]:
    """What a summit word says it is about: the head word of its "on/about" phrase."""
    return {
        o.lemma_.lower()
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in words("topic_preposition")
        for o in c.children
        if o.dep_ in ("pobj", "pcomp")
    }


def _other_topic(head: Token, old: Draft) -> bool:
    """Talks on one thing are not talks on another: "negotiations on its budget plans ... EU
    leaders are holding talks on how to re-energise the economy"."""
    mine = _topics(head)
    theirs = {t for i in old.tokens for t in _topics(head.doc[i])}
    return bool(mine and theirs and not mine & theirs)


# "discussions" are talks or, among people only, a meeting (``completion.py``): either is the
# kind of a later mention of them.
_DISCUSSION_KINDS = frozenset({SummitKind.TALKS, SummitKind.MEETING})


def _someone_else(
    parts: Sequence[str], old: Sequence[str], state_of: Callable[[str], str | None]
) -> bool:
    """ "Funaro met Lawson ... his talks with U.S. officials": a party neither side of the
    earlier meeting is, nor the state of one of them."""
    if len(old) < 2:
        return False
    known = set(old) | {s for p in old if (s := state_of(p)) is not None}
    return bool(set(parts) - known)


def merge_mention(
    old: Draft,
    mention: Mention,
    head: Token,
    participants: Sequence[str],
    location: str | None,
    time: TimeRef | None,
    initiator: str | None,
) -> None:
    """Fold a later mention into its summit: what the summit lacks, the mention gives (at most
    two parties: a later mention's extra names are usually not the summit's)."""
    old.mentions.append(mention)
    old.tokens.add(head.i)
    old.location = old.location or location
    old.time = old.time or time
    old.initiated_by = old.initiated_by or initiator
    for p in participants:
        if p not in old.participants and len(old.participants) < 2:
            old.participants.append(p)
