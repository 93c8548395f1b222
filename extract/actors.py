"""Actors: every person, state, organisation and place a document mentions, one per entity.

:func:`find_actors` groups the entity mentions of a ``Doc`` into actors (a surname joins the full
name already mentioned, titles become roles, gazetteer names get their QID) and returns an
:class:`ActorIndex` that other extractors ask "which actor is this token?" — including for
pronouns, and for capitals standing for their state when they act.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span, Token

from extract import lexicons
from extract.gazetteer import Entry, Gazetteer, normalise
from extract.linking import link, resolve
from extract.names import bracketed_acronyms, possessor, programmes
from extract.records import Actor, ActorKind, Mention
from extract.text import Layout

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
_KIND_OF_LABEL = {
    "PERSON": ActorKind.PERSON,
    "ORG": ActorKind.ORGANIZATION,
    "GPE": ActorKind.PLACE,
    "LOC": ActorKind.PLACE,
    "FAC": ActorKind.PLACE,
}
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
GROUP_PRONOUNS = frozenset({"they", "them", "their", "it", "its"})


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
            return self._antecedent(token, persons=True)
        if lower in GROUP_PRONOUNS:
            return self._antecedent(token, persons=False)
        return None

    def _antecedent(self, token: Token, *, persons: bool) -> str | None:
        """The nearest earlier mention of the right sort, preferring grammatical subjects."""
        sent_start = token.sent.start
        best: tuple[int, int] | None = None
        best_key = None
        for i in range(token.i - 1, max(-1, sent_start - 200), -1):
            key = self._by_token.get(i)
            if key is None:
                continue
            kind = self._drafts[key].kind
            is_person = kind is ActorKind.PERSON
            if persons != is_person or kind in (ActorKind.PLACE, ActorKind.CITY):
                continue
            t = self.doc[i]
            # Subjects are the usual antecedents; otherwise the closest mention.
            score = (2 if t.dep_ in ("nsubj", "nsubjpass") else 0) + (
                1 if t.sent.start == sent_start else 0
            )
            if best is None or score > best[0]:
                best, best_key = (score, i), key
            if score >= 2:
                break
        return best_key

    def anonymous(self, token: Token) -> str:
        """The document's one anonymous-source actor, with ``token``'s noun phrase as mention."""
        key = "AnonymousSource:anonymous"
        first = min((t.i for t in token.subtree if t.i <= token.i), default=token.i)
        span = self.doc[first : token.i + 1]
        draft = _Draft(key=key, label="anonymous source", kind=ActorKind.ANONYMOUS)
        if key in self._drafts:
            self._drafts[key].mentions.append(Mention(span.text, span.start_char, span.end_char))
            return key
        return self._add(draft, span)

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


def _clean_span(span: Span) -> Span:
    """Drop a leading 'the', a trailing possessive and a bracket the NER ran into ("National
    Association of Pension Funds (NAPF") from an entity span."""
    start, end = span.start, span.end
    doc = span.doc
    end = next((i for i in range(start + 1, end) if doc[i].text == "("), end)
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while (
        end > start
        and doc[end - 1].tag_ == "POS"
        or (end > start and doc[end - 1].text in ("'s", "\u2019s", "'", "\u2019"))
    ):
        end -= 1
    return Span(doc, start, end, label=span.label, kb_id=span.kb_id)


def _strip_title(span: Span, titles: frozenset[str]) -> tuple[Span, str | None]:
    """'President Xi' -> ('Xi', 'President')."""
    doc = span.doc
    start = span.start
    while start < span.end - 1:
        two = doc[start : start + 2].text.lower()
        if two in titles and start + 2 < span.end:
            start += 2
        elif doc[start].lower_ in titles:
            start += 1
        else:
            break
    if start == span.start:
        return span, None
    return Span(doc, start, span.end, label=span.label), doc[span.start : start].text


def _role_before(span: Span, titles: frozenset[str]) -> str | None:
    """The title written just before a name: 'U.S. Treasury Secretary' Scott Bessent."""
    doc = span.doc
    i = span.start - 1
    first = span.start
    while i >= 0:
        t = doc[i]
        if (
            t.is_punct
            and t.text not in (".",)
            or t.pos_ in ("VERB", "AUX", "DET", "ADP", "CCONJ", "PRON", "SCONJ", "NUM")
        ):
            break
        if t.pos_ not in ("PROPN", "NOUN", "ADJ") and not t.ent_type_:
            break
        first = i
        i -= 1
    if first == span.start:
        return None
    words = doc[first : span.start]
    lowered = words.text.lower()
    if not any(w.lower_ in titles for w in words) and not any(
        title in lowered for title in titles if " " in title
    ):
        return None
    return words.text


def find_actors(doc: Doc, gazetteer: Gazetteer, layout: Layout | None = None) -> ActorIndex:
    """Group the entity mentions of ``doc`` into actors.

    Headings are skipped (a headline fragment is not an actor), a dateline gives a place, and a
    single name joins a full name of the same document that contains it.
    """
    layout = layout or Layout(doc.text)
    titles = lexicons.words("titles.txt")
    index = ActorIndex(doc, gazetteer)
    ents = [e for e in doc.ents if e.label_ in ACTOR_LABELS and not layout.in_heading(e.start_char)]
    persons: list[tuple[Span, str | None]] = []
    # Tokens of full personal names: an ORG/GPE mention equal to one is that person misread.
    name_tokens = {
        t.lower_
        for e in ents
        if e.label_ == "PERSON"
        for t in _strip_title(_clean_span(e), titles)[0]
        if len(e) > 1 and t.is_alpha
    }
    institutions = lexicons.words("institutions.txt")
    progs = programmes(doc, gazetteer)
    for ent in ents:
        span = _clean_span(ent)
        if len(span) == 0:
            continue
        if ent.label_ == "ORG" and progs.covers(span):
            # A programme is a topic; whose programme it is may still name a person.
            owner = possessor(span)
            if owner is not None and any(t.lower_ in titles for t in owner):
                persons.append(
                    _strip_title(Span(doc, owner.start, owner.end, label="PERSON"), titles)
                )
            continue
        if (
            ent.label_ != "PERSON"
            and span.text.lower() in name_tokens
            and link(span, gazetteer) is None
        ):
            persons.append((Span(doc, span.start, span.end, label="PERSON"), None))
            continue
        if ent.label_ in ("ORG", "GPE") and len(span) >= 2:
            head = Span(doc, span.start, span.end - 1, label="GPE")
            last = doc[span.end - 1]
            states = [e for e in gazetteer.lookup(head.text) if e.type == "country"]
            if (
                len(states) == 1
                and last.lower_ not in institutions
                and not gazetteer.lookup(span.text)
            ):
                # "U.S. Imports": wire style capitalises the word after an abbreviation.
                index._add(_from_entry(states[0], 0.9), head)
                continue
        if ent.label_ == "ORG" and not any(t.is_title or t.is_upper for t in span):
            continue  # "working party": a lower-case phrase is not a name
        if ent.label_ == "PERSON":
            name, title = _strip_title(span, titles)
            persons.append((name, title or _role_before(span, titles)))
            continue
        if ent.label_ == "NORP":
            states = [e for e in gazetteer.demonym(span.text) if e.type == "country"]
            if len(states) == 1:
                index._add(_from_entry(states[0], 0.9), span)
            continue
        resolution = resolve(span, gazetteer)
        if resolution.link is not None:
            linked = resolution.link
            index._add(_from_entry(linked.entry, linked.confidence), span)
            continue
        kind = _KIND_OF_LABEL[ent.label_]
        if layout.in_dateline(span.start_char):
            kind = ActorKind.PLACE
        label = span.text
        draft = _Draft(key=f"{kind.value}:{normalise(label)}", label=label, kind=kind)
        draft.candidates = resolution.candidates
        index._add(draft, span)

    # Full names first, so that a lone surname or given name can join them.
    persons.sort(key=lambda p: -len(p[0]))
    full: list[_Draft] = []
    for name, role in persons:
        resolution = resolve(name, gazetteer, role)
        found = resolution.link
        tokens = [t.lower_ for t in name]
        match = None
        if len(tokens) == 1:
            match = next((d for d in full if tokens[0] in d.label.lower().split()), None)
            if match is None and found is None:
                # "Mulrony" beside "Brian Mulroney": a surname misspelt by one letter.
                close = {
                    d.key: d for d in full if one_edit_apart(tokens[0], d.label.lower().split()[-1])
                }
                match = next(iter(close.values())) if len(close) == 1 else None
        if match is None and found is not None:
            draft = _from_entry(found.entry, found.confidence)
        elif match is not None:
            draft = _Draft(key=match.key, label=match.label, kind=ActorKind.PERSON)
        else:
            # A lone surname is never a label: keep the title with it ("President Reagan").
            label = f"{role} {name.text}" if len(tokens) == 1 and role else name.text
            draft = _Draft(key=f"Person:{normalise(name.text)}", label=label, kind=ActorKind.PERSON)
            draft.candidates = resolution.candidates
        draft.role = role
        if role:
            draft.country_qid = _country_in(role, gazetteer)
        key = index._add(draft, name)
        if len(tokens) > 1 and index._drafts[key] not in full:
            full.append(index._drafts[key])
    _merge_aliases(index, doc)
    # A person's country (from a demonym or title) is an actor of the document too, so the
    # graph describes every country it points to.
    for draft in list(index._drafts.values()):
        if draft.country_qid and draft.country_qid in gazetteer.by_qid:
            index.ensure_entry(gazetteer.by_qid[draft.country_qid])
    return index


def _merge_aliases(index: ActorIndex, doc: Doc) -> None:
    """One actor per entity however it is written.

    - An acronym in brackets after a name ("World Trade Organisation (WTO)") is that name; the
      one of the two the gazetteer links is kept.
    - A single capitalised word that extends another actor's name with lower-case letters is a
      word derived from it ("Congressional leaders" beside "Congress"), even misspelt; one a
      letter away from a person's surname is that person, misspelt.
    """
    for name, acronym in bracketed_acronyms(doc):
        a, b = index.at(name[-1]), index.at(acronym[0])
        if a and not b and a in index._drafts:
            index._add(index._drafts[a], acronym)
        elif a and b and a != b and a in index._drafts and b in index._drafts:
            keep, drop = (b, a) if index._drafts[b].qid and not index._drafts[a].qid else (a, b)
            index._merge(keep, drop)
    words: dict[str, str] = {}
    for d in index._drafts.values():
        if d.kind is ActorKind.PERSON:
            continue
        for m in (d.label, *(m.text for m in d.mentions)):
            for w in m.split():
                if len(w) >= 5 and w[:1].isupper() and w[1:].islower():
                    words.setdefault(w.lower(), d.key)
    for d in list(index._drafts.values()):
        if d.qid or d.kind in (ActorKind.PERSON, ActorKind.ANONYMOUS) or " " in d.label:
            continue
        label = d.label
        if not (label[:1].isupper() and label[1:].islower() and label.isalpha()):
            continue
        # "Senate" -> "Senatorial": a final e drops before a suffix.
        base = next(
            (
                k
                for w, k in words.items()
                if k != d.key
                and len(label) >= len(w) + 2
                and label.lower().startswith(w[:-1] if w.endswith("e") else w)
            ),
            None,
        )
        if base is None:
            # "Kiechl" beside "Ignaz Kiechle": a surname misspelt, and then mistyped by the NER.
            people = {
                p.key
                for p in index._drafts.values()
                if p.kind is ActorKind.PERSON
                and " " in p.label
                and one_edit_apart(label.lower(), p.label.lower().split()[-1])
            }
            base = people.pop() if len(people) == 1 else None
        if base is not None and base in index._drafts:
            index._merge(base, d.key)


def one_edit_apart(a: str, b: str) -> bool:
    """Whether two different words of five letters or more differ by one letter added,
    dropped, changed, or two neighbours swapped.

    >>> one_edit_apart("mulrony", "mulroney"), one_edit_apart("baker", "parker")
    (True, False)
    """
    if a == b or min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _country_in(role: str, gazetteer: Gazetteer) -> str | None:
    for word in role.replace("-", " ").split():
        states = [e for e in gazetteer.demonym(word) if e.type == "country"]
        if not states:
            states = [e for e in gazetteer.lookup(word) if e.type == "country"]
        if len(states) == 1:
            return states[0].qid
    return None
