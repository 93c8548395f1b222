"""Frozen, typed records: what extraction hands to the graph layer.

Records refer to each other by ``key`` (a string unique within one document's extraction), never
by IRI: minting IRIs is the graph layer's job. Character offsets are into the document text as
given to spaCy, so provenance can point back into it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class ActorKind(StrEnum):
    """Values are the local names of ontology classes (checked by a test)."""

    PERSON = "Person"
    COUNTRY = "Country"
    ORGANIZATION = "Organization"
    GOVERNMENT_BODY = "GovernmentBody"
    INTERNATIONAL_ORGANIZATION = "InternationalOrganization"
    NEWS_ORGANIZATION = "NewsOrganization"
    ANONYMOUS = "AnonymousSource"
    PLACE = "Place"
    CITY = "City"


class TopicKind(StrEnum):
    TOPIC = "Topic"
    COMMODITY = "Commodity"
    EVENT = "Event"


class SummitKind(StrEnum):
    SUMMIT = "Summit"
    PHONE_CALL = "PhoneCall"
    MEETING = "Meeting"
    TALKS = "Talks"
    VISIT = "Visit"
    STATE_VISIT = "StateVisit"


class PolicyKind(StrEnum):
    POLICY = "Policy"
    PURCHASE_COMMITMENT = "PurchaseCommitment"
    TARIFF = "Tariff"
    SANCTION = "Sanction"
    EXPORT_RESTRICTION = "ExportRestriction"
    IMPORT_RESTRICTION = "ImportRestriction"
    QUOTA = "Quota"
    EMBARGO = "Embargo"
    TRADE_AGREEMENT = "TradeAgreement"
    SUBSIDY = "Subsidy"
    AID = "Aid"
    MILITARY_AID = "MilitaryAid"


class PolicyStatus(StrEnum):
    """Where a policy stands: the one list of ``nkg:status`` values of a policy (the SHACL
    ``sh:in`` of ``nkgsh:PolicyShape`` in ``ontology/shapes.ttl``, checked by a test)."""

    PROPOSED = "proposed"
    ANNOUNCED = "announced"
    PLEDGED = "pledged"
    AGREED = "agreed"
    IMPOSED = "imposed"
    RESUMED = "resumed"
    SUSPENDED = "suspended"
    LIFTED = "lifted"
    THREATENED = "threatened"
    REJECTED = "rejected"


class SummitStatus(StrEnum):
    """Where a summit stands: the ``sh:in`` of ``nkgsh:SummitShape`` (checked by a test)."""

    HELD = "held"
    PLANNED = "planned"
    INVITED = "invited"
    FAILED = "failed"
    ONGOING = "ongoing"


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where in the document text a record comes from."""

    start: int
    end: int
    sentence: str
    sentence_start: int
    sentence_end: int


@dataclass(frozen=True, slots=True)
class Mention:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class TimeRef:
    """A date expression: the words, and what they resolve to against the publication date.

    ``day`` is set when a single day is known; otherwise ``earliest``/``latest`` bound a range
    (either may be missing). With no publication date only ``text`` is set.
    """

    text: str
    day: dt.date | None = None
    earliest: dt.date | None = None
    latest: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """A person, state, organisation or place, resolved once per document."""

    key: str
    label: str
    kind: ActorKind
    mentions: tuple[Mention, ...]
    qid: str | None = None
    description: str | None = None
    role: str | None = None
    country_qid: str | None = None
    link_confidence: float | None = None
    confidence: float = 1.0
    candidates: tuple[tuple[str, float], ...] = ()
    """QIDs it may be, with their confidence, when linking left it tied (then ``qid`` is None)."""
    affiliation: str | None = None
    """For an unnamed speaker ("his lawyer", "Kenyan officials"): the actor key it belongs to."""


@dataclass(frozen=True, slots=True)
class Topic:
    key: str
    label: str
    kind: TopicKind
    mentions: tuple[Mention, ...]
    qid: str | None = None
    description: str | None = None
    link_confidence: float | None = None


@dataclass(frozen=True, slots=True)
class Statement:
    """A speech act with an identifiable speaker (``speaker`` is an actor key)."""

    speaker: str
    evidence: Evidence
    cue: str | None
    direct: bool
    quote: str | None = None
    about: tuple[str, ...] = ()
    reported_by: str | None = None
    time: TimeRef | None = None
    confidence: float = 0.8


@dataclass(frozen=True, slots=True)
class NonStatement:
    """A speech act that is negated or declined: kept apart so it is never a Statement."""

    speaker: str
    evidence: Evidence
    cue: str | None
    about: tuple[str, ...] = ()
    confidence: float = 0.8


@dataclass(frozen=True, slots=True)
class Summit:
    key: str
    kind: SummitKind
    label: str
    evidence: Evidence
    participants: tuple[str, ...] = ()
    location: str | None = None
    time: TimeRef | None = None
    status: str | None = None
    initiated_by: str | None = None
    outcomes: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    confidence: float = 0.7


@dataclass(frozen=True, slots=True)
class Policy:
    key: str
    kind: PolicyKind
    label: str
    evidence: Evidence
    actor: str | None = None
    target: str | None = None
    commodity: str | None = None
    quantity: Decimal | None = None
    unit: str | None = None
    status: str | None = None
    time: TimeRef | None = None
    mentions: tuple[Mention, ...] = ()
    confidence: float = 0.7


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """The article itself: identity and metadata."""

    id: str
    text: str
    sha256: str
    title: str | None = None
    date: dt.date | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one document."""

    document: DocumentInfo
    actors: tuple[Actor, ...] = ()
    topics: tuple[Topic, ...] = ()
    statements: tuple[Statement, ...] = ()
    non_statements: tuple[NonStatement, ...] = ()
    summits: tuple[Summit, ...] = ()
    policies: tuple[Policy, ...] = ()
