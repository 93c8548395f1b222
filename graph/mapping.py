"""Records -> quads. Pure: the same extraction always gives the same quads.

Each document's extraction goes into the named graph whose IRI is the document's IRI. What is
true of an entity whatever article mentions it (its label, types, Wikidata link) goes into the
shared entities graph, so that the union of graphs holds it once; what one article says of it
(surface forms, roles, that it was mentioned) stays in that article's graph.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from functools import cache

from pyoxigraph import Literal, NamedNode, Quad

from extract.records import (
    Actor,
    ActorKind,
    Evidence,
    Extraction,
    Policy,
    Summit,
    SummitKind,
    TimeRef,
    Topic,
    TopicKind,
)
from graph.iris import DEFAULT_BASE, Minter, slug
from ontology.vocab import DCTERMS, NKG, OWL, PROV, RDF, RDFS, SCHEMA, SKOS, WIKIDATA_ENTITY, XSD

# Each specific kind is also typed with its core class (a PhoneCall is a Summit too), so that
# plain `?x a nkg:Summit` works without inference.
_ACTOR_CORE: dict[ActorKind, tuple[str, str]] = {
    ActorKind.PERSON: (NKG.Person, "person"),
    ActorKind.COUNTRY: (NKG.Country, "country"),
    ActorKind.ORGANIZATION: (NKG.Organization, "organization"),
    ActorKind.GOVERNMENT_BODY: (NKG.Organization, "organization"),
    ActorKind.INTERNATIONAL_ORGANIZATION: (NKG.Organization, "organization"),
    ActorKind.NEWS_ORGANIZATION: (NKG.Organization, "organization"),
    ActorKind.ANONYMOUS: (NKG.Actor, "source"),
    ActorKind.PLACE: (NKG.Place, "place"),
    ActorKind.CITY: (NKG.Place, "place"),
}
_PLACES = {ActorKind.PLACE, ActorKind.CITY, ActorKind.COUNTRY}
# Reports of one real-world event may name it differently ("talks", "the summit", "a meeting";
# "a visit", "a state visit"): identity compares these families, not the exact kind.
_FAMILY = {
    SummitKind.PHONE_CALL: "call",
    SummitKind.VISIT: "visit",
    SummitKind.STATE_VISIT: "visit",
    SummitKind.MEETING: "meeting",
    SummitKind.SUMMIT: "meeting",
    SummitKind.TALKS: "meeting",
}


@cache
def _n(iri: str) -> NamedNode:
    return NamedNode(iri)


def _str(value: str) -> Literal:
    return Literal(value)


def _int(value: int) -> Literal:
    return Literal(str(value), datatype=_n(XSD.nonNegativeInteger))


def _dec(value: Decimal | float) -> Literal:
    text = format(Decimal(str(value)).normalize(), "f")
    return Literal(text, datatype=_n(XSD.decimal))


def _bool(value: bool) -> Literal:
    return Literal("true" if value else "false", datatype=_n(XSD.boolean))


def _date(value: object) -> Literal:
    return Literal(str(value), datatype=_n(XSD.date))


class _Emitter:
    """Collects quads for one document, naming things through one Minter."""

    def __init__(self, extraction: Extraction, minter: Minter) -> None:
        self.x = extraction
        self.minter = minter
        doc = extraction.document
        self.doc_iri = minter.document(doc.id)
        self.doc = _n(self.doc_iri)
        self.entities = _n(minter.entities_graph)
        self.iri: dict[str, NamedNode] = {}
        for actor in extraction.actors:
            self.iri[actor.key] = _n(self._actor_iri(actor))
        for topic in extraction.topics:
            self.iri[topic.key] = _n(self.minter.entity("topic", topic.label, topic.qid))
        for i, summit in enumerate(extraction.summits, 1):
            self.iri[summit.key] = _n(minter.in_document(doc.id, "summit", str(i)))
        for i, policy in enumerate(extraction.policies, 1):
            self.iri[policy.key] = _n(minter.in_document(doc.id, "policy", str(i)))

    def _actor_iri(self, actor: Actor) -> str:
        core, path = _ACTOR_CORE[actor.kind]
        if actor.kind is ActorKind.ANONYMOUS:
            return self.minter.in_document(
                self.x.document.id, path, slug(actor.key.partition(":")[2])
            )
        return self.minter.entity(path, actor.label, actor.qid)

    def q(self, s: NamedNode, p: str, o: NamedNode | Literal) -> Quad:
        return Quad(s, _n(p), o, self.doc)

    def e(self, s: NamedNode, p: str, o: NamedNode | Literal) -> Quad:
        return Quad(s, _n(p), o, self.entities)

    def ref(self, key: str | None) -> NamedNode | None:
        return self.iri.get(key) if key else None

    # -- pieces --------------------------------------------------------------------------

    def document(self) -> Iterator[Quad]:
        d = self.x.document
        yield self.q(self.doc, RDF.type, _n(NKG.Document))
        yield self.q(self.doc, NKG.documentId, _str(d.id))
        yield self.q(self.doc, NKG.sha256, _str(d.sha256))
        yield self.q(self.doc, NKG.charLength, _int(len(d.text)))
        yield self.q(self.doc, NKG.articleText, _str(d.text))
        label = d.title or d.id
        yield self.q(self.doc, RDFS.label, _str(label))
        if d.title:
            yield self.q(self.doc, DCTERMS.title, _str(d.title))
        if d.date:
            yield self.q(self.doc, DCTERMS.date, _date(d.date))
        if d.source:
            yield self.q(self.doc, DCTERMS.source, _str(d.source))

    def provenance(self, s: NamedNode, ev: Evidence, confidence: float) -> Iterator[Quad]:
        yield self.q(s, PROV.wasDerivedFrom, self.doc)
        yield self.q(s, NKG.charStart, _int(ev.start))
        yield self.q(s, NKG.charEnd, _int(ev.end))
        yield self.q(s, NKG.sentenceStart, _int(ev.sentence_start))
        yield self.q(s, NKG.sentenceEnd, _int(ev.sentence_end))
        yield self.q(s, NKG.confidence, _dec(round(confidence, 3)))

    def time(self, s: NamedNode, t: TimeRef | None) -> Iterator[Quad]:
        if t is None:
            return
        yield self.q(s, NKG.dateText, _str(t.text))
        if t.day:
            yield self.q(s, NKG.date, _date(t.day))
        if t.earliest:
            yield self.q(s, NKG.earliestDate, _date(t.earliest))
        if t.latest:
            yield self.q(s, NKG.latestDate, _date(t.latest))

    def mentions(self, s: NamedNode, label: str, mentions: tuple) -> Iterator[Quad]:
        yield self.q(s, NKG.mentionedIn, self.doc)
        for m in mentions:
            # One resource per mention (GAF/NIF style): where the article names the entity.
            r = _n(self.minter.in_document(self.x.document.id, "mention", f"{m.start}-{m.end}"))
            yield self.q(r, RDF.type, _n(NKG.Mention))
            yield self.q(r, NKG.denotes, s)
            yield self.q(r, NKG.anchorOf, _str(m.text))
            yield self.q(r, NKG.referenceContext, self.doc)
            yield self.q(r, NKG.charStart, _int(m.start))
            yield self.q(r, NKG.charEnd, _int(m.end))
        for form in sorted({m.text for m in mentions} - {label}):
            yield self.q(s, SKOS.altLabel, _str(form))
        if mentions:
            first = min(mentions, key=lambda m: m.start)
            yield self.q(s, NKG.charStart, _int(first.start))
            yield self.q(s, NKG.charEnd, _int(first.end))

    def actor(self, a: Actor) -> Iterator[Quad]:
        s = self.iri[a.key]
        core, _ = _ACTOR_CORE[a.kind]
        # Anonymous sources belong to their document; everything else is shared.
        describe = self.q if a.kind is ActorKind.ANONYMOUS else self.e
        types = {NKG.term(a.kind.value), core}
        if a.kind in _PLACES:
            types.add(NKG.Place)
        if a.kind not in (ActorKind.PLACE, ActorKind.CITY):
            types.add(NKG.Actor)
        for t in sorted(types):
            yield describe(s, RDF.type, _n(t))
        yield describe(s, RDFS.label, _str(a.label))
        if a.qid:
            yield describe(s, OWL.sameAs, _n(WIKIDATA_ENTITY + a.qid))
        if a.description:
            yield describe(s, SCHEMA.description, _str(a.description))
        if a.country_qid:
            yield describe(s, NKG.country, _n(self.minter.entity("country", "", a.country_qid)))
        if a.role:
            yield self.q(s, NKG.role, _str(a.role))
        if a.affiliation and (owner := self.ref(a.affiliation)) is not None:
            yield self.q(s, NKG.affiliation, owner)
        yield self.q(s, NKG.confidence, _dec(round(a.link_confidence or a.confidence, 3)))
        yield from self.candidates(s, a)
        yield from self.mentions(s, a.label, a.mentions)

    def candidates(self, s: NamedNode, a: Actor) -> Iterator[Quad]:
        """The Wikidata items an unlinked actor may be (a tie left by the linker)."""
        local = slug(a.key)
        for qid, confidence in a.candidates:
            c = _n(self.minter.in_document(self.x.document.id, "candidate", f"{local}-{qid}"))
            yield self.q(s, NKG.candidate, c)
            yield self.q(c, RDF.type, _n(NKG.LinkCandidate))
            yield self.q(c, NKG.candidateItem, _n(WIKIDATA_ENTITY + qid))
            yield self.q(c, NKG.confidence, _dec(round(confidence, 3)))

    def topic(self, t: Topic) -> Iterator[Quad]:
        s = self.iri[t.key]
        yield self.e(s, RDF.type, _n(NKG.term(t.kind.value)))
        if t.kind is not TopicKind.TOPIC:
            yield self.e(s, RDF.type, _n(NKG.Topic))
        yield self.e(s, RDFS.label, _str(t.label))
        if t.qid:
            yield self.e(s, OWL.sameAs, _n(WIKIDATA_ENTITY + t.qid))
        if t.description:
            yield self.e(s, SCHEMA.description, _str(t.description))
        if t.link_confidence is not None:
            yield self.q(s, NKG.confidence, _dec(round(t.link_confidence, 3)))
        yield from self.mentions(s, t.label, t.mentions)

    def statements(self) -> Iterator[Quad]:
        doc_id = self.x.document.id
        for i, st in enumerate(self.x.statements, 1):
            s = _n(self.minter.in_document(doc_id, "statement", str(i)))
            speaker = self.iri[st.speaker]
            yield self.q(s, RDF.type, _n(NKG.Statement))
            yield self.q(s, NKG.speaker, speaker)
            yield self.q(s, PROV.wasAttributedTo, speaker)
            yield self.q(s, NKG.text, _str(st.evidence.sentence))
            yield self.q(s, RDFS.label, _str(_short(st.evidence.sentence)))
            yield self.q(s, NKG.isDirect, _bool(st.direct))
            if st.quote:
                yield self.q(s, NKG.quote, _str(st.quote))
            if st.cue:
                yield self.q(s, NKG.reportingVerb, _str(st.cue))
            if (relay := self.ref(st.reported_by)) is not None:
                yield self.q(s, NKG.reportedBy, relay)
            for key in st.about:
                if (o := self.ref(key)) is not None:
                    yield self.q(s, NKG.about, o)
            yield from self.time(s, st.time)
            yield from self.provenance(s, st.evidence, st.confidence)
        for i, ns in enumerate(self.x.non_statements, 1):
            s = _n(self.minter.in_document(doc_id, "non-statement", str(i)))
            yield self.q(s, RDF.type, _n(NKG.NonStatement))
            yield self.q(s, NKG.speaker, self.iri[ns.speaker])
            yield self.q(s, NKG.text, _str(ns.evidence.sentence))
            yield self.q(s, RDFS.label, _str(_short(ns.evidence.sentence)))
            if ns.cue:
                yield self.q(s, NKG.reportingVerb, _str(ns.cue))
            for key in ns.about:
                if (o := self.ref(key)) is not None:
                    yield self.q(s, NKG.about, o)
            yield from self.provenance(s, ns.evidence, ns.confidence)

    def summit(self, m: Summit) -> Iterator[Quad]:
        s = self.iri[m.key]
        yield self.q(s, RDF.type, _n(NKG.term(m.kind.value)))
        if m.kind.value != "Summit":
            yield self.q(s, RDF.type, _n(NKG.Summit))
        if m.kind.value == "StateVisit":
            yield self.q(s, RDF.type, _n(NKG.Visit))
        yield self.q(s, RDFS.label, _str(m.label))
        yield self.q(s, NKG.text, _str(m.evidence.sentence))
        for key in m.participants:
            if (o := self.ref(key)) is not None:
                yield self.q(s, NKG.participant, o)
        if (o := self.ref(m.location)) is not None:
            yield self.q(s, NKG.location, o)
        if (o := self.ref(m.initiated_by)) is not None:
            yield self.q(s, NKG.initiatedBy, o)
        for key in m.outcomes:
            if (o := self.ref(key)) is not None:
                yield self.q(s, NKG.outcome, o)
        if m.status:
            yield self.q(s, NKG.status, _str(m.status))
        yield from self.time(s, m.time)
        yield from self.provenance(s, m.evidence, m.confidence)
        yield from self.canonical_summit(s, m)

    def canonical_summit(self, s: NamedNode, m: Summit) -> Iterator[Quad]:
        """Link the report to the real-world event it shares with other articles (see
        :meth:`graph.iris.Minter.canonical_summit`): same kind family, month and participants."""
        month = summit_month(m.time)
        labels = {a.key: a.label for a in self.x.actors}
        parts = {
            o.value: labels.get(key, key)
            for key in m.participants
            if (o := self.ref(key)) is not None
        }
        if month is None:
            return
        iri = self.minter.canonical_summit(_FAMILY[m.kind], month, list(parts))
        if iri is None:
            return
        canon = _n(iri)
        names = " and ".join(parts[p] for p in sorted(parts))
        # The IRI is the shared identity; its description goes in the reporting document's
        # graph, so it leaves the store with the last article that reports the event.
        yield self.q(s, NKG.canonicalSummit, canon)
        yield self.q(canon, RDF.type, _n(NKG.CanonicalSummit))
        yield self.q(canon, RDFS.label, _str(f"{_FAMILY[m.kind]} of {names} in {month}"))

    def policy(self, p: Policy) -> Iterator[Quad]:
        s = self.iri[p.key]
        yield self.q(s, RDF.type, _n(NKG.term(p.kind.value)))
        if p.kind.value != "Policy":
            yield self.q(s, RDF.type, _n(NKG.Policy))
        if p.kind.value == "MilitaryAid":
            yield self.q(s, RDF.type, _n(NKG.Aid))
        yield self.q(s, RDFS.label, _str(p.label))
        yield self.q(s, NKG.text, _str(p.evidence.sentence))
        for prop, key in (
            (NKG.actor, p.actor),
            (NKG.target, p.target),
            (NKG.commodity, p.commodity),
        ):
            if (o := self.ref(key)) is not None:
                yield self.q(s, prop, o)
        if p.quantity is not None:
            yield self.q(s, NKG.quantity, _dec(p.quantity))
        if p.unit:
            yield self.q(s, NKG.unit, _str(p.unit))
        if p.status:
            yield self.q(s, NKG.status, _str(p.status))
        yield from self.time(s, p.time)
        yield from self.provenance(s, p.evidence, p.confidence)

    def all(self) -> Iterator[Quad]:
        yield from self.document()
        for a in self.x.actors:
            yield from self.actor(a)
        for t in self.x.topics:
            yield from self.topic(t)
        yield from self.statements()
        for m in self.x.summits:
            yield from self.summit(m)
        for p in self.x.policies:
            yield from self.policy(p)


def summit_month(t: TimeRef | None) -> str | None:
    """The month a summit falls in, when its date is known that well (``2025-04``): from its
    day, or from a range that starts and ends in the same month ("in April")."""
    if t is None:
        return None
    if t.day:
        return f"{t.day.year:04d}-{t.day.month:02d}"
    if (
        t.earliest
        and t.latest
        and (t.earliest.year, t.earliest.month) == (t.latest.year, t.latest.month)
    ):
        return f"{t.earliest.year:04d}-{t.earliest.month:02d}"
    return None


def _short(sentence: str, limit: int = 120) -> str:
    sentence = " ".join(sentence.split())
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"


def to_quads(extraction: Extraction, base: str = DEFAULT_BASE) -> Iterator[Quad]:
    """Every quad newskg writes for one document's extraction.

    Quads in the document's own graph come with graph name = the document IRI; shared entity
    descriptions come in the entities graph (see :class:`graph.iris.Minter`).
    """
    return _Emitter(extraction, Minter(base)).all()


def document_iri(doc_id: str, base: str = DEFAULT_BASE) -> str:
    return Minter(base).document(doc_id)
