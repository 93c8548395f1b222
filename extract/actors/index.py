"""The actor index: the actors of one document and the tokens that mention them.

Built by :func:`extract.actors.find_actors`; other extractors ask it "which actor is this
token?" - including for pronouns (through :mod:`extract.discourse`), and for capitals standing
for their state when they act - and add the actors they resolve (a body, an unnamed source).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span, Token

from extract import lexicons
from extract.discourse import GROUP_PRONOUNS, PERSONAL_PRONOUNS, antecedent
from extract.gazetteer import Entry, Gazetteer, normalise
from extract.records import Actor, ActorKind, Mention

_KIND_OF_TYPE = {
    "country": ActorKind.COUNTRY,
    "territory": ActorKind.COUNTRY,
    "former_country": ActorKind.COUNTRY,
    "city": ActorKind.CITY,
    "international_organisation": ActorKind.INTERNATIONAL_ORGANIZATION,
    "government_body": ActorKind.GOVERNMENT_BODY,
    "legislature": ActorKind.GOVERNMENT_BODY,
    "news_agency": ActorKind.NEWS_ORGANIZATION,
    "company": ActorKind.ORGANIZATION,
    "person": ActorKind.PERSON,
    "region": ActorKind.PLACE,
    "newspaper": ActorKind.NEWS_ORGANIZATION,
}
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})


@dataclass
class _Draft:
    key: str
    label: str
    kind: ActorKind
    qid: str | None = None
    description: str | None = None
    role: str | None = None
    country_qid: str | None = None
    link_confidence: float | None = None
    candidates: tuple[tuple[str, float], ...] = ()
    affiliation: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    tokens: set[int] = field(default_factory=set)

    def freeze(self) -> Actor:
        return Actor(
            key=self.key,
            label=self.label,
            kind=self.kind,
            qid=self.qid,
            description=self.description,
            role=self.role,
            country_qid=self.country_qid,
            link_confidence=self.link_confidence,
            candidates=() if self.qid else self.candidates,
            affiliation=self.affiliation,
            mentions=tuple(sorted(self.mentions, key=lambda m: m.start)),
        )


def keys_in(by_token: dict[int, str], tokens: Iterable[Token]) -> list[str]:
    """The keys ``by_token`` gives the tokens, in order of first occurrence, without repeats."""
    return list(dict.fromkeys(k for t in tokens if (k := by_token.get(t.i))))


class ActorIndex:
    """The actors of one document and the tokens that mention them."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer) -> None:
        self.doc = doc
        self.gazetteer = gazetteer
        self._drafts: dict[str, _Draft] = {}
        self._by_token: dict[int, str] = {}

    # -- building --------------------------------------------------------------------------

    def _add(self, draft: _Draft, span: Span | None) -> str:
        existing = self._drafts.get(draft.key)
        if existing is None:
            self._drafts[draft.key] = existing = draft
        else:
            existing.role = existing.role or draft.role
            existing.country_qid = existing.country_qid or draft.country_qid
            existing.candidates = existing.candidates or draft.candidates
        if span is not None:
            existing.mentions.append(Mention(span.text, span.start_char, span.end_char))
            for t in span:
                self._by_token.setdefault(t.i, existing.key)
        return existing.key

    def _merge(self, keep: str, drop: str) -> None:
        """Make every mention of ``drop`` one of ``keep`` (the same entity written twice)."""
        gone = self._drafts.pop(drop)
        kept = self._drafts[keep]
        kept.mentions.extend(gone.mentions)
        kept.role = kept.role or gone.role
        for i, key in self._by_token.items():
            if key == drop:
                self._by_token[i] = keep

    def ensure_entry(self, entry: Entry) -> str:
        """The key of the actor for a gazetteer entry, adding it (with no mention) if needed."""
        return self._add(_from_entry(entry), None)

    def ensure_named(self, label: str, kind: ActorKind) -> str:
        """The key of the actor labelled ``label`` (same normalised label, not a place),
        adding an unlinked one with no mention if the document has none: a group named only by
        description ("the seven richest nations") is still one actor."""
        wanted = normalise(label)
        for d in self._drafts.values():
            if normalise(d.label) == wanted and d.kind not in (ActorKind.PLACE, ActorKind.CITY):
                return d.key
        return self._add(_Draft(key=f"{kind.value}:{wanted}", label=label, kind=kind), None)

    # -- asking ----------------------------------------------------------------------------

    @property
    def actors(self) -> tuple[Actor, ...]:
        return tuple(d.freeze() for d in self._drafts.values())

    def get(self, key: str) -> _Draft | None:
        return self._drafts.get(key)

    def kind(self, key: str) -> ActorKind | None:
        d = self._drafts.get(key)
        return d.kind if d else None

    def at(self, token: Token) -> str | None:
        """The actor a token belongs to a mention of (pronouns not resolved)."""
        return self._by_token.get(token.i)

    def in_span(self, span: Span | Iterable[Token]) -> list[str]:
        """Actors mentioned in a span, in order of first mention, without repeats."""
        return keys_in(self._by_token, span)

    def resolve(self, token: Token) -> str | None:
        """The actor a token refers to: its mention, or for a pronoun its antecedent."""
        key = self.at(token)
        if key:
            return key
        lower = token.lower_
        if lower in PERSONAL_PRONOUNS:
            return antecedent(self, token, persons=True)
        if lower in GROUP_PRONOUNS:
            return antecedent(self, token, persons=False)
        return None

    def described(self, span: Span, label: str, owner: str | None = None) -> str:
        """The unnamed speaker a description stands for ("officials", "his lawyer"), with
        ``span`` as mention: one actor per label and owner in the document, so that "police"
        said twice is one speaker and "his lawyer" of two men are two."""
        key = f"AnonymousSource:{normalise(label)}" + (f"@{owner}" if owner else "")
        # The label says the description is no name ("diplomats" is no entity).
        draft = self._drafts.setdefault(
            key,
            _Draft(
                key=key, label=f"{label} (unnamed)", kind=ActorKind.ANONYMOUS, affiliation=owner
            ),
        )
        draft.mentions.append(Mention(span.text, span.start_char, span.end_char))
        for t in span:
            # Not the owner's pronoun: "his" in "his lawyer" still stands for the man.
            if t.lower_ not in PERSONAL_PRONOUNS | GROUP_PRONOUNS:
                self._by_token.setdefault(t.i, key)
        return key

    def state_of(self, key: str | None) -> str | None:
        """The state an actor belongs to or acts for: itself for a state, a person's country."""
        if key is None:
            return None
        d = self._drafts.get(key)
        if d is None:
            return None
        if d.kind is ActorKind.COUNTRY:
            return key
        if d.kind is ActorKind.CITY:
            return self.agent(key)
        if d.country_qid and d.country_qid in self.gazetteer.by_qid:
            return self.ensure_entry(self.gazetteer.by_qid[d.country_qid])
        return None

    def body(self, span: Span, owner: str | None) -> str:
        """A ministry or agency named by a common noun phrase ("China's foreign ministry")."""
        for t in span:
            k = self._by_token.get(t.i)
            if k and self._drafts[k].kind in (
                ActorKind.GOVERNMENT_BODY,
                ActorKind.ORGANIZATION,
                ActorKind.NEWS_ORGANIZATION,
            ):
                return k
        label = span.text
        draft = _Draft(
            key=f"GovernmentBody:{normalise(label)}", label=label, kind=ActorKind.GOVERNMENT_BODY
        )
        if owner:
            d = self._drafts.get(owner)
            draft.country_qid = (
                d.qid if d and d.kind is ActorKind.COUNTRY else (d.country_qid if d else None)
            )
        key = draft.key
        if key in self._drafts:
            self._drafts[key].mentions.append(Mention(span.text, span.start_char, span.end_char))
            return key
        d = self._drafts[key] = draft
        d.mentions.append(Mention(span.text, span.start_char, span.end_char))
        return key

    def add_person(self, span: Span, role: str | None = None) -> str:
        """The person a proper name the NER missed stands for ("its minister, Pablo Ruiz"):
        the full name already known, or a new person."""
        key = f"Person:{normalise(span.text)}"
        if key not in self._drafts and len(span) == 1:
            key = self.person_named(span[0]) or key
        draft = self._drafts.get(key) or _Draft(
            key=key, label=span.text, kind=ActorKind.PERSON, role=role
        )
        return self._add(draft, span)

    def person_named(self, token: Token) -> str | None:
        """The one person whose full name contains ``token`` (a surname the NER missed)."""
        word = token.lower_
        keys = {
            d.key
            for d in self._drafts.values()
            if d.kind is ActorKind.PERSON
            and word in d.label.lower().split()[-2:]
            and len(d.label.split()) > 1
        }
        return keys.pop() if len(keys) == 1 else None

    def is_media(self, key: str | None) -> bool:
        """Whether an actor is a news organisation (which relays what others say)."""
        d = self._drafts.get(key or "")
        if d is None:
            return False
        if d.kind is ActorKind.NEWS_ORGANIZATION:
            return True
        media = {w for w, c in _nominal_classes().items() if c == "media"}
        low = d.label.lower()
        return any(re.search(rf"\b{re.escape(w)}\b", low) for w in media) or any(
            re.search(rf"\b{re.escape(w)}\b", m.text.lower()) for w in media for m in d.mentions
        )

    def agent(self, key: str | None) -> str | None:
        """The actor that acts for ``key``: a capital used as an agent stands for its state."""
        if key is None:
            return None
        d = self._drafts.get(key)
        if d is not None and d.kind is ActorKind.CITY and d.qid:
            state = self.gazetteer.capital_of.get(d.qid)
            if state is not None:
                return self.ensure_entry(state)
        return key


@cache
def _nominal_classes() -> dict[str, str]:
    return {row["word"]: row["class"] for row in lexicons.table("nominal_speakers.tsv")}


def _from_entry(entry: Entry, link_confidence: float = 0.95) -> _Draft:
    kind = _KIND_OF_TYPE.get(entry.type, ActorKind.ORGANIZATION)
    return _Draft(
        key=entry.qid,
        label=entry.label,
        kind=kind,
        qid=entry.qid,
        description=entry.description,
        link_confidence=link_confidence,
        country_qid=entry.country_qid if kind is not ActorKind.COUNTRY else None,
    )


__all__ = ["ACTOR_LABELS", "ActorIndex", "keys_in"]
