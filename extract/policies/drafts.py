"""Policy drafts while a document is read: one per measure, with every mention of it; then
the records, in order of first mention."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from extract.actors import ActorIndex
from extract.policies.lexicon import label as kind_label
from extract.policies.lexicon import policy_words, restrictive
from extract.quantities import Quantity
from extract.records import Evidence, Mention, Policy, PolicyKind, PolicyStatus, TimeRef
from extract.topics import TopicIndex


@dataclass
class Draft:
    kind: PolicyKind
    evidence: Evidence
    trigger: Span
    actor: str | None
    target: str | None
    commodity: str | None
    quantity: Quantity | None
    status: PolicyStatus
    time: TimeRef | None
    definite: bool
    strong: bool = False
    mentions: list[Mention] = field(default_factory=list)


def definite(head: Token, kind: PolicyKind) -> bool:
    """Referring back: 'the embargo', 'its restrictions'; a bare plural measure ('sanctions')
    also names the ones already in force, but bare 'purchases' are new ones."""
    if any(
        c.dep_ in ("det", "poss") and c.lower_ in policy_words("referring_word")
        for c in head.children
    ):
        return True
    return (
        restrictive(kind)
        and head.tag_ == "NNS"
        and not any(c.dep_ in ("det", "nummod") for c in head.children)
    )


def same_as(new: Draft, drafts: list[Draft]) -> Draft | None:
    """An earlier record this mention repeats: same kind, no clashing actor, target, commodity
    or amount; purchases only when referred back to ("the purchases") without a new amount."""
    for old in reversed(drafts):
        if old.kind is not new.kind:
            continue
        if new.quantity is not None and (
            old.quantity is None or old.quantity.value != new.quantity.value
        ):
            continue
        # A definite mention ("lifting the embargo") keeps the measure's owner even when the
        # verb around it has another subject; only a possessor ("Japan's quota") tells apart.
        weak = new.definite and not new.strong
        clash = any(
            a and b and a != b
            for a, b in (
                (None if weak else old.actor, new.actor),
                (old.target, new.target),
                (old.commodity, new.commodity),
            )
        )
        if clash:
            continue
        if new.kind in (PolicyKind.PURCHASE_COMMITMENT, PolicyKind.AID) and not (
            new.definite and new.quantity is None
        ):
            continue
        return old
    return None


def label(d: Draft, actors: ActorIndex, topics: TopicIndex) -> str:
    """ "tariff (copper) by Peru on Chile of 10 percent" """
    parts = [kind_label(d.kind)]
    if d.commodity and (t := topics.get(d.commodity)):
        parts.append(f"({t.label})")
    if d.actor and (a := actors.get(d.actor)):
        parts.append(f"by {a.label}")
    if d.target and (a := actors.get(d.target)):
        parts.append(f"{'from' if d.kind is PolicyKind.PURCHASE_COMMITMENT else 'on'} {a.label}")
    if d.quantity is not None:
        parts.append(f"of {d.quantity.value:,} {d.quantity.unit or ''}".rstrip())
    return " ".join(parts)


def record(i: int, d: Draft, actors: ActorIndex, topics: TopicIndex) -> Policy:
    """The ``i``-th policy record of the document."""
    return Policy(
        key=f"policy:{i}",
        kind=d.kind,
        label=label(d, actors, topics),
        evidence=d.evidence,
        actor=d.actor,
        target=d.target,
        commodity=d.commodity,
        quantity=d.quantity.value if d.quantity else None,
        unit=d.quantity.unit if d.quantity else None,
        status=d.status,
        time=d.time,
        mentions=tuple(d.mentions),
        confidence=0.6 if d.actor is None else 0.7,
    )


__all__ = ["Draft", "definite", "label", "record", "same_as"]
