"""Frozen records of a parsed researcher question: what :mod:`extract.questions` hands on.

Kept apart from the parser so the graph layer can read a :class:`Question` without importing
spaCy (the layering contract). Like the extraction records they hold names and Wikidata QIDs,
never IRIs: finding the graph resources a name means is the graph layer's job.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class Intent(StrEnum):
    """The kinds of question newskg can turn into SPARQL (see ``question_patterns.tsv``)."""

    STATEMENTS = "statements"  # what did X say (about Y) (between dates)
    WHO_SAID = "who_said"  # who said what about Y
    STATEMENT_COUNTS = "statement_counts"  # how many statements per speaker (about Y)
    REPORTED_BY = "reported_by"  # who reported what X said
    MEETINGS = "meetings"  # who met whom; which meetings did X and Y attend
    PLANNED_SUMMITS = "planned_summits"  # which summits are planned
    POLICIES = "policies"  # which policies concern Y; which policies did X impose
    AGREEMENTS = "agreements"  # what did X and Y agree


@dataclass(frozen=True, slots=True)
class Pattern:
    """One row of ``question_patterns.tsv``."""

    intent: Intent
    pattern: str
    example: str


@dataclass(frozen=True, slots=True)
class NameRef:
    """A name as a question gives it ("Xi", "the South Korean government", "the sanctions").

    ``forms`` are the names to look for among labels, aliases and roles in the graph (the
    words of the question first); ``qids`` the Wikidata items the extractors' linking gives the
    words; ``policy_kinds`` the nkg:Policy subclasses the words name ("embargo" -> Embargo).
    ``ignored`` keeps the words of the slot that did not name the thing asked about.
    """

    role: str
    text: str
    forms: tuple[str, ...]
    qids: tuple[str, ...] = ()
    policy_kinds: tuple[str, ...] = ()
    person: bool = False
    ignored: str | None = None


@dataclass(frozen=True, slots=True)
class DateRange:
    """The dates a question is restricted to, as written and resolved (either end may be open)."""

    text: str
    earliest: dt.date | None = None
    latest: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Question:
    """A question as understood: intent, names by role, filters, and what was left aside.

    ``intent`` is ``None`` when no pattern fits; ``nearest`` then lists the closest supported
    patterns, and ``names`` what was still recognised (role ``mentioned``).
    """

    text: str
    intent: Intent | None
    pattern: Pattern | None = None
    names: tuple[NameRef, ...] = ()
    statuses: tuple[str, ...] = ()
    policy_kinds: tuple[str, ...] = ()
    dates: DateRange | None = None
    notes: tuple[str, ...] = ()
    nearest: tuple[Pattern, ...] = ()

    def role(self, role: str) -> tuple[NameRef, ...]:
        """The names given for one role (``speaker``, ``topic``, ``participant`` ...)."""
        return tuple(n for n in self.names if n.role == role)
