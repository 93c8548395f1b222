"""A summit while the document is read: one per real-world event, filled by later mentions."""

from __future__ import annotations

from dataclasses import dataclass, field

from extract.records import Evidence, Mention, SummitKind, TimeRef

VISIT_KINDS = frozenset({SummitKind.VISIT, SummitKind.STATE_VISIT})


def is_visit_kind(kind: SummitKind) -> bool:
    return kind in VISIT_KINDS


@dataclass
class Draft:
    """Mutable on purpose: a later mention ("the call") adds its mention, time, place and
    initiator to the summit it refers back to (see ``antecedents.merge_mention``)."""

    kind: SummitKind
    group: str
    evidence: Evidence
    participants: list[str]
    location: str | None
    status: str | None
    time: TimeRef | None
    initiated_by: str | None = None
    outcomes: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    tokens: set[int] = field(default_factory=set)
    name: str | None = None  # as the text names it: "G8 summit" (labels.written_name)
